"""Store an ingested document: one row per content hash, its passages, where it was seen.

A thin layer over :func:`samrev.store.actions.save_document` (idempotent by content hash; a
changed file at the same path becomes a new document linked to its predecessor).  Call
:func:`samrev.store.bootstrap.ensure_ready` first.
"""

from __future__ import annotations

from typing import Any

from samrev.ingest.model import IngestedDocument


def persist(document: IngestedDocument, *, language: str | None = None, actor: str = "samrev") -> tuple[Any, bool]:
    """(stored document, created) for an ingested file without error."""
    from samrev.store import actions

    metadata = {k: v for k, v in document.metadata.items() if isinstance(v, str | int | float | bool | list)}
    if document.signatures:
        metadata["signatures"] = [s.to_dict() for s in document.signatures]
    saved, created = actions.save_document(
        content_hash=document.content_hash or "", format=document.format or "", text=document.text,
        path=document.path, pages=len(document.pages), characters=len(document.text),
        language=language or str(document.derived.get("language") or ""), needs_ocr=document.needs_ocr,
        page_ranges=[(p.start, p.end) for p in document.pages], metadata=metadata, actor=actor,
    )
    if created and document.derived.get("passages"):
        actions.save_passages(saved, document.derived["passages"], actor=actor)
    return saved, created
