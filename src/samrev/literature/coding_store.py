"""Literature codings in the store: machine suggestions and people's verdicts as Judgements.

Thin use cases over :mod:`samrev.store.actions` (item type ``literature_record``, item id the
record's id): :func:`store_coding` records one coding run (once per run key, so re-coding an
unchanged record writes nothing), :func:`confirm` lets a person confirm or correct one
suggestion (a ``person:`` Judgement that supersedes it; nothing is overwritten), and
:func:`effective_record_judgements` gives the judgements a report uses.  Call
:func:`samrev.store.bootstrap.ensure_ready` first.
"""

from __future__ import annotations

from typing import Any

from samrev.core.model import Judgement
from samrev.literature.coding import ITEM_TYPE, RecordCoding
from samrev.store.repository import StoredJudgement


def store_coding(coding: RecordCoding, *, actor: str = "") -> list[StoredJudgement]:
    """Store the suggestions of one coding run (nothing is written if the run key is stored)."""
    from samrev.store.actions import record_judgements

    return record_judgements(ITEM_TYPE, coding.record_id, list(coding.judgements), coding.run_key, actor=actor)


def confirm(judgement_id: int, user: str, value: Any = None, note: str = "") -> StoredJudgement:
    """A person confirms (``value`` None) or corrects a stored suggestion."""
    from samrev.store.actions import verify

    return verify(judgement_id, user, value, note)


def effective_record_judgements(record_id: str) -> list[Judgement]:
    """Per subject, the judgement a report uses (the latest person's, else the machine's)."""
    from samrev.store.repository import effective_for_item

    return [stored.judgement for stored in effective_for_item(ITEM_TYPE, record_id).values()]
