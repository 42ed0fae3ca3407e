"""When may a screener stop?  Two stopping aids, computed from the decisions in screening order.

**Statistical rule** (default): the hypergeometric test of Callaghan & Müller-Hansen (2020),
"Statistical stopping criteria for automated screening in systematic reviews", *Systematic
Reviews* 9:273, https://doi.org/10.1186/s13643-020-01521-4, in the "ranked quasi-sampling" form
of their reference implementation (buscar).  The last n screened records are treated as a random
sample drawn from the N − (screened − n) records that were still unscreened when that stretch
began.  Because the model puts the likely inclusions first, those records hold at least as many
inclusions as a random sample would, so the test is conservative.  The null hypothesis is that
recall is still below the target τ: with r inclusions found so far, the whole set would have to
hold at least ⌊r/τ⌋ + 1 of them, i.e. K = ⌊r/τ⌋ + 1 − (r − k) in that urn, where k is the number of
inclusions among the last n.  The p-value of seeing only k inclusions in n draws under that
hypothesis is the hypergeometric lower tail P(X ≤ k); it is computed for every n and the smallest
is kept (as buscar does).  Stop when p < α (default α = 0.05: "recall ≥ 95 % with 95 %
confidence").

Why this rule: it is the one stopping rule in the screening literature that states a recall
target and a confidence level and needs no extra random sample or tuning constant: it works on
the screening order the tool already produces, and its assumption (ranked screening finds
inclusions at least as fast as random draws) errs on the side of screening more.  The SAFE
procedure (Boetje & van de Schoot 2024) is a protocol of several phases (random screening, a
second model, a quality check) rather than a rule that can be computed after each decision.

**Heuristic**: stop after N consecutive irrelevant records (a common rule of thumb; it states
no recall).  Both are shown side by side; neither decides for the screener.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

DEFAULT_RECALL_TARGET = 0.95
DEFAULT_ALPHA = 0.05
DEFAULT_RUN_LENGTH = 50
RUN_SHARE = 0.02  # the heuristic's default N: 2 % of the records, at least DEFAULT_RUN_LENGTH


def default_run_length(n_records: int) -> int:
    """The heuristic's default N for a set of ``n_records``: 2 % of them, at least 50."""
    return max(DEFAULT_RUN_LENGTH, math.ceil(RUN_SHARE * n_records))


def consecutive_irrelevant(labels: Sequence[int]) -> int:
    """How many records at the end of ``labels`` (screening order, 1 = included) were excluded."""
    run = 0
    for label in reversed(labels):
        if label:
            break
        run += 1
    return run


def hypergeometric_p(labels: Sequence[int], n_records: int, recall_target: float = DEFAULT_RECALL_TARGET) -> float:
    """p-value of "recall is still below ``recall_target``" after screening ``labels`` in order.

    ``labels`` are the decisions in screening order (1 = included, 0 = excluded) and
    ``n_records`` the size of the whole set.  1.0 before any decision; 0.0 once everything is
    screened.  See the module docstring for the test.
    """
    import numpy as np
    from scipy.stats import hypergeom

    if not 0.0 < recall_target <= 1.0:
        raise ValueError("recall_target must be in (0, 1]")
    seen = len(labels)
    if seen > n_records:
        raise ValueError("more decisions than records")
    if seen == 0:
        return 1.0
    if seen == n_records:
        return 0.0
    found = int(sum(labels))
    tail = np.asarray(labels, dtype=np.int64)[::-1]
    k = np.cumsum(tail)  # inclusions among the last n records, n = 1 … seen
    n = np.arange(1, seen + 1)
    population = n_records - seen + n  # records unscreened when the last n began
    # fractions are exact for the usual targets; the epsilon keeps 19/0.95 at 20, not 19.99…
    needed = math.floor(found / recall_target + 1e-9) + 1
    urn_inclusions = needed - (found - k)
    p = hypergeom.cdf(k, population, np.minimum(urn_inclusions, population), n)
    # an urn that cannot hold the inclusions the hypothesis needs refutes it
    p = np.where(urn_inclusions > population, 0.0, p)
    return float(np.clip(np.nanmin(p), 0.0, 1.0))


@dataclass(frozen=True, slots=True)
class StoppingStatus:
    """Both stopping aids after the decisions so far."""

    screened: int
    included: int
    n_records: int
    recall_target: float
    alpha: float
    p_value: float
    statistical_stop: bool
    run_length: int
    consecutive_irrelevant: int
    heuristic_stop: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def statistical_text(self) -> str:
        """The statistical rule's verdict in bokmål."""
        from samrev.report.format import number, percent

        target, confidence = percent(self.recall_target), percent(1 - self.alpha)
        p, alpha = number(self.p_value, 3), number(self.alpha, 2)
        if self.statistical_stop:
            return f"Kan stoppe: andelen funnet er minst {target} med {confidence} sikkerhet (p = {p} < {alpha})."
        return f"Fortsett: kan ennå ikke si at minst {target} er funnet (p = {p} ≥ {alpha})."

    def heuristic_text(self) -> str:
        """The heuristic's verdict in bokmål."""
        if self.heuristic_stop:
            return f"Kan stoppe: {self.consecutive_irrelevant} irrelevante på rad (grense {self.run_length})."
        return f"{self.consecutive_irrelevant} av {self.run_length} irrelevante på rad."


def stopping_status(
    labels: Sequence[int],
    n_records: int,
    *,
    recall_target: float = DEFAULT_RECALL_TARGET,
    alpha: float = DEFAULT_ALPHA,
    run_length: int | None = None,
) -> StoppingStatus:
    """Evaluate both stopping aids on ``labels`` (decisions in screening order, 1 = included)."""
    run_length = default_run_length(n_records) if run_length is None else run_length
    p = hypergeometric_p(labels, n_records, recall_target)
    run = consecutive_irrelevant(labels)
    return StoppingStatus(
        screened=len(labels),
        included=int(sum(labels)),
        n_records=n_records,
        recall_target=recall_target,
        alpha=alpha,
        p_value=p,
        statistical_stop=p < alpha,
        run_length=run_length,
        consecutive_irrelevant=run,
        heuristic_stop=run >= run_length or len(labels) == n_records,
    )


def first_stop(
    labels: Sequence[int],
    n_records: int,
    *,
    rule: str = "statistical",
    recall_target: float = DEFAULT_RECALL_TARGET,
    alpha: float = DEFAULT_ALPHA,
    run_length: int | None = None,
    check_every: int = 1,
) -> int:
    """The number of screened records at which ``rule`` (``statistical`` or ``heuristic``) first
    says stop, for a complete screening order ``labels``; ``len(labels)`` when it never does.

    ``check_every`` evaluates the statistical rule only after every so many decisions (a
    simulation's shortcut; the screener checks after each one).
    """
    if rule == "heuristic":
        limit = default_run_length(n_records) if run_length is None else run_length
        run = 0
        for position, label in enumerate(labels, start=1):
            run = 0 if label else run + 1
            if run >= limit:
                return position
        return len(labels)
    if rule != "statistical":
        raise ValueError(f"unknown stopping rule {rule!r}")
    for seen in range(check_every, len(labels) + 1, check_every):
        if hypergeometric_p(labels[:seen], n_records, recall_target) < alpha:
            return seen
    return len(labels)
