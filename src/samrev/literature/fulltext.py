"""The full-text stage of a literature review: the records waiting for full-text assessment, one
decision at a time with its checks, and a table of decisions (CSV or XLSX) imported in bulk.

Decisions are stored by :mod:`samrev.literature.decisions` at stage ``full_text`` (a Judgement per
decision with the screener and the time): ``include``, ``exclude`` with the exclusion reason as
``note`` (required) or ``not_retrieved``.  Dual full-text screening, conflicts and final decisions
are those of the title/abstract stage (:func:`decisions.stage_status`, :func:`decisions.resolve`);
at full text two exclusions with different reasons are a conflict too.

A record can be assessed in full text only when it is settled as included at title/abstract
(every screener who decided said «include», or a final decision after a conflict).  For a project
with imported records only the unique records count (one per work after de-duplication), as in the
review-state export; for a project screened from a CSV file, every record with a title/abstract
decision.

Exclusion reasons: :data:`EXCLUSION_REASONS` are the standard ones, offered by number
(``--reason 3``); any other text is allowed.  A reason that matches a standard one or one already
used in the project, apart from case and spacing, is stored in that spelling, so the PRISMA diagram
counts it under one name.

Call :func:`samrev.store.bootstrap.ensure_ready` before using this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from samrev.core.errors import (
    InputError,
    InputFormatError,
    NotIncludedForFullText,
    SamrevError,
    UnknownScreeningRecord,
)
from samrev.literature import decisions
from samrev.literature.decisions import NOT_RETRIEVED, Decision, RecordStatus
from samrev.literature.dual import same_reason
from samrev.literature.screening import EXCLUDE, INCLUDE, UNCERTAIN

STAGE = "full_text"
DECISIONS = (INCLUDE, EXCLUDE, NOT_RETRIEVED)
#: The standard exclusion reasons at full text (PICO and publication type, as review tools offer them).
EXCLUSION_REASONS = (
    "Feil populasjon",
    "Feil tiltak eller eksponering",
    "Feil utfall",
    "Feil setting",
    "Feil studiedesign",
    "Ikke empirisk studie",
    "Feil publikasjonstype",
    "Språk",
    "Duplikat",
)
LABELS = {INCLUDE: "inkluder", EXCLUDE: "ekskluder", NOT_RETRIEVED: "ikke innhentet", UNCERTAIN: "usikker"}
IMPORT_ACTION = "literature.full_text_import"

_WORDS = {
    INCLUDE: ("include", "included", "inkluder", "inkludert", "inkluderes", "inkl", "ja", "yes", "i"),
    EXCLUDE: ("exclude", "excluded", "ekskluder", "ekskludert", "ekskluderes", "ekskl", "nei", "no", "e"),
    NOT_RETRIEVED: ("not retrieved", "not available", "not found", "ikke innhentet", "ikke hentet",
                    "ikke funnet", "ikke tilgjengelig"),
}
#: Headers of an import table (besides the names themselves), compared ignoring case, ``_``, ``-``
#: and spacing.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "record_id": ("record", "id", "post", "post id", "postid", "postnummer"),
    "decision": ("beslutning", "vurdering", "avgjørelse", "fulltekst", "full text", "fulltekstbeslutning",
                 "full text decision"),
    "reason": ("exclusion reason", "grunn", "begrunnelse", "eksklusjonsgrunn", "årsak", "note", "merknad"),
    "screener": ("reviewer", "vurdert av", "screenet av", "vurderer", "leser", "navn"),
}


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


_DECISION_OF = {_fold(word): value for value, words in _WORDS.items() for word in words}


def parse_decision(text: str) -> str:
    """``include``, ``exclude`` or ``not_retrieved`` from a decision as a person writes it (English
    or bokmål, any case: «not-retrieved», «Ekskludert», «ikke innhentet» …)."""
    value = _DECISION_OF.get(_fold(text))
    if value is None:
        raise InputError(detail=f"ukjent fulltekstbeslutning «{text}» (bruk include, exclude eller not-retrieved; "
                                "på norsk inkluder, ekskluder eller ikke innhentet)")
    return value


def numbered_reasons() -> str:
    """The standard reasons with their numbers, for messages and help."""
    return "; ".join(f"{number} {reason}" for number, reason in enumerate(EXCLUSION_REASONS, 1))


def label(decision: Decision | None) -> str:
    """«ekskluder (Feil populasjon)» for a decision, «–» for none."""
    if decision is None or decision.value is None:
        return "–"
    text = LABELS.get(decision.value, decision.value)
    return f"{text} ({decision.note})" if decision.value == EXCLUDE and decision.note else text


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record included at title/abstract, and where it stands at full text."""

    record_id: str
    title: str
    status: RecordStatus

    @property
    def state(self) -> str:
        """``awaiting`` (no decision), ``conflict`` (the screeners differ, no final decision) or
        ``decided``."""
        if self.status.conflict:
            return "conflict"
        return "decided" if self.status.settled is not None else "awaiting"

    def decided_by(self, screener: str) -> bool:
        return any(d.screener == screener for d in self.status.decided)

    def to_dict(self) -> dict[str, Any]:
        settled = self.status.settled
        return {
            "record_id": self.record_id, "title": self.title, "state": self.state,
            "decision": None if settled is None else settled.value,
            "reason": "" if settled is None or settled.value != EXCLUDE else settled.note,
            "decisions": [{"screener": d.screener, "decision": d.value, "reason": d.note, "time": d.at.isoformat()}
                          for d in self.status.decided],
            "final": None if self.status.final is None else self.status.final.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :meth:`FullTextStage.decide` did: stored a decision, or found it standing already."""

    record_id: str
    screener: str
    value: str
    reason: str
    decision: Decision
    changed: bool
    new_reason: bool = False


class FullTextStage:
    """The full-text stage of one project, read from the store once: the project's records, where
    each stands at title/abstract, and the full-text decisions so far.  :meth:`decide` stores a
    decision and keeps the view current (so a bulk import reads the store once)."""

    def __init__(self, project: str, titles: Mapping[str, str] | None = None) -> None:
        from samrev.literature.service import unique_records
        from samrev.store import literature as store

        self.project = decisions.ensure_project(project).slug
        rows = store.records(store.project_for(self.project))
        unique = unique_records(self.project) if rows else []
        #: every imported record's id, and the unique ones (None: the project has no imported records)
        self.all_records: set[str] | None = {store.record_key(row) for row in rows} if rows else None
        self.records: list[str] | None = [store.record_key(row) for row in unique] if rows else None
        self._unique = set(self.records or ())
        self._reasons: dict[str, int] | None = None
        self.titles: dict[str, str] = dict(titles) if titles is not None else {
            store.record_key(row): " ".join(row.title.split()) for row in rows}
        self.title_abstract = decisions.stage_status(self.project, "title_abstract", self.records)
        self.full_text = decisions.stage_status(self.project, STAGE, self.records)
        order = {record_id: index for index, record_id in enumerate(self.records or [])}
        self.included = sorted(
            (record_id for record_id, status in self.title_abstract.items()
             if status.settled is not None and status.settled.value == INCLUDE),
            key=lambda record_id: (order.get(record_id, len(order)), decisions._natural(record_id)))
        self._included = set(self.included)

    # -- reading ----------------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """The records included at title/abstract, in import order (or by record id)."""
        return [Candidate(record_id, self.titles.get(record_id, ""),
                          self.full_text.get(record_id) or RecordStatus(record_id, STAGE))
                for record_id in self.included]

    def counts(self) -> dict[str, int]:
        """How far the stage has come: included at title/abstract, waiting, in conflict, and the
        settled decisions by value; plus title/abstract conflicts nobody has resolved."""
        out = {"included_title_abstract": len(self.included), "awaiting": 0, "conflict": 0,
               INCLUDE: 0, EXCLUDE: 0, NOT_RETRIEVED: 0,
               "title_abstract_unresolved": sum(status.conflict for status in self.title_abstract.values())}
        for candidate in self.candidates():
            settled = candidate.status.settled
            if settled is not None and settled.value in DECISIONS:
                out[str(settled.value)] += 1
            elif candidate.state in ("awaiting", "conflict"):
                out[candidate.state] += 1
        return out

    def used_reasons(self) -> dict[str, int]:
        """Exclusion reasons in the project's standing and final full-text decisions, by how often."""
        if self._reasons is not None:
            return self._reasons
        counts: dict[str, int] = {}
        for status in self.full_text.values():
            for decision in (*status.decided, *([status.final] if status.final is not None else [])):
                if decision.value == EXCLUDE and decision.note.strip():
                    counts[decision.note] = counts.get(decision.note, 0) + 1
        self._reasons = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return self._reasons

    def canonical_reason(self, text: str) -> tuple[str, bool]:
        """(the reason as stored, whether it is new): a standard reason by number or text, or a
        reason used before in the project, in its spelling; otherwise ``text`` with its spacing
        folded (new)."""
        reason = " ".join(text.split())
        if reason.isdigit():
            number = int(reason)
            if not 1 <= number <= len(EXCLUSION_REASONS):
                raise InputError(detail=f"eksklusjonsgrunn nummer {number} finnes ikke (standardgrunnene: "
                                        f"{numbered_reasons()})")
            return EXCLUSION_REASONS[number - 1], False
        for known in (*EXCLUSION_REASONS, *self.used_reasons()):
            if same_reason(known, reason):
                return known, False
        return reason, True

    def why_not(self, record_id: str) -> str | None:
        """None when ``record_id`` can be assessed in full text, else why not (bokmål); an unknown
        record is :class:`UnknownScreeningRecord`."""
        if record_id in self._included:
            return None
        if self.all_records is not None:
            if record_id not in self.all_records:
                raise UnknownScreeningRecord(record_id=record_id, project=self.project)
            if record_id not in self._unique:
                return "den er en fjernet duplikat (se samrev literature dedup)"
        status = self.title_abstract.get(record_id)
        if status is None:
            return "den har ingen beslutning på tittel og sammendrag"
        if status.conflict:
            who = ", ".join(f"{d.screener}: {LABELS.get(str(d.value), str(d.value))}" for d in status.decided)
            return (f"uløst uenighet på tittel og sammendrag ({who}); avgjør den med "
                    f"samrev literature resolve {record_id} include|exclude --by NAVN")
        settled = status.settled
        if settled is None:
            return "den er bare markert som usikker på tittel og sammendrag"
        if status.final is not None:
            return f"den er endelig ekskludert på tittel og sammendrag (av {status.final.screener})"
        return f"den er ekskludert på tittel og sammendrag (av {', '.join(d.screener for d in status.decided)})"

    def check(self, record_id: str) -> None:
        """Raise :class:`NotIncludedForFullText` (or :class:`UnknownScreeningRecord`) unless the
        record can be assessed in full text."""
        reason = self.why_not(record_id)
        if reason is not None:
            raise NotIncludedForFullText(record_id=record_id, project=self.project, detail=reason)

    def standing(self, record_id: str, screener: str) -> Decision | None:
        status = self.full_text.get(record_id)
        return next((d for d in status.standing if d.screener == screener), None) if status else None

    # -- deciding ---------------------------------------------------------------------------------

    def normalise(self, record_id: str, value: str, reason: str) -> tuple[str, str, bool]:
        """(value, reason, new reason?) as they would be stored; raises what :meth:`decide` would
        (the record's checks, an exclusion without a reason, an unknown value)."""
        value = value if value in DECISIONS else parse_decision(value)
        self.check(record_id)
        if value != EXCLUDE:
            return value, " ".join(reason.split()), False
        if not reason.strip():
            raise InputError(detail=f"posten «{record_id}»: en eksklusjon i fulltekst trenger en grunn "
                                    f"(standardgrunnene: {numbered_reasons()}; eller egen tekst)")
        canonical, new = self.canonical_reason(reason)
        return value, canonical, new

    def decide(self, record_id: str, screener: str, value: str, reason: str = "") -> Outcome:
        """Store ``screener``'s full-text decision on ``record_id`` (unless the same decision with
        the same reason stands already)."""
        value, reason, new = self.normalise(record_id, value, reason)
        current = self.standing(record_id, screener)
        if current is not None and current.value == value and current.note == reason:
            return Outcome(record_id, screener, value, reason, current, changed=False)
        stored = decisions.record_decision(self.project, record_id, screener, value, reason, stage=STAGE)
        status = self.full_text.get(record_id) or RecordStatus(record_id, STAGE)
        others = [d for d in status.standing if d.screener != screener]
        self.full_text[record_id] = replace(
            status, standing=tuple(sorted([*others, stored], key=lambda d: d.screener)))
        self._reasons = None
        return Outcome(record_id, screener, value, reason, stored, changed=True, new_reason=new)


# --- bulk import -------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportResult:
    """What an import did: rows stored, rows whose decision stood already, rows without a decision
    (not filled in), and the rows that could not be used, each with its line."""

    path: str
    sha256: str
    stored: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    blank: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    new_reasons: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.stored) + self.unchanged + self.blank + len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.path, "sha256": self.sha256, "rows": self.rows, "stored": len(self.stored),
                "unchanged": self.unchanged, "blank": self.blank, "errors": self.errors,
                "new_reasons": self.new_reasons, "decisions": self.stored}


def _message(error: SamrevError) -> str:
    detail = error.data_fields.get("detail")
    return str(detail) if type(error) is InputError and detail else error.message


def import_decisions(project: str, path: str | Path, *, screener: str = "", actor: str = "") -> ImportResult:
    """Store the full-text decisions of a table (CSV or XLSX; columns record id, decision, reason and
    screener, English or Norwegian headers: :data:`COLUMN_ALIASES`).  ``screener`` is used for rows
    without one.  A row that cannot be used is reported with its line and the others are stored;
    a row whose decision stands already changes nothing, so importing a file again changes nothing.
    Rows without a decision are skipped (a list of waiting records, not filled in yet)."""
    from samrev.literature.dataset import read_table

    file = Path(path)
    header, rows, digest = read_table(file, ("record_id", "decision"), COLUMN_ALIASES)
    if "screener" not in header and not screener:
        raise InputFormatError(path=str(file), detail="mangler kolonnen screener (hvem som vurderte); legg den til, "
                                                      "eller oppgi --screener for alle radene")
    stage = FullTextStage(project)
    result = ImportResult(path=str(file), sha256=digest)
    at = {name: header.index(name) for name in ("record_id", "decision", "reason", "screener") if name in header}
    seen: dict[tuple[str, str], tuple[int, str, str]] = {}
    for line, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        row = raw + [""] * (len(header) - len(raw))

        def cell(name: str, row: list[str] = row) -> str:
            return " ".join(row[at[name]].split()) if name in at else ""

        record_id, decision_text = cell("record_id"), cell("decision")
        who = cell("screener") or screener
        if not decision_text:
            result.blank += 1
            continue
        try:
            if not record_id:
                raise InputError(detail="mangler post-id (record_id)")
            if not who:
                raise InputError(detail="mangler screener (hvem som vurderte)")
            value, reason, _new = stage.normalise(record_id, decision_text, cell("reason"))
            earlier = seen.get((who, record_id))
            if earlier is not None and (earlier[1], earlier[2]) != (value, reason):
                raise InputError(detail=f"{who} har en annen beslutning på posten «{record_id}» på linje {earlier[0]}")
            outcome = stage.decide(record_id, who, value, reason)
        except SamrevError as error:
            result.errors.append({"line": line, "record_id": record_id, "message": _message(error)})
            continue
        seen[(who, record_id)] = (line, outcome.value, outcome.reason)
        if outcome.new_reason and outcome.reason not in result.new_reasons:
            result.new_reasons.append(outcome.reason)
        if outcome.changed:
            result.stored.append({"line": line, "record_id": record_id, "screener": who, "decision": outcome.value,
                                  "reason": outcome.reason})
        else:
            result.unchanged += 1
    if result.stored:
        _audit(stage.project, result, actor or screener)
    return result


def _audit(project: str, result: ImportResult, actor: str) -> None:
    from django.db import transaction

    from samrev.store import actions
    from samrev.store.bootstrap import translate_db_errors

    with translate_db_errors(), transaction.atomic():
        actions.append_audit_event(
            IMPORT_ACTION, actor=actor, object_type="project", object_id=project,
            data={"file": result.path, "sha256": result.sha256, "stored": len(result.stored),
                  "unchanged": result.unchanged, "errors": len(result.errors)},
        )


def waiting_for(candidates: Iterable[Candidate], screener: str | None = None) -> list[Candidate]:
    """The candidates still to assess: with ``screener``, those the screener has not decided on
    (and nobody has settled with a final decision); otherwise those not settled (waiting or in
    conflict)."""
    if screener:
        return [c for c in candidates if not c.decided_by(screener) and c.status.final is None]
    return [c for c in candidates if c.state != "decided"]

