"""PDF: the text layer by PDFium, page by page; OCR for the pages that need it.

Per page, the text layer is measured (:mod:`samrev.ingest.quality`): a page with no usable text
but an image covering much of it, or with garbage text (unmapped fonts), is rendered at 300 dpi
and read by Tesseract (:mod:`samrev.ingest.ocr`); the page's record says ``ocr=True`` and the
reason is kept in ``metadata["ocr_reasons"]``.  Other pages keep their text layer, so a mixed
PDF costs OCR only for its scanned pages.

Errors: a password that PDFium asks for → ``encrypted`` (a PDF with only an owner password opens
and is read).  A file PDFium cannot open, a page it cannot load, or a file whose end (``%%EOF``)
is missing → ``unreadable``: PDFium repairs a truncated file silently and would otherwise hand
back part of a document as if it were all of it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from samrev.core.errors import EncryptedFile, UnreadableFile
from samrev.ingest import quality
from samrev.ingest.model import RawDocument, RawPage
from samrev.ingest.ocr import OCR_DPI, OCR_LANG, OcrRun, PageOcr, page_image
from samrev.ingest.readers.base import load

_TAIL = 2048
TRUNCATED = "filen er avkortet (slutten av PDF-filen mangler)"
_METADATA_KEYS = {"Title": "title", "Author": "author", "Subject": "subject", "Creator": "creator",
                  "Producer": "producer", "CreationDate": "created", "ModDate": "modified"}


def looks_truncated(data: bytes) -> bool:
    """True when the end-of-file marker is missing from the last 2 KiB (a cut-off download)."""
    return b"%%EOF" not in data[-_TAIL:]


def _page_objects(page: Any, width: float, height: float) -> tuple[float, int]:
    """(share of the page covered by images, number of path objects)."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    area = max(width * height, 1.0)
    covered = 0.0
    paths = 0
    kinds = [pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH]
    for obj in page.get_objects(filter=kinds, max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
            continue
        left, bottom, right, top = obj.get_bounds()
        overlap_x = max(0.0, min(right, width) - max(left, 0.0))
        covered += overlap_x * max(0.0, min(top, height) - max(bottom, 0.0))
    return covered / area, paths


class _Walk:
    """One pass over a document's pages: text layers in order, OCR pages handed to an OcrRun."""

    def __init__(self, ocr: PageOcr | None, path: Path) -> None:
        self.ocr = ocr
        self.path = path
        self.pages: list[RawPage] = []
        self.reasons: dict[int, str] = {}
        self.run: OcrRun | None = None  # made at the first page that needs OCR
        self.ocr_unavailable: str | None = None

    def page(self, document: Any, index: int) -> None:
        import pypdfium2 as pdfium

        number = index + 1
        try:
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
        except pdfium.PdfiumError:
            raise UnreadableFile(path=str(self.path), detail=f"side {number} kan ikke leses") from None
        try:
            width, height = page.get_size()
            todo, reason = quality.needs_ocr(text, page_objects=partial(_page_objects, page, width, height))
            if not todo:
                self.pages.append(RawPage(text))
                return
            self.reasons[number] = reason
            # the text layer stays until OCR replaces it (garbage is dropped either way)
            self.pages.append(RawPage("" if reason == "garbage-text" else text))
            if self.ocr is None or not self.ocr.available():
                self.ocr_unavailable = "slått av" if self.ocr is None else self.ocr.unavailable_reason()
                return
            self.run = self.run or OcrRun(self.ocr)
            try:
                image = page_image(page, self.ocr.dpi)
            except pdfium.PdfiumError:
                self.run.failed[number] = "siden kan ikke gjengis som bilde"
                return
            self.run.add(number, image)
        finally:
            page.close()


class PdfReader:
    """PDF text layer (PDFium), with per-page OCR of scanned or garbled pages (Tesseract)."""

    name: ClassVar[str] = "pdf"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "PDF (tekstlag; skannede sider med tekstgjenkjenning)"
    extensions: ClassVar[tuple[str, ...]] = (".pdf",)

    def __init__(self, *, ocr: bool = True, ocr_lang: str = OCR_LANG, ocr_dpi: int = OCR_DPI,
                 ocr_cache_dir: Path | None = None, use_ocr_cache: bool = True) -> None:
        self.ocr = ocr
        self._ocr = PageOcr(lang=ocr_lang, dpi=ocr_dpi, cache_dir=ocr_cache_dir, use_cache=use_ocr_cache)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
        import pypdfium2.raw as pdfium_c

        data = load(path, data)
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                raise EncryptedFile(path=str(path)) from None
            detail = TRUNCATED if looks_truncated(data) else "PDF-strukturen er ødelagt"
            raise UnreadableFile(path=str(path), detail=detail) from None
        try:
            if looks_truncated(data):
                raise UnreadableFile(path=str(path), detail=TRUNCATED)
            pages, metadata = self._pages(document, path)
            from samrev.ingest.readers.signatures import read_signatures

            signatures = read_signatures(document, data)
            metadata.update(self._info(document))
        finally:
            document.close()
        return RawDocument(format="pdf", pages=pages, paged=True, signatures=signatures, metadata=metadata)

    def _pages(self, document: Any, path: Path) -> tuple[list[RawPage], dict[str, Any]]:
        walk = _Walk(self._ocr if self.ocr else None, path)
        try:
            for index in range(len(document)):
                walk.page(document, index)
        finally:
            texts, failed = walk.run.results() if walk.run is not None else ({}, {})
        for number, ocr_text in texts.items():
            walk.pages[number - 1] = RawPage(ocr_text, ocr=True)
        metadata: dict[str, Any] = {"page_count": len(walk.pages)}
        if walk.reasons:
            metadata["ocr_reasons"] = walk.reasons
        if failed:
            metadata["ocr_failed"] = failed
        if walk.ocr_unavailable:
            metadata["ocr_unavailable"] = walk.ocr_unavailable
        if self._ocr.cache_hits:
            metadata["ocr_cache_hits"] = self._ocr.cache_hits
            self._ocr.cache_hits = 0
        return walk.pages, metadata

    @staticmethod
    def _info(document: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        try:
            info = document.get_metadata_dict(skip_empty=True)
        except Exception:
            return out
        for key, name in _METADATA_KEYS.items():
            value = info.get(key)
            if value:
                out[name] = str(value)
        return out
