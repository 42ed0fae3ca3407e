"""Choosing a reader: content first, extension second."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.core.errors import UnsupportedFormat
from samrev.ingest import ingest_file, supported_extensions
from samrev.ingest.dispatch import Dispatcher, foreign_content
from samrev.ingest.fixtures import png_bytes


@pytest.mark.parametrize(
    ("head", "name", "reader"),
    [
        (b"%PDF-1.7\n", "a.txt", "pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "a.txt", "html"),
        (b"{\\rtf1\\ansi", "a.doc", "rtf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.docx", "doc"),
        (b"PK\x03\x04" + b"\0" * 26 + b"[Content_Types].xml word/", "a.zip.docx", "docx"),
        (b"PK\x03\x04garbage", "a.docx", "docx"),  # broken ZIP: by name, so the DOCX reader reports it
        (b"Vanleg tekst", "a.txt", "text"),
        (b"<p>tekst</p>", "a.htm", "html"),
    ],
)
def test_choice(head: bytes, name: str, reader: str) -> None:
    assert Dispatcher().choose(Path(name), head).name == reader


@pytest.mark.parametrize("name", ["bilde.pdf", "bilde.docx", "bilde.txt", "bilde"])
def test_image_under_any_name_is_unsupported(name: str) -> None:
    with pytest.raises(UnsupportedFormat) as info:
        Dispatcher().choose(Path(name), png_bytes())
    assert "PNG-bilde" in info.value.message


def test_unknown_extension() -> None:
    with pytest.raises(UnsupportedFormat) as info:
        Dispatcher().choose(Path("notat.xyz"), b"Dette er et notat.")
    assert "«.xyz»" in info.value.message


def test_foreign_content_names() -> None:
    assert foreign_content(b"\xff\xd8\xff\xe0") == "et JPEG-bilde"
    assert foreign_content(b"%PDF-1.4") is None


def test_supported_extensions_snapshot() -> None:
    assert sorted(supported_extensions()) == [
        ".doc", ".docm", ".docx", ".dot", ".dotx", ".htm", ".html", ".odt", ".ott", ".pdf", ".rtf", ".text",
        ".txt", ".xhtml",
    ]


def test_zip_given_to_ingest_file(files: dict[str, Path], tmp_path: Path) -> None:
    record = ingest_file(files["zip"])
    assert record.error is not None and record.error.short_code == "unsupported"
    broken = tmp_path / "skadet.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    record = ingest_file(broken)
    assert record.error is not None and record.error.short_code == "unreadable"


def test_office_files_under_the_wrong_name(files: dict[str, Path], tmp_path: Path) -> None:
    cases = (("docx", ".doc", "docx"), ("odt", ".docx", "odt"), ("docx", "", "docx"))
    for name, extension, expected in cases:
        renamed = tmp_path / f"avtale{extension}"
        renamed.write_bytes(files[name].read_bytes())
        record = ingest_file(renamed)
        assert record.error is None and record.format == expected, (name, extension, record.error_record())


def test_pdf_with_only_an_owner_password_is_read(files: dict[str, Path], tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(files["nn_pdf"]).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="eier", algorithm="AES-256")  # noqa: S106
    path = tmp_path / "berre_eigar.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    record = ingest_file(path)
    assert record.error is None and "meistringstilbod" in record.text
