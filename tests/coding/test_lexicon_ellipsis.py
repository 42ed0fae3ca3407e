"""The lexicon coder matches hyphen-ellipsis compounds ("frisklivs-, lærings- og mestringstilbud").

The expansion itself is tested in tests/text/test_ellipsis.py.
"""

from __future__ import annotations

from samrev.coding.lexicon import LexiconCoder


def test_healthy_life_learning_and_coping_offers_hit_offer_information(coder: LexiconCoder) -> None:
    text = "Kommunen har frisklivs-, lærings- og mestringstilbud for voksne."
    hits = [hit for hit in coder.hits(text) if hit.theme == "offer_information"]
    surfaces = [hit.surface for hit in hits]
    assert surfaces == ["frisklivs-", "lærings- og mestringstilbud"]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface


def test_elided_fragment_alone_is_matched_through_expansion(coder: LexiconCoder) -> None:
    # "oppgave-" only means something as "oppgavefordeling": only the expansion can hit it.
    text = "Avtalen beskriver oppgave- og ansvarsfordeling."
    hits = [hit for hit in coder.hits(text) if hit.theme == "agreement_content"]
    fragment = next(hit for hit in hits if hit.surface == "oppgave-")
    assert fragment.expanded == "oppgavefordeling"
    assert fragment.term == "oppgavefordeling*"


def test_nynorsk_pieces(coder: LexiconCoder) -> None:
    text = "Frisklivs-, lærings- og meistringstilboda er godt kjende."
    assert "offer_information" in {hit.theme for hit in coder.hits(text)}
