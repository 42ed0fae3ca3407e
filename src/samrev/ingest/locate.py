"""Locations and language of an ingested document: passages with offsets and page numbers, and
the dominant written standard — computed in the worker that read the file (an ``after`` hook of
:func:`samrev.ingest.ingest_many`), so a batch uses every core for them too."""

from __future__ import annotations

from typing import Any

from samrev.ingest.model import IngestedDocument


def locate(document: IngestedDocument) -> None:
    """Put ``passages`` and ``language`` in ``document.derived`` (nothing for a failed file)."""
    if document.error is not None or not document.text:
        return
    from samrev.text import passages

    found = passages(document.text, page_ranges=[(p.start, p.end) for p in document.pages] or None,
                     language=False)
    document.derived["passages"] = found
    document.derived["language"] = _language(document, found)


def detect_language(document: IngestedDocument) -> None:
    """Only ``language`` (for a batch that stores nothing, passages are not needed)."""
    if document.error is None and document.text:
        document.derived["language"] = _language(document, None)


def _language(document: IngestedDocument, found: list[Any] | None) -> str | None:
    """The written standard from separating words when they decide it clearly
    (:func:`samrev.text.quick_language`, no model), else from the detector on the longest passages."""
    from samrev.text import document_language, passages, quick_language

    language = quick_language(document.text)
    if language is None:
        if found is None:
            found = passages(document.text, page_ranges=[(p.start, p.end) for p in document.pages] or None,
                             language=False)
        guess = document_language(found)
        language = guess.lang if guess.confidence > 0 else None
    return language
