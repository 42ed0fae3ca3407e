"""Text normalisation that keeps a map back to the original text.

Offsets: Python ``str`` indices (code points), end-exclusive.  :attr:`Normalised.offsets` maps
every index of the normalised text to an index in the text given to :func:`normalise`
(``offsets[len(text)]`` is the length of the original), so evidence found in normalised text can
be quoted from the original.

What :func:`normalise` does, in order:

1. Unicode NFC (composed letters: ``a`` + combining ring becomes ``å``).
2. Ligatures (``ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ``) become their letters; soft hyphens, zero-width and bidi
   control characters, BOMs, U+FFFD and C0/C1 control characters are removed; ``\\r\\n``, ``\\r``,
   form feed, vertical tab and the Unicode line/paragraph separators become ``\\n``; runs of blank
   lines become one blank line.
3. Non-breaking and other Unicode spaces and tabs become a plain space; runs of spaces collapse
   to one within a line, and spaces at the start and end of a line are removed.  Newlines are kept.
4. De-hyphenation across a line break (``word-\\nword``, or PDFium's end-of-line marker U+FFFE):
   the hyphen and break are removed (``samar-\\nbeidsavtale`` → ``samarbeidsavtale``) unless the next
   word is ``og``/``eller``/``samt`` (a hyphen-ellipsis compound: ``lærings-\\nog`` → ``lærings- og``),
   the next word starts with a capital or digit, or the first part ends in a digit, is a single
   letter or has a capital or digit after its first letter (``IKT-\\nløsninger`` → ``IKT-løsninger``,
   ``e-\\nhelse`` → ``e-helse``); then the hyphen is kept and the break removed.  A soft hyphen at a
   line end always joins; a U+FFFE with no word after it becomes a hyphen.

Typographic characters (``« » – — ’``) are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

_LINE_BREAKS = "\n\r\x0b\x0c\u2028\u2029"
_SPACES = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
_ELLIPSIS_WORDS = frozenset({"og", "eller", "samt", "and", "or", "og/eller"})

_BREAK = r"(?:\r\n|[\n\r\x0b\x0c\u2028\u2029])"
_PATTERN = re.compile(
    rf"(?P<hyph>[-\u2010\u00ad])[{_SPACES}]*(?:\r\n|[\n\r])[{_SPACES}]*(?=\w)"
    rf"|(?P<marker>\ufffe)[{_SPACES}]*(?:(?:\r\n|[\n\r])[{_SPACES}]*)?(?=\w)"
    rf"|(?P<blank>{_BREAK}(?:[{_SPACES}]*{_BREAK}){{2,}})"
    rf"|(?P<newline>\r\n|[\r\x0b\x0c\u2028\u2029])"
    rf"|(?P<space>[{_SPACES}]{{2,}}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
    rf"|(?<![^{_LINE_BREAKS}]) | (?=[{_LINE_BREAKS}]|\Z))"
    r"|(?P<drop>[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    r"\ufeff\ufffd])"
    r"|(?P<lonemarker>\ufffe)"
    r"|(?P<lig>[\ufb00-\ufb06])"
)
_WORD_BEFORE_RE = re.compile(r"[\w]+$")
_WORD_AFTER_RE = re.compile(r"[\w/]+")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text and, for each of its indices, the index in the original text."""

    text: str
    offsets: array[int]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, index: int) -> int:
        """The original index of normalised index ``index`` (0 ≤ index ≤ len(text))."""
        if not 0 <= index <= len(self.text):
            raise IndexError(f"index {index} outside 0..{len(self.text)}")
        return self.offsets[index]

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised ``text[start:end]``."""
        if end <= start:
            origin = self.to_original(start)
            return origin, origin
        return self.to_original(start), self.to_original(end - 1) + 1


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: array[int] = array("q")

    def copy(self, source: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append(source[start:end])
            self.offsets.extend(range(start, end))

    def emit(self, piece: str, origin: int) -> None:
        self.parts.append(piece)
        self.offsets.extend([origin] * len(piece))

    def result(self, original_length: int) -> tuple[str, array[int]]:
        self.offsets.append(original_length)
        return "".join(self.parts), self.offsets


def _nfc(text: str) -> tuple[str, array[int] | None]:
    """NFC per cluster (a starter and its combining marks), so each character keeps an origin."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    builder = _Builder()
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            builder.copy(text, i, j)
        elif len(composed) == len(cluster):
            builder.parts.append(composed)
            builder.offsets.extend(range(i, j))
        else:
            builder.emit(composed, i)
        i = j
    return builder.result(n)


def _hyphen_action(text: str, match: re.Match[str]) -> str:
    """``join`` (drop hyphen and break), ``keep`` (hyphen, no break) or ``space`` (hyphen + space)."""
    start, end = match.span()
    before = _WORD_BEFORE_RE.search(text, 0, start)
    after = _WORD_AFTER_RE.match(text, end)
    if before is None or after is None:
        return "line"
    left, right = before.group(), after.group()
    if match.group("hyph") == "\u00ad":
        return "join"
    if right.lower() in _ELLIPSIS_WORDS:
        return "space"
    if (right[0].isupper() or right[0].isdigit() or len(left) < 2 or not left[-1].isalpha()
            or any(char.isupper() or char.isdigit() for char in left[1:])):
        return "keep"
    return "join"


def normalise(text: str, *, dehyphenate: bool = True) -> Normalised:
    """Normalise ``text`` (see the module docstring) and keep the map back to it."""
    nfc_text, nfc_offsets = _nfc(text)
    builder = _Builder()
    position = 0
    for match in _PATTERN.finditer(nfc_text):
        start, end = match.span()
        builder.copy(nfc_text, position, start)
        position = end
        kind = match.lastgroup
        if kind in ("hyph", "marker"):
            action = _hyphen_action(nfc_text, match) if dehyphenate else "line"
            if action == "join":
                continue
            builder.emit("\u2010" if match.group("hyph") == "\u2010" else "-", start)
            line_break = re.search(r"[\n\r]", match.group())
            if action == "space":
                builder.emit(" ", start + 1)
            elif action == "line" and line_break is not None:
                builder.emit("\n", start + line_break.start())
        elif kind == "blank":
            builder.emit("\n\n", start)
        elif kind == "lonemarker":
            builder.emit("-", start)
        elif kind == "newline":
            builder.emit("\n", start)
        elif kind == "space":
            at_line_start = start == 0 or nfc_text[start - 1] in _LINE_BREAKS
            at_line_end = end == len(nfc_text) or nfc_text[end] in _LINE_BREAKS
            if not (at_line_start or at_line_end):
                builder.emit(" ", start)
        elif kind == "lig":
            builder.emit(_LIGATURES[match.group()], start)
        # "drop": nothing
    builder.copy(nfc_text, position, len(nfc_text))
    out_text, offsets = builder.result(len(nfc_text))
    if nfc_offsets is not None:
        offsets = array("q", (nfc_offsets[i] for i in offsets))
    return Normalised(out_text, offsets)
