"""Literature codings in the store: machine suggestions and people's verdicts as Judgements.

Thin use cases over :mod:`samrev.store.actions`.  Codings use the item-id convention of the
screening decisions (:func:`samrev.literature.decisions.item_id`): item type
``literature_record``, item id ``"<project>:<record_id>"``.  :func:`store_coding` records one
coding run (once per run key, so re-coding an unchanged record writes nothing), :func:`confirm`
lets a person confirm or correct one suggestion (a ``person:`` Judgement that supersedes it;
nothing is overwritten), :func:`effective_record_judgements` gives the judgement a report uses per
subject, and :func:`state_judgements` what the review-state file carries.  Call
:func:`samrev.store.bootstrap.ensure_ready` first.
"""

from __future__ import annotations

from typing import Any

from samrev.core.model import Judgement
from samrev.literature.coding import ITEM_TYPE, RecordCoding
from samrev.literature.decisions import item_id
from samrev.store.repository import StoredJudgement


def store_coding(coding: RecordCoding, *, project: str, actor: str = "") -> list[StoredJudgement]:
    """Store the suggestions of one coding run (nothing is written if the run key is stored)."""
    from samrev.store.actions import record_judgements

    return record_judgements(ITEM_TYPE, item_id(project, coding.record_id), list(coding.judgements), coding.run_key,
                             actor=actor)


def confirm(judgement_id: int, user: str, value: Any = None, note: str = "") -> StoredJudgement:
    """A person confirms (``value`` None) or corrects a stored suggestion."""
    from samrev.store.actions import verify

    return verify(judgement_id, user, value, note)


def _codings(project: str, record_id: str) -> dict[str, list[StoredJudgement]]:
    """Every coding judgement of the record (screening subjects left out), per subject, oldest first."""
    from samrev.store import models
    from samrev.store.repository import to_stored

    by_subject: dict[str, list[StoredJudgement]] = {}
    rows = models.Judgement.objects.for_item(ITEM_TYPE, item_id(project, record_id)).chronological()
    for row in rows:
        if not row.subject.startswith("screening:"):
            by_subject.setdefault(row.subject, []).append(to_stored(row))
    return by_subject


def effective_record_judgements(project: str, record_id: str) -> list[Judgement]:
    """Per subject, the judgement a report uses (the latest person's, else the machine's)."""
    from samrev.core.model import effective

    out: list[Judgement] = []
    for stored in _codings(project, record_id).values():
        chosen = effective([entry.judgement for entry in stored])
        if chosen is not None:
            out.append(chosen)
    return out


def state_judgements(project: str, record_id: str) -> list[Judgement]:
    """The judgements the review-state file carries for an included record: per subject the
    latest machine suggestion and, when a person has judged it, the latest person's judgement
    after it.  The report takes the person's value over the machine's and counts a study as
    confirmed when a person has judged every subject the machine suggested."""
    out: list[Judgement] = []
    for stored in _codings(project, record_id).values():
        machine = [entry.judgement for entry in stored if not entry.judgement.provenance.is_person]
        person = [entry.judgement for entry in stored if entry.judgement.provenance.is_person]
        out.extend([*machine[-1:], *person[-1:]])
    return out
