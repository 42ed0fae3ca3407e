"""The default model on real labelled reviews (shared/data/literature) beats random screening.

Random screening has an expected WSS@95 of 0 and recall@10 % of 0.1; the assertions ask for a
clear margin.  The whole-collection run is slow and marked so.
"""

from __future__ import annotations

import pytest

from samrev.literature.dataset import read_screening_csv
from samrev.literature.metrics import score_order
from samrev.literature.simulate import simulate
from tests.literature.conftest import SHARED

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="shared/data/literature is not beside the checkout")


def test_small_real_review_beats_random_by_a_clear_margin() -> None:
    data = read_screening_csv(SHARED / "cohen_2006_urinary_incontinence.csv")
    result = simulate(data, seed=1)
    metrics = score_order(result.order, data.label_map())
    assert metrics.wss_95 > 0.3
    assert metrics.recall_at_10 > 0.25
    assert result.seconds_per_retrain_median < 0.2


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in SHARED.glob("*.csv")) if SHARED.is_dir() else [])
def test_every_shared_review(name: str) -> None:
    data = read_screening_csv(SHARED / f"{name}.csv")
    metrics = score_order(simulate(data, seed=2).order, data.label_map())
    assert metrics.wss_95 > 0.3 and metrics.recall_at_10 > 0.3
