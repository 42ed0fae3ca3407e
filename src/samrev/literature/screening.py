"""A screening session: a person's decisions in, the next record and the stopping aids out.

Pure: records and decisions in, records and numbers out; no store, no terminal.  The CLI (and
later the web app) persist each decision through :mod:`samrev.literature.decisions` and feed it
to :meth:`ScreeningSession.decide`.

- **Retrained after every decision.**  The ranking model is the simulation's
  (:func:`samrev.literature.model.make_model`, default ``nb_svm``) on the same TF-IDF features
  (:func:`samrev.literature.features.tfidf_matrix`, over title, abstract and keywords), fed one
  decision at a time.  It sees the records in a seeded permutation, so file order carries no
  signal, not even in ties.  An undo restores the model as it was before the decision (the last
  ``UNDO_SNAPSHOTS`` states are kept), or retrains on the remaining decisions.
- **Next record**: ``most_likely`` (default) takes the highest score; ``least_certain`` the record
  whose probability of inclusion is closest to 0.5, by a naive Bayes model Platt-scaled on
  out-of-fold scores of the screened records (:meth:`ScreeningSession.probabilities`).  Until the decisions hold
  both an inclusion and an exclusion no model can rank: records are then taken by ``prior_scores``
  (the terminal screener passes the number of inclusion terms minus exclusion terms), ties and
  the rest in seeded random order.  A record marked *uncertain* is not trained on and comes back
  only when every other record has a decision.
- **Inclusions left** (:meth:`ScreeningSession.estimate`, :func:`discovery_estimate`): from the
  discovery curve of this screening.  Because the model shows the likely inclusions first, the
  share of inclusions among the records screened falls as screening goes on.  A logistic
  regression of each decision (1 = included) on its position in the screening order describes
  that fall; summing its predicted probabilities over the positions still to come gives the
  expected inclusions left.  The interval's lower end is that sum minus 1.96 standard deviations
  (variance Σ p(1 − p)); its upper end is the larger of the sum plus 1.96 standard deviations and
  the same regression on the logarithm of the position (a heavier, power-law tail).  Measured on
  the shared datasets (docs/literature.md) the first tends to be low early in a screening and the
  second high, so the range is what to read.  Probabilities per record fitted to the screened
  records alone overestimated badly (the screened records are the top of the ranking, not a
  sample of the rest): that is why the curve, not a calibrated classifier, gives the estimate.
- **Stopping aids**: :mod:`samrev.literature.stopping` (hypergeometric test and N consecutive
  irrelevant records).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from samrev.core.errors import LiteratureError
from samrev.literature.records import ScreeningRecord
from samrev.literature.stopping import DEFAULT_ALPHA, DEFAULT_RECALL_TARGET, StoppingStatus, stopping_status

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    FloatArray = NDArray[np.float64]

INCLUDE = "include"
EXCLUDE = "exclude"
UNCERTAIN = "uncertain"
LABELS = {INCLUDE: 1, EXCLUDE: 0}
CALIBRATION_MODEL = "nb"
UNDO_SNAPSHOTS = 20  # model states kept for undo; older undos retrain from scratch
MAX_FOLDS = 5


class Strategy(StrEnum):
    most_likely = "most_likely"
    least_certain = "least_certain"


@dataclass(frozen=True, slots=True)
class Estimate:
    """The model's estimate of inclusions among the unscreened records."""

    expected: float
    low: float
    high: float
    found: int
    unscreened: int
    method: str

    @property
    def recall(self) -> float:
        """Estimated share of all inclusions found so far."""
        total = self.found + self.expected
        return 1.0 if total == 0 else self.found / total

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "recall": round(self.recall, 4)}


class ScreeningSession:
    """One screener's decisions on one set of records, with the model retrained after each."""

    def __init__(
        self,
        records: Sequence[ScreeningRecord],
        *,
        decisions: Sequence[tuple[str, str]] = (),
        model_name: str = "",
        strategy: Strategy | str = Strategy.most_likely,
        seed: int = 0,
        prior_scores: Sequence[float] | None = None,
        recall_target: float = DEFAULT_RECALL_TARGET,
        alpha: float = DEFAULT_ALPHA,
        run_length: int | None = None,
    ) -> None:
        import numpy as np

        from samrev.literature.features import tfidf_matrix

        if not records:
            raise LiteratureError(detail="ingen poster å screene")
        self.records = list(records)
        self._index = {record.record_id: i for i, record in enumerate(self.records)}
        if len(self._index) != len(self.records):
            raise LiteratureError(detail="to poster har samme record_id")
        self.model_name = model_name
        self.strategy = Strategy(strategy)
        self.seed = seed
        self.recall_target = recall_target
        self.alpha = alpha
        self.run_length = run_length
        n = len(self.records)
        rng = np.random.default_rng(seed)
        self._permutation = rng.permutation(n)  # view position → record index
        self._view = np.empty(n, dtype=np.int64)
        self._view[self._permutation] = np.arange(n)  # record index → view position
        self._matrix = tfidf_matrix([self.records[int(i)].text() for i in self._permutation])
        tie_break = rng.random(n)
        fallback = np.zeros(n) if prior_scores is None else np.asarray(prior_scores, dtype=float)
        if len(fallback) != n:
            raise LiteratureError(detail="prior_scores må ha én verdi per post")
        # before the model can rank: prior score first, the seeded tie-break within a score
        self._fallback = fallback[self._permutation] + tie_break / 2.0 / (1.0 + np.abs(fallback).max())
        self._decided = np.zeros(n, dtype=bool)
        self._uncertain: list[str] = []
        self._decisions: list[tuple[str, int]] = []
        self._history: list[tuple[str, str]] = []  # (record_id, value) in the order given, for undo
        self._probabilities: FloatArray | None = None
        for record_id, value in decisions:
            self._apply(record_id, value, retrain=False)
        self._restart()

    # --- state -----------------------------------------------------------------------------

    def _restart(self) -> None:
        """A fresh model trained on the decisions so far: the exclusions first, then the
        inclusions, so the linear model refits once per inclusion instead of once per decision (a
        model is ready to fit only with both classes).  Resuming a long screening costs seconds,
        not minutes; the model ends near, not bit-for-bit at, the one retrained decision by
        decision."""
        from samrev.literature.model import make_model

        self._model = make_model(self.model_name, seed=self.seed)
        self._model.start(self._matrix)
        for wanted in (0, 1):
            for record_id, label in self._decisions:
                if label == wanted:
                    self._model.add(self._view_of(record_id), label)
        self._snapshots: list[Any] = []
        self._probabilities = None

    def _snapshot(self) -> Any:
        """A copy of the model's state that shares its (large, read-only) sparse matrices."""
        import copy

        from scipy import sparse

        memo: dict[int, Any] = {}
        stack: list[Any] = [self._model]
        seen: set[int] = set()
        while stack:  # share every sparse matrix reachable through attributes, copy the rest
            item = stack.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            for value in getattr(item, "__dict__", {}).values():
                if sparse.issparse(value):
                    memo[id(value)] = value
                elif hasattr(value, "__dict__") and not isinstance(value, type):
                    stack.append(value)
        return copy.deepcopy(self._model, memo)

    def _view_of(self, record_id: str) -> int:
        try:
            return int(self._view[self._index[record_id]])
        except KeyError:
            raise LiteratureError(detail=f"posten «{record_id}» finnes ikke blant postene som screenes") from None

    def _apply(self, record_id: str, value: str, *, retrain: bool) -> None:
        view = self._view_of(record_id)
        if value not in (INCLUDE, EXCLUDE, UNCERTAIN):
            raise LiteratureError(detail=f"ukjent beslutning «{value}» (include, exclude eller uncertain)")
        if self._decided[view]:
            raise LiteratureError(detail=f"posten «{record_id}» har allerede en beslutning")
        if record_id in self._uncertain:
            self._uncertain.remove(record_id)
        if value == UNCERTAIN:
            self._uncertain.append(record_id)
        else:
            label = LABELS[value]
            self._decided[view] = True
            self._decisions.append((record_id, label))
            if retrain:
                self._snapshots.append(self._snapshot())
                del self._snapshots[:-UNDO_SNAPSHOTS]
                self._model.add(view, label)
        self._history.append((record_id, value))
        self._probabilities = None

    def decide(self, record_id: str, value: str) -> None:
        """Record ``include``, ``exclude`` or ``uncertain`` for a record; retrains the model."""
        self._apply(record_id, value, retrain=True)

    def undo(self) -> tuple[str, str] | None:
        """Take back the last decision (the model is retrained without it); None when there is none."""
        if not self._history:
            return None
        record_id, value = self._history.pop()
        if value == UNCERTAIN:
            self._uncertain.remove(record_id)
        else:
            self._decisions.pop()
            self._decided[self._view_of(record_id)] = False
            if self._snapshots:  # the model exactly as it was before that decision
                self._model = self._snapshots.pop()
            else:
                self._restart()
        # an earlier "uncertain" mark of this record, undone by the later decision, comes back
        if any(rid == record_id and v == UNCERTAIN for rid, v in self._history) and record_id not in self._uncertain:
            self._uncertain.append(record_id)
        self._probabilities = None
        return record_id, value

    @property
    def decisions(self) -> list[tuple[str, int]]:
        """Include (1) / exclude (0) decisions in screening order."""
        return list(self._decisions)

    @property
    def uncertain(self) -> list[str]:
        return list(self._uncertain)

    @property
    def screened(self) -> int:
        return len(self._decisions)

    @property
    def included(self) -> int:
        return sum(label for _, label in self._decisions)

    @property
    def total(self) -> int:
        return len(self.records)

    def record(self, record_id: str) -> ScreeningRecord:
        return self.records[self._index[record_id]]

    def model_description(self) -> str:
        return self._model.describe()

    # --- ranking ---------------------------------------------------------------------------

    def _pool(self) -> tuple[NDArray[np.bool_], bool]:
        """Views that may come next, and whether they are the uncertain ones (all else decided)."""
        import numpy as np

        open_ = ~self._decided
        if self._uncertain:
            marked = np.zeros_like(open_)
            marked[[self._view_of(rid) for rid in self._uncertain]] = True
            rest = open_ & ~marked
            if rest.any():
                return rest, False
            return marked, True
        return open_, False

    def _priority(self) -> FloatArray:
        """Higher first, over all views (the caller masks)."""
        import numpy as np

        if not self._model.ready():
            fallback: FloatArray = self._fallback.copy()
            return fallback
        if self.strategy is Strategy.least_certain:
            probabilities = self.probabilities()
            if probabilities is not None:
                result: FloatArray = -np.abs(probabilities - 0.5)
                return result
        scores: FloatArray = self._model.scores()
        return scores

    def ranking(self, limit: int | None = None) -> list[str]:
        """Record ids of the undecided records in the order they would be shown."""
        import numpy as np

        pool, uncertain_only = self._pool()
        if not pool.any():
            return []
        if uncertain_only:
            return list(self._uncertain)[:limit]
        priority = self._priority()
        views = np.flatnonzero(pool)
        ordered = views[np.argsort(-priority[views], kind="stable")]
        ids = [self.records[int(self._permutation[v])].record_id for v in ordered]
        tail = [rid for rid in self._uncertain if rid not in ids]
        return (ids + tail)[:limit]

    def next_record(self) -> ScreeningRecord | None:
        """The record to screen next; None when every record has a decision."""
        import numpy as np

        pool, uncertain_only = self._pool()
        if not pool.any():
            return None
        if uncertain_only:
            return self.record(self._uncertain[0])
        priority = self._priority()
        priority[~pool] = -np.inf
        return self.records[int(self._permutation[int(np.argmax(priority))])]

    # --- estimate ----------------------------------------------------------------------------

    def probabilities(self) -> FloatArray | None:
        """Calibrated probability of inclusion per view (None before two inclusions and two
        exclusions); see the module docstring."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        from samrev.literature.model import make_model

        if self._probabilities is not None:
            return self._probabilities
        labels = np.array([label for _, label in self._decisions], dtype=np.int64)
        views = np.array([self._view_of(rid) for rid, _ in self._decisions], dtype=np.int64)
        n_inc = int(labels.sum())
        folds = min(MAX_FOLDS, n_inc, len(labels) - n_inc)
        if folds < 2:
            return None

        def fitted(rows: NDArray[np.int64]) -> FloatArray:
            model = make_model(CALIBRATION_MODEL)
            model.start(self._matrix)
            for row in rows:
                model.add(int(views[row]), int(labels[row]))
            scores: FloatArray = model.scores()
            return scores

        out_of_fold = np.empty(len(labels))
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.seed)
        for train, test in splitter.split(np.zeros(len(labels)), labels):
            out_of_fold[test] = fitted(train)[views[test]]
        scale = float(out_of_fold.std()) or 1.0
        platt = LogisticRegression(C=100.0)
        platt.fit((out_of_fold / scale).reshape(-1, 1), labels)
        full = fitted(np.arange(len(labels)))
        result: FloatArray = platt.predict_proba((full / scale).reshape(-1, 1))[:, 1]
        self._probabilities = result
        return result

    def estimate(self) -> Estimate | None:
        """Expected inclusions among the unscreened records, with a range (:func:`discovery_estimate`)."""
        return discovery_estimate([label for _, label in self._decisions], self.total)

    def stopping(self) -> StoppingStatus:
        """Both stopping aids after the decisions so far."""
        return stopping_status(
            [label for _, label in self._decisions],
            self.total,
            recall_target=self.recall_target,
            alpha=self.alpha,
            run_length=self.run_length,
        )


MIN_DECISIONS_FOR_ESTIMATE = 10


def discovery_estimate(labels: Sequence[int], n_records: int) -> Estimate | None:
    """Expected inclusions left after the decisions ``labels`` (screening order, 1 = included),
    from the discovery curve; None before ``MIN_DECISIONS_FOR_ESTIMATE`` decisions with at
    least one inclusion and one exclusion, and while the share of inclusions is not falling
    (either regression's slope ≥ 0).  See the module docstring."""
    import numpy as np

    seen = len(labels)
    found = int(sum(labels))
    unscreened = n_records - seen
    if seen < MIN_DECISIONS_FOR_ESTIMATE or found in (0, seen):
        return None
    method = "logistic regression of decision on screening position, summed over the positions left"
    if unscreened <= 0:
        return Estimate(0.0, 0.0, 0.0, found, 0, method)
    y = np.asarray(labels, dtype=float)
    done = np.arange(1, seen + 1, dtype=float)
    left = np.arange(seen + 1, n_records + 1, dtype=float)

    def expected(transform: Any) -> FloatArray | None:
        intercept, slope = _logistic_fit(transform(done), y)
        if slope >= 0:  # the share of inclusions is not falling (yet): no curve to follow
            return None
        result: FloatArray = 1.0 / (1.0 + np.exp(-(intercept + slope * transform(left))))
        return result

    p = expected(lambda position: position / n_records)
    tail = expected(np.log)
    if p is None or tail is None:
        return None
    mean = float(p.sum())
    spread = 1.96 * math.sqrt(float((p * (1 - p)).sum()))
    heavy = float(tail.sum())
    return Estimate(
        expected=mean,
        low=max(0.0, mean - spread),
        high=max(mean + spread, heavy),
        found=found,
        unscreened=unscreened,
        method=method,
    )


def _logistic_fit(x: FloatArray, y: FloatArray, ridge: float = 1e-6, steps: int = 50) -> tuple[float, float]:
    """Intercept and slope of a one-variable logistic regression, by Newton's method (x is
    standardised inside; a tiny ridge keeps a perfectly separable sequence finite)."""
    import numpy as np

    centre, scale = float(x.mean()), float(x.std()) or 1.0
    z = (x - centre) / scale
    design = np.column_stack([np.ones_like(z), z])
    beta = np.zeros(2)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (y - p) - ridge * len(y) * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + ridge * len(y) * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if float(np.abs(step).max()) < 1e-8:
            break
    slope = float(beta[1]) / scale
    return float(beta[0]) - slope * centre, slope
