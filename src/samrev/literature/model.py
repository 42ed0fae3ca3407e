"""Screening models: retrained after every decision, cheap enough for 15,000 records.

Every model follows one small protocol: :meth:`start` with the feature matrix (computed once),
:meth:`add` one revealed label (this is the retrain), :meth:`scores` for every record (higher =
more likely included; the caller masks the screened ones and takes the maximum: max query).

- ``nb`` — multinomial naive Bayes on TF-IDF with balanced class weights.  The per-class term
  sums are updated with the one new row, so a retrain is O(row) + O(terms) and the re-rank one
  sparse matrix-vector product.
- ``ridge`` — an L2-regularised least-squares classifier (targets +1/−1, positives weighted up,
  intercept as a constant feature), refitted after every decision by conjugate gradients
  warm-started from the previous solution.  Adding one record moves the optimum a little, so a
  handful of iterations (each two sparse products over the labelled rows) reach the tolerance:
  an exact refit, not an approximation of one, bounded by ``max_iter``.
- ``svm`` — a linear SVM with the squared hinge loss and ASReview ELAS u4's C and balance, refitted
  by a warm-started Newton step (conjugate gradients on the records inside the margin).
- ``nb_svm`` (default), ``nb_ridge`` — naive Bayes plus the linear model, each score standardised
  over all records, then summed.  The generative and the discriminative model err on different
  records; the sum is more robust than either.

All are deterministic: no randomness inside the models.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

    FloatArray = NDArray[np.float64]


class ScreeningModel(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    label: ClassVar[str]

    def start(self, matrix: csr_matrix) -> None: ...
    def add(self, row: int, label: int) -> None: ...
    def ready(self) -> bool: ...
    def scores(self) -> FloatArray: ...
    def describe(self) -> str: ...


def _describe(model: Any, params: dict[str, Any]) -> str:
    settings = ", ".join(f"{key}={value}" for key, value in params.items())
    return f"{model.name}@{model.version} ({settings})"


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with balanced class weights, updated incrementally."""

    name: ClassVar[str] = "nb"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Naiv Bayes (TF-IDF, balanserte klassevekter)"

    alpha: float = 1.0

    def __post_init__(self) -> None:
        self._sums: list[Any] = []
        self._counts = [0, 0]

    def get_params(self) -> dict[str, Any]:
        return {"alpha": self.alpha}

    def start(self, matrix: csr_matrix) -> None:
        import numpy as np

        self._matrix = matrix
        self._sums = [np.zeros(matrix.shape[1]), np.zeros(matrix.shape[1])]
        self._counts = [0, 0]

    def add(self, row: int, label: int) -> None:
        start, end = self._matrix.indptr[row], self._matrix.indptr[row + 1]
        self._sums[label][self._matrix.indices[start:end]] += self._matrix.data[start:end]
        self._counts[label] += 1

    def ready(self) -> bool:
        return self._counts[0] > 0 and self._counts[1] > 0

    def weights(self) -> FloatArray:
        """Log-probability ratio per term (included vs excluded)."""
        import numpy as np

        # Balanced: the excluded class is weighted down to the size of the included class.
        w_inc, w_exc = 1.0, self._counts[1] / self._counts[0]
        n_terms, alpha = self._matrix.shape[1], self.alpha
        inc = w_inc * self._sums[1]
        exc = w_exc * self._sums[0]
        result: FloatArray = (
            np.log(inc + alpha) - np.log(inc.sum() + alpha * n_terms)
            - np.log(exc + alpha) + np.log(exc.sum() + alpha * n_terms)
        )
        return result

    def scores(self) -> FloatArray:
        result: FloatArray = self._matrix @ self.weights()
        return result

    def describe(self) -> str:
        return _describe(self, self.get_params())


def _dot(a: FloatArray, b: FloatArray) -> float:
    """Inner product without BLAS: OpenBLAS threads spin badly on a loaded 2-core machine, and
    a vector of some 10⁵ terms gains nothing from them."""
    import numpy as np

    return float(np.einsum("i,i->", a, b))


def _conjugate_gradients(
    apply: Any, b: FloatArray, start: FloatArray, tol: float, max_iter: int, applied: FloatArray | None = None,
    on_step: Any = None,
) -> tuple[FloatArray, int]:
    """Solve ``apply(w) = b`` (symmetric positive definite) from ``start``; ``applied`` is
    ``apply(start)`` when the caller has it already.  ``on_step(step)``, when given, runs after
    each ``w += step · p``, right after ``apply(p)``: a caller can move along what it computed
    there."""
    w = start
    r = b - (apply(w) if applied is None else applied)
    p = r.copy()
    rs = _dot(r, r)
    limit = tol * tol * _dot(b, b)
    steps = 0
    while steps < max_iter and rs > limit:
        ap = apply(p)
        step = rs / _dot(p, ap)
        w = w + step * p
        if on_step is not None:
            on_step(step)
        r = r - step * ap
        rs_next = _dot(r, r)
        p = r + (rs_next / rs) * p
        rs = rs_next
        steps += 1
    return w, steps


@dataclass
class _LinearModel:
    """Shared parts of the linear models: labelled rows, balanced weights, intercept column."""

    name: ClassVar[str] = "linear"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = ""

    lam: float = 1.0
    ratio: float = 10.0
    tol: float = 1e-3
    max_iter: int = 50

    def get_params(self) -> dict[str, Any]:
        return {"lam": self.lam, "ratio": self.ratio, "tol": self.tol, "max_iter": self.max_iter}

    def start(self, matrix: csr_matrix) -> None:
        import numpy as np
        from scipy import sparse

        ones = sparse.csr_matrix(np.ones((matrix.shape[0], 1)))
        self._matrix = sparse.hstack([matrix, ones], format="csr")
        self._w = np.zeros(self._matrix.shape[1])
        self._rows: list[int] = []
        self._labels: list[int] = []
        self.iterations: list[int] = []

    def add(self, row: int, label: int) -> None:
        self._rows.append(row)
        self._labels.append(label)
        if self.ready():
            self._fit()

    def ready(self) -> bool:
        return 0 < sum(self._labels) < len(self._labels)

    def _weights_targets(self) -> tuple[FloatArray, FloatArray]:
        import numpy as np

        y = np.asarray(self._labels, dtype=float)
        n_inc = y.sum()
        n_exc = len(y) - n_inc
        # ASReview-style balance: the excluded records together weigh 1/ratio of the included.
        weight = np.where(y == 1, 1.0, n_inc / (self.ratio * n_exc))
        weight *= len(y) / weight.sum()
        return weight, np.where(y == 1, 1.0, -1.0)

    def _fit(self) -> None:
        raise NotImplementedError

    def scores(self) -> FloatArray:
        result: FloatArray = self._matrix @ self._w
        return result

    def describe(self) -> str:
        return _describe(self, self.get_params())


@dataclass
class Ridge(_LinearModel):
    """Weighted L2 least-squares classifier, refitted by warm-started conjugate gradients."""

    name: ClassVar[str] = "ridge"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Ridge-klassifikator (TF-IDF, inkluderte vektet opp)"

    lam: float = 0.3
    tol: float = 1e-4

    def _fit(self) -> None:
        weight, target = self._weights_targets()
        labelled = self._matrix[self._rows]
        transposed = labelled.T  # a CSC view, no copy

        def apply(v: FloatArray) -> FloatArray:
            out: FloatArray = transposed @ (weight * (labelled @ v)) + self.lam * v
            return out

        self._w, steps = _conjugate_gradients(apply, transposed @ (weight * target), self._w, self.tol, self.max_iter)
        self.iterations.append(steps)


@dataclass
class SquaredHingeSVM(_LinearModel):
    """Linear SVM with the squared hinge loss (L2-loss SVM, as liblinear's default), refitted
    after every decision by warm-started Newton steps.

    Objective: Σ weightᵢ · max(0, 1 − tᵢ·w·xᵢ)² + lam · ‖w‖².  A Newton step is a weighted
    least-squares problem on the records inside the margin, solved by conjugate gradients from
    the previous solution; ``newton`` steps per decision.  The loss is piecewise quadratic, so
    when adding one record leaves the set of records inside the margin unchanged, one Newton step
    from the previous optimum lands on the new optimum (up to the CG tolerance); otherwise the
    next decision's step continues from there.  ``lam = 4.5`` matches C = 0.11 of ASReview's ELAS u4 (C = 1 / (2·lam)),
    ``ratio = 9.8`` its balance.
    """

    name: ClassVar[str] = "svm"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Lineær SVM, kvadrert hengseltap (TF-IDF, inkluderte vektet opp)"

    lam: float = 4.5
    ratio: float = 9.8
    newton: int = 1

    def get_params(self) -> dict[str, Any]:
        return {**super().get_params(), "newton": self.newton}

    def _fit(self) -> None:
        weight, target = self._weights_targets()
        labelled = self._matrix[self._rows]
        transposed = labelled.T
        steps = 0
        for _ in range(self.newton):
            margin = target * (labelled @ self._w)
            active = weight * (margin < 1.0)

            def apply(v: FloatArray, active: FloatArray = active) -> FloatArray:
                out: FloatArray = transposed @ (active * (labelled @ v)) + self.lam * v
                return out

            self._w, used = _conjugate_gradients(
                apply, transposed @ (active * target), self._w, self.tol, self.max_iter
            )
            steps += used
        self.iterations.append(steps)


#: A ranking product over at least this many stored values runs on every core, one block of
#: rows each (below it, handing work to threads costs more than it saves).
PARALLEL_FROM = 300_000


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _row_blocks(matrix: csr_matrix) -> list[csr_matrix]:
    """``matrix`` cut into consecutive row blocks of about equal stored values, one per core
    (at most four) when it holds :data:`PARALLEL_FROM` values or more, else whole."""
    import numpy as np

    parts = min(4, _cores()) if matrix.nnz >= PARALLEL_FROM else 1
    if parts <= 1:
        return [matrix]
    cuts = np.searchsorted(matrix.indptr, np.arange(1, parts) * (matrix.nnz / parts))
    bounds = [0, *(int(c) for c in cuts), matrix.shape[0]]
    return [matrix[start:end] for start, end in itertools.pairwise(bounds) if end > start]


@lru_cache(maxsize=1)
def _rank_pool() -> ThreadPoolExecutor:
    """The thread pool for the blocks, made on first use."""
    from concurrent.futures import ThreadPoolExecutor

    from samrev.core.threads import POOL_THREAD_PREFIX

    return ThreadPoolExecutor(max_workers=3, thread_name_prefix=f"{POOL_THREAD_PREFIX}-rank")


def _product(blocks: list[csr_matrix], vector: Any) -> Any:
    """``vstack(blocks) @ vector``, the blocks on threads of their own (scipy releases the GIL in
    the product; every row's sum is the same as in one product, bit for bit)."""
    import numpy as np

    if len(blocks) == 1:
        return blocks[0] @ vector
    pool = _rank_pool()
    futures = [pool.submit(block.__matmul__, vector) for block in blocks[1:]]
    first = blocks[0] @ vector
    return np.concatenate([first, *(future.result() for future in futures)])


EXACT_SPREAD_UP_TO = 5000
SPREAD_SAMPLE = 2000


class _ScoreSum:
    """Sum of the standardised scores of naive Bayes and a linear model."""

    name: ClassVar[str] = "sum"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = ""

    def __init__(self, nb: NaiveBayes, linear: _LinearModel) -> None:
        self._nb = nb
        self._linear = linear

    def get_params(self) -> dict[str, Any]:
        return {"nb": self._nb.get_params(), self._linear.name: self._linear.get_params()}

    def start(self, matrix: csr_matrix) -> None:
        self._nb.start(matrix)
        self._linear.start(matrix)
        rows = matrix.shape[0]
        self._sample = matrix if rows <= EXACT_SPREAD_UP_TO else matrix[:SPREAD_SAMPLE]

    def add(self, row: int, label: int) -> None:
        self._nb.add(row, label)
        self._linear.add(row, label)

    def ready(self) -> bool:
        return self._nb.ready()

    def scores(self) -> FloatArray:
        """One sparse product for both models: X @ (d_nb / σ_nb + w / σ_lin).

        Standardising a score only shifts and scales it; the shift is the same for every record,
        so only the spreads σ are needed: over all records up to ``EXACT_SPREAD_UP_TO`` records,
        else over the first ``SPREAD_SAMPLE`` rows (the caller's seeded permutation makes them a
        random sample).  The linear model's intercept is a shift too and is left out.
        """
        matrix = self._nb._matrix
        sample = self._sample
        nb_weights = self._nb.weights()
        linear_weights = self._linear._w[:-1]
        spread_nb = float((sample @ nb_weights).std()) or 1.0
        spread_linear = float((sample @ linear_weights).std()) or 1.0
        total: FloatArray = matrix @ (nb_weights / spread_nb + linear_weights / spread_linear)
        return total

    def describe(self) -> str:
        return f"{self.name}@{self.version} = {self._nb.describe()} + {self._linear.describe()}"


class NaiveBayesRidge(_ScoreSum):
    name: ClassVar[str] = "nb_ridge"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Naiv Bayes + ridge (standardiserte skårer summert)"

    def __init__(self, alpha: float = 1.0, lam: float = 0.3, ratio: float = 10.0) -> None:
        super().__init__(NaiveBayes(alpha=alpha), Ridge(lam=lam, ratio=ratio))


class _GrowingRows:
    """Labelled rows in compact column coordinates, appended one at a time (amortised doubling),
    viewed as a CSR matrix without copying."""

    def __init__(self) -> None:
        import numpy as np

        self.indptr = np.zeros(64, dtype=np.int64)
        self.indices = np.empty(1024, dtype=np.int32)
        self.data = np.empty(1024, dtype=np.float64)
        self.rows = 0

    def append(self, indices: Any, data: Any) -> None:
        import numpy as np

        start = int(self.indptr[self.rows])
        end = start + len(indices)
        if end > len(self.indices):
            size = max(end, 2 * len(self.indices))
            self.indices = np.resize(self.indices, size)
            self.data = np.resize(self.data, size)
        if self.rows + 2 > len(self.indptr):
            self.indptr = np.resize(self.indptr, 2 * len(self.indptr))
        self.indices[start:end] = indices
        self.data[start:end] = data
        self.rows += 1
        self.indptr[self.rows] = end

    def matrix(self, n_columns: int) -> csr_matrix:
        from scipy.sparse import csr_matrix

        end = int(self.indptr[self.rows])
        return csr_matrix(
            (self.data[:end], self.indices[:end], self.indptr[: self.rows + 1]),
            shape=(self.rows, n_columns),
            copy=False,
        )


class _GrowingInts:
    """An int64 array appended to in place (amortised doubling)."""

    def __init__(self) -> None:
        import numpy as np

        self.values = np.empty(1024, dtype=np.int64)
        self.size = 0

    def extend(self, values: Any) -> None:
        import numpy as np

        end = self.size + len(values)
        if end > len(self.values):
            self.values = np.resize(self.values, max(end, 2 * len(self.values)))
        self.values[self.size:end] = values
        self.size = end

    def view(self) -> Any:
        return self.values[: self.size]


class NaiveBayesSVM:
    """Naive Bayes plus the squared-hinge SVM, each score standardised, summed (``nb_weight``
    weighs the naive Bayes part), trained in the space of the terms seen in screened records.

    The same two models as :class:`NaiveBayes` and :class:`SquaredHingeSVM` (the test
    ``test_compact_nb_svm_equals_the_two_models`` checks that the ranking is the same), computed
    so that a decision costs O(labelled non-zeros) for the fit and one pass over the matrix for
    the ranking, whatever the vocabulary size:

    - the SVM's weights lie in the span of the labelled rows (conjugate gradients from zero), so
      it is fitted on the labelled rows in *compact* columns (the terms seen so far, plus the
      intercept), appended to as records are screened; the terms found in one record only fold
      into one column per record holding their norm (the weights on them stay proportional to
      the record's values, so margins and penalty are the same: half the columns of a fit);
    - naive Bayes gives every unseen term the same log-ratio ``c``, so its score is
      Σ seen xᵢⱼ (log(incⱼ + α) − log(w·excⱼ + α)) + c · Σⱼ xᵢⱼ, with the row sums precomputed;
    - both scores come from one sparse product (complex weights: naive Bayes + i·SVM) over the
      records still open, in row blocks on every core for a large matrix, and are standardised
      over those records (the intercept and the shift of a standardisation are the same for
      every record and left out).
    """

    name: ClassVar[str] = "nb_svm"
    version: ClassVar[str] = "2"  # unchanged by speed-ups that keep the screening order
    label: ClassVar[str] = "Naiv Bayes + lineær SVM (standardiserte skårer summert)"

    def __init__(
        self, alpha: float = 1.0, lam: float = 4.5, ratio: float = 9.8, nb_weight: float = 0.25,
        tol: float = 1e-3, max_iter: int = 50,
    ) -> None:
        self.alpha = alpha
        self.lam = lam
        self.ratio = ratio
        self.nb_weight = nb_weight
        self.tol = tol
        self.max_iter = max_iter
        self.iterations: list[int] = []

    def get_params(self) -> dict[str, Any]:
        return {
            "alpha": self.alpha, "lam": self.lam, "ratio": self.ratio, "nb_weight": self.nb_weight,
            "tol": self.tol, "max_iter": self.max_iter,
        }

    def start(self, matrix: csr_matrix) -> None:
        import numpy as np

        self._matrix = matrix
        n_terms = matrix.shape[1]
        self._row_sums = np.asarray(matrix.sum(axis=1)).ravel()
        # The ranking matrix: only terms in two or more records can carry a weight into the score
        # of a record not yet screened (a term's weight is non-zero only once a screened record
        # holds it); the most frequent first, so that their weights share the cache.
        frequency = np.bincount(matrix.indices, minlength=n_terms)
        shared = np.flatnonzero(frequency >= 2)
        shared = shared[np.argsort(-frequency[shared], kind="stable")]
        self._column = np.full(n_terms, -1, dtype=np.int64)
        self._column[shared] = np.arange(len(shared))
        ranking = matrix[:, shared]
        ranking.sort_indices()
        # Both models' scores in one product: the matrix holds its values as complex numbers and
        # the weights are naive Bayes + i·SVM, so the real part of the product is the naive Bayes
        # score and the imaginary part the SVM score, each bit for bit as from its own product
        # ((x + 0i)(a + bi) = xa + xbi), in one pass over the matrix instead of two (scipy's
        # product with a two-column matrix is slower than two products).
        self._ranking = ranking.astype(np.complex128)
        # per ranking column: the class sums of its term (naive Bayes), and the two weights
        self._column_sums = np.zeros((2, len(shared)))
        self._log_inc = np.full(len(shared), np.log(self.alpha))  # log(column_sums[1] + α)
        self._weights = np.zeros(len(shared), dtype=np.complex128)
        self._kept_slots = _GrowingInts()  # slots whose term has a ranking column …
        self._kept_columns = _GrowingInts()  # … and that column
        # A term in one record only (its "own" terms) touches the SVM through that record alone:
        # the fit's weights on them stay proportional to the record's values there, so they are
        # folded into one slot per record holding their norm (same margins, same penalty).
        self._own = frequency == 1
        self._own_slot: dict[int, int] = {}
        self._screened = np.zeros(matrix.shape[0], dtype=bool)
        self._open_rows: Any = None  # see _open_view
        self._open_ranking: list[csr_matrix] = []
        self._open_row_sums = self._row_sums
        self._screened_since = 0
        self._slot = np.full(n_terms, -1, dtype=np.int64)
        self._n_slots = 1  # slot 0: the intercept
        self._class_totals = [0.0, 0.0]  # naive Bayes: the sum of every term's weight, per class
        self._counts = [0, 0]
        self._w = np.zeros(1024)
        self._rows = _GrowingRows()
        self._margins = np.zeros(0)  # labelled rows @ w, as the last fit left them
        self._labels: list[int] = []
        self.iterations = []

    def _new_slots(self, count: int) -> int:
        """The first of ``count`` fresh slots."""
        import numpy as np

        first = self._n_slots
        end = first + count
        if end > len(self._w):
            self._w = np.concatenate([self._w, np.zeros(max(end, 2 * len(self._w)) - len(self._w))])
        self._n_slots = end
        return first

    def _slots_for(self, terms: Any) -> Any:
        import numpy as np

        slots = self._slot[terms]
        new = slots < 0
        if new.any():
            fresh = terms[new]
            first = self._new_slots(len(fresh))
            created = np.arange(first, first + len(fresh))
            self._slot[fresh] = created
            slots[new] = created
            columns = self._column[fresh]
            kept = columns >= 0
            self._kept_slots.extend(created[kept])
            self._kept_columns.extend(columns[kept])
        return slots

    def add(self, row: int, label: int) -> None:
        import numpy as np

        start, end = self._matrix.indptr[row], self._matrix.indptr[row + 1]
        terms = self._matrix.indices[start:end]
        values = self._matrix.data[start:end]
        own = self._own[terms]
        shared_terms, shared_values = terms[~own], values[~own]
        slots = self._slots_for(shared_terms)
        self._class_totals[label] += float(values.sum())
        columns = self._column[shared_terms]
        kept = columns >= 0
        touched = columns[kept]
        self._column_sums[label, touched] += shared_values[kept]
        if label == 1:  # log(included sum + α) changes only where an included record adds to it
            self._log_inc[touched] = np.log(self._column_sums[1, touched] + self.alpha)
        self._counts[label] += 1
        own_values = values[own]
        if len(own_values):
            slot = self._own_slot.get(row)
            if slot is None:
                slot = self._own_slot[row] = self._new_slots(1)
            slots = np.concatenate([slots, [slot]])
            shared_values = np.concatenate([shared_values, [np.sqrt(_dot(own_values, own_values))]])
        self._rows.append(np.concatenate([[0], slots]), np.concatenate([[1.0], shared_values]))
        self._labels.append(label)
        if not self._screened[row]:
            self._screened[row] = True
            self._screened_since += 1
        if self.ready():
            self._fit()

    def ready(self) -> bool:
        return self._counts[0] > 0 and self._counts[1] > 0

    def _fit(self) -> None:
        """One warm-started Newton step of the squared-hinge SVM (see :class:`SquaredHingeSVM`),
        by conjugate gradients that keep the margins ``labelled @ w`` up to date as they go (the
        next fit starts from them: one pass over the labelled rows fewer per decision)."""
        import numpy as np

        m = self._n_slots
        labelled = self._rows.matrix(m)
        transposed = labelled.T
        y = np.asarray(self._labels, dtype=float)
        n_inc = y.sum()
        weight = np.where(y == 1, 1.0, n_inc / (self.ratio * (len(y) - n_inc)))
        weight *= len(y) / weight.sum()
        target = np.where(y == 1, 1.0, -1.0)
        w = self._w[:m]
        margins = self._margins_of(w)
        active = weight * (target * margins < 1.0)
        lam = self.lam
        # the margins move with w: L(w + step·p) = Lw + step·Lp, with Lp from the last apply
        moved = {"margins": margins, "lp": margins}

        def apply(v: FloatArray) -> FloatArray:
            moved["lp"] = labelled @ v
            out: FloatArray = transposed @ (active * moved["lp"]) + lam * v
            return out

        def on_step(step: float) -> None:
            moved["margins"] = moved["margins"] + step * moved["lp"]

        # apply(w) = Lᵀ(active·Lw) + λw and the right-hand side Lᵀ(active·t), in one pass over the
        # labelled rows (a two-column product gives the same sums as two products)
        both = transposed @ np.stack([active * margins, active * target], axis=1)
        solution, steps = _conjugate_gradients(apply, both[:, 1], w, self.tol, self.max_iter,
                                               both[:, 0] + lam * w, on_step)
        self._w[:m] = solution
        self._margins = moved["margins"]
        self.iterations.append(steps)

    def _margins_of(self, w: FloatArray) -> FloatArray:
        """``labelled @ w``: kept from the last fit, computed for the rows labelled since."""
        import numpy as np

        known = self._margins
        rows = self._rows
        if len(known) == rows.rows:
            return known
        fresh = np.empty(rows.rows - len(known))
        for i in range(len(known), rows.rows):
            start, end = rows.indptr[i], rows.indptr[i + 1]
            fresh[i - len(known)] = _dot(rows.data[start:end], w[rows.indices[start:end]])
        return np.concatenate([known, fresh])

    def scores(self) -> FloatArray:
        """Scores of every record; those of screened records are meaningless (the caller masks
        them), and the spreads are taken over the records not yet screened."""
        import numpy as np

        alpha = self.alpha
        n_terms = self._matrix.shape[1]
        # Balanced: the excluded class is weighted down to the size of the included class.
        w_exc = self._counts[1] / self._counts[0]
        inc, exc = self._class_totals[1], self._class_totals[0]
        unseen = float(np.log(w_exc * exc + alpha * n_terms) - np.log(inc + alpha * n_terms))
        # Only the columns of terms some screened record holds: the others keep log α − log α = 0.
        columns = self._kept_columns.view()
        weights = self._weights
        weights.real[columns] = self._log_inc[columns] - np.log(w_exc * self._column_sums[0, columns] + alpha)
        weights.imag[columns] = self._w[self._kept_slots.view()]
        rows, blocks, row_sums = self._open_view()
        both = _product(blocks, weights)
        nb = both.real + unseen * row_sums
        svm = both.imag
        open_ = ~self._screened[rows]
        spread_nb = float(nb[open_].std()) if open_.any() else 1.0
        spread_svm = float(svm[open_].std()) if open_.any() else 1.0
        taken = self.nb_weight * nb / (spread_nb or 1.0) + svm / (spread_svm or 1.0)
        # records screened before the rows were taken: the lowest score (finite, like the rest)
        total: FloatArray = np.full(self._matrix.shape[0], float(taken.min()) if len(taken) else 0.0)
        total[rows] = taken
        return total

    def _open_view(self) -> tuple[Any, list[csr_matrix], FloatArray]:
        """(rows, their ranking rows in blocks, their row sums) for the rows open when last taken:
        taken again once a fifth of them has been screened since, so the products skip most
        screened records (whose scores nobody reads) without a copy per decision.  A large matrix
        is cut into one block of rows per core (see :func:`_product`)."""
        import numpy as np

        if self._open_rows is None or self._screened_since * 5 > len(self._open_rows):
            self._open_rows = np.flatnonzero(~self._screened)
            self._open_ranking = _row_blocks(self._ranking[self._open_rows])
            self._open_row_sums = self._row_sums[self._open_rows]
            self._screened_since = 0
        return self._open_rows, self._open_ranking, self._open_row_sums

    def describe(self) -> str:
        return _describe(self, self.get_params())


DEFAULT_MODEL = "nb_svm"


def make_model(name: str = "", seed: int = 0) -> ScreeningModel:
    """A fresh model from the component registry (kind ``screening_model``)."""
    from samrev.core import components

    model: ScreeningModel = components.create("screening_model", name or DEFAULT_MODEL)
    return model


__all__ = [
    "DEFAULT_MODEL", "NaiveBayes", "NaiveBayesRidge", "NaiveBayesSVM", "Ridge", "ScreeningModel", "SquaredHingeSVM",
    "asdict", "make_model",
]
