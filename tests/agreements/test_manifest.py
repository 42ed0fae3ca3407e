"""Reading agreement manifests: encodings, delimiters, headers, dates, parties, clear errors."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from samrev.agreements.manifest import (
    ManifestRow,
    manifest_index,
    manifest_lookup,
    parse_retrieved,
    read_manifest,
)
from samrev.core.errors import (
    InputError,
    InputNotFound,
    ManifestEmpty,
    ManifestError,
    ManifestMissingColumn,
    ManifestUnreadable,
)

HEADER = "file,health_trust,municipality,url,retrieved\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "manifest.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_manifest_with_parties_resolved(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "avtale.pdf,Helse Bergen HF,Bergen; Askøy,https://example.org/a.pdf,2024-03-01\n")
    [row] = read_manifest(path)
    assert row == ManifestRow(
        line=2, file="avtale.pdf", health_trust="Helse Bergen HF", municipality="Bergen; Askøy",
        url="https://example.org/a.pdf", retrieved=date(2024, 3, 1), health_trust_code="helse-bergen",
        municipality_codes=("4601", "4627"),
    )
    assert row.municipality_names == ("Bergen", "Askøy")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [
        ["file", "health_trust", "municipality", "url", "retrieved"],
        ["Bærum – overordnet.pdf", "Vestre Viken HF", "Bærum", "https://example.org/b.pdf", "01.03.2024"],
        ["førde.pdf", "Helse Førde", '"Sunnfjord; Kinn"' if delimiter == "," else "Sunnfjord, Kinn", "", ""],
    ]
    text = "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"
    first, second = read_manifest(write(tmp_path, text, encoding))
    assert (first.file, first.municipality, first.retrieved) == ("Bærum – overordnet.pdf", "Bærum", date(2024, 3, 1))
    assert first.health_trust_code == "vestre-viken" and first.municipality_codes == ("3201",)
    assert second.health_trust == "Helse Førde" and second.health_trust_code == "helse-forde"
    assert second.municipality_codes == ("4647", "4602")
    assert second.url == "" and second.retrieved is None


def test_header_case_spaces_extra_and_missing_columns(tmp_path: Path) -> None:
    text = " File ;Merknad; URL ;Kommune\nx.pdf;husk å sjekke;https://example.org/x;Oslo;ekstra;celler\n"
    [row] = read_manifest(write(tmp_path, text))
    assert (row.file, row.url, row.health_trust, row.municipality) == ("x.pdf", "https://example.org/x", "", "")
    assert row.health_trust_code is None and row.municipality_codes == ()


def test_quoted_delimiters_and_line_breaks_keep_line_numbers(tmp_path: Path) -> None:
    text = (HEADER + '\n"a, b.pdf",Helse Stavanger,"Klepp, Time og Hå?",,\n'
            '"c.pdf","Sykehuset\nInnlandet",,,\n\nd.pdf,,,,\n')
    rows = read_manifest(write(tmp_path, text))
    assert [(r.line, r.file) for r in rows] == [(3, "a, b.pdf"), (4, "c.pdf"), (7, "d.pdf")]


def test_unresolvable_parties_are_kept_without_codes(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "x.pdf,Helse Atlantis HF,Atlantis; Gotham,,\n")
    [row] = read_manifest(path)
    assert (row.health_trust, row.municipality) == ("Helse Atlantis HF", "Atlantis; Gotham")
    assert row.health_trust_code is None and row.municipality_codes == ()


def test_shared_names_decided_by_the_trust_and_2020_numbers_mapped(tmp_path: Path) -> None:
    text = HEADER + ("a.pdf,Helgelandssykehuset,Herøy,,\n"
                     "b.pdf,Helse Møre og Romsdal HF,Herøy,,\n"
                     "c.pdf,,Herøy,,\n"
                     "d.pdf,,Herøy (Nordland); 1507; Bergen kommune,,\n")
    codes = [row.municipality_codes for row in read_manifest(write(tmp_path, text))]
    assert codes == [("1818",), ("1515",), (), ("1818", "1508", "1580", "4601")]


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-01", date(2024, 3, 1)),
    ("01.03.2024", date(2024, 3, 1)),
    ("1.3.2024", date(2024, 3, 1)),
    ("2024-03-01T10:15:00Z", datetime(2024, 3, 1, 10, 15, tzinfo=UTC)),
    ("2024-03-01T10:15:00+00:00", datetime(2024, 3, 1, 10, 15, tzinfo=UTC)),
    (" ", None),
])
def test_date_forms(text: str, expected: object) -> None:
    assert parse_retrieved(text) == expected


def test_naive_iso_datetime_stays_naive() -> None:
    value = parse_retrieved("2024-03-01 10:15")
    assert isinstance(value, datetime) and value.tzinfo is None and (value.hour, value.minute) == (10, 15)


@pytest.mark.parametrize("text", ["31.02.2024", "mars 2024", "2024/03/01", "20240301"])
def test_bad_date_names_file_line_and_value(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, HEADER + "a.pdf,,,,\n" + f"b.pdf,,,,{text}\n")
    with pytest.raises(ManifestError) as info:
        read_manifest(path)
    assert info.value.code == "MANIFEST_INVALID"
    assert info.value.data_fields["line"] == 3
    assert str(path) in info.value.message and text in info.value.message and "linje 3" in info.value.message


def test_missing_file_column(tmp_path: Path) -> None:
    path = write(tmp_path, "\nfilnavn;url\na.pdf;https://example.org\n")
    with pytest.raises(ManifestMissingColumn) as info:
        read_manifest(path)
    error = info.value
    assert error.code == "MANIFEST_MISSING_COLUMN" and isinstance(error, InputError) and error.exit_code == 2
    assert error.data_fields["line"] == 2
    assert "«file»" in error.message and str(path) in error.message and "«filnavn», «url»" in error.message


@pytest.mark.parametrize("text", ["", "\n\n", HEADER, HEADER + ",,,,\n\n"])
def test_empty_manifest(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ManifestEmpty) as info:
        read_manifest(path)
    assert info.value.code == "MANIFEST_EMPTY" and str(path) in info.value.message


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_manifest(tmp_path / "finnes-ikke.csv")
    with pytest.raises(ManifestUnreadable) as info:
        read_manifest(tmp_path)  # a folder
    assert info.value.code == "MANIFEST_UNREADABLE" and str(tmp_path) in info.value.message
    spreadsheet = tmp_path / "manifest.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    with pytest.raises(ManifestUnreadable):
        read_manifest(spreadsheet)


def test_row_without_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "a.pdf,,,,\n,Helse Bergen,,https://example.org/x,\n")
    with pytest.raises(ManifestError) as info:
        read_manifest(path)
    assert info.value.data_fields["line"] == 3 and "«file» er tom" in info.value.message


def test_file_listed_twice(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "sub/a.pdf,,,,\nb.pdf,,,,\n./sub\\a.pdf,,,,\n")
    with pytest.raises(ManifestError) as info:
        read_manifest(path)
    assert info.value.data_fields["line"] == 4 and "linje 2" in info.value.message


def test_index_by_path_and_bare_name(tmp_path: Path) -> None:
    text = HEADER + "a/avtale.pdf,,,,\nb/avtale.pdf,,,,\n./c\\Bærum.pdf,,,,\nsolo.pdf,,,,\n"
    rows = read_manifest(write(tmp_path, text))
    index = manifest_index(rows)
    assert index["a/avtale.pdf"].line == 2 and index["b/avtale.pdf"].line == 3
    assert "avtale.pdf" not in index  # two rows share the bare name: only their paths find them
    assert index["c/Bærum.pdf"].line == 4 and index["Bærum.pdf"].line == 4
    assert index[unicodedata.normalize("NFD", "Bærum.pdf")].line == 4
    assert index["solo.pdf"].line == 5
    assert set(index.values()) == set(rows)


def test_lookup_by_the_longest_known_tail(tmp_path: Path) -> None:
    rows = read_manifest(write(tmp_path, HEADER + "a/avtale.pdf,,,,\nb/avtale.pdf,,,,\nsolo.pdf,,,,\n"))
    index = manifest_index(rows)
    assert manifest_lookup(index, tmp_path / "ut" / "b" / "avtale.pdf") == rows[1]
    assert manifest_lookup(index, "/data/solo.pdf") == rows[2]
    assert manifest_lookup(index, "/data/runde.zip!a/avtale.pdf") == rows[0]
    assert manifest_lookup(index, "/data/c/avtale.pdf") is None  # which of the two is unknown
    assert manifest_lookup(index, "annen.pdf") is None
