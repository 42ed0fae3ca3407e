"""Sentence and passage segmentation for Norwegian (bokmål and nynorsk) and English text.

Offsets: Python ``str`` indices (code points), end-exclusive, into the text given.  For every
sentence and passage ``text[start:end]`` is its text, without surrounding whitespace.

Sentences end at ``. ! ? …`` (with closing quotes or brackets) when the next sentence starts
with a capital, digit, quote or list marker, except after a known abbreviation (``bl.a.``,
``f.eks.``, ``jf.``, ``nr.``, ``pkt.``, ``St. Olavs`` …), an initial, or a clause number that opens
the sentence (``1. Formål``, ``2.1.``, ``§ 6-2.``).  ``mv.``, ``osv.``, ``m.fl.`` and the like may
end a sentence.  Dates (``1. januar 2019``, ``01.01.2019``) never split because no capital
follows.  Line breaks split before list items and after heading-like lines (short, no final
punctuation, next line starting with a capital); other line breaks are wrapped text.

Passages are blocks separated by blank lines or headings, cut at page boundaries, with tiny
fragments (a heading, a short list item) merged into their neighbour and long blocks split at
sentence boundaries.  Passages cover every non-blank character of the text once, in order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from samrev.core.model import Passage
from samrev.text.prefilter import prefilter

ABBREVIATIONS = frozenset({
    # bokmål and nynorsk
    "bl.a", "f.eks", "jf", "jfr", "nr", "pkt", "ca", "dvs", "evt", "ev", "iht", "i.h.t", "kl", "tlf",
    "st", "ref", "mht", "m.h.t", "vedr", "avd", "t.o.m", "f.o.m", "dr", "prof", "adm", "dir", "tel",
    "pr", "inkl", "ekskl", "eks", "s", "ff", "kap", "vol", "prop", "meld", "ot.prp", "st.meld",
    "st.prp", "d.d", "d.m", "ang", "anm", "bet", "forts", "gr", "hhv", "høvesvis", "mnd",
    "min", "stk", "innb", "div", "rev", "adr", "sml", "utg", "t.d", "m.a", "iflg", "ifl", "ifm",
    "i.f.m", "spes", "mob", "fk", "lovdata", "oppl", "sekr", "koord", "kons", "ass", "saksbeh",
    "vha", "v.h.a", "resp",
    "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des",
    # English
    "e.g", "i.e", "al", "fig", "tab", "no", "pp", "approx", "cf", "mr", "mrs", "ms", "vs", "ed", "eds",
})
# Abbreviations that often end a sentence: split after them when a capital follows.
FINAL_ABBREVIATIONS = frozenset({"osv", "osb", "mv", "m.v", "m.fl", "mfl", "m.m", "mm", "o.l", "o.a",
                                 "etc", "e.l", "m.a.o"})

_BULLET_CHARS = "•·▪●◦○■□►▶‣⁃∙*–—-"
_LIST_MARKER_RE = re.compile(
    rf"(?:[{re.escape(_BULLET_CHARS)}]\s"
    r"|\(?\d{1,2}[.)]\s|\d{1,2}(?:\.\d{1,2})+\.?\s|\(?[a-zæøå][.)]\s|\(?[ivx]{1,4}[.)]\s|§\s*\d)"
)
_END_RE = re.compile(r"(?:\.{3}|[.!?…])+[»\"”’'):\]]*(?=\s)")
_NUMBER_TOKEN_RE = re.compile(r"^(?:§\s*)?\(?\d+(?:[.\-]\d+)*[a-z]?\)?$")
_STARTS_SENTENCE_RE = re.compile(r"[\s]*(?:[«\"“(\[]*)(?P<char>\S)")
_CONTINUATION_WORDS = frozenset("""
    og eller i på til for med av om at som ved fra frå mellom den det de dei en ein et eit ei
    skal kan må bør er har vil blir vert samt etter under over mot hos hjå enn både når der
    dersom hvis viss slik seg sin sitt sine the of and to in a an with for by on from or
    """.split())


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """One sentence: ``text[start:end]``."""

    start: int
    end: int


# --- lines and units -----------------------------------------------------------------------------


def is_heading_line(line: str) -> bool:
    """A line that stands alone: short, no final punctuation, not ending in a function word."""
    line = line.strip()
    if not line or len(line) > 80 or line[-1] in ".!?…,;-(–—" or len(line.split()) > 10:
        return False
    last = line.split()[-1].lower().strip("«»\"“”()")
    return last not in _CONTINUATION_WORDS


def _may_be_list_item(line: str) -> bool:
    """False where :data:`_LIST_MARKER_RE` cannot match ``line`` (a non-empty stripped line): most
    lines open with a letter, and only a lower-case letter followed by ``.`` or ``)``, or a roman
    numeral, can start a marker."""
    first = line[0]
    if not first.isalpha():
        return True
    return first.islower() and (line[1:2] in (".", ")") or first in "ivx")


def _hard_break(previous_line: str, next_line: str) -> bool:
    if _may_be_list_item(next_line) and _LIST_MARKER_RE.match(next_line):
        return True
    first = next_line.lstrip("«\"“(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return is_heading_line(previous_line) or previous_line.rstrip().endswith(":")


def _units(text: str) -> list[tuple[int, int]]:
    """Stretches of text between blank lines, list items and headings."""
    return list(_cached_units(text))


@lru_cache(maxsize=4)
def _cached_units(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`_units`, remembered for the last few texts (sentences and passages of one document
    both start from them).  One pass over the lines, each stripped of surrounding white space."""
    units: list[tuple[int, int]] = []
    unit_start = -1  # start of the unit being read (-1: none)
    unit_end = 0
    previous_line = ""
    position = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if unit_start >= 0:
                units.append((unit_start, unit_end))
                unit_start = -1
            previous_line = ""
        else:
            if unit_start >= 0 and _hard_break(previous_line, line):
                units.append((unit_start, unit_end))
                unit_start = -1
            start = position + len(raw) - len(raw.lstrip())
            if unit_start < 0:
                unit_start = start
            unit_end = start + len(line)
            previous_line = line
        position += len(raw) + 1
    if unit_start >= 0:
        units.append((unit_start, unit_end))
    return tuple(units)


# --- sentence ends -------------------------------------------------------------------------------


def _token_before(text: str, start: int, position: int) -> str:
    i = position
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:position]


def _is_sentence_end(text: str, unit_start: int, sentence_start: int, match: re.Match[str]) -> bool:
    punct_start, end = match.span()
    following = _STARTS_SENTENCE_RE.match(text, end)
    if following is None:
        return False
    next_char = following.group("char")
    if not (next_char.isupper() or next_char.isdigit() or next_char in _BULLET_CHARS
            or text[end:following.start("char")].count("«") or next_char in "«\"“"):
        return False
    mark = text[punct_start]
    if mark in "!?…" or text.startswith("...", punct_start):
        return True
    token = _token_before(text, unit_start, punct_start)
    core = token.lstrip("«\"“([").lower()
    if core in FINAL_ABBREVIATIONS:
        return not next_char.isdigit()
    if core in ABBREVIATIONS:
        return False
    if len(core) == 1 and core.isalpha():
        before = text[sentence_start:punct_start - len(token)].split()
        # «Prop. 102 L.» ends a sentence; «K. Hansen» is an initial
        return bool(before) and before[-1].rstrip(")").isdigit()
    if _NUMBER_TOKEN_RE.match(core):
        opening = text[sentence_start:punct_start - len(token)].strip()
        if opening == "§" or all(char in _BULLET_CHARS for char in opening):
            return False  # a clause number opening the sentence: «1. Formål», «2.1. Ansvar»
        if next_char.isdigit():
            return False
    if "." in core and not _NUMBER_TOKEN_RE.match(core) and len(core) <= 6 and core.islower():
        return False  # an unlisted dotted abbreviation such as «m.a.o.»
    return True


def _unit_sentences(text: str, unit_start: int, unit_end: int,
                    candidates: Iterable[re.Match[str]] | None = None) -> list[tuple[int, int]]:
    """The (start, end) of the sentences of one unit; ``candidates`` are its candidate ends when
    the caller found them already (by default they are looked for in the unit)."""
    if candidates is None:
        candidates = prefilter(_END_RE).finditer(text, None, unit_start, unit_end)
    out: list[tuple[int, int]] = []
    sentence_start = unit_start
    for match in candidates:
        if _is_sentence_end(text, unit_start, sentence_start, match):
            following = match.end()
            out.append((sentence_start, following))
            while following < unit_end and text[following].isspace():
                following += 1
            sentence_start = following
    if sentence_start < unit_end:
        out.append((sentence_start, unit_end))
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the sentences of ``text``, in order (:func:`sentences` without the span
    objects, for callers that make their own).

    As :func:`_unit_sentences` on each unit, with the candidate ends found in one pass over the
    whole text.  (A unit ends before white space, and no candidate spans white space, so the
    candidates inside a unit are the same; one that ends a unit gives the same last sentence
    whether or not it is taken as an end.)"""
    out: list[tuple[int, int]] = []
    ends = list(prefilter(_END_RE).finditer(text, None))
    count = len(ends)
    i = 0
    for unit_start, unit_end in _units(text):
        while i < count and ends[i].start() < unit_start:
            i += 1
        first = i
        while i < count and ends[i].end() <= unit_end:
            i += 1
        out.extend(_unit_sentences(text, unit_start, unit_end, ends[first:i]))
    return out


def sentences(text: str) -> list[SentenceSpan]:
    """The sentences of ``text``, in order, as spans into it."""
    return [SentenceSpan(start, end) for start, end in sentence_bounds(text)]


# --- passages ------------------------------------------------------------------------------------


def _page_of(position: int, page_ranges: Sequence[tuple[int, int]] | None,
             starts: Sequence[int] | None = None) -> int | None:
    """The 1-based page whose range holds ``position`` (None outside every page); ``starts`` are the
    pages' start offsets (in order, as ``page_ranges`` are), to look the page up by bisection."""
    if not page_ranges:
        return None
    if starts is None:
        starts = [start for start, _ in page_ranges]
    number = bisect.bisect_right(starts, position)
    if number and position < page_ranges[number - 1][1]:
        return number
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _cut_at_pages(text: str, blocks: list[tuple[int, int]],
                  page_ranges: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if not page_ranges:
        return blocks
    cuts = sorted({start for start, _ in page_ranges} | {end for _, end in page_ranges})
    out: list[tuple[int, int]] = []
    for start, end in blocks:
        first = bisect.bisect_right(cuts, start)
        last = bisect.bisect_left(cuts, end, first)
        if first == last:  # no page boundary inside the block
            trimmed = _trim(text, start, end)
            if trimmed:
                out.append(trimmed)
            continue
        for a, b in itertools.pairwise([start, *cuts[first:last], end]):
            trimmed = _trim(text, a, b)
            if trimmed:
                out.append(trimmed)
    return out


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    if end - start <= max_chars:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    for sentence_start, sentence_end in _unit_sentences(text, start, end):
        if sentence_end - sentence_start <= max_chars:
            pieces.append((sentence_start, sentence_end))
            continue
        position = sentence_start
        while sentence_end - position > max_chars:
            cut = text.rfind(" ", position + 1, position + max_chars + 1)
            cut = cut if cut > position else position + max_chars
            trimmed = _trim(text, position, cut)
            if trimmed:
                pieces.append(trimmed)
            position = cut
        trimmed = _trim(text, position, sentence_end)
        if trimmed:
            pieces.append(trimmed)
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and piece[1] - merged[-1][0] <= max_chars:
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


def _merge_tiny(blocks: list[tuple[int, int]], min_chars: int, max_chars: int,
                page_ranges: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Merge blocks shorter than ``min_chars`` into the next block, else into the previous one."""

    starts = [start for start, _ in page_ranges] if page_ranges else None

    def joinable(first: tuple[int, int], second: tuple[int, int]) -> bool:
        return (second[1] - first[0] <= max_chars
                and _page_of(first[0], page_ranges, starts) == _page_of(second[0], page_ranges, starts))

    out: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None

    def flush(tiny: tuple[int, int]) -> None:
        if out and joinable(out[-1], tiny):
            out[-1] = (out[-1][0], tiny[1])
        else:
            out.append(tiny)

    for block in blocks:
        if pending is not None:
            if joinable(pending, block):
                block = (pending[0], block[1])
            else:
                flush(pending)
            pending = None
        if block[1] - block[0] < min_chars:
            pending = block
        else:
            out.append(block)
    if pending is not None:
        flush(pending)
    return out


def passages(
    text: str,
    page_ranges: Sequence[tuple[int, int]] | None = None,
    max_chars: int = 1200,
    *,
    min_chars: int = 80,
    detect: Callable[[str], str | None] | None = None,
    language: bool = True,
) -> list[Passage]:
    """Split ``text`` into passages with offsets, page and language.

    ``page_ranges`` gives (start, end) per page, in order (page numbers are 1-based); a passage
    never crosses a page boundary.  ``detect`` maps a passage text to ``"nb"``/``"nn"``/``"en"``
    (default: :func:`samrev.text.language.detect_language`); ``language=False`` leaves it None.
    """
    if max_chars < 20:
        raise ValueError("max_chars must be at least 20")
    blocks = _cut_at_pages(text, _units(text), page_ranges)
    pieces = [piece for start, end in blocks for piece in _split_long(text, start, end, max_chars)]
    spans = _merge_tiny(pieces, min_chars, max_chars, page_ranges)
    if language and detect is None:
        from samrev.text.language import detect_language

        def detect(chunk: str) -> str | None:
            guess = detect_language(chunk)
            return guess.lang if guess.decided else None

    starts = [start for start, _ in page_ranges] if page_ranges else None
    out: list[Passage] = []
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        lang = detect(chunk) if language and detect is not None else None
        out.append(Passage(start=start, end=end, text=chunk, page=_page_of(start, page_ranges, starts),
                           language=lang, index=index))
    return out
