"""Statistics for survey answers: Wilson intervals, Likert cells, summaries, Mann–Whitney U with
Holm correction and rank-biserial effect sizes.

Choices (docs/survey.md): the Wilson score interval without continuity correction
(``statsmodels.stats.proportion.proportion_confint(method="wilson")``) holds its coverage for small
groups and rates near 0 or 1, where the Wald interval does not; Likert answers are ordinal, so
groups are compared with the two-sided Mann–Whitney U test (``scipy.stats.mannwhitneyu`` with its
defaults: exact p for small samples without ties, else the normal approximation with tie and
continuity correction) and the effect size is the rank-biserial correlation 2U/(na·nb) − 1; the
family of all tests in one output is corrected with Holm's step-down
(``statsmodels.stats.multitest.multipletests(method="holm")``), which controls the family-wise
error without assuming independence.  Means are reported beside medians because analysts ask for
them, but the tests never use them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from samrev.survey.matching import match_key

BLANK = "blank"
UNPARSED = "unparsed"
_LEADING_NUMBER = re.compile(r"^(\d+)(?:\s*(?:[-):=]|\.(?!\d))\s*.*|\s+\D.*)?$")


def wilson(successes: int, trials: int) -> tuple[float, float] | None:
    """95 % Wilson score interval, or ``None`` when undefined (no trials, or successes > trials)."""
    if trials <= 0 or successes < 0 or successes > trials:
        return None
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = proportion_confint(successes, trials, alpha=0.05, method="wilson")
    return float(lo), float(hi)


@dataclass(frozen=True, slots=True)
class Cell:
    """A parsed Likert cell: ``value`` (an int in the scale) or ``code`` (missing code, blank, unparsed)."""

    value: int | None
    code: str | None
    raw: str


class LikertParser:
    """The spec's order: blank; a scale label; a missing label; a number inside the scale, alone or
    leading a label; else unparsed."""

    def __init__(self, scale: dict[str, int], missing: dict[str, str], values: list[int]) -> None:
        self._scale = {match_key(k): v for k, v in scale.items()}
        self._missing = {match_key(k): v for k, v in missing.items()}
        self._low, self._high = (min(values), max(values)) if values else (1, 0)

    def parse(self, raw: str) -> Cell:
        key = match_key(raw)
        if not key:
            return Cell(None, BLANK, raw)
        if key in self._scale:
            return Cell(self._scale[key], None, raw)
        if key in self._missing:
            return Cell(None, self._missing[key], raw)
        match = _LEADING_NUMBER.match(key)
        if match:
            number = int(match.group(1))
            if self._low <= number <= self._high:
                return Cell(number, None, raw)
        return Cell(None, UNPARSED, raw)


def summarise(cells: list[Cell], values: list[int], missing_codes: list[str]) -> dict[str, Any]:
    """``{n, missing: {...codes, blank, unparsed}, mean, median, distribution}`` of one item in one group."""
    import numpy as np

    numbers = [c.value for c in cells if c.value is not None]
    missing = dict.fromkeys([*missing_codes, BLANK, UNPARSED], 0)
    for cell in cells:
        if cell.code is not None:
            missing[cell.code] = missing.get(cell.code, 0) + 1
    distribution = {str(v): 0 for v in values}
    for number in numbers:
        distribution[str(number)] += 1
    return {
        "n": len(numbers),
        "missing": missing,
        "mean": round(float(np.mean(numbers)), 6) if numbers else None,
        "median": float(np.median(numbers)) if numbers else None,
        "distribution": distribution,
    }


def mann_whitney(xa: list[int], xb: list[int]) -> tuple[float, float]:
    """U of the first sample and the two-sided p (scipy's defaults)."""
    from scipy.stats import mannwhitneyu

    result = mannwhitneyu(xa, xb)
    p = float(result.pvalue)
    return float(result.statistic), 1.0 if math.isnan(p) else p


def holm(pvalues: list[float]) -> list[float]:
    """Holm step-down adjusted p-values (capped at 1, monotone)."""
    if not pvalues:
        return []
    from statsmodels.stats.multitest import multipletests

    return [float(p) for p in multipletests(pvalues, method="holm")[1]]
