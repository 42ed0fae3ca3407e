"""WSS@95, WSS@100, recall@10 % and ATD by definition, on hand-made rankings."""

from __future__ import annotations

import pytest

from samrev.literature.metrics import score_order


def _labels(n: int, included: set[int]) -> dict[str, int]:
    return {str(i): int(i in included) for i in range(1, n + 1)}


def test_perfect_ranking() -> None:
    labels = _labels(100, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    m = score_order([str(i) for i in range(1, 101)], labels)
    # n(0.95) = position of the ceil(9.5)=10th inclusion = 10
    assert m.screened_to_95 == 10 and m.screened_to_100 == 10
    assert m.wss_95 == pytest.approx(round((100 - 10) / 100 - 0.05, 4))
    assert m.wss_100 == pytest.approx(0.9)
    assert m.recall_at_10 == 1.0
    assert m.atd == pytest.approx(round(5.5 / 100, 4))


def test_worst_ranking_is_negative() -> None:
    labels = _labels(10, {1, 2})
    order = [str(i) for i in range(10, 0, -1)]  # the inclusions come last
    m = score_order(order, labels)
    assert m.screened_to_95 == 10 and m.screened_to_100 == 10
    assert m.wss_95 == pytest.approx(-0.05)
    assert m.wss_100 == 0.0
    assert m.recall_at_10 == 0.0


def test_hand_counted_example() -> None:
    # 20 records, 4 inclusions at positions 1, 3, 8 and 15 of the order.
    labels = _labels(20, {5, 9, 12, 20})
    order = ["5", "1", "9", "2", "3", "4", "6", "12", "7", "8", "10", "11", "13", "14", "20",
             "15", "16", "17", "18", "19"]
    m = score_order(order, labels)
    # ceil(0.95*4) = 4 → n(0.95) = 15;  WSS@95 = 5/20 - 0.05 = 0.2
    assert m.screened_to_95 == 15
    assert m.wss_95 == pytest.approx(0.2)
    assert m.wss_100 == pytest.approx(0.25)
    # first ceil(0.1*20) = 2 records hold 1 inclusion → 0.25
    assert m.recall_at_10 == pytest.approx(0.25)
    assert m.atd == pytest.approx(round((1 + 3 + 8 + 15) / 4 / 20, 4))


def test_ceiling_uses_exact_fractions() -> None:
    # 0.95 * 20 in floating point is 19.000000000000004; the 19th inclusion is meant.
    included = set(range(1, 21))
    labels = _labels(40, included)
    m = score_order([str(i) for i in range(1, 41)], labels)
    assert m.screened_to_95 == 19
    # ceil(0.1 * 30) = 3, not 4
    labels30 = _labels(30, {1, 2, 3, 4})
    assert score_order([str(i) for i in range(1, 31)], labels30).recall_at_10 == 0.75


def test_order_must_be_a_permutation() -> None:
    with pytest.raises(ValueError):
        score_order(["1", "1"], {"1": 1, "2": 0})
