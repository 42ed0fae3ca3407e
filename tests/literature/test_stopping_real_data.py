"""The stopping aids and the estimate on real labelled reviews (shared/data/literature).

The screening order is samrev's simulated one (the model a screener works with); the stopping
rule must reach its recall target for most seeds.  Measured numbers for all six sets:
``benchmarks/stopping.py`` and docs/literature.md.
"""

from __future__ import annotations

import math

import pytest

from samrev.literature.dataset import read_screening_csv
from samrev.literature.screening import discovery_estimate
from samrev.literature.simulate import simulate
from samrev.literature.stopping import first_stop
from tests.literature.conftest import SHARED

pytestmark = [
    pytest.mark.skipif(not SHARED.is_dir(), reason="shared/data/literature is not beside the checkout"),
    pytest.mark.slow,
]


@pytest.mark.parametrize("name", ["cohen_2006_urinary_incontinence", "meijboom_2021"])
def test_statistical_rule_reaches_the_target_for_most_seeds(name: str) -> None:
    data = read_screening_csv(SHARED / f"{name}.csv")
    label_of = data.label_map()
    reached = 0
    inside = checked = 0
    for seed in (1, 2, 3):
        labels = [label_of[rid] for rid in simulate(data, seed=seed).order]
        stop = first_stop(labels, len(labels), recall_target=0.95, alpha=0.05, check_every=2)
        assert stop < len(labels)  # it does let the screener stop before the end
        reached += sum(labels[:stop]) / data.n_included >= 0.95
        for share in (0.25, 0.5):
            seen = math.ceil(share * len(labels))
            estimate = discovery_estimate(labels[:seen], len(labels))
            if estimate is not None:
                checked += 1
                inside += estimate.low <= data.n_included - sum(labels[:seen]) <= estimate.high
    assert reached >= 2
    assert checked and inside >= checked - 1
