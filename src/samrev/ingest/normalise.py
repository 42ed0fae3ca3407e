"""A small local normaliser for extracted text.

Why not :func:`samrev.text.normalise`: that one collapses runs of spaces and keeps a map back to
the original, for analysing a text; this one keeps each line's spacing (the rules read two-column
signature blocks and table rows by their runs of spaces) and its output *is* the stored text,
whose offsets every stored passage and evidence span points into.  Changing what it does changes
those offsets: bump the readers' versions when it changes (tests: tests/ingest/test_normalise.py).

What it does, in order, to one page (or one unpaged document):
1. line breaks to ``\\n``; Unicode NFC; typographic ligatures (ﬁ, ﬂ …) spelled out;
2. de-hyphenation at line breaks where safe (``helse-\\nforetaket`` → ``helseforetaket``), also for
   PDFium's end-of-line hyphen marker U+FFFE.  The hyphen is kept, and the break dropped, after
   an abbreviation, digit or single letter (``IKT-\\nsystem`` → ``IKT-system``, ``e-\\nhelse`` →
   ``e-helse``) or before a capital (``Nord-\\nNorge``); a suspended compound before a
   conjunction stays as it is (``lærings-\\nog mestring``);
3. soft hyphens, zero-width characters, BOMs, U+FFFD and control characters removed (tab and
   newline kept); no-break and other typographic spaces become plain spaces;
4. trailing spaces of each line and blank lines at the start and end removed; runs of blank
   lines become one blank line.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[ﬀ-ﬆ]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# Removed outright: C0 controls but tab/newline, DEL and C1, soft hyphen, zero-width, BOM, U+FFFD/U+FFFE.
_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffd\ufffe]")
_LETTER = r"[^\W\d_]"
# a hyphen at a line break, or PDFium's U+FFFE marker; the words on either side are found from it
_HYPHEN_BREAK = re.compile("\ufffe[ \t]*|[-\u2010\u00ad][ \t]*\n[ \t]*")
_HYPHEN_AT_BREAK = re.compile("[-\u2010\u00ad][ \t]*\n")  # (_HYPHEN_BREAK's second part, without U+FFFE)
_LEFT_WORD = re.compile(r"\w+$")
_RIGHT_WORD = re.compile(rf"{_LETTER}\w*")
_CONJUNCTIONS = frozenset({"og", "eller", "samt", "enn", "and", "or"})
# any character that one of the three patterns above replaces or removes
_SPECIAL = re.compile(f"{_LIGATURE.pattern}|{_SPACES.pattern}|{_DROP.pattern}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _rejoin(left: str, right: str) -> str:
    if right.lower() in _CONJUNCTIONS:  # "lærings-\nog mestring": a suspended compound
        return f"{left}-\n{right}"
    if (
        len(left) < 2
        or not left[-1].isalpha()
        or any(c.isupper() or c.isdigit() for c in left[1:])
        or right[0].isupper()
    ):
        return f"{left}-{right}"
    return left + right


def dehyphenate(text: str) -> str:
    """Join words split by a hyphen at a line break, where that is safe (see module doc)."""
    if "\ufffe" not in text and not _HYPHEN_AT_BREAK.search(text):
        return text
    parts: list[str] = []
    position = 0
    for match in _HYPHEN_BREAK.finditer(text):
        start = match.start()
        if start < position:
            continue
        left = _LEFT_WORD.search(text, max(position, start - 80), start)
        right = _RIGHT_WORD.match(text, match.end())
        if left is None or right is None:
            continue
        parts.append(text[position : left.start()])
        parts.append(_rejoin(left.group(), right.group()))
        position = right.end()
    parts.append(text[position:])
    return "".join(parts).replace("\ufffe", "-")  # a marker with no word after it is a plain hyphen


def normalise_text(text: str) -> str:
    """One page's (or one document's) text, normalised as described in the module doc."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _SPECIAL.search(text) is None:  # the common page: one scan instead of three
            text = dehyphenate(text)  # (which brings in none of them)
        else:
            if _LIGATURE.search(text):
                text = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], text)
            text = _DROP.sub("", dehyphenate(_SPACES.sub(" ", text)))
    else:
        text = _DROP.sub("", dehyphenate(text))
    if " \n" in text or "\t\n" in text:  # (a substring test is many times cheaper than a regex scan)
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()
