#!/usr/bin/env python3
"""Start-up cost of the CLI, measured side by side with a bare interpreter.

    .venv/bin/python benchmarks/startup.py [--runs 15]

Prints the median wall time of `python -c pass`, `python -c "import typer"` and
`samrev --help`, and the ratios.  Target: `samrev --help` well under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def median_time(cmd: list[str], runs: int) -> float:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bare = median_time([sys.executable, "-c", "pass"], args.runs)
    typer_only = median_time([sys.executable, "-c", "import typer"], args.runs)
    help_time = median_time([str(BIN / "samrev"), "--help"], args.runs)
    print(f"python -c pass        {bare * 1000:7.1f} ms")
    print(f"python -c import typer{typer_only * 1000:7.1f} ms")
    print(f"samrev --help         {help_time * 1000:7.1f} ms   (target < 500 ms)")
    print(f"ratio samrev/bare     {help_time / bare:7.2f}")
    print(f"ratio samrev/typer    {help_time / typer_only:7.2f}")


if __name__ == "__main__":
    main()
