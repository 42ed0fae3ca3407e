"""The error catalogue: stable unique codes, sound templates, every code documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samrev.core.errors import (
    EncryptedFile,
    IngestError,
    SamrevError,
    UnknownMunicipality,
    all_error_classes,
    render_message,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def test_codes_are_unique_and_upper_snake() -> None:
    codes = [cls.code for cls in all_error_classes()]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]+", code) for code in codes)


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda c: c.code)
def test_message_is_built_from_declared_fields(cls: type[SamrevError]) -> None:
    fields = {name: f"<{name}>" for name in cls.placeholders()}
    error = cls(**fields)
    assert error.message.strip()
    for value in fields.values():
        assert value in error.message
    record = error.to_dict()
    assert record["code"] == cls.code and record["message"] == error.message


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda c: c.code)
def test_every_code_is_documented(cls: type[SamrevError]) -> None:
    assert f"`{cls.code}`" in DOCS.read_text(encoding="utf-8")


def test_ingest_errors_carry_the_spec_codes() -> None:
    short = {cls.short_code for cls in all_error_classes() if issubclass(cls, IngestError)}
    assert {"unreadable", "encrypted", "empty", "unsupported"} <= short
    assert EncryptedFile(path="a.pdf").to_dict()["code"] == "INGEST_ENCRYPTED"


def test_missing_field_renders_a_placeholder_not_a_crash() -> None:
    error = UnknownMunicipality(query="Atlantis")
    assert "Atlantis" in error.message and "?" in error.message
    assert error.hint in render_message(error)
