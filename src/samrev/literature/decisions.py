"""Screening decisions in the store: every decision a person makes is a Judgement, kept for good.

This is the one decision store of the literature review (the terminal screener, the web app, the
demo and ``samrev literature export-state`` all use it).  A decision is a
:class:`~samrev.store.models.Judgement` with ``item_type = "literature_record"``,
``item_id = "<project>:<record_id>"`` (:func:`item_id`, the convention codings use too),
``subject = "screening:<stage>"`` (``title_abstract`` or ``full_text``), ``value`` one of
``include``, ``exclude``, ``uncertain`` (and ``not_retrieved`` at full text), provenance
``person:<screener>``, ``created_by`` the screener and ``created_at`` the time.  For records
imported into the project (``samrev literature import``) the record id is the stored record's
number (``LiteratureRecord.pk`` as text); for a screening CSV it is the file's ``record_id``.

Each call here is its own transaction, committed before it returns, with an audit event: nothing
a screener decided is lost when the terminal closes.

Judgements are append-only, so:

- a screener's new decision on a record *supersedes* that screener's previous one;
- an undo is a judgement with ``value = None`` that supersedes the decision it takes back
  (:func:`withdraw_decision`); replaying a screener's history (:func:`current_decisions`)
  pops it, so the value before it (if any) holds again;
- the final decision after dual screening is a judgement on its own subject
  ``screening:<stage>:final`` by the person who resolved it (:func:`resolve`).

The project (``--project``, a slug) is a :class:`~samrev.store.models.Project`; the record source
used with it is noted in the audit log (:func:`register_source`), so a later command can find the
titles again.  Call :func:`samrev.store.bootstrap.ensure_ready` before importing this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from samrev.core.errors import InputError, UnknownScreeningRecord
from samrev.core.model import Provenance
from samrev.literature.screening import EXCLUDE, INCLUDE, UNCERTAIN
from samrev.store import actions, models
from samrev.store.bootstrap import translate_db_errors

ITEM_TYPE = "literature_record"
STAGES = ("title_abstract", "full_text")
NOT_RETRIEVED = "not_retrieved"
SUBJECT = "screening:title_abstract"
FINAL_SUBJECT = "screening:title_abstract:final"
VALUES = (INCLUDE, EXCLUDE, UNCERTAIN)
DEFAULT_PROJECT = "litteratur"


def subject_of(stage: str, *, final: bool = False) -> str:
    """The Judgement subject of decisions (or final decisions) at ``stage``."""
    if stage not in STAGES:
        raise InputError(detail=f"ukjent screeningtrinn «{stage}» (bruk {' eller '.join(STAGES)})")
    return f"screening:{stage}" + (":final" if final else "")


def _values(stage: str) -> tuple[str, ...]:
    return (*VALUES, NOT_RETRIEVED) if stage == "full_text" else VALUES
SOURCE_ACTION = "literature.screening_source"


@dataclass(frozen=True, slots=True)
class Decision:
    """One stored decision (or withdrawal: ``value`` None)."""

    id: int
    record_id: str
    screener: str
    value: str | None
    at: datetime
    supersedes_id: int | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "record_id": self.record_id, "screener": self.screener, "value": self.value,
            "at": self.at.isoformat(), "supersedes": self.supersedes_id, "note": self.note,
        }


def item_id(project: str, record_id: str) -> str:
    return f"{project}:{record_id}"


def _record_of(project: str, item: str) -> str:
    return item[len(project) + 1:]


def _screener_of(row: models.Judgement) -> str:
    return row.provenance.partition(":")[2]


def _to_decision(project: str, row: models.Judgement) -> Decision:
    return Decision(
        id=row.pk, record_id=_record_of(project, row.item_id), screener=_screener_of(row), value=row.value,
        at=row.created_at, supersedes_id=row.supersedes_id, note=row.note,
    )


def _checked_name(name: str, what: str) -> str:
    if not name or name != name.strip() or any(ch.isspace() for ch in name):
        raise InputError(detail=f"ugyldig {what} «{name}» (ett ord uten mellomrom)")
    return name


# --- projects and sources --------------------------------------------------------------------


def ensure_project(slug: str) -> models.Project:
    """The project ``slug``, created on first use."""
    from django.utils.text import slugify

    if not slug or slugify(slug) != slug:
        raise InputError(detail=f"ugyldig prosjektnavn «{slug}» (små bokstaver, tall og bindestrek, f.eks. "
                                 f"«{slugify(slug) or DEFAULT_PROJECT}»)")
    from samrev.store.literature import project_for

    return project_for(slug)


def register_source(project: str, *, label: str, key: str, path: str, records: int, actor: str = "") -> bool:
    """Note in the audit log that ``project`` screens the records of this source; False when the
    same source (same ``key``) was noted before."""
    events = models.AuditEvent.objects.filter(action=SOURCE_ACTION, object_type="project", object_id=project)
    if any(event.data.get("key") == key for event in events):
        return False
    with translate_db_errors(), transaction.atomic():
        actions.append_audit_event(
            SOURCE_ACTION, actor=actor, object_type="project", object_id=project,
            data={"label": label, "key": key, "path": path, "records": records},
        )
    return True


def registered_sources(project: str) -> list[dict[str, Any]]:
    """The sources noted for ``project``, newest first."""
    events = models.AuditEvent.objects.filter(action=SOURCE_ACTION, object_type="project", object_id=project)
    return [dict(event.data) for event in events.order_by("-at", "-id")]


# --- writing ---------------------------------------------------------------------------------


def _latest(project: str, record_id: str, screener: str, subject: str) -> models.Judgement | None:
    return (
        models.Judgement.objects.for_subject(ITEM_TYPE, item_id(project, record_id), subject)
        .filter(provenance=str(Provenance.person(screener)))
        .order_by("-created_at", "-id")
        .first()
    )


def _append(project: str, record_id: str, screener: str, value: str | None, *, subject: str, note: str,
            supersedes: models.Judgement | None, action: str, at: datetime | None = None) -> Decision:
    with translate_db_errors(), transaction.atomic():
        row = models.Judgement(
            item_type=ITEM_TYPE, item_id=item_id(project, record_id), subject=subject, value=value,
            provenance=str(Provenance.person(screener)), supersedes=supersedes, note=note, created_by=screener,
            created_at=at or timezone.now(),
        )
        row.save()
        actions.append_audit_event(
            action, actor=screener, object_type=ITEM_TYPE, object_id=row.item_id,
            data={"judgement": row.pk, "subject": subject, "value": value,
                  "supersedes": supersedes.pk if supersedes is not None else None},
        )
    return _to_decision(project, row)


def record_decision(project: str, record_id: str, screener: str, value: str, note: str = "", *,
                    stage: str = "title_abstract", at: datetime | None = None) -> Decision:
    """Store one screener's decision on one record at ``stage``, committed at once.

    At full text ``note`` is the exclusion reason (the PRISMA diagram counts them)."""
    _checked_name(screener, "screenernavn")
    subject = subject_of(stage)
    if value not in _values(stage):
        raise InputError(detail=f"ukjent beslutning «{value}» ({', '.join(_values(stage))})")
    previous = _latest(project, record_id, screener, subject)
    return _append(project, record_id, screener, value, subject=subject, note=note, supersedes=previous,
                   action="literature.screening_decision", at=at)


def withdraw_decision(project: str, record_id: str, screener: str, note: str = "angret", *,
                      stage: str = "title_abstract") -> Decision | None:
    """Take back the screener's latest decision on a record (an undo); None when there is none."""
    subject = subject_of(stage)
    previous = _latest(project, record_id, screener, subject)
    if previous is None or previous.value is None:
        return None
    return _append(project, record_id, screener, None, subject=subject, note=note, supersedes=previous,
                   action="literature.screening_withdrawn")


def resolve(project: str, record_id: str, value: str, resolver: str, note: str = "",
            known_records: Iterable[str] | None = None, *, stage: str = "title_abstract") -> Decision:
    """Record the final decision on a record the screeners disagreed on (or any record)."""
    _checked_name(resolver, "navn")
    allowed = (INCLUDE, EXCLUDE, NOT_RETRIEVED) if stage == "full_text" else (INCLUDE, EXCLUDE)
    if value not in allowed:
        raise InputError(detail=f"en endelig beslutning er {' eller '.join(allowed)}, ikke «{value}»")
    subject, final_subject = subject_of(stage), subject_of(stage, final=True)
    screened = models.Judgement.objects.for_subject(ITEM_TYPE, item_id(project, record_id), subject).exists()
    known = set(known_records) if known_records is not None else set()
    if not screened and record_id not in known:
        raise UnknownScreeningRecord(record_id=record_id, project=project)
    previous = (
        models.Judgement.objects.for_subject(ITEM_TYPE, item_id(project, record_id), final_subject)
        .order_by("-created_at", "-id").first()
    )
    return _append(project, record_id, resolver, value, subject=final_subject, note=note, supersedes=previous,
                   action="literature.screening_resolved")


# --- reading ---------------------------------------------------------------------------------


def _rows(project: str, subject: str) -> Iterable[models.Judgement]:
    return (
        models.Judgement.objects.filter(item_type=ITEM_TYPE, subject=subject, item_id__startswith=f"{project}:")
        .order_by("created_at", "id")
    )


def history(project: str, screener: str | None = None, *, stage: str = "title_abstract") -> list[Decision]:
    """Every stored decision and withdrawal in the project (one screener's, or all), oldest first."""
    rows = _rows(project, subject_of(stage))
    if screener is not None:
        rows = [row for row in rows if _screener_of(row) == screener]
    return [_to_decision(project, row) for row in rows]


def replay(decisions: Iterable[Decision]) -> list[tuple[str, str]]:
    """The standing decisions of one screener, in the order they were made.

    A withdrawal takes back the latest value of its record, so the value before it stands
    again; each record's position is the time of its standing value.
    """
    stacks: dict[str, list[tuple[str, datetime, int]]] = {}
    for decision in decisions:
        stack = stacks.setdefault(decision.record_id, [])
        if decision.value is None:
            if stack:
                stack.pop()
        else:
            stack.append((decision.value, decision.at, decision.id))
    standing = [(top[1], top[2], record_id, top[0]) for record_id, stack in stacks.items() if stack
                for top in (stack[-1],)]
    return [(record_id, value) for _, _, record_id, value in sorted(standing)]


def current_decisions(project: str, screener: str, *, stage: str = "title_abstract") -> list[tuple[str, str]]:
    """The screener's standing decisions (record_id, value), oldest first: a session resumes here."""
    return replay(history(project, screener, stage=stage))


def screeners(project: str, *, stage: str = "title_abstract") -> list[str]:
    """Everyone with a standing decision in the project, by name."""
    by_screener: dict[str, list[Decision]] = {}
    for decision in history(project, stage=stage):
        by_screener.setdefault(decision.screener, []).append(decision)
    return sorted(name for name, items in by_screener.items() if replay(items))


def final_decisions(project: str, *, stage: str = "title_abstract") -> dict[str, Decision]:
    """The latest final (resolved) decision per record."""
    out: dict[str, Decision] = {}
    for row in _rows(project, subject_of(stage, final=True)):
        out[_record_of(project, row.item_id)] = _to_decision(project, row)
    return out


@dataclass(frozen=True, slots=True)
class StateDecisions:
    """A project's standing decisions in the review-state form, with what is not settled."""

    decisions: list[dict[str, Any]]
    unresolved: list[dict[str, Any]]


def review_state_decisions(project: str, records: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The project's standing decisions (both stages) in the ``screening.decisions`` form of the
    review-state file (:mod:`samrev.literature.review_state`): every screener's decision
    (``uncertain`` marks are left out: they are no decision), then each resolution with
    ``"final": true``.  Unresolved conflicts are kept (see :func:`settled_state_decisions`)."""
    return _state_decisions(project, None if records is None else set(records), settle=False).decisions


def settled_state_decisions(project: str, records: Iterable[str] | None = None) -> StateDecisions:
    """As :func:`review_state_decisions`, restricted to ``records`` (when given), but a record whose
    screeners disagree at a stage without a final decision is left out of that stage (and of later
    stages) and listed under ``unresolved`` with each screener's decision: a conflict is flagged,
    never settled by the tool."""
    return _state_decisions(project, None if records is None else set(records), settle=True)


def _state_decisions(project: str, records: set[str] | None, *, settle: bool) -> StateDecisions:
    out: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    blocked: set[str] = set()
    for stage in STAGES:
        by_screener: dict[str, list[Decision]] = {}
        for decision in history(project, stage=stage):
            if records is None or decision.record_id in records:
                by_screener.setdefault(decision.screener, []).append(decision)
        standing: dict[str, list[dict[str, Any]]] = {}
        for screener in sorted(by_screener):
            made = {(d.record_id, d.value): d for d in by_screener[screener] if d.value is not None}
            for record_id, value in replay(by_screener[screener]):
                if value == UNCERTAIN or record_id in blocked:
                    continue
                decision = made[(record_id, value)]
                standing.setdefault(record_id, []).append({
                    "record_id": record_id, "stage": stage, "decision": value, "reason": decision.note,
                    "screener": screener, "time": decision.at.isoformat(), "final": False})
        finals = {record_id: final for record_id, final in final_decisions(project, stage=stage).items()
                  if (records is None or record_id in records) and record_id not in blocked}
        for record_id in sorted(standing, key=_natural):
            items = standing[record_id]
            if settle and record_id not in finals and len({item["decision"] for item in items}) > 1:
                unresolved.append({"record_id": record_id, "stage": stage,
                                   "decisions": {item["screener"]: item["decision"] for item in items}})
                blocked.add(record_id)
                continue
            out.extend(items)
        for record_id, final in sorted(finals.items(), key=lambda kv: _natural(kv[0])):
            out.append({"record_id": record_id, "stage": stage, "decision": final.value, "reason": final.note,
                        "screener": final.screener, "time": final.at.isoformat(), "final": True})
    return StateDecisions(out, unresolved)


def _natural(record_id: str) -> tuple[int, int, str]:
    return (0, int(record_id), "") if record_id.isdigit() else (1, 0, record_id)
