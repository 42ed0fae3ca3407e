"""Conformance of every reader component, and the registrations in samrev.core."""

from __future__ import annotations

import pytest

from samrev.core import components
from samrev.ingest.dispatch import reader_class
from samrev.ingest.readers import READERS
from samrev.ingest.readers.base import Reader


@pytest.mark.parametrize("name", list(READERS))
def test_reader_conforms(name: str) -> None:
    cls = reader_class(name)
    reader = cls()
    assert isinstance(reader, Reader)
    assert cls.name == name and cls.version and cls.label
    assert cls.extensions and all(ext.startswith(".") and ext == ext.lower() for ext in cls.extensions)
    assert reader.sniff(b"") is False


def test_reader_names_snapshot() -> None:
    assert list(READERS) == ["pdf", "docx", "odt", "rtf", "doc", "html", "text"]


def test_registered_in_core_as_listed() -> None:
    registered = components.all_registered().get("reader", {})
    if not registered:
        pytest.skip("readers not yet registered in samrev.core.registrations")
    assert registered == READERS
