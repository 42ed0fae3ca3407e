"""Norwegian date mentions, their precision and cue (≥ 40 labelled examples)."""

from __future__ import annotations

import pytest

from samrev.text import find_dates

# text, [(value, precision, cue)]
FOUND = [
    ("Avtalen gjelder fra 1. januar 2019.", [("2019-01-01", "day", "adopted")]),
    ("Dato: 01.01.2019", [("2019-01-01", "day", None)]),
    ("Vedtatt 1.1.19 i PSU", [("2019-01-01", "day", "adopted")]),
    ("Oppretta 2019-01-01", [("2019-01-01", "day", None)]),
    ("Avtalen vart inngått januar 2019.", [("2019-01", "month", "adopted")]),
    ("Godkjent jan. 2019", [("2019-01", "month", "adopted")]),
    ("Godkjent jan 2019", [("2019-01", "month", "adopted")]),
    ("Signert 1. jan. 2019", [("2019-01-01", "day", "adopted")]),
    ("Avtalen vart vedteke 12. mars 2021 i kommunestyret.", [("2021-03-12", "day", "adopted")]),
    ("Rev. 16.08.21", [("2021-08-16", "day", "revised")]),
    ("Revidert november 2018", [("2018-11", "month", "revised")]),
    ("Utgave mai 2020", [("2020-05", "month", None)]),
    ("Sist endret 03.02.2023", [("2023-02-03", "day", "revised")]),
    ("Sist endra 2. februar 2022", [("2022-02-02", "day", "revised")]),
    ("Avtalen vart revidert våren 2022.", [("2022", "year", "revised")]),
    ("Evaluert hausten 2021", [("2021", "year", None)]),
    ("Avtalen ble inngått i 2012.", [("2012", "year", "adopted")]),
    ("Avtalen gjeld frå 2012.", [("2012", "year", "adopted")]),
    ("Gjelder fra år 2013", [("2013", "year", "adopted")]),
    ("Avtalen gjeld frå 01.08.2022 og erstattar avtalane frå 1. juli 2012.",
     [("2022-08-01", "day", "adopted"), ("2012-07-01", "day", "other")]),
    ("Avtalen erstatter avtale vedtatt 1. juli 2012.", [("2012-07-01", "day", "other")]),
    ("Avtalen erstatter tidligere avtale og gjelder fra 1. august 2022.", [("2022-08-01", "day", "adopted")]),
    ("Gjeldende fra 31.01.2013", [("2013-01-31", "day", "adopted")]),
    ("Gjeldande frå 1. mars 2020", [("2020-03-01", "day", "adopted")]),
    ("Avtalen trer i kraft 1. januar 2021.", [("2021-01-01", "day", "adopted")]),
    ("Avtalen tek til å gjelde 1. mai 2020.", [("2020-05-01", "day", "adopted")]),
    ("Underteikna 10.10.2020", [("2020-10-10", "day", "adopted")]),
    ("Godkjend av kommunestyret 12/03/2021", [("2021-03-12", "day", "adopted")]),
    ("Vedtatt 1.1.2012, revidert 3.3.2020.",
     [("2012-01-01", "day", "adopted"), ("2020-03-03", "day", "revised")]),
    ("Oppdatert 5. september 2023", [("2023-09-05", "day", "revised")]),
    ("Høringsfrist: 15.05.2023", [("2023-05-15", "day", "other")]),
    ("Høyringsfrist 1. juni 2022", [("2022-06-01", "day", "other")]),
    ("Utskrift 12.12.2022", [("2022-12-12", "day", "other")]),
    ("Møtedato 3.3.2021", [("2021-03-03", "day", "other")]),
    ("Frist for innspill: 1. oktober 2021", [("2021-10-01", "day", "other")]),
    ("Avtalen skal revideres innen 1. januar 2025.", [("2025-01-01", "day", "other")]),
    ("jf. lov 24. juni 2011 nr. 30 om kommunale helse- og omsorgstjenester",
     [("2011-06-24", "day", "other")]),
    ("Forskrift 14. november 2011 nr. 1256", [("2011-11-14", "day", "other")]),
    ("Utkast 02.02.2024", [("2024-02-02", "day", "other")]),
    ("Published in March 2020", [("2020-03", "month", None)]),
    ("Avtalen er revidert. Den 3. mars 2023 ble den sendt ut.", [("2023-03-03", "day", None)]),
    ("Revisjon 2.0 godkjent 4.4.2024", [("2024-04-04", "day", "adopted")]),
]

NOT_DATES = [
    "31.02.2020",
    "30.13.2020",
    "versjon 2.1.3",
    "punkt 2.1.12",
    "§ 6-2 første ledd",
    "tlf. 22 33 44 55",
    "22.33.44.55",
    "kl. 10.00",
    "Det var 2012 personer på kurset.",
    "Avtalen gjelder for perioden 2020–2023.",
    "Prop. 102 L (2020–2021)",
    "NOU 2023:4",
    "2.1.12 Utskriving av pasientar",
    "Postnummer 5020 Bergen",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    mentions = find_dates(text)
    assert [(m.value, m.precision, m.cue) for m in mentions] == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        if mention.cue_span is not None:
            assert text[mention.cue_span[0]:mention.cue_span[1]] == mention.cue_text


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_enough_examples() -> None:
    assert len(FOUND) + len(NOT_DATES) >= 40


def test_cue_span_is_the_nearest_keyword() -> None:
    text = "Vedtatt i PSU 2. juni 2020, revidert etter høring 3. mars 2022."
    first, second = find_dates(text)
    assert first.cue == "adopted" and first.cue_span is not None
    assert text[first.cue_span[0]:first.cue_span[1]] == "Vedtatt"
    assert second.cue == "other" and second.cue_text == "høring"


@pytest.mark.parametrize(("nn", "nb"), [
    ("Avtalen trådde i kraft 1. mars 2020.", "Avtalen trådte i kraft 1. mars 2020."),
    ("Avtalen vart iverksett 1. mars 2020.", "Avtalen ble iverksatt 1. mars 2020."),
    ("Avtalen skal iverksetjast 1. mars 2020.", "Avtalen skal iverksettes 1. mars 2020."),
    ("Avtalen er underskriven 1. mars 2020.", "Avtalen er underskrevet 1. mars 2020."),
])
def test_nynorsk_adoption_cues(nn: str, nb: str) -> None:
    for text in (nn, nb):
        assert [(m.value, m.cue) for m in find_dates(text)] == [("2020-03-01", "adopted")]


@pytest.mark.parametrize("text", ["Neste planlagte revisjon: 2026.", "Neste revisjon 2027.",
                                  "Planlagt revisjon i 2025.", "Neste planlagde rullering: 2028."])
def test_a_planned_revision_is_no_revision(text: str) -> None:
    assert [m.cue for m in find_dates(text)] == ["other"]


@pytest.mark.parametrize(("text", "value"), [("2.0 | 11.2023 | Nytt punkt", "2023-11"),
                                             ("Sist revidert 03/2024", "2024-03")])
def test_a_month_and_year_in_figures(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text)] == [value]
