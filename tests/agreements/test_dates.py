"""adopted and revised: the right dates, and never print dates, deadlines or law dates."""

from __future__ import annotations

from samrev.agreements import AgreementText
from samrev.agreements.fields import dates


def both(text: str, **kwargs: object) -> tuple[object, object]:
    adopted, revised = dates.judge(AgreementText.from_text(text, **kwargs))  # type: ignore[arg-type]
    return adopted.value, revised.value


def test_earliest_adoption_and_latest_revision() -> None:
    text = ("Delavtale 2 mellom Kinn kommune og Helse Førde HF\n\n"
            "1. Iverksetting\nAvtalen vart vedteken i kommunestyret 12. mars 2019 og gjeld frå 1. april 2019.\n"
            "Avtalen vart revidert 14.06.2021. Sist endra 3. februar 2023.\n")
    assert both(text) == ("2019-03-12", "2023-02-03")


def test_law_reform_hearing_and_print_dates_are_not_used() -> None:
    text = ("Tjenesteavtale 5 mellom Eidskog kommune og Sykehuset Innlandet HF\n\n"
            "1. Bakgrunn\nSamhandlingsreformen trådte i kraft 1. januar 2012.\n"
            "Høringsfrist 1. mars 2021. Utskrift 03.05.2023.\n"
            "2. Ikrafttredelse\nAvtalen gjelder fra jan. 2020.\n")
    assert both(text) == ("2020-01", None)


def test_version_table_gives_first_and_newest_row() -> None:
    text = ("Delavtale 6 mellom Bodø kommune og Nordlandssykehuset HF\n\n1. Versjoner\n"
            "| 1.0 | 01.02.2013 | Første versjon |\n| 1.1 | 12.03.2016 | Mindre endringer |\n"
            "| 2.0 | 16.08.2021 | Revidert etter helsefellesskap |\n")
    assert both(text) == ("2013-02-01", "2021-08-16")


def test_a_draft_has_no_adoption_date() -> None:
    text = "UTKAST\nDelavtale 12 mellom Kristiansand kommune og Sørlandet sykehus HF\n\nAvtalen gjelder fra 1.1.2024.\n"
    assert both(text)[0] is None


def test_revision_in_a_running_header_counts() -> None:
    text = "Delavtale 2 mellom Åmli kommune og Sørlandet sykehus HF\n\n1. Formål\nPartene skal samarbeide.\n"
    assert both(text, headers=["Sist revidert 03.04.2022"]) == (None, "2022-04-03")
