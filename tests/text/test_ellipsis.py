"""Hyphen-ellipsis compounds: forward («lærings- og mestringstilbud») and backward («samarbeidsavtaler og -rutiner»)."""

from __future__ import annotations

import pytest

from samrev.text import ElidedFragment, expand_ellipsis_compounds, find_ellipsis_compounds


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("frisklivs-, lærings- og mestringstilbud",
         ["frisklivstilbud", "læringstilbud", "mestringstilbud"]),
        ("frisklivs-, lærings- og meistringstilbod",
         ["frisklivstilbod", "læringstilbod", "meistringstilbod"]),
        ("pasient- og pårørendeopplæring", ["pasientopplæring", "pårørendeopplæring"]),
        ("pasient- og pårørandeopplæring", ["pasientopplæring", "pårørandeopplæring"]),
        ("helse- og omsorgstjenester", ["helsetjenester", "omsorgstjenester"]),
        ("helse- og omsorgstenester", ["helsetenester", "omsorgstenester"]),
        ("kommune- og spesialisthelsetjenesten", ["kommunehelsetjenesten", "spesialisthelsetjenesten"]),
        ("lærings- eller mestringssentre", ["læringssentre", "mestringssentre"]),
        ("diabetes- og hjertekurs", ["diabeteskurs", "hjertekurs"]),
    ],
)
def test_expansion(text: str, forms: list[str]) -> None:
    assert list(expand_ellipsis_compounds(text)) == forms


def test_spans_in_running_text() -> None:
    text = ("Kommunen gir frisklivs-, lærings- og mestringstilbud, "
            "og sykehuset gir pasient- og pårørendeopplæring.")
    found = find_ellipsis_compounds(text)
    assert [text[c.start:c.end] for c in found] == [
        "frisklivs-, lærings- og mestringstilbud", "pasient- og pårørendeopplæring"]
    assert found[0].head == "tilbud"


def test_no_expansion_without_ellipsis() -> None:
    assert list(expand_ellipsis_compounds("Sør-Øst og e-helse, mestringstilbud og kurs.")) == []


def fragments(text: str) -> list[ElidedFragment]:
    return [fragment for compound in find_ellipsis_compounds(text) for fragment in compound.fragments]


# --- moved from tests/coding/test_lexicon_ellipsis.py (assertions unchanged) --------------------


def test_fragments_and_most_plausible_expansion() -> None:
    text = "Vi har frisklivs-, lærings- og mestringstilbud."
    found = fragments(text)
    assert [text[e.start : e.end] for e in found] == ["frisklivs-", "lærings-"]
    assert [e.candidates[0] for e in found] == ["frisklivstilbud", "læringstilbud"]


def test_backward_ellipsis() -> None:
    text = "samarbeidsavtaler og -rutiner"
    (found,) = fragments(text)
    assert text[found.start : found.end] == "-rutiner"
    assert found.candidates[0] == "samarbeidsrutiner"


def test_nynorsk_and_other_compounds() -> None:
    firsts = {
        e.candidates[0]
        for text in [
            "lærings- og meistringstilbod",
            "pasient- og pårørendeopplæring",
            "helse- og omsorgstjenester",
            "oppgåve- og ansvarsfordeling",
        ]
        for e in fragments(text)
    }
    assert firsts == {"læringstilbod", "pasientopplæring", "helsetjenester", "oppgåvefordeling"}


# --- backward compounds, fragments and candidates -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("samarbeidsavtaler og -rutiner", ["samarbeidsavtaler", "samarbeidsrutiner"]),
        ("Brukarmedverknad og -representasjon", ["Brukarmedverknad", "Brukarrepresentasjon"]),
        ("kvalitetsforbedring og -sikring", ["kvalitetsforbedring", "kvalitetssikring"]),
        ("samarbeidsutvalet og -avtalen", ["samarbeidsutvalet", "samarbeidsavtalen"]),
        ("samarbeidsavtaler, -rutiner og -møter",
         ["samarbeidsavtaler", "samarbeidsrutiner", "samarbeidsmøter"]),
    ],
)
def test_backward_expansion(text: str, forms: list[str]) -> None:
    assert list(expand_ellipsis_compounds(text)) == forms


def test_backward_compound_fields() -> None:
    text = "Partane reviderer samarbeidsavtalar og -rutinar kvart år."
    (compound,) = find_ellipsis_compounds(text)
    assert compound.backward and compound.head == "samarbeids"
    assert text[compound.start:compound.end] == compound.text == "samarbeidsavtalar og -rutinar"
    (fragment,) = compound.fragments
    assert text[fragment.start:fragment.end] == fragment.text == "-rutinar"
    assert fragment.candidates[0] == "samarbeidsrutinar"


def test_forward_fragments_point_into_the_text() -> None:
    text = "Kommunen gir frisklivs-, lærings- og mestringstilbud."
    (compound,) = find_ellipsis_compounds(text)
    assert not compound.backward
    assert [(f.text, text[f.start:f.end]) for f in compound.fragments] == [
        ("frisklivs-", "frisklivs-"), ("lærings-", "lærings-")]


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # fewest known words: opplærings|tilbud, samarbeids|arenaer, not opp|…, sam|…
        ("Kurs- og opplæringstilbud", ["Kurstilbud", "opplæringstilbud"]),
        ("møte- og samarbeidsarenaer", ["møtearenaer", "samarbeidsarenaer"]),
        ("fag- og samarbeidsmøte", ["fagmøte", "samarbeidsmøte"]),
        # a two-letter first element
        ("Inn- og utskriving", ["Innskriving", "utskriving"]),
        # a known full word breaks a tie
        ("kvalitets- og pasientsikkerhetsarbeid", ["kvalitetsarbeid", "pasientsikkerhetsarbeid"]),
        ("bruker- og pårørendeorganisasjoner", ["brukerorganisasjoner", "pårørendeorganisasjoner"]),
        ("rus- og psykiatritenester", ["rustenester", "psykiatritenester"]),
        # an acronym keeps its hyphen; only the last segment of a hyphenated word is split
        ("IKT- og journalsystemer", ["IKT-systemer", "journalsystemer"]),
        ("IKT- og e-helsetjenester", ["IKT-tjenester", "e-helsetjenester"]),
        ("e-helse- og velferdsteknologi", ["e-helseteknologi", "velferdsteknologi"]),
        # other conjunctions and separators, a Unicode hyphen
        ("frisklivs- lærings- Og mestringstilbud", ["frisklivstilbud", "læringstilbud", "mestringstilbud"]),
        ("frisklivs-,lærings- & mestringstilbud", ["frisklivstilbud", "læringstilbud", "mestringstilbud"]),
        ("lærings- og/eller meistringstilbod", ["læringstilbod", "meistringstilbod"]),
        ("lærings\u2010 samt meistringstilbod", ["læringstilbod", "meistringstilbod"]),
    ],
)
def test_more_forward_expansions(text: str, forms: list[str]) -> None:
    assert list(expand_ellipsis_compounds(text)) == forms


def test_other_splits_follow_as_candidates() -> None:
    # «helse-» here is helseloven or helsetjenesteloven; both stay candidates for matching.
    (fragment,) = fragments("helse- og omsorgstjenesteloven")
    assert {"helseloven", "helsetjenesteloven"} <= set(fragment.candidates[:2])
    (fragment,) = fragments("lærings- og mestringstilbud")
    assert fragment.candidates[0] == "læringstilbud" and len(fragment.candidates) > 1


@pytest.mark.parametrize(
    "text", ["Helse Sør-Øst- og Midt-Norge", "fra 2019- og -2020", "Vi har 2- og 3-sengsrom", "A og -B"])
def test_no_expansion_of_other_hyphens(text: str) -> None:
    assert find_ellipsis_compounds(text) == []
