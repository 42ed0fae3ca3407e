"""Passage segmentation: coverage, pages, sizes and language."""

from __future__ import annotations

import pytest

from samrev.core.model import Passage
from samrev.text import passages

DOCUMENT = (
    "Tjenesteavtale 2\n\n1. Formål\n\n"
    "Avtalen skal sikre at pasienter og pårørende får et helhetlig tilbud. "
    "Den gjelder fra 1. januar 2019.\n\n"
    "2. Partenes ansvar\n"
    "Kommunen har ansvar for frisklivstilbudet. Helseforetaket har ansvar for diagnosespesifikke kurs.\n"
    + "Partene skal samarbeide om opplæring av pasienter og pårørende i hele opptaksområdet. " * 30
    + "\n\nSist endret 03.02.2023\f  Side 2\n\n3. Lærings- og meistringstilbod\n"
    "Kommunen skal syte for at tilboda er kjende for brukarane. Partane skal evaluere avtalen kvart år.\n"
    "• Helseføretaket gir rettleiing\n• Kommunen gir kurs\n"
)
PAGES = [(0, DOCUMENT.index("\f") + 1), (DOCUMENT.index("\f") + 1, len(DOCUMENT))]


def assert_cover(text: str, parts: list[Passage]) -> None:
    position = 0
    for index, part in enumerate(parts):
        assert part.index == index
        assert text[part.start:part.end] == part.text
        assert part.text == part.text.strip() and part.text
        assert part.start >= position  # in order, no overlap
        assert not text[position:part.start].strip()  # only whitespace between passages
        position = part.end
    assert not text[position:].strip()


@pytest.mark.parametrize("max_chars", [120, 400, 1200])
def test_passages_cover_the_text_in_order(max_chars: int) -> None:
    parts = passages(DOCUMENT, PAGES, max_chars=max_chars)
    assert_cover(DOCUMENT, parts)
    assert all(len(part.text) <= max_chars for part in parts)


def test_pages_and_page_boundaries() -> None:
    parts = passages(DOCUMENT, PAGES, max_chars=400)
    boundary = PAGES[1][0]
    assert all(part.end <= boundary or part.start >= boundary for part in parts)
    assert {part.page for part in parts if part.start < boundary} == {1}
    assert {part.page for part in parts if part.start >= boundary} == {2}
    last_on_first_page = [part for part in parts if part.page == 1][-1]
    assert last_on_first_page.text.endswith("Sist endret 03.02.2023")  # merged backwards


def test_tiny_fragments_merge_and_long_blocks_split_at_sentences() -> None:
    parts = passages(DOCUMENT, PAGES, max_chars=400)
    assert parts[0].text.startswith("Tjenesteavtale 2\n\n1. Formål\n\nAvtalen skal sikre")
    assert any(part.text.startswith("2. Partenes ansvar\nKommunen har ansvar") for part in parts)
    long_parts = [part for part in parts if part.text.startswith("Partene skal samarbeide")]
    assert len(long_parts) >= 3
    assert all(part.text.endswith(".") for part in long_parts[:-1])  # the last took «Sist endret …»


def test_language_per_passage() -> None:
    parts = passages(DOCUMENT, PAGES, max_chars=400)
    assert parts[0].language == "nb"
    assert parts[-1].language == "nn"
    assert all(part.language is None for part in passages(DOCUMENT, language=False))
    assert all(p.language == "xx" for p in passages(DOCUMENT, detect=lambda chunk: "xx"))


def test_without_pages_and_with_a_giant_word() -> None:
    text = "Innledning\n\n" + "x" * 300 + " slutt."
    parts = passages(text, max_chars=100)
    assert_cover(text, parts)
    assert all(part.page is None for part in parts)
    assert all(len(part.text) <= 100 for part in parts)


def test_empty_and_blank_text() -> None:
    assert passages("") == [] and passages(" \n\n \t") == []


def test_the_list_item_precheck_never_hides_a_marker() -> None:
    """``_may_be_list_item`` only skips the regex where it cannot match: every line that opens with
    one to three characters from a mixed alphabet, then a separator and a word."""
    import itertools

    from samrev.text.segment import _LIST_MARKER_RE, _may_be_list_item

    alphabet = "aAiIvVxXæÆøåz§(•*–-1.)) \u00a0"
    checked = matched = 0
    for size in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            line = "".join(chars).lstrip() + " Tekst"
            if not line.strip():
                continue
            checked += 1
            if _LIST_MARKER_RE.match(line):
                matched += 1
                assert _may_be_list_item(line), line
    assert checked > 5000 and matched > 100
