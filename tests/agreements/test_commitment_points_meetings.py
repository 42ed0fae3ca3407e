"""commitment, statutory_points and meeting_arenas on short texts in both written standards."""

from __future__ import annotations

from samrev.agreements import AgreementText
from samrev.agreements.fields import commitment, meetings, statutory

HEAD = "Delavtale 5 mellom Lillesand kommune og Sørlandet sykehus HF\n\n"


def value(module: object, text: str) -> object:
    return module.judge(AgreementText.from_text(HEAD + text)).value  # type: ignore[attr-defined]


def test_binding_phrasing_with_named_parties_is_high() -> None:
    text = ("1. Ansvar\nSSHF skal varsle kommunen innen 24 timer. Kommunen skal ta imot pasienten samme dag.\n"
            "Den parten som mottar avviket, skal svare skriftlig innen tre uker. Kommunen har ansvar for oppfølging.\n"
            "Partene bør møtes årlig.\n")
    assert value(commitment, text) == "high"


def test_soft_phrasing_is_low_in_both_standards() -> None:
    nb = ("1. Ansvar\nPartene bør samarbeide om kurs. Kommunen bør vurdere egne tilbud. Det skal utarbeides rutiner.\n"
          "Partene skal søke å etablere felles kurs. Helseforetaket kan tilby veiledning ved behov.\n")
    nn = ("1. Ansvar\nPartane bør samarbeide om kurs. Kommunen bør vurdere eigne tilbod. "
          "Det skal utarbeidast rutinar.\n"
          "Partane skal søkje å etablere felles kurs. Helseføretaket kan tilby rettleiing ved behov.\n")
    assert value(commitment, nb) == "low" and value(commitment, nn) == "low"


def test_points_need_content_and_the_own_number_counts() -> None:
    text = ("1. Utskrivningsklare pasienter\nSSHF skal melde pasienten utskrivningsklar via PLO-melding. Kommunen "
            "skal svare innen to timer om den kan ta imot pasienten.\n2. Andre avtaler\nDelavtale 9: IKT-løsninger.\n")
    assert value(statutory, text) == [5]


def test_a_toc_or_a_passing_mention_is_not_a_point() -> None:
    text = ("Innhold: Delavtale 3 – henvisning og innleggelse; Delavtale 11 – beredskap.\n"
            "1. Utskrivningsklare pasienter\nKommunen skal ta imot utskrivningsklare pasienter samme dag. "
            "Helseforetaket skal varsle om utskrivningsklare pasienter så tidlig som mulig. Betalingsplikt "
            "for kommunen gjelder fra dag to.\n")
    assert value(statutory, text) == [5]


def test_meeting_arena_needs_members_or_frequency() -> None:
    described = "1. Samarbeid\nSamarbeidsutvalget har fire medlemmer fra hver part og møtes fire ganger i året.\n"
    nynorsk = "1. Samarbeid\nPartane set ned ei arbeidsgruppe. Gruppa består av to representantar frå kvar part.\n"
    passing = ("1. Samarbeid\nSaker om avtalen legges fram for SSU.\n"
               "Kommunen kan be om et samarbeidsmøte om pasienten.\n")
    assert value(meetings, described) is True
    assert value(meetings, nynorsk) is True
    assert value(meetings, passing) is False
