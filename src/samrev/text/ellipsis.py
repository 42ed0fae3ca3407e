"""Hyphen-ellipsis compounds in bokmål and nynorsk.

A part shared by coordinated compounds is written once, and the other members end (or begin)
with a hyphen:

* forward: ``frisklivs-, lærings- og mestringstilbud`` means frisklivstilbud, læringstilbud and
  mestringstilbud (the last element, ``tilbud``, is shared);
* backward: ``samarbeidsavtaler og -rutiner`` means samarbeidsavtaler and samarbeidsrutiner
  (the first element, ``samarbeids``, is shared).

The conjunction is ``og``, ``eller``, ``og/eller``, ``samt`` or ``&`` (any case); forward
fragments are separated by commas or spaces (``frisklivs-, lærings- og``).  Where the written
full word splits is not marked, so every elided fragment gets candidate full words, most
plausible first:

1. splits into known words (simplemma's nb and nn dictionaries and a few domain stems they lack,
   with a linking ``s`` or ``e`` allowed after a first element), fewest words first
   (``opplærings|tilbud`` before ``opp|lærings|tilbud``); among equals, one that gives a known
   full word (``kvalitets- og pasientsikkerhets|arbeid``: ``kvalitetsarbeid``), then (forward)
   one whose own first part has four letters or more (``samarbeids|møte``, not
   ``sam|arbeidsmøte``), then the longest shared part (``spesialist|helsetjenesten``:
   ``kommunehelsetjenesten``; backward ``samarbeids|avtaler``);
2. then the other splits whose second piece can begin a word (a vowel, a consonant and a vowel,
   or a cluster such as ``str``), those after a linking ``s`` (then ``e``) first: the shortest
   shared last part of four letters or more (forward), the shortest shared first part (backward).

Step 2 keeps a candidate for words the dictionaries do not know; matching all candidates (as
the lexicon coder does) then finds the hidden word, while the evidence stays the fragment.
A fragment that is an acronym (``IKT-``) keeps its hyphen (``IKT-tjenester``).

Offsets: Python ``str`` indices (code points), end-exclusive, into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

_HYPHENS = "-\u2010"
_H = r"\-\u2010"  # the hyphens inside a character class
_LETTER = r"[^\W\d_]"
_CONJUNCTION = r"(?i:og/eller|og|eller|samt|&)"
# "lærings-", "e-helse-": a word ending in a hyphen, not continuing a hyphenated word.
_FRAGMENT = rf"{_LETTER}\w*(?:[{_H}]\w+)*[{_H}]"
_FORWARD_RE = re.compile(
    rf"(?<![\w{_H}])(?P<fragments>(?:{_FRAGMENT}(?:\s*,\s*|\s+))*{_FRAGMENT})"
    rf"\s+{_CONJUNCTION}\s+(?P<word>{_LETTER}[\w{_H}]*\w)"
)
_FRAGMENT_RE = re.compile(_FRAGMENT)
_TAIL = rf"[{_H}]{_LETTER}\w*"
_BACKWARD_RE = re.compile(
    rf"(?<![\w{_H}])(?P<word>{_LETTER}\w*\w)(?P<tails>(?:\s*,\s*{_TAIL})*)"
    rf"\s*,?\s+{_CONJUNCTION}\s+(?P<last>{_TAIL})(?![\w{_H}])"
)
_TAIL_RE = re.compile(_TAIL)
# Where a match can be: a hyphen after a word and before a space or comma; a hyphen after a space.
_FORWARD_ANCHOR_RE = re.compile(rf"(?<=\w)[{_H}](?=[\s,])")
_BACKWARD_ANCHOR_RE = re.compile(rf"(?<=\s)[{_H}]{_LETTER}")
_WORD_EXTRA = "_" + _HYPHENS
_WINDOW = 300  # characters around a backward anchor that a match can reach

# Stems common in this domain in both written standards, some of which simplemma's dictionaries
# lack (``meistring``, ``pårørande``).  A stem is a word as a first element (with an optional
# linking ``s`` or ``e``) and as a last element (with an inflection ending of up to four letters).
_DOMAIN_STEMS = frozenset({
    "tilbud", "tilbod", "tjenest", "tenest", "senter", "sentr", "kurs", "arbeid", "virksomhet",
    "verksemd", "opplæring", "tiltak", "plan", "team", "avtale", "sentral", "skole", "skule",
    "gruppe", "leder", "leiar", "lov", "forskrift", "omsorg", "pasient", "helse", "mestring",
    "meistring", "læring", "friskliv", "pårørende", "pårørande", "bruker", "brukar", "kommune",
    "sykehus", "sjukehus", "habilitering", "rehabilitering",
})
_MAX_ENDING = 4
_VOWELS = frozenset("aeiouyæøåéèêó")
# Consonant clusters a Norwegian (or English) word can start with.
_ONSETS = frozenset(
    "bl br dr fl fr gl gr kl kr pl pr sk sl sm sn sp st sv tr tv kn kv gn hj hv sj kj tj gj fj bj pj "
    "vr sh ch th ph wh wr str skr spr spl sc".split()
)
_MIN_FIRST = 2  # letters of a first element (``ut|skriving``)
_MIN_LAST = 3  # letters of a last element
_SHORT_FIRST = 4  # shorter first elements (``opp``, ``sam``) lose ties
_NONE = 1 << 20  # no dictionary split


@dataclass(frozen=True, slots=True)
class ElidedFragment:
    """An elided member as written: ``text[start:end]`` is ``lærings-`` or ``-rutiner``."""

    start: int
    end: int
    text: str
    candidates: tuple[str, ...]  # full words, most plausible first ("læringstilbud", …)


@dataclass(frozen=True, slots=True)
class EllipsisCompound:
    """A coordination such as ``frisklivs-, lærings- og mestringstilbud`` and its full forms.

    ``head`` is the shared element: the last one (``tilbud``) in a forward compound, the first
    one (``samarbeids``) in a ``backward`` one (``samarbeidsavtaler og -rutiner``).  ``forms``
    are the full forms of all members in text order, with each fragment's best candidate.
    """

    start: int
    end: int
    text: str
    head: str
    forms: tuple[str, ...]  # ("frisklivstilbud", "læringstilbud", "mestringstilbud")
    fragments: tuple[ElidedFragment, ...]
    backward: bool = False


# --- the dictionary ------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    import simplemma

    return any(simplemma.is_known(word, lang=code) for code in ("nb", "nn"))


def _is_first(piece: str) -> bool:
    """Whether lower-case ``piece`` can be a first (or middle) element of a compound."""
    if len(piece) < _MIN_FIRST:
        return False
    if piece in _DOMAIN_STEMS or _known(piece):
        return True
    stem = piece[:-1]
    return piece[-1] in "se" and len(stem) >= _MIN_FIRST and (stem in _DOMAIN_STEMS or _known(stem))


def _is_last(piece: str) -> bool:
    """Whether lower-case ``piece`` can be the last element of a compound."""
    if len(piece) < _MIN_LAST:
        return False
    return _known(piece) or any(piece[:k] in _DOMAIN_STEMS
                                for k in range(max(_MIN_LAST, len(piece) - _MAX_ENDING), len(piece) + 1))


def _dictionary_costs(word: str) -> list[int]:
    """For each split point ``k`` of lower-case ``word``: the fewest known words in a split at ``k``.

    ``word[:k]`` must split into first elements and ``word[k:]`` into first elements and a last
    element; points that allow no such split cost :data:`_NONE`.
    """
    n = len(word)
    firsts = [_NONE] * (n + 1)  # fewest first elements making up word[:i]
    firsts[0] = 0
    for i in range(_MIN_FIRST, n + 1):
        firsts[i] = min((firsts[j] + 1 for j in range(i - _MIN_FIRST + 1)
                         if firsts[j] < _NONE and _is_first(word[j:i])), default=_NONE)
    rest = [_NONE] * (n + 1)  # fewest elements making up word[i:], the last one a last element
    for i in range(n - _MIN_LAST, -1, -1):
        best = 1 if _is_last(word[i:]) else _NONE
        for j in range(i + _MIN_FIRST, n - _MIN_LAST + 1):
            if rest[j] < best - 1 and _is_first(word[i:j]):
                best = rest[j] + 1
        rest[i] = best
    return [firsts[k] + rest[k] if firsts[k] < _NONE and rest[k] < _NONE else _NONE
            for k in range(n + 1)]


def _plausible_start(piece: str) -> bool:
    """Whether lower-case ``piece`` can begin a word (a vowel, a consonant + vowel, a cluster)."""
    if len(piece) < 2:
        return False
    return piece[0] in _VOWELS or piece[1] in _VOWELS or piece[:2] in _ONSETS or piece[:3] in _ONSETS


@lru_cache(maxsize=16384)
def _splits(word: str, backward: bool) -> tuple[tuple[int, int], ...]:
    """``(k, cost)`` for the points ``k`` at which ``word`` may split, in the order of the module
    docstring before the full words are looked up; ``cost`` is :data:`_NONE` for a split that is
    not into known words."""
    lower = word.lower()
    costs = _dictionary_costs(lower)
    if backward:  # a shared first part of three letters or more, an own part of two or more
        known = sorted((k for k in range(_MIN_LAST, len(word) - _MIN_FIRST + 1) if costs[k] < _NONE),
                       key=lambda k: (costs[k], -k))
        points = [k for k in range(_MIN_LAST, len(word) - _MIN_FIRST + 1) if _plausible_start(lower[k:])]
        linking = [k for k in points if lower[k - 1] in "se"]
        linking.sort(key=lambda k: (lower[k - 1] != "s", k))
    else:  # an own first part of two letters or more, a shared part of three or more
        known = sorted((k for k in range(_MIN_FIRST, len(word) - _MIN_LAST + 1) if costs[k] < _NONE),
                       key=lambda k: (costs[k], k < _SHORT_FIRST, k))
        points = [k for k in range(_MIN_FIRST, len(word) - _MIN_LAST + 1) if _plausible_start(lower[k:])]
        linking = [k for k in points if lower[k - 1] in "se" and k >= 4 and len(word) - k >= 4]
        linking.sort(key=lambda k: (lower[k - 1] != "s", -k))
    return tuple((k, costs[k]) for k in dict.fromkeys([*known, *linking, *points]))


def _ranked(splits: tuple[tuple[int, int], ...], full_word: Callable[[int], str]) -> list[int]:
    """The split points, a known full word first among dictionary splits of equal cost."""
    def order(split: tuple[int, int]) -> tuple[int, bool]:
        k, cost = split
        return cost, cost < _NONE and not _known(full_word(k).lower())

    return [k for k, _ in sorted(splits, key=order)]


def _join(first: str, last: str) -> str:
    """``first`` + ``last``, with a hyphen after an acronym or number (``IKT-tjenester``)."""
    if first and (first[-1].isdigit() or (len(first) > 1 and first.isupper())):
        return f"{first}-{last}"
    return first + last


def _forward(text: str, match: re.Match[str]) -> EllipsisCompound | None:
    word = match.group("word")
    segment = word[max(word.rfind(hyphen) for hyphen in _HYPHENS) + 1:]  # split the last segment
    splits = _splits(segment, backward=False)
    if not splits:
        return None
    fragments: list[ElidedFragment] = []
    heads: list[str] = []
    for fragment in _FRAGMENT_RE.finditer(text, match.start("fragments"), match.end("fragments")):
        stem = fragment.group()[:-1]
        points = _ranked(splits, lambda k: _join(stem, segment[k:]))  # noqa: B023 (called at once)
        heads.append(segment[points[0]:])
        candidates = tuple(dict.fromkeys(_join(stem, segment[k:]) for k in points))
        fragments.append(ElidedFragment(fragment.start(), fragment.end(), fragment.group(), candidates))
    forms = (*(fragment.candidates[0] for fragment in fragments), word)
    return EllipsisCompound(match.start(), match.end(), match.group(), heads[0], forms, tuple(fragments))


def _backward(text: str, match: re.Match[str]) -> EllipsisCompound | None:
    word = match.group("word")
    splits = _splits(word, backward=True)
    if not splits:
        return None
    fragments: list[ElidedFragment] = []
    heads: list[str] = []
    for tail in _TAIL_RE.finditer(text, match.start("tails"), match.end("last")):
        own = tail.group()[1:]
        points = _ranked(splits, lambda k: word[:k] + own)  # noqa: B023 (called at once)
        heads.append(word[:points[0]])
        candidates = tuple(dict.fromkeys(word[:k] + own for k in points))
        fragments.append(ElidedFragment(tail.start(), tail.end(), tail.group(), candidates))
    forms = (word, *(fragment.candidates[0] for fragment in fragments))
    return EllipsisCompound(match.start(), match.end(), match.group(), heads[0], forms, tuple(fragments),
                            backward=True)


def _word_start(text: str, end: int) -> int:
    """Start of the (hyphenated) word ending at ``end``."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _WORD_EXTRA):
        start -= 1
    return start


def find_ellipsis_compounds(text: str) -> list[EllipsisCompound]:
    """Every hyphen-ellipsis coordination in ``text`` (forward and backward), in text order."""
    # The full patterns run only where a hyphen can mark an elided part, which is far faster
    # than running them over the whole text and gives the same matches.
    found: list[EllipsisCompound] = []
    position = 0
    for anchor in _FORWARD_ANCHOR_RE.finditer(text):
        if anchor.start() >= position:
            match = _FORWARD_RE.match(text, _word_start(text, anchor.start()))
            if match:
                position = match.end()
                if compound := _forward(text, match):
                    found.append(compound)
    position = 0
    for anchor in _BACKWARD_ANCHOR_RE.finditer(text):
        if anchor.start() >= position:
            endpos = min(len(text), anchor.end() + _WINDOW)
            match = _BACKWARD_RE.search(text, max(position, anchor.start() - _WINDOW), endpos)
            if match and match.end() == endpos:  # cut off by the window: match again
                match = _BACKWARD_RE.match(text, match.start())
            if match:
                position = match.end()
                if compound := _backward(text, match):
                    found.append(compound)
    found.sort(key=lambda compound: (compound.start, compound.end))
    return found


def expand_ellipsis_compounds(text: str) -> Iterator[str]:
    """Yield the full form of every member of every hyphen-ellipsis compound in ``text``.

    ``"frisklivs-, lærings- og mestringstilbud"`` yields ``frisklivstilbud``, ``læringstilbud``,
    ``mestringstilbud``; nynorsk works the same way (``lærings- og meistringstilbod``), and
    ``"samarbeidsavtaler og -rutiner"`` yields ``samarbeidsavtaler``, ``samarbeidsrutiner``.
    """
    for compound in find_ellipsis_compounds(text):
        yield from compound.forms
