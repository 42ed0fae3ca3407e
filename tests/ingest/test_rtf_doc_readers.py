"""RTF (striprtf) and legacy Word .doc (antiword), and OLE containers that are not Word files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samrev.ingest import ingest_file
from samrev.ingest.fixture_texts import NN_PAGES
from samrev.ingest.fixtures import CP1252_LINE
from samrev.ingest.readers.doc import OLE2_MAGIC

DOC_SAMPLE = Path(__file__).parent / "data" / "tenesteavtale.doc"


def test_rtf_with_code_page_escapes(files: dict[str, Path]) -> None:
    document = ingest_file(files["rtf"])
    assert document.error is None and document.format == "rtf"
    assert document.text == "\n".join((*NN_PAGES[0][:2], CP1252_LINE))


def _ole(tmp_path: Path, name: str, stream: str) -> Path:
    path = tmp_path / name
    path.write_bytes(OLE2_MAGIC + b"\0" * 504 + stream.encode("utf-16-le") + b"\0" * 1000)
    return path


def test_password_protected_office_file_is_encrypted(tmp_path: Path) -> None:
    record = ingest_file(_ole(tmp_path, "avtale.docx", "EncryptedPackage"))
    assert record.error is not None and record.error.short_code == "encrypted"


def test_other_office_files_are_unsupported(tmp_path: Path) -> None:
    record = ingest_file(_ole(tmp_path, "budsjett.xls", "Workbook"))
    assert record.error is not None and record.error.short_code == "unsupported"


def test_doc_without_antiword_is_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    record = ingest_file(_ole(tmp_path, "gammal.doc", "WordDocument"))
    assert record.error is not None and record.error.short_code == "unsupported"
    assert "antiword" in record.error.message


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_broken_doc_is_unreadable(tmp_path: Path) -> None:
    record = ingest_file(_ole(tmp_path, "skadet.doc", "WordDocument"))
    assert record.error is not None and record.error.short_code == "unreadable"


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_word97_document() -> None:
    from samrev.ingest.fixtures import DOCX_BODY

    document = ingest_file(DOC_SAMPLE)
    assert document.error is None and document.format == "doc"
    assert [line for line in document.text.split("\n") if line] == list(DOCX_BODY)
    assert "UTKAST" not in document.text
