"""A simulated screening: labels are revealed one record at a time, in the order the model asks.

Contract: shared/spec/screening.md.

1. The priors are screened first, in the order given (included ones, then excluded ones).
   Without priors, one included and one excluded record are drawn with
   ``random.Random(seed).choice`` over the included, then the excluded record_ids in file order.
2. Then, until every record is screened, the model is retrained on every revealed label, ranks
   the unscreened records, and the top one is screened next.  While the revealed labels hold
   only one class, the next record is drawn at random (seeded), as a reviewer would start.
3. The model sees the records in a seeded random permutation of the file, so that file order
   and record_id carry no signal, not even in tie-breaking.

The label of a record is read from the dataset only when that record is screened.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from samrev.core.errors import DuplicatePrior, NoInclusions, PriorLabelMismatch, UnknownPriorRecord
from samrev.literature.dataset import ScreeningDataset


@dataclass(frozen=True, slots=True)
class SimulationResult:
    dataset: str
    n_records: int
    n_included: int
    order: tuple[str, ...]
    seconds_total: float
    seconds_per_retrain_median: float
    model: str
    seed: int
    prior_included: tuple[str, ...]
    prior_excluded: tuple[str, ...]
    retrain_seconds: tuple[float, ...] = field(default=(), repr=False)

    def to_json(self) -> dict[str, Any]:
        """The spec's JSON object (plus seed and priors, which the spec allows)."""
        return {
            "dataset": self.dataset,
            "n_records": self.n_records,
            "n_included": self.n_included,
            "order": list(self.order),
            "seconds_total": round(self.seconds_total, 4),
            "seconds_per_retrain_median": round(self.seconds_per_retrain_median, 6),
            "model": self.model,
            "seed": self.seed,
            "prior_included": list(self.prior_included),
            "prior_excluded": list(self.prior_excluded),
        }


def default_priors(dataset: ScreeningDataset, seed: int) -> tuple[list[str], list[str]]:
    """One included and one excluded record, drawn as the spec says."""
    included = [rid for rid, label in zip(dataset.record_ids, dataset.labels, strict=True) if label == 1]
    excluded = [rid for rid, label in zip(dataset.record_ids, dataset.labels, strict=True) if label == 0]
    if not included or not excluded:
        detail = "ingen inkluderte poster" if not included else "ingen ekskluderte poster"
        raise NoInclusions(path=dataset.path, detail=detail)
    rng = random.Random(seed)  # noqa: S311  (the spec draws priors with random.Random)
    return [rng.choice(included)], [rng.choice(excluded)]


def check_priors(dataset: ScreeningDataset, included: Sequence[str], excluded: Sequence[str]) -> None:
    """Every prior exists, is given once and carries the label it is given as."""
    labels = dataset.label_map()
    seen: set[str] = set()
    for option, ids, expected in (("--prior-included", included, 1), ("--prior-excluded", excluded, 0)):
        for record_id in ids:
            if record_id not in labels:
                raise UnknownPriorRecord(record_id=record_id, option=option, path=dataset.path)
            if record_id in seen:
                raise DuplicatePrior(record_id=record_id)
            seen.add(record_id)
            if labels[record_id] != expected:
                raise PriorLabelMismatch(
                    record_id=record_id, option=option, label=labels[record_id], path=dataset.path
                )


def simulate(
    dataset: ScreeningDataset,
    *,
    seed: int = 0,
    prior_included: Sequence[str] = (),
    prior_excluded: Sequence[str] = (),
    model_name: str = "",
    started: float | None = None,
    max_decisions: int | None = None,
) -> SimulationResult:
    """Run the whole simulated review and return the screening order with timings.

    ``max_decisions`` (benchmarks only) stops retraining after that many decisions and screens
    the rest in the last ranking's order; the spec's command always runs to the end.
    """
    import numpy as np

    from samrev.literature.features import screening_texts, tfidf_matrix
    from samrev.literature.model import make_model

    started = time.perf_counter() if started is None else started
    if not dataset.n_included or dataset.n_included == len(dataset):
        raise NoInclusions(
            path=dataset.path,
            detail="ingen inkluderte poster" if not dataset.n_included else "ingen ekskluderte poster",
        )
    if not prior_included and not prior_excluded:
        prior_included, prior_excluded = default_priors(dataset, seed)
    check_priors(dataset, prior_included, prior_excluded)

    n = len(dataset)
    # The model's view of the data: a seeded permutation of the records.
    permutation = np.random.default_rng(seed).permutation(n)
    position_of = {dataset.record_ids[int(original)]: view for view, original in enumerate(permutation)}
    texts = screening_texts(dataset.titles, dataset.abstracts)
    matrix = tfidf_matrix([texts[int(original)] for original in permutation])

    model = make_model(model_name, seed=seed)
    model.start(matrix)
    screened = np.zeros(n, dtype=bool)
    order: list[str] = []

    def reveal(view: int) -> int:
        """Screen one record: its label is read here, and only here."""
        original = int(permutation[view])
        order.append(dataset.record_ids[original])
        screened[view] = True
        return dataset.labels[original]

    for record_id in [*prior_included, *prior_excluded]:
        view = position_of[record_id]
        model.add(view, reveal(view))

    rng = np.random.default_rng(seed + 1)
    times: list[float] = []
    last: tuple[int, int] | None = None
    while len(order) < n:
        # One step: retrain on the last revealed label, re-rank, pick the top record.
        tick = time.perf_counter()
        if last is not None:
            model.add(*last)
        if model.ready():
            scores = model.scores()
            scores[screened] = -np.inf
            nxt = int(np.argmax(scores))
        else:
            nxt = int(rng.choice(np.flatnonzero(~screened)))
        times.append(time.perf_counter() - tick)
        last = (nxt, reveal(nxt))
        if max_decisions is not None and len(times) >= max_decisions and model.ready():
            rest = model.scores()
            rest[screened] = -np.inf
            for view in np.argsort(-rest, kind="stable")[: n - len(order)]:
                reveal(int(view))
            break

    return SimulationResult(
        dataset=dataset.name,
        n_records=n,
        n_included=dataset.n_included,
        order=tuple(order),
        seconds_total=time.perf_counter() - started,
        seconds_per_retrain_median=statistics.median(times) if times else 0.0,
        model=model.describe(),
        seed=seed,
        prior_included=tuple(prior_included),
        prior_excluded=tuple(prior_excluded),
        retrain_seconds=tuple(times),
    )
