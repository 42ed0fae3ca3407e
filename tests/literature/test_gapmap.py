"""Evidence gap map: counts per cell, empty and thin cells, shares of studies."""

from __future__ import annotations

import pytest

from samrev.literature.gapmap import Study, gap_map, period, shares

THEMES = ("discharge_transitions", "user_participation", "terminology")


def studies() -> list[Study]:
    return [
        Study("a", setting="begge", year=2016, themes={"discharge_transitions": "barrier"}),
        Study("b", setting="begge", year=2019,
              themes={"discharge_transitions": "neutral", "user_participation": "facilitator"}),
        Study("c", setting="kommune", year=2021, lms_explicit=True, themes={"user_participation": "barrier"}),
        Study("d", setting="sykehus", year=2022, themes={"discharge_transitions": "neutral"}),
        Study("e", setting="begge", year=None, themes={"discharge_transitions": "barrier"}),
    ]


def test_counts_per_cell_and_totals() -> None:
    gap = gap_map(studies(), "theme", "setting", theme_ids=THEMES)
    assert gap.rows == list(THEMES)
    assert gap.columns == ["sykehus", "kommune", "begge", "uklart"]
    assert gap.cell("discharge_transitions", "begge") == 3
    assert gap.cell("discharge_transitions", "sykehus") == 1
    assert gap.cell("user_participation", "kommune") == 1
    assert gap.row_totals == [4, 2, 0]
    assert gap.column_totals == [1, 1, 3, 0]
    assert gap.n_studies == 5
    assert gap.empty_rows() == ["terminology"]
    assert ("terminology", "begge") in gap.empty_cells()
    assert ("discharge_transitions", "sykehus") in gap.thin_cells()
    assert ("discharge_transitions", "begge") not in gap.thin_cells()
    assert len(gap.empty_cells()) + len(gap.thin_cells()) + 1 == 12


def test_other_dimensions_and_periods() -> None:
    gap = gap_map(studies(), "period", "lms_explicit")
    assert gap.rows == ["2015–2019", "2020–2024"]
    assert gap.columns == [True, False]
    assert gap.counts == [[0, 2], [1, 1]]
    assert gap.n_studies == 5 and sum(gap.row_totals) == 4  # one study has no year
    assert period(2020) == "2020–2024"


def test_shares_are_of_studies_not_of_theme_mentions() -> None:
    by_theme = {s.value: s for s in shares(studies(), "theme", theme_ids=THEMES)}
    assert by_theme["discharge_transitions"].count == 4
    assert by_theme["discharge_transitions"].share == pytest.approx(0.8)
    assert by_theme["terminology"].count == 0


def test_two_equal_dimensions_are_refused() -> None:
    with pytest.raises(ValueError):
        gap_map(studies(), "setting", "setting")
    with pytest.raises(ValueError):
        gap_map(studies(), "setting", "colour")
