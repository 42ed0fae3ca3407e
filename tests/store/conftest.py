"""Fixtures for the store tests: a project, a round, documents with known text."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import Any

import pytest

TEXT = (
    "Samarbeidsavtale mellom Helse Nord og Bodø kommune.\n"
    "Partene skal samarbeide om lærings- og mestringstilbud.\n"
    "Brukerrepresentanter deltar i planleggingen."
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def on_postgres() -> bool:
    return os.environ.get("SAMREV_DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture
def project() -> Any:
    from samrev.store import actions

    return actions.create_project("Nasjonal LMS-gjennomgang", "lms", actor="alice")


@pytest.fixture
def review_round(project: Any) -> Any:
    from samrev.store import actions

    return actions.create_round(project, "Kartlegging 2025", 2025, 2024, actor="alice")


@pytest.fixture
def save_doc() -> Callable[..., Any]:
    """``save_doc(text, path)`` → (Document, created), with sensible defaults."""
    from samrev.store import actions

    def _save(text: str = TEXT, path: str = "avtaler/bodo.pdf", **kwargs: Any) -> Any:
        return actions.save_document(
            content_hash=sha(text),
            format=kwargs.pop("format", "pdf"),
            text=text,
            path=path,
            pages=kwargs.pop("pages", 1),
            page_ranges=kwargs.pop("page_ranges", [(0, len(text))]),
            actor=kwargs.pop("actor", "alice"),
            **kwargs,
        )

    return _save
