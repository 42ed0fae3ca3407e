#!/usr/bin/env python3
"""Ingestion speed and OCR quality, measured side by side in one run.

    .venv/bin/python benchmarks/ingest.py [--docs 200] [--pages 8] [--scans 20] [--workdir var/bench] [--repeat 3]

1. Text PDFs: a bare single-process pypdfium2 loop (open, every page's text) vs `samrev ingest` on the
   same files (the CLI, both cores, start-up and storing included).  Target: speed ratio
   bare_time / samrev_time ≥ 0.8.
2. Scanned pages (300 dpi): bare tesseract (`nor`, OMP_THREAD_LIMIT=1, one process per core, as
   design.md prescribes for a fair baseline) on the page images vs `samrev ingest` on the PDFs that
   hold the same images, with an empty OCR cache.  Target: samrev_time / bare_time ≤ 1.3.
3. Character error rate of samrev's OCR text against the source text.  Target ≤ 2 % (clean scans).
   The scans are rendered from corpus pages wrapped to the page's width (see ``_corpus.py``), and
   fill-in rules (``____``) are not counted: both are layout, not text the page shows.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, compile_sources, scanned_pages, text_pdfs, timed

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


# A fill-in rule ("Dato: ____________") is a drawn line on the page, not text: Tesseract removes
# lines as line art, and the ``nor`` model has no "_" to write.  Left out of both texts.
_RULE = re.compile(r"_{2,}")


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate, whitespace runs folded to one space and fill-in rules left out."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = (" ".join(_RULE.sub(" ", text).split()) for text in (reference, hypothesis))
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each text-PDF variant (median)")
    args = parser.parse_args()

    compile_sources()
    pdfs = text_pdfs(args.workdir / "text", args.docs, args.pages)
    scans = scanned_pages(args.workdir / "scans", args.scans)
    home = Path(tempfile.mkdtemp(prefix="samrev-bench-"))
    env = dict(os.environ, SAMREV_HOME=str(home))
    try:
        subprocess.run([SAMREV, "web", "check"], check=True, env=env, stdout=subprocess.DEVNULL)  # migrate once
        bare_pdfium(pdfs[:5])  # warm the page cache for both sides
        # The variants take turns, so a burst of load elsewhere on the machine hits one round of
        # all of them rather than all runs of one; each stored run starts from an empty store.
        bare_times, stored_times, nostore_times = [], [], []
        for _ in range(max(1, args.repeat)):
            seconds, characters = bare_pdfium(pdfs)
            bare_times.append(seconds)
            store = Path(tempfile.mkdtemp(prefix="samrev-bench-store-"))
            store_env = dict(os.environ, SAMREV_HOME=str(store))
            subprocess.run([SAMREV, "web", "check"], check=True, env=store_env, stdout=subprocess.DEVNULL)
            stored_times.append(timed([SAMREV, "ingest", str(args.workdir / "text"), "--format", "jsonl"],
                                      store_env))
            shutil.rmtree(store, ignore_errors=True)
            nostore_times.append(timed([SAMREV, "ingest", str(args.workdir / "text"), "--no-store"], env))
        bare, samrev_time, samrev_nostore = (statistics.median(t) for t in (bare_times, stored_times, nostore_times))
        print(f"text PDFs: {len(pdfs)} files, {len(pdfs) * args.pages} pages, {characters} characters; "
              f"median of {max(1, args.repeat)} runs")
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

        rates = {pdf.stem: cer(source, ingest_file(pdf).text) for pdf, _, source in scans}
        worst = max(rates, key=rates.__getitem__)
        print(f"  character error rate: mean {100 * sum(rates.values()) / len(rates):.2f} %, "
              f"worst {100 * rates[worst]:.2f} % ({worst})  (target ≤ 2 %)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
