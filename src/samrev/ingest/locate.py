"""Locations and language of an ingested document: passages with offsets and page numbers, and
the dominant written standard — computed in the worker that read the file (an ``after`` hook of
:func:`samrev.ingest.ingest_many`), so a batch uses every core for them too."""

from __future__ import annotations

from samrev.ingest.model import IngestedDocument


def locate(document: IngestedDocument) -> None:
    """Put ``passages`` and ``language`` in ``document.derived`` (nothing for a failed file)."""
    if document.error is not None or not document.text:
        return
    from samrev.text import document_language, passages

    found = passages(document.text, page_ranges=[(p.start, p.end) for p in document.pages] or None,
                     language=False)
    document.derived["passages"] = found
    guess = document_language(found)
    document.derived["language"] = guess.lang if guess.confidence > 0 else None
