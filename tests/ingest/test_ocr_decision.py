"""Per-page OCR decision: text layers kept, scanned or garbled pages sent to OCR (no OCR run here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.ingest import IngestOptions, ingest_file
from samrev.ingest.quality import assess, needs_ocr

GOOD = (
    "Kommunen skal ha ein kontaktperson for frisklivs-, lærings- og meistringstilbod, og "
    "helseføretaket skal gje tilbod om kurs for personar med kols. HF og KS deltek."
)


def _no_objects() -> tuple[float, int]:
    return 0.0, 0


def _full_page_image() -> tuple[float, int]:
    return 1.0, 0


@pytest.mark.parametrize(
    ("text", "objects", "decision"),
    [
        (GOOD, _no_objects, (False, "text-layer")),
        (GOOD, _full_page_image, (False, "text-layer")),  # a scan with a good OCR layer: trust it
        ("", _full_page_image, (True, "image-only")),
        ("Side 3", _full_page_image, (True, "image-little-text")),
        ("", lambda: (0.05, 0), (False, "blank")),  # a logo only
        ("Side 3", _no_objects, (False, "little-text")),
        ("", lambda: (0.0, 900), (True, "outlined-text")),
        ("\ufffd" * 40 + GOOD, _no_objects, (True, "garbage-text")),
        ("".join(chr(0xE000 + i % 50) for i in range(200)), _no_objects, (True, "garbage-text")),
        ("kMmNRt sDfGhJ pLkMnBv QwRtZx " * 10, _no_objects, (True, "garbage-text")),
        ("(cid:12)(cid:7)(cid:44) " * 20, _no_objects, (True, "garbage-text")),
        ("§ 3 – 12 345,00 / 67 890,00 = ?? !! " * 5, _no_objects, (True, "garbage-text")),
    ],
)
def test_needs_ocr(text: str, objects: object, decision: tuple[bool, str]) -> None:
    assert needs_ocr(text, page_objects=objects) == decision  # type: ignore[arg-type]


def test_real_text_is_not_garbage() -> None:
    quality = assess(GOOD)
    assert not quality.garbage and quality.letter_share > 0.8 and quality.word_share > 0.9


def test_mixed_pdf_decides_per_page(scans: dict[str, Path]) -> None:
    document = ingest_file(scans["mixed_pdf"], options=IngestOptions(ocr=False))
    assert document.error is None
    assert document.metadata["ocr_reasons"] == {2: "image-only"}
    assert document.metadata["ocr_unavailable"] == "slått av"
    assert [p.ocr for p in document.pages] == [False, False, False]
    assert document.page_text(2) == "" and "meistringstilbod" in document.page_text(1)


def test_scan_without_ocr_is_empty_with_a_reason(scans: dict[str, Path]) -> None:
    document = ingest_file(scans["scan_pdf"], options=IngestOptions(ocr=False))
    assert document.error is not None and document.error.short_code == "empty"
    assert "tekstgjenkjenning er ikke tilgjengelig" in document.error.message


def test_plain_scan_passes_its_own_jpeg_and_other_pages_are_rendered(
    scans: dict[str, Path], files: dict[str, Path]
) -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from samrev.ingest.ocr import page_image

    scan = page_image(pdfium.PdfDocument(str(scans["scan_pdf"]))[0])
    assert scan.suffix == ".jpg" and scan.data.startswith(b"\xff\xd8") and scan.dpi == 300
    rendered = page_image(pdfium.PdfDocument(str(files["nb_pdf"]))[0])
    assert rendered.suffix == ".pgm" and rendered.dpi == 300
    assert rendered.data.startswith(b"P5\n2481 3508\n255\n")  # A4 at 300 dpi, in 8-bit grey
