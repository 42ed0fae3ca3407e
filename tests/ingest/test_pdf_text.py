"""Text PDFs: golden text per page, page ranges into the one text, offsets of words, record facts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from samrev.ingest import PAGE_SEPARATOR, ingest_file
from samrev.ingest.fixture_texts import NB_PAGES, NN_PAGES, expected_page


def _expected(pages: tuple[tuple[str, ...], ...]) -> list[str]:
    # PDF text has no blank lines where the page only left vertical space
    return [expected_page(tuple(line for line in lines if line)) for lines in pages]


@pytest.mark.parametrize(("name", "pages"), [("nb_pdf", NB_PAGES), ("nn_pdf", NN_PAGES)])
def test_page_texts_and_ranges_are_golden(
    files: dict[str, Path], name: str, pages: tuple[tuple[str, ...], ...]
) -> None:
    document = ingest_file(files[name])
    assert document.error is None and document.format == "pdf" and document.reader == "pdf@1"
    expected = _expected(pages)
    assert [document.text[p.start : p.end] for p in document.pages] == expected
    assert document.text == PAGE_SEPARATOR.join(expected)
    assert [p.number for p in document.pages] == list(range(1, len(pages) + 1))
    assert not document.needs_ocr and not any(p.ocr for p in document.pages)
    assert document.metadata["page_count"] == len(pages)


def test_nb_page_ranges_snapshot(files: dict[str, Path]) -> None:
    pages = ingest_file(files["nb_pdf"]).pages
    assert [(p.number, p.start, p.end) for p in pages] == [(1, 0, 631), (2, 634, 1019), (3, 1022, 1262)]


def test_word_offsets_point_into_the_right_page(files: dict[str, Path]) -> None:
    document = ingest_file(files["nn_pdf"])
    word = "meistringstilbod"
    starts = [i for i in range(len(document.text)) if document.text.startswith(word, i)]
    assert len(starts) == 4
    for start in starts:
        page = document.page_at(start)
        assert page is not None
        info = document.pages[page - 1]
        assert info.start <= start and start + len(word) <= info.end
        assert word in document.page_text(page)
    assert [document.page_at(s) for s in starts] == [1, 1, 2, 2]


def test_dehyphenation_at_line_break(files: dict[str, Path]) -> None:
    text = ingest_file(files["nb_pdf"]).text
    assert "helseforetaket bygger" in text and "helse-" not in text and "\ufffe" not in text
    assert "lærings- og mestringstilbud" in text  # a suspended compound keeps its hyphen


def test_content_hash_and_path_as_given(files: dict[str, Path]) -> None:
    path = files["nb_pdf"]
    document = ingest_file(str(path))
    assert document.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.path == str(path)
    assert document.signatures == []
    assert document.to_dict()["pages"] == 3


def test_pdf_sniffed_whatever_its_name(files: dict[str, Path], tmp_path: Path) -> None:
    renamed = tmp_path / "avtale.txt"
    renamed.write_bytes(files["nn_pdf"].read_bytes())
    document = ingest_file(renamed)
    assert document.error is None and document.format == "pdf" and len(document.pages) == 2
