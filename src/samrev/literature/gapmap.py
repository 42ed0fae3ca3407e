"""Evidence gap map: counts of included studies over two characteristics, empty and thin cells.

A :class:`Study` is one included record with its effective (person-confirmed, else suggested)
characteristics and themes.  :func:`gap_map` counts studies per cell of two dimensions, any of
``theme``, ``setting``, ``country``, ``design``, ``population``, ``period`` (five-year bins of the
year) and ``lms_explicit``.  A study with several themes counts once in each of its theme rows,
so theme rows can sum to more than the number of studies; shares are always of studies.
:func:`shares` gives, per value of one dimension, how many studies have it (the numbers behind
the report's imbalance sentences).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from samrev.literature.coding import (
    COUNTRY,
    DESIGN,
    LMS,
    POPULATION,
    SETTING,
    STUDY_PREFIX,
    THEME_PREFIX,
)

DIMENSIONS = ("theme", "setting", "country", "design", "population", "period", "lms_explicit")
#: a cell with at least one but at most this many studies is «thin»
THIN = 2


@dataclass(frozen=True, slots=True)
class Study:
    """An included study as the gap map sees it (effective values)."""

    record_id: str
    title: str = ""
    country: str = "unclear"
    setting: str = "uklart"
    design: str = "other"
    population: str = "general"
    year: int | None = None
    lms_explicit: bool = False
    #: theme id → polarity
    themes: Mapping[str, str] = field(default_factory=dict)
    #: True when a person has confirmed or corrected every characteristic and theme
    confirmed: bool = False

    @classmethod
    def from_values(cls, record_id: str, values: Mapping[str, Any], *, title: str = "",
                    confirmed: bool = False) -> Study:
        """From :func:`samrev.literature.coding.effective_values` output."""
        def get(name: str, default: Any) -> Any:
            value = values.get(STUDY_PREFIX + name)
            return default if value is None else value

        year = get("year", None)
        return cls(record_id=record_id, title=title, country=str(get("country", "unclear")),
                   setting=str(get("setting", "uklart")), design=str(get("design", "other")),
                   population=str(get("population", "general")),
                   year=int(year) if year is not None else None, lms_explicit=bool(get("lms_explicit", False)),
                   themes={k.removeprefix(THEME_PREFIX): str(v) for k, v in values.items()
                           if k.startswith(THEME_PREFIX)},
                   confirmed=confirmed)

    def values(self, dimension: str) -> list[Any]:
        """The study's values on ``dimension`` (several for ``theme``, none for a missing year)."""
        if dimension == "theme":
            return list(self.themes)
        if dimension == "period":
            return [] if self.year is None else [period(self.year)]
        if dimension not in DIMENSIONS:
            raise ValueError(f"unknown dimension {dimension!r}")
        return [getattr(self, dimension)]


def period(year: int) -> str:
    """Five-year bin of ``year``: 2017 → ``2015–2019``."""
    start = year - year % 5
    return f"{start}–{start + 4}"


def dimension_values(dimension: str, studies: Sequence[Study], theme_ids: Sequence[str]) -> list[Any]:
    """Every value of ``dimension`` in its natural order (all possible values, so empty rows show)."""
    if dimension == "theme":
        return list(theme_ids)
    if dimension == "period":
        years = [s.year for s in studies if s.year is not None]
        if not years:
            return []
        first, last = min(years) - min(years) % 5, max(years)
        return [period(y) for y in range(first, last + 1, 5)]
    fixed: dict[str, Mapping[Any, str]] = {"setting": SETTING, "country": COUNTRY, "design": DESIGN,
                                           "population": POPULATION, "lms_explicit": LMS}
    if dimension not in fixed:
        raise ValueError(f"unknown dimension {dimension!r} (use {', '.join(DIMENSIONS)})")
    known = list(fixed[dimension])
    extra = sorted({v for s in studies for v in s.values(dimension) if v not in known}, key=str)
    return [*known, *extra]


@dataclass(slots=True)
class GapMap:
    row_dimension: str
    column_dimension: str
    rows: list[Any]
    columns: list[Any]
    #: counts[i][j] = studies with rows[i] and columns[j]
    counts: list[list[int]]
    n_studies: int
    #: studies per row / column value (a study counts once per value it has)
    row_totals: list[int]
    column_totals: list[int]
    thin: int = THIN

    def cell(self, row: Any, column: Any) -> int:
        return self.counts[self.rows.index(row)][self.columns.index(column)]

    def empty_cells(self) -> list[tuple[Any, Any]]:
        return [(r, c) for i, r in enumerate(self.rows) for j, c in enumerate(self.columns) if self.counts[i][j] == 0]

    def thin_cells(self) -> list[tuple[Any, Any]]:
        return [(r, c) for i, r in enumerate(self.rows) for j, c in enumerate(self.columns)
                if 0 < self.counts[i][j] <= self.thin]

    def empty_rows(self) -> list[Any]:
        return [r for r, total in zip(self.rows, self.row_totals, strict=True) if total == 0]

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.row_dimension, "columns": self.column_dimension,
                "row_values": [str(r) for r in self.rows], "column_values": [str(c) for c in self.columns],
                "counts": self.counts, "n_studies": self.n_studies, "row_totals": self.row_totals,
                "column_totals": self.column_totals, "thin": self.thin,
                "empty_cells": len(self.empty_cells()), "thin_cells": len(self.thin_cells())}


def gap_map(studies: Sequence[Study], rows: str = "theme", columns: str = "setting", *,
            theme_ids: Sequence[str] = (), thin: int = THIN) -> GapMap:
    """Counts of ``studies`` over ``rows`` × ``columns``.  ``theme_ids``: the codebook's themes in
    order (needed when a dimension is ``theme``; default: the themes the studies have)."""
    if rows == columns:
        raise ValueError("rows and columns must be two different dimensions")
    themes = list(theme_ids) or list(dict.fromkeys(t for s in studies for t in s.themes))
    row_values = dimension_values(rows, studies, themes)
    column_values = dimension_values(columns, studies, themes)
    r_index = {v: i for i, v in enumerate(row_values)}
    c_index = {v: j for j, v in enumerate(column_values)}
    counts = [[0] * len(column_values) for _ in row_values]
    row_totals = [0] * len(row_values)
    column_totals = [0] * len(column_values)
    for study in studies:
        rs = [r_index[v] for v in dict.fromkeys(study.values(rows)) if v in r_index]
        cs = [c_index[v] for v in dict.fromkeys(study.values(columns)) if v in c_index]
        for i in rs:
            row_totals[i] += 1
        for j in cs:
            column_totals[j] += 1
        for i in rs:
            for j in cs:
                counts[i][j] += 1
    return GapMap(rows, columns, row_values, column_values, counts, len(studies), row_totals, column_totals, thin)


@dataclass(frozen=True, slots=True)
class Share:
    value: Any
    count: int
    total: int

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0


def shares(studies: Sequence[Study], dimension: str, *, theme_ids: Sequence[str] = ()) -> list[Share]:
    """Studies per value of ``dimension`` (all values, natural order), as shares of all studies."""
    themes = list(theme_ids) or list(dict.fromkeys(t for s in studies for t in s.themes))
    values = dimension_values(dimension, studies, themes)
    counts = dict.fromkeys(values, 0)
    for study in studies:
        for value in dict.fromkeys(study.values(dimension)):
            if value in counts:
                counts[value] += 1
    return [Share(value, counts[value], len(studies)) for value in values]
