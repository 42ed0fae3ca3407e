"""Normalisation with a map back to the original text."""

from __future__ import annotations

import unicodedata

import pytest

from samrev.text import Normalised, normalise


def check_offsets(original: str, result: Normalised) -> None:
    assert len(result.offsets) == len(result.text) + 1
    assert result.offsets[-1] == len(original)
    assert list(result.offsets) == sorted(result.offsets)
    for i, char in enumerate(result.text):
        origin = result.to_original(i)
        # a copied character is itself; others come from a space/break, a ligature or NFC
        assert (original[origin] == char or char in " \n-"
                or char in unicodedata.normalize("NFKC", original[origin:origin + 3]))


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("lærings-\nog mestringstilbud", "lærings- og mestringstilbud"),
        ("lærings-\neller mestringstilbud", "lærings- eller mestringstilbud"),
        ("samar-\nbeidsavtale", "samarbeidsavtale"),
        ("helse-\nforetak", "helseforetak"),
        ("helse- \n  foretak", "helseforetak"),
        ("Helse Midt-\nNorge", "Helse Midt-Norge"),
        ("IKT-\nløsninger", "IKT-løsninger"),
        ("e-\nhelse", "e-helse"),
        ("§ 6-\n2", "§ 6-2"),
        ("ord-\n\nneste", "ord-\n\nneste"),
        ("sam\u00ad\nhandling", "samhandling"),
        ("sam\u00adhandling", "samhandling"),
        ("\ufb01nne \ufb02ere \ufb00 \ufb03 \ufb04", "finne flere ff ffi ffl"),
        ("a\u00a0b\u202fc", "a b c"),
        ("a  b\t\tc", "a b c"),
        ("  innrykk  \n  neste linje  ", "innrykk\nneste linje"),
        ("x\r\ny\rz\x0cw", "x\ny\nz\nw"),
        ("a\x00b\x07c\u200bd\ufeffe", "abcde"),
        ("«Helse Sør-Øst RHF» – 2019–2020", "«Helse Sør-Øst RHF» – 2019–2020"),
        ("e\u0301 a\u030a", "é å"),
        # PDFium's end-of-line hyphen marker, U+FFFD, blank-line runs, mixed-case acronyms
        ("helse\ufffe\nforetaket", "helseforetaket"),
        ("IKT\ufffe\nsystem", "IKT-system"),
        ("lærings\ufffe\nog mestring", "lærings- og mestring"),
        ("slutt\ufffe", "slutt-"),
        ("x\ufffdy", "xy"),
        ("a\n \n\t\n\nb", "a\n\nb"),
        ("a\r\n\r\n\r\nb", "a\n\nb"),
        ("PasOpp-\nkurs", "PasOpp-kurs"),
    ],
)
def test_normalise(original: str, expected: str) -> None:
    result = normalise(original)
    assert result.text == expected
    check_offsets(original, result)


def test_offsets_map_words_back_to_the_original() -> None:
    original = "Partane\u00a0skal  sikre lærings-\nog meistrings-\ntilbod i sam-\narbeid med ﬂere."
    result = normalise(original)
    assert result.text == "Partane skal sikre lærings- og meistringstilbod i samarbeid med flere."
    start = result.text.index("meistringstilbod")
    o_start, o_end = result.to_original_span(start, start + len("meistringstilbod"))
    assert original[o_start:o_end] == "meistrings-\ntilbod"
    start = result.text.index("flere")
    o_start, o_end = result.to_original_span(start, start + len("flere"))
    assert original[o_start:o_end] == "ﬂere"
    assert result.to_original(len(result.text)) == len(original)
    with pytest.raises(IndexError):
        result.to_original(len(result.text) + 1)


def test_dehyphenation_can_be_switched_off() -> None:
    assert normalise("samar-\nbeidsavtale", dehyphenate=False).text == "samar-\nbeidsavtale"


def test_already_normal_text_is_unchanged() -> None:
    text = "Kommunen skal gi tilbud.\n\nHelseføretaket skal gje rettleiing."
    result = normalise(text)
    assert result.text == text and list(result.offsets) == list(range(len(text) + 1))
