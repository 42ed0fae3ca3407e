"""The name lexicon behind :func:`samrev.registry.match`: a token trie, built once per structure.

Every recognised name form is split into tokens (words and single punctuation marks, the same
tokenizer as the matcher uses) and stored as a path of casefolded token keys in a nested-dict
trie.  Matching walks the trie from each token of the text, so a 150k-character document costs
one pass over its ~25k tokens with a dict look-up per step, whatever the number of names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from samrev.registry import load, lookup
from samrev.registry.model import EntityKind

#: A token: a run of word characters (with combining marks, for decomposed Sami letters) or one
#: non-space symbol.  Everything that is not whitespace belongs to exactly one token.
TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+|[^\w\s]")

KEY_TRANSLATION = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                                  "\u2212": "-", "\u2019": "'", "\u00b4": "'"})

TERMINAL = ""  # key of the entry list in a trie node (no token is empty)


def token_key(token: str) -> str:
    """The trie key of a token: NFC, casefolded, dashes and apostrophes unified."""
    return unicodedata.normalize("NFC", token).translate(KEY_TRANSLATION).casefold()


def tokenize(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


@dataclass(frozen=True, slots=True)
class Target:
    """One organisation an entry can stand for."""

    id: str
    canonical: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    """A name form in the trie.

    ``tokens`` keeps the original spelling for the case checks.  ``abbreviation`` entries match
    case-sensitively; ``weak`` ones only count when the same text also names the organisation in
    full.  ``ambiguous`` names (common words, surnames, names shared by two municipalities) need
    context; ``self_identifying`` forms (``Guovdageainnu suohkan``) never do.
    """

    kind: EntityKind
    targets: tuple[Target, ...]
    tokens: tuple[str, ...]
    abbreviation: bool = False
    weak: bool = False
    ambiguous: bool = False
    self_identifying: bool = False

    @property
    def capitals(self) -> tuple[int, ...]:
        """Positions of the words that must be capitalised in the text."""
        return _capitals(self.tokens)

    @property
    def priority(self) -> int:
        """Which kind wins when one path names several: organisations before places."""
        return _PRIORITY[self.kind]


#: :attr:`Entry.priority` by kind (a module constant: the property is asked once per match).
_PRIORITY: dict[str, int] = {"health_trust": 0, "rhf": 0, "private_hospital": 0, "site": 1, "county": 2,
                             "municipality": 3}


Trie = dict[str, Any]


@lru_cache(maxsize=8192)
def _capitals(tokens: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(i for i, token in enumerate(tokens) if token[:1].isupper())


@dataclass(frozen=True, slots=True)
class Lexicon:
    structure: int
    trie: Trie
    root_keys_by_length: dict[int, tuple[str, ...]]
    first_keys: frozenset[str]  # keys that can begin a name, with genitive -s forms of one-word names


def _insert(trie: Trie, entry: Entry) -> None:
    node = trie
    for token in entry.tokens:
        node = node.setdefault(token_key(token), {})
    bucket: list[Entry] = node.setdefault(TERMINAL, [])
    for i, existing in enumerate(bucket):
        same = (existing.kind == entry.kind and existing.tokens == entry.tokens
                and existing.abbreviation == entry.abbreviation)
        if same:
            merged = existing.targets + tuple(t for t in entry.targets if t not in existing.targets)
            bucket[i] = Entry(existing.kind, merged, existing.tokens, existing.abbreviation,
                              existing.weak and entry.weak, existing.ambiguous or len(merged) > 1,
                              existing.self_identifying and entry.self_identifying)
            return
    bucket.append(entry)


def _municipality_entries(structure: int) -> list[Entry]:
    ambiguous = load.ambiguous_names()
    munis = load.municipalities_of(structure)
    by_norwegian = {lookup.normalise(m.name): m for m in munis}
    out: list[Entry] = []
    for m in munis:
        target = Target(m.number, m.name, m.county_number)
        for name in m.all_names:
            out.append(Entry("municipality", (target,), tuple(tokenize(name)),
                             ambiguous=name.casefold() in ambiguous))
    for variant in load.name_variants():
        m_or_none = by_norwegian.get(lookup.normalise(variant.municipality_name))
        if m_or_none is not None:
            target = Target(m_or_none.number, m_or_none.name, m_or_none.county_number)
            words = tuple(tokenize(variant.variant))
            out.append(Entry("municipality", (target,), words, self_identifying=True))
    return out


def _county_entries(structure: int) -> list[Entry]:
    municipality_names = {lookup.normalise(m.name) for m in load.municipalities_of(structure)}
    names: dict[str, list[str]] = {}
    for c in load.counties_all():
        for name in (c.name, *(n for n, _ in c.other_names)):
            if lookup.normalise(name) not in municipality_names:  # Oslo is matched as a municipality
                names.setdefault(name, [])
    out = []
    for name in names:
        chosen = lookup.county(name, structure)
        out.append(Entry("county", (Target(chosen.number, chosen.name, None),), tuple(tokenize(name))))
    return out


def _trust_entries() -> list[Entry]:
    out: list[Entry] = []
    for trust in load.health_trusts_all():
        target = Target(trust.id, trust.name, trust.rhf)
        kind = trust.entity_kind
        for form in lookup.trust_name_forms(trust):
            out.append(Entry(kind, (target,), tuple(tokenize(form))))
        for abbr, weak in [*((a, False) for a in trust.abbreviations),
                           *((a, True) for a in trust.weak_abbreviations)]:
            forms = [abbr]
            if trust.kind in ("hf", "support") and not abbr.endswith("HF"):
                forms.append(f"{abbr} HF")  # «UNN HF», «OUS HF»
            for form in forms:
                out.append(Entry(kind, (target,), tuple(tokenize(form)), abbreviation=True, weak=weak))
    for site in load.sites_all():
        target = Target(site.id, site.name, site.health_trust)
        for form in (site.name, *site.aliases):
            for variant in lookup.spelling_variants(form):
                out.append(Entry("site", (target,), tuple(tokenize(variant))))
        for abbr in site.abbreviations:
            out.append(Entry("site", (target,), tuple(tokenize(abbr)), abbreviation=True))
        for abbr in site.weak_abbreviations:
            out.append(Entry("site", (target,), tuple(tokenize(abbr)), abbreviation=True, weak=True))
    return out


@lru_cache(maxsize=2)
def lexicon(structure: int) -> Lexicon:
    """The trie of every municipality, county, trust and site name for one structure."""
    trie: Trie = {}
    for entry in (*_municipality_entries(structure), *_county_entries(structure), *_trust_entries()):
        if entry.tokens:
            _insert(trie, entry)
    by_length: dict[int, list[str]] = {}
    for key in trie:
        if key != TERMINAL and len(key) >= 4:
            by_length.setdefault(len(key), []).append(key)
    first = {key for key in trie if key != TERMINAL}
    first |= {key + "s" for key in first if TERMINAL in trie[key]}
    return Lexicon(structure, trie, {n: tuple(keys) for n, keys in by_length.items()}, frozenset(first))
