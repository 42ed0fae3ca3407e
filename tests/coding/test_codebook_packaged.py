"""The packaged codebook is valid and holds exactly the 16 fixed themes of the spec."""

from __future__ import annotations

import re
from typing import Any

import pytest

from samrev.coding.codebook import FIXED_THEME_IDS, LANGUAGES, POLARITY_IDS, Codebook, validate_codebook
from samrev.coding.lexicon import LexiconCoder

SPEC_IDS = [
    "mutual_knowledge",
    "meeting_arenas",
    "relations_trust",
    "equal_partnership",
    "agreement_content",
    "offer_information",
    "complementary_offers",
    "discharge_transitions",
    "funding_resources",
    "user_participation",
    "competence_guidance",
    "ict_communication",
    "leadership_anchoring",
    "terminology",
    "sami_minorities",
    "pandemic_capacity",
]


def test_packaged_codebook_has_no_problems(_packaged_data: dict[str, Any]) -> None:
    assert validate_codebook(_packaged_data) == []


def test_exactly_the_sixteen_fixed_ids_in_spec_order(codebook: Codebook) -> None:
    assert list(FIXED_THEME_IDS) == SPEC_IDS
    assert list(codebook.theme_ids) == SPEC_IDS
    assert codebook.missing_fixed_ids() == ()


def test_name_version_and_polarities(codebook: Codebook) -> None:
    assert codebook.name
    assert re.fullmatch(r"\d+\.\d+\.\d+", codebook.version)
    assert codebook.polarity_ids == POLARITY_IDS


@pytest.mark.parametrize("theme_id", SPEC_IDS)
def test_theme_has_labels_description_and_terms_per_standard(codebook: Codebook, theme_id: str) -> None:
    theme = codebook.theme(theme_id)
    assert set(theme.labels) == set(LANGUAGES) and all(theme.labels.values())
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", theme.description) if s]
    assert 1 <= len(sentences) <= 3
    for lang in LANGUAGES:
        assert 10 <= len(theme.terms[lang]) <= 30, (theme_id, lang, len(theme.terms[lang]))
        assert all(term == term.lower() for term in theme.terms[lang])


def test_spec_bokmal_labels(codebook: Codebook) -> None:
    assert codebook.theme("user_participation").label("nb") == "Brukermedvirkning"
    assert codebook.theme("user_participation").label("nn") == "Brukarmedverknad"
    assert codebook.theme("offer_information").label("nn") == "Oversikt over tilbod"
    assert codebook.theme("terminology").label("en") == "Terminology"


def test_polarity_labels_resolve_to_ids(codebook: Codebook) -> None:
    assert codebook.polarity_id("Hemmer") == "barrier"
    assert codebook.polarity_id("framlegg") == "proposal"
    assert codebook.polarity_id(" FACILITATOR ") == "facilitator"
    assert codebook.polarity_id("kanskje") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_polarity_has_cues_in_every_standard(codebook: Codebook, lang: str) -> None:
    for polarity in codebook.polarities:
        assert len(polarity.cues[lang]) >= 10


def test_nynorsk_vocabulary_is_covered(coder: LexiconCoder) -> None:
    words = {
        "brukarmedverknad": "user_participation",
        "meistringstilbod": "offer_information",
        "utskrivinga": "discharge_transitions",
        "kvarandre sine tenester": "mutual_knowledge",
        "møteplassar": "meeting_arenas",
        "leiarforankring": "leadership_anchoring",
        "rettleiing": "competence_guidance",
        "finansieringa": "funding_resources",
        "pårørande": "user_participation",
        "samiske": "sami_minorities",
        "koronapandemien": "pandemic_capacity",
        "omgrepet": "terminology",
    }
    for word, theme in words.items():
        assert theme in {hit.theme for hit in coder.hits(word)}, word
