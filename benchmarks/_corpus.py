"""Benchmark corpora: multi-page text PDFs and scanned pages built from the labelled corpus sources.

Deterministic (seeded) and cached under the given folder, so repeated runs measure the same files.
The scans are keyed by what they are made from (the corpus pages and the parameters, in a
``.key`` file in the folder) and made again when the corpus changes: a scan's image and the
source text its OCR is compared with must belong together.  (The text PDFs only time reading,
so they stay as they are while their number does.)
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_documents() -> list[list[list[str]]]:
    """Per corpus source, its text pages (lines) as the corpus builder lays them out."""
    from samrev.agreements.corpus import _paged, sources

    out = []
    for source in sources(ROOT / "corpus" / "agreements"):
        if source.meta.get("broken"):
            continue
        pages = [page for page in _paged(source) if sum(len(line) for line in page) > 800]
        if pages:
            out.append(pages)
    return out


def source_pages() -> list[list[str]]:
    return [page for document in source_documents() for page in document]


def text_pdfs(folder: Path, count: int = 200, pages_per_doc: int = 8) -> list[Path]:
    """``count`` text PDFs of ``pages_per_doc`` dense pages each (agreement text)."""
    from samrev.ingest.fixtures_pdf import write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("avtale_*.pdf"))
    if len(existing) == count and (folder / ".v2").exists():
        return existing
    for old in existing:
        old.unlink()
    (folder / ".v2").touch()
    documents = source_documents()
    rng = random.Random(2026)
    out = []
    for index in range(count):
        pages = documents[index % len(documents)]  # one agreement's pages, repeated to the length wanted
        chosen = [pages[n % len(pages)] for n in range(pages_per_doc)]
        path = folder / f"avtale_{index:03d}.pdf"
        write_pdf(path, [("text", [*lines, f"Dokument {index}, side {n + 1}"]) for n, lines in enumerate(chosen)],
                  rng=rng)
        out.append(path)
    return out


def _key(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _cached(folder: Path, key: str) -> bool:
    try:
        return (folder / ".key").read_text() == key
    except OSError:
        return False


def scanned_pages(folder: Path, count: int = 20, dpi: int = 300, noise: float = 0.0) -> list[tuple[Path, Path, str]]:
    """``count`` one-page scanned PDFs, each with its page image (PNG) and source text."""
    from reportlab.pdfgen.canvas import Canvas

    from samrev.ingest.fixtures_pdf import A4, _draw_scan_page, render_scan

    folder.mkdir(parents=True, exist_ok=True)
    pages = source_pages()
    rng = random.Random(300)
    chosen = [_fit(pages[rng.randrange(len(pages))], dpi)[:40] for _ in range(count)]
    key = _key("scan-v3", dpi, noise, chosen)
    fresh = not _cached(folder, key)
    if fresh:
        (folder / ".key").unlink(missing_ok=True)
    out = []
    for index, lines in enumerate(chosen):
        pdf = folder / f"skann_{index:02d}.pdf"
        png = folder / f"skann_{index:02d}.png"
        if fresh or not pdf.exists() or not png.exists():
            # one image, saved for bare tesseract and embedded (as JPEG) in the PDF samrev reads
            image = render_scan(lines, rng=random.Random(index), dpi=dpi, noise=noise)
            image.save(png)
            canvas = Canvas(str(pdf), pagesize=A4, invariant=1)
            _draw_scan_page(canvas, image)
            canvas.showPage()
            canvas.save()
        out.append((pdf, png, "\n".join(lines)))
    if fresh:
        (folder / ".key").write_text(key)
    return out


def _fit(lines: list[str], dpi: int) -> list[str]:
    """``lines`` wrapped (at spaces) to the page's width as :func:`render_scan` draws them.

    A running header or footer line is not wrapped by the corpus builder and runs off the right
    edge of the page; what the page does not show cannot be in the text it is compared with.
    """
    from PIL import ImageFont

    from samrev.ingest.fixtures_pdf import A4, FONT_PATHS, FONT_SIZE, MARGIN_X

    font = next((ImageFont.truetype(p, round(FONT_SIZE * dpi / 72)) for p in FONT_PATHS if Path(p).exists()), None)
    if font is None:
        return lines
    room = (A4[0] - MARGIN_X - 12) * dpi / 72  # up to 12 pt from the right edge (skew, glyphs cut at the edge)
    out: list[str] = []
    for line in lines:
        while font.getlength(line) > room and " " in line.strip():
            words = line.split(" ")
            cut = max(n for n in range(1, len(words)) if n == 1 or font.getlength(" ".join(words[:n])) <= room)
            out.append(" ".join(words[:cut]).rstrip())
            line = " ".join(words[cut:])
        out.append(line)
    return out


def compile_sources() -> None:
    """Write samrev's bytecode, as a regular (non-editable) install has it.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (some CI images and sandboxes) an editable install
    would otherwise compile every samrev module from source in every process, start-up the
    benchmark would charge to samrev though no installed copy pays it.
    """
    import compileall

    import samrev

    compileall.compile_dir(str(Path(samrev.__file__).parent), quiet=1)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start
