"""Language detection of single passages and whole documents."""

from __future__ import annotations

import pytest

from samrev.core.components import Component
from samrev.core.model import Passage
from samrev.text import LinguaMarkerDetector, detect_language, dominant_language, find_markers


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kommunane skal sørgje for at pasientane får tilbod om opplæring.", "nn"),
        ("Kommunene skal sørge for at pasientene får tilbud om opplæring.", "nb"),
        ("Eg veit ikkje.", "nn"),
        ("Jeg vet ikke.", "nb"),
        ("The municipalities must offer patient education courses.", "en"),
        ("Lærings- og meistringstilbod", "nn"),
        ("Lærings- og mestringstilbud", "nb"),
        # bokmål law name inside nynorsk: the law name is discounted
        ("Etter helse- og omsorgstjenesteloven § 6-2 skal partane ha ein skriftleg avtale.", "nn"),
        # English abstract sentence with Norwegian terms in brackets
        ("The agreements (samarbeidsavtaler) were analysed by two researchers.", "en"),
    ],
)
def test_single_passages(text: str, lang: str) -> None:
    guess = detect_language(text)
    assert guess.lang == lang
    assert guess.confidence == max(guess.scores.values())
    assert sum(guess.scores.values()) == pytest.approx(1.0)


def test_markers_are_spans_with_discounts_for_names_and_laws() -> None:
    text = "Sykehuset Innlandet HF har ikkje svart, jf. spesialisthelsetjenesteloven."
    hits = find_markers(text)
    assert all(text[hit.start:hit.end] == hit.token for hit in hits)
    by_token = {hit.token: hit for hit in hits}
    assert by_token["ikkje"].lang == "nn" and not by_token["ikkje"].discounted
    assert by_token["spesialisthelsetjenesteloven"].discounted  # a law name
    assert by_token["Innlandet"].discounted if "Innlandet" in by_token else True
    quoted = find_markers("Vi viser til «Veileder for samarbeidsavtaler mellom kommuner» frå direktoratet.")
    assert all(hit.discounted for hit in quoted if hit.lang == "nb")


def test_shared_forms_are_not_markers() -> None:
    tokens = {hit.token.lower() for hit in find_markers("Kommunen skal og kan blir etter avtale.")}
    assert tokens.isdisjoint({"skal", "kan", "blir", "etter", "avtale", "kommunen"})


def test_text_without_letters_is_undecided() -> None:
    guess = detect_language("2.1 – 14 %")
    assert not guess.decided and guess.confidence == 0.0


def test_dominant_language_weights_by_length_and_tolerates_bokmal_quotes() -> None:
    passages = [
        "Tenesteavtale 2",
        "Avtalen byggjer på helse- og omsorgstjenesteloven og spesialisthelsetjenesteloven.",
        "Helseføretaket og kommunane skal saman syte for at pasientar og pårørande får tilbod om "
        "opplæring. Partane skal kvart år gå gjennom tilboda og gjere endringar der det trengst.",
        "«Kommunen skal sørge for nødvendige helse- og omsorgstjenester.»",  # quoted bokmål law text
        "Brukarrepresentantane vert oppnemnde av brukarutvalet for to år om gongen.",
    ]
    guess = dominant_language(passages)
    assert guess.lang == "nn" and guess.confidence > 0.7
    as_passages = [Passage(start=0, end=len(text), text=text) for text in passages]
    assert dominant_language(as_passages).lang == "nn"


def test_dominant_language_can_be_restricted_to_norwegian() -> None:
    passages = ["Abstract: This agreement describes collaboration between hospitals and municipalities."] * 3
    passages.append("Kommunen har ansvar for oppfølginga av pasientane.")
    assert dominant_language(passages).lang == "en"
    restricted = dominant_language(passages, languages=("nb", "nn"))
    assert restricted.lang == "nn" and set(restricted.scores) == {"nb", "nn"}


def test_detector_is_a_component_with_params() -> None:
    detector = LinguaMarkerDetector(languages=("nb", "nn"))
    assert isinstance(detector, Component)
    assert detector.name == "lingua_markers" and detector.version
    assert detector.get_params()["languages"] == ["nb", "nn"]
    assert detector.detect("Dei tilsette veit ikkje kva tilbod som finst.").lang == "nn"
    with pytest.raises(ValueError):
        LinguaMarkerDetector(languages=("de",))



