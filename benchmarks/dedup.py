#!/usr/bin/env python3
"""De-duplication: precision and recall on the labelled set, and time on a large generated search.

    .venv/bin/python benchmarks/dedup.py [--records 30000]

1. Reads the six exports of tests/literature/fixtures/dedup (MEDLINE NBIB, Embase RIS, Scopus
   CSV, Web of Science RIS, CINAHL RIS, OpenAlex JSON) through the readers, runs
   ``find_duplicates`` and scores the pairs of its groups against truth.csv: precision, recall,
   links per rule, the pairs missed and wrongly joined, and the same at other fuzzy thresholds.
2. Builds ``--records`` records from the real titles in shared/data/literature (each title five
   times, four of them with one word changed, other years and authors), and times one run.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEDUP = ROOT / "tests" / "literature" / "fixtures" / "dedup"
SHARED = ROOT.parent / "shared" / "data" / "literature"


def labelled() -> None:
    from samrev.literature.dedup import DedupSettings, find_duplicates
    from samrev.literature.readers import read_references

    truth: dict[str, str] = {}
    with (DEDUP / "truth.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[f"{row['file']}#{row['position']}"] = row["work_id"]
    records = []
    for name in sorted({key.split("#")[0] for key in truth}):
        records += [(f"{name}#{ref.position}", ref) for ref in read_references(DEDUP / name).references]
    by_work: dict[str, list[str]] = {}
    for key, work in truth.items():
        by_work.setdefault(work, []).append(key)
    expected = {frozenset((a, b)) for keys in by_work.values() for i, a in enumerate(keys) for b in keys[i + 1:]}
    print(f"Labelled set: {len(records)} records, {len(by_work)} works, {len(expected)} duplicate pairs")
    for threshold in (0.90, 0.93, 0.96):
        started = time.perf_counter()
        result = find_duplicates(records, settings=DedupSettings(fuzzy_title=threshold))
        seconds = time.perf_counter() - started
        found = result.pairs()
        right = len(found & expected)
        print(f"  fuzzy_title {threshold:.2f}: found {len(found)}, right {right}, precision "
              f"{right / len(found):.4f}, recall {right / len(expected):.4f}, {seconds:.2f} s")
        if threshold == 0.93:
            print(f"    links per rule: {dict(Counter(link.rule for link in result.links))}")
            refs = dict(records)
            for label, pairs in (("missed", expected - found), ("wrongly joined", found - expected)):
                for pair in sorted(map(sorted, pairs)):
                    print(f"    {label}: " + " | ".join(f"{key} «{refs[key].title[:60]}»" for key in pair))


def scale(n_records: int) -> None:
    from samrev.literature.dedup import find_duplicates
    from samrev.literature.readers import read_references

    if not SHARED.is_dir():
        print(f"Scale: {SHARED} not found, skipped")
        return
    base = [ref for path in sorted(SHARED.glob("*.csv")) for ref in read_references(path).references]
    rng = random.Random(1)
    records = []
    copy = 0
    while len(records) < n_records:
        for index, ref in enumerate(base):
            words = ref.title.split()
            if copy and words:
                spot = rng.randrange(len(words))
                words[spot] = words[spot][::-1]
            records.append((f"{copy}#{index}", replace(ref, title=" ".join(words), doi=ref.doi if not copy else "",
                                                       authors=[rng.choice(["Nilsen K", "Berg A", "Smith J"])],
                                                       year=2000 + 2 * copy)))
            if len(records) == n_records:
                break
        copy += 1
    started = time.perf_counter()
    result = find_duplicates(records)
    seconds = time.perf_counter() - started
    print(f"Scale: {len(records)} records, {result.candidates} candidate pairs, {len(result.links)} links, "
          f"{seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=30000)
    args = parser.parse_args()
    labelled()
    scale(args.records)


if __name__ == "__main__":
    main()
