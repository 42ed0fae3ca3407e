#!/usr/bin/env python3
"""Assessment speed: `samrev agreements assess` vs bare pypdfium2 extraction of the same PDFs, in one run.

    .venv/bin/python benchmarks/assess.py [--docs 200] [--pages 8] [--workdir var/bench] [--repeat 3]

Prints the median wall time of a bare single-process pypdfium2 loop (open, every page's text) and
of the full CLI (start-up, ingestion, every field of the spec, storing) on the same ~200
multi-page agreement PDFs, and the ratio bare_time / assess_time (target ≥ 0.5).  The passage
models are trained once before timing (a one-time cost per installation, reported separately);
each timed run starts from an empty store, so nothing is reused.  A last line times a re-run over
the stored assessments (the reuse path).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, compile_sources, text_pdfs, timed

from ingest import bare_pdfium

SAMREV = str(Path(sys.executable).parent / "samrev")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench")
    args = parser.parse_args()
    compile_sources()
    pdfs = text_pdfs(args.workdir / "text", args.docs, args.pages)
    folder = str(args.workdir / "text")
    models = Path(tempfile.mkdtemp(prefix="samrev-bench-models-"))
    try:
        env = dict(os.environ, SAMREV_HOME=str(models))
        start = time.perf_counter()
        subprocess.run([SAMREV, "agreements", "assess", str(pdfs[0]), "--no-store"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        setup = time.perf_counter() - start
        bare_pdfium(pdfs[:5])
        bare_times, assess_times, nostore_times = [], [], []
        for _ in range(args.repeat):
            bare_times.append(bare_pdfium(pdfs)[0])
            home = Path(tempfile.mkdtemp(prefix="samrev-bench-"))
            shutil.copytree(models / "models", home / "models")
            run_env = dict(os.environ, SAMREV_HOME=str(home))
            subprocess.run([SAMREV, "web", "check"], check=True, env=run_env, stdout=subprocess.DEVNULL)
            assess_times.append(timed([SAMREV, "agreements", "assess", folder, "--format", "jsonl"], run_env))
            nostore_times.append(timed([SAMREV, "agreements", "assess", folder, "--no-store"], run_env))
            reuse = timed([SAMREV, "agreements", "assess", folder, "--format", "jsonl"], run_env)
            shutil.rmtree(home, ignore_errors=True)
        bare, full, nostore = (statistics.median(t) for t in (bare_times, assess_times, nostore_times))
        print(f"{len(pdfs)} text PDFs, {len(pdfs) * args.pages} pages; median of {args.repeat} runs")
        print(f"  bare pypdfium2 (1 process)               {bare:7.2f} s")
        print(f"  samrev agreements assess (stored)        {full:7.2f} s   ratio bare/assess = {bare / full:.2f}"
              "  (target ≥ 0.5)")
        print(f"  samrev agreements assess --no-store      {nostore:7.2f} s   ratio = {bare / nostore:.2f}")
        print(f"  re-run over stored assessments (reuse)   {reuse:7.2f} s")
        print(f"  one-time model training + first start    {setup:7.2f} s")
    finally:
        shutil.rmtree(models, ignore_errors=True)


if __name__ == "__main__":
    main()
