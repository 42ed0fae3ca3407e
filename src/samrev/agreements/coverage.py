"""Coverage: which municipalities have which agreements with their health trust (pure).

For a municipality structure (2020 or 2024) and the health trusts in scope, :func:`coverage`
builds the health trust × municipality matrix: per cell (a municipality in the trust's catchment)
the documents that name both as parties, the kinds of agreement among them, the best
learning-and-coping and user-participation levels, whether any is signed, and the years since
the most recent adoption or revision.  Municipalities with no agreement found are listed.

A document counts for a municipality when its ``municipalities`` name it (matched in the registry
in the round's structure, or mapped from the other structure across mergers and splits) or say
``*`` (all municipalities in the trust's catchment).  Documents whose parties cannot be placed
are listed apart, so nothing silently drops out of the matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samrev.agreements.summary import DocumentFacts, latest_date, years_since
from samrev.core.errors import UnknownHealthTrust

ALL = "*"


@dataclass(slots=True)
class Cell:
    health_trust: str
    municipality_number: str
    municipality: str
    part: str = ""  # "" when the trust serves the whole municipality
    documents: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    lms_level: int | None = None
    user_participation_level: int | None = None
    signed: bool = False
    years_since_revision: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "health_trust": self.health_trust, "municipality_number": self.municipality_number,
            "municipality": self.municipality, "part": self.part, "n_documents": len(self.documents),
            "documents": sorted(self.documents), "kinds": sorted(self.kinds),
            "has_overordnet": "overordnet" in self.kinds, "lms_level": self.lms_level,
            "covers_lms": (self.lms_level or 0) >= 1, "user_participation_level": self.user_participation_level,
            "signed": self.signed, "years_since_revision": self.years_since_revision,
        }


def _numbers_for(name: str, structure: int) -> list[str]:
    """Municipality numbers in ``structure`` for a registry name (other structure mapped over)."""
    from samrev.registry import find_municipalities, to_2020, to_2024

    found = find_municipalities(name, structure)
    if found:
        return [m.number for m in found[:1]]
    other = 2020 if structure == 2024 else 2024
    mapped: list[str] = []
    for m in find_municipalities(name, other)[:1]:
        targets = to_2024(m.number) if structure == 2024 else to_2020(m.number)
        mapped.extend(t.number for t in targets)
    return mapped


def coverage(facts: Sequence[DocumentFacts], *, structure: int = 2024, today: date,
             health_trusts: Sequence[str] | None = None) -> dict[str, Any]:
    """The matrix (see the module docstring).  ``health_trusts``: the trusts in scope (names or
    aliases); by default those named by the documents."""
    from samrev.registry import catchment_of_trust, health_trust

    ok = [f for f in facts if f.ok]
    named = {str(f.value("health_trust")) for f in ok if f.value("health_trust")}
    scope_names = list(health_trusts) if health_trusts is not None else sorted(named)
    trusts = []
    unknown_trusts: list[str] = []
    for name in scope_names:
        try:
            trust = health_trust(name)
        except UnknownHealthTrust:
            unknown_trusts.append(name)
            continue
        if trust.has_catchment and trust not in trusts:
            trusts.append(trust)
    cells: dict[tuple[str, str], Cell] = {}
    for trust in trusts:
        for municipality, entry in catchment_of_trust(trust, structure):
            key = (trust.name, municipality.number)
            if key not in cells:
                cells[key] = Cell(trust.name, municipality.number, municipality.name, part=entry.part)
    unplaced: list[dict[str, Any]] = []
    for f in ok:
        trust_name = f.value("health_trust")
        trust_obj = None
        if trust_name:
            try:
                trust_obj = health_trust(str(trust_name))
            except UnknownHealthTrust:
                trust_obj = None
        names = [str(n) for n in (f.value("municipalities") or [])]
        if trust_obj is None or not names:
            unplaced.append({"file": f.file, "health_trust": trust_name, "municipalities": names,
                             "reason": "mangler helseforetak" if trust_obj is None else "mangler kommuner"})
            continue
        if ALL in names:
            numbers = [number for (t, number) in cells if t == trust_obj.name]
        else:
            numbers = [n for name in names for n in _numbers_for(name, structure)]
        placed = False
        for number in numbers:
            cell = cells.get((trust_obj.name, number))
            if cell is None:
                continue
            placed = True
            _add(cell, f, today)
        if not placed:
            unplaced.append({"file": f.file, "health_trust": trust_obj.name, "municipalities": names,
                             "reason": "kommunene ligger ikke i helseforetakets opptaksområde"
                             if numbers else "kommunene finnes ikke i registeret"})
    ordered = sorted(cells.values(), key=lambda c: (c.health_trust, c.municipality_number))
    missing = [{"health_trust": c.health_trust, "municipality_number": c.municipality_number,
                "municipality": c.municipality, "part": c.part} for c in ordered if not c.documents]
    return {
        "structure": structure,
        "health_trusts": [t.name for t in trusts],
        "unknown_health_trusts": unknown_trusts,
        "n_municipalities": len({c.municipality_number for c in ordered}),
        "n_cells": len(ordered),
        "n_cells_with_agreement": sum(1 for c in ordered if c.documents),
        "n_cells_with_overordnet": sum(1 for c in ordered if "overordnet" in c.kinds),
        "n_cells_covering_lms": sum(1 for c in ordered if (c.lms_level or 0) >= 1),
        "cells": [c.to_dict() for c in ordered],
        "missing": missing,
        "unplaced_documents": unplaced,
    }


def _add(cell: Cell, f: DocumentFacts, today: date) -> None:
    cell.documents.append(f.file)
    if f.value("kind"):
        cell.kinds.add(str(f.value("kind")))
    for name in ("lms_level", "user_participation_level"):
        level = f.value(name)
        if isinstance(level, int) and (getattr(cell, name) is None or level > getattr(cell, name)):
            setattr(cell, name, level)
    cell.signed = cell.signed or f.value("signature") == "signed"
    day = latest_date(f)
    if day is not None:
        age = years_since(day, today)
        if cell.years_since_revision is None or age < cell.years_since_revision:
            cell.years_since_revision = age


def coverage_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per cell (for a spreadsheet), in Norwegian column names."""
    return [
        {
            "Helseforetak": c["health_trust"], "Kommunenr": c["municipality_number"], "Kommune": c["municipality"],
            "Del av kommunen": c["part"], "Antall dokumenter": c["n_documents"],
            "Avtaletyper": ", ".join(c["kinds"]), "Overordnet avtale": "ja" if c["has_overordnet"] else "nei",
            "LMS-nivå (best)": c["lms_level"], "Brukermedvirkning (best)": c["user_participation_level"],
            "Signert": "ja" if c["signed"] else "nei", "År siden revisjon": c["years_since_revision"],
            "Dokumenter": "; ".join(c["documents"]),
        }
        for c in result["cells"]
    ]
