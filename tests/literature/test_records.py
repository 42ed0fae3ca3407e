"""Reading the records to screen from a CSV (labels ignored, keywords optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.core.errors import InputFormatError, MissingColumnError
from samrev.literature.records import CsvRecordSource, read_records_csv


def test_reads_records_and_keywords_and_ignores_labels(tmp_path: Path) -> None:
    path = tmp_path / "poster.csv"
    path.write_text(
        "record_id;title;abstract;keywords;label_included\n"
        "a1;Lærings- og mestringssenter;Et  sammendrag;samhandling; kommune;1\n"
        "a2;;Bare sammendrag;;0\n",
        encoding="utf-8",
    )
    records, digest = read_records_csv(path)
    assert [r.record_id for r in records] == ["a1", "a2"]
    assert records[0].abstract == "Et sammendrag"
    assert records[1].title == "" and records[1].keywords == ()
    assert len(digest) == 64
    source = CsvRecordSource(path)
    assert source.label == "poster.csv" and source.key == f"sha256:{digest}"
    assert source.records() == records


def test_problems_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feil.csv"
    path.write_text("record_id,title\n1,x\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"feil\.csv"):
        read_records_csv(path)
    path.write_text("record_id,title,abstract\n1,x,y\n1,z,w\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="linje 2 og 3"):
        read_records_csv(path)
    path.write_text("record_id,title,abstract\n1,,\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="verken tittel eller sammendrag"):
        read_records_csv(path)
