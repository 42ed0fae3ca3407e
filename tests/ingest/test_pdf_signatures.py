"""Digital signatures in PDFs (pyHanko): signer, time, whole-document coverage, field name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samrev.ingest import ingest_file
from samrev.ingest.fixtures import signed_pdf
from samrev.ingest.readers.signatures import parse_pdf_date

CET = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def signed(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("signed")
    return {
        "whole": signed_pdf(directory / "signert.pdf", files["nb_pdf"]),
        "changed": signed_pdf(directory / "endra.pdf", files["nb_pdf"], signer="Ola Hansen",
                              field_name="Helseforetak", append_after=True),
    }


def test_signature_read(signed: dict[str, Path]) -> None:
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    document = ingest_file(signed["whole"])
    assert document.error is None and len(document.pages) == 3
    (signature,) = document.signatures
    assert signature.signer == "Kari Nordmann"
    assert signature.field_name == "Signatur1"
    assert signature.covers_whole_document is True
    assert signature.reason == "Godkjent av partene"
    assert signature.signed_at is not None and signature.signed_at > before
    assert document.to_dict()["signatures"][0]["signer"] == "Kari Nordmann"


def test_changes_after_signing_are_noticed(signed: dict[str, Path]) -> None:
    (signature,) = ingest_file(signed["changed"]).signatures
    assert signature.signer == "Ola Hansen" and signature.field_name == "Helseforetak"
    assert signature.covers_whole_document is False


def test_unsigned_pdf_has_none(files: dict[str, Path]) -> None:
    assert ingest_file(files["nb_pdf"]).signatures == []


def test_pdfium_fallback(signed: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from samrev.ingest.readers import signatures

    def broken(data: bytes) -> list[object]:
        raise ValueError("pyHanko cannot parse this file")

    monkeypatch.setattr(signatures, "_with_pyhanko", broken)
    (signature,) = ingest_file(signed["whole"]).signatures
    assert signature.signer is None and signature.covers_whole_document is True
    assert signature.signed_at is not None and signature.reason == "Godkjent av partene"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("D:20210312101500+01'00'", dt.datetime(2021, 3, 12, 10, 15, tzinfo=CET)),
        ("D:20210312", dt.datetime(2021, 3, 12, tzinfo=dt.UTC)),
        ("D:20210312101500Z", dt.datetime(2021, 3, 12, 10, 15, tzinfo=dt.UTC)),
        ("i går", None),
        (None, None),
    ],
)
def test_pdf_dates(raw: str | None, expected: dt.datetime | None) -> None:
    assert parse_pdf_date(raw) == expected
