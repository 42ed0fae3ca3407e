"""Finding municipalities, counties, health trusts and hospitals named in free text.

:func:`match` tokenizes the text once, walks the name trie (:mod:`samrev.registry.lexicon`) from
every token, keeps the longest name at each place (``Helse Førde helseføretak`` is one entity,
not ``Helse Førde`` + a county), and then decides, name by name, whether the context supports it.

Acceptance rules
================
Case
    A name matches only when every word that is capitalised in the official form is capitalised
    (or written in capitals) in the text: ``lund og hole`` is never a municipality.
    Abbreviations (``UNN``, ``OUS``, ``SSHF``, ``Ahus``) match case-sensitively, as whole words.
Weak abbreviations
    Two- and three-letter abbreviations that are also ordinary tokens (``SI``, ``SØ``, ``VV``,
    ``HUS``, ``LDS``) count only when the same text also names that organisation in full.
Genitive
    A final ``-s`` is allowed (``Bergens``, ``Nordlandssykehusets``); the span then includes it.
Municipality words
    A municipality name is accepted whatever the name when it is (a) followed by a word for
    municipality (``kommune``, ``kommunes``, ``kommunen``, ``kommunestyret``, ``kommunar`` …,
    ``suohkan``, ``gielda``, ``tjïelte``, ``komuuni``), or (b) part of a list — names joined by
    ``,``, ``og``, ``eller``, ``samt``, ``/``, ``&`` — that is preceded by a plural word for
    municipalities (``kommunene``, ``kommunane``, ``kommuner`` …) or followed by a word for
    municipality (``Stryn og Gloppen kommunar``).  Self-identifying forms (``Guovdageainnu
    suohkan``) are always accepted.
Bare names
    Without such a word, a name is accepted when it is *unambiguous*: it is not in
    ``data/tvetydige_navn.csv`` (names that are common words, first names or surnames: Time,
    Lund, Hole, Nes, Moss, Bø, Sel, Vang, Lom, Hå, Ås, Hol, Ål, Gol, Våler, Strand, Fjord, Sola,
    Frøya, Vik, Kvam, Voss, Herøy, Os, Grue, Alta …) and is not shared by two municipalities.
    An *ambiguous* bare name is accepted only (a) right after a place preposition (``i``,
    ``på``, ``fra``, ``frå``, ``til``, ``ved``, ``mellom``, ``utenfor``, ``utanfor``) and written
    with a capital initial, not in capitals; or (b) in a list that also holds an accepted
    unambiguous place (``Klepp, Time og Hå``).  It is rejected when the word before it is a
    capitalised word in mid-sentence (a first name: ``Kari Lund``).
Shared names
    A name shared by two municipalities (Herøy, Våler) is resolved by a county named within
    200 characters (``Herøy kommune i Nordland``), else by a health trust named in the text whose
    catchment holds exactly one of them; otherwise one match per candidate is returned, each
    with ``ambiguous=True``.
Fuzzy matching (``fuzzy=True``)
    For OCR noise only: a word of five letters or more that is not a known name word may match
    one with a similarity of at least ``fuzzy_threshold`` (rapidfuzz ratio on diacritic-folded
    words, 0–100, default 88).  The first word of a name must still be capitalised; later words
    (``Sykehuset lnnlandet``) may differ in case.  All the rules above still apply; such matches
    carry ``score < 100`` and ``+ fuzzy`` in ``rule``.

Known limits
    A place preposition before a surname or a foreign place with a municipality's name is taken
    as the municipality (``til Lund i Sverige``).  Oslo is reported as a municipality, never as
    the county.  Districts (bydeler) are not entities.

Spans are Python ``str`` indices into the text given: ``text[m.start:m.end] == m.surface``.
A municipality's span covers its name only, not the word ``kommune``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate, compress

from samrev.registry import lookup
from samrev.registry.lexicon import (
    KEY_TRANSLATION,
    TERMINAL,
    TOKEN_RE,
    Entry,
    Lexicon,
    Trie,
    lexicon,
    token_key,
)
from samrev.registry.model import EntityMatch

_MAX_GAP = 12  # characters of whitespace allowed between the words of one name
_MUNICIPALITY_AFTER = re.compile(r"^(?:(?!fylke)\w*kommun\w*|suohkan|gielda|tjïelte|komuuni)$")
_MUNICIPALITIES_BEFORE = re.compile(r"^\w*kommun(?:en|ene|er|ar|ane)$")
_SEPARATORS = frozenset({",", "og", "eller", "samt", "/", "&", "+"})
_PREPOSITIONS = frozenset({"i", "på", "fra", "frå", "til", "ved", "mellom", "utenfor", "utanfor"})
_SENTENCE_MARKS = frozenset({".", "!", "?", ":", ";", "•", "«", "»", '"', "(", "-", "*", "§"})
_PLACE_KINDS = frozenset({"municipality", "county"})
_CONTEXT_WINDOW = 200
_TRANSLATED = re.compile("[" + "".join(chr(c) for c in KEY_TRANSLATION) + "]")
_REPLACEMENTS = tuple((chr(c), str(target)) for c, target in KEY_TRANSLATION.items())
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")


class _Text:
    """The tokens of a text as parallel lists (cheap to build for 150k characters).

    ``parts`` is ``[gap0, word0, gap1, word1, …, gapN]``: word ``i`` is ``parts[2 * i + 1]`` and
    the white space before it is ``parts[2 * i]``.  Offsets are not computed for every word: only
    the few words that start an accepted name need them, and :meth:`spans` finds those with one
    running sum (a list of every word's offsets, made by :attr:`offsets`, is built only when some
    word is asked for out of order).
    """

    __slots__ = ("_offsets", "keys", "parts", "words")

    def __init__(self, text: str) -> None:
        # one char for one char, so offsets are kept; skipped when there is nothing to translate
        # (``str.replace`` per character is ``text.translate(KEY_TRANSLATION)``, many times faster)
        normalised = text
        if _TRANSLATED.search(text):
            for source, target in _REPLACEMENTS:
                if source in normalised:
                    normalised = normalised.replace(source, target)
        # one C-level pass gives the words and the white space between them
        self.parts: list[str] = _SPLIT_RE.split(normalised)
        self.words: list[str] = self.parts[1::2]
        self._offsets: list[int] | None = None
        if unicodedata.is_normalized("NFC", normalised):
            self.keys: list[str] = list(map(str.casefold, self.words))
        else:
            self.keys = [token_key(word) for word in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, j: int) -> int:
        """The length of the white space before word ``j``."""
        return len(self.parts[2 * j])

    @property
    def offsets(self) -> list[int]:
        """For word ``i``, its start at ``2 * i`` and its end at ``2 * i + 1`` (built on first use)."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self.parts)))
        return self._offsets

    def start(self, i: int) -> int:
        return self.offsets[2 * i]

    def end(self, i: int) -> int:
        return self.offsets[2 * i + 1]

    def spans(self, stretches: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """(start, end) in the text of each stretch of words ``[first, last)``, the stretches in
        text order: one running sum over the part lengths instead of every word's offsets."""
        parts = self.parts
        out: list[tuple[int, int]] = []
        index = position = 0  # position == sum(len(part) for part in parts[:index])
        for first, last in stretches:
            head = 2 * first + 1
            if head < index:  # out of order (never, for the candidates of one scan)
                offsets = self.offsets
                return [(offsets[2 * a], offsets[2 * b - 1]) for a, b in stretches]
            position += sum(map(len, parts[index:head]))
            index = 2 * last
            end = position + sum(map(len, parts[head:index]))
            out.append((position, end))
            position = end
        return out


@dataclass(slots=True)
class _Candidate:
    first: int  # token index
    last: int  # token index, exclusive
    entries: list[Entry]
    score: float = 100.0
    accepted: list[Entry] = field(default_factory=list)
    rule: str = ""


def _case_ok(entry: Entry, words: list[str], first: int, genitive: bool, fuzzed: set[int]) -> bool:
    """Capitalised name words must be capitalised in the text (words matched fuzzily excepted)."""
    if entry.abbreviation:
        if genitive or fuzzed:
            return False
        return all(words[first + k] == expected for k, expected in enumerate(entry.tokens))
    for position in entry.capitals:
        if not words[first + position][:1].isupper() and position not in fuzzed:
            return False
    return True


_FOLD = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ŋ": "n", "ŧ": "t", "ß": "ss"})


def _fold(text: str) -> str:
    """Lower-case ASCII-ish form for fuzzy comparison (OCR often drops diacritics)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fuzzy_child(node: Trie, key: str, threshold: float, lex: Lexicon,
                 at_root: bool) -> tuple[str, float] | None:
    from rapidfuzz import fuzz, process

    if at_root:
        choices: list[str] = []
        for length in range(len(key) - 2, len(key) + 3):
            choices.extend(lex.root_keys_by_length.get(length, ()))
    else:
        choices = [k for k in node if k != TERMINAL and len(k) >= 4]
    if not choices:
        return None
    best = process.extractOne(key, choices, scorer=fuzz.ratio, processor=_fold, score_cutoff=threshold)
    if best is None:
        return None
    found = str(best[0])
    return found, min(float(fuzz.ratio(key, found)), 99.9)  # report the similarity before folding


def _walk(tx: _Text, i: int, lex: Lexicon, fuzzy: bool, threshold: float,
          memo: dict[str, tuple[str, float] | None] | None = None) -> _Candidate | None:
    """The longest name starting at word ``i`` whose case fits, if any."""
    node: Trie = lex.trie
    best: _Candidate | None = None
    score = 100.0
    fuzzed: set[int] = set()
    keys, words, parts = tx.keys, tx.words, tx.parts
    size = len(keys)
    j = i
    while j < size:
        if j > i and len(parts[2 * j]) > _MAX_GAP:
            break
        key = keys[j]
        if len(key) > 2 and key[-1] == "s":  # genitive: Bergens, Sykehuset Innlandets
            stem = node.get(key[:-1])
            if stem is not None and TERMINAL in stem:
                ok = [e for e in stem[TERMINAL] if _case_ok(e, words, i, True, fuzzed)]
                if ok:
                    best = _Candidate(i, j + 1, ok, score)
        child = node.get(key)
        if child is None and not fuzzy:
            break
        if child is None and len(key) >= 5 and key.isalpha() and (j > i or words[j][:1].isupper()):
            if node is lex.trie and memo is not None:  # first words repeat: look each up once
                if key not in memo:
                    memo[key] = _fuzzy_child(node, key, threshold, lex, True)
                found = memo[key]
            else:
                found = _fuzzy_child(node, key, threshold, lex, node is lex.trie)
            if found is not None:
                child = node[found[0]]
                score = min(score, found[1])
                fuzzed.add(j - i)
        if child is None:
            break
        node = child
        if TERMINAL in node:
            ok = [e for e in node[TERMINAL] if _case_ok(e, words, i, False, fuzzed)]
            if ok:
                best = _Candidate(i, j + 1, ok, score)
        j += 1
    return best


def _scan(tx: _Text, lex: Lexicon, fuzzy: bool, threshold: float) -> list[_Candidate]:
    out: list[_Candidate] = []
    if fuzzy:
        words = tx.words
        starts = [i for i, key in enumerate(tx.keys)
                  if key in lex.first_keys or (len(key) >= 5 and words[i][:1].isupper())]
    else:  # the words that can begin a name, found at C speed
        starts = list(compress(range(len(tx.keys)), map(lex.first_keys.__contains__, tx.keys)))
    next_free = 0
    memo: dict[str, tuple[str, float] | None] = {}
    for i in starts:
        if i < next_free:
            continue
        candidate = _walk(tx, i, lex, fuzzy, threshold, memo)
        if candidate is not None:
            out.append(candidate)
            next_free = candidate.last
    return out


def _sentence_initial(tx: _Text, i: int) -> bool:
    return i == 0 or tx.words[i - 1] in _SENTENCE_MARKS


def _place_entries(c: _Candidate) -> list[Entry]:
    return [e for e in c.entries if e.kind in _PLACE_KINDS]


def _runs(tx: _Text, candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Groups of place names joined only by list separators."""
    runs: list[list[_Candidate]] = []
    for c in candidates:
        if not _place_entries(c):
            continue
        if runs:
            between = tx.keys[runs[-1][-1].last:c.first]
            if 0 < len(between) <= 2 and all(key in _SEPARATORS for key in between):
                runs[-1].append(c)
                continue
        runs.append([c])
    return runs


def _trigger_before(tx: _Text, c: _Candidate) -> bool:
    """A plural word for municipalities before the list, or ``kommune:`` (a form field)."""
    k = c.first - 1
    if k >= 0 and tx.words[k] == ":":
        return k >= 1 and (tx.keys[k - 1] == "kommune" or bool(_MUNICIPALITIES_BEFORE.match(tx.keys[k - 1])))
    return k >= 0 and bool(_MUNICIPALITIES_BEFORE.match(tx.keys[k]))


def _trigger_after(tx: _Text, c: _Candidate) -> bool:
    return c.last < len(tx) and bool(_MUNICIPALITY_AFTER.match(tx.keys[c.last]))


def _looks_like_person(tx: _Text, c: _Candidate) -> bool:
    """The word before is a capitalised word in mid-sentence (``Kari Lund``)."""
    k = c.first - 1
    if k < 0:
        return False
    prev = tx.words[k]
    return (prev[:1].isupper() and prev.isalpha() and tx.keys[k] not in _PREPOSITIONS
            and not _sentence_initial(tx, k))


def _all_caps(tx: _Text, c: _Candidate) -> bool:
    letters = "".join(w for w in tx.words[c.first:c.last] if w.isalpha())
    return len(letters) > 1 and letters.isupper()


def _accept_run(tx: _Text, run: list[_Candidate]) -> None:
    trigger = _trigger_before(tx, run[0]) or _trigger_after(tx, run[-1])
    for c in run:
        for entry in _place_entries(c):
            if entry.self_identifying:
                c.accepted.append(entry)
                c.rule = "egen navneform"
            elif entry.kind == "county" or not entry.ambiguous:
                c.accepted.append(entry)
                c.rule = c.rule or ("kommuneord" if trigger else "entydig navn")
            elif trigger and not (_looks_like_person(tx, c) and not _trigger_after(tx, c)):
                c.accepted.append(entry)
                c.rule = "kommuneord"
    anchored = any(e.kind == "county" or not e.ambiguous for c in run for e in c.accepted)
    for c in run:
        if c.accepted:
            continue
        for entry in _place_entries(c):
            if _all_caps(tx, c) or _looks_like_person(tx, c):
                continue
            prev = tx.keys[c.first - 1] if c.first > 0 else ""
            if prev in _PREPOSITIONS and c is run[0]:
                c.accepted.append(entry)
                c.rule = "stedspreposisjon"
            elif anchored and len(run) > 1:
                c.accepted.append(entry)
                c.rule = "liste"


def _accept(tx: _Text, candidates: list[_Candidate]) -> list[_Candidate]:
    for run in _runs(tx, candidates):
        _accept_run(tx, run)
    strong_ids: set[str] = set()
    for c in candidates:
        for entry in c.entries:
            if entry.kind in _PLACE_KINDS or entry.weak:
                continue
            c.accepted.append(entry)
            c.rule = c.rule or ("forkortelse" if entry.abbreviation else "navn")
            strong_ids.update(t.id for t in entry.targets)
    for c in candidates:
        for entry in c.entries:
            if entry.weak and any(t.id in strong_ids for t in entry.targets):
                c.accepted.append(entry)
                c.rule = c.rule or "forkortelse (definert i teksten)"
    return [c for c in candidates if c.accepted]


def _disambiguate(entry: Entry, c: _Candidate, tx: _Text, accepted: list[_Candidate],
                  structure: int) -> tuple[list[str], str]:
    """Target ids kept for a name shared by several municipalities, and the reason."""
    ids = [t.id for t in entry.targets]
    start, end = tx.start(c.first), tx.end(c.last - 1)
    for other in accepted:
        if other is c:
            continue
        if not start - _CONTEXT_WINDOW <= tx.start(other.first) <= end + _CONTEXT_WINDOW:
            continue
        for e in other.accepted:
            if e.kind == "county":
                members = lookup.county_members(e.targets[0].id, structure)
                kept = [i for i in ids if i in members]
                if len(kept) == 1:
                    return kept, "fylke i konteksten"
    trust_ids = {t.id for o in accepted for e in o.accepted
                 if e.kind in ("health_trust", "private_hospital") for t in e.targets}
    if trust_ids:
        kept = [i for i in ids
                if any(ht.id in trust_ids for ht, _ in lookup.catchment(i, structure))]
        if len(kept) == 1:
            return kept, "helseforetak i teksten"
    return ids, ""


def match(text: str, year: int = 2024, *, fuzzy: bool = False,
          fuzzy_threshold: float = 88.0) -> list[EntityMatch]:
    """Organisations named in ``text``, in text order (see the module docstring for the rules).

    ``year`` chooses the municipality structure (2020–2023 → 2020, 2024 on → 2024).
    """
    structure = lookup.structure_for_year(year)
    lex = lexicon(structure)
    tx = _Text(text)
    accepted = _accept(tx, _scan(tx, lex, fuzzy, fuzzy_threshold))
    out: list[EntityMatch] = []
    spans = tx.spans([(c.first, c.last) for c in accepted])
    for c, (start, end) in zip(accepted, spans, strict=True):
        # (most spans have one accepted entry naming one organisation: no ranking, no filtering)
        entry = c.accepted[0] if len(c.accepted) == 1 else min(c.accepted, key=_priority)
        rule = c.rule + " + fuzzy" if c.score < 100 else c.rule
        chosen = entry.targets
        if len(chosen) > 1:
            ids = [t.id for t in chosen]
            if entry.kind == "municipality":
                ids, why = _disambiguate(entry, c, tx, accepted, structure)
                rule = f"{rule}; {why}" if why else rule
            chosen = tuple(t for t in chosen if t.id in ids)
        surface = text[start:end]
        score = round(c.score, 1)
        for target in chosen:
            out.append(EntityMatch(kind=entry.kind, id=target.id, canonical=target.canonical, start=start,
                                   end=end, surface=surface, parent=target.parent,
                                   ambiguous=len(chosen) > 1, rule=rule, score=score))
    return out


def _priority(entry: Entry) -> int:
    return entry.priority
