"""The pattern syntax of codebook seed terms and polarity cue words.

A pattern is one or more *words* separated by spaces, written in lowercase.  Matching is
always case-insensitive and runs on the original text, so offsets stay exact.

==================  =====================================================================
``word``            the whole word: ``lms`` matches "LMS" (also the "LMS" of "LMS-tilbud"),
                    not "almss"
``stem*``           a word that starts with ``stem`` (inflections, compounds with ``stem`` as
                    first part): ``brukermedvirk*`` → "brukermedvirkningen"; the wildcard
                    runs on through hyphens: ``ikt*`` → "IKT-løsningene"
``*tail``           a word that ends with ``tail`` (compounds with ``tail`` as last part):
                    ``*medverknad`` → "brukarmedverknad"
``*part*``          a word that contains ``part``: ``*samarbeidsavtale*``
``a b``             the words in sequence, separated by white space, a hyphen or a slash:
                    ``lærings* og mestrings*`` → "lærings- og mestringstilbud"
``a ~ b``           up to three other words between ``a`` and ``b``: ``møte* ~ jevnlig*`` →
                    "møtes ganske jevnlig"
==================  =====================================================================

A word is letters and digits plus the characters ``- . ' / §`` and begins with a letter or
digit (after an optional ``*``); a word must start
the match at a word start (a word glued to the previous one with a hyphen does not start a
word: ``management`` does not match "self-management"; use ``*management``).  A word with a
wildcard needs at least three characters besides the ``*``.  Any other character (regular
expression syntax such as ``( [ ? + |``) is an error, reported by :func:`pattern_problem`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

WILDCARD = "*"
GAP = "~"
MAX_GAP_WORDS = 3
MIN_WILDCARD_CORE = 3
_EXTRA_WORD_CHARS = frozenset("-.'’/§")

# Between two words of a multiword pattern: white space, or a hyphen/dash/slash with optional
# white space around it (covers "lærings- og" and "helse-/omsorg").
SEP = r"(?:\s*[-‐‑–—/]\s*|\s+)"
_WORDLIKE = r"[\w'’.-]+"
_GAP_RE = rf"(?:{SEP}{_WORDLIKE}){{0,{MAX_GAP_WORDS}}}"
LEFT = r"(?<![\w-])"
RIGHT = r"(?!\w)"
_WILD = r"[\w-]*"


def pattern_problem(pattern: object) -> str | None:
    """Why ``pattern`` is not a valid pattern (a bokmål sentence), or ``None`` when it is."""
    if not isinstance(pattern, str):
        return f"mønsteret må være tekst, ikke {type(pattern).__name__}"
    if not pattern.strip():
        return "tomt mønster"
    if pattern != pattern.lower():
        return f"«{pattern}» skal skrives med små bokstaver"
    words = pattern.split()
    if words[0] == GAP or words[-1] == GAP:
        return f"«{pattern}»: {GAP} må stå mellom to ord"
    for previous, word in itertools.pairwise(words):
        if previous == GAP and word == GAP:
            return f"«{pattern}»: to {GAP} etter hverandre"
    for word in words:
        if word == GAP:
            continue
        problem = _word_problem(word)
        if problem:
            return f"«{pattern}»: {problem}"
    return None


def _word_problem(word: str) -> str | None:
    core = word[1:] if word.startswith(WILDCARD) else word
    core = core[:-1] if core.endswith(WILDCARD) else core
    if not core:
        return "et ord kan ikke bare være *"
    if WILDCARD in core:
        return f"* er bare lov først eller sist i et ord («{word}»)"
    bad = sorted({ch for ch in core if not (ch.isalnum() or ch in _EXTRA_WORD_CHARS)})
    if bad:
        return f"ugyldig tegn {' '.join(repr(ch) for ch in bad)} i «{word}»"
    if "_" in core:
        return f"ugyldig tegn '_' i «{word}»"
    if not core[0].isalnum():
        return f"«{word}» må begynne med en bokstav eller et siffer (foruten *)"
    if core != word and len(core) < MIN_WILDCARD_CORE:
        return f"«{word}» er for kort for jokertegn (minst {MIN_WILDCARD_CORE} tegn foruten *)"
    return None


def _word_regex(word: str) -> str:
    lead = word.startswith(WILDCARD)
    trail = word.endswith(WILDCARD) and len(word) > 1
    core = word.strip(WILDCARD)
    parts: list[str] = []
    for ch in core:
        if ch == "-":
            parts.append("[-‐‑]")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    return (_WILD if lead else "") + "".join(parts) + (_WILD if trail else "")


def pattern_regex(pattern: str) -> str:
    """The regular expression (without word boundaries) for one valid pattern."""
    problem = pattern_problem(pattern)
    if problem:
        raise ValueError(problem)
    out: list[str] = []
    pending_gap = False
    for word in pattern.split():
        if word == GAP:
            pending_gap = True
            continue
        if out:
            out.append((_GAP_RE if pending_gap else "") + SEP)
        out.append(_word_regex(word))
        pending_gap = False
    return "".join(out)


def sort_key(pattern: str) -> tuple[int, int, str]:
    # Longer (multiword, then longer literal) patterns first, so an alternation prefers them.
    return (-len(pattern.split()), -len(pattern.replace(WILDCARD, "")), pattern)


def compile_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One case-insensitive regex for all ``patterns`` and the pattern behind each group.

    Group ``p<i>`` of the regex belongs to the ``i``-th pattern of the returned tuple, so
    ``patterns[int(match.lastgroup[1:])]`` names the pattern that matched.
    """
    unique: Sequence[str] = sorted(set(patterns), key=sort_key)
    if not unique:
        return re.compile(r"(?!x)x"), ()
    alternatives = "|".join(f"(?P<p{i}>{pattern_regex(p)})" for i, p in enumerate(unique))
    return re.compile(f"{LEFT}(?:{alternatives}){RIGHT}", re.IGNORECASE), tuple(unique)


def matched_pattern(match: re.Match[str], patterns: Sequence[str]) -> str:
    """The pattern behind a match of a regex made by :func:`compile_patterns`."""
    group = match.lastgroup
    return patterns[int(group[1:])] if group else ""
