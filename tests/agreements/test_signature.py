"""signature: signed, unsigned or unknown per the spec."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from samrev.agreements import AgreementText
from samrev.agreements.fields import signature

BODY = "Delavtale 3 mellom Lunner kommune og Sykehuset Innlandet HF\n\n1. Formål\nPartene skal samarbeide.\n\n"


def judge(tail: str, **kwargs: object) -> str:
    return str(signature.judge(AgreementText.from_text(BODY + tail, **kwargs)).value)  # type: ignore[arg-type]


def test_names_and_date_in_the_block_are_signed() -> None:
    tail = ("Lunner, 12. mars 2021\n\nFor Lunner kommune            For Sykehuset Innlandet HF\n"
            "Kari Nordmann                 Ola Hansen\nkommunedirektør               administrerende direktør\n")
    assert judge(tail) == "signed"


def test_sign_marks_are_signed() -> None:
    block = "For Lunner kommune\nKari Nordmann (sign.)\n\nFor Sykehuset Innlandet HF\nOla Hansen (sign.)\n"
    assert judge(block) == "signed"


def test_empty_lines_and_placeholders_are_unsigned() -> None:
    assert judge("Sted/dato: ____________\n\nFor Lunner kommune: ____________\nFor Sykehuset Innlandet HF: ______\n") \
        == "unsigned"
    assert judge("For Lunner kommune\nNavn:\nDato:\n") == "unsigned"


def test_drafts_are_unsigned_even_when_marked_only_in_a_running_header() -> None:
    assert judge("For Lunner kommune\nKari Nordmann\n", headers=["UTKAST"]) == "unsigned"
    assert judge("Dokumentet er sendt til høring i kommunene.\n".replace("sendt til", "UTKAST –")) == "unsigned"


def test_statements_decide() -> None:
    assert judge("Avtalen er elektronisk signert av begge parter.\n") == "signed"
    assert judge("Merknad: avtalen er ikke signert ennå.\n") == "unsigned"


def test_who_is_to_sign_or_when_it_takes_effect_is_unknown() -> None:
    assert judge("Avtalen signeres av kommunedirektør og administrerende direktør.\n") == "unknown"
    assert judge("Avtalen gjelder fra den dato den er signert av begge parter.\n") == "unknown"


def test_a_digital_signature_in_the_pdf_is_signed() -> None:
    digital = [{"signer": "Kari Nordmann", "signed_at": None, "covers_whole_document": True, "field_name": "S1"}]
    assert judge("For Lunner kommune\n______\n", digital_signatures=digital) == "signed"


def test_a_statement_with_who_signed_counts_after_other_words(assess: Callable[..., Any]) -> None:
    text = ("Delavtale om lærings- og mestringstilbud mellom Kinn kommune og Helse Førde HF\n\n"
            "Partene skal samarbeide om kurs for pasienter.\n\n"
            "Avtalen er vedtatt 12.03.2021 og er underskrevet av begge parter.\n")
    judgement = assess(text).judgements["signature"]
    assert judgement.value == "signed" and "underskrevet av begge" in judgement.evidence[0].text


def test_names_with_sign_marks_count_without_a_block_heading(assess: Callable[..., Any]) -> None:
    text = ("Tenesteavtale 2 mellom Stad kommune og Helse Førde HF\n\nPartane skal samarbeide.\n\n"
            "Nordfjordeid, 1. mars 2023\n"
            "Kari Nordmann (sign.)            Per Olav Hansen (sign.)\n"
            "Stad kommune                     Helse Førde HF\n")
    judgement = assess(text).judgements["signature"]
    assert judgement.value == "signed" and "(sign.)" in judgement.evidence[0].text
    # names side by side under a place and date are filled-in signature lines too (spec: "names
    # filled in at the signature lines with a date"), as a single name under it always was
    assert assess(text.replace(" (sign.)", "")).judgements["signature"].value == "signed"
    # the organisations alone under the date are no names
    no_names = text.replace("Kari Nordmann (sign.)            Per Olav Hansen (sign.)\n", "")
    assert assess(no_names).judgements["signature"].value == "unknown"


HEAD = "Delavtale 3 mellom Vik kommune og Helse Førde HF\n\nPartane skal samarbeide om tilvising.\n\n"


@pytest.mark.parametrize("closing", [
    "Vik, 01.02.2017\n\nSiri Hove Nese, rådmann, Vik kommune\nJon Bolstad Hageberg, adm. dir., Helse Førde HF\n",
    "Høyanger, 1. mai 2016\n\nHøyanger kommune\nTerje Bøyum, rådmann\n",
    # OCR of a two-column block puts place, date and name on one line
    "Underskrifter\n\nHyllestad, 20.04.2021 Kjell Inge Rivedal, Hyllestad kommune\n"
    "Førde, 20.04.2021 Arne Kvåle Sunde, Helse Førde HF\n",
    "Nordfjordeid, 28.06.2012 / revidert 20.11.2018\nFor kommunene: Astrid Loen Flo, Karl Myklebust\n"
    "For Helse Førde HF: Jon Bolstad Hageberg\n",
])
def test_names_under_a_place_and_date_are_signatures(assess: Callable[..., Any], closing: str) -> None:
    assert assess(HEAD + closing).judgements["signature"].value == "signed"


@pytest.mark.parametrize("closing", [
    "Vik, 01.02.2017\n\nNavn: ______________\nNavn: ______________\n",  # blank lines under the date
    "Vik, 01.02.2017\n\nVik kommune\nHelse Førde HF\n",  # organisations, no person
    "Kontaktpersonar: Siri Hove Nese, Vik kommune\n",  # a contact line with no signing date
])
def test_no_person_under_a_signing_line_is_no_signature(assess: Callable[..., Any], closing: str) -> None:
    assert assess(HEAD + closing).judgements["signature"].value != "signed"


def test_a_wrapped_sentence_about_a_hearing_is_no_draft_marker(assess: Callable[..., Any]) -> None:
    filler = "Partane skal samarbeide om tilvising, innlegging og utskriving av pasientar.\n\n" * 8
    text = (HEAD + filler + "Brukarorganisasjonane bør få planutkast\ntil høring.\n\n"
            "Vik, 01.02.2017\n\nSiri Hove Nese, Vik kommune\n")
    assert assess(text).judgements["signature"].value == "signed"
    assert assess("TIL HØRING\n\n" + text).judgements["signature"].value == "unsigned"


TWO_COLUMNS = [
    # PDF text: two places and dates side by side, then sign marks, names and titles
    "Gjøvik, 02.09.2022              Roa, 06.09.2022\n(sign.)                         (sign.)\n"
    "Marte Solberg                   Jon Are Haugen\nAdministrerende direktør        Kommunedirektør\n",
    # DOCX table: the two cells of a row joined by a tab
    "Gjøvik, 2. september 2022\tRoa, 6. september 2022\nMarte Solberg\tJon Are Haugen\n"
    "Administrerende direktør\tKommunedirektør\n",
    # nynorsk, a DOCX cell whose paragraphs were joined with spaces
    "Harestua, 2. september 2022 (sign.) Marte Solberg Administrerande direktør\t"
    "Roa, 6. september 2022 (sign.) Jon Are Haugen Kommunedirektør\n",
    # nynorsk, names separated by a wide gap, no sign marks
    "Brøttum, 01.10.2021     Grua, 04.10.2021\n\nSigrid Bakke Lunde     Einar Tveit\n"
    "administrerande direktør     kommunedirektør\n",
    # PDF text extraction that closed the gap between the columns to one space
    "Gjøvik, 02.09.2022 Roa, 06.09.2022\n(sign.) (sign.)\nMarte Solberg Jon Are Haugen\n"
    "Administrerende direktør Kommunedirektør\n",
    # a plain-text table with pipes (nynorsk)
    "| Leikanger, 3. mai 2023 | Sogndal, 5. mai 2023 |\n| Sigrid Bakke Lunde | Einar Tveit |\n"
    "| administrerande direktør | kommunedirektør |\n",
]


@pytest.mark.parametrize("tail", TWO_COLUMNS)
def test_two_column_signature_blocks_with_names_are_signed(tail: str) -> None:
    assert judge(tail) == "signed"


def test_two_column_places_and_dates_over_empty_lines_are_unsigned() -> None:
    tail = ("Gjøvik, 02.09.2022              Roa, 06.09.2022\n\n"
            "______________________          ______________________\n"
            "Administrerende direktør        Kommunedirektør\n")
    assert judge(tail) == "unsigned"


def test_two_column_titles_alone_are_not_names() -> None:
    tail = "Gjøvik, 02.09.2022              Roa, 06.09.2022\nAdministrerende direktør        Kommunedirektør\n"
    assert judge(tail) == "unknown"


def test_two_columns_of_dates_or_sign_marks_with_names_are_signed() -> None:
    dates_only = ("12.03.2024          14.03.2024\n(sign.)          (sign.)\nKari Nordmann          Per Olav Hansen\n"
                  "Administrerande direktør          Rådmann\n")
    marks_only = "(sign.)\t(sign.)\nKari Nordmann\tPer Olav Hansen\nadministrerande direktør\tkommunedirektør\n"
    assert judge(dates_only) == "signed"
    assert judge(marks_only) == "signed"
    # a date and a contact person at the end of a document are no signature
    assert judge("Oppdatert\n12.03.2024\nKari Nordmann, rådgiver\n") == "unknown"


def test_a_hearing_letter_is_unsigned_however_long_its_subject_line() -> None:
    addressees = "".join(f"{name} kommune\n" for name in (
        "Eidsvoll", "Gjerdrum", "Hurdal", "Nannestad", "Nes", "Ullensaker", "Lillestrøm", "Lørenskog", "Rælingen"))
    # the subject line comes after a long address block, beyond the title region
    text = ("Akershus universitetssykehus HF\nSamhandlingsavdelingen\nPostboks 1000, 1478 Lørenskog\n"
            "Adressater:\n" + addressees + "Kopi: Brukerutvalget\nVår ref. Deres ref. Dato\n"
            "20/04417-12 Lørenskog, 18.01.2021\n"
            "Høring – forslag til revidert delavtale 6 om kunnskapsoverføring,\ninformasjonsutveksling og "
            "hospitering\nHøringsfrist 1. mars 2021\nVi ber om kommunenes syn på forslaget.\n"
            "Med vennlig hilsen\nHenrik Vangen\nrådgiver\n")
    assert signature.judge(AgreementText.from_text(text)).value == "unsigned"
    # «høring» inside a sentence is no subject line
    from samrev.agreements.fields.status import draft_markers

    letter = text.replace("Høring – forslag til revidert delavtale 6 om", "Saken gjelder").replace(
        "Vi ber om kommunenes syn på forslaget.", "Etter høring – i fjor – ble avtalen vedtatt.")
    assert draft_markers(AgreementText.from_text(letter)) == []


def test_a_wrapped_sentence_opening_with_for_is_no_block_line() -> None:
    """«… kommunalsjef / for helse og omsorg i Alta kommune.»: prose saying who approves (unknown),
    not a «For Alta kommune» line of an empty signature block (unsigned)."""
    tail = ("8. Godkjenning\n\nProsedyren godkjennes av samhandlingssjef i Finnmarkssykehuset HF og kommunalsjef\n"
            "for helse og omsorg i Alta kommune. Prosedyren gjennomgås i IKT-forum for\n"
            "Vest-Finnmark ved behov, og minst hvert annet år.\n")
    assert judge(tail) == "unknown"
    block = "For Alta kommune\n\n______________________\nNavn:\nDato:\n"
    assert judge(block) == "unsigned"


@pytest.mark.parametrize("title", [
    "Framlegg til revidert delavtale 6 om kunnskapsoverføring",
    "Framlegg til retningsliner for utskrivingsklare pasientar",
])
def test_a_nynorsk_proposal_for_a_revised_agreement_is_a_draft(title: str) -> None:
    from samrev.agreements.fields.status import draft_markers

    nn = title + "\n\n1. Partar\nAvtalen er inngått mellom Helse Førde HF og Førde kommune.\n"
    nb = nn.replace("Framlegg", "Forslag")
    assert [m.text.lower().split()[1:] for m in draft_markers(AgreementText.from_text(nn))] == [
        m.text.lower().split()[1:] for m in draft_markers(AgreementText.from_text(nb))]
    assert draft_markers(AgreementText.from_text(nn))


def test_a_nynorsk_guideline_stated_as_signed_is_signed() -> None:
    head = ("Retningsline for utskriving mellom Helse Førde HF og Førde kommune\n\n1. Føremål\n"
            "Retningslina skal sikre gode overgangar for pasientane.\n")
    for closing in ("2. Signering\nRetningslina vart signert 1. mars 2020.\n",
                    "2. Signering\nRetningslinja vart signert 1. mars 2020.\n"):
        assert signature.judge(AgreementText.from_text(head + closing)).value == "signed"


def test_a_sentence_about_a_future_hearing_draft_is_no_draft_marker() -> None:
    # (beyond the title region, where any mention of a hearing draft is a marker)
    tail = ("2. Ansvar\n" + "Partene skal samarbeide om pasientforløpene og varsle hverandre om avvik.\n" * 6 +
            "9. Revisjon\nAvtalen skal revideres innen 31.12.2026. SSU har ansvar for å starte\n"
            "revisjonsarbeidet. Høringsutkast til revidert avtale sendes kommunene og HNT med minst\n"
            "åtte ukers høringsfrist.\n\nFor Lunner kommune: Kari Nordmann (sign.)\n"
            "For Sykehuset Innlandet HF: Ola Hansen (sign.)\n")
    assert judge(tail) == "signed"


def test_a_signature_table_with_names_and_dates_is_signed() -> None:
    # a DOCX table: its rows come out with the cells joined by tabs
    table = ("8. Signaturer\nPart\tNavn\tSted og dato\n"
             "Lunner kommune\tKjersti Brenna Gjeilo, kommunedirektør\tRoa, 12.09.2022\n"
             "Sykehuset Innlandet HF\tLine Hovde Stensrud, administrerende direktør\tBrumunddal, 14.09.2022\n")
    assert judge(table) == "signed"
    assert judge(table.replace("Kjersti Brenna Gjeilo", "______").replace("Line Hovde Stensrud", "______")) != "signed"


def test_a_case_head_and_a_draft_attachment_make_no_signature() -> None:
    text = ("Sola kommune – Saksframlegg\nSaksbehandler: Marit Hovland\nArkivsak: 24/1187\nDato: 03.10.2024\n\n"
            "Godkjenning av revidert delavtale 11 om beredskap\n\nRådmannens innstilling\n"
            "Kommunestyret godkjenner revidert delavtale 11 med Helse Stavanger HF.\n\n"
            "Vedlegg: Revidert delavtale 11 (utkast datert 12.09.2024)\n")
    assert str(signature.judge(AgreementText.from_text(text)).value) == "unknown"


def test_a_sign_mark_before_the_name_under_a_place_and_date_is_signed() -> None:
    tail = ("Stavanger, 15.12.2015\nSign. Inger Marie Sola, administrerande direktør\n\n"
            "Vikeså, 17.12.2015\nSign. Olav Tengesdal, rådmann\n")
    assert judge(tail) == "signed"
