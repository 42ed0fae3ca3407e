"""OCR of scanned pages with Tesseract (nor, 300 dpi): accuracy, mixed PDFs, cache, threading."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz.distance import Levenshtein

from samrev.ingest import IngestOptions, ingest_file
from samrev.ingest.fixture_texts import NN_PAGES, SCAN_LINES
from samrev.ingest.ocr import PageOcr, run_tesseract

needs_tesseract = pytest.mark.skipif(
    not PageOcr().available() and not os.environ.get("CI"),
    reason="tesseract with the Norwegian model is not installed (required in CI)",
)
pytestmark = [pytest.mark.ocr, pytest.mark.slow, needs_tesseract]


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate with whitespace runs folded to one space."""
    ref = re.sub(r"\s+", " ", reference).strip()
    hyp = re.sub(r"\s+", " ", hypothesis).strip()
    return Levenshtein.distance(ref, hyp) / len(ref)


def test_clean_scan_cer_at_most_two_percent(scans: dict[str, Path], ocr_cache: Path) -> None:
    started = time.perf_counter()
    document = ingest_file(scans["scan_pdf"], options=IngestOptions(ocr_cache_dir=ocr_cache))
    seconds = time.perf_counter() - started
    assert document.error is None and document.needs_ocr
    assert [p.ocr for p in document.pages] == [True]
    rate = cer("\n".join(SCAN_LINES), document.text)
    print(f"OCR: CER {rate:.4f}, {seconds:.2f} s for one page")
    assert rate <= 0.02, document.text


def test_mixed_pdf_ocrs_only_the_scanned_page(scans: dict[str, Path], ocr_cache: Path) -> None:
    document = ingest_file(scans["mixed_pdf"], options=IngestOptions(ocr_cache_dir=ocr_cache))
    assert [p.ocr for p in document.pages] == [False, True, False]
    assert document.needs_ocr and document.metadata["ocr_reasons"] == {2: "image-only"}
    assert cer("\n".join(SCAN_LINES), document.page_text(2)) <= 0.02
    assert document.page_text(1).startswith(NN_PAGES[0][0])
    for page in document.pages:
        assert document.text[page.start : page.end] == document.page_text(page.number)
    offset = document.text.index("fast kontaktperson")
    assert document.page_at(offset) == 2


def test_ocr_results_are_cached_by_page_image(scans: dict[str, Path], ocr_cache: Path) -> None:
    options = IngestOptions(ocr_cache_dir=ocr_cache)
    first = ingest_file(scans["scan_pdf"], options=options)
    assert len(list(ocr_cache.rglob("*.txt"))) == 1
    second = ingest_file(scans["scan_pdf"], options=options)
    assert second.text == first.text and second.metadata["ocr_cache_hits"] == 1


def test_tesseract_runs_single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real_run = subprocess.run

    def spy(args: list[str], **kwargs: Any) -> Any:
        seen["args"], seen["env"] = args, kwargs.get("env")
        return real_run(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    run_tesseract(b"P5\n8 8\n255\n" + b"\xff" * 64)
    assert seen["env"]["OMP_THREAD_LIMIT"] == "1"
    assert seen["args"][2:] == ["stdout", "-l", "nor", "--dpi", "300", "--psm", "4"]


@pytest.mark.issue(4)
def test_numbers_of_a_hanging_indent_list_are_kept(tmp_path: Path, ocr_cache: Path) -> None:
    """Tesseract's default layout analysis took the list numbers for a column of their own and lost them."""
    import random

    from samrev.ingest.fixtures_pdf import scanned_pdf

    lines = ["Innhald", "", "1.  Partar", "2.  Bakgrunn og lovgrunnlag", "3.  Formål", "4.  Omgrep",
             "5.  Ansvar og oppgåver", "6.  Økonomi", "7.  Avtaletid og oppseiing", "",
             "Avtalen byggjer på den overordna samarbeidsavtalen mellom partane."]
    pdf = scanned_pdf(tmp_path / "liste.pdf", [lines], rng=random.Random(3), noise=0.0)  # noqa: S311
    document = ingest_file(pdf, options=IngestOptions(ocr_cache_dir=ocr_cache))
    for number, line in enumerate(lines[2:9], start=1):
        assert re.search(rf"(?m)^{number}\. +{line.split(maxsplit=1)[1].split()[0]}", document.text), document.text
    assert cer("\n".join(lines), document.text) <= 0.02, document.text


def test_rendered_page_ocr(files: dict[str, Path], ocr_cache: Path) -> None:
    """A page without an embedded scan (here a text page) is rendered at 300 dpi and read as well."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from samrev.ingest.fixture_texts import NB_PAGES, expected_page

    page = pdfium.PdfDocument(str(files["nb_pdf"]))[1]
    text = PageOcr(cache_dir=ocr_cache).page_text(page)
    assert cer(expected_page(tuple(line for line in NB_PAGES[1] if line)), text) <= 0.02
