#!/usr/bin/env python3
"""Ingestion speed and OCR quality, measured side by side in one run.

    .venv/bin/python benchmarks/ingest.py [--docs 200] [--pages 8] [--scans 20] [--workdir var/bench]

1. Text PDFs: a bare single-process pypdfium2 loop (open, every page's text) vs `samrev ingest` on the
   same files (the CLI, both cores, start-up and storing included).  Target: speed ratio
   bare_time / samrev_time ≥ 0.8.
2. Scanned pages (300 dpi): bare tesseract (`nor`, OMP_THREAD_LIMIT=1, one process per core, as
   design.md prescribes for a fair baseline) on the page images vs `samrev ingest` on the PDFs that
   hold the same images, with an empty OCR cache.  Target: samrev_time / bare_time ≤ 1.3.
3. Character error rate of samrev's OCR text against the source text.  Target ≤ 2 % (clean scans).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, scanned_pages, text_pdfs, timed

SAMREV = str(Path(sys.executable).parent / "samrev")


def bare_pdfium(paths: list[Path]) -> tuple[float, int]:
    import pypdfium2 as pdfium

    start = time.perf_counter()
    characters = 0
    for path in paths:
        document = pdfium.PdfDocument(str(path))
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            characters += len(textpage.get_text_range())
            textpage.close()
            page.close()
        document.close()
    return time.perf_counter() - start, characters


def bare_tesseract(images: list[Path]) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(image: Path) -> None:
        subprocess.run(["tesseract", str(image), "stdout", "-l", "nor"], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - start


def cer(reference: str, hypothesis: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench")
    args = parser.parse_args()

    pdfs = text_pdfs(args.workdir / "text", args.docs, args.pages)
    scans = scanned_pages(args.workdir / "scans", args.scans)
    home = Path(tempfile.mkdtemp(prefix="samrev-bench-"))
    env = dict(os.environ, SAMREV_HOME=str(home))
    try:
        subprocess.run([SAMREV, "web", "check"], check=True, env=env, stdout=subprocess.DEVNULL)  # migrate once
        bare_pdfium(pdfs[:5])  # warm the page cache for both sides
        bare, characters = bare_pdfium(pdfs)
        samrev_time = timed([SAMREV, "ingest", str(args.workdir / "text"), "--format", "jsonl"], env)
        samrev_nostore = timed([SAMREV, "ingest", str(args.workdir / "text"), "--no-store"], env)
        print(f"text PDFs: {len(pdfs)} files, {len(pdfs) * args.pages} pages, {characters} characters")
        print(f"  bare pypdfium2 (1 process)        {bare:7.2f} s")
        print(f"  samrev ingest (2 cores, stored)    {samrev_time:7.2f} s   speed ratio bare/samrev = "
              f"{bare / samrev_time:.2f}  (target ≥ 0.8)")
        print(f"  samrev ingest --no-store           {samrev_nostore:7.2f} s   speed ratio = "
              f"{bare / samrev_nostore:.2f}")

        images = [png for _, png, _ in scans]
        bare_ocr = bare_tesseract(images)
        shutil.rmtree(home / "cache", ignore_errors=True)
        ocr_time = timed([SAMREV, "ingest", str(args.workdir / "scans"), "--no-store"], env)
        print(f"scanned pages: {len(scans)} at 300 dpi")
        print(f"  bare tesseract (nor, 1 thread, {os.cpu_count()} procs) {bare_ocr:7.2f} s")
        print(f"  samrev ingest OCR path             {ocr_time:7.2f} s   time ratio samrev/bare = "
              f"{ocr_time / bare_ocr:.2f}  (target ≤ 1.3)")
        os.environ["SAMREV_HOME"] = str(home)
        from samrev.ingest import ingest_file

        rates = [cer(source, ingest_file(pdf).text) for pdf, _, source in scans]
        print(f"  character error rate: mean {100 * sum(rates) / len(rates):.2f} %, worst {100 * max(rates):.2f} %"
              "  (target ≤ 2 %)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
