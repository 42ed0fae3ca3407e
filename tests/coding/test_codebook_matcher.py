"""TermIndex gives exactly the matches of one regex per theme, in one pass."""

from __future__ import annotations

from samrev.coding.codebook import Codebook
from samrev.coding.matcher import TermIndex
from samrev.coding.patterns import compile_patterns

TEXT = """\
Overordnet samarbeidsavtale mellom Helse Førde HF og kommunen. Partane skal sikre reell brukarmedverknad
og heilskaplege, samanhengande tenester. Det er for lite tid til samarbeid, og IKT-løsningene er tungvinte.
LMS-tilbudet og frisklivs-, lærings- og mestringstilbud i kommunen bør bli bedre kjent. Vi møtes ganske
jevnlig i fagrådet, men brukerrepresentantene deltar sjelden. Under koronapandemien ble kurs avlyst.
Self-management programmes and patient education were cancelled; the health trust lacked staff.
Kommunane kjenner ikkje godt nok til kvarandre sine tenester eller korleis sjukehuset jobbar.
"""


def test_same_matches_as_one_regex_per_theme(codebook: Codebook) -> None:
    index = TermIndex({theme.id: theme.all_terms for theme in codebook.themes})
    found = index.find(TEXT * 2)
    for theme in codebook.themes:
        regex, _ = compile_patterns(theme.all_terms)
        expected = [(m.start(), m.end()) for m in regex.finditer(TEXT * 2)]
        assert [(m.start, m.end) for m in found.get(theme.id, [])] == expected, theme.id


def test_groups_and_patterns_are_reported() -> None:
    index = TermIndex({"a": ["møte*", "faste møte*"], "b": ["*møte"]})
    found = index.find("Vi har faste møter og et fellesmøte.")
    assert [(m.pattern, m.start, m.end) for m in found["a"]] == [("faste møte*", 7, 18)]
    assert [(m.pattern, m.start, m.end) for m in found["b"]] == [("*møte", 25, 35)]


def test_match_word() -> None:
    index = TermIndex({"offer": ["læringstilbud*", "lms"], "other": ["*tilbud"]})
    assert index.match_word("Læringstilbud") == {"offer": "læringstilbud*", "other": "*tilbud"}
    assert index.match_word("læringsnettverk") == {}
