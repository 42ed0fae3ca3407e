"""Dual screening: two screeners' independent decisions compared (pure).

Cohen's κ (:func:`sklearn.metrics.cohen_kappa_score`) is computed over the records both
screeners decided in one of the stage's categories (include/exclude at title/abstract,
:data:`FULL_TEXT_CATEGORIES` at full text); the agreement table counts them.  A *conflict* is a
record both screened where they differ, where either marked it uncertain, or (given the reasons)
where both excluded it for different reasons: it needs a final decision by a third person
(:func:`samrev.literature.decisions.resolve`).  A conflict with a final decision is listed as
resolved, with who resolved it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from samrev.literature.screening import EXCLUDE, INCLUDE, UNCERTAIN

CATEGORIES = (INCLUDE, EXCLUDE)
FULL_TEXT_CATEGORIES = (INCLUDE, EXCLUDE, "not_retrieved")


@dataclass(frozen=True, slots=True)
class Conflict:
    record_id: str
    first: str
    second: str
    final: str | None = None
    final_by: str | None = None
    title: str = ""
    first_reason: str = ""
    second_reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.final is not None

    def to_dict(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "first": self.first, "second": self.second, "final": self.final,
                "final_by": self.final_by, "resolved": self.resolved, "title": self.title,
                "first_reason": self.first_reason, "second_reason": self.second_reason}


@dataclass(frozen=True, slots=True)
class DualReport:
    """Agreement between two screeners."""

    first: str
    second: str
    both: int  # records both included or excluded (the κ basis)
    table: dict[str, dict[str, int]]  # first's value → second's value → count
    observed_agreement: float | None
    kappa: float | None
    only_first: int
    only_second: int
    conflicts: list[Conflict] = field(default_factory=list)
    categories: tuple[str, ...] = CATEGORIES

    @property
    def unresolved(self) -> int:
        return sum(1 for conflict in self.conflicts if not conflict.resolved)

    def to_dict(self) -> dict[str, Any]:
        return {
            "screeners": [self.first, self.second],
            "categories": list(self.categories),
            "both_screened": self.both,
            "agreement_table": self.table,
            "observed_agreement": None if self.observed_agreement is None else round(self.observed_agreement, 4),
            "kappa": None if self.kappa is None else round(self.kappa, 4),
            "only_first": self.only_first,
            "only_second": self.only_second,
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
            "unresolved": self.unresolved,
        }


def kappa(first: list[str], second: list[str], categories: Sequence[str] = CATEGORIES) -> float | None:
    """Cohen's κ over paired values (include/exclude, or ``categories``); None when it is undefined
    (both screeners used one and the same category throughout, so chance agreement is 1)."""
    from sklearn.metrics import cohen_kappa_score

    if not first:
        return None
    if len(set(first) | set(second)) < 2:
        return None
    return float(cohen_kappa_score(first, second, labels=list(categories)))


def same_reason(first: str, second: str) -> bool:
    """Two exclusion reasons are the same when they differ only in case and white space."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def compare(
    first_name: str,
    first: Mapping[str, str],
    second_name: str,
    second: Mapping[str, str],
    *,
    finals: Mapping[str, tuple[str, str]] | None = None,
    titles: Mapping[str, str] | None = None,
    categories: Sequence[str] = CATEGORIES,
    reasons: tuple[Mapping[str, str], Mapping[str, str]] | None = None,
) -> DualReport:
    """Compare two screeners' standing decisions (record_id → include/exclude/uncertain, or
    ``categories``).

    ``finals`` maps record_id → (final value, who resolved it); ``titles`` record_id → title;
    ``reasons`` the two screeners' exclusion reasons (record_id → reason; full text), whose
    difference makes two exclusions a conflict.
    """
    finals = finals or {}
    titles = titles or {}
    table = {a: dict.fromkeys(categories, 0) for a in categories}
    paired_first: list[str] = []
    paired_second: list[str] = []
    conflicts: list[Conflict] = []
    shared = [rid for rid in first if rid in second]
    for record_id in shared:
        a, b = first[record_id], second[record_id]
        if a in categories and b in categories:
            table[a][b] += 1
            paired_first.append(a)
            paired_second.append(b)
        reason_a = reasons[0].get(record_id, "") if reasons else ""
        reason_b = reasons[1].get(record_id, "") if reasons else ""
        other_reason = a == b == EXCLUDE and not same_reason(reason_a, reason_b)
        if a != b or UNCERTAIN in (a, b) or other_reason:
            final = finals.get(record_id)
            conflicts.append(Conflict(
                record_id=record_id, first=a, second=b,
                final=final[0] if final else None, final_by=final[1] if final else None,
                title=titles.get(record_id, ""), first_reason=reason_a, second_reason=reason_b,
            ))
    agreed = sum(table[c][c] for c in categories)
    return DualReport(
        first=first_name,
        second=second_name,
        both=len(paired_first),
        table=table,
        observed_agreement=agreed / len(paired_first) if paired_first else None,
        kappa=kappa(paired_first, paired_second, categories),
        only_first=sum(1 for rid in first if rid not in second),
        only_second=sum(1 for rid in second if rid not in first),
        conflicts=conflicts,
        categories=tuple(categories),
    )
