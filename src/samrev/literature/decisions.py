"""Screening decisions in the store: every decision a person makes is a Judgement, kept for good.

This is the one decision store of the literature review (the terminal screener, the web app, the
demo and ``samrev literature export-state`` all use it).  A decision is a
:class:`~samrev.store.models.Judgement` with ``item_type = "literature_record"``,
``item_id = "<project>:<record_id>"`` (:func:`item_id`, the convention codings use too),
``subject = "screening:<stage>"`` (``title_abstract`` or ``full_text``), ``value`` one of
``include``, ``exclude``, ``uncertain`` (and ``not_retrieved`` at full text), provenance
``person:<screener>``, ``created_by`` the screener, ``created_at`` the time and ``note`` (at full
text the exclusion reason, required for ``exclude``).  For records
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

Where a record stands at a stage (:func:`stage_status`, :class:`RecordStatus`): settled by a final
decision, or by every screener's decision agreeing (at full text an exclusion also needs the same
reason), else a conflict; «uncertain» is no decision.  The review-state export and the full-text
stage (:mod:`samrev.literature.fulltext`) both read it.

The project (``--project``, a slug) is a :class:`~samrev.store.models.Project`; the record source
used with it is noted in the audit log (:func:`register_source`), so a later command can find the
titles again.  Call :func:`samrev.store.bootstrap.ensure_ready` before importing this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from samrev.core.errors import InputError, UnknownScreeningRecord
from samrev.core.model import Provenance
from samrev.literature.dual import same_reason
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


def _check_reason(record_id: str, stage: str, value: str, note: str) -> None:
    if stage == "full_text" and value == EXCLUDE and not note.strip():
        raise InputError(detail=f"posten «{record_id}»: en eksklusjon i fulltekst trenger en grunn")


def record_decision(project: str, record_id: str, screener: str, value: str, note: str = "", *,
                    stage: str = "title_abstract", at: datetime | None = None) -> Decision:
    """Store one screener's decision on one record at ``stage``, committed at once.

    At full text ``note`` is the exclusion reason (the PRISMA diagram counts them)."""
    _checked_name(screener, "screenernavn")
    subject = subject_of(stage)
    if value not in _values(stage):
        raise InputError(detail=f"ukjent beslutning «{value}» ({', '.join(_values(stage))})")
    _check_reason(record_id, stage, value, note)
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
    _check_reason(record_id, stage, value, note)
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


def standing(decisions: Iterable[Decision]) -> list[Decision]:
    """The standing decisions of one screener (each record's, with its note), in the order they
    were made.

    A withdrawal takes back the latest value of its record, so the value before it stands
    again; each record's position is the time of its standing value.
    """
    stacks: dict[str, list[Decision]] = {}
    for decision in decisions:
        stack = stacks.setdefault(decision.record_id, [])
        if decision.value is None:
            if stack:
                stack.pop()
        else:
            stack.append(decision)
    return sorted((stack[-1] for stack in stacks.values() if stack), key=lambda d: (d.at, d.id))


def replay(decisions: Iterable[Decision]) -> list[tuple[str, str]]:
    """The standing decisions of one screener as (record_id, value), in the order they were made."""
    return [(decision.record_id, str(decision.value)) for decision in standing(decisions)]


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
class RecordStatus:
    """Where one record stands at one stage: each screener's standing decision (screeners in name
    order; «uncertain» included) and the final decision, if any."""

    record_id: str
    stage: str
    standing: tuple[Decision, ...] = ()
    final: Decision | None = None

    @property
    def decided(self) -> tuple[Decision, ...]:
        """The standing decisions that are decisions («uncertain» is none)."""
        return tuple(d for d in self.standing if d.value != UNCERTAIN)

    @property
    def conflict(self) -> bool:
        """No final decision, and the screeners differ (at full text: also in the exclusion reason)."""
        if self.final is not None or not self.decided:
            return False
        first = self.decided[0]
        return any(d.value != first.value or (self.stage == "full_text" and d.value == EXCLUDE
                                              and not same_reason(d.note, first.note))
                   for d in self.decided[1:])

    @property
    def settled(self) -> Decision | None:
        """The decision that holds: the final one, else the screeners' when they agree (the
        latest of them), else None (a conflict, or nothing decided)."""
        if self.final is not None:
            return self.final
        if not self.decided or self.conflict:
            return None
        return max(self.decided, key=lambda d: (d.at, d.id))


def stage_status(project: str, stage: str, records: Iterable[str] | None = None) -> dict[str, RecordStatus]:
    """record_id → :class:`RecordStatus` at ``stage`` for every record someone decided on or that
    has a final decision (restricted to ``records`` when given)."""
    wanted = None if records is None else set(records)
    by_screener: dict[str, list[Decision]] = {}
    for decision in history(project, stage=stage):
        if wanted is None or decision.record_id in wanted:
            by_screener.setdefault(decision.screener, []).append(decision)
    per_record: dict[str, list[Decision]] = {}
    for screener in sorted(by_screener):
        for decision in standing(by_screener[screener]):
            per_record.setdefault(decision.record_id, []).append(decision)
    finals = {record_id: final for record_id, final in final_decisions(project, stage=stage).items()
              if wanted is None or record_id in wanted}
    return {record_id: RecordStatus(record_id, stage, tuple(per_record.get(record_id, ())), finals.get(record_id))
            for record_id in sorted(per_record.keys() | finals.keys(), key=_natural)}


@dataclass(frozen=True, slots=True)
class StateDecisions:
    """A project's standing decisions in the review-state form, with what is not settled."""

    decisions: list[dict[str, Any]]
    unresolved: list[dict[str, Any]]
    #: full-text decisions on records not (or no longer) included at title/abstract
    set_aside: list[dict[str, Any]] = field(default_factory=list)


def review_state_decisions(project: str, records: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The project's standing decisions (both stages) in the ``screening.decisions`` form of the
    review-state file (:mod:`samrev.literature.review_state`): every screener's decision
    (``uncertain`` marks are left out: they are no decision), then each resolution with
    ``"final": true``.  Unresolved conflicts are kept (see :func:`settled_state_decisions`)."""
    return _state_decisions(project, None if records is None else set(records), settle=False).decisions


def settled_state_decisions(project: str, records: Iterable[str] | None = None) -> StateDecisions:
    """As :func:`review_state_decisions`, restricted to ``records`` (when given), but a record whose
    screeners disagree at a stage without a final decision (at full text: also on the exclusion
    reason) is left out of that stage (and of later stages) and listed under ``unresolved`` with
    each screener's decision: a conflict is flagged, never settled by the tool.  Full-text
    decisions on a record that is not settled as included at title/abstract are left out too and
    listed under ``set_aside`` (the PRISMA flow only assesses the reports it sought)."""
    return _state_decisions(project, None if records is None else set(records), settle=True)


def _entry(decision: Decision, stage: str, *, final: bool) -> dict[str, Any]:
    return {"record_id": decision.record_id, "stage": stage, "decision": decision.value, "reason": decision.note,
            "screener": decision.screener, "time": decision.at.isoformat(), "final": final}


def _state_decisions(project: str, records: set[str] | None, *, settle: bool) -> StateDecisions:
    out: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    set_aside: list[dict[str, Any]] = []
    blocked: set[str] = set()
    included: set[str] = set()
    for stage in STAGES:
        statuses = {record_id: status for record_id, status in stage_status(project, stage, records).items()
                    if record_id not in blocked}
        finals: list[Decision] = []
        for record_id, status in statuses.items():
            if settle and stage == "full_text" and record_id not in included:
                set_aside.append({"record_id": record_id, "stage": stage,
                                  "decisions": {d.screener: d.value for d in status.decided},
                                  **({"final": status.final.value} if status.final is not None else {})})
                continue
            if settle and status.conflict:
                unresolved.append({"record_id": record_id, "stage": stage,
                                   "decisions": {d.screener: d.value for d in status.decided},
                                   **({"reasons": {d.screener: d.note for d in status.decided if d.value == EXCLUDE}}
                                      if stage == "full_text" else {})})
                blocked.add(record_id)
                continue
            out.extend(_entry(d, stage, final=False) for d in status.decided)
            if status.final is not None:
                finals.append(status.final)
            settled = status.settled
            if stage == "title_abstract" and settled is not None and settled.value == INCLUDE:
                included.add(record_id)
        out.extend(_entry(final, stage, final=True) for final in finals)
    return StateDecisions(out, unresolved, set_aside)


def _natural(record_id: str) -> tuple[int, int, str]:
    return (0, int(record_id), "") if record_id.isdigit() else (1, 0, record_id)
