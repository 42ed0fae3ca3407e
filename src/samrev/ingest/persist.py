"""Store an ingested document: one row per content hash, its passages, where it was seen.

A thin layer over :func:`samrev.store.actions.save_document` (idempotent by content hash; a
changed file at the same path becomes a new document linked to its predecessor).  Call
:func:`samrev.store.bootstrap.ensure_ready` first.  :func:`persist_many` stores a batch in one
transaction (:func:`samrev.store.actions.save_documents`), with the outcome of :func:`persist`
called on each document in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from samrev.ingest.model import IngestedDocument


def _fields(document: IngestedDocument, language: str | None = None) -> dict[str, Any]:
    """:func:`~samrev.store.actions.save_document`'s arguments for ``document``."""
    metadata = {k: v for k, v in document.metadata.items() if isinstance(v, str | int | float | bool | list)}
    if document.signatures:
        metadata["signatures"] = [s.to_dict() for s in document.signatures]
    return {
        "content_hash": document.content_hash or "", "format": document.format or "", "text": document.text,
        "path": document.path, "pages": len(document.pages), "characters": len(document.text),
        "language": language or str(document.derived.get("language") or ""), "needs_ocr": document.needs_ocr,
        "page_ranges": [(p.start, p.end) for p in document.pages], "metadata": metadata,
    }


def persist(document: IngestedDocument, *, language: str | None = None, actor: str = "samrev") -> tuple[Any, bool]:
    """(stored document, created) for an ingested file without error."""
    from samrev.store import actions

    saved, created = actions.save_document(**_fields(document, language), actor=actor)
    if created and document.derived.get("passages"):
        actions.save_passages(saved, document.derived["passages"], actor=actor)
    return saved, created


def persist_many(documents: Sequence[IngestedDocument], *, languages: Sequence[str | None] | None = None,
                 actor: str = "samrev") -> list[tuple[Any, bool]]:
    """:func:`persist` for each of ``documents`` (files without error), in one transaction;
    ``languages`` (optional) gives each document's ``language`` argument.

    Should the batch fail (a file another process stored meanwhile, a bad passage), nothing of it
    is kept and the documents are stored one by one, so each file's outcome, and the error of a
    bad one, are what :func:`persist` gives.
    """
    from samrev.core.errors import SamrevError
    from samrev.store import actions

    wanted = list(languages) if languages is not None else [None] * len(documents)
    if len(documents) < 2:
        return [persist(d, language=language, actor=actor) for d, language in zip(documents, wanted, strict=True)]
    records = [{**_fields(d, language), "passages": d.derived.get("passages") or ()}
               for d, language in zip(documents, wanted, strict=True)]
    try:
        return actions.save_documents(records, actor=actor)
    except SamrevError:
        return [persist(d, language=language, actor=actor) for d, language in zip(documents, wanted, strict=True)]
