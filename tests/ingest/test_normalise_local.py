"""The local normaliser: NFC, soft hyphens, safe de-hyphenation, whitespace, stray characters."""

from __future__ import annotations

import unicodedata

import pytest

from samrev.ingest.normalise import dehyphenate, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("helse-\nforetaket", "helseforetaket"),
        ("helse\ufffeforetaket", "helseforetaket"),  # PDFium's end-of-line hyphen marker
        ("helse-  \n  foretaket", "helseforetaket"),
        ("lærings-\nog mestring", "lærings-\nog mestring"),  # suspended compound before a conjunction
        ("helse-\neller omsorg", "helse-\neller omsorg"),
        ("IKT-\nsystemet", "IKT-systemet"),  # abbreviation keeps its hyphen
        ("e-\nhelse", "e-helse"),  # single letter
        ("Nord-\nNorge", "Nord-Norge"),  # capital after the break
        ("covid19-\npasienter", "covid19-pasienter"),
        ("slutt-\n", "slutt-"),
        ("ord\ufffe", "ord-"),
        ("3 -\n4", "3 -\n4"),
    ],
)
def test_dehyphenation(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_dehyphenate_leaves_plain_text_alone() -> None:
    text = "Ingen bindestrek her.\nOg ingen her."
    assert dehyphenate(text) is text


def test_nfc_soft_hyphens_ligatures_and_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Tenesteavtale for Bodø og Ålesund")
    assert normalise_text(decomposed) == "Tenesteavtale for Bodø og Ålesund"
    assert normalise_text("mest\u00adrings\u00adtilbud") == "mestringstilbud"
    assert normalise_text("ﬁnansiering og ﬂyt") == "finansiering og flyt"
    assert normalise_text("12\u00a0000\u202fkr") == "12 000 kr"


def test_stray_characters_removed() -> None:
    assert normalise_text("\ufeffAvtale\u200b om\ufffd læring\x07") == "Avtale om læring"


def test_whitespace_layout() -> None:
    raw = "\r\n\r\nFørste linje   \r\nAndre\rTredje\n\n\n\nFjerde\f\n  "
    assert normalise_text(raw) == "Første linje\nAndre\nTredje\n\nFjerde"
    assert "\f" not in normalise_text("side 1\fside 2")
