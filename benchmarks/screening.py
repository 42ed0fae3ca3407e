#!/usr/bin/env python3
"""samrev's screening model side by side with ASReview's default model.

    .venv/bin/python benchmarks/screening.py                       # full comparison
    .venv/bin/python benchmarks/screening.py --datasets oud_2018 --seeds 1
    .venv/bin/python benchmarks/screening.py --no-asreview --generated 0

For every dataset in shared/data/literature (or --datasets) and every seed (default 1, 2, 3), the
priors are drawn as the spec says (one included, one excluded, ``random.Random(seed).choice``)
and both tools screen with the same priors.  Metrics are recomputed from each tool's order with
:func:`samrev.literature.metrics.score_order` (shared/spec/screening.md).  Time per decision:
samrev's median retrain + re-rank step; ASReview's median gap between consecutive labelling
timestamps after the priors (retrain + rank + its bookkeeping), as in the data README.

ASReview is installed in its own venv (default var/bench/asreview-venv, ``pip install
asreview==3.0.8``), never into samrev's, and run through benchmarks/_asreview_runner.py.  Its
results are cached in var/bench/screening-cache (keyed by version, dataset hash and seed);
``--refresh`` runs it again.  ASReview stops at the last inclusion (its default); the rest of its
order is filled in file order, which changes none of the metrics.

Finally samrev runs on a generated set of --generated records (default 15,000; 0 skips it), and
ASReview on the same set for --generated-asreview-steps decisions (default 300), so the time per
decision is also compared at that size (samrev over the same first decisions and over the whole run).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from samrev.literature.dataset import ScreeningDataset, read_screening_csv  # noqa: E402
from samrev.literature.metrics import score_order  # noqa: E402
from samrev.literature.simulate import default_priors, simulate  # noqa: E402

ASREVIEW_SPEC = "asreview==3.0.8"
RUNNER = Path(__file__).resolve().with_name("_asreview_runner.py")


def shared_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "data" / "literature", Path("/work/shared/data/literature")):
        if candidate.is_dir():
            return candidate
    raise SystemExit("shared/data/literature not found")


def ensure_asreview(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if python.exists():
        return python
    print(f"Installing {ASREVIEW_SPEC} into {venv} (separate venv) …", file=sys.stderr, flush=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", ASREVIEW_SPEC],
                   check=True)
    return python


def file_hash(path: Path) -> str:
    return hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()[:12]


def run_asreview(python: Path, path: Path, data: ScreeningDataset, priors: list[str], seed: int,
                 cache: Path, refresh: bool, n_stop: int | None = None) -> dict[str, Any]:
    key = f"asreview-{ASREVIEW_SPEC.split('==')[1]}-{path.stem}-{file_hash(path)}-seed{seed}-stop{n_stop}.json"
    cached = cache / key
    if cached.exists() and not refresh:
        result: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return result
    row_of = {record_id: row for row, record_id in enumerate(data.record_ids)}
    cmd = [str(python), str(RUNNER), str(path), "--seed", str(seed), "--prior-idx", *[str(row_of[p]) for p in priors]]
    if n_stop:
        cmd += ["--n-stop", str(n_stop)]
    started = time.perf_counter()
    cache.mkdir(parents=True, exist_ok=True)
    # cwd in the cache folder: ASReview leaves a synergy_cache.sqlite in its working directory
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=cache,
                         env=dict(os.environ, PYTHONWARNINGS="ignore"))
    wall = time.perf_counter() - started
    raw = json.loads(out.stdout.strip().splitlines()[-1])
    order = [data.record_ids[i] for i in raw["order_idx"]]
    seen = set(order)
    order += [record_id for record_id in data.record_ids if record_id not in seen]
    gaps = [b - a for a, b in zip(raw["times"][len(priors):], raw["times"][len(priors) + 1:], strict=False)]
    result = {
        "version": raw["asreview_version"], "ai": raw["ai"], "order": order, "wall_seconds": wall,
        "decision_median": statistics.median(gaps) if gaps else float("nan"), "n_decisions": len(gaps),
    }
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(result), encoding="utf-8")
    return result


def generated_dataset(path: Path, n: int, seed: int = 15000) -> Path:
    """A reproducible synthetic review: Zipf-distributed pseudo-words, 3 % inclusions that share
    a topic vocabulary with a minority of the exclusions (so ranking is not trivial)."""
    if path.exists():
        return path
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "fa", "ge", "hu", "ji", "pe", "so", "tu"]
    vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(30000)})
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    topic = rng.sample(vocab[200:5000], 150)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "title", "abstract", "label_included"])
        for i in range(n):
            included = rng.random() < 0.03
            share = 0.12 if included else (0.05 if rng.random() < 0.2 else 0.0)
            words = [rng.choice(topic) if rng.random() < share else w
                     for w in rng.choices(vocab, weights=weights, k=rng.randint(80, 220))]
            writer.writerow([f"g{i + 1}", " ".join(words[:12]), " ".join(words[12:]), int(included)])
    return path


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


TARGET_WSS_MARGIN = 0.02  # samrev's WSS@95 ≥ ASReview's − this, on every dataset
TARGET_SPEED_RATIO = 5.0  # samrev's median time per decision ≤ ASReview's / this
TARGET_GENERATED_SECONDS = 0.2  # and under this on the generated 15,000-record set


def print_table(rows: list[tuple[str, int, int, dict[str, list[float]]]], seeds: list[int], model_text: str,
                with_asreview: bool) -> None:
    print()
    print(f"samrev model: {model_text}")
    print("Medians over seeds " + ",".join(map(str, seeds)) + " (mean over the seeds in the last column); "
          "ms = median time per decision (retrain + re-rank)")
    head = (f"{'dataset':34} {'N':>6} {'I':>4} | {'WSS@95 s':>8} {'WSS@95 A':>8} {'diff':>7} | "
            f"{'R@10 s':>6} {'R@10 A':>6} | {'ms s':>7} {'ms A':>7} {'A/s':>6} | {'mean diff':>9}")
    print(head)
    print("-" * len(head))
    diffs, mean_diffs, ratios, ours, theirs = [], [], [], [], []
    for name, n, i, per_seed in rows:
        v = {k: median(values) for k, values in per_seed.items()}
        ours.append(v["s_wss"])
        theirs.append(v["a_wss"])
        diff = v["s_wss"] - v["a_wss"] if v["a_wss"] == v["a_wss"] else float("nan")
        mean_diff = (statistics.mean(per_seed["s_wss"]) - statistics.mean(per_seed["a_wss"])
                     if per_seed["a_wss"] else float("nan"))
        ratio = v["a_ms"] / v["s_ms"] if v["s_ms"] else float("nan")
        diffs.append(diff)
        mean_diffs.append(mean_diff)
        ratios.append(ratio)
        print(f"{name:34} {n:6} {i:4} | {v['s_wss']:8.4f} {v['a_wss']:8.4f} {diff:+7.4f} | "
              f"{v['s_r10']:6.3f} {v['a_r10']:6.3f} | {v['s_ms']:7.2f} {v['a_ms']:7.2f} {ratio:6.1f} | "
              f"{mean_diff:+9.4f}")
    if with_asreview:
        ok_each = all(d >= -TARGET_WSS_MARGIN for d in diffs)
        middle = statistics.median(diffs)
        print(f"target WSS@95 ≥ ASReview − {TARGET_WSS_MARGIN} on every dataset: {'met' if ok_each else 'NOT met'} "
              f"(lowest difference {min(diffs):+.4f})")
        print(f"target WSS@95 better than ASReview on the median: {'met' if middle > 0 else 'NOT met'} "
              f"(median difference {middle:+.4f}; of the means over the seeds {statistics.median(mean_diffs):+.4f}, "
              f"mean {statistics.mean(mean_diffs):+.4f})")
        print(f"  (read as the two medians over the datasets instead of the median of the differences: samrev "
              f"{statistics.median(ours):.4f}, ASReview {statistics.median(theirs):.4f}; the target line above "
              "uses the stricter paired reading)")
        slowest = min(ratios)
        print(f"target time per decision ≤ ASReview's / {TARGET_SPEED_RATIO:g} on every dataset: "
              f"{'met' if slowest >= TARGET_SPEED_RATIO else 'NOT met'} (lowest ratio {slowest:.1f}, "
              f"median {statistics.median(ratios):.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default="",
                        help="comma-separated dataset names (default: all in shared; 'none': only the generated set)")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--model", default="", help="samrev model (default: the default model)")
    parser.add_argument("--asreview-venv", default=str(ROOT / "var" / "bench" / "asreview-venv"))
    parser.add_argument("--no-asreview", action="store_true")
    parser.add_argument("--refresh", action="store_true", help="run ASReview again instead of using the cache")
    parser.add_argument("--generated", type=int, default=15000, help="size of the generated set (0 skips it)")
    parser.add_argument("--generated-asreview-steps", type=int, default=300)
    parser.add_argument("--generated-samrev-steps", type=int, default=0,
                        help="stop samrev's run on the generated set after this many decisions (0: whole run)")
    args = parser.parse_args()

    folder = shared_dir()
    names = [n for n in args.datasets.split(",") if n] or sorted(p.stem for p in folder.glob("*.csv"))
    if args.datasets == "none":
        names = []
    seeds = [int(s) for s in args.seeds.split(",") if s]
    cache = ROOT / "var" / "bench" / "screening-cache"
    python = None if args.no_asreview else ensure_asreview(Path(args.asreview_venv).resolve())
    print(f"# machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)

    rows = []
    model_text = ""
    for name in names:
        path = folder / f"{name}.csv"
        data = read_screening_csv(path)
        labels = data.label_map()
        per_seed: dict[str, list[float]] = {k: [] for k in ("s_wss", "a_wss", "s_r10", "a_r10", "s_ms", "a_ms")}
        for seed in seeds:
            inc, exc = default_priors(data, seed)
            ours = simulate(data, seed=seed, prior_included=inc, prior_excluded=exc, model_name=args.model)
            model_text = ours.model
            m = score_order(ours.order, labels)
            per_seed["s_wss"].append(m.wss_95)
            per_seed["s_r10"].append(m.recall_at_10)
            per_seed["s_ms"].append(ours.seconds_per_retrain_median * 1000)
            line = f"  {name} seed {seed} priors {inc[0]}/{exc[0]}: samrev WSS@95 {m.wss_95:.4f}"
            if python is not None:
                theirs = run_asreview(python, path, data, [*inc, *exc], seed, cache, args.refresh)
                a = score_order(theirs["order"], labels)
                per_seed["a_wss"].append(a.wss_95)
                per_seed["a_r10"].append(a.recall_at_10)
                per_seed["a_ms"].append(theirs["decision_median"] * 1000)
                line += f", ASReview {theirs['ai']} {theirs['version']} WSS@95 {a.wss_95:.4f}"
            print(line, flush=True)
        rows.append((name, len(data), data.n_included, per_seed))

    if rows:
        print_table(rows, seeds, model_text, python is not None)
    if args.generated:
        gen = generated_dataset(ROOT / "var" / "bench" / f"generated-{args.generated}.csv", args.generated)
        data = read_screening_csv(gen)
        inc, exc = default_priors(data, 1)
        ours = simulate(data, seed=1, prior_included=inc, prior_excluded=exc, model_name=args.model,
                        max_decisions=args.generated_samrev_steps or None)
        steps = args.generated_asreview_steps
        first = median([t * 1000 for t in ours.retrain_seconds[:steps]])
        m = score_order(ours.order, data.label_map())
        print()
        print(f"generated set: {len(data)} records, {data.n_included} included; samrev WSS@95 {m.wss_95:.4f}")
        scope = "the whole run" if not args.generated_samrev_steps else "the decisions made"
        print(f"  samrev median per decision: {ours.seconds_per_retrain_median * 1000:.2f} ms over {scope} "
              f"({len(ours.retrain_seconds)} decisions), {first:.2f} ms over the first {steps}; "
              f"total {ours.seconds_total:.1f} s")
        if python is not None and steps:
            theirs = run_asreview(python, gen, data, [*inc, *exc], 1, cache, args.refresh, n_stop=steps)
            print(f"  ASReview {theirs['ai']} median per decision over the first {theirs['n_decisions']}: "
                  f"{theirs['decision_median'] * 1000:.2f} ms (ratio ASReview/samrev "
                  f"{theirs['decision_median'] * 1000 / first:.1f} on the same decisions)")
            ratio = theirs["decision_median"] * 1000 / first
            print(f"target time per decision ≤ ASReview's / {TARGET_SPEED_RATIO:g} on the generated set: "
                  f"{'met' if ratio >= TARGET_SPEED_RATIO else 'NOT met'} (ratio {ratio:.1f})")
        fast = ours.seconds_per_retrain_median < TARGET_GENERATED_SECONDS
        print(f"target median time per decision < {TARGET_GENERATED_SECONDS:g} s on the generated set: "
              f"{'met' if fast else 'NOT met'} ({ours.seconds_per_retrain_median:.3f} s over {scope})")
    print(f"# load average {os.getloadavg()[0]:.1f} at the end", flush=True)


if __name__ == "__main__":
    main()
