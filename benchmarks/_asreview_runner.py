"""Run ASReview's default model on one dataset; executed by benchmarks/screening.py with the
Python of the separate ASReview venv (never imported by samrev).

    ASREVIEW_PYTHON benchmarks/_asreview_runner.py DATASET.csv --prior-idx I E --seed S

Mirrors `asreview simulate DATASET --prior-idx I E --seed S` (ASReview 2.x/3.x): the default AI
(`get_ai_config()`, ELAS u4 in 3.0.x), a top-down cycle until the model can be fitted, stopping at
the last inclusion.  Prints one JSON object: the labelling order as row indices, the labelling
timestamps and the wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import time


def main() -> None:
    started = time.perf_counter()
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("--prior-idx", type=int, nargs="+", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--ai", default=None)
    parser.add_argument("--n-stop", type=int, default=None, help="stop after this many decisions (timing only)")
    args = parser.parse_args()

    import numpy as np
    from asreview import __version__, load_dataset
    from asreview.learner import ActiveLearningCycle
    from asreview.models.models import get_ai_config
    from asreview.models.queriers import TopDown
    from asreview.models.stoppers import IsFittable, LastRelevant, NLabeled
    from asreview.simulation.simulate import Simulate

    np.random.seed(args.seed)
    config = get_ai_config(args.ai) if args.ai else get_ai_config()
    with contextlib.redirect_stdout(io.StringIO()), load_dataset(args.dataset, dataset_id="bench") as db:
        labels = db.input["included"]
        cycles = [
            ActiveLearningCycle(querier=TopDown(), stopper=IsFittable()),
            ActiveLearningCycle.from_meta(config["value"]),
        ]
        stopper = NLabeled(args.n_stop) if args.n_stop else LastRelevant()
        sim = Simulate(db.input.get_df(), labels, cycles, stopper=stopper, print_progress=False)
        sim.label(args.prior_idx)
        sim.review()
        results = sim._results
    print(json.dumps({
        "asreview_version": __version__,
        "ai": config["name"],
        "order_idx": [int(i) for i in results["record_id"].tolist()],
        "times": [float(t) for t in results["time"].tolist()],
        "seconds_total": time.perf_counter() - started,
    }))


if __name__ == "__main__":
    main()
