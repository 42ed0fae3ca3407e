"""Reads from the store, mapped to :mod:`samrev.core.model` dataclasses.

Rows become core dataclasses here and nowhere else; write use cases live in
:mod:`samrev.store.actions`.  Call :func:`samrev.store.bootstrap.ensure_ready` before importing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from samrev.core import model as core
from samrev.store import models


@dataclass(frozen=True, slots=True)
class StoredJudgement:
    """A core Judgement together with where it lives in the store."""

    id: int
    item_type: str
    item_id: str
    judgement: core.Judgement
    run_key: str = ""
    supersedes_id: int | None = None
    round_id: int | None = None
    created_by: str = ""

    @property
    def is_verification(self) -> bool:
        return self.judgement.provenance.is_person and self.supersedes_id is not None


# --- mapping ---------------------------------------------------------------------------------


def parse_provenance(text: str) -> core.Provenance:
    """A stored provenance string as a core Provenance.

    ``person:`` keeps everything after the colon as the user name (``person:ola@hf.no``), which
    :meth:`core.Provenance.parse` would read as name ``ola``, version ``hf.no``.
    """
    kind, _, name = text.partition(":")
    if kind == core.ProvenanceKind.PERSON.value and name:
        return core.Provenance.person(name)
    return core.Provenance.parse(text)


def evidence_to_json(spans: Iterable[core.Span]) -> list[dict[str, Any]]:
    return [span.to_dict() for span in spans]


def evidence_from_json(data: Any) -> tuple[core.Span, ...]:
    return tuple(core.Span.from_dict(item) for item in (data or []))


def to_core_judgement(row: models.Judgement) -> core.Judgement:
    return core.Judgement(
        subject=row.subject,
        value=row.value,
        provenance=parse_provenance(row.provenance),
        evidence=evidence_from_json(row.evidence),
        confidence=row.confidence,
        note=row.note,
        created_at=row.created_at,
    )


def to_stored(row: models.Judgement) -> StoredJudgement:
    return StoredJudgement(
        id=row.pk,
        item_type=row.item_type,
        item_id=row.item_id,
        judgement=to_core_judgement(row),
        run_key=row.run_key,
        supersedes_id=row.supersedes_id,
        round_id=row.round_id,
        created_by=row.created_by,
    )


def to_core_passage(row: models.Passage) -> core.Passage:
    return core.Passage(
        start=row.start,
        end=row.end,
        text=row.text,
        page=row.page,
        language=row.language or None,
        index=row.index,
    )


# --- documents -------------------------------------------------------------------------------


def get_document(content_hash: str) -> models.Document | None:
    return models.Document.objects.filter(content_hash=content_hash.lower()).first()


def document_passages(document: models.Document) -> list[core.Passage]:
    return [to_core_passage(row) for row in document.passages.order_by("index")]


def versions_at(path: str) -> list[models.Document]:
    """The documents seen at ``path``, oldest first (a changed file gives a new version)."""
    sources = (
        models.DocumentSource.objects.filter(path=path)
        .select_related("document")
        .order_by("created_at", "id")
    )
    seen: dict[int, models.Document] = {}
    for source in sources:
        seen.setdefault(source.document_id, source.document)
    return list(seen.values())


# --- judgements ------------------------------------------------------------------------------


def judgements_for_run(item_type: str, item_id: str, run_key: str) -> list[StoredJudgement]:
    """Judgements recorded for this item by the run ``run_key`` (empty: compute them)."""
    if not run_key:
        return []
    rows = models.Judgement.objects.for_item(item_type, item_id).filter(run_key=run_key).chronological()
    return [to_stored(row) for row in rows]


def judgements_for_runs(item_type: str, item_ids: Sequence[str], run_key: str) -> dict[str, list[StoredJudgement]]:
    """:func:`judgements_for_run` for many items in one query: item id → its judgements (items
    the run has not recorded are left out)."""
    out: dict[str, list[StoredJudgement]] = {}
    if not run_key or not item_ids:
        return out
    rows = models.Judgement.objects.filter(item_type=item_type, item_id__in=list(item_ids), run_key=run_key)
    for row in rows.chronological():
        out.setdefault(row.item_id, []).append(to_stored(row))
    return out


def history(item_type: str, item_id: str, subject: str) -> list[StoredJudgement]:
    """Every judgement of (item, subject), oldest first, verifications included."""
    rows = models.Judgement.objects.for_subject(item_type, item_id, subject).chronological()
    return [to_stored(row) for row in rows]


def _pick_effective(stored: Sequence[StoredJudgement]) -> StoredJudgement | None:
    # The rule lives in core.effective; find which stored row it chose.
    chosen = core.effective([entry.judgement for entry in stored])
    return next((entry for entry in stored if entry.judgement is chosen), None)


def effective_judgement(item_type: str, item_id: str, subject: str) -> StoredJudgement | None:
    """The judgement a report uses, with its id: the latest person's, else the latest machine's."""
    return _pick_effective(history(item_type, item_id, subject))


def effective(item_type: str, item_id: str, subject: str) -> core.Judgement | None:
    """The judgement a report uses: the latest person's, else the latest machine's."""
    chosen = effective_judgement(item_type, item_id, subject)
    return chosen.judgement if chosen else None


def effective_for_item(item_type: str, item_id: str) -> dict[str, StoredJudgement]:
    """The effective judgement of every subject of one item (one query)."""
    by_subject: dict[str, list[StoredJudgement]] = {}
    for row in models.Judgement.objects.for_item(item_type, item_id).chronological():
        by_subject.setdefault(row.subject, []).append(to_stored(row))
    out: dict[str, StoredJudgement] = {}
    for subject, stored in by_subject.items():
        chosen = _pick_effective(stored)
        if chosen is not None:
            out[subject] = chosen
    return out


# --- audit -----------------------------------------------------------------------------------


def audit_events(object_type: str | None = None, object_id: str | None = None) -> list[models.AuditEvent]:
    """Audit events, oldest first, optionally for one object."""
    events = models.AuditEvent.objects.all()
    if object_type is not None:
        events = events.filter(object_type=object_type)
    if object_id is not None:
        events = events.filter(object_id=object_id)
    return list(events.order_by("at", "id"))
