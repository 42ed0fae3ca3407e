"""What every reader is: a small component class that recognises and reads one format.

A reader has ``name``, ``version`` and ``label`` (the component contract of
:mod:`samrev.core.components`), the file name ``extensions`` it claims, ``sniff(head)`` telling
from the first bytes of a file whether the content is its format, and ``read(path, data)``
returning a :class:`~samrev.ingest.model.RawDocument` or raising an
:class:`~samrev.core.errors.IngestError`.  ``data`` is the file's bytes when the caller has
already read them (the ingest service reads each file once, to hash it); readers import their
libraries inside ``read`` so that sniffing stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from samrev.ingest.model import RawDocument, RawPage

HEAD_BYTES = 4096


@runtime_checkable
class Reader(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    label: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, path: Path, data: bytes | None = None) -> RawDocument: ...


def load(path: Path, data: bytes | None) -> bytes:
    """The file's bytes: ``data`` when given, else read from ``path``."""
    return data if data is not None else Path(path).read_bytes()


def single_page(format_name: str, text: str, **metadata: object) -> RawDocument:
    """A RawDocument for a format without pages."""
    return RawDocument(format=format_name, pages=[RawPage(text)], paged=False, metadata=dict(metadata))
