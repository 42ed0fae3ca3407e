"""Is a PDF page's text layer usable, or does the page need OCR?

A page needs OCR when it has no usable text layer but something to see (an image, or many
vector paths: text drawn as outlines), or when its text layer is garbage: fonts without a
Unicode map give replacement characters, private-use code points, ``(cid:12)``-style glyph names
or strings of symbols; a bad earlier OCR layer gives few real words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MIN_CHARS = 25  # fewer visible characters than this is "no text layer" when the page shows an image
MIN_LETTER_SHARE = 0.55
MAX_BAD_SHARE = 0.05
MIN_WORD_SHARE = 0.5
MANY_PATHS = 200  # a page of outlined glyphs has hundreds of path objects
MIN_IMAGE_COVER = 0.25  # images covering a quarter of the page: a scan, not a logo

_BAD = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f\x7f-\x9f]|\\(cid:\\d+\\)|/g\\d+|/uni[0-9A-F]{4}")
_VOWELS = "aeiouyæøåàáâãäèéêëìíîïòóôõöùúûüýÿ"


def _class_table() -> bytes:
    """Latin-1 byte → class: l/v lower consonant/vowel, L/V upper, d digit, space, x control, p other."""
    table = bytearray(b"p" * 256)
    for code in range(256):
        char = chr(code)
        if char.isspace():
            table[code] = ord(" ")
        elif code < 32 or 127 <= code < 160:
            table[code] = ord("x")
        elif char.isdigit():
            table[code] = ord("d")
        elif char.isalpha():
            kind = "v" if char.lower() in _VOWELS else "l"
            table[code] = ord(kind.upper() if char.isupper() else kind)
    return bytes(table)


def _recode(mapping: dict[bytes, bytes]) -> bytes:
    """A translate table from class bytes: each byte of a key → its value, every other byte → space."""
    table = bytearray(b" " * 256)
    for classes, code in mapping.items():
        for byte in classes:
            table[byte] = code[0]
    return bytes(table)


# Text is measured as a string of character classes (one byte per character, made by C-level
# encode + translate), so the measures below are byte counts: a page costs tens of microseconds,
# not the milliseconds of a Python loop over its characters.  Characters outside Latin-1 count as
# "other" (Norwegian letters are all inside it).  The class string is recoded (translate again)
# so that words, case changes and vowel-less words are counted by ``bytes.count`` or one regex
# that only starts at spaces:
# - letters → ``a``: a word is a maximal run of letters, so words = occurrences of " a" after a space;
# - lower → ``a``, upper → ``B``: ``aB`` is a lower-to-upper change (``eKoMmUne``: what broken font
#   encodings produce), and two occurrences never overlap;
# - consonant → ``c``, vowel → ``v``: a word of two or more consonants and no vowel is `` c{2,}``
#   before a space.
_CLASSES = _class_table()
_LETTERS = _recode({b"lvLV": b"a"})
_CASES = _recode({b"lv": b"a", b"LV": b"B"})
_VOWELS_CONSONANTS = _recode({b"lL": b"c", b"vV": b"v"})
_NO_VOWEL_WORD = re.compile(rb" c{2,}(?= )")
_BAD_CHAR = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f\x7f-\x9f]")
_GLYPH_NAME = re.compile("\\(cid:\\d+\\)|/g\\d+|/uni[0-9A-F]{4}")  # only where "(cid:" or "/" occurs


@dataclass(frozen=True, slots=True)
class TextQuality:
    visible: int  # non-space characters
    letter_share: float
    bad_share: float  # replacement, private-use, control and glyph-name characters
    word_share: float  # share of words with a vowel (or of one letter) and no lower-to-upper case change

    @property
    def garbage(self) -> bool:
        if self.visible < MIN_CHARS:
            return False
        return (
            self.bad_share > MAX_BAD_SHARE
            or self.letter_share < MIN_LETTER_SHARE
            or self.word_share < MIN_WORD_SHARE
        )


def assess(text: str) -> TextQuality:
    """Measure ``text`` (a page's raw text layer)."""
    classes = text.encode("latin-1", "replace").translate(_CLASSES)
    visible = len(classes) - classes.count(b" ")
    if visible == 0:
        return TextQuality(0, 0.0, 0.0, 0.0)
    letters_only = classes.translate(_LETTERS)
    letters = letters_only.count(b"a")
    words = (b" " + letters_only).count(b" a")
    no_vowel = len(_NO_VOWEL_WORD.findall(b" " + classes.translate(_VOWELS_CONSONANTS) + b" "))
    odd_words = no_vowel + classes.translate(_CASES).count(b"aB")
    # what _BAD matches, in two parts (no match of one can overlap one of the other)
    bad = len(_BAD_CHAR.findall(text)) + classes.count(b"x")
    if "(cid:" in text or "/" in text:
        bad += sum(map(len, _GLYPH_NAME.findall(text)))
    return TextQuality(
        visible=visible,
        letter_share=letters / visible,
        bad_share=min(1.0, bad / visible),
        word_share=max(0, words - odd_words) / words if words else 0.0,
    )


def needs_ocr(text: str, *, page_objects: Callable[[], tuple[float, int]]) -> tuple[bool, str]:
    """Decide for one page; returns the decision and a short reason for the record.

    ``page_objects`` is asked (only when the text layer is thin) for the share of the page area
    covered by images (0–1, more when they overlap) and the number of vector path objects.
    """
    quality = assess(text)
    if quality.garbage:
        return True, "garbage-text"
    if quality.visible >= MIN_CHARS:
        return False, "text-layer"
    image_cover, paths = page_objects()
    if image_cover >= MIN_IMAGE_COVER:
        return True, "image-only" if quality.visible == 0 else "image-little-text"
    if paths >= MANY_PATHS:
        return True, "outlined-text"
    return False, "blank" if quality.visible == 0 else "little-text"
