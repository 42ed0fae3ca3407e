"""Norwegian number formatting (Språkrådet): decimal comma, space before %, grouped thousands."""

from __future__ import annotations

from datetime import date

from samrev.report import format as fmt

NB = "\u00a0"


def test_percent_has_a_non_breaking_space_and_rounds_half_up() -> None:
    assert fmt.percent(0.3906) == f"39{NB}%"
    assert fmt.percent(0.125, 1) == f"12,5{NB}%"
    assert fmt.percent(0.005) == f"1{NB}%"  # half up, not half even
    assert fmt.percent(None) == "–"
    assert fmt.percent_range(0.2806, 0.5131) == f"28–51{NB}%"


def test_numbers_use_decimal_comma_and_group_from_five_digits() -> None:
    assert fmt.number(4.24, 1) == "4,2"
    assert fmt.number(1234) == "1234"
    assert fmt.number(12345) == f"12{NB}345"
    assert fmt.number(1234567.25, 1) == f"1{NB}234{NB}567,3"
    assert fmt.years(4.24) == f"4,2{NB}år"


def test_dates_are_written_out() -> None:
    assert fmt.long_date(date(2026, 11, 27)) == "27. november 2026"
    assert fmt.long_date(date(2022, 8, 1)) == "1. august 2022"
