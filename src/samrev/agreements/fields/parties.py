"""health_trust and municipalities: the contracting parties, named as in the registry.

Organisations are found with the registry's matcher (:func:`samrev.registry.match`: all official
name forms, genitives, nynorsk, abbreviations).  Only mentions in *party zones* count: the
title region, the parties section ("Parter", "Partar", "Avtalen er inngått mellom …"),
sentences that say who the agreement is between, and signature lines ("For Gjøvik kommune").
Towns, city districts, hospital sites and former municipalities are not municipality parties
(the registry does not report them as municipalities, or they stand outside the zones), and the
RHF is never the health-trust party.  A phrase such as "alle kommunane i føretaksområdet" in a
party zone gives ``["*"]``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance, Span

RULE_VERSION = "10"
_PARTY_HEADING = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d)*\.?\s*)?(?:avtale)?part(?:er|ar|ene|ane)(?:\s+i\s+avtal(?:en|a))?\s*:?\s*$",
    re.IGNORECASE,
)
_PARTY_SENTENCE = re.compile(
    r"\b(?:(?:avtal\w*|samarbeidsavtal\w*|delavtal\w*|tjenesteavtal\w*|tenesteavtal\w*|særavtal\w*|rutine\w*"
    r"|retningslin\w*)\s+(?:er\s+|vart\s+|ble\s+)?(?:inngått\s+|inngjort\s+|gjort\s+|laga\s+|laget\s+)?mellom"
    r"|inngått\s+mellom|inngjort\s+mellom|gjeld(?:er)?\s+mellom|avtalepart\w*|part(?:ene|ane|ar|er|nerne|narane)\s+(?:i|til)\s+"
    r"(?:denne\s+)?(?:\w+)?avtal\w*|part(?:ene|ane|nerne|narane)\s+er\b|gjeld(?:er)?\s+for\s+(?:\w+\s+){0,3}kommun\w*)",
    re.IGNORECASE,
)
#: How a municipality mention must be recognised to count as a party outside the title and the
#: signature lines: "Gjøvik kommune", an official own-language form, or a list headed by
#: "kommunene"/"kommunane" — not a bare place name after a preposition ("sykehus i Tromsø").
_PARTY_RULES = ("kommuneord", "egen navneform")
_LIST_HEAD = re.compile(r"\bkommun(?:ene|ane|er|ar)\b", re.IGNORECASE)
_TRUST_AREA = (r"(?:helse|sjukehus|sykehus|føretak|foretak)\w*\s+(?:sitt\s+|sine\s+)?"
               r"(?:område(?:t|a)?|nedslagsfelt\w*)\b")
_AREA = re.compile(r"opptaksområde|føretaksområde|foretaksområde|sykehusområde|sjukehusområde|helsefellesskap|"
                   + _TRUST_AREA, re.IGNORECASE)
_SIGNATURE_LINE = re.compile(r"^\s*(?:for|på\s+vegne\s+av|på\s+vegner\s+av)\s+\S", re.IGNORECASE)
_ALL = re.compile(
    r"\b(?:alle|samtlege|samtlige)\s+(?:de\s+|dei\s+)?(?:\d+\s+)?(?:deltakende\s+|deltakande\s+)?kommun(?:ene|ane|er|ar)\b"
    r"|\b(?:de|dei)\s+\d+\s+kommun(?:ene|ane)\b"
    r"|\bkommun(?:ene|ane)\s+i\s+(?:\w+\s+){0,3}(?:opptaksområde\w*|føretaksområde\w*|foretaksområde\w*"
    r"|helsefellesskap\w*|sjukehusområde\w*|sykehusområde\w*)"
    # "kommunene i helseforetakets område", "kommunane i sjukehuset sitt nedslagsfelt"
    rf"|\bkommun(?:ene|ane)\s+i\s+{_TRUST_AREA}"
    r"|\blikelyd(?:ende|ande)\s+avtal\w*\s+med\s+(?:alle\s+)?kommun\w*",
    re.IGNORECASE,
)
#: "kommunene i Sør-Rogaland", "kommunane i Sogn og Fjordane", "kommunene i Telemark": the
#: municipalities of a named region, county or catchment (a capitalised name after "i"; the name
#: must not itself be a municipality).  Read as all municipalities in the trust's area when the text
#: names no municipality party one by one.
_REGION = re.compile(
    r"\b(?:(?:[Aa]lle|[Ss]amtlege|[Ss]amtlige)\s+)?(?:(?:[Dd]e|[Dd]ei)\s+(?:\d+\s+)?)?[Kk]ommun(?:ene|ane)\s+i\s+"
    r"(?P<region>[A-ZÆØÅ][\w'’-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\w'’-]*){0,3})"
)
TRUST_KINDS = ("health_trust", "private_hospital")
#: A date right after a place name: "Haugesund 02.03.2021", "Bodø, 12. mars 2024", "Stord, den 4.5.2023".
_DATE_AFTER = re.compile(r"\s*,?\s*(?:den\s+)?\d{1,2}\.\s?(?:\d{1,2}\.?|[a-zæøå]+)\s?\d{2,4}", re.IGNORECASE)
#: An item of a list ("• Frosta kommune", "- Grong kommune", "3) Leka kommune") of at most
#: ``_LIST_ITEM_MAX`` characters.  A parties section or a party sentence ending in ":" may go on in
#: such a list for as long as a regional agreement has municipalities.
_LIST_ITEM = re.compile(r"^\s*(?:[•\-–*▪·◦]|\d{1,2}[.)])\s+\S")
_LIST_ITEM_MAX = 80
_MAX_LIST = 60


def _list_lines(lines: list[Any], first: int) -> list[tuple[int, int]]:
    """The list items that start at ``lines[first]``, as (start, end) stretches."""
    out: list[tuple[int, int]] = []
    for line in lines[first : first + _MAX_LIST]:
        if len(line.text.strip()) > _LIST_ITEM_MAX or not _LIST_ITEM.match(line.text):
            break
        out.append((line.start, line.end))
    return out


def party_zones(doc: AgreementText) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where parties are named: (strong zones: title and signature lines, where any mention
    counts; weak zones: the parties section and sentences saying who the agreement is between)."""
    strong: list[tuple[int, int]] = [(0, doc.title_end)]
    weak: list[tuple[int, int]] = []
    lines = doc.lines
    for index, line in enumerate(lines):
        if _PARTY_HEADING.match(line.text):
            weak.append((line.start, line.end))
            next_lines = lines[index + 1 : index + 4]
            for following in next_lines:
                # a short list line ("- Gjøvik kommune") or a sentence saying who the parties are;
                # not "Pasienter fra nabokommunene Verdal og Frosta bruker …"
                if len(following.text.strip()) <= 80 or _PARTY_SENTENCE.search(following.text):
                    weak.append((following.start, following.end))
                else:
                    break
            else:  # the section goes on as a list: every item of it
                weak.extend(_list_lines(lines, index + 1 + len(next_lines)))
        if _SIGNATURE_LINE.match(line.text) and len(line.text) < 160:
            strong.append((line.start, line.end))
    limit = max(2500, doc.title_end + 1500)
    line_starts: list[int] | None = None
    for sentence in doc.sentences:
        if sentence.start > limit:
            break
        if len(sentence.text) < 600 and _PARTY_SENTENCE.search(sentence.text):
            weak.append((sentence.start, sentence.end))
            if sentence.text.rstrip().endswith(":"):  # "… og følgende kommuner:" and a list
                if line_starts is None:
                    line_starts = [line.start for line in lines]
                weak.extend(_list_lines(lines, bisect.bisect_left(line_starts, sentence.end)))
    return strong, weak


class _Zones:
    """A union of half-open stretches ``[start, end)`` of the text, asked for every organisation
    mention whether it lies in one: the stretches are merged once and each offset is found by
    bisection, instead of trying every stretch for every mention."""

    __slots__ = ("_ends", "_starts", "stretches")

    def __init__(self, stretches: list[tuple[int, int]]) -> None:
        self.stretches = stretches  # as given, in their order
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(stretch for stretch in stretches if stretch[0] < stretch[1]):
            if self._ends and start <= self._ends[-1]:  # overlapping or adjacent: one stretch
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


def judge(doc: AgreementText) -> tuple[Judgement, Judgement]:
    """(health_trust, municipalities) judgements."""
    found = doc.organisations
    strong, weak = party_zones(doc)
    trust = _health_trust(doc, found, _Zones(strong + weak))
    municipalities = _municipalities(doc, found, strong, weak)
    return trust, municipalities


def _health_trust(doc: AgreementText, found: list[Any], zones: _Zones) -> Judgement:
    in_zone = [m for m in found if m.kind in TRUST_KINDS and m.start in zones]
    if in_zone:
        first = in_zone[0]
        same = [m for m in in_zone if m.id == first.id]
        return Judgement("health_trust", first.canonical, Provenance.rule("parties.trust.zone", RULE_VERSION),
                         evidence=tuple(doc.span(m.start, m.end) for m in same[:4]), confidence=0.9,
                         note="helseforetak i tittel, partsavsnitt eller signaturfelt")
    anywhere = [m for m in found if m.kind in TRUST_KINDS]
    # Named once, outside a party section that names other parties (the municipalities of an
    # intermunicipal agreement, say): a cooperation partner, not a party.
    others_in_zone = any(m.start in zones and m.kind not in TRUST_KINDS for m in found)
    if anywhere:
        counts = Counter(m.id for m in anywhere)
        best, times = counts.most_common(1)[0]
        if times == 1 and others_in_zone:
            anywhere = []
    if anywhere:
        same = [m for m in anywhere if m.id == best]
        return Judgement("health_trust", same[0].canonical,
                         Provenance.rule("parties.trust.frequent", RULE_VERSION),
                         evidence=tuple(doc.span(m.start, m.end) for m in same[:4]), confidence=0.6,
                         note=f"nevnt {len(same)} ganger, men ikke i partsavsnitt")
    sites = [m for m in found if m.kind == "site" and m.parent and m.start in zones]
    if sites:
        from samrev.registry import health_trust

        trust = health_trust(sites[0].parent)
        return Judgement("health_trust", trust.name, Provenance.rule("parties.trust.site", RULE_VERSION),
                         evidence=(doc.span(sites[0].start, sites[0].end),), confidence=0.5,
                         note="bare et sykehus er nevnt som part; helseforetaket er eieren")
    return Judgement("health_trust", None, Provenance.rule("parties.trust.none", RULE_VERSION),
                     confidence=0.5, note="fant ikke noe helseforetak")


_POSTCODE_BEFORE = re.compile(r"\b\d{4}\s+$")


_INSTITUTION_KINDS = frozenset({*TRUST_KINDS, "site"})
#: What may stand between a hospital and the town it lies in: «Sykehuset Telemark, Notodden»,
#: «Sørlandet sykehus i Arendal», «SI avd. Lillehammer».
_LOCATED_GAP = re.compile(r"\s*(?:,|i|på|avd\.?|avdeling)?\s*", re.IGNORECASE)


_MUNICIPALITY_WORD_AFTER = re.compile(r"\s*(?:kommune|kommunes|kommunen|herad|heradskommune)\b", re.IGNORECASE)


def _institution_places(doc: AgreementText, found: list[Any]) -> set[int]:
    """Starts of municipality names that follow a hospital's name as its location."""
    ends = {m.end for m in found if m.kind in _INSTITUTION_KINDS}
    out: set[int] = set()
    for m in found:
        if m.kind != "municipality":
            continue
        if _MUNICIPALITY_WORD_AFTER.match(doc.text, m.end):
            continue  # «Helse Fonna HF, Haugesund kommune og …»: a party named as such
        for end in ends:
            if end <= m.start <= end + 12 and _LOCATED_GAP.fullmatch(doc.text, end, m.start):
                out.add(m.start)
                break
    return out


def _party_municipality(doc: AgreementText, m: Any, strong: _Zones, weak: _Zones) -> bool:
    if m.kind != "municipality":
        return False
    if _POSTCODE_BEFORE.search(doc.text, max(0, m.start - 8), m.start):
        return False  # a postal address ("Postboks 1000, 1478 Lørenskog"), not a party
    if m.start in strong:
        if m.rule.startswith("entydig") and _DATE_AFTER.match(doc.text, m.end, min(len(doc.text), m.end + 24)):
            return False  # the place of signing ("Liv Eide (sign.), Haugesund 02.03.2021"), not a party
        return bool(m.rule.startswith(("kommuneord", "egen navneform", "liste", "entydig")) or m.start < doc.title_end)
    if m.start not in weak:
        return False
    if any(m.rule.startswith(rule) for rule in _PARTY_RULES):
        return True
    if m.rule.startswith("liste"):
        zone = next((start, end) for start, end in weak.stretches if start <= m.start < end)
        return bool(_LIST_HEAD.search(doc.text, zone[0], zone[1]))
    return False


#: A sentence that says who is *not* a party ("Notodden kommune og Tinn kommune … er ikke parter i
#: denne avtalen", "Volda kommune … er ikkje partar i denne avtalen").
_NOT_PARTY = re.compile(r"\b(?:er|vert|blir)\s+(?:ikke|ikkje|ikkje\s+med\s+som|ikke\s+med\s+som)\s+"
                        r"(?:avtale)?part(?:er|ar|ene|ane)?\b", re.IGNORECASE)


#: What every such sentence holds, lower-cased: found at C speed in the folded text first.
_NOT_PARTY_HINT = re.compile(r"ikk(?:e|je)\s+(?:med\s+som\s+)?(?:avtale)?part")


def _not_party_sentences(doc: AgreementText) -> _Zones:
    """The sentences that name organisations only to say they are not parties."""
    stretches = []
    low = doc.folded
    hints = _NOT_PARTY_HINT.finditer(low) if low is not None else iter([None])
    for hint in hints:
        start, end = (0, len(doc.text)) if hint is None else (max(0, hint.start() - 12), hint.end() + 8)
        for match in _NOT_PARTY.finditer(doc.text, start, end):
            sentence = doc.sentence_at(match.start())
            if sentence is not None:
                stretches.append((sentence.start, sentence.end))
    return _Zones(stretches)


def _names_area(doc: AgreementText, phrase: re.Match[str]) -> bool:
    """Whether an "alle kommunane …" phrase names the trust's whole area (in it or just after)."""
    return bool(_AREA.search(doc.text, phrase.start(), min(len(doc.text), phrase.end() + 50)))


def _region_phrase(doc: AgreementText, found: list[Any], start: int, end: int) -> re.Match[str] | None:
    """The first "kommunene i <region>" in ``text[start:end]`` whose region is not a municipality."""
    for phrase in _REGION.finditer(doc.text, start, end):
        region_start, region_end = phrase.span("region")
        if any(m.kind == "municipality" and region_start <= m.start < region_end for m in found):
            continue  # "kommunene i Midt-Telemark" is no region of several municipalities
        return phrase
    return None


def _all_phrase(doc: AgreementText, zones: list[tuple[int, int]], found: list[Any]) -> re.Match[str] | None:
    for start, end in zones:
        match = _ALL.search(doc.text, start, end) or _region_phrase(doc, found, start, end)
        if match:
            return match
    return None


def _municipalities(doc: AgreementText, found: list[Any], strong: list[tuple[int, int]],
                    weak: list[tuple[int, int]]) -> Judgement:
    all_match = _all_phrase(doc, strong + weak, found)
    strong_zones, weak_zones = _Zones(strong), _Zones(weak)
    located = _institution_places(doc, found)
    excluded = _not_party_sentences(doc)
    chosen = [m for m in found if m.start not in located and m.start not in excluded
              and _party_municipality(doc, m, strong_zones, weak_zones)]
    named_strongly = any(m.start in strong_zones for m in chosen)
    if all_match is None and not chosen:
        # "… for alle kommunane i føretaksområdet" or "… og kommunene i Telemark" said early in the
        # text, outside the party zones
        early_end = min(len(doc.text), max(1500, doc.title_end + 800))
        early = _ALL.search(doc.text, 0, early_end)
        all_match = early if early and _names_area(doc, early) else _region_phrase(doc, found, 0, early_end)
    # "All municipalities in the trust's area" unless the title or signature lines name the
    # municipality parties; "alle kommunane" without an area word only when none is named.
    if all_match and ((_names_area(doc, all_match) and not named_strongly) or not chosen):
        return Judgement("municipalities", ["*"], Provenance.rule("parties.municipalities.all", RULE_VERSION),
                         evidence=(doc.span(all_match.start(), all_match.end()),), confidence=0.8,
                         note="avtalen gjelder alle kommunene i området")
    names = sorted({m.canonical for m in chosen})
    evidence: list[Span] = []
    seen: set[str] = set()
    for m in chosen:
        if m.canonical not in seen:
            seen.add(m.canonical)
            evidence.append(doc.span(m.start, m.end))
    return Judgement("municipalities", names, Provenance.rule("parties.municipalities.zone", RULE_VERSION),
                     evidence=tuple(evidence), confidence=0.85 if names else 0.5,
                     note="kommuner i tittel, partsavsnitt eller signaturfelt" if names
                     else "fant ingen kommune som part")
