"""The review state: one JSON file with everything the literature report needs.

It lets the report run before (or without) the store: the store, the importer and the screener
can all write it.  Schema ``samrev-literature-review/1`` (documented with an example in
docs/literature.md)::

    {"schema": "samrev-literature-review/1",
     "review": {"title": "...", "question": "...", "date": "2026-11-27"},
     "batches": [{"id": "b1", "database": "MEDLINE (Ovid)", "date": "2026-10-01",
                  "query": "...", "records": 812, "file": "medline.ris"}],
     "deduplication": {"duplicates_removed": 312, "automation_removed": 0, "other_removed": 0},
     "screening": {"decisions": [{"record_id": "r1", "stage": "title_abstract",
                                  "decision": "include", "screener": "kari", "time": "...",
                                  "reason": "", "final": false}],
                   "counts": {...optional, as PrismaCounts.to_dict...}},
     "included": [{"record": {"record_id": "r1", "title": "...", "abstract": "...",
                              "keywords": [], "year": 2020, "journal": "", "language": "en",
                              "affiliations": []},
                   "judgements": [{"subject": "study:setting", "value": "kommune",
                                   "provenance": "person:kari", "evidence": [], "note": ""}]}]}

Screening decisions: ``stage`` is ``title_abstract`` or ``full_text``; ``decision`` is ``include``,
``exclude`` or (full text only) ``not_retrieved``.  With dual screening a record has several
decisions per stage: a decision marked ``"final": true`` settles it, otherwise all decisions must
agree, at full text exclusions also on the reason (an unresolved conflict is an error naming the
record).  Every record included at title/abstract needs a settled full-text decision, and only
those may have one (else an error naming the record).  The PRISMA counts are derived from
the decisions; a ``counts`` object may be given instead (when decisions were not kept) or as well
(then both must agree).  Included records without judgements are coded by
:class:`~samrev.literature.coding.LiteratureCoder` when the report is built (suggestions, marked
as not confirmed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samrev.core.errors import InputNotFound, ReviewStateInvalid
from samrev.core.model import Judgement, Provenance, Span
from samrev.literature.coding import (
    STUDY_PREFIX,
    LiteratureCoder,
    LiteratureRecord,
    effective_values,
)
from samrev.literature.gapmap import Study
from samrev.literature.prisma import PrismaCounts, ReasonCount, SourceCount, merge_sources

SCHEMA = "samrev-literature-review/1"
STAGES = ("title_abstract", "full_text")
DECISIONS = {"title_abstract": ("include", "exclude"), "full_text": ("include", "exclude", "not_retrieved")}
NO_REASON = "Ingen grunn oppgitt"


@dataclass(frozen=True, slots=True)
class Batch:
    id: str
    database: str
    records: int
    date: str = ""
    query: str = ""
    file: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    record_id: str
    stage: str
    decision: str
    reason: str = ""
    screener: str = ""
    time: str = ""
    final: bool = False


@dataclass(frozen=True, slots=True)
class IncludedRecord:
    record: LiteratureRecord
    judgements: tuple[Judgement, ...] = ()


@dataclass(slots=True)
class ReviewState:
    title: str
    batches: list[Batch]
    duplicates_removed: int
    decisions: list[Decision]
    included: list[IncludedRecord]
    question: str = ""
    date: str = ""
    automation_removed: int = 0
    other_removed: int = 0
    counts: Mapping[str, Any] | None = None
    path: str = "gjennomgangen"
    extra: dict[str, Any] = field(default_factory=dict)

    # -- screening ----------------------------------------------------------------------------------

    def final_decisions(self, stage: str) -> dict[str, Decision]:
        """record_id → the settled decision at ``stage`` (see the module docstring)."""
        grouped: dict[str, list[Decision]] = {}
        for decision in self.decisions:
            if decision.stage == stage:
                grouped.setdefault(decision.record_id, []).append(decision)
        out: dict[str, Decision] = {}
        for record_id, items in grouped.items():
            finals = [d for d in items if d.final]
            if finals:
                out[record_id] = finals[-1]
            elif len({d.decision for d in items}) == 1 and (
                    items[0].decision != "exclude" or stage != "full_text"
                    or len({" ".join(d.reason.split()).casefold() for d in items}) == 1):
                out[record_id] = items[-1]
            else:
                who = ", ".join(f"{d.screener or '?'}: {d.decision}" + (f" ({d.reason})" if d.reason else "")
                                for d in items)
                raise ReviewStateInvalid(path=self.path, detail=f"uløst konflikt om posten «{record_id}» ({who}); "
                                         "marker den avgjørende beslutningen med \"final\": true")
        return out

    def _check_full_text(self, title: Mapping[str, Decision], full: Mapping[str, Decision]) -> None:
        """Every record included at title/abstract has a full-text decision, and no other one has."""
        sought = {record_id for record_id, d in title.items() if d.decision == "include"}
        stray = sorted(set(full) - sought, key=_natural)
        if stray:
            more = f" (og {len(stray) - 1} til)" if len(stray) > 1 else ""
            raise ReviewStateInvalid(path=self.path, detail=f"posten «{stray[0]}»{more} har en fulltekstbeslutning, "
                                     "men er ikke inkludert på tittel og sammendrag")
        waiting = sorted(sought - set(full), key=_natural)
        if waiting:
            shown = ", ".join(f"«{record_id}»" for record_id in waiting[:5]) + (" …" if len(waiting) > 5 else "")
            raise ReviewStateInvalid(path=self.path, detail=f"{len(waiting)} poster er inkludert på tittel og "
                                     f"sammendrag, men har ingen avgjort fulltekstbeslutning ({shown}; ingen "
                                     "beslutning ennå eller en uløst uenighet); PRISMA-tallene går ikke opp før de "
                                     "er vurdert (samrev literature fulltext)")

    def prisma(self) -> PrismaCounts:
        """The PRISMA counts, derived from the decisions (or the given counts), checked."""
        sources = merge_sources([SourceCount(b.database, b.records) for b in self.batches])
        derived: PrismaCounts | None = None
        if self.decisions:
            title = self.final_decisions("title_abstract")
            full = self.final_decisions("full_text")
            self._check_full_text(title, full)
            reasons: dict[str, int] = {}
            spelling: dict[str, str] = {}  # one count per reason, apart from case and spacing
            for decision in full.values():
                if decision.decision == "exclude":
                    reason = " ".join(decision.reason.split()) or NO_REASON
                    reason = spelling.setdefault(reason.casefold(), reason)
                    reasons[reason] = reasons.get(reason, 0) + 1
            ft_included = [d.record_id for d in full.values() if d.decision == "include"]
            derived = PrismaCounts(
                sources=sources, duplicates_removed=self.duplicates_removed,
                automation_removed=self.automation_removed, other_removed=self.other_removed,
                records_screened=len(title),
                records_excluded=sum(d.decision == "exclude" for d in title.values()),
                reports_sought=sum(d.decision == "include" for d in title.values()),
                reports_not_retrieved=sum(d.decision == "not_retrieved" for d in full.values()),
                reports_assessed=sum(d.decision in ("include", "exclude") for d in full.values()),
                reports_excluded=tuple(ReasonCount(r, n) for r, n in sorted(reasons.items(), key=lambda kv: -kv[1])),
                studies_included=len(self.included), reports_included=len(ft_included), origin=self.path,
            )
            unknown = [r.record.record_id for r in self.included if r.record.record_id not in set(ft_included)]
            if unknown:
                raise ReviewStateInvalid(path=self.path, detail=f"den inkluderte posten «{unknown[0]}» har ingen "
                                         "beslutning «include» i fulltekstvurderingen")
        given: PrismaCounts | None = None
        if self.counts is not None:
            try:
                given = PrismaCounts.from_dict({**self.counts, "sources": [{"name": s.name, "records": s.records}
                                                                           for s in sources],
                                                "duplicates_removed": self.duplicates_removed,
                                                "automation_removed": self.automation_removed,
                                                "other_removed": self.other_removed,
                                                "studies_included": self.counts.get("studies_included",
                                                                                    len(self.included))},
                                               origin=self.path)
            except (KeyError, TypeError, ValueError) as exc:
                raise ReviewStateInvalid(path=self.path, detail=f"screening.counts mangler eller har feil i {exc}") \
                    from None
        if derived is not None and given is not None and derived.to_dict() != given.to_dict():
            differing = [k for k, v in derived.to_dict().items() if given.to_dict().get(k) != v]
            raise ReviewStateInvalid(path=self.path, detail="screening.counts stemmer ikke med beslutningene "
                                     f"({', '.join(differing)})")
        counts = derived or given
        if counts is None:
            raise ReviewStateInvalid(path=self.path, detail="screening har verken decisions eller counts")
        return counts.validate()

    # -- coding ---------------------------------------------------------------------------------

    def studies(self, coder: LiteratureCoder | None = None) -> list[Study]:
        """The included studies with effective values; records without judgements are coded now."""
        if coder is None and any(not has_machine_judgements(i.judgements) for i in self.included):
            coder = LiteratureCoder()
        return [study_of(item, self.judgements_of(item.record.record_id, coder)) for item in self.included]

    def judgements_of(self, record_id: str, coder: LiteratureCoder | None = None) -> list[Judgement]:
        """The record's judgements; without machine ones, the coder's suggestions come first."""
        for item in self.included:
            if item.record.record_id == record_id:
                if has_machine_judgements(item.judgements):
                    return list(item.judgements)
                return [*(coder or LiteratureCoder()).code_record(item.record).judgements, *item.judgements]
        return []


def _natural(record_id: str) -> tuple[int, int, str]:
    return (0, int(record_id), "") if record_id.isdigit() else (1, 0, record_id)


def has_machine_judgements(judgements: Sequence[Judgement]) -> bool:
    return any(not j.provenance.is_person for j in judgements)


def study_of(item: IncludedRecord, judgements: Sequence[Judgement]) -> Study:
    """The :class:`Study` of an included record from its judgements (machine and person).

    It counts as confirmed when a person has judged every subject the machine suggested."""
    machine = {j.subject for j in judgements if not j.provenance.is_person}
    person = {j.subject for j in judgements if j.provenance.is_person}
    values = effective_values(judgements)
    if values.get(STUDY_PREFIX + "year") is None and item.record.year is not None:
        values[STUDY_PREFIX + "year"] = item.record.year
    return Study.from_values(item.record.record_id, values, title=item.record.title,
                             confirmed=bool(machine) and machine <= person)


# -- reading --------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> ReviewStateInvalid:
        return ReviewStateInvalid(path=self.path, detail=f"{where}: {problem}")

    def mapping(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, f"ventet et objekt, fant {_kind(value)}")
        return value

    def items(self, value: Any, where: str) -> Sequence[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"ventet en liste, fant {_kind(value)}")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"{where}.{key}", "mangler")
            return ""
        if not isinstance(value, str | int):
            raise self.fail(f"{where}.{key}", f"ventet tekst, fant {_kind(value)}")
        return str(value)

    def count(self, data: Mapping[str, Any], key: str, where: str, *, default: int | None = None) -> int:
        value = data.get(key, default)
        if value is None:
            raise self.fail(f"{where}.{key}", "mangler")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{where}.{key}", f"ventet et heltall ≥ 0, fant {value!r}")
        return value


def _kind(value: Any) -> str:
    return {dict: "et objekt", list: "en liste", str: "tekst", int: "et tall", float: "et tall", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)


def parse_review_state(data: Any, path: str = "gjennomgangen") -> ReviewState:
    """A :class:`ReviewState` from parsed JSON; every problem names the file and the place in it."""
    r = _Reader(path)
    top = r.mapping(data, "filen")
    schema = top.get("schema")
    if schema != SCHEMA:
        raise r.fail("schema", f"ventet «{SCHEMA}», fant {schema!r}")
    review = r.mapping(top.get("review") or {}, "review")
    batches: list[Batch] = []
    for index, raw in enumerate(r.items(top.get("batches"), "batches")):
        where = f"batches[{index}]"
        item = r.mapping(raw, where)
        batches.append(Batch(id=r.text(item, "id", where) or str(index + 1),
                             database=r.text(item, "database", where, required=True),
                             records=r.count(item, "records", where), date=r.text(item, "date", where),
                             query=r.text(item, "query", where), file=r.text(item, "file", where)))
    if not batches:
        raise r.fail("batches", "ingen søk (import) oppgitt")
    dedup = r.mapping(top.get("deduplication") or {}, "deduplication")
    screening = r.mapping(top.get("screening") or {}, "screening")
    decisions: list[Decision] = []
    for index, raw in enumerate(r.items(screening.get("decisions") or [], "screening.decisions")):
        where = f"screening.decisions[{index}]"
        item = r.mapping(raw, where)
        stage = r.text(item, "stage", where, required=True)
        if stage not in STAGES:
            raise r.fail(f"{where}.stage", f"ukjent trinn «{stage}» (bruk {' eller '.join(STAGES)})")
        decision = r.text(item, "decision", where, required=True)
        if decision not in DECISIONS[stage]:
            raise r.fail(f"{where}.decision", f"ukjent beslutning «{decision}» for {stage} "
                                             f"(bruk {', '.join(DECISIONS[stage])})")
        decisions.append(Decision(record_id=r.text(item, "record_id", where, required=True), stage=stage,
                                  decision=decision, reason=r.text(item, "reason", where),
                                  screener=r.text(item, "screener", where), time=r.text(item, "time", where),
                                  final=bool(item.get("final", False))))
    counts = screening.get("counts")
    if counts is not None:
        counts = r.mapping(counts, "screening.counts")
    included: list[IncludedRecord] = []
    seen: set[str] = set()
    for index, raw in enumerate(r.items(top.get("included") or [], "included")):
        where = f"included[{index}]"
        item = r.mapping(raw, where)
        record_data = r.mapping(item.get("record"), f"{where}.record")
        record = LiteratureRecord.from_dict(record_data)
        if not record.record_id:
            raise r.fail(f"{where}.record.record_id", "mangler")
        if record.record_id in seen:
            raise r.fail(f"{where}.record.record_id", f"«{record.record_id}» står mer enn én gang")
        seen.add(record.record_id)
        if not (record.title or record.abstract):
            raise r.fail(f"{where}.record", "har verken tittel eller sammendrag")
        judgements: list[Judgement] = []
        for j_index, raw_j in enumerate(r.items(item.get("judgements") or [], f"{where}.judgements")):
            j_where = f"{where}.judgements[{j_index}]"
            j = r.mapping(raw_j, j_where)
            try:
                judgements.append(Judgement(
                    subject=r.text(j, "subject", j_where, required=True), value=j.get("value"),
                    provenance=Provenance.parse(r.text(j, "provenance", j_where, required=True)),
                    evidence=tuple(Span.from_dict(s) for s in j.get("evidence") or ()),
                    confidence=None if j.get("confidence") is None else float(j["confidence"]),
                    note=str(j.get("note") or "")))
            except ReviewStateInvalid:
                raise
            except Exception as exc:  # a bad provenance, span or confidence
                fields = getattr(exc, "data_fields", {})
                message = str(fields.get("detail") or getattr(exc, "message", None) or exc)
                raise r.fail(j_where, message) from None
        included.append(IncludedRecord(record, tuple(judgements)))
    return ReviewState(
        title=r.text(review, "title", "review") or "Litteraturgjennomgang",
        question=r.text(review, "question", "review"), date=r.text(review, "date", "review"),
        batches=batches, duplicates_removed=r.count(dedup, "duplicates_removed", "deduplication"),
        automation_removed=r.count(dedup, "automation_removed", "deduplication", default=0),
        other_removed=r.count(dedup, "other_removed", "deduplication", default=0),
        decisions=decisions, counts=counts, included=included, path=path,
    )


def load_review_state(path: str | Path) -> ReviewState:
    """Read a review-state JSON file (UTF-8)."""
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputNotFound(path=str(file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewStateInvalid(path=str(file), detail=f"kan ikke leses ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReviewStateInvalid(path=str(file), detail=f"ikke gyldig JSON (linje {exc.lineno}, kolonne {exc.colno}: "
                                 f"{exc.msg})") from None
    return parse_review_state(data, str(file))


def state_to_dict(state: ReviewState) -> dict[str, Any]:
    """The JSON form of ``state`` (what :func:`parse_review_state` reads)."""
    return {
        "schema": SCHEMA,
        "review": {"title": state.title, "question": state.question, "date": state.date},
        "batches": [{"id": b.id, "database": b.database, "records": b.records, "date": b.date, "query": b.query,
                     "file": b.file} for b in state.batches],
        "deduplication": {"duplicates_removed": state.duplicates_removed,
                          "automation_removed": state.automation_removed, "other_removed": state.other_removed},
        "screening": {"decisions": [{"record_id": d.record_id, "stage": d.stage, "decision": d.decision,
                                     "reason": d.reason, "screener": d.screener, "time": d.time, "final": d.final}
                                    for d in state.decisions],
                      **({"counts": dict(state.counts)} if state.counts is not None else {})},
        "included": [{"record": item.record.to_dict(), "judgements": [j.to_dict() for j in item.judgements]}
                     for item in state.included],
    }
