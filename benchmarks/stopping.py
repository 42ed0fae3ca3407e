#!/usr/bin/env python3
"""The screening stopping aids and the estimate of inclusions left, checked on labelled data.

    .venv/bin/python benchmarks/stopping.py                      # every shared dataset, seeds 1-3
    .venv/bin/python benchmarks/stopping.py --datasets oud_2018 --seeds 1 --json

For every dataset in shared/data/literature and every seed, samrev's simulated screening
(:func:`samrev.literature.simulate.simulate`, priors as the spec draws them) gives the order in
which a screener working with the model would have seen the records.  On that order:

- the statistical rule (:mod:`samrev.literature.stopping`, hypergeometric test, recall target 95 %,
  α = 0.05) and the heuristic (N consecutive irrelevant records, default N) are evaluated after
  every decision; printed: where each first says stop, the recall reached there and the share of
  records left unscreened (work saved);
- the estimate of inclusions left (:func:`samrev.literature.screening.discovery_estimate`) is taken
  after 10 %, 25 % and 50 % of the records and printed next to the true number left, with how often
  the true number falls inside the estimate's range.

Simulated orders are cached in var/bench/stopping-cache (keyed by dataset hash, seed and model).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from samrev.literature.dataset import read_screening_csv  # noqa: E402
from samrev.literature.screening import discovery_estimate  # noqa: E402
from samrev.literature.simulate import simulate  # noqa: E402
from samrev.literature.stopping import default_run_length, first_stop  # noqa: E402

CHECKPOINTS = (0.10, 0.25, 0.50)


def shared_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "data" / "literature", Path("/work/shared/data/literature")):
        if candidate.is_dir():
            return candidate
    raise SystemExit("shared/data/literature not found")


def screening_order(path: Path, seed: int, model: str, cache: Path) -> tuple[list[str], dict[str, int]]:
    data = read_screening_csv(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cached = cache / f"{path.stem}-{digest}-{seed}-{model or 'default'}.json"
    if cached.exists():
        order = json.loads(cached.read_text(encoding="utf-8"))["order"]
    else:
        order = list(simulate(data, seed=seed, model_name=model).order)
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"order": order}), encoding="utf-8")
    return order, data.label_map()


def evaluate(labels: list[int], recall_target: float, alpha: float) -> dict[str, Any]:
    n, total = len(labels), sum(labels)
    out: dict[str, Any] = {"n_records": n, "n_included": total}
    for rule in ("statistical", "heuristic"):
        stop = first_stop(labels, n, rule=rule, recall_target=recall_target, alpha=alpha)
        out[rule] = {"stop_at": stop, "recall": round(sum(labels[:stop]) / total, 4),
                     "work_saved": round((n - stop) / n, 4)}
    estimates = []
    for share in CHECKPOINTS:
        seen = math.ceil(share * n)
        estimate = discovery_estimate(labels[:seen], n)
        true_left = total - sum(labels[:seen])
        estimates.append({
            "share": share, "true_left": true_left,
            "expected": None if estimate is None else round(estimate.expected, 1),
            "low": None if estimate is None else round(estimate.low, 1),
            "high": None if estimate is None else round(estimate.high, 1),
            "inside": None if estimate is None else estimate.low <= true_left <= estimate.high,
        })
    out["estimates"] = estimates
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="*", help="dataset names (file stems); default: all shared ones")
    parser.add_argument("--seeds", nargs="*", type=int, default=[1, 2, 3])
    parser.add_argument("--model", default="")
    parser.add_argument("--recall-target", type=float, default=0.95)
    parser.add_argument("--alpha", type=float, default=0.05)
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench" / "stopping-cache")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    paths = sorted(shared_dir().glob("*.csv"))
    if args.datasets:
        paths = [p for p in paths if p.stem in args.datasets]
    rows = []
    for path in paths:
        for seed in args.seeds:
            order, label_of = screening_order(path, seed, args.model, args.cache)
            result = evaluate([label_of[rid] for rid in order], args.recall_target, args.alpha)
            rows.append({"dataset": path.stem, "seed": seed, **result})
            if not args.json:
                stat, heur = result["statistical"], result["heuristic"]
                print(f"{path.stem:34} seed {seed}  N={result['n_records']:5} I={result['n_included']:3}  "
                      f"stat: stop {stat['stop_at']:5} recall {stat['recall']:.3f} saved {stat['work_saved']:.3f}  "
                      f"heur(N={default_run_length(result['n_records'])}): stop {heur['stop_at']:5} "
                      f"recall {heur['recall']:.3f} saved {heur['work_saved']:.3f}", flush=True)
                for e in result["estimates"]:
                    print(f"{'':34}   after {e['share']:.0%}: left {e['true_left']:3}, "
                          f"estimate {e['expected']} [{e['low']}, {e['high']}]")
    met = [r["statistical"]["recall"] >= args.recall_target for r in rows]
    heur = [r["heuristic"]["recall"] >= args.recall_target for r in rows]
    inside = [e["inside"] for r in rows for e in r["estimates"] if e["inside"] is not None]
    summary = {
        "runs": len(rows),
        "statistical_reached_target": sum(met),
        "heuristic_reached_target": sum(heur),
        "statistical_median_work_saved": sorted(r["statistical"]["work_saved"] for r in rows)[len(rows) // 2]
        if rows else None,
        "heuristic_median_work_saved": sorted(r["heuristic"]["work_saved"] for r in rows)[len(rows) // 2]
        if rows else None,
        "estimates_inside_range": f"{sum(inside)}/{len(inside)}",
    }
    if args.json:
        print(json.dumps({"runs": rows, "summary": summary}, indent=2))
    else:
        print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
