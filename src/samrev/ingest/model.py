"""Records of ingestion: what a reader returns and what the ingest service hands on.

Offsets are Python ``str`` indices (code points) into :attr:`IngestedDocument.text`, end-exclusive,
as everywhere in samrev (see :mod:`samrev.core.model`).  A paged format (PDF) has one
:class:`PageInfo` per page; pages are joined with :data:`PAGE_SEPARATOR` (``"\\n\\f\\n"``: a blank
line, so paragraph splitters break there, holding a form feed, so the boundary stays visible in
the text).  A page's range never includes the separator: ``text[p.start:p.end]`` is exactly the
page's text.  Formats without pages (DOCX, ODT, HTML, plain text) have ``pages == []`` and spans
into them carry ``page=None``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from samrev.core.errors import IngestError

PAGE_SEPARATOR = "\n\f\n"


@dataclass(frozen=True, slots=True)
class PageInfo:
    """One page: 1-based ``number``, its character range in the text, and whether OCR made it."""

    number: int
    start: int
    end: int
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "start": self.start, "end": self.end, "ocr": self.ocr}


@dataclass(frozen=True, slots=True)
class SignatureInfo:
    """A digital signature field of a PDF (as stated by the file; the certificate is not validated)."""

    signer: str | None
    signed_at: datetime | None
    covers_whole_document: bool
    field_name: str | None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "signer": self.signer,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "covers_whole_document": self.covers_whole_document,
            "field_name": self.field_name,
            "reason": self.reason,
        }


@dataclass(slots=True)
class RawPage:
    """A page's text as the reader got it (not yet normalised); ``ocr`` when OCR produced it."""

    text: str
    ocr: bool = False


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: page texts before normalisation, plus format facts.

    ``paged`` is False for formats without pages; they return one :class:`RawPage` holding the
    whole text.
    """

    format: str
    pages: list[RawPage]
    paged: bool = True
    signatures: list[SignatureInfo] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class IngestedDocument:
    """One input file turned into one normalised text with page ranges, or an error.

    ``path`` is the path as given (a file inside a ZIP archive is ``archive.zip!inner/file.pdf``).
    ``error`` is set (and ``text`` empty) when the file could not be read; the record is still
    returned, so a batch goes on.
    """

    path: str
    format: str | None = None
    text: str = ""
    pages: list[PageInfo] = field(default_factory=list)
    needs_ocr: bool = False
    signatures: list[SignatureInfo] = field(default_factory=list)
    content_hash: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    error: IngestError | None = None
    reader: str | None = None  # "pdf@1": the component name and version that read the file
    derived: dict[str, Any] = field(default_factory=dict)  # results of an ``after`` hook (see batch)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def file_name(self) -> str:
        return Path(self.path.rpartition("!")[2]).name

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding character ``offset`` (a separator counts to the page before)."""
        if not self.pages or offset < 0 or offset > len(self.text):
            return None
        index = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[max(index, 0)].number

    def page_text(self, number: int) -> str:
        page = self.pages[number - 1]
        return self.text[page.start : page.end]

    def error_record(self) -> dict[str, str] | None:
        """``{"code": <spec code>, "message": <bokmål>}`` as the spec's ``error`` field, or None."""
        if self.error is None:
            return None
        return {"code": self.error.short_code, "message": self.error.message}

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """A JSON-ready summary (the text itself only on request)."""
        out: dict[str, Any] = {
            "file": self.path,
            "format": self.format,
            "reader": self.reader,
            "content_hash": self.content_hash,
            "pages": len(self.pages),
            "page_ranges": [p.to_dict() for p in self.pages],
            "needs_ocr": self.needs_ocr,
            "characters": len(self.text),
            "signatures": [s.to_dict() for s in self.signatures],
            "metadata": self.metadata,
            "error": self.error_record(),
        }
        if include_text:
            out["text"] = self.text
        return out
