"""Plain text in every common encoding decodes exactly: æøå right, no U+FFFD, no mojibake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samrev.ingest import ingest_file
from samrev.ingest.encoding import decode_bytes, repair_mojibake
from samrev.ingest.fixture_texts import NB_PAGES, plain_text
from samrev.ingest.fixtures import CP1252_LINE, LATIN1_LINE, TEXT_ENCODINGS
from samrev.ingest.normalise import normalise_text

MOJIBAKE = re.compile("Ã[\u0080-\u00ff]|â€|[\u0080-\u009f]|\ufffd")


@pytest.mark.parametrize("encoding", TEXT_ENCODINGS)
def test_fixture_files_decode_exactly(files: dict[str, Path], encoding: str) -> None:
    extra = LATIN1_LINE if encoding == "iso-8859-1" else CP1252_LINE
    document = ingest_file(files[f"txt_{encoding}"])
    assert document.error is None and document.format == "text" and document.pages == []
    assert document.text == normalise_text(plain_text(NB_PAGES) + extra)
    assert not MOJIBAKE.search(document.text) and not document.text.startswith("\ufeff")
    assert "æ" in document.text and "ø" in document.text and "å" in document.text


@pytest.mark.parametrize(
    ("text", "encoding", "detected"),
    [
        ("Bodø og Ålesund får små økter.", "cp1252", "cp1252"),
        ("Kurs – «læring» koster 0 €.", "cp1252", "cp1252"),
        ("ære være Gud", "iso-8859-1", "cp1252"),  # identical bytes: either name decodes them right
        ("Kurs: 0 € for Ærlig og Øystein", "iso-8859-15", "iso-8859-15"),
        ("Bodø og Ålesund får små økter på kurs.", "utf-16-le", "utf-16-le"),
        ("Bodø og Ålesund", "utf-8", "utf-8"),
    ],
)
def test_short_texts(text: str, encoding: str, detected: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == detected


def test_c1_bytes_mean_windows_1252() -> None:
    data = "«Lærings- og mestringstilbud» – 5 €".encode("cp1252")
    assert any(0x80 <= b <= 0x9F for b in data)
    assert decode_bytes(data).encoding == "cp1252"


def test_boms() -> None:
    assert decode_bytes(b"\xef\xbb\xbfBod\xc3\xb8").text == "Bodø"
    assert decode_bytes("Bodø".encode("utf-16")).text == "Bodø"
    assert decode_bytes(b"\xfe\xff" + "Bodø".encode("utf-16-be")).text == "Bodø"
    assert decode_bytes("Bodø".encode("utf-32")).text == "Bodø"


def test_mojibake_repaired() -> None:
    broken = "Bodø – «læring»".encode().decode("cp1252")
    assert broken != "Bodø – «læring»"
    assert repair_mojibake(broken) == ("Bodø – «læring»", 5)
    assert decode_bytes(broken.encode("utf-8")).text == "Bodø – «læring»"


def test_declared_charset_wins_after_bom() -> None:
    assert decode_bytes("Bodø".encode("cp1252"), declared="ISO-8859-1").text == "Bodø"
