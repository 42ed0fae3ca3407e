"""Hyphen ellipsis in Norwegian compounds ("frisklivs-, lærings- og mestringstilbud").

A shared part of coordinated compounds is written once, and the others end (or begin) with a
hyphen: "lærings- og mestringstilbud" means "læringstilbud og mestringstilbud", and
"samarbeidsavtaler og -rutiner" means "samarbeidsavtaler og samarbeidsrutiner".  Where the
full word splits is unknown, so :func:`find_ellipses` returns, for each elided fragment, its
span in the text and the plausible full words, most plausible first.  Matching a theme's
patterns against the candidates then finds the hidden words, while the evidence stays the
fragment as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "frisklivs-, lærings- og mestringstilbud": heads ending in a hyphen, a conjunction, a word.
_FORWARD = re.compile(
    r"(?<![\w-])(?P<heads>(?:[^\W\d_]\w*-,?\s+)+)(?:og|eller|samt|&)\s+(?P<word>[^\W\d_][\w-]*\w)",
    re.IGNORECASE,
)
_HEAD = re.compile(r"([^\W\d_]\w*)-")
# "samarbeidsavtaler og -rutiner": a word, a conjunction, a tail starting with a hyphen.
_BACKWARD = re.compile(
    r"(?<![\w-])(?P<word>[^\W\d_]\w*\w)\s+(?:og|eller|samt|&)\s+(?P<tail>-[^\W\d_]\w*)",
    re.IGNORECASE,
)

_VOWELS = frozenset("aeiouyæøåéèêó")
# Consonant clusters a Norwegian (or English) word can start with.
_ONSETS = frozenset(
    "bl br dr fl fr gl gr kl kr pl pr sk sl sm sn sp st sv tr tv kn kv gn hj hv sj kj tj gj fj bj pj "
    "vr sh ch th ph wh wr str skr spr spl sc".split()
)
_MIN_PART = 2
_MIN_TAIL = 3


@dataclass(frozen=True, slots=True)
class Ellipsis:
    """An elided fragment: ``text[start:end]`` is the fragment as written ("lærings-")."""

    start: int
    end: int
    candidates: tuple[str, ...]


def _plausible_start(part: str) -> bool:
    """Whether ``part`` can begin a word (a vowel, a consonant + vowel, or a known cluster)."""
    low = part.lower()
    if len(low) < 2:
        return False
    if low[0] in _VOWELS or low[1] in _VOWELS:
        return True
    return low[:2] in _ONSETS or low[:3] in _ONSETS


def _tail_splits(word: str) -> list[int]:
    """Split points ``k`` of ``word`` (modifier ``word[:k]`` + shared tail ``word[k:]``).

    Points right after a linking "s" (then "e") that leave a tail of four letters or more
    come first, the shortest such tail first ("mestrings|tilbud"); then the rest.
    """
    lower = word.lower()
    points = [k for k in range(_MIN_PART, len(word) - _MIN_TAIL + 1)
              if _plausible_start(word[k:]) and word[k - 1] != "-"]
    linking = [k for k in points if lower[k - 1] in "se" and k >= 4 and len(word) - k >= 4]
    linking.sort(key=lambda k: (lower[k - 1] != "s", -k))
    return linking + [k for k in points if k not in linking]


def _head_splits(word: str) -> list[int]:
    """Split points ``k`` of ``word`` (shared head ``word[:k]`` + own part ``word[k:]``)."""
    lower = word.lower()
    points = [k for k in range(_MIN_TAIL, len(word) - _MIN_PART + 1) if _plausible_start(word[k:])]
    linking = [k for k in points if lower[k - 1] in "se"]
    linking.sort(key=lambda k: (lower[k - 1] != "s", k))
    return linking + [k for k in points if k not in linking]


def find_ellipses(text: str) -> list[Ellipsis]:
    """Every elided compound fragment in ``text`` with its candidate full words."""
    found: list[Ellipsis] = []
    for match in _FORWARD.finditer(text):
        word = match.group("word")
        splits = _tail_splits(word.split("-")[-1]) if "-" in word else _tail_splits(word)
        tail_word = word.split("-")[-1]
        heads_start = match.start("heads")
        for head in _HEAD.finditer(match.group("heads")):
            stem = head.group(1)
            candidates = tuple(dict.fromkeys(stem + tail_word[k:] for k in splits))
            if candidates:
                found.append(Ellipsis(heads_start + head.start(), heads_start + head.end(), candidates))
    for match in _BACKWARD.finditer(text):
        word, tail = match.group("word"), match.group("tail")
        candidates = tuple(dict.fromkeys(word[:k] + tail[1:] for k in _head_splits(word)))
        if candidates:
            found.append(Ellipsis(match.start("tail"), match.end("tail"), candidates))
    return found
