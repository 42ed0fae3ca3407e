"""Literal prefilters give exactly the plain pattern's matches (samrev.text.prefilter)."""

from __future__ import annotations

import random
import re

import pytest

from samrev.text.prefilter import EndGate, Gate, Prefilter, _vocabulary, folded, literal_prefixes, required_literals

PATTERNS = [
    re.compile(r"\b(?:habilitering\w*|rehabilitering\w*|individuell\w*\s+plan\w*|\bKAD\b|ø\.?\s?hj\.?\s+døgn\w*)",
               re.IGNORECASE),
    re.compile(r"\b(?:sendt\s+|sendes\s+)?(?:ut\s+)?på\s+høy?ring\b|\bUTKAST\b|\bDRAFT\b", re.IGNORECASE),
    re.compile(r"gr[aå]soner?|\bkommun(?:en|ene)?\b|(?<![\d.])\d{1,2}\.\s*(?:januar|mai)\b", re.IGNORECASE),
    re.compile(r"(?:\.{3}|[.!?…])+[»\"”’'):\]]*(?=\s)"),
    re.compile(r"\b(?:\w*eining(?:a|ane|ar)?|leiar\w*|part(?:ene|ane))\b", re.IGNORECASE),
    re.compile(r"§\s*6-2|\.{4,}|\bjf\.\s+(?:lov|helse-)|innholdsfortegnelse", re.IGNORECASE),
    re.compile(r"[A-ZÆØÅ]\w+ kommune"),
    # alternatives whose matches start inside a word (\b\w*avtal…), and alternatives with a frequent
    # first word whose rarer required word decides whether they are looked for (ikke … signert)
    re.compile(r"\b(?:dokumentet|\w*avtal(?:en|a))\s+(?:er|ble)\s+(?:\w+\s+){0,2}signert\b"
               r"|\bikke\s+(?:\w+\s+){0,2}signert\b|\b\w+loven\b|\btil\s+høy?ring\b", re.IGNORECASE),
]
WORDS = ["Habilitering", "rehabiliteringa", "Individuelle  planar", "KAD", "ø.hj. døgn", "ØHJ døgnplass", "sendt ut på",
         "høyring", "UTKAST", "utkast", "Draft", "gråsoner", "Gråsone", "kommunen", "Kommunene", "1. januar", "12.mai",
         "...", "!", "?»", "…", "Eininga", "tenesteeining", "Leiaren", "partane", "§ 6-2", "....", "jf. lov",
         "Gjøvik kommune", "ı", "ſ", "İ", "K", "ς", " ", "\n", ".", ",", "x", "2019", "Samarbeidsavtalen", "avtala",
         "_avtalen", "1avtalen", "dokumentet", "er", "ble", "signert", "SIGNERT", "ikke", "helseloven", "til"]


def _texts(count: int, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)  # noqa: S311 (test data)
    return ["".join(rnd.choice(WORDS) + rnd.choice(["", " ", "  ", "\n"]) for _ in range(rnd.randint(1, 30)))
            for _ in range(count)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_prefilter_finds_what_the_pattern_finds(pattern: re.Pattern[str]) -> None:
    pf = Prefilter(pattern)
    for text in _texts(1500):
        low = folded(text)
        assert [m.span() for m in pf.finditer(text, low)] == [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in pf.finditer(text, low, 3, 40)] == [m.span() for m in pattern.finditer(text, 3, 40)]
        found = pf.search(text, low, 2)
        expected = pattern.search(text, 2)
        assert (found.span() if found else None) == (expected.span() if expected else None)
        if pattern.search(text):
            assert pf.may_match(text, low)


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_long_stretches_find_what_the_pattern_finds(pattern: re.Pattern[str]) -> None:
    """Stretches long enough to be screened by their text's vocabulary (and texts with one)."""
    rnd = random.Random(3)  # noqa: S311 (test data)
    pf = Prefilter(pattern)
    for _ in range(40):
        text = "".join(rnd.choice(WORDS) + rnd.choice([" ", "  ", "\n", ""]) for _ in range(rnd.randint(300, 900)))
        text = text.replace(rnd.choice(WORDS), "")  # some words absent altogether
        low = folded(text)
        for haystack in (text, low):  # (built for patterns with many literals, then used by every one)
            if haystack is not None:
                _vocabulary(haystack)
        for pos, end in ((0, len(text)), (5, len(text) - 3), (len(text) // 4, len(text))):
            assert ([m.span() for m in pf.finditer(text, low, pos, end)]
                    == [m.span() for m in pattern.finditer(text, pos, end)])


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_gate_never_rules_out_a_match(pattern: re.Pattern[str]) -> None:
    for text in _texts(300, seed=2):
        gate = Gate(pattern, text, folded(text))
        for start in range(0, len(text), 7):
            for end in range(start, len(text) + 1, 11):
                if pattern.search(text[start:end]):
                    assert gate.may_match(start, end)


def test_end_gate_never_rules_out_a_match_at_the_end() -> None:
    unit = r"(?:(?:[A-ZÆØÅ]\w*\s+){0,2}(?:HF|kommune)\b|Helse\s+[A-ZÆØÅ]\w*|part(?:ene|ane))"
    party = re.compile(rf"{unit}(?:\s*(?:og|,)\s*{unit})*", re.IGNORECASE)
    at_end = re.compile(rf"(?P<party>{party.pattern})\s*$", re.IGNORECASE)
    gate = EndGate(party)
    assert gate.suffixes is not None and "helse" in gate.contained
    rnd = random.Random(3)  # noqa: S311 (test data)
    tokens = ["Helse", "Førde", "HF", "og", "Gjøvik", "kommune", "partene", "partane", ",", "x", "skal", " "]
    for _ in range(5000):
        clause = " ".join(rnd.choice(tokens) for _ in range(rnd.randint(1, 8))) + rnd.choice(["", " ", "\n"])
        if at_end.search(clause):
            assert gate.may_end_at(clause, folded(clause), len(clause.rstrip()))


def test_folded_keeps_offsets_or_declines() -> None:
    assert folded("Åse ØRSTA – «Helse»") == "åse ørsta – «helse»"
    for awkward in ("İstanbul", "dotless ı", "long ſ", "micro µ", "ΣΑΣ"):
        assert folded(awkward) is None  # re's case-insensitive matching differs from str.lower there


def test_literals_of_patterns() -> None:
    assert literal_prefixes(re.compile(r"\bkommun(?:en|ene)?\b", re.IGNORECASE)) == ("kommun",)
    assert literal_prefixes(re.compile(r"gr[aå]soner?", re.IGNORECASE)) == ("grasone", "gråsone")
    assert literal_prefixes(re.compile(r"(?:sendt\s+)?på\s+høring", re.IGNORECASE)) == ("på", "sendt")
    assert literal_prefixes(re.compile(r"\w*eining")) is None
    assert required_literals(re.compile(r"\w*eining")) == ("eining",)
    assert literal_prefixes(re.compile(r"[A-Z]x")) is None
    assert Prefilter(re.compile(r"[A-Z]x")).may_match("abc", "abc") is False
