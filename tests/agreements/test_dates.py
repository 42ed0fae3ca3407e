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


def test_version_table_with_approval_column_gives_first_adoption_and_latest_revision() -> None:
    # the newest row is "godkjent" too: that approves a revision, not the agreement's first adoption
    text = ("Tjenesteavtale 8 mellom Vefsn kommune og Helgelandssykehuset HF\n\nVersjonshistorikk\n"
            "Versjon\tDato\tEndring\tGodkjent av\n"
            "1\t14.03.2013\tFørste versjon\tSamarbeidsutvalget\n"
            "2\t09.10.2017\tGodkjent etter revisjon\tSamarbeidsutvalget\n"
            "3\t27.04.2023\tGodkjent med nye lovkrav\tSamarbeidsutvalget\n\n1. Formål\nTekst.\n")
    assert both(text) == ("2013-03-14", "2023-04-27")


def test_version_table_newest_first_and_date_first_in_nynorsk() -> None:
    newest_first = ("Tenesteavtale 8 mellom Stryn kommune og Helse Førde HF\n\n"
                    "| Versjon | Dato | Endring |\n|---|---|---|\n| 3.0 | 27.04.2023 | Godkjend i SSU |\n"
                    "| 2.0 | 09.10.2017 | Revidert |\n| 1.0 | 14.03.2013 | Første versjon |\n\n1. Føremål\nTekst.\n")
    assert both(newest_first) == ("2013-03-14", "2023-04-27")
    date_first = ("Tenesteavtale 8 mellom Stryn kommune og Helse Førde HF\n\nEndringslogg\n"
                  "14.03.2013    1.0    Første utgåve\n09.10.2017    2.0    Vedteken i SSU etter revisjon\n\n"
                  "1. Føremål\nTekst.\n")
    assert both(date_first) == ("2013-03-14", "2017-10-09")


def test_version_lines_with_a_dash_give_the_newest_as_revision() -> None:
    text = ("Delavtale 4 mellom Alta kommune og Finnmarkssykehuset HF\n\nVersjon 1.0 – godkjent 20.05.2014\n"
            "Versjon 1.1 – godkjent 11.11.2019\n\n1. Formål\nTekst.\n")
    assert both(text) == ("2014-05-20", "2019-11-11")


def test_version_table_in_pdf_text_with_whole_numbers() -> None:
    # PDF text extraction closes the column gaps; versions are whole numbers
    text = ("Delavtale 6 mellom Meløy kommune og Nordlandssykehuset HF\n\nVersjon Dato Endring Godkjent av\n"
            "1 14.03.2013 Første versjon OSU\n2 09.10.2017 Revidert OSU\n3 27.04.2023 Godkjent med nye lovkrav OSU\n"
            "\n1. Formål\nTekst.\n")
    assert both(text) == ("2013-03-14", "2023-04-27")


def test_two_column_signing_dates_date_the_agreement() -> None:
    text = ("Tenesteavtale 4 mellom Kinn kommune og Helse Førde HF\n\n1. Føremål\nPartane skal samarbeide.\n\n"
            "Førde, 12.03.2024          Florø, 14.03.2024\nKari Nordmann          Per Olav Hansen\n"
            "Administrerande direktør          Kommunedirektør\n")
    assert both(text) == ("2024-03-12", None)


def test_a_wrapped_version_cell_naming_the_replaced_agreement_is_not_a_row() -> None:
    """«Erstatter» at the end of one line and the old agreement's date on the next (a cell wrapped
    by the PDF): that date is the replaced agreement's, and the table goes on after it."""
    text = ("Overordna samarbeidsavtale mellom Helse Fonna HF og kommunane\n"
            "Versjon Dato Endring\n"
            "1.0 01.01.2022 Ny overordna avtale for helsefellesskapet. Erstattar\n"
            " overordna samarbeidsavtale av 1. juli 2012 med seinare endringar.\n"
            "1.1 14.06.2023 Revidert pkt. 7.2 (samansetjing av SSU).\n"
            "1. Partar\nAvtalen er inngått mellom Helse Fonna HF og kommunane i området.\n")
    assert both(text) == ("2022-01-01", "2023-06-14")
    # without the replacing word the wrapped line's date still counts as before
    kept = text.replace(" Erstattar\n overordna samarbeidsavtale av", "\n revidert avtale av")
    assert both(kept)[0] == "2012-07-01"


def test_the_date_of_an_earlier_agreement_is_not_the_adoption() -> None:
    text = ("Overordnet samarbeidsavtale mellom Orkland kommune og St. Olavs hospital HF\n\n"
            "1. Bakgrunn\nDen første avtalen mellom partene ble inngått i 2012, og den gang var avtaleparter "
            "de tidligere kommunene Orkdal og Meldal.\n"
            "2. Ikrafttredelse\nAvtalen gjelder fra 1. januar 2020.\n")
    assert both(text)[0] == "2020-01-01"
    nn = text.replace("Den første avtalen mellom partene ble inngått", "Den tidlegare avtalen vart vedteken")
    assert both(nn)[0] == "2020-01-01"


def test_the_dates_of_a_signature_table_are_signing_dates() -> None:
    text = ("Tjenesteavtale 5 mellom Sel kommune og Sykehuset Innlandet HF\n\n1. Formål\n"
            "Partene skal samarbeide om utskrivningsklare pasienter.\n\n7. Ikrafttredelse\n"
            "Avtalen trer i kraft ved signering.\n8. Signaturer\nPart\tNavn\tSted og dato\n"
            "Sel kommune\tKjersti Brenna Gjeilo, kommunedirektør\tOtta, 12.09.2022\n"
            "Sykehuset Innlandet HF\tLine Hovde Stensrud, administrerende direktør\tOtta, 14.09.2022\n")
    assert both(text)[0] == "2022-09-12"


def test_a_version_table_row_wrapped_without_indentation_goes_on() -> None:
    # OCR gives no indentation (and reads "1.1" as "1,1"): the wrapped rest of a row opens its own
    # line in lower case
    text = ("Tjenesteavtale 4 mellom Halden kommune og Sykehuset Østfold HF\n\nVersjon Dato Endring\n"
            "1.0 14.01.2016 Første versjon, vedtatt av\nbystyret og styret\n"
            "1,1 22.05.2019 Endret punkt 5 om kriterier for\ninnleggelse\n\n1. Parter\n"
            "Avtalen er inngått mellom Halden kommune og Sykehuset Østfold HF.\n")
    assert both(text) == ("2016-01-14", "2019-05-22")


def test_a_footnote_run_into_the_sentence_does_not_make_it_a_law_date() -> None:
    text = ("Delavtale 5 mellom Målselv kommune og Universitetssykehuset Nord-Norge HF\n\n5. Vedtak\n"
            "Avtalen ble vedtatt i Målselv kommunestyre 14.12.2016 og i styret for UNN 25.01.2017.\n"
            "1 Jf. forskrift om kommunal betaling for utskrivningsklare pasienter av 18. november 2016.\n")
    assert both(text)[0] == "2016-12-14"


def test_approving_a_later_version_is_a_revision() -> None:
    text = ("Delavtale 2 mellom Aurskog-Høland kommune og Akershus universitetssykehus HF\n\n5. Versjoner\n"
            "Versjon 1.0 ble vedtatt 05.12.2019. Versjon 2.1 ble godkjent 12.06.2023 med ny beskrivelse av "
            "diabeteskurset.\n")
    assert both(text) == ("2019-12-05", "2023-06-12")


def test_the_most_precise_form_of_the_same_adoption_wins() -> None:
    text = ("Overordnet samarbeidsavtale mellom Siljan kommune og Sykehuset Telemark HF\n\n"
            "1. Historikk\nAvtalen ble første gang inngått i 2012.\n2. Gyldighet\nAvtalen gjelder fra 01.03.2012.\n")
    assert both(text)[0] == "2012-03-01"
