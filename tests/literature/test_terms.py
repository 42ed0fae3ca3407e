"""Highlighted terms: bokmål, nynorsk and English, wildcards, hyphens, custom lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.core.errors import InputFormatError, InputNotFound
from samrev.literature.terms import TermLists, load_terms


def _hits(terms: TermLists, text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.kind) for h in terms.find(text)]


def test_default_terms_find_review_question_words_in_three_languages() -> None:
    terms = load_terms()
    text = ("Samhandling mellom sykehus og kommunen om lærings- og mestringstilbud. "
            "Samhandling mellom sjukehus og kommunen om lærings- og meistringstilbod. "
            "Patient education and self-management after hospital discharge; a mouse model.")
    found = _hits(terms, text)
    words = [word.lower() for word, _ in found]
    assert "samhandling" in words and "sykehus" in words and "sjukehus" in words
    assert "lærings- og mestringstilbud" in words and "lærings- og meistringstilbod" in words
    assert "patient education" in words and "self-management" in words and "discharge" in words
    assert ("mouse", "exclude") in found
    assert all(kind == "include" for word, kind in found if word != "mouse")


def test_offsets_whole_words_and_no_overlaps() -> None:
    terms = TermLists(include=("care pathway*", "care"), exclude=("rat",))
    text = "Care-pathways in primary care; separate rats, not a ratio."
    found = terms.find(text)
    assert [(text[h.start:h.end], h.kind) for h in found] == [
        ("Care-pathways", "include"), ("care", "include"),
    ]  # "rats" is not "rat"; "ratio" neither
    assert terms.score(text) == 2


def test_custom_term_file(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text("include: [brukermedvirkning]\nexclude: [barn*]\n", encoding="utf-8")
    terms = load_terms(path)
    assert terms.include == ("brukermedvirkning",) and terms.exclude == ("barn*",)
    assert terms.score("Brukermedvirkning for barnefamilier") == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("include: brukermedvirkning\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"bad\.yaml"):
        load_terms(bad)
    with pytest.raises(InputNotFound):
        load_terms(tmp_path / "missing.yaml")
