#!/usr/bin/env python3
"""Text toolkit speed, side by side with a bare baseline on the same text, in one run.

    .venv/bin/python benchmarks/text_speed.py

- registry matching of a 50-page agreement (``samrev.registry.match``) vs a bare regex scan for
  the same municipality names (one alternation, ``re.finditer``): what the matcher's rules cost;
- language detection per passage (``samrev.text.detect_language``) vs lingua alone on the same
  passages.

Prints the best of 5 runs of each and the ratios (measured here, not asserted in unit tests:
timed tests fail on busy machines).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "registry"))


def best(fn: object, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    from test_match import _agreement

    from samrev.registry import match, municipalities
    from samrev.text import detect_language
    from samrev.text.language import LANGUAGES, lingua_scores

    text = _agreement()
    names = sorted({m.name for m in municipalities(2024)}, key=len, reverse=True)
    bare_pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    match(text[:1000])
    bare = best(lambda: list(bare_pattern.finditer(text)))
    ours = best(lambda: match(text))
    print(f"registry match, {len(text):,} characters (≈50 pages)")
    print(f"  bare regex over {len(names)} names   {bare * 1000:7.1f} ms")
    print(f"  samrev.registry.match          {ours * 1000:7.1f} ms   ratio {ours / bare:.1f}× the bare scan")
    passages = ["Partane skal saman evaluere samarbeidet annakvart år.",
                "Helseforetaket skal invitere kommunene til felles kurs minst én gang i året."] * 100
    detect_language("oppvarming")
    bare = best(lambda: [lingua_scores(p, LANGUAGES) for p in passages])
    ours = best(lambda: [detect_language(p) for p in passages])
    print(f"language detection, {len(passages)} passages")
    print(f"  lingua alone                   {bare / len(passages) * 1000:7.3f} ms per passage")
    print(f"  samrev detect_language         {ours / len(passages) * 1000:7.3f} ms per passage   "
          f"ratio {ours / bare:.1f}×")


if __name__ == "__main__":
    main()
