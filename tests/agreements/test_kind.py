"""kind: what the document is, not what its heading calls it."""

from __future__ import annotations

import pytest

from samrev.agreements import AgreementText
from samrev.agreements.fields import kind

CASES = [
    ("Overordnet samarbeidsavtale mellom Gjøvik kommune og Sykehuset Innlandet HF\n\n1. Parter\n", "overordnet"),
    ("Samarbeidsavtale mellom Kinn kommune og Helse Førde HF\n\n1. Formål\nAvtalen skal …\n", "overordnet"),
    ("Tjenesteavtale 5 – Retningslinjer for samarbeid om utskrivningsklare pasienter\n\n1. Parter\n", "delavtale"),
    ("Tenesteavtale nr. 2\nmellom Askøy kommune og Helse Bergen HF\n\n1. Føremål\n", "delavtale"),
    ("Særavtale om lærings- og mestringstilbud\n\n1. Bakgrunn\n", "delavtale"),
    ("Retningslinje for henvisning til lærings- og mestringstilbud – vedlegg til delavtale 2\n\n1. Formål\n",
     "retningslinje"),
    ("Felles rutine for melding av avvik i samhandlinga\n\n1. Føremål\n", "retningslinje"),
    ("Styresak 45/2021: Godkjenning av revidert delavtale 2\n\nForslag til vedtak\n", "annet"),
    ("Saksframlegg\nRevidert tjenesteavtale 3 med Helse Stavanger HF\n\n1. Bakgrunn\n", "annet"),
    ("Intensjonsavtale om felles frisklivs- og mestringssenter\n\n1. Bakgrunn\n", "annet"),
    ("Leieavtale for lokaler til lærings- og mestringssenteret\n\n1. Parter\n", "annet"),
    ("Høring – forslag til revidert delavtale 6\n\nHelse Fonna sender med dette …\n", "annet"),
    ("Referat frå møte i Samarbeidsutvalet for Vest-Telemark\n\nSak 12/23 Delavtale 2\n", "annet"),
    # a template of an agreement, an annual report, a reply to a hearing
    ("MAL – DELAVTALE 5 om utskrivningsklare pasienter\nmellom [Kommune] kommune og Sykehuset Telemark HF\n\n"
     "1. Parter\n", "annet"),
    ("Årsmelding 2023 for Samarbeidsutvalget mellom Helgelandssykehuset HF og kommunene\n\n1. Møter\n", "annet"),
    ("Høyringsfråsegn – revidert tenesteavtale 3\n\nStryn kommune viser til høyringsbrevet …\n", "annet"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_kind(text: str, expected: str) -> None:
    judgement = kind.judge(AgreementText.from_text(text))
    assert judgement.value == expected
    assert judgement.evidence and judgement.evidence[0].text  # the cue is quoted


def test_body_self_reference_when_the_title_says_nothing() -> None:
    text = "Gjøvik kommune og Sykehuset Innlandet HF\n\n1. Formål\nDenne delavtalen skal sikre gode overganger.\n"
    judgement = kind.judge(AgreementText.from_text(text))
    assert judgement.value == "delavtale" and judgement.provenance.name.startswith("kind.body")


def test_a_template_is_no_case_document() -> None:
    # its text is an agreement's, with the obligations it will put on the parties
    text = "MAL – DELAVTALE 5 om utskrivningsklare pasienter\n\n1. Ansvar\nKommunen skal ta imot pasienten.\n"
    assert not kind.is_case_document(AgreementText.from_text(text))
    assert kind.is_case_document(AgreementText.from_text("Årsmelding 2023 for Samarbeidsutvalget\n\n1. Møter\n"))
