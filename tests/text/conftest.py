"""Fixtures for the text toolkit tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

LANGUAGE_PASSAGES = Path(__file__).parent / "data" / "language_passages.jsonl"


@pytest.fixture(scope="session")
def language_rows() -> list[dict[str, Any]]:
    """The labelled passages of tests/text/data/language_passages.jsonl."""
    lines = LANGUAGE_PASSAGES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
