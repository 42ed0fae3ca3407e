"""Words that look like seed terms but are not: no theme (or not the trap theme) is found."""

from __future__ import annotations

import pytest

from samrev.coding.lexicon import LexiconCoder


@pytest.mark.parametrize(
    "text",
    [
        "Været var fint i helgen, og vi gikk tur.",
        "The weather was nice on Sunday.",
        "Hun kom sent hjem i går.",
    ],
)
def test_no_theme_in_unrelated_text(coder: LexiconCoder, text: str) -> None:
    assert coder.hits(text) == []
    assert coder.code(text) == []


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("The health trust in Western Norway serves 20 municipalities.", "relations_trust"),
        ("Epikrisen ble sendt samme dag.", "pandemic_capacity"),
        ("Hun tok med seg en tillitsvalgt til møtet.", "relations_trust"),
        ("In relation to age, the results were similar.", "relations_trust"),
        ("Self-management was the primary outcome.", "leadership_anchoring"),
        ("Kven skal kalle inn til møtet?", "sami_minorities"),
        ("Dette leder til bedre resultater.", "leadership_anchoring"),
        ("Fra tid til annen ringer vi hverandre.", "funding_resources"),
        ("Vi tolker resultatene forsiktig.", "sami_minorities"),
        ("Helseføretaket har rettleiingsplikt.", "leadership_anchoring"),
    ],
)
def test_trap_theme_not_found(coder: LexiconCoder, text: str, trap: str) -> None:
    assert trap not in {hit.theme for hit in coder.hits(text)}
