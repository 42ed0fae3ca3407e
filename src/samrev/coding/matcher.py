"""Fast matching of many patterns at once, with the semantics of :mod:`samrev.coding.patterns`.

One big regex alternation costs (word starts × alternatives) in Python's ``re``: for the 900
seed terms that is seconds per hundred pages.  :class:`TermIndex` instead finds the word starts
once (one C-speed scan), looks each word up in hash tables keyed by the patterns' literal parts
(the word's first three letters for patterns like ``brukermedvirk*``, every trigram inside
the word for patterns like ``*medverknad``), and only then runs the candidate pattern's own compiled regex
at that position.  The lookup is a necessary condition and the regex decides, so results are
exactly those of ``compile_patterns(patterns).finditer(text)`` per group: at each word start
the first pattern in alternation order wins, and matches of one group do not overlap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from samrev.coding.patterns import LEFT, RIGHT, WILDCARD, pattern_regex, sort_key

_WORD_START = re.compile(r"(?<![\w-])[\w-]+")
_LEADING_RUN = re.compile(r"[^\W_]+")
_GRAM = 3
_CACHE_SIZE = 200_000  # distinct lowercase words whose candidates are remembered


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """The compiled regex of one pattern, with word boundaries (compiled on first use)."""
    return re.compile(f"{LEFT}(?:{pattern_regex(pattern)}){RIGHT}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A match of ``pattern`` (belonging to group ``key``) at ``text[start:end]``."""

    key: str
    start: int
    end: int
    pattern: str


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    pattern: str
    order: tuple[int, int, str]
    literal: str  # lowercase letters/digits the word must start with (or contain, if floating)


class TermIndex:
    """Patterns of several groups (e.g. themes) indexed for one pass over a text."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self._anchored: dict[str, list[_Entry]] = {}
        self._floating: dict[str, list[_Entry]] = {}
        self._short_floating: list[_Entry] = []
        self._cache: dict[str, tuple[_Entry, ...]] = {}
        for key, patterns in groups.items():
            for pattern in dict.fromkeys(" ".join(p.split()) for p in patterns):
                self._add(key, pattern)

    def _add(self, key: str, pattern: str) -> None:
        first = pattern.split()[0]
        floating = first.startswith(WILDCARD)
        run = _LEADING_RUN.match(first.lstrip(WILDCARD))
        literal = run.group().lower() if run else ""
        entry = _Entry(key, pattern, sort_key(pattern), literal)
        if not floating:
            self._anchored.setdefault(literal[:_GRAM], []).append(entry)
        elif len(literal) >= _GRAM:
            self._floating.setdefault(literal[:_GRAM], []).append(entry)
        else:
            self._short_floating.append(entry)

    def _candidates(self, word: str) -> tuple[_Entry, ...]:
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[word] = tuple(self._lookup(word))
        return cached

    def _lookup(self, word: str) -> list[_Entry]:
        out: list[_Entry] = []
        anchored = self._anchored
        for k in range(min(len(word), _GRAM), -1, -1):
            found = anchored.get(word[:k])
            if found:
                out.extend(entry for entry in found if word.startswith(entry.literal))
        floating = self._floating
        for i in range(len(word) - _GRAM + 1):
            found = floating.get(word[i:i + _GRAM])
            if found:
                out.extend(entry for entry in found if word.startswith(entry.literal, i))
        out.extend(entry for entry in self._short_floating if entry.literal in word)
        return out

    def find(self, text: str) -> dict[str, list[TermMatch]]:
        """Matches per group key, in text order (only keys with matches)."""
        out: dict[str, list[TermMatch]] = {}
        last_end: dict[str, int] = {}
        for word in _WORD_START.finditer(text):
            start = word.start()
            candidates = self._candidates(word.group().lower())
            if not candidates:
                continue
            best: dict[str, tuple[tuple[int, int, str], TermMatch]] = {}
            for entry in candidates:
                if start < last_end.get(entry.key, 0):
                    continue
                chosen = best.get(entry.key)
                if chosen is not None and chosen[0] <= entry.order:
                    continue
                match = compiled(entry.pattern).match(text, start)
                if match:
                    best[entry.key] = (entry.order, TermMatch(entry.key, start, match.end(), entry.pattern))
            for key, (_, term_match) in best.items():
                out.setdefault(key, []).append(term_match)
                last_end[key] = term_match.end
        return out

    def match_word(self, word: str) -> dict[str, str]:
        """For a single word (e.g. an expanded compound): group key → the pattern matching all of it."""
        out: dict[str, str] = {}
        for entry in sorted(self._candidates(word.lower()), key=lambda e: e.order):
            if entry.key not in out and compiled(entry.pattern).fullmatch(word):
                out[entry.key] = entry.pattern
        return out
