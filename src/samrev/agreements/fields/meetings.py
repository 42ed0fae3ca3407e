"""meeting_arenas: a joint body or meeting described with its members or its frequency.

A sentence (or a heading with the lines under it) must name a joint arena — samarbeidsutval(g),
SSU/FSU/OSU/ASU/PSU/LSU, partnerskapsmøte/partnarskapsmøte, koordineringsråd, fagråd,
samhandlingsutval(g), styringsgruppe, dialogmøte, kontaktmøte, samarbeidsmøte, nettverk …, or the
parties' people meeting as such ("kontaktpersonene skal møtes …") — and,
in the same sentence or the next, say who sits there (medlemmer, består av, representanter frå/fra,
leiar/leder …) or how often it meets (årlig, to ganger i året, kvartalsvis, fast møteplan …).
A passing mention of a named body is not enough (spec).
"""

from __future__ import annotations

import re

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance, Span

RULE_VERSION = "14"
ARENA = re.compile(
    r"\b(?:strategisk\w*\s+|fagleg\w*\s+|faglig\w*\s+|overordn\w+\s+|administrativ\w*\s+|politisk\w*\s+|lokal\w*\s+)?"
    r"(?:samarbeidsutval\w*|samhandlingsutval\w*|samarbeidsråd\w*|samhandlingsråd\w*|koordineringsråd\w*"
    r"|partnerskapsmøt\w*|partnarskapsmøt\w*|fagråd\w*|fagnettverk\w*|styringsgrupp\w*|arbeidsutval\w*"
    r"|dialogmøt\w*|kontaktmøt\w*|samarbeidsmøt\w*|samhandlingsmøt\w*|samhandlingsforum\w*|samarbeidsforum\w*"
    r"|nettverksmøt\w*|møteplass\w*|møtearena\w*|fellesmøt\w*|brukarforum|brukerforum|ledermøt\w*|leiarmøt\w*"
    r"|ledersamling\w*|leiarsamling\w*|referansegrupp\w*|\w*forum(?:et|a)?|arbeidsgrupp\w*|samarbeidsgrupp\w*"
    r"|prosjektgrupp\w*|koordineringsgrupp\w*|faggrupp\w*|kontaktgrupp\w*"
    # the joint professional networks of § 6-2 point 6 ("faglige nettverk", "fagleg nettverk")
    r"|(?:(?<=faglige\s)|(?<=faglege\s)|(?<=fagleg\s)|(?<=faglig\s))nettverk\w*"
    # a joint meeting named as such ("i et felles møte hver høst", "på eit felles møte årleg")
    r"|felles\s+møte(?:t|r|ne)?\b"
    # the definite form refers back to a body named before ("Utvalet møtest fire gonger i året")
    r"|utvalget|utvalet|utvalgets|utvalets"
    # research and development committees: "FoU-utvalg", "forskings- og utviklingsutval"
    r"|FoU-?(?:utval|råd|grupp|nettverk|møt)\w*|forsk(?:n)?ings-\s*(?:og|,)\s*utviklingsutval\w*"
    r"|forsk(?:n)?ings-\s*(?:og|,)\s*utviklings(?:råd|grupp|nettverk)\w*)"
    r"|\b(?:SSU|FSU|OSU|ASU|PSU|LSU|KOSS)\b"
    # people from both parties who meet as such ("Kontaktpersonene skal møtes minst to ganger i
    # året"): an arena without a name, described by the people in it
    r"|\b(?:kontaktpersone(?:ne|r)|kontaktpersonane|representantene|representantane|koordinatorene|koordinatorane"
    r"|lederne|leiarane|partene|partane)"
    # (who they are may come in between: "IKT-kontaktpersonene fra Brønnøy kommune, Sømna kommune
    # og Helgelandssykehuset HF møtes to ganger i året")
    r"(?:\s+(?:fra|frå|i|ved|hos|hjå)\s+[^.\n]{1,80}?)?"
    r"\s+(?:skal\s+|vil\s+)?(?:møtes|møtast|møter\s+(?:hverandre|kvarandre)"
    r"|ha\s+(?:faste\s+|felles\s+)?(?:møte\w*|samarbeidsmøte\w*)"
    # "Partane skal ha eit årleg evalueringsmøte mellom …", "Partene skal ha et fast dialogmøte"
    r"|ha\s+(?:eit|et|ett|ein|en)\s+(?:[\w-]+\s+)?\w*møte\b)",
    re.IGNORECASE,
)
#: Two named units of the parties meeting ("LMS SiV og Frisklivs- og mestringssenteret skal møtes
#: to ganger i året", "Kommunen og helseforetaket skal møtast årleg", "Koordinerende enheter i
#: kommunene og ved sykehuset møtes to ganger i året").  Kept out of ARENA: with no
#: literal to start from it would make every sentence's search run in full; it is tried only in a
#: sentence that says "møt…".
UNITS_MEET = re.compile(
    r"\b[A-ZÆØÅ][\w-]*\s+(?:[\w-]+\s+){0,4}og\s+(?:[\w-]+\s+){1,4}?(?:skal\s+|vil\s+)?(?:møtes|møtast|møtest)\b")
MEMBERS = re.compile(
    r"\bmedlem\w*|\bbest[åa]r\s+av|\bsamansett|\bsammensatt|\brepresentant\w*\s+(?:fra|frå|for)"
    r"|\b(?:\d+|en|ein|eitt|ett|to|tre|fire|fem|seks|sju|åtte)\s+\w*(?:representantar|representanter|medlemmer|medlemar)"
    r"|\b(?:organ\w*|utval\w*|forum\w*)\s+mellom\b"
    r"|\bleder\w*\s+(?:av|for)|\bleiar\w*\s+(?:av|for)|\bleies\s+av|\bleiast\s+av|\bsekretariat\w*"
    r"|\bderes\s+stedfortreder|\bdeira\s+stadfortredar|\bdeltar\b|\bdeltek\b|\bdeltak(?:ere|erne|arar|arane|ar)\b"
    r"|\bmøter\s+fra|\bmøter\s+frå"
    r"|\bhar\s+med\s+(?:leiar|leder|ein|en|to|tre|representant)",
    re.IGNORECASE,
)
FREQUENCY = re.compile(
    r"\b(?:årlig|årleg|halvårlig|halvårleg|kvartalsvis|månedlig|månadleg|ukentlig|vekentleg)\w*"
    r"|\b(?:\w+|\d+)\s+g[ao]ng(?:er)?\s+(?:i|per|pr\.?)\s+(?:året|år|halvåret|halvår|måneden|månaden|måned|månad"
    r"|semesteret|semester|kvartalet|kvartal)\b"
    r"|\b(?:minst|minimum|inntil)\s+(?:\w+|\d+)\s+(?:g[ao]ng(?:er)?|møte\w*)"
    r"|\bhver\s+(?:måned|uke|vår|høst|kvartal)|\bkvar\s+(?:månad|veke|vår|haust|kvartal)"
    r"|\b(?:hvert|kvart)\s+(?:år|halvår|kvartal)|\b(?:annenhver|annakvar|annankvar)\s+\w+"
    r"|\bfast\w*\s+\w*møte\w*|\bmøteplan\w*|\bmøtekalender\w*|\bmøtes\s+(?:jevnlig|regelmessig|fast)"
    r"|\bmøt(?:ast|est)\s+(?:jamleg|regelmessig|fast)|\bjevnlige\s+møter|\bjamlege\s+møte",
    re.IGNORECASE,
)


_MEETS = re.compile(r"\b(?:møt\w*|samles|samlast|held\w*|holdes|haldast|avhald\w*|avhold\w*|samling\w*)\b",
                    re.IGNORECASE)
# A following sentence continues the description when it starts by naming the body again.
_CONTINUES = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:utval\w*|utvalg\w*|forum\w*|grupp(?:a|en|ene)|råd(?:et)?|møt(?:et|a)|det|dette|den"
    r"|SSU|FSU|OSU|ASU|PSU|LSU|partnerskapsmøtet|partnarskapsmøtet|fagrådet|nettverket|nettverkene|nettverka"
    r"|(?:hvert|kvart)\s+nettverk|sekretariatet)\b",
    re.IGNORECASE,
)


# Minutes or a notice of a joint meeting that list who attends describe the arena and its members.
_MINUTES = re.compile(r"\b(?:referat|møtereferat|protokoll|møteprotokoll|møtebok|møteinnkalling|innkalling)\b",
                      re.IGNORECASE)
_ATTENDEES = re.compile(r"^\s*(?:til\s+stades?|tilstede|til\s+stede|møtt(?:e)?|deltakarar|deltakere|deltok|frammøtte"
                        r"|fremmøtte|medlemmer\s+til\s+stede|medlemar\s+til\s+stades?)\s*[:\t]",
                        re.IGNORECASE | re.MULTILINE)


def judge(doc: AgreementText) -> Judgement:
    title_arena = ARENA.search(doc.title_text)
    if title_arena and _MINUTES.search(doc.title_text):
        attendees = _ATTENDEES.search(doc.text)
        if attendees:
            return Judgement("meeting_arenas", True, Provenance.rule("meetings.minutes_with_attendees", RULE_VERSION),
                             evidence=(doc.span(title_arena.start(), title_arena.end()),
                                       doc.span(attendees.start(), attendees.end())),
                             confidence=0.75, note="referat fra et felles møte med deltakerliste")
    sentences = doc.sentences
    named: list[Span] = []  # the arenas the text names, in case none is described
    for index, sentence in enumerate(sentences):
        arena = doc.search(ARENA, sentence)
        if not arena and "møt" in sentence.text:
            arena = UNITS_MEET.search(sentence.text)
        if not arena:
            continue
        named.append(doc.span(sentence.start + arena.start(), sentence.start + arena.end()))
        window = sentence.text
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        if len(sentence.text.strip()) < 60 and not sentence.text.rstrip().endswith("."):
            # a heading ("6 Samarbeidsmøte"): the section's first sentences describe it
            window += " " + " ".join(s.text for s in sentences[index + 1:index + 3])
        elif _CONTINUES.match(following):
            window += " " + following
        frequency = FREQUENCY.search(window)
        if frequency and not _MEETS.search(window) and arena.start() > 40:
            frequency = None  # "rapportere til SSU éin gong i året": how often something else happens
        detail = MEMBERS.search(window) or frequency
        if detail:
            spans = [doc.span(sentence.start + arena.start(), sentence.start + arena.end()), doc.seg_span(sentence)]
            kind = "medlemmer" if MEMBERS.search(window) else "møtehyppighet"
            return Judgement("meeting_arenas", True, Provenance.rule("meetings.described", RULE_VERSION),
                             evidence=tuple(spans), confidence=0.8,
                             note=f"samarbeidsarena beskrevet med {kind}")
    note = "arenaer bare nevnt i forbifarten" if named else "ingen felles møtearenaer nevnt"
    return Judgement("meeting_arenas", False, Provenance.rule("meetings.not_described", RULE_VERSION),
                     evidence=tuple(named[:3]), confidence=0.7, note=note)
