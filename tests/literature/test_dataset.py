"""Reading screening datasets: columns, encodings, delimiters and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.core.errors import InputFormatError, InputNotFound, MissingColumnError
from samrev.literature.dataset import read_screening_csv, read_table
from tests.literature.conftest import write_dataset

ROWS = [
    {"record_id": "a1", "title": "Samhandling i Tromsø", "abstract": "Læring og mestring.", "label_included": "1"},
    {"record_id": "a2", "title": "", "abstract": "Only an abstract.", "label_included": "0"},
    {"record_id": "a3", "title": "Only a title", "abstract": "", "label_included": "0"},
]


def test_reads_required_columns_and_ignores_others(tmp_path: Path) -> None:
    header = ["record_id", "title", "abstract", "doi", "label_included"]
    path = write_dataset(tmp_path / "d.csv", [dict(r, doi="10.1/x") for r in ROWS], header)
    data = read_screening_csv(path)
    assert data.name == "d" and data.record_ids == ("a1", "a2", "a3")
    assert data.labels == (1, 0, 0) and data.n_included == 1
    assert data.texts()[1] == "Only an abstract."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_common_encodings(tmp_path: Path, encoding: str) -> None:
    text = "record_id,title,abstract,label_included\n1,Samhandling i Tromsø,Læring og mestring,1\n2,Annet,Noe,0\n"
    path = tmp_path / "enc.csv"
    path.write_bytes(text.encode(encoding))
    data = read_screening_csv(path)
    assert data.titles[0] == "Samhandling i Tromsø"
    assert data.abstracts[0] == "Læring og mestring"


def test_semicolon_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("record_id;title;abstract;label_included\n1;A, b;c;1\n2;d;e;0\n", encoding="utf-8")
    assert read_screening_csv(path).titles == ("A, b", "d")


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    path = write_dataset(tmp_path / "nolabel.csv", ROWS, ["record_id", "title", "abstract"])
    with pytest.raises(MissingColumnError) as info:
        read_screening_csv(path)
    assert "label_included" in info.value.message and "nolabel.csv" in info.value.message


def test_bad_label_names_the_line(tmp_path: Path) -> None:
    rows = [*ROWS[:2], dict(ROWS[2], label_included="maybe")]
    with pytest.raises(InputFormatError) as info:
        read_screening_csv(write_dataset(tmp_path / "bad.csv", rows))
    assert "linje 4" in info.value.message and "maybe" in info.value.message


def test_duplicate_record_id(tmp_path: Path) -> None:
    rows = [*ROWS, dict(ROWS[0])]
    with pytest.raises(InputFormatError) as info:
        read_screening_csv(write_dataset(tmp_path / "dup.csv", rows))
    assert "a1" in info.value.message and "linje 2 og 5" in info.value.message


def test_record_without_title_or_abstract(tmp_path: Path) -> None:
    rows = [*ROWS, {"record_id": "a4", "title": " ", "abstract": "", "label_included": "0"}]
    with pytest.raises(InputFormatError) as info:
        read_screening_csv(write_dataset(tmp_path / "empty.csv", rows))
    assert "a4" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_screening_csv(tmp_path / "nowhere.csv")


ALIASES = {"record_id": ("post", "id"), "decision": ("beslutning",)}


def test_read_table_with_aliases_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("Post;Beslutning;Record-ID\n7;ja;x\n", encoding="utf-8")
    header, rows, digest = read_table(path, ("record_id", "decision"), ALIASES)
    assert header == ["record_id", "decision", "record-id"]  # the leftmost column gets the name
    assert rows == [["7", "ja", "x"]] and len(digest) == 64
    with pytest.raises(MissingColumnError) as info:
        read_table(path, ("record_id", "reason"), ALIASES)
    assert "reason" in info.value.message


def test_read_table_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Record ID", "Decision", None])
    sheet.append([12, "include", None])
    sheet.append([13.0, None, 2.5])
    path = tmp_path / "ark.xlsx"
    book.save(path)
    header, rows, _ = read_table(path, ("record_id", "decision"), ALIASES)
    assert header[:2] == ["record_id", "decision"]
    assert rows == [["12", "include", ""], ["13", "", "2.5"]]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InputFormatError) as error:
        read_table(broken, ("record_id",))
    assert "Excel" in error.value.message
