"""Recognising organisations in free text (bokmål, nynorsk, Sami, Kven), with exact spans."""

from __future__ import annotations

import pytest

from samrev.registry import EntityMatch, match


def found(text: str, year: int = 2024, **kwargs: bool) -> list[tuple[str, str, str]]:
    """(kind, id, surface) of each match, after checking every span against the text."""
    results = match(text, year, **kwargs)
    for m in results:
        assert text[m.start:m.end] == m.surface
    return [(m.kind, m.id, m.surface) for m in results]


def test_acceptance_sentence() -> None:
    text = "Avtale mellom Sykehuset Innlandet HF og Gjøvik kommune og Vestre Toten kommune"
    results = match(text)
    assert [(m.kind, m.id, m.canonical, m.start, m.end) for m in results] == [
        ("health_trust", "si", "Sykehuset Innlandet HF", 14, 36),
        ("municipality", "3407", "Gjøvik", 40, 46),
        ("municipality", "3443", "Vestre Toten", 58, 70),
    ]
    assert results[0].parent == "helse-sor-ost"
    assert results[1].parent == "34"


@pytest.mark.parametrize(("text", "expected"), [
    ("Helse Førde HF", [("health_trust", "helse-forde", "Helse Førde HF")]),
    ("Helse Førde helseføretak", [("health_trust", "helse-forde", "Helse Førde helseføretak")]),
    ("Partnarane er Helse Førde og kvar einskild kommune.", [("health_trust", "helse-forde", "Helse Førde")]),
    ("Avtalen mellom Helse Bergen HF og Askøy kommune", [
        ("health_trust", "helse-bergen", "Helse Bergen HF"), ("municipality", "4627", "Askøy")]),
    ("St. Olavs hospital HF og St. Olav", [
        ("health_trust", "st-olav", "St. Olavs hospital HF"), ("health_trust", "st-olav", "St. Olav")]),
    ("Helse Sør-Øst RHF eig Sykehuset Telemark HF.", [
        ("rhf", "helse-sor-ost", "Helse Sør-Øst RHF"), ("health_trust", "sthf", "Sykehuset Telemark HF")]),
    ("Sørlandet sjukehus HF", [("health_trust", "sshf", "Sørlandet sjukehus HF")]),
    ("Universitetssykehuset Nord-Norge HF (UNN)", [
        ("health_trust", "unn", "Universitetssykehuset Nord-Norge HF"), ("health_trust", "unn", "UNN")]),
])
def test_health_trust_forms_longest_span(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_abbreviations_whole_word_and_case_sensitive() -> None:
    assert found("UNN, OUS, SSHF og Ahus har LMS.") == [
        ("health_trust", "unn", "UNN"), ("health_trust", "ous", "OUS"), ("health_trust", "sshf", "SSHF"),
        ("health_trust", "ahus", "Ahus")]
    assert found("unn og ous; UNNE, OUSLO, SSHFX og Ahusene") == []


def test_weak_abbreviation_needs_full_name_in_text() -> None:
    assert found("SI er en SI-enhet.") == []
    assert found("Sykehuset Innlandet (SI). SI har LMS.") == [
        ("health_trust", "si", "Sykehuset Innlandet"), ("health_trust", "si", "SI"),
        ("health_trust", "si", "SI")]


def test_sites_are_reported_as_sites() -> None:
    assert found("Haukeland universitetssjukehus og Stavanger universitetssjukehus (SUS)") == [
        ("site", "haukeland", "Haukeland universitetssjukehus"),
        ("site", "sus", "Stavanger universitetssjukehus"), ("site", "sus", "SUS")]
    assert found("Kurset holdes på Gjøvik sykehus og Lillehammer sykehus.") == [
        ("site", "gjovik-sykehus", "Gjøvik sykehus"), ("site", "lillehammer-sykehus", "Lillehammer sykehus")]
    [m] = match("Hamar sykehus")
    assert m.parent == "si"


def test_private_hospitals() -> None:
    text = "Lovisenberg Diakonale Sykehus, Diakonhjemmet Sykehus og Haraldsplass Diakonale Sykehus AS"
    assert found(text) == [
        ("private_hospital", "lovisenberg", "Lovisenberg Diakonale Sykehus"),
        ("private_hospital", "diakonhjemmet", "Diakonhjemmet Sykehus"),
        ("private_hospital", "haraldsplass", "Haraldsplass Diakonale Sykehus AS")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Guovdageainnu suohkan", [("municipality", "5612", "Guovdageainnu suohkan")]),
    ("Kárášjoga gielda ja Unjárga", [
        ("municipality", "5610", "Kárášjoga gielda"), ("municipality", "5636", "Unjárga")]),
    ("Deatnu ja Porsáŋgu", [("municipality", "5628", "Deatnu"), ("municipality", "5622", "Porsáŋgu")]),
    ("Raarvihken tjïelte jïh Snåasen tjïelte", [
        ("municipality", "5043", "Raarvihken tjïelte"), ("municipality", "5041", "Snåasen tjïelte")]),
    ("Gáivuona suohkan – Kåfjord kommune – Kaivuonon komuuni", [
        ("municipality", "5540", "Gáivuona suohkan"), ("municipality", "5540", "Kåfjord"),
        ("municipality", "5540", "Kaivuonon komuuni")]),
    ("Hábmer og Aarborte", [("municipality", "1875", "Hábmer"), ("municipality", "1826", "Aarborte")]),
])
def test_sami_and_kven_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_sami_forms_in_2020_structure_use_2020_numbers() -> None:
    assert found("Guovdageainnu suohkan", 2020) == [("municipality", "5430", "Guovdageainnu suohkan")]


def test_decomposed_unicode_is_matched() -> None:
    text = "Ka\u0301ra\u0301s\u030cjoga gielda"  # NFD
    assert found(text) == [("municipality", "5610", text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bergen kommunes rolle", [("municipality", "4601", "Bergen")]),
    ("Gjøvik kommunes tilbud", [("municipality", "3407", "Gjøvik")]),
    ("Bergens innbyggere", [("municipality", "4601", "Bergens")]),
    ("Nordlandssykehusets LMS", [("health_trust", "nlsh", "Nordlandssykehusets")]),
    ("GJØVIK KOMMUNE", [("municipality", "3407", "GJØVIK")]),
    ("Askøy kommune", [("municipality", "4627", "Askøy")]),
    ("Kommunestyret i Stryn kommune vedtok avtalen.", [("municipality", "4651", "Stryn")]),
])
def test_genitive_and_municipality_word(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Avtalen gjeld kommunane Stryn og Gloppen.", [
        ("municipality", "4651", "Stryn"), ("municipality", "4650", "Gloppen")]),
    ("med kommunene Tydal, Selbu, Stjørdal og Meråker", [
        ("municipality", "5033", "Tydal"), ("municipality", "5032", "Selbu"),
        ("municipality", "5035", "Stjørdal"), ("municipality", "5034", "Meråker")]),
    ("Jæren DPS og kommunene Klepp, Time, Hå og Gjesdal", [
        ("municipality", "1120", "Klepp"), ("municipality", "1121", "Time"),
        ("municipality", "1119", "Hå"), ("municipality", "1122", "Gjesdal")]),
    ("Lund og Hole kommuner har signert.", [
        ("municipality", "1112", "Lund"), ("municipality", "3310", "Hole")]),
    ("Kommune: Sel", [("municipality", "3437", "Sel")]),
    ("Samarbeidskommunane Vik, Aurland og Lærdal", [
        ("municipality", "4639", "Vik"), ("municipality", "4641", "Aurland"),
        ("municipality", "4642", "Lærdal")]),
])
def test_lists_after_or_before_municipality_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_ambiguous_names_with_preposition_or_unambiguous_neighbour() -> None:
    assert found("Kurset holdes i Moss og på Ås.") == [
        ("municipality", "3103", "Moss"), ("municipality", "3218", "Ås")]
    assert found("Deltakere fra Bergen, Voss og Os.") == [
        ("municipality", "4601", "Bergen"), ("municipality", "4621", "Voss"), ("municipality", "3430", "Os")]


@pytest.mark.parametrize("text", [
    "Vi tar tiden til hjelp.",
    "Det er lund og hole i skogen.",
    "Vi møtes om en time på stranda.",
    "Sola skinner, og Time er knapp.",
    "Kari Lund og Per Hole deltok på møtet.",
    "Moss grows on the north side.",
    "Det var en fin strand ved sjøen, og vi så en sel.",
    "Time for time, dag for dag.",
    "TIME OG STED: MØTEROM 2",
    "Lom og ål er dyr.",
    "Herøy og Våler er navn.",
    "Hun heter Tana og bor på landet.",
    "Alta er et ord.",
])
def test_no_false_positives(text: str) -> None:
    assert found(text) == []


def test_shared_name_returns_both_without_context() -> None:
    results = match("Herøy kommune")
    assert [(m.id, m.ambiguous) for m in results] == [("1515", True), ("1818", True)]
    assert {(m.start, m.end) for m in results} == {(0, 5)}


@pytest.mark.parametrize(("text", "year", "expected_id"), [
    ("Herøy kommune i Nordland", 2024, "1818"),
    ("Herøy kommune (Møre og Romsdal)", 2024, "1515"),
    ("Herøy kommunestyre vedtok avtalen med Helse Møre og Romsdal HF", 2024, "1515"),
    ("Helgelandssykehuset HF og Herøy kommune", 2024, "1818"),
    ("Våler kommune i Hedmark", 2020, "3419"),
    ("Våler kommune i Østfold", 2020, "3018"),
    ("Våler kommune i Østfold", 2024, "3114"),
    ("Sykehuset Østfold HF og Våler kommune", 2024, "3114"),
])
def test_shared_name_disambiguated_by_context(text: str, year: int, expected_id: str) -> None:
    municipalities = [m for m in match(text, year) if m.kind == "municipality"]
    assert [(m.id, m.ambiguous) for m in municipalities] == [(expected_id, False)]


def test_counties_and_historical_counties() -> None:
    assert found("Fylkene Troms og Finnmark, Vestland og Hedmark") == [
        ("county", "54", "Troms og Finnmark"), ("county", "46", "Vestland"), ("county", "04", "Hedmark")]
    assert found("Nordland fylkeskommune") == [("county", "18", "Nordland")]
    assert found("Østfold", 2024) == [("county", "31", "Østfold")]


def test_year_chooses_numbers() -> None:
    assert found("Drammen kommune", 2020) == [("municipality", "3005", "Drammen")]
    assert found("Drammen kommune", 2024) == [("municipality", "3301", "Drammen")]
    assert found("Haram kommune", 2024) == [("municipality", "1580", "Haram")]
    assert found("Haram kommune", 2020) == []


def test_nynorsk_agreement_paragraph() -> None:
    text = ("Overordna samarbeidsavtale mellom Helse Førde HF og Sogndal kommune. Partane er Helse Førde "
            "helseføretak og kommunane Luster, Årdal og Lærdal. Avtalen gjeld frå 01.08.2022.")
    assert found(text) == [
        ("health_trust", "helse-forde", "Helse Førde HF"), ("municipality", "4640", "Sogndal"),
        ("health_trust", "helse-forde", "Helse Førde helseføretak"), ("municipality", "4644", "Luster"),
        ("municipality", "4643", "Årdal"), ("municipality", "4642", "Lærdal")]


def test_line_breaks_inside_names() -> None:
    text = "Sykehuset\nInnlandet HF og Vestre\nToten kommune"
    assert found(text) == [
        ("health_trust", "si", "Sykehuset\nInnlandet HF"), ("municipality", "3443", "Vestre\nToten")]


def test_dash_variants() -> None:
    assert found("Helse Sør–Øst RHF og Nord‑Odal kommune") == [
        ("rhf", "helse-sor-ost", "Helse Sør–Øst RHF"), ("municipality", "3414", "Nord‑Odal")]


def test_fuzzy_only_behind_flag() -> None:
    text = "Sykehuset lnnlandet HF og Gjovik kommune"
    assert found(text) == []
    results = match(text, fuzzy=True)
    assert [(m.id, m.surface) for m in results] == [("si", "Sykehuset lnnlandet HF"), ("3407", "Gjovik")]
    assert all(m.score < 100 and "fuzzy" in m.rule for m in results)
    assert found("Bergan og oslofjorden", fuzzy=True) == []  # below the threshold / not capitalised


def test_entity_match_to_dict() -> None:
    [m] = match("Bergen kommune")
    assert isinstance(m, EntityMatch)
    assert m.to_dict() == {"kind": "municipality", "id": "4601", "canonical": "Bergen", "start": 0, "end": 6,
                           "surface": "Bergen", "parent": "46", "ambiguous": False, "rule": "kommuneord",
                           "score": 100.0}


def _agreement(pages: int = 50) -> str:
    paragraph = (
        "Partene skal samarbeide om innleggelse, utskrivning, habilitering, rehabilitering og lærings- og "
        "mestringstilbud, slik at pasienter som har behov for koordinerte tjenester, får et helhetlig og "
        "sammenhengende tilbud. Sykehuset Innlandet HF og Gjøvik kommune skal sammen med brukerutvalget "
        "evaluere tilbudet hvert år. Tjenesteavtalen gjelder også for kommunene Østre Toten, Vestre Toten, "
        "Søndre Land og Nordre Land. Det er et mål at tiden fra henvisning til kurs blir kortere, og at "
        "en time med sykepleier kan gis i kommunen. Ved uenighet tas saken opp i samarbeidsutvalget. "
    )
    return paragraph * (pages * 3000 // len(paragraph))


def test_a_fifty_page_document_is_matched_whole() -> None:
    # (its speed is measured by benchmarks/text_speed.py, not here: timed tests fail on busy machines)
    text = _agreement()
    assert len(text) >= 140_000
    results = match(text)
    assert len(results) > 1000
    assert all(text[r.start:r.end] == r.surface for r in results[:50])
