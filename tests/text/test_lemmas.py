"""Lemmas in bokmål and nynorsk, including the domain override table and compounds."""

from __future__ import annotations

import pytest

from samrev.text import lemmas, lemmatize
from samrev.text.lemmas import OVERRIDES


@pytest.mark.parametrize(
    ("word", "lang", "lemma"),
    [
        # the override table for terms simplemma gets wrong or lacks
        ("meistringstilbodet", "nn", "meistringstilbod"),
        ("helseføretaka", "nn", "helseføretak"),
        ("tenestene", "nn", "teneste"),
        ("brukarane", "nn", "brukar"),
        ("kommunane", "nn", "kommune"),
        ("samarbeidsavtalane", "nn", "samarbeidsavtale"),
        ("pårørande", "nn", "pårørande"),
        ("tjenesteavtalene", "nb", "tjenesteavtale"),
        ("helseforetakene", "nb", "helseforetak"),
        ("mestringstilbudet", "nb", "mestringstilbud"),
        # simplemma's dictionaries
        ("kommunene", "nb", "kommune"),
        ("tilbudene", "nb", "tilbud"),
        ("brukerne", "nb", "bruker"),
        ("Kommunen", "nn", "kommune"),
        ("tilboda", "nn", "tilbod"),
        ("oppgåvene", "nn", "oppgåve"),
        # compounds through their head
        ("frisklivstilbudene", "nb", "frisklivstilbud"),
        ("frisklivstilboda", "nn", "frisklivstilbod"),
        ("opplæringstilboda", "nn", "opplæringstilbod"),
        ("kommunehelsetjenestene", "nb", "kommunehelsetjeneste"),
        # the other standard as fallback (nynorsk name in bokmål text and vice versa)
        ("helseføretaket", "nb", "helseføretak"),
        ("pasientane", "nb", "pasient"),
        # acronyms and unsupported languages
        ("HF", "nb", "HF"),
        ("LMS", "nn", "LMS"),
        ("Hospitals", "de", "hospitals"),
    ],
)
def test_lemmatize(word: str, lang: str, lemma: str) -> None:
    assert lemmatize(word, lang) == lemma


def test_every_override_is_applied() -> None:
    for lang, table in OVERRIDES.items():
        for form, lemma in table.items():
            assert lemmatize(form, lang) == lemma, (lang, form)


def test_english() -> None:
    assert lemmatize("agreements", "en") == "agreement"


def test_lemmas_with_offsets() -> None:
    text = "Kommunane skal gje tilbod til brukarane og helseføretaka."
    tokens = lemmas(text, "nn")
    assert all(text[t.start:t.end] == t.token for t in tokens)
    assert [t.lemma for t in tokens] == ["kommune", "skulle", "gje", "tilbod", "til", "brukar", "og",
                                         "helseføretak"]
    start, end, token, lemma = tokens[0]
    assert (start, end, token, lemma) == (0, 9, "Kommunane", "kommune")


def test_lemmas_detects_the_language() -> None:
    tokens = lemmas("Kommunene har ansvar for tjenestene.")
    assert [t.lemma for t in tokens][:1] == ["kommune"]
    assert tokens[-1].lemma == "tjeneste"
