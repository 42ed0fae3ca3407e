"""Obligation strength of a sentence from its modal verbs and obligation phrases (nb and nn).

Offsets (``Obligation.cue_span``): Python ``str`` indices (code points), end-exclusive, into the
sentence given to :func:`classify_obligation`.

Rules (shared/spec/agreement-assessment.md, "commitment"):

* **binding**: ``skal``/``må`` with a named party as the doer (``Kommunen skal …``, ``Ved
  utskriving skal helseføretaket …``, ``Sykehuset Innlandet HF skal …``), and the obligation
  phrases ``forplikter seg``/``forpliktar seg``, ``har ansvar for``, ``er ansvarlig/ansvarleg for``,
  ``plikter``/``pliktar``, ``har plikt til`` and ``ansvaret ligger hos`` with a named party.
* **soft**: ``bør``; ``kan`` with a party as the doer (``Kommunen kan tilby kurs``); ``vil`` with a
  party; ``skal``/``må`` followed by a soft verb (``søke å``/``søkje å``, ``tilstrebe``, ``vurdere``,
  ``legge/leggje til rette for``, ``bidra til``) or a hedge (``ved behov``, ``om mulig``, ``så langt det
  er mulig``) before the main verb; a passive ``skal`` (``Det skal utarbeides rutiner``) or a
  ``skal`` with no party as subject (``Avtalen skal bidra til …``, ``Pasienten skal få …``);
  ``tilstreber``/``søker å``/``legger til rette for`` without a modal.
* **none**: no modal; ``kan`` that describes a possibility (``tilstanden kan endre seg``, a
  non-party subject, or a stative verb: ``kan ha``, ``kan være``); questions.

Negation (``skal ikke``, ``må ikkje``) sets ``negated`` and keeps the strength: a prohibition on a
party binds it.  The strongest cue of a sentence wins; the first among equals.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from samrev.text.prefilter import EndGate, folded, prefilter

BINDING, SOFT, NONE = "binding", "soft", "none"
_RANK = {NONE: 0, SOFT: 1, BINDING: 2}

_W = r"[^\W\d_]"  # a letter
_PARTY_UNIT = (
    r"(?:"
    # named organisations: «Sykehuset Innlandet HF», «Gjøvik kommune», «St. Olavs hospital HF»
    r"(?:[A-ZÆØÅ][\w.\-]*\s+){0,4}(?:HF|RHF|kommune|kommuner|kommunar|hospital|sykehus|sjukehus|DPS)\b"
    r"|Helse\s+[A-ZÆØÅ][\w\-]*(?:\s+og\s+[A-ZÆØÅ]\w*)?(?:\s+HF)?"
    # generic parties and their units (both standards)
    r"|(?:den\s+enkelte\s+|den\s+einskilde\s+|hver\s+|kvar\s+)kommunen?"
    r"|(?:hver|kvar)\s+(?:av\s+)?(?:partene|partane|part)"
    r"|begge\s+(?:parter|partar|partane|partene)"
    r"|(?:avtale)?part(?:ene|ane|nerne|narane)"
    r"|kommun(?:en|ene|ane)|bydel(?:en|ene|ane)"
    r"|helseforetak(?:et|ene)?|helseføretak(?:et|a)?|(?:regionale\s+)?helseføretaka|foretaket|føretaket"
    r"|sykehus(?:et|ene)|sjukehus(?:et|a)"
    r"|spesialisthelsetjenesten|spesialisthelsetenesta|kommunehelsetjenesten|kommunehelsetenesta"
    r"|den\s+kommunale\s+helse-\s+og\s+omsorgs(?:tjenesten|tenesta)"
    r"|(?:lærings-\s+og\s+)?m(?:e|ei)strings(?:senteret|sentera|tenesta|tjenesten)"
    r"|LMS(?:-senteret|-tenesta|-tjenesten)?|frisklivssentral(?:en|ane|ene)"
    r"|koordinerende\s+enhet|koordinerande\s+eining|fastlege(?:n|ne|ane)"
    r"|hjemmetjenesten|heimetenesta|tildelingskontoret|kommuneoverlegen|kommunelegen"
    r"|klinikk(?:en|ane|ene)|avdeling(?:en|a|ane|ene)|poliklinikk(?:en|ane|ene)"
    r"|sekretariatet|samarbeidsutvalg(?:et|ene)?|samarbeidsutval(?:et|a)?|SSU|FSU|PSU|ASU|OSU|KSU"
    r"|helsefellesskapet|partnerskapsmøtet|partnarskapsmøtet"
    r")"
)
_PARTY = rf"{_PARTY_UNIT}(?:\s*(?:,|og|eller|samt)\s*{_PARTY_UNIT})*(?:\s+ved\s+{_PARTY_UNIT})?"
_PARTY_AT_END_RE = re.compile(rf"(?P<party>{_PARTY})\s*$", re.IGNORECASE)
_PARTY_AT_START_RE = re.compile(rf"\s*(?P<party>{_PARTY})(?!\w)", re.IGNORECASE)
_CLEFT_RE = re.compile(rf"\bdet\s+er\s+(?P<party>{_PARTY})\s+som\s*$", re.IGNORECASE)
_PARTY_END = EndGate(re.compile(_PARTY, re.IGNORECASE))  # what a party ends with

_MODAL_RE = re.compile(r"\b(?P<modal>skal|må|bør|kan|vil)\b", re.IGNORECASE)
_BINDING_PHRASE_RE = re.compile(
    r"\b(?:forplikt(?:er|ar)\s+seg|er\s+forplikt(?:et|a)|plikt(?:er|ar)\s+(?:å|til)"
    r"|har\s+(?:(?:en|ei|eit|et|det|særlig|særleg|felles|eget|eige|hele|heile|fullt)\s+){0,2}(?:\w*ansvar(?:et)?|plikt(?:a|en)?)\s+(?:for|til|å)"
    r"|er\s+ansvarl(?:ig|eg)\s+for|ansvaret(?:\s+for\s+[^,.;:]{1,80}?)?\s+(?:ligger|ligg)\s+(?:hos|hjå))\b",
    re.IGNORECASE,
)
_RESPONSIBILITY_LIES_RE = re.compile(r"(?:ligger|ligg)\s+(?:hos|hjå)\s*$", re.IGNORECASE)
_SOFT_PHRASE_RE = re.compile(
    r"\b(?:s(?:øker|økjer)\s+å|tilstreb(?:er|ar)|etterstreb(?:er|ar)|legg(?:er|jer)?\s+til\s+rette"
    r"|har\s+som\s+(?:mål|målsetting|målsetjing)|tar\s+sikte\s+på|tek\s+sikte\s+på)\b",
    re.IGNORECASE,
)
_SOFT_AFTER_MODAL_RE = re.compile(
    r"(?:s(?:øke|økje|økja)\s+å|tilstrebe|tilstreba|etterstrebe|etterstreba|strebe\s+etter|streve\s+etter|vurdere"
    r"|vurdera|legge\s+til\s+rette|leggje\s+til\s+rette|leggja\s+til\s+rette|bidra\s+til|bidra\s+med|medverke\s+til"
    r"|medverka\s+til|arbeide\s+for|arbeida\s+for|jobbe\s+for|jobba\s+for|prøve\s+å|prøva\s+å|forsøke\s+å|forsøka\s+å)\b",
    re.IGNORECASE,
)
_HEDGE_RE = re.compile(
    r"(?:ved\s+behov|etter\s+behov|om\s+(?:mulig|mogleg|nødvendig|naudsynt)|dersom\s+det\s+er\s+behov"
    r"|så\s+langt\s+(?:det\s+er\s+)?(?:mulig|mogleg|råd)|i\s+den\s+grad|etter\s+beste\s+evne"
    r"|(?:når|der)\s+det\s+er\s+(?:hensiktsmessig|føremålstenleg|tenleg))\b",
    re.IGNORECASE,
)
_NEGATION = frozenset({"ikke", "ikkje", "aldri", "not", "never"})
_SKIP_AFTER_MODAL = frozenset("""
    også òg derfor difor alltid normalt fortsatt framleis fremdeles snarest snarast straks umiddelbart
    likevel uansett primært sammen saman jevnlig jamleg årlig årleg aktivt selv sjølv dessuten
    dessutan videre vidare fortløpende fortløpande
    """.split())
_STATIVE_AFTER_KAN = frozenset("""
    være vere vera ha bli verte verta oppleve oppleva variere variera mangle mangla komme kome koma
    føre føra endre endra skje hende gi gje få ta
    """.split())
_NON_PASSIVE_ES = frozenset("""
    møtes møtast treffes treffast enes einast samles samlast lykkes lukkast finnes finnast trives
    trivast synes synast minnes skilles
    """.split())
_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:()]|\s[–—]\s")
_OPENERS_RE = re.compile(
    r"^(?:[•·▪●◦*–—\-]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-zæøå][.)])?\s*", re.IGNORECASE
)
_INTRODUCERS = frozenset("""
    at som når dersom hvis viss der fordi mens medan og men eller samt så slik om før etter
    """.split())
_TOKEN_RE = re.compile(rf"{_W}+(?:[-'’]{_W}+)*")


@dataclass(frozen=True, slots=True)
class Obligation:
    """How strongly a sentence obliges a party, with the cue behind it."""

    strength: str  # "binding", "soft" or "none"
    cue: str = ""  # the cue words, lower-cased ("skal", "skal søke å", "har ansvar for")
    cue_span: tuple[int, int] | None = None
    party: str | None = None
    negated: bool = False


# --- subject ---------------------------------------------------------------------------------------


def _subject_before(sentence: str, position: int) -> str | None:
    """A party written as the subject right before ``position`` (``Kommunen skal``)."""
    if "–" in sentence or "—" in sentence:
        boundary = 0
        for boundary_match in _CLAUSE_BOUNDARY_RE.finditer(sentence, 0, position):
            boundary = boundary_match.end()
    else:  # without a dash every boundary is one of these characters: the last one ends the last
        rfind = sentence.rfind
        boundary = max(rfind(",", 0, position), rfind(";", 0, position), rfind(":", 0, position),
                       rfind("(", 0, position), rfind(")", 0, position)) + 1
    return _clause_subject(sentence[boundary:position], boundary == 0)


@lru_cache(maxsize=8192)
def _clause_subject(clause: str, opens_sentence: bool) -> str | None:
    """The party that ``clause`` (the words before a modal, from the last clause boundary, or from
    the sentence's start when ``opens_sentence``) ends with as its subject.  Remembered: a few
    subjects ("Kommunen ", "Partane ", "Helseforetaket ") open most obligations of every text."""
    low = folded(clause)  # for the literal prefilters
    cleft = prefilter(_CLEFT_RE).search(clause, low)
    if cleft:
        return cleft.group("party").strip()
    if opens_sentence:
        opened = _OPENERS_RE.sub("", clause, count=1)
        if low is not None:  # the openers are a prefix of the clause
            low = low[len(clause) - len(opened):]
        clause = opened
    # A party must end where the clause's text ends: skip the search when no party word can end there.
    if not _PARTY_END.may_end_at(clause, low, len(clause.rstrip())):
        return None
    match = _PARTY_AT_END_RE.search(clause)
    if match is None:
        return None
    before = clause[:match.start()].split()
    if not before or before[-1].lower() in _INTRODUCERS:
        return match.group("party").strip()
    return None


def _words_after(sentence: str, position: int) -> list[re.Match[str]]:
    """The first words after ``position``: :func:`_read_modal` looks at six at most (a party it
    skips ends its look), so seven stand for all of them."""
    return list(itertools.islice(_TOKEN_RE.finditer(sentence, position), 7))


@dataclass(frozen=True, slots=True)
class _Reading:
    strength: str
    cue: str
    span: tuple[int, int]
    party: str | None
    negated: bool


def _read_modal(sentence: str, match: re.Match[str]) -> _Reading:
    modal = match.group("modal").lower()
    start, end = match.span()
    party = _subject_before(sentence, start)
    words = _words_after(sentence, end)
    i, negated = 0, False
    position = end
    while i < len(words) and i < 6:
        word = words[i].group().lower()
        if word in _NEGATION:
            negated, position = True, words[i].end()
        elif word in _SKIP_AFTER_MODAL:
            position = words[i].end()
        elif party is None and (inverted := _PARTY_AT_START_RE.match(sentence, words[i].start())) is not None:
            party = inverted.group("party").strip()
            position = inverted.end()
            while i < len(words) and words[i].start() < position:
                i += 1
            continue
        else:
            break
        i += 1
    rest = sentence[position:]
    hedge = _HEDGE_RE.match(rest.lstrip())
    soft_verb = _SOFT_AFTER_MODAL_RE.match(rest.lstrip())
    offset = position + len(rest) - len(rest.lstrip())
    verb_match = _TOKEN_RE.search(sentence, offset)
    verb = verb_match.group().lower() if verb_match else ""
    passive = verb not in _NON_PASSIVE_ES and len(verb) >= 5 and (
        (verb.endswith("es") and not verb.endswith("ses")) or verb.endswith("ast"))
    if verb in {"bli", "verte", "verta", "blir", "vert"}:
        passive = True
    phrase = soft_verb or hedge
    if phrase is not None:
        cue_end = offset + phrase.end()
        cue = f"{modal} {' '.join(phrase.group().lower().split())}"
        return _Reading(SOFT, cue, (start, cue_end), party, negated)
    if modal in ("skal", "må"):
        if party is not None and not passive:
            return _Reading(BINDING, modal, (start, end), party, negated)
        return _Reading(SOFT, modal, (start, end), None if passive else party, negated)
    if modal == "bør":
        return _Reading(SOFT, modal, (start, end), party, negated)
    # kan / vil: an option for a party, or a description
    if party is not None and not passive and verb not in _STATIVE_AFTER_KAN:
        return _Reading(SOFT, modal, (start, end), party, negated)
    return _Reading(NONE, modal, (start, end), party, negated)


def _read_phrase(sentence: str, match: re.Match[str], binding: bool) -> _Reading:
    cue = " ".join(match.group().lower().split())
    start, end = match.span()
    party: str | None
    if _RESPONSIBILITY_LIES_RE.search(match.group()):
        after = _PARTY_AT_START_RE.match(sentence, end)
        party = after.group("party").strip() if after else None
    else:
        party = _subject_before(sentence, start)
    if binding:
        return _Reading(BINDING if party else SOFT, cue, (start, end), party, False)
    return _Reading(SOFT, cue, (start, end), party, False)


@lru_cache(maxsize=16384)
def classify_obligation(sentence: str) -> Obligation:
    """How strongly ``sentence`` obliges a party (see the module docstring).

    Remembered (the result is immutable and depends on the sentence alone): agreements are
    written from shared templates, so the same obligation sentences recur from one document to
    the next (a sixth of the benchmark's sentences are distinct)."""
    if sentence.rstrip().endswith("?"):
        return Obligation(NONE)
    low = folded(sentence)  # for the literal prefilters: the same matches, found sooner
    readings = [_read_modal(sentence, match) for match in prefilter(_MODAL_RE).finditer(sentence, low)]
    readings += [_read_phrase(sentence, match, True) for match in prefilter(_BINDING_PHRASE_RE).finditer(sentence, low)]
    readings += [_read_phrase(sentence, match, False) for match in prefilter(_SOFT_PHRASE_RE).finditer(sentence, low)]
    if not readings:
        return Obligation(NONE)
    best = max(readings, key=lambda r: (_RANK[r.strength], -r.span[0]))
    return Obligation(best.strength, best.cue, best.span, best.party, best.negated)


def obligation_summary(sentences: Iterable[str | Obligation]) -> tuple[int, int]:
    """(number of binding, number of soft) obligations among ``sentences``."""
    binding = soft = 0
    for item in sentences:
        obligation = classify_obligation(item) if isinstance(item, str) else item
        if obligation.strength == BINDING:
            binding += 1
        elif obligation.strength == SOFT:
            soft += 1
    return binding, soft
