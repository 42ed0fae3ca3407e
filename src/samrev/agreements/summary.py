"""The national summary of a set of assessed agreements (pure: facts in, numbers out).

:class:`DocumentFacts` is what the summary needs of one document: the values a report uses for
each field (a person's verification where there is one, else the manifest's parties, else the
machine's judgement; see :mod:`samrev.agreements.review`), where each value came from, and the
evidence.  :func:`summarise` gives the spec's JSON object (``shared/spec/agreement-assessment.md``,
"National summary"), nationally and per health trust; :func:`rank_good_examples` ranks the good
examples with the reasons and quotes that make them good.

Choices the report states in its method section:

- Shares are of the documents that could be assessed (files with an error are counted apart).
- The share signed has a 95 % Wilson score interval (scipy's ``binomtest``), which keeps its
  coverage for small counts and shares near 0 or 1, where the normal approximation does not.
- Years since revision count from the latest of ``adopted`` and ``revised``; a date known to the
  month counts from its 15th, one known to the year from 1 July.
- An agreement "predates the 2022 requirements" (§ 6-2 points 12 and 13, in force 1 August 2022)
  when it was adopted before that day; an adoption date of just "2022" cannot say, and is counted
  as ``undetermined``.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samrev.agreements.model import COMMITMENTS, KINDS, SIGNATURES

REQUIREMENTS_2022 = date(2022, 8, 1)
LEVELS = (0, 1, 2, 3)
LANGUAGES = ("nb", "nn")
POINTS = tuple(range(1, 14))
UNKNOWN_TRUST = "(ukjent helseforetak)"
#: Where a value came from, best first: a person's verification, the round's manifest, the machine.
SOURCES = ("person", "manifest", "machine")


@dataclass(slots=True)
class DocumentFacts:
    """One document as the summary sees it."""

    file: str
    values: dict[str, Any] = field(default_factory=dict)
    #: per field: ``person`` (verified), ``manifest`` or ``machine``
    sources: dict[str, str] = field(default_factory=dict)
    #: per field: evidence items ``{"page", "start", "end", "text"}``
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    content_hash: str | None = None
    needs_ocr: bool = False
    error: dict[str, str] | None = None
    #: per field: the machine's confidence (None for rules without one)
    confidence: dict[str, float | None] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        return self.values.get(name)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def good_example(self) -> bool:
        return bool(self.ok and self.value("lms_level") == 3 and self.value("commitment") == "high")

    @property
    def verified_fields(self) -> list[str]:
        return sorted(name for name, source in self.sources.items() if source == "person")


# --- dates -------------------------------------------------------------------------------------


def parse_partial(value: Any) -> tuple[date, date] | None:
    """``YYYY-MM-DD`` | ``YYYY-MM`` | ``YYYY`` → (earliest, latest) day it can mean; else None."""
    if not isinstance(value, str):
        return None
    parts = value.strip().split("-")
    try:
        numbers = [int(part) for part in parts]
    except ValueError:
        return None
    try:
        if len(numbers) == 3:
            day = date(numbers[0], numbers[1], numbers[2])
            return day, day
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            following = date(numbers[0] + (numbers[1] == 12), numbers[1] % 12 + 1, 1)
            return first, date.fromordinal(following.toordinal() - 1)
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def representative_day(value: Any) -> date | None:
    """The day a partial date stands for in age computations (15th of a month, 1 July of a year)."""
    span = parse_partial(value)
    if span is None:
        return None
    first, last = span
    if first == last:
        return first
    if first.month == last.month:
        return first.replace(day=15)
    return first.replace(month=7, day=1)


def latest_date(facts: DocumentFacts) -> date | None:
    """The latest of ``adopted`` and ``revised`` (as representative days)."""
    days = [d for d in (representative_day(facts.value("adopted")), representative_day(facts.value("revised"))) if d]
    return max(days) if days else None


def years_since(day: date, today: date) -> float:
    return round((today - day).days / 365.25, 2)


def predates_2022(facts: DocumentFacts) -> bool | None:
    """True when adopted before 1 August 2022, False when on or after, None when undeterminable."""
    span = parse_partial(facts.value("adopted"))
    if span is None:
        return None
    first, last = span
    if last < REQUIREMENTS_2022:
        return True
    if first >= REQUIREMENTS_2022:
        return False
    return None


# --- statistics --------------------------------------------------------------------------------


def wilson_interval(successes: int, n: int, level: float = 0.95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (None for n = 0)."""
    if n <= 0:
        return None
    from scipy.stats import binomtest

    interval = binomtest(successes, n).proportion_ci(confidence_level=level, method="wilson")
    return round(float(interval.low), 4), round(float(interval.high), 4)


def quartiles(values: Sequence[float]) -> dict[str, float | int | None]:
    """n, median and quartiles (inclusive method: the quartiles lie within the data)."""
    if not values:
        return {"n": 0, "median": None, "q1": None, "q3": None, "min": None, "max": None}
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = q3 = ordered[0]
    else:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return {"n": len(ordered), "median": round(statistics.median(ordered), 2), "q1": round(q1, 2),
            "q3": round(q3, 2), "min": round(ordered[0], 2), "max": round(ordered[-1], 2)}


def _counts(values: Iterable[Any], keys: Iterable[Any]) -> dict[str, int]:
    counter = Counter(values)
    out = {str(key): counter.pop(key, 0) for key in keys}
    for key, count in sorted(counter.items(), key=lambda item: str(item[0])):
        out["null" if key is None else str(key)] = count
    return out


# --- the summary -------------------------------------------------------------------------------


def summarise(facts: Sequence[DocumentFacts], *, today: date, by_trust: bool = True) -> dict[str, Any]:
    """The spec's summary object for ``facts`` (see the module docstring for the choices)."""
    assessed = [f for f in facts if f.ok]
    signatures = [f.value("signature") for f in assessed]
    signed = sum(1 for s in signatures if s == "signed")
    interval = wilson_interval(signed, len(assessed))
    ages = [years_since(day, today) for f in assessed if (day := latest_date(f)) is not None]
    predates = [predates_2022(f) for f in assessed]
    predating = [f for f, p in zip(assessed, predates, strict=True) if p]
    verified_docs = [f for f in assessed if f.verified_fields]
    result: dict[str, Any] = {
        "n_documents": len(facts),
        "n_errors": len(facts) - len(assessed),
        "n_assessed": len(assessed),
        "errors": _counts(((f.error or {}).get("code") for f in facts if not f.ok), ()),
        "signature": {
            **_counts(signatures, SIGNATURES),
            "share_signed": round(signed / len(assessed), 4) if assessed else None,
            "share_signed_ci95": list(interval) if interval else None,
            "ci_method": "wilson",
        },
        "lms_level": _counts((f.value("lms_level") for f in assessed), LEVELS),
        "user_participation_level": _counts((f.value("user_participation_level") for f in assessed), LEVELS),
        "commitment": _counts((f.value("commitment") for f in assessed), COMMITMENTS),
        "language": _counts((f.value("language") for f in assessed), LANGUAGES),
        "kind": _counts((f.value("kind") for f in assessed), KINDS),
        "statutory_points": {
            str(point): sum(1 for f in assessed if point in (f.value("statutory_points") or ()))
            for point in POINTS
        },
        "meeting_arenas": sum(1 for f in assessed if f.value("meeting_arenas") is True),
        "good_examples": [example.file for example in rank_good_examples(assessed, today=today)],
        "revised_age_years": quartiles(ages),
        "predates_2022_requirements": {
            "documents": len(predating),
            "without_points_12_13": sum(
                1 for f in predating if not {12, 13} & set(f.value("statutory_points") or ())),
            "not_predating": sum(1 for p in predates if p is False),
            "undetermined": sum(1 for p in predates if p is None),
        },
        "needs_ocr": sum(1 for f in facts if f.needs_ocr),
        "verification": {
            "documents_with_verified_values": len(verified_docs),
            "verified_values": sum(len(f.verified_fields) for f in assessed),
            "by_field": dict(sorted(Counter(name for f in assessed for name in f.verified_fields).items())),
            "documents_unverified": len(assessed) - len(verified_docs),
        },
    }
    if by_trust:
        groups: dict[str, list[DocumentFacts]] = {}
        for f in facts:
            groups.setdefault(trust_of(f), []).append(f)
        result["by_health_trust"] = {
            trust: summarise(group, today=today, by_trust=False)
            for trust, group in sorted(groups.items(), key=lambda item: (item[0] == UNKNOWN_TRUST, item[0]))
        }
    return result


def trust_of(facts: DocumentFacts) -> str:
    value = facts.value("health_trust")
    return str(value) if value else UNKNOWN_TRUST


# --- good examples -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoodExample:
    """A good example: why, and the passages that show it."""

    file: str
    score: float
    language: str | None
    health_trust: str | None
    kind: str | None
    reasons: tuple[str, ...]
    quotes: tuple[dict[str, Any], ...]  # {"field", "page", "start", "end", "text"}
    verified: bool

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "score": self.score, "language": self.language,
                "health_trust": self.health_trust, "kind": self.kind, "reasons": list(self.reasons),
                "quotes": list(self.quotes), "verified": self.verified}


_LEVEL_REASONS = {
    "lms_level": {3: "konkret om lærings- og mestringstilbud (hvem gjør hva, og hvordan)",
                  2: "fordeler oppgaver i lærings- og mestringsarbeidet"},
    "user_participation_level": {3: "konkret brukermedvirkning: navngitte organer, oppnevning og rolle",
                                 2: "beskriver en ordning for brukermedvirkning",
                                 1: "brukermedvirkning som prinsipp"},
}
QUOTES_PER_FIELD = 2
QUOTE_CHARS = 400


def _score(facts: DocumentFacts, today: date) -> tuple[float, list[str]]:
    reasons: list[str] = []
    score = 0.0
    for name in ("lms_level", "user_participation_level"):
        level = facts.value(name)
        if isinstance(level, int):
            score += level * (2.0 if name == "lms_level" else 1.0)
            if level in _LEVEL_REASONS[name]:
                reasons.append(_LEVEL_REASONS[name][level])
    if facts.value("commitment") == "high":
        score += 2
        reasons.append("forpliktende formuleringer («skal») med ansvarlig part")
    if facts.value("signature") == "signed":
        score += 1.5
        reasons.append("signert")
    if facts.value("meeting_arenas") is True:
        score += 1
        reasons.append("beskriver felles møtearenaer")
    points = facts.value("statutory_points") or []
    score += min(len(points), 13) * 0.1
    if 2 in points:
        reasons.append("gir innhold til § 6-2 nr. 2 (blant annet lærings- og mestringstilbud)")
    day = latest_date(facts)
    if day is not None:
        age = years_since(day, today)
        score += max(0.0, 2.0 - age / 3)  # recent agreements first: full weight now, none at 6 years
        if age <= 3:
            reasons.append(f"revidert eller vedtatt for {age:.1f} år siden".replace(".", ","))
    return round(score, 3), reasons


def rank_good_examples(facts: Sequence[DocumentFacts], *, today: date) -> list[GoodExample]:
    """The good examples (``lms_level`` 3 and binding), best first, each with reasons and quotes.

    Rank: learning-and-coping and user-participation levels, binding phrasing, signature, meeting
    arenas, § 6-2 points covered, recency (file name breaks ties).  Quotes are the evidence of the
    levels (at most :data:`QUOTES_PER_FIELD` each, cut at :data:`QUOTE_CHARS` characters).
    """
    out: list[GoodExample] = []
    for f in facts:
        if not f.good_example:
            continue
        score, reasons = _score(f, today)
        quotes: list[dict[str, Any]] = []
        for name in ("lms_level", "user_participation_level"):
            for item in (f.evidence.get(name) or [])[:QUOTES_PER_FIELD]:
                text = " ".join(str(item.get("text", "")).split())
                if len(text) > QUOTE_CHARS:
                    text = text[: QUOTE_CHARS - 1].rstrip() + "…"
                quotes.append({"field": name, "page": item.get("page"), "start": item.get("start"),
                               "end": item.get("end"), "text": text})
        out.append(GoodExample(
            file=f.file, score=score, language=f.value("language"), health_trust=f.value("health_trust"),
            kind=f.value("kind"), reasons=tuple(reasons), quotes=tuple(quotes),
            verified=any(f.sources.get(name) == "person" for name in ("lms_level", "commitment")),
        ))
    out.sort(key=lambda example: (-example.score, example.file))
    return out


def facts_from_record(record: Mapping[str, Any]) -> DocumentFacts:
    """Facts from an assessment record (the spec's JSON object), all values the machine's."""
    from samrev.agreements.model import FIELDS

    error = record.get("error")
    values = {name: record.get(name) for name in FIELDS}
    return DocumentFacts(
        file=str(record.get("file", "")), values=values,
        sources={name: "machine" for name in FIELDS if error is None},
        evidence=dict(record.get("evidence") or {}), needs_ocr=bool(record.get("needs_ocr")),
        error=error, content_hash=record.get("content_hash"),
    )
