"""Pseudonymisation of free text before anything is analysed, stored or shown.

Replacements (exact placeholders of shared/spec/survey.md), in this order so that one kind does not
hide another: ``[EPOST]`` e-mail addresses; ``[FNR]`` fødselsnummer, D-numbers (day + 40) and
H-numbers (month + 40), 11 digits or 6 + 5 with a space, only with a valid date and valid check
digits (today's rule via python-stdnum, or the rule for numbers issued from 2032, where the first
remainder may be 0–3); ``[TELEFON]`` Norwegian numbers (8 digits starting 2–9 as ``xxxxxxxx``,
``xx xx xx xx`` or ``xxx xx xxx``, optional ``+47``/``0047``) and foreign ``+country`` numbers;
``[ADRESSE]`` street addresses (a street word and a house number, optional postcode and place);
``[NAVN]`` personal names.

Names: a given name from SSB's name statistics (``data/names.csv``, source stated there) followed by
one or two capitalised words that are not organisation or place words; a capitalised word followed
by a listed surname; a capitalised pair after a cue (``kontakt med``, ``v/``, ``hilsen`` …); a listed
given name on its own, unless it is also an ordinary word (*Per*, *Liv*, *Dag*, *Bjørk* …), which
needs a surname or a cue.  Organisation and place names, amounts, dates and numbers that fail the
checks stay as written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

KINDS = ("NAVN", "TELEFON", "EPOST", "FNR", "ADRESSE")

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
FNR = re.compile(r"(?<![\d-])(\d{6}) ?(\d{5})(?![\d-])")
_NO_PHONE = r"(?:(?:\+|00)47[ ]?)?(?:[2-9]\d{7}|[2-9]\d(?: \d\d){3}|[2-9]\d\d \d\d \d{3})"
_FOREIGN_PHONE = r"\+(?!47)[1-9]\d{0,2}(?:[ -]?\d){6,12}"
PHONE = re.compile(rf"(?<![\w+])(?<!\d )(?:{_FOREIGN_PHONE}|{_NO_PHONE})(?!\d)(?! \d)")
_STREET_WORDS = (r"gate|gata|gaten|veien|vegen|vei|veg|allé|alle|allèen|plass|plassen|stien|stig|bakken|"
                 r"svingen|brygge|bryggen|torg|torget|kaia|kaien|tunet|lia|haugen|løkka|ringen|terrasse")
ADDRESS = re.compile(
    rf"\b(?:[A-ZÆØÅ][\wæøåÆØÅ.'-]*\s+){{0,2}}[A-ZÆØÅ]?[\wæøåÆØÅ-]*(?:{_STREET_WORDS})\s+\d{{1,4}}\s?[A-Za-z]?\b"
    rf"(?:,?\s*\d{{4}}\s+[A-ZÆØÅ][\wæøåÆØÅ-]+)?"
)
_WORD = re.compile(r"[A-ZÆØÅÉÜÖÄa-zæøåéüöä][\wæøåÆØÅéüöä'’]*(?:-[A-ZÆØÅ][\wæøåÆØÅ]*)?")
_CUE = re.compile(
    r"(?:\b(?:kontakt(?:e|a)?\s+med|kontaktperson(?:en)?:?|snakk(?:e|a)?\s+med|spør\s+etter|spør\s+etter|"
    r"ring(?:e)?\s+til|hilsen|helsing|mvh|v/|ved\s+koordinator(?:en)?|koordinator(?:en)?\s+(?:vår|vår,)|"
    r"koordinatoren\s+vår,|leder(?:en)?\s+(?:vår|vår,)|leiar(?:en)?\s+(?:vår|vår,)|fastlege(?:n)?|dr\.|prof\.)"
    r"[\s,:]+)$",
    re.IGNORECASE,
)
_PATRON = re.compile(r"\b(?:St\.?|Sankt|Kong|Dronning|Prins|Prinsesse|Haukeland|Olavs?)\s*$")
# Capitalised words that begin organisation or place names, never surnames.
_NOT_NAME = frozenset(w.casefold() for w in (
    "Helse", "Helseforetak", "Helseføretak", "Sykehus", "Sykehuset", "Sjukehus", "Sjukehuset", "Kommune",
    "Kommunen", "Universitetssykehus", "Universitetssjukehus", "Hospital", "Lovisenberg", "Diakonale", "HF",
    "LMS", "Frisklivssentralen", "Frisklivssentral", "Lærings", "Senter", "Senteret", "Klinikk", "Klinikken",
    "Fylkeskommune", "Nav", "Stiftelse", "Stiftelsen", "Forening", "Foreningen", "Forbund", "Forbundet",
    "Og", "I", "På", "Hos", "For", "Med", "Til", "Fra", "Frå", "Om", "Er", "Har", "Vi", "De", "Han", "Hun",
    "Ho", "Det", "Den", "Som", "Men", "Når", "Kvar", "Hver", "Alle", "Norge", "Noreg", "Oslo", "Bergen",
    "Trondheim", "Tromsø", "Stavanger", "Sør", "Nord", "Vest", "Øst", "Midt", "Innlandet", "Fonna", "Førde",
    "Samisk", "Samiske", "Norsk", "Norske", "Jeg", "Eg", "Dere", "Me", "Ein", "En", "Et", "Eit",
    # words that often open a sentence (a capitalised word before a listed surname is not a first name then)
    "Ved", "Etter", "Under", "Mellom", "Mot", "Over", "Uten", "Utan", "Av", "Da", "Då", "Dersom", "Hvis",
    "Viss", "Alt", "Ingen", "Inga", "Mange", "Noen", "Nokre", "Hvor", "Kor", "Hvordan", "Korleis", "Dette",
    "Denne", "Disse", "Desse", "Også", "Òg", "Bare", "Berre", "Kommunene", "Kommunane", "Sykehusene",
    "Nye", "Nytt", "Gamle", "Store", "Lille", "Øvre", "Nedre", "Søndre", "Nordre", "Vestre", "Østre",
))


@cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    given: set[str] = set()
    surnames: set[str] = set()
    text = resources.files("samrev.survey").joinpath("data/names.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line == "name,kind":
            continue
        name, kind = line.split(",", 1)
        (given if kind.strip() == "given" else surnames).add(name.strip())
    return frozenset(given), frozenset(surnames)


# Given names that are also ordinary Norwegian words (or common in place and organisation names):
# alone they stay as written; with a surname or a cue they are names.
AMBIGUOUS_GIVEN = frozenset({
    "Per", "Liv", "Dag", "Tor", "Siv", "Eli", "Ask", "Bjørk", "Storm", "Sol", "Vår", "Mai", "Rose", "Lind",
    "Ørn", "Eir", "Hege", "Unni", "Are", "Even", "Odd", "Rune", "Bo", "Kjell", "Vidar", "Bjørn", "Ulf", "Trond",
    "Gunn", "Frank", "Kim", "Alf", "Arne", "Einar", "Helge", "Jan", "Åse", "Mona", "Grete", "Inger", "Karin",
    "Monica", "Tone", "Lars", "Ida", "Ella", "Emma", "Maja", "Nora",
    # and from SSB's list: «Hans» (his), «Finn» (find), «Stein», «Stig», «Tom» (empty), «Line», «May», «Gro»,
    # «Frank», «Roar», «Linn», «Vilde» (nynorsk: would)
    "Hans", "Finn", "Stein", "Stig", "Tom", "Line", "May", "Gro", "Roar", "Linn", "Vilde",
    # added with the extended list: «sol» (sun), «live» (to live, nn. life), «vilja» (nn. the will),
    # «signe» (to bless), «aud» (old: wealth), «brit»
    "Live", "Vilja", "Signe", "Aud", "Brit",
})


def _dob_ok(day: int, month: int, yy: int) -> bool:
    if day > 40:
        day -= 40
    if month > 40:
        month -= 40
    for century in (1800, 1900, 2000):
        try:
            date(century + yy, month, day)
        except ValueError:
            continue
        return True
    return False


def valid_fnr(digits: str) -> bool:
    """An 11-digit fødselsnummer, D- or H-number with a valid date and valid check digits.

    Today's rule is python-stdnum's (``stdnum.no.fodselsnummer``), which also checks the birth
    century; the rule for numbers issued from 2032 lets the first weighted remainder be 0–3.
    """
    if len(digits) != 11 or not digits.isdigit():
        return False
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not _dob_ok(day, month, yy):
        return False
    from stdnum.no import fodselsnummer

    if fodselsnummer.is_valid(digits):
        return True
    d = [int(c) for c in digits]
    first = sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2, 1), d, strict=False)) % 11
    second = sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1), d, strict=False)) % 11
    return first in (0, 1, 2, 3) and second == 0


@dataclass(slots=True)
class Pseudonymiser:
    """Replaces personal data with placeholders and counts each kind over every call."""

    counts: Counter[str] = field(default_factory=Counter)

    def __call__(self, text: str) -> str:
        return self.pseudonymise(text)

    def totals(self) -> dict[str, int]:
        return {kind: self.counts.get(kind, 0) for kind in KINDS}

    def pseudonymise(self, text: str) -> str:
        if not text:
            return text
        text = self._sub(EMAIL, "EPOST", text)
        text = FNR.sub(self._fnr, text)
        text = self._sub(PHONE, "TELEFON", text)
        text = self._sub(ADDRESS, "ADRESSE", text)
        return self._names(text)

    def _sub(self, pattern: re.Pattern[str], kind: str, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            self.counts[kind] += 1
            return f"[{kind}]"

        return pattern.sub(replace, text)

    def _fnr(self, match: re.Match[str]) -> str:
        if valid_fnr(match.group(1) + match.group(2)):
            self.counts["FNR"] += 1
            return "[FNR]"
        return match.group(0)

    def _names(self, text: str) -> str:
        spans = find_names(text)
        if not spans:
            return text
        out = []
        last = 0
        for start, end in spans:
            out.append(text[last:start])
            out.append("[NAVN]")
            last = end
            self.counts["NAVN"] += 1
        out.append(text[last:])
        return "".join(out)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.casefold() not in _NOT_NAME


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of personal names in ``text`` (see the module doc for the rules)."""
    given, surnames = _names()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        start, end, word = words[i]
        first = word.split("-")[0]
        # capitalised words that follow directly (one space, no punctuation between)
        run = [i]
        j = i + 1
        while j < len(words) and len(run) < 3 and text[words[j - 1][1]:words[j][0]] == " " and _is_cap(words[j][2]):
            run.append(j)
            j += 1
        if _PATRON.search(text[max(0, start - 12):start]):
            i += 1  # «St Olav», «Kong Haakon»: part of an institution's or a place's name
            continue
        cue = _CUE.search(text[max(0, start - 40):start]) is not None
        is_given = first in given and word[:1].isupper()
        tail_surname = len(run) > 1 and words[run[1]][2] in surnames
        if word[:1].isupper() and word.casefold() not in _NOT_NAME and (
            (is_given and len(run) > 1) or tail_surname or (cue and not word.isupper())
        ):
            spans.append((start, words[run[-1]][1]))
            i = run[-1] + 1
            continue
        if is_given and first not in AMBIGUOUS_GIVEN:
            spans.append((start, end))
        i += 1
    return spans
