"""Dataclasses of the organisation registry.

Municipality numbers are strings of four digits (``"0301"``), county numbers strings of two
(``"03"``).  A municipality belongs to one *structure*: 2020 (356 municipalities, 11 counties,
valid 2020-01-01–2023-12-31) or 2024 (357 municipalities, 15 counties, from 2024-01-01).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

#: Language codes of official names: Norwegian, North/South/Lule Sami, Kven.
Language = Literal["nor", "sme", "sma", "smj", "fkv"]

#: Kinds of health trust in ``helseforetak.csv``.
TrustKind = Literal["rhf", "hf", "ideell", "support"]

#: Kinds of entity that :func:`samrev.registry.match` reports.
EntityKind = Literal["municipality", "county", "health_trust", "rhf", "site", "private_hospital"]

#: How sure the catchment row is: stated in a cited source, well known, or inferred.
Confidence = Literal["source", "known", "inferred"]


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality in one structure (2020 or 2024)."""

    number: str
    name: str
    names: tuple[tuple[str, Language], ...]
    county_number: str
    county_name: str
    structure_year: int
    sami_area: bool = False
    sami_area_since: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every official name form (Norwegian first)."""
        return tuple(name for name, _ in self.names)

    def label(self) -> str:
        """``"4601 Bergen"``."""
        return f"{self.number} {self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "names": [{"name": name, "language": lang} for name, lang in self.names],
            "county_number": self.county_number,
            "county_name": self.county_name,
            "structure_year": self.structure_year,
            "sami_area": self.sami_area,
            "sami_area_since": self.sami_area_since.isoformat() if self.sami_area_since else None,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
        }


@dataclass(frozen=True, slots=True)
class County:
    """A county (fylke) with its validity period; ``successors`` for counties that were split/merged."""

    number: str
    name: str
    other_names: tuple[tuple[str, Language], ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        starts = self.valid_from is None or self.valid_from <= day
        ends = self.valid_to is None or day <= self.valid_to
        return starts and ends

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "other_names": [{"name": n, "language": lang} for n, lang in self.other_names],
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "successors": list(self.successors),
        }


@dataclass(frozen=True, slots=True)
class HealthTrust:
    """A regional health authority (rhf), health trust (hf), support trust or private non-profit hospital."""

    id: str
    name: str
    kind: TrustKind
    rhf: str | None
    short_name: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    weak_abbreviations: tuple[str, ...] = ()
    has_catchment: bool = False
    source: str = ""
    note: str = ""

    @property
    def entity_kind(self) -> EntityKind:
        """The kind :func:`samrev.registry.match` reports for this trust."""
        if self.kind == "rhf":
            return "rhf"
        if self.kind == "ideell":
            return "private_hospital"
        return "health_trust"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "rhf": self.rhf,
            "short_name": self.short_name,
            "aliases": list(self.aliases),
            "abbreviations": list(self.abbreviations) + list(self.weak_abbreviations),
            "has_catchment": self.has_catchment,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Site:
    """A hospital site.  Sites are recognised in text but are not parties to agreements."""

    id: str
    name: str
    health_trust: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    weak_abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CatchmentEntry:
    """One row of a municipality's catchment: which trust serves (part of) it, for what, how sure."""

    municipality_number: str  # 2024 number
    health_trust: HealthTrust
    part: str = ""  # empty = the whole municipality; else a district or former municipality
    scope: str = "alle"  # "alle", "indremedisin", "øvrige fag"
    confidence: Confidence = "known"
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality_number": self.municipality_number,
            "health_trust": self.health_trust.id,
            "health_trust_name": self.health_trust.name,
            "part": self.part,
            "scope": self.scope,
            "confidence": self.confidence,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """An organisation named in a text: ``text[start:end] == surface``.

    ``id`` is the municipality number (in the structure asked for), county number, health-trust
    id or site id.  ``parent`` is the county of a municipality, the RHF of a trust or the trust
    of a site.  ``ambiguous`` marks a span reported once per candidate because the context
    could not decide (two municipalities called Herøy).  ``rule`` says why the span was
    accepted; ``score`` is 100 for exact matches and the similarity for fuzzy ones.
    """

    kind: EntityKind
    id: str
    canonical: str
    start: int
    end: int
    surface: str
    parent: str | None = None
    ambiguous: bool = False
    rule: str = ""
    score: float = 100.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "canonical": self.canonical,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "parent": self.parent,
            "ambiguous": self.ambiguous,
            "rule": self.rule,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One row of the 2020 ↔ 2024 mapping."""

    number_2020: str
    name_2020: str
    number_2024: str
    name_2024: str
    change: Literal["unchanged", "renumbered", "split"]


@dataclass(frozen=True, slots=True)
class SamiAreaEntry:
    """A municipality in the administrative area for Sami language."""

    name: str
    number_2020: str
    number_2024: str
    language: Language
    since: date
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class NameVariant:
    """An extra name form that names the municipality on its own (``Guovdageainnu suohkan``)."""

    municipality_name: str
    variant: str
    language: Language
    source: str = ""

