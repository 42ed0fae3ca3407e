"""OCR of PDF pages with Tesseract, cached by page-image hash.

The image Tesseract reads is, for a plain scanned page (one upright JPEG covering the page, in
grey or RGB, 150–600 dpi), the JPEG stored in the PDF, passed on unchanged: no render, no
resampling, so samrev's OCR costs what Tesseract costs on the scan itself.  Any other page is
rendered by PDFium at 300 dpi in 8-bit grey (PGM, no compression cost).  The image goes to the
``tesseract`` command as a temporary file (in /dev/shm where there is one): Tesseract reads
standard input through a slow stream, which costs a quarter of a second on a 300-dpi page.  The
Norwegian model (``nor``) runs with ``OMP_THREAD_LIMIT=1``: Tesseract's own OpenMP threading is
several times slower on a 2-core machine than one single-threaded process per core, which is how
:func:`~samrev.ingest.batch.ingest_many` runs it.

Page segmentation mode 4 (one column of text of variable sizes), not Tesseract's default 3 (full
layout analysis): agreements are single-column, and mode 3 takes the numbers of a hanging-indent
list ("1.", "2." … above each other at the left margin) for a column of their own, drops them
from the items and reads them as a garbage word (a benchmark page lost 1.8 % of its characters
so).  Mode 4 reads line by line, keeps those numbers, keeps a table's row together and joins a
side-by-side signature block line by line, as mode 3 does; it costs the same.  The ``nor`` model
has no section sign in its character set and reads every ``§`` as ``$`` (or ``8``); Norwegian
agreements cite ``§ 6-2`` all the time and never dollars, so with ``nor`` a ``$`` before a number
is put back as ``§`` (:func:`repair_text`).

Pages of one document are OCR'd concurrently (the renders in order, the Tesseract processes side
by side), so one long scanned PDF uses every core.  Across worker processes a shared semaphore
(:func:`set_slots`) keeps the number of Tesseract processes at the number of cores.

Results are cached under ``SAMREV_HOME/cache/ocr`` by the SHA-256 of the page image plus
language, resolution, :data:`OCR_RECIPE` and Tesseract version, so re-ingesting a scanned file (or
resuming an interrupted batch) costs an image extraction or a render per page, and no OCR.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pypdfium2  # type: ignore[import-untyped]

OCR_DPI = 300
OCR_LANG = "nor"
PAGE_SEGMENTATION = "4"  # one column of text of variable sizes (see module doc)
#: What decides a page's OCR text besides the image, language, resolution and Tesseract version:
#: part of the cache key, so a change here is never answered from an old cache entry.
OCR_RECIPE = f"psm{PAGE_SEGMENTATION}+repair1"
TESSERACT_TIMEOUT_S = 600.0
SLOT_WAIT_S = 60.0  # after this, run anyway: a slot lost with a killed worker must not stall OCR
_SLOTS: Any = None  # a multiprocessing semaphore shared by the worker processes of a batch


class OcrError(RuntimeError):
    """Tesseract is missing or failed on a page (internal; the reader records it per page)."""


@functools.cache
def tesseract_executable() -> str | None:
    return shutil.which("tesseract")


@functools.cache
def tesseract_version() -> str:
    exe = tesseract_executable()
    if exe is None:
        return "none"
    out = subprocess.run([exe, "--version"], capture_output=True, check=False, timeout=30)  # noqa: S603
    lines = (out.stdout or out.stderr).decode("utf-8", "replace").splitlines()
    return lines[0].strip() if lines else "unknown"


@functools.cache
def tesseract_languages() -> frozenset[str]:
    exe = tesseract_executable()
    if exe is None:
        return frozenset()
    out = subprocess.run([exe, "--list-langs"], capture_output=True, check=False, timeout=30)  # noqa: S603
    lines = out.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def set_slots(semaphore: Any) -> None:
    """Share ``semaphore`` (one slot per core) between processes, to bound concurrent Tesseracts."""
    global _SLOTS
    _SLOTS = semaphore


def ocr_parallelism() -> int:
    """How many pages of one document to OCR side by side."""
    return max(1, os.cpu_count() or 1)


def default_cache_dir() -> Path:
    from samrev.core.settings import samrev_home

    return samrev_home() / "cache" / "ocr"


@dataclass(frozen=True, slots=True)
class PageImage:
    """An image of one page for Tesseract: encoded bytes, their file suffix, the resolution."""

    data: bytes
    suffix: str  # ".jpg" or ".pgm"
    dpi: int


def _temp_dir() -> str | None:
    shm = "/dev/shm"  # noqa: S108  (memory-backed; the file lives for one Tesseract call)
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def run_tesseract(image: bytes, *, lang: str = OCR_LANG, dpi: int = OCR_DPI, suffix: str = ".pgm") -> str:
    """Plain text of one image (PGM, JPEG, PNG …) by the ``tesseract`` command, single-threaded."""
    exe = tesseract_executable()
    if exe is None:
        raise OcrError("tesseract er ikke installert")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    slots = _SLOTS
    acquired = slots.acquire(timeout=SLOT_WAIT_S) if slots is not None else False
    try:
        return _tesseract(exe, image, lang=lang, dpi=dpi, suffix=suffix, env=env)
    finally:
        if acquired:
            slots.release()


def _tesseract(exe: str, image: bytes, *, lang: str, dpi: int, suffix: str, env: dict[str, str]) -> str:
    with tempfile.NamedTemporaryFile(prefix="samrev-ocr-", suffix=suffix, dir=_temp_dir()) as handle:
        handle.write(image)
        handle.flush()
        try:
            proc = subprocess.run(  # noqa: S603
                [exe, handle.name, "stdout", "-l", lang, "--dpi", str(dpi), "--psm", PAGE_SEGMENTATION],
                capture_output=True,
                env=env,
                check=False,
                timeout=TESSERACT_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrError(f"tesseract brukte mer enn {TESSERACT_TIMEOUT_S:.0f} s") from exc
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(detail[-1] if detail else f"tesseract avsluttet med kode {proc.returncode}")
    return repair_text(proc.stdout.decode("utf-8", "replace").replace("\f", ""), lang)


# ``$`` (or ``$$``) before a number, optionally after one space: ``$ 6-2``, ``$$ 6-1 og 6-2``, ``$3``
_DOLLAR_SECTION = re.compile(r"\$(?=\$?[ ]?\d)")
#: Tesseract models without ``§`` in their character set (they read it as ``$``).
_NO_SECTION_SIGN = frozenset({"nor"})


def repair_text(text: str, lang: str) -> str:
    """Put back characters ``lang``'s model cannot write: ``§`` read as ``$`` by ``nor``."""
    if lang in _NO_SECTION_SIGN and "$" in text:
        text = _DOLLAR_SECTION.sub("§", text)
    return text


def render_pgm(page: pypdfium2.PdfPage, dpi: int = OCR_DPI) -> bytes:
    """The page rendered in 8-bit grey at ``dpi``, as a binary PGM image."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = memoryview(bitmap.buffer).cast("B")
        if bitmap.n_channels != 1:  # not expected with grayscale=True; take the first channel
            pixels = bytes(buffer[0::bitmap.n_channels])
            stride = stride // bitmap.n_channels
        else:
            pixels = bytes(buffer)
        if stride != width:
            pixels = b"".join(pixels[row * stride : row * stride + width] for row in range(height))
        return b"P5\n%d %d\n255\n" % (width, height) + pixels
    finally:
        bitmap.close()


def embedded_scan(page: pypdfium2.PdfPage) -> PageImage | None:
    """The page's own JPEG when the page is a plain scan (see module doc), else None."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    if page.get_rotation() % 360:
        return None
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) != 1:
        return None
    image: Any = images[0]
    a, b, c, d, _, _ = image.get_matrix().get()
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        return None
    width, height = page.get_size()
    left, bottom, right, top = image.get_bounds()
    if (right - left) * (top - bottom) < 0.9 * width * height:
        return None
    if image.get_filters(skip_simple=True) != ["DCTDecode"]:
        return None
    plain = (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_DEVICERGB)
    if image.get_metadata().colorspace not in plain:
        return None
    pixels_wide, _ = image.get_px_size()
    dpi = round(pixels_wide / ((right - left) / 72))
    if not 150 <= dpi <= 600:
        return None
    data = bytes(image.get_data(decode_simple=True))
    return PageImage(data, ".jpg", dpi) if data.startswith(b"\xff\xd8") else None


def page_image(page: pypdfium2.PdfPage, dpi: int = OCR_DPI) -> PageImage:
    """What Tesseract should read for ``page``: its own scan, or a render at ``dpi``."""
    return embedded_scan(page) or PageImage(render_pgm(page, dpi), ".pgm", dpi)


class OcrCache:
    """Page texts on disk, one small file per page-image hash (atomic writes, safe across processes)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> Path:
        if self._directory is None:
            self._directory = default_cache_dir()
        return self._directory

    @staticmethod
    def key(image: bytes, *, lang: str, dpi: int) -> str:
        digest = hashlib.sha256(image)
        digest.update(f"\0{lang}\0{dpi}\0{OCR_RECIPE}\0{tesseract_version()}".encode())
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.txt"

    def get(self, key: str) -> str | None:
        try:
            return self._file(key).read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, key: str, text: str) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            pass  # a cache that cannot be written only costs time


class PageOcr:
    """OCR for PDF pages: render, look up the cache, else run Tesseract and store the result."""

    def __init__(self, *, lang: str = OCR_LANG, dpi: int = OCR_DPI, cache_dir: Path | None = None,
                 use_cache: bool = True) -> None:
        self.lang = lang
        self.dpi = dpi
        self.cache = OcrCache(cache_dir) if use_cache else None
        self.cache_hits = 0

    def available(self) -> bool:
        return tesseract_executable() is not None and all(
            part in tesseract_languages() for part in self.lang.split("+")
        )

    def unavailable_reason(self) -> str:
        if tesseract_executable() is None:
            return "tesseract er ikke installert"
        return f"språkmodellen «{self.lang}» for tesseract mangler"

    def cached(self, image: PageImage) -> str | None:
        if self.cache is None:
            return None
        text = self.cache.get(OcrCache.key(image.data, lang=self.lang, dpi=image.dpi))
        if text is not None:
            self.cache_hits += 1
        return text

    def recognise(self, image: PageImage) -> str:
        """Run Tesseract on ``image`` and store the result in the cache (no lookup)."""
        text = run_tesseract(image.data, lang=self.lang, dpi=image.dpi, suffix=image.suffix)
        if self.cache is not None:
            self.cache.put(OcrCache.key(image.data, lang=self.lang, dpi=image.dpi), text)
        return text

    def image_text(self, image: PageImage) -> str:
        """OCR text of one page image, from the cache when it has been seen before."""
        cached = self.cached(image)
        return cached if cached is not None else self.recognise(image)

    def page_text(self, page: pypdfium2.PdfPage) -> str:
        return self.image_text(page_image(page, self.dpi))


class OcrRun:
    """The OCR of one document's pages: add page images in order, Tesseract runs side by side.

    At most ``parallel`` images are held at once (a 300-dpi page is 9 MB), so memory stays flat
    on a long scan.  :meth:`results` waits for all and returns texts and failures by page number.
    """

    def __init__(self, ocr: PageOcr, parallel: int | None = None) -> None:
        self.ocr = ocr
        self.parallel = parallel or ocr_parallelism()
        self.texts: dict[int, str] = {}
        self.failed: dict[int, str] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._running: dict[Future[str], int] = {}

    def add(self, number: int, image: PageImage) -> None:
        cached = self.ocr.cached(image)
        if cached is not None:
            self.texts[number] = cached
            return
        if self.parallel == 1:
            try:
                self.texts[number] = self.ocr.recognise(image)
            except OcrError as exc:
                self.failed[number] = str(exc)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self.parallel, thread_name_prefix="samrev-ocr")
        while len(self._running) >= self.parallel:
            self._collect(wait(self._running, return_when=FIRST_COMPLETED).done)
        self._running[self._pool.submit(self.ocr.recognise, image)] = number

    def _collect(self, done: set[Future[str]]) -> None:
        for future in done:
            number = self._running.pop(future)
            try:
                self.texts[number] = future.result()
            except OcrError as exc:
                self.failed[number] = str(exc)

    def results(self) -> tuple[dict[int, str], dict[int, str]]:
        if self._running:
            self._collect(wait(self._running).done)
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        return self.texts, self.failed
