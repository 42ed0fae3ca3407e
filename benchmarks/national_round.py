#!/usr/bin/env python3
"""A national round at scale: 5,000 agreement PDFs through import, summary, coverage and report.

    .venv/bin/python benchmarks/national_round.py [--docs 5000] [--workdir var/bench/national] [--skip-report]

Builds (once, cached) ``--docs`` text PDFs of realistic length — each one of the labelled corpus's
agreements with its own number of pages (1–10) — and a manifest that spreads them over every
health trust with a catchment and its municipalities in the 2024 structure, as a national round
is.  Then runs the CLI from an empty store, as a user would, step by step:

1. ``samrev agreements import FOLDER --round … --manifest …`` (ingest, assess, store);
2. ``samrev agreements summary --round … --format json``;
3. ``samrev agreements coverage --round … --format json`` and ``--format xlsx``;
4. ``samrev report agreements --round … --format html|pdf|docx`` (when the command exists).

Prints each step's wall time and the peak resident memory of the whole process tree (the CLI and
its worker processes, summed, sampled every 0.1 s from /proc), and the totals against the
targets: under 15 minutes and under 2 GiB.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, source_documents

SAMREV = str(Path(sys.executable).parent / "samrev")
ROUND = "Nasjonal benchmark"
GIB = 1024**3


def build(folder: Path, count: int) -> Path:
    """``count`` PDFs and ``manifest.csv`` in ``folder`` (reused when already there)."""
    from samrev.ingest.fixtures_pdf import write_pdf
    from samrev.registry import catchment_of_trust, health_trusts

    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    marker = folder / f".built-{count}-v1"
    if marker.exists() and manifest.exists():
        return manifest
    for old in folder.glob("*.pdf"):
        old.unlink()
    documents = source_documents()
    pairs = [(trust.name, municipality.name) for trust in health_trusts() if trust.has_catchment
             for municipality, _ in catchment_of_trust(trust, 2024)]
    rng = random.Random(5000)
    rows = []
    started = time.perf_counter()
    for index in range(count):
        pages = documents[index % len(documents)][:10]
        trust, municipality = pairs[index % len(pairs)]
        name = f"avtale_{index:05d}.pdf"
        write_pdf(folder / name, [("text", [*lines, f"Dokument {index}, side {n + 1}"])
                                  for n, lines in enumerate(pages)], rng=rng)
        rows.append({"file": name, "health_trust": trust, "municipality": municipality,
                     "url": f"https://example.no/avtaler/{name}", "retrieved": "2026-10-01"})
        if index % 500 == 499:
            print(f"  built {index + 1} PDFs ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    marker.touch()
    return manifest


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            pid, ppid, pages = int(entry), int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run(label: str, command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Run ``command``; its wall time and peak tree memory."""
    peak = 0
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        done.set()
        sampler.join()
    elapsed = time.perf_counter() - started
    if process.returncode not in (0, 1):
        print(stderr.decode(errors="replace")[-2000:], file=sys.stderr)
        raise SystemExit(f"{label} failed with exit status {process.returncode}")
    print(f"  {label:<38} {elapsed:8.1f} s   peak memory {peak / GIB:5.2f} GiB")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench" / "national")
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    folder = args.workdir / f"pdf{args.docs}"
    manifest = build(folder, args.docs)
    pdfs = sorted(folder.glob("*.pdf"))
    pages = 0
    import pypdfium2 as pdfium

    for path in pdfs[:200]:
        pages += len(pdfium.PdfDocument(path))
    print(f"national round: {len(pdfs)} text PDFs (≈{pages / min(len(pdfs), 200):.1f} pages each), "
          f"manifest over every health trust's catchment; empty store, {os.cpu_count()} cores")
    home = Path(tempfile.mkdtemp(prefix="samrev-national-"))
    env = dict(os.environ, SAMREV_HOME=str(home))
    out = home / "out"
    out.mkdir()
    steps = [
        ("import (ingest, assess, store)", [SAMREV, "agreements", "import", str(folder), "--round", ROUND,
                                            "--manifest", str(manifest), "--format", "json"]),
        ("summary --format json", [SAMREV, "agreements", "summary", "--round", ROUND, "--format", "json"]),
        ("coverage --format json", [SAMREV, "agreements", "coverage", "--round", ROUND, "--format", "json"]),
        ("coverage --format xlsx", [SAMREV, "agreements", "coverage", "--round", ROUND, "--format", "xlsx",
                                    "--output", str(out / "dekning.xlsx")]),
    ]
    has_report = subprocess.run([SAMREV, "report", "agreements", "--help"], env=env, capture_output=True,
                                check=False).returncode == 0
    if has_report and not args.skip_report:
        for fmt in ("html", "pdf", "docx"):
            steps.append((f"report agreements --format {fmt}", [
                SAMREV, "report", "agreements", "--round", ROUND, "--format", fmt,
                "--output", str(out / f"avtalerapport.{fmt}")]))
    total, peak = 0.0, 0
    for label, command in steps:
        elapsed, memory = run(label, command, env)
        total += elapsed
        peak = max(peak, memory)
    if not has_report:
        print("  (no `samrev report agreements` command yet: report not timed)")
    print(f"total {total / 60:.1f} min (target < 15 min)   peak memory {peak / GIB:.2f} GiB (target < 2 GiB)"
          f"   {total / len(pdfs) * 1000:.0f} ms per document")


if __name__ == "__main__":
    main()
