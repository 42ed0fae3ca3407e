"""Every bad input gets one record with the spec's error code and a bokmål message naming the file.

Mirrors the 13 cases of shared/checks/bad_inputs.py at the library level (the CLI adds the JSON
lines and the exit status).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.core.errors import IngestError
from samrev.ingest import ingest_file, ingest_many
from samrev.ingest.fixture_texts import NN_PAGES, plain_text
from samrev.ingest.fixtures import empty_docx

CASES: list[tuple[str, set[str] | None]] = [
    ("zero_txt", {"empty"}),
    ("zero_pdf", {"empty"}),
    ("truncated_pdf", {"unreadable"}),
    ("encrypted_pdf", {"encrypted"}),
    ("txt_cp1252", None),
    ("png_as_pdf", {"unsupported"}),
    ("empty_docx", {"empty"}),
    ("folder", None),
    ("missing", {"unreadable"}),
    ("broken_docx", {"unreadable"}),
    ("xyz", {"unsupported"}),
    ("txt_utf-8-sig", None),
    ("nb_pdf", None),
]


@pytest.fixture
def inputs(files: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    paths = dict(files)
    (tmp_path / "tom.pdf").write_bytes(b"")
    paths["zero_pdf"] = tmp_path / "tom.pdf"
    folder = tmp_path / "mappe"
    folder.mkdir()
    (folder / "avtale.txt").write_text(plain_text(NN_PAGES), encoding="utf-8")
    paths["folder"] = folder
    paths["missing"] = tmp_path / "finnes_ikke.pdf"
    paths["empty_docx"] = empty_docx(tmp_path / "tom.docx")
    return paths


def _check(record_error: IngestError | None, codes: set[str] | None, shown: str) -> None:
    if codes is None:
        assert record_error is None, record_error
        return
    assert record_error is not None
    assert record_error.short_code in codes
    assert shown in record_error.message and f"«{shown}»" in record_error.message
    assert record_error.message.strip() and record_error.code.startswith("INGEST_")


@pytest.mark.parametrize(("name", "codes"), CASES, ids=[name for name, _ in CASES])
def test_each_alone(inputs: dict[str, Path], name: str, codes: set[str] | None) -> None:
    path = inputs[name]
    if name == "folder":
        records = list(ingest_many([path], workers=1))
        assert [r.path for r in records] == [str(path / "avtale.txt")]
        assert records[0].error is None and "meistringstilbod" in records[0].text
        return
    record = ingest_file(path)
    _check(record.error, codes, str(path))
    if record.error is not None:
        assert record.text == "" and record.pages == []
        assert record.error_record() == {"code": record.error.short_code, "message": record.error.message}


def test_one_batch_in_input_order(inputs: dict[str, Path]) -> None:
    paths = [inputs[name] for name, _ in CASES]
    records = list(ingest_many(paths, workers=2))
    expected = [str(p / "avtale.txt") if p.is_dir() else str(p) for p in paths]
    assert [r.path for r in records] == expected
    for (_, codes), record in zip(CASES, records, strict=True):
        _check(record.error, codes, record.path)


def test_a_folder_given_as_a_file_is_unreadable(tmp_path: Path) -> None:
    record = ingest_file(tmp_path)
    assert record.error is not None and record.error.short_code == "unreadable"
    assert "mappe" in record.error.message


def test_truncated_pdf_that_pdfium_would_repair(files: dict[str, Path], tmp_path: Path) -> None:
    """Cut off only the trailer: PDFium opens it by reconstruction, but the file is incomplete."""
    data = files["nb_pdf"].read_bytes()
    cut = tmp_path / "uten_slutt.pdf"
    cut.write_bytes(data[: data.rindex(b"xref")])
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    assert len(pdfium.PdfDocument(str(cut))) == 3  # PDFium alone would pass it as whole
    record = ingest_file(cut)
    assert record.error is not None and record.error.short_code == "unreadable"
    assert "avkortet" in record.error.message
