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


def _reference(text: str) -> str:
    """normalise_text without its shortcuts (every pattern applied to every text)."""
    import unicodedata

    from samrev.ingest import normalise as n

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = n._LIGATURE.sub(lambda m: n._LIGATURES[m.group()], text)
    parts: list[str] = []
    position = 0
    spaced = n._SPACES.sub(" ", text)
    for match in n._HYPHEN_BREAK.finditer(spaced):  # dehyphenate without its early exit
        start = match.start()
        if start < position:
            continue
        left = n._LEFT_WORD.search(spaced, max(position, start - 80), start)
        right = n._RIGHT_WORD.match(spaced, match.end())
        if left is None or right is None:
            continue
        parts.append(spaced[position : left.start()])
        parts.append(n._rejoin(left.group(), right.group()))
        position = right.end()
    parts.append(spaced[position:])
    text = n._DROP.sub("", "".join(parts).replace("\ufffe", "-"))
    text = n._TRAILING_SPACE.sub("\n", text)
    return n._BLANK_RUNS.sub("\n\n", text).strip()


def test_shortcuts_change_nothing_on_random_texts() -> None:
    import random

    from samrev.ingest.normalise import normalise_text

    pieces = ["a", "ø", "-", "\n", " ", "\t", "\ufffe", "\u00ad", "ﬁ", "\u00a0", "\u2009", "\x07", "\u200b",
              "Nord", "helse", "og", "\u2010", "\r\n", "é", "e\u0301", "\ufeff", "\ufffd", "X1", "\n\n\n"]
    rng = random.Random(3)  # noqa: S311  (test data)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert normalise_text(text) == _reference(text), repr(text)
