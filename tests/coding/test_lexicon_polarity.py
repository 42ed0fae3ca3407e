"""Polarity guesses from cue words in the clause or sentence of a hit (nb, nn, en)."""

from __future__ import annotations

import pytest

from samrev.coding.lexicon import LexiconCoder


def _value(coder: LexiconCoder, text: str, theme: str) -> object:
    by_subject = {j.subject: j for j in coder.code(text)}
    return by_subject[f"theme:{theme}"].value


@pytest.mark.parametrize(
    ("text", "theme", "polarity"),
    [
        ("Samarbeidet i fagrådet fungerer godt.", "meeting_arenas", "facilitator"),
        ("Det er for lite tid til samarbeid.", "funding_resources", "barrier"),
        ("Vi ønsker faste møteplasser med sykehuset.", "meeting_arenas", "proposal"),
        (
            "Det hadde vore fint med ei felles oversikt over lærings- og meistringstilboda.",
            "offer_information",
            "proposal",
        ),
        ("Det er vanskeleg å få til brukarmedverknad.", "user_participation", "barrier"),
        ("Kommunen føreslår at avtalen vert revidert.", "agreement_content", "proposal"),
        ("Brukarmedverknaden fungerer ikkje godt.", "user_participation", "barrier"),
        ("Vi har ingen problemer med IKT-løsningene.", "ict_communication", "facilitator"),
        ("Helseforetaket burde gi mer veiledning til kommunene.", "competence_guidance", "proposal"),
        ("Ledelsen har styrket forankringen av samarbeidet.", "leadership_anchoring", "facilitator"),
        (
            "Electronic messaging works well between the hospital and the municipality.",
            "ict_communication",
            "facilitator",
        ),
        ("Insufficient funding was the main barrier.", "funding_resources", "barrier"),
        ("Municipalities should be involved as equal partners.", "equal_partnership", "proposal"),
        ("Kommunen har ikke tilgang på tolk.", "sami_minorities", "barrier"),
        ("Helseforetaket skal ha ansvar for koordinering.", "complementary_offers", None),
    ],
)
def test_polarity(coder: LexiconCoder, text: str, theme: str, polarity: str | None) -> None:
    assert _value(coder, text, theme) == polarity


def test_clauses_get_their_own_polarity(coder: LexiconCoder) -> None:
    text = "Vi har god dialog med sykehuset, men det mangler felles møteplasser."
    assert _value(coder, text, "relations_trust") == "facilitator"
    assert _value(coder, text, "meeting_arenas") == "barrier"


def test_cue_in_another_sentence_does_not_count(coder: LexiconCoder) -> None:
    text = "Samarbeidet fungerer godt. Brukermedvirkning står i avtalen."
    assert _value(coder, text, "user_participation") is None
