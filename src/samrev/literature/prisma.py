"""PRISMA 2020 flow counts (new systematic reviews, databases and registers) and their checks.

:class:`PrismaCounts` holds the numbers of the flow diagram; :meth:`PrismaCounts.validate` checks
that every step is the previous step minus what was taken out and raises
:class:`~samrev.core.errors.PrismaMismatch` naming the first step that does not add up:

* identified (sum over databases) − duplicates − removed by automation − removed for other reasons
  = records screened
* records screened − records excluded = reports sought for retrieval
* reports sought − reports not retrieved = reports assessed for eligibility
* reports assessed − reports excluded (sum over reasons) = reports of included studies
* studies included ≤ reports of included studies (one study may have several reports)

The diagram itself is drawn by :mod:`samrev.report.literature` (SVG for HTML/PDF, PNG for DOCX).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from samrev.core.errors import PrismaMismatch


@dataclass(frozen=True, slots=True)
class SourceCount:
    """Records from one database or register (one import batch or several of the same database)."""

    name: str
    records: int


@dataclass(frozen=True, slots=True)
class ReasonCount:
    """Full-text reports excluded for one reason."""

    reason: str
    count: int


def _n(value: int) -> str:
    text = f"{value:,}".replace(",", "\u00a0")
    return text if abs(value) >= 10_000 else text.replace("\u00a0", "")


@dataclass(frozen=True, slots=True)
class PrismaCounts:
    """The numbers of a PRISMA 2020 flow diagram."""

    sources: tuple[SourceCount, ...]
    duplicates_removed: int
    records_screened: int
    records_excluded: int
    reports_sought: int
    reports_not_retrieved: int
    reports_assessed: int
    reports_excluded: tuple[ReasonCount, ...]
    studies_included: int
    #: reports of the included studies; None = one report per study
    reports_included: int | None = None
    automation_removed: int = 0
    other_removed: int = 0
    #: where the numbers come from, for messages («gjennomgang.json»)
    origin: str = field(default="flytdiagrammet", compare=False)

    @property
    def identified(self) -> int:
        return sum(source.records for source in self.sources)

    @property
    def removed_before_screening(self) -> int:
        return self.duplicates_removed + self.automation_removed + self.other_removed

    @property
    def reports_excluded_total(self) -> int:
        return sum(reason.count for reason in self.reports_excluded)

    @property
    def reports_of_included(self) -> int:
        return self.studies_included if self.reports_included is None else self.reports_included

    def problems(self) -> list[str]:
        """Every step that does not add up, as bokmål sentences (empty when all is well)."""
        out: list[str] = []
        for name, value in (("duplikater", self.duplicates_removed), ("fjernet av automatiske verktøy",
                            self.automation_removed), ("fjernet av andre grunner", self.other_removed),
                            ("screenede poster", self.records_screened), ("ekskluderte poster", self.records_excluded),
                            ("rapporter søkt innhentet", self.reports_sought),
                            ("rapporter ikke innhentet", self.reports_not_retrieved),
                            ("rapporter vurdert", self.reports_assessed),
                            ("inkluderte studier", self.studies_included),
                            ("rapporter av inkluderte studier", self.reports_of_included)):
            if value < 0:
                out.append(f"{name} er negativt ({value})")
        names = [source.name.strip() for source in self.sources]
        if not self.sources:
            out.append("ingen databaser oppgitt")
        for source in self.sources:
            if not source.name.strip():
                out.append("en database mangler navn")
            if source.records < 0:
                out.append(f"databasen «{source.name}» har et negativt antall poster ({source.records})")
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            out.append(f"databasen «{repeated[0]}» står mer enn én gang")
        for reason in self.reports_excluded:
            if reason.count < 0:
                out.append(f"eksklusjonsgrunnen «{reason.reason}» har et negativt antall ({reason.count})")
        expected = self.identified - self.removed_before_screening
        if expected != self.records_screened:
            out.append(f"identifiserte poster ({_n(self.identified)}) − duplikater ({_n(self.duplicates_removed)})"
                       f" − fjernet av automatiske verktøy ({_n(self.automation_removed)}) − fjernet av andre grunner"
                       f" ({_n(self.other_removed)}) = {_n(expected)}, men screenede poster er"
                       f" {_n(self.records_screened)}")
        expected = self.records_screened - self.records_excluded
        if expected != self.reports_sought:
            out.append(f"screenede poster ({_n(self.records_screened)}) − ekskluderte poster"
                       f" ({_n(self.records_excluded)}) = {_n(expected)}, men rapporter søkt innhentet er"
                       f" {_n(self.reports_sought)}")
        expected = self.reports_sought - self.reports_not_retrieved
        if expected != self.reports_assessed:
            out.append(f"rapporter søkt innhentet ({_n(self.reports_sought)}) − ikke innhentet"
                       f" ({_n(self.reports_not_retrieved)}) = {_n(expected)}, men rapporter vurdert for"
                       f" egnethet er {_n(self.reports_assessed)}")
        expected = self.reports_assessed - self.reports_excluded_total
        if expected != self.reports_of_included:
            out.append(f"rapporter vurdert ({_n(self.reports_assessed)}) − rapporter ekskludert"
                       f" ({_n(self.reports_excluded_total)}) = {_n(expected)}, men rapporter av inkluderte studier"
                       f" er {_n(self.reports_of_included)}")
        if self.studies_included > self.reports_of_included:
            out.append(f"inkluderte studier ({_n(self.studies_included)}) er flere enn rapportene av dem"
                       f" ({_n(self.reports_of_included)})")
        return out

    def validate(self) -> PrismaCounts:
        """``self`` when every step adds up, else :class:`PrismaMismatch` naming the first mismatch."""
        problems = self.problems()
        if problems:
            detail = problems[0] + (f" (og {len(problems) - 1} feil til)" if len(problems) > 1 else "")
            raise PrismaMismatch(source=self.origin, detail=detail, problems=problems)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "identified": self.identified,
            "sources": [{"name": s.name, "records": s.records} for s in self.sources],
            "duplicates_removed": self.duplicates_removed, "automation_removed": self.automation_removed,
            "other_removed": self.other_removed, "records_screened": self.records_screened,
            "records_excluded": self.records_excluded, "reports_sought": self.reports_sought,
            "reports_not_retrieved": self.reports_not_retrieved, "reports_assessed": self.reports_assessed,
            "reports_excluded": [{"reason": r.reason, "count": r.count} for r in self.reports_excluded],
            "reports_excluded_total": self.reports_excluded_total,
            "studies_included": self.studies_included, "reports_included": self.reports_of_included,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], origin: str = "flytdiagrammet") -> PrismaCounts:
        """From :meth:`to_dict` output (``identified`` and totals are recomputed, not read)."""
        return cls(
            sources=tuple(SourceCount(str(s["name"]), int(s["records"])) for s in data["sources"]),
            duplicates_removed=int(data["duplicates_removed"]),
            automation_removed=int(data.get("automation_removed", 0)),
            other_removed=int(data.get("other_removed", 0)),
            records_screened=int(data["records_screened"]), records_excluded=int(data["records_excluded"]),
            reports_sought=int(data["reports_sought"]), reports_not_retrieved=int(data["reports_not_retrieved"]),
            reports_assessed=int(data["reports_assessed"]),
            reports_excluded=tuple(ReasonCount(str(r["reason"]), int(r["count"])) for r in data["reports_excluded"]),
            studies_included=int(data["studies_included"]),
            reports_included=None if data.get("reports_included") is None else int(data["reports_included"]),
            origin=origin,
        )


def merge_sources(sources: Sequence[SourceCount]) -> tuple[SourceCount, ...]:
    """One count per database name (several batches of one database are summed), first-seen order."""
    totals: dict[str, int] = {}
    for source in sources:
        totals[source.name] = totals.get(source.name, 0) + source.records
    return tuple(SourceCount(name, count) for name, count in totals.items())
