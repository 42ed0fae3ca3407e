"""Screening metrics, computed from a screening order and the true labels.

Definitions (shared/spec/screening.md): N records, I inclusions, 1-based positions in the order.

- n(r): position of the ⌈r·I⌉-th inclusion;
- WSS@r = (N − n(r)) / N − (1 − r);
- recall@10% = inclusions among the first ⌈0.1·N⌉ records / I;
- ATD = mean position of the inclusions / N.

Ratios are rounded to four decimals, as the spec says.  The ceilings are computed on exact
fractions so that 0.95 · 20 is 19, not 19.000000000000004 → 20.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any


@dataclass(frozen=True, slots=True)
class ScreeningMetrics:
    n_records: int
    n_included: int
    wss_95: float
    wss_100: float
    recall_at_10: float
    atd: float
    screened_to_95: int
    screened_to_100: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ceil(fraction: Fraction) -> int:
    return math.ceil(fraction)


def inclusion_positions(order: Sequence[str], labels: Mapping[str, int]) -> list[int]:
    """1-based positions of the included records in ``order``."""
    return [position for position, record_id in enumerate(order, start=1) if labels[record_id] == 1]


def screened_to(positions: Sequence[int], n_included: int, r: Fraction) -> int:
    """n(r): the position at which ⌈r·I⌉ inclusions have been screened."""
    needed = max(1, _ceil(r * n_included))
    return positions[needed - 1]


def wss(positions: Sequence[int], n_records: int, n_included: int, r: Fraction) -> float:
    """Work saved over sampling at recall r."""
    n_r = screened_to(positions, n_included, r)
    return round((n_records - n_r) / n_records - float(1 - r), 4)


def recall_at(positions: Sequence[int], n_records: int, n_included: int, share: Fraction) -> float:
    """Share of the inclusions found among the first ⌈share·N⌉ screened records."""
    cutoff = _ceil(share * n_records)
    return round(sum(1 for p in positions if p <= cutoff) / n_included, 4)


def score_order(order: Sequence[str], labels: Mapping[str, int]) -> ScreeningMetrics:
    """All metrics of the spec for one screening order.

    ``order`` must hold every record of ``labels`` exactly once and at least one inclusion must
    exist; otherwise ``ValueError`` (a programming error, not user input).
    """
    if len(order) != len(labels) or set(order) != set(labels):
        raise ValueError("order is not a permutation of the labelled records")
    positions = inclusion_positions(order, labels)
    n_records, n_included = len(order), len(positions)
    if n_included == 0:
        raise ValueError("no included records: the metrics are undefined")
    r95, r100 = Fraction(95, 100), Fraction(1)
    return ScreeningMetrics(
        n_records=n_records,
        n_included=n_included,
        wss_95=wss(positions, n_records, n_included, r95),
        wss_100=wss(positions, n_records, n_included, r100),
        recall_at_10=recall_at(positions, n_records, n_included, Fraction(1, 10)),
        atd=round(sum(positions) / n_included / n_records, 4),
        screened_to_95=screened_to(positions, n_included, r95),
        screened_to_100=screened_to(positions, n_included, r100),
    )
