"""Coder CSV files: delimiters, BOM, headers, and precise errors with file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from samrev.coding.reliability import CodingRow, read_coder_csv
from samrev.core.errors import InputNotFound, MissingColumnError, ReliabilityInputError

WriteCsv = Callable[..., Path]


def test_comma_file(write_csv: WriteCsv) -> None:
    path = write_csv("a.csv", "item,theme,polarity\nsvar-1,user_participation,barrier\n")
    assert read_coder_csv(path) == [CodingRow("svar-1", "user_participation", "barrier", 2)]


def test_bom_semicolons_and_header_case(write_csv: WriteCsv) -> None:
    path = write_csv(
        "a.csv", "Item;THEME;Polarity\r\n1;Terminology;Hemmer\r\n2;sami_minorities;forslag\r\n", bom=True
    )
    assert read_coder_csv(path) == [
        CodingRow("1", "terminology", "barrier", 2),
        CodingRow("2", "sami_minorities", "proposal", 3),
    ]


def test_norwegian_headers_tabs_quotes_and_blank_lines(write_csv: WriteCsv) -> None:
    text = 'enhet\ttema\tpolaritet\tkommentar\n"avtale 1, side 2"\tmeeting_arenas\tFremjar\tok\n\n3\t\t\t\n'
    rows = read_coder_csv(write_csv("b.tsv", text))
    assert rows == [CodingRow("avtale 1, side 2", "meeting_arenas", "facilitator", 2)]


def test_unknown_theme_names_file_line_and_value(write_csv: WriteCsv) -> None:
    path = write_csv(
        "koder-b.csv", "item,theme,polarity\n1,terminology,barrier\n2,user_partisipation,barrier\n"
    )
    with pytest.raises(ReliabilityInputError) as info:
        read_coder_csv(path)
    message = info.value.message
    assert str(path) in message
    assert "linje 3: ukjent tema «user_partisipation»; mente du «user_participation»?" in message


def test_bad_polarity(write_csv: WriteCsv) -> None:
    path = write_csv("a.csv", "item;theme;polarity\n1;terminology;nøytral\n")
    with pytest.raises(ReliabilityInputError, match="linje 2: ukjent polaritet «nøytral»"):
        read_coder_csv(path)


def test_missing_values(write_csv: WriteCsv) -> None:
    with pytest.raises(ReliabilityInputError, match="linje 2: mangler polaritet"):
        read_coder_csv(write_csv("a.csv", "item,theme,polarity\n1,terminology,\n"))
    with pytest.raises(ReliabilityInputError, match="linje 2: mangler verdi i kolonnen «item»"):
        read_coder_csv(write_csv("b.csv", "item,theme,polarity\n,terminology,barrier\n"))


def test_missing_column(write_csv: WriteCsv) -> None:
    path = write_csv("a.csv", "item,tema\n1,terminology\n")
    with pytest.raises(MissingColumnError) as info:
        read_coder_csv(path)
    assert info.value.data_fields["column"] == "polarity"
    assert "item, tema" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_coder_csv(tmp_path / "finnes-ikke.csv")


def test_not_utf8(write_csv: WriteCsv) -> None:
    path = write_csv("a.csv", "item,theme,polarity\nø,terminology,barrier\n", encoding="latin-1")
    with pytest.raises(ReliabilityInputError, match="ikke UTF-8"):
        read_coder_csv(path)


def test_empty_file(write_csv: WriteCsv) -> None:
    with pytest.raises(ReliabilityInputError, match="tom"):
        read_coder_csv(write_csv("a.csv", "\n\n"))


def test_conflicting_duplicate_names_both_lines(write_csv: WriteCsv) -> None:
    text = "item,theme,polarity\n1,terminology,barrier\n1,terminology,barrier\n1,terminology,proposal\n"
    with pytest.raises(ReliabilityInputError, match=r"linje 4.*linje 2"):
        read_coder_csv(write_csv("a.csv", text))


def test_identical_duplicate_is_kept_once(write_csv: WriteCsv) -> None:
    text = "item,theme,polarity\n1,terminology,barrier\n1,terminology,barrier\n"
    assert len(read_coder_csv(write_csv("a.csv", text))) == 1
