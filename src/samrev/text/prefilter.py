"""Exact literal prefilters for regular expressions: the same matches, found sooner.

Python's ``re`` has no fast skip-ahead for an alternation of many words, least of all under
``IGNORECASE``: a pattern such as ``\\b(?:habilitering\\w*|rehabilitering\\w*|…)`` is tried at every
position of a 15,000-character document.  But every match of such a pattern starts with one of
a few literal strings (``habilitering``, ``rehabilitering`` …), and ``str.find`` locates those at C
speed.  :class:`Prefilter` reads two sets of literals from a compiled pattern's parse tree:

* its *prefixes*: every match starts with one of them.  :meth:`Prefilter.finditer` then gives
  exactly the matches of ``pattern.finditer(text, pos)``: trying ``pattern.match`` at the
  positions where a prefix occurs, in order, skipping those inside the previous match, is what
  ``finditer`` does at every position (``match(text, p)`` sees the characters before ``p``, so
  ``\\b`` and look-behinds behave the same).  :meth:`Prefilter.search` is the first of them.
  A pattern whose alternatives start differently is read alternative by alternative: one that
  starts with a word (``\\b\\w*avtal(?:en|a)``) gives the starts of the words that hold its literal;
  one whose first literal is short and frequent but which requires a rarer one (``\\btil\\s+høy?ring``)
  is looked for only in a text where the rarer one occurs.
* its *required* literals: every match contains one of them somewhere (``\\w*eining`` contains
  ``eining``).  :meth:`Prefilter.may_match` and :class:`Gate` say False only when no match is
  possible in a text or a stretch of it, so a caller may skip the pattern there.

Under ``IGNORECASE`` literals are looked up in the lower-cased text, which must map each
character to exactly the character ``re`` compares (:func:`folded`; a text with one of the few
characters where the two differ, such as dotless ı or long ſ, is not folded, and the plain
pattern runs).  A pattern without such literals (``\\w+``, ``[A-Z]\\w*``) always runs in full.
Results never depend on the prefilter, only the time they take.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterator
from typing import Any

_sre: Any
_parse: Any
try:  # the parser is internal to ``re``; without it every pattern just runs unfiltered
    _sre = importlib.import_module("re._constants")
    _parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Python versions
    _sre = _parse = None

# Characters that ``re`` under IGNORECASE equates with others beyond their lower-case form (dotless
# ı and i, long ſ and s, micro µ and μ, and a few Greek, Cyrillic and ligature forms: the
# ``_EXTRA_CASES`` of ``re._casefix``), and capital sigma, whose ``str.lower`` depends on context.
# For every other character ``str.lower`` gives the one character ``re`` compares (or, like İ,
# more than one, which changes the length); a text whose lower-cased form holds none of these
# characters can be searched for lower-cased literals instead of the pattern.
_SPECIAL_CASES = (
    "\u00b5\u0131\u017f\u0345\u0390\u03a3\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2"
    "\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463"
    "\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)
_UNSAFE = re.compile(f"[{_SPECIAL_CASES}]")
_ZERO_WIDTH = tuple(getattr(_sre, name) for name in ("AT", "ASSERT", "ASSERT_NOT") if _sre is not None)
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if _sre is not None and hasattr(_sre, name))
_MAX_VARIANTS = 16


def folded(text: str) -> str | None:
    """``text.lower()`` when that is, character for character, what ``re`` compares under
    IGNORECASE (so offsets into it are offsets into ``text``); None for the rare text where it is not."""
    lowered = text.lower()
    if len(lowered) != len(text) or _UNSAFE.search(lowered):
        return None
    return lowered


def _char(code: Any, ignorecase: bool) -> str | None:
    char = chr(code)
    if ignorecase:
        char = char.lower()
        if len(char) != 1 or _UNSAFE.match(char):
            return None
    return char


def _repeated_literal(av: Any, ignorecase: bool) -> str | None:
    """``c{n,}`` (n ≥ 1, a single literal): the literal n times (at most 8), else None."""
    if av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] is _sre.LITERAL:
        char = _char(av[2][0][1], ignorecase)
        return None if char is None else char * min(av[0], 8)
    return None


def _product(left: list[str], right: list[str]) -> list[str] | None:
    if len(left) * len(right) > _MAX_VARIANTS:
        return None
    return [a + b for a in left for b in right]


def _strings(items: list[Any], ignorecase: bool) -> list[str] | None:
    """Every string a sequence of literals, small character sets, optional parts and alternations
    of such can match (``kommun(?:en|ene)?`` → kommun, kommunen, kommunene); None if it is not
    such a sequence or has too many strings."""
    found = [""]
    for op, av in items:
        item = _item_strings(op, av, ignorecase)
        if item is None:
            return None
        found = _product(found, item)  # type: ignore[assignment]
        if found is None:
            return None
    return found


def _item_strings(op: Any, av: Any, ignorecase: bool) -> list[str] | None:
    if op in _ZERO_WIDTH:
        return [""]
    if op is _sre.LITERAL:
        char = _char(av, ignorecase)
        return None if char is None else [char]
    if op is _sre.IN:
        return _set_literals(av, ignorecase)
    if op is _sre.SUBPATTERN:
        return None if av[1] or av[2] else _strings(list(av[3]), ignorecase)
    if op is _sre.BRANCH:
        found: list[str] = []
        for alternative in av[1]:
            sub = _strings(list(alternative), ignorecase)
            if sub is None:
                return None
            found.extend(sub)
        return found if len(found) <= _MAX_VARIANTS else None
    if op in _REPEATS and av[1] == 1 and av[0] in (0, 1):
        sub = _strings(list(av[2]), ignorecase)
        return None if sub is None else ([""] if av[0] == 0 else []) + sub
    return None


def _set_literals(av: Any, ignorecase: bool, limit: int = 8) -> list[str] | None:
    """The characters of a character set made of at most ``limit`` single characters, else None."""
    chars: list[str] = []
    for kind, value in av:
        char = _char(value, ignorecase) if kind is _sre.LITERAL else None
        if char is None:
            return None
        chars.append(char)
    return chars if 0 < len(chars) <= limit else None


def _prefixes(items: list[Any], ignorecase: bool) -> list[str] | None:
    """Literal strings one of which starts every match of the parsed sequence ``items`` (None: unknown)."""
    runs = [""]
    for index, (op, av) in enumerate(items):
        strings = _item_strings(op, av, ignorecase)
        extended = _product(runs, strings) if strings is not None else None
        if extended is not None:
            runs = extended
            continue
        if any(runs):
            break
        if op in _REPEATS and av[0] == 0:  # optional: its own prefixes, or those of what follows
            own = _prefixes(list(av[2]), ignorecase)
            rest = _prefixes(items[index + 1:], ignorecase) if own else None
            return own + rest if own and rest else None
        if op is _sre.BRANCH:
            found: list[str] = []
            for alternative in av[1]:
                sub = _prefixes(list(alternative), ignorecase)
                if not sub:
                    return None
                found.extend(sub)
            return found
        if op is _sre.SUBPATTERN:
            return None if av[1] or av[2] else _prefixes(list(av[3]), ignorecase)
        if op in _REPEATS:
            repeated = _repeated_literal(av, ignorecase)
            if repeated is not None:
                return [repeated]
            return _prefixes(list(av[2]), ignorecase) if av[0] >= 1 else None
        return None
    return runs if all(runs) else None


def _suffixes(items: list[Any], ignorecase: bool) -> list[str] | None:
    """Literal strings one of which ends every match of the parsed sequence ``items`` (None: unknown)."""
    runs = [""]
    for index in range(len(items) - 1, -1, -1):
        op, av = items[index]
        strings = _item_strings(op, av, ignorecase)
        extended = _product(strings, runs) if strings is not None else None
        if extended is not None:
            runs = extended
            continue
        if any(runs):
            break
        if op in _REPEATS and av[0] == 0:  # optional: its own suffixes, or those of what precedes
            own = _suffixes(list(av[2]), ignorecase)
            rest = _suffixes(items[:index], ignorecase) if own else None
            return own + rest if own and rest else None
        if op is _sre.BRANCH:
            found: list[str] = []
            for alternative in av[1]:
                sub = _suffixes(list(alternative), ignorecase)
                if not sub:
                    return None
                found.extend(sub)
            return found
        if op is _sre.SUBPATTERN:
            return None if av[1] or av[2] else _suffixes(list(av[3]), ignorecase)
        if op in _REPEATS:
            repeated = _repeated_literal(av, ignorecase)
            if repeated is not None:
                return [repeated]
            return _suffixes(list(av[2]), ignorecase) if av[0] >= 1 else None
        return None
    return runs if all(runs) else None


def _end_literals(items: list[Any], ignorecase: bool) -> tuple[list[str], list[str]] | None:
    r"""(suffixes, contained): every match of ``items`` ends with one of the suffixes or contains one
    of the contained literals (None: unknown).  Alternatives that end in something else than a
    literal (``Helse\s+[A-Z]\w*``) contribute the literals they must contain."""
    suffixes = _suffixes(items, ignorecase)
    if suffixes:
        return suffixes, []
    consuming = [index for index, (op, _av) in enumerate(items) if op not in _ZERO_WIDTH]
    parts: list[list[Any]] = []
    if consuming:
        index = consuming[-1]
        op, av = items[index]
        if op is _sre.BRANCH:
            parts = [[*items[:index], *alternative] for alternative in av[1]]
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):
            parts = [[*items[:index], *av[3]]]
        elif op in _REPEATS and av[0] == 0:
            parts = [[*items[:index], *av[2]], items[:index]]
    ends: list[str] = []
    contained: list[str] = []
    for part in parts:
        found = _end_literals(part, ignorecase) if len(part) < len(items) or part != items else None
        if found is None:
            break
        ends.extend(found[0])
        contained.extend(found[1])
    else:
        if parts:
            return ends, contained
    required = _required(items, ignorecase)
    return ([], required) if required else None


def _score(literals: list[str] | None) -> tuple[int, int]:
    if not literals:
        return (-1, 0)
    return (min(map(len, literals)), -len(literals))


def _required(items: list[Any], ignorecase: bool) -> list[str] | None:
    """Literal strings one of which occurs in every match of the parsed sequence ``items``."""
    best: list[str] | None = None
    run = ""

    def consider(candidate: list[str] | None) -> None:
        nonlocal best
        if candidate and _score(candidate) > _score(best):
            best = candidate

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            char = _char(av, ignorecase)
            if char is not None:
                run += char
                continue
        consider([run] if run else None)
        run = ""
        if op is _sre.BRANCH:
            found: list[str] | None = []
            for alternative in av[1]:
                sub = _required(list(alternative), ignorecase)
                if not sub or found is None:
                    found = None
                    break
                found.extend(sub)
            consider(found)
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):
            consider(_required(list(av[3]), ignorecase))
        elif op in _REPEATS and av[0] >= 1:
            repeated = _repeated_literal(av, ignorecase)
            consider([repeated] if repeated is not None else _required(list(av[2]), ignorecase))
    consider([run] if run else None)
    return best


def _stretch_required(items: list[Any], ignorecase: bool) -> list[str] | None:
    """The strings of the best stretch of ``items`` made of literals, small sets, optional parts and
    small alternations (``høy?ring`` → høring, høyring; at most ``_MAX_STRETCH`` strings): one of them
    occurs in every match.  Finer than :func:`_required`, which reads runs of plain literals ("ring")."""
    best: list[str] | None = None
    run = [""]
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        strings = _item_strings(op, av, ignorecase)
        if strings is not None and len(run) * len(strings) <= _MAX_STRETCH:
            run = [a + b for a in run for b in strings]
            continue
        if all(run) and _score(run) > _score(best):
            best = run
        run = strings if strings is not None and len(strings) <= _MAX_STRETCH else [""]
    return run if all(run) and _score(run) > _score(best) else best


def _parsed(pattern: re.Pattern[str]) -> Any:
    if _parse is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a parser of another shape
        return None
    if bool(parsed.state.flags & re.IGNORECASE) != bool(pattern.flags & re.IGNORECASE):
        return None  # pragma: no cover
    return parsed


def _analyse(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """(prefixes, required literals) of ``pattern``, lower-cased under IGNORECASE; None where unknown."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None, None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    items = list(parsed)
    prefixes = _prefixes(items, ignorecase)
    required = _required(items, ignorecase)
    if _score(prefixes) > _score(required):
        required = prefixes
    return _fewest(prefixes, str.startswith), _fewest(required, str.__contains__)


def _fewest(literals: list[str] | None, covers: Any) -> tuple[str, ...] | None:
    """The literals without those another one covers: a literal that starts with (for prefixes)
    or contains (for required literals) another occurs only where that one does."""
    if not literals:
        return None
    unique = sorted(set(literals), key=lambda literal: (len(literal), literal))
    kept: list[str] = []
    for literal in unique:
        if not any(covers(literal, shorter) for shorter in kept):
            kept.append(literal)
    return tuple(sorted(kept))


_MAX_ROUTES = 64
_MAX_STRETCH = 4  # strings of one stretch of a route's required literal (each is looked for)
_GATED_PREFIX = 4  # a route is gated by its required literals only when a start literal is this short


def _routes(items: list[Any]) -> list[list[Any]]:
    r"""``items`` spelt out as the sequences its leading alternatives (and optional parts) make
    (``\b(?:a|b\w*c)d`` → ``\bad``, ``\bb\w*cd``), recursively; ``[items]`` when it does not begin
    with one or would give more than ``_MAX_ROUTES`` sequences.  For the analysis only (groups are
    dropped)."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.BRANCH:
            alternatives = [list(alternative) for alternative in av[1]]
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):
            alternatives = [list(av[3])]
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:  # an optional part: with it, or without
            alternatives = [list(av[2]), []]
        else:
            return [items]
        out: list[list[Any]] = []
        for alternative in alternatives:
            out.extend(_routes([*items[:index], *alternative, *items[index + 1:]]))
            if len(out) > _MAX_ROUTES:
                return [items]
        return out
    return [items]


def _word_heads(items: list[Any], ignorecase: bool) -> list[str] | None:
    r"""For a sequence ``\b\w*<literal>…``: the literals one of which follows the ``\w*``.  A match
    then starts at such a literal or at the start of the word that holds it (None: another shape)."""
    index = 0
    bounded = False
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        bounded = bounded or (items[index][0] is _sre.AT and items[index][1] is _sre.AT_BOUNDARY)
        index += 1
    if not bounded or index >= len(items):
        return None
    op, av = items[index]
    if op not in _REPEATS or list(av[2]) != [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]:
        return None
    return _prefixes(items[index + 1:], ignorecase)


class _Route:
    r"""Start literals of the matches that take some of a pattern's alternatives, looked for only
    when one of the literals those matches require occurs (``\btil\s+høring`` starts with the
    frequent "til" but requires the rarer "høring")."""

    __slots__ = ("prefixes", "required", "word_heads")

    def __init__(self, prefixes: tuple[str, ...], word_heads: tuple[str, ...], required: tuple[str, ...]) -> None:
        self.prefixes = prefixes
        self.word_heads = word_heads
        self.required = required


def _plan(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[_Route, ...]] | None:
    """(prefixes, word heads, gated routes) that together give every position a match of ``pattern``
    can start at (see :meth:`Prefilter.starts`); None when some alternative has no start literal."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    words = not pattern.flags & re.ASCII  # (the word heads read \w as str.isalnum does)
    routes = _routes(list(parsed))
    prefixes: list[str] = []
    heads: list[str] = []
    gated: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}  # required literals → starts
    for route in routes:
        own = _fewest(_prefixes(route, ignorecase), str.startswith)
        own_heads = None if own or not words else _fewest(_word_heads(route, ignorecase), str.startswith)
        starts = own or own_heads
        if not starts:
            return None
        required = None
        if len(routes) > 1:
            best = max(_required(route, ignorecase), _stretch_required(route, ignorecase), key=_score)
            required = _fewest(best, str.__contains__)
        if required and min(map(len, starts)) <= _GATED_PREFIX and _score(list(required)) > _score(list(starts)):
            route_prefixes, route_heads = gated.setdefault(required, ([], []))
        else:
            route_prefixes, route_heads = prefixes, heads
        route_prefixes.extend(own or ())
        route_heads.extend(own_heads or ())
    return (_fewest(prefixes, str.startswith) or (), _fewest(heads, str.startswith) or (),
            tuple(_Route(_fewest(p, str.startswith) or (), _fewest(h, str.startswith) or (), required)
                  for required, (p, h) in gated.items()))


_LONG_STRETCH = 2000  # stretches at least this long are screened by their haystack's vocabulary
_VOCABULARIES: dict[int, tuple[str, str]] = {}
_MAX_VOCABULARIES = 8
_MANY_LITERALS = 6  # a pattern that looks for this many literals has a vocabulary built for it
_UNBROKEN: dict[str, bool] = {}


def _vocabulary(haystack: str, build: bool = True) -> str | None:
    """The distinct white-space separated tokens of ``haystack``, one a line (remembered for the
    last few haystacks, by identity; when not yet known and not ``build``, None).  A literal
    without white space lies within one token wherever it occurs, so it occurs in the haystack
    exactly when it occurs in this string, which is a few times shorter than a document (whose
    words repeat) and is made by ``str.split`` at C speed."""
    found = _VOCABULARIES.get(id(haystack))
    if found is None or found[0] is not haystack:
        if not build:
            return None
        if len(_VOCABULARIES) >= _MAX_VOCABULARIES:
            _VOCABULARIES.clear()
        found = _VOCABULARIES[id(haystack)] = (haystack, "\n".join(set(haystack.split())))
    return found[1]


def _unbroken(literal: str) -> bool:
    """Whether ``literal`` is one token by ``str.split``: not empty, without white space (remembered)."""
    known = _UNBROKEN.get(literal)
    if known is None:
        known = _UNBROKEN[literal] = literal.split() == [literal]
    return known


def _may_occur(literal: str, haystack: str, pos: int, end: int, words: str, whole: bool) -> bool:
    """Whether ``literal`` occurs wholly in ``haystack[pos:end]`` (``whole``: that is all of it),
    asking its vocabulary ``words`` first."""
    if _unbroken(literal):
        if literal not in words:
            return False
        if whole:
            return True
    return haystack.find(literal, pos, end) >= 0


def literal_prefixes(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The literals (lower-cased under IGNORECASE) one of which starts every match, or None."""
    return _analyse(pattern)[0]


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The literals (lower-cased under IGNORECASE) one of which occurs in every match, or None."""
    return _analyse(pattern)[1]


class Prefilter:
    """A compiled pattern with its prefixes and required literals (see the module docstring).

    Methods take the text and its lower-cased form from :func:`folded` (``low``; None when there
    is none) and return exactly what the plain pattern returns.
    """

    __slots__ = ("gated", "ignorecase", "many", "pattern", "prefixes", "required", "screen", "word_heads")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.ignorecase = bool(pattern.flags & re.IGNORECASE)
        self.prefixes, self.required = _analyse(pattern)
        # Where matches can start: the prefixes, or (for alternatives such as \b\w*avtal…) the
        # words that hold the word heads, and the starts of gated routes whose required literals occur.
        self.word_heads: tuple[str, ...] = ()
        self.gated: tuple[_Route, ...] = ()
        plan = _plan(pattern)
        if plan is not None and (plan[1] or plan[2] or self.prefixes is None):
            self.prefixes, self.word_heads, self.gated = plan
        # Fewer required literals than literals looked for (``ansvar``, ``plikt`` against the five
        # phrases that start with "har", "er", "plikter" …): looked for first, to pass by a text quickly.
        looked_for = len(self.prefixes or ()) + len(self.word_heads) + sum(len(r.required) for r in self.gated)
        self.screen: tuple[str, ...] | None = (
            self.required if self.required is not None and len(self.required) < looked_for else None)
        # Building a haystack's vocabulary costs about as much as scanning it for a few literals:
        # worth it for a pattern that looks for many (the next ones share it).
        self.many = looked_for >= _MANY_LITERALS

    def haystack(self, text: str, low: str | None) -> str | None:
        """Where the literals are looked up: ``low`` under IGNORECASE, else ``text``."""
        return low if self.ignorecase else text

    @staticmethod
    def _occurrences(literals: tuple[str, ...], haystack: str, pos: int, endpos: int | None = None,
                     words: str | None = None) -> list[int]:
        """Sorted starts of the literals' occurrences that lie wholly in ``haystack[pos:endpos]``
        (``words``: the haystack's :func:`_vocabulary`, to pass by absent word literals unscanned)."""
        found: set[int] = set()
        find = haystack.find
        end = len(haystack) if endpos is None else endpos
        for literal in literals:
            if words is not None and _unbroken(literal) and literal not in words:
                continue
            at = find(literal, pos, end)
            while at >= 0:
                found.add(at)
                at = find(literal, at + 1, end)
        return sorted(found)

    def starts(self, text: str, haystack: str, pos: int, end: int) -> list[int]:
        """Sorted positions in ``text[pos:end]`` where a match may start (every one where one does):
        the occurrences of the prefixes that lie wholly in the stretch, and for the word heads
        each occurrence and the start of the word it is in.  (Requires ``self.prefixes`` not None.)

        In a long stretch most literals do not occur, and finding that out scans all of it; the
        haystack's vocabulary (:func:`_vocabulary`) rules out absent word literals far sooner."""
        words = _vocabulary(haystack, self.many) if end - pos >= _LONG_STRETCH else None
        if words is None:
            if self.screen is not None and not any(haystack.find(literal, pos, end) >= 0 for literal in self.screen):
                return []
        elif self.screen is not None:
            whole = pos == 0 and end == len(haystack)
            if not any(_may_occur(literal, haystack, pos, end, words, whole) for literal in self.screen):
                return []
        prefixes = self.prefixes or ()
        heads = self.word_heads
        for route in self.gated:
            if words is None:
                if not any(haystack.find(literal, pos, end) >= 0 for literal in route.required):
                    continue
            elif not any(_may_occur(literal, haystack, pos, end, words, pos == 0 and end == len(haystack))
                         for literal in route.required):
                continue
            prefixes += route.prefixes
            heads += route.word_heads
        if not heads:
            return self._occurrences(prefixes, haystack, pos, end, words)
        found = set(self._occurrences(prefixes, haystack, pos, end, words))
        for at in self._occurrences(heads, haystack, pos, end, words):
            found.add(at)
            while at > pos and (text[at - 1].isalnum() or text[at - 1] == "_"):  # re's \w
                at -= 1
            found.add(at)
        return sorted(found)

    def finditer(self, text: str, low: str | None, pos: int = 0,
                 endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text, pos, endpos)``."""
        haystack = self.haystack(text, low)
        end = len(text) if endpos is None else endpos
        if haystack is None or self.prefixes is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        match = self.pattern.match
        free = pos
        for start in self.starts(text, haystack, pos, end):
            if start < free:
                continue
            found = match(text, start, end)
            if found is not None:
                yield found
                free = found.end()  # never empty: it holds a prefix or word head

    def search(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        """``self.pattern.search(text, pos)``."""
        haystack = self.haystack(text, low)
        if haystack is None or self.prefixes is None:
            return self.pattern.search(text, pos) if self.may_match(text, low) else None
        match = self.pattern.match
        for start in self.starts(text, haystack, pos, len(text)):
            found = match(text, start)
            if found is not None:
                return found
        return None

    def may_match(self, text: str, low: str | None) -> bool:
        """False only when the pattern cannot match anywhere in ``text`` (``low = folded(text)``)."""
        haystack = self.haystack(text, low)
        if haystack is None or self.required is None:
            return True
        return any(literal in haystack for literal in self.required)


class EndGate:
    r"""Where a match of a pattern may end: :meth:`may_end_at` is False only when no match of the
    pattern (searched in ``text``) ends at ``end``.  For patterns anchored at the end of a text
    (``(?P<party>…)\s*$``), where a search otherwise tries every start."""

    __slots__ = ("contained", "ignorecase", "suffixes")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.ignorecase = bool(pattern.flags & re.IGNORECASE)
        parsed = _parsed(pattern)
        found = _end_literals(list(parsed), self.ignorecase) if parsed is not None else None
        if found is not None and any(not s or s[-1].isspace() for s in found[0]):
            found = None  # (a suffix ending in white space could end later than asked)
        self.suffixes: tuple[str, ...] | None = tuple(sorted(set(found[0]))) if found else None
        self.contained: tuple[str, ...] = tuple(sorted(set(found[1]))) if found else ()

    def may_end_at(self, text: str, low: str | None, end: int) -> bool:
        """False only when no match in ``text`` ends at ``end`` (``low`` is ``folded(text)``)."""
        haystack = low if self.ignorecase else text
        if haystack is None or self.suffixes is None:
            return True
        if haystack.endswith(self.suffixes, 0, end):
            return True
        return any(literal in haystack for literal in self.contained)


_PREFILTERS: dict[int, tuple[re.Pattern[str], Prefilter]] = {}
_MAX_PREFILTERS = 1024


def prefilter(pattern: re.Pattern[str]) -> Prefilter:
    """The (cached) :class:`Prefilter` of a compiled pattern.

    Looked up by the pattern's identity: hashing a compiled pattern hashes its whole compiled
    code (several kilobytes for the party and topic patterns), which cost more than many a search.
    The cache keeps each pattern it holds, so an id is not reused while its entry stands."""
    found = _PREFILTERS.get(id(pattern))
    if found is None or found[0] is not pattern:
        if len(_PREFILTERS) >= _MAX_PREFILTERS:
            _PREFILTERS.clear()
        found = _PREFILTERS[id(pattern)] = (pattern, Prefilter(pattern))
    return found[1]


class Gate:
    """Which stretches of one text a pattern may match in: built once per text and pattern, then
    asked for many stretches (sentences, passages) at the cost of a bisection each."""

    __slots__ = ("_ends", "_starts", "always")

    def __init__(self, pattern: re.Pattern[str], text: str, low: str | None) -> None:
        pf = prefilter(pattern)
        haystack = pf.haystack(text, low)
        self.always = haystack is None or pf.required is None
        self._starts: list[int] = []
        self._ends: list[int] = []
        if haystack is not None and pf.required is not None:
            hits: list[tuple[int, int]] = []
            find = haystack.find
            # (a literal missing from a long text's vocabulary is not looked for in the text itself)
            words = (_vocabulary(haystack, len(pf.required) >= _MANY_LITERALS)
                     if len(haystack) >= _LONG_STRETCH else None)
            for literal in pf.required:
                if words is not None and _unbroken(literal) and literal not in words:
                    continue
                size = len(literal)
                at = find(literal)
                while at >= 0:
                    hits.append((at, at + size))
                    at = find(literal, at + 1)
            hits.sort()
            self._starts = [start for start, _ in hits]
            self._ends = [end for _, end in hits]

    def may_match(self, start: int, end: int) -> bool:
        """False only when the pattern cannot match in ``text[start:end]`` (searched on its own or
        as part of the text)."""
        if self.always:
            return True
        index = bisect.bisect_left(self._starts, start)
        ends = self._ends
        starts = self._starts
        while index < len(starts) and starts[index] < end:
            if ends[index] <= end:
                return True
            index += 1
        return False
