"""Exports as real tools write them: delimiters, encodings, BOMs, line breaks, XLSX and SPSS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samrev.core.errors import SurveyEmpty, SurveyUnreadable
from samrev.survey.read import read_table, sniff_delimiter
from tests.survey.conftest import HEADERS, ROWS, write_csv

Run = Callable[..., dict[str, Any]]


def _check(result: dict[str, Any]) -> None:
    assert result["n_responses"] == 6
    s1 = result["likert"]["S1"]["by_group"]
    assert s1["kommune"]["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0}
    assert s1["kommune"]["missing"]["unparsed"] == 1  # "7" lies outside the scale
    assert s1["helseforetak"]["n"] == 1 and s1["helseforetak"]["missing"]["vet_ikke"] == 1
    assert result["likert"]["S1"]["unparsed_values"] == {"7": 1, "Både og": 1}
    assert result["open_questions"]["good"] == {"column": "Hva fungerer bra?", "kind": "good", "answered": 4,
                                                "empty": 2}


@pytest.mark.parametrize(("delimiter", "encoding", "bom", "newline"), [
    (";", "cp1252", False, "\r\n"),
    (",", "utf-8", True, "\n"),
    ("\t", "utf-8", False, "\r\n"),
    (";", "utf-16", False, "\r\n"),
])
def test_csv_variants(tmp_path: Path, run: Run, delimiter: str, encoding: str, bom: bool, newline: str) -> None:
    path = write_csv(tmp_path / "svar.csv", HEADERS, ROWS, delimiter=delimiter, encoding=encoding, bom=bom,
                     newline=newline)
    result = run(path)
    _check(result)
    assert result["input"]["delimiter"] == delimiter
    expected_encoding = {"cp1252": "cp1252", "utf-16": "utf-16"}.get(encoding, "utf-8-sig" if bom else "utf-8")
    assert result["input"]["encoding"] == expected_encoding


def test_cp1252_keeps_norwegian_letters(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "svar.csv", HEADERS, ROWS, encoding="cp1252")
    table = read_table(path)
    assert table.headers[2] == "Hvem svarer du på vegne av?"
    assert table.rows[2][2] == "Helseføretak / sjukehus"


def test_quoted_line_break_and_semicolon_inside_a_field(tmp_path: Path, run: Run) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][4] = 'Faste møter;\nog "gode" rutiner.'
    result = run(write_csv(tmp_path / "svar.csv", HEADERS, rows))
    assert result["n_responses"] == 6
    assert any(a["text"] == 'Faste møter;\nog "gode" rutiner.' for a in result["answers"])


def test_unquoted_comma_file(tmp_path: Path, run: Run) -> None:
    _check(run(write_csv(tmp_path / "svar.txt", HEADERS, ROWS, delimiter=",", quote_all=False)))


def test_sniffing_ignores_delimiters_inside_quoted_headers() -> None:
    assert sniff_delimiter('"Navn, kommune";"Hvem?";"Hva, hvor"\r\n"a";"b";"c"') == ";"
    assert sniff_delimiter("a,b,c\n1;2,3") == ","


def test_xlsx_first_sheet_and_numbers(tmp_path: Path, run: Run) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in ROWS:
        cells: list[Any] = list(row)
        cells[0] = int(row[0])
        if row[3].isdigit():
            cells[3] = float(row[3])  # Excel keeps numbers as floats: 2.0 must read as «2»
        sheet.append(cells)
    book.create_sheet("Annet ark").append(["ikke", "dette"])
    path = tmp_path / "svar.xlsx"
    book.save(path)
    result = run(path)
    _check(result)
    assert result["input"]["format"] == "xlsx"


def test_sav_with_value_labels(tmp_path: Path, run: Run, survey_dir: Path) -> None:
    pyreadstat = pytest.importorskip("pyreadstat")
    import pandas as pd

    frame = pd.DataFrame({
        "id": [1.0, 2.0, 3.0, 4.0],
        "gruppe": [1.0, 1.0, 2.0, 2.0],
        "s1": [4.0, 2.0, 5.0, 9.0],
        "bra": ["Faste møter.", "", "Nettverket.", "Vet ikke"],
    })
    path = tmp_path / "svar.sav"
    pyreadstat.write_sav(
        frame, str(path),
        column_labels=["Løpenummer", "Hvem svarer du på vegne av?", "Vi samarbeider godt.", "Hva fungerer bra?"],
        variable_value_labels={"gruppe": {1.0: "Kommune", 2.0: "Helseforetak / sykehus"},
                               "s1": {1.0: "1 – Helt uenig", 4.0: "4 – Delvis enig", 5.0: "5 – Helt enig",
                                      9.0: "Vet ikke"}},
    )
    config = survey_dir / "sav.yaml"
    config.write_text((survey_dir / "survey.yaml").read_text(encoding="utf-8").replace('"$submission_id"', "id"),
                      encoding="utf-8")
    result = run(path, config)
    assert result["input"]["format"] == "sav"
    assert result["n_responses"] == 4
    s1 = result["likert"]["S1"]["by_group"]
    assert s1["kommune"]["distribution"]["4"] == 1 and s1["kommune"]["distribution"]["2"] == 1
    assert s1["helseforetak"]["missing"]["vet_ikke"] == 1
    assert result["open_questions"]["good"]["answered"] == 2


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    only_header = write_csv(tmp_path / "tom.csv", HEADERS, [])
    with pytest.raises(SurveyEmpty) as info:
        read_table(only_header)
    assert info.value.short_code == "empty" and info.value.exit_code == 1
    (tmp_path / "null.csv").write_bytes(b"")
    with pytest.raises(SurveyEmpty):
        read_table(tmp_path / "null.csv")
    (tmp_path / "ødelagt.xlsx").write_bytes(b"PK\x03\x04 ikke en zip")
    with pytest.raises(SurveyUnreadable) as bad:
        read_table(tmp_path / "ødelagt.xlsx")
    assert "ødelagt.xlsx" in bad.value.message and bad.value.short_code == "unreadable"
    with pytest.raises(SurveyUnreadable):
        read_table(tmp_path / "finnes-ikke.csv")
