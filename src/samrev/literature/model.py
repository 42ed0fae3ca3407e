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

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:
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
    apply: Any, b: FloatArray, start: FloatArray, tol: float, max_iter: int
) -> tuple[FloatArray, int]:
    """Solve ``apply(w) = b`` (symmetric positive definite) from ``start``."""
    w = start
    r = b - apply(w)
    p = r.copy()
    rs = _dot(r, r)
    limit = tol * tol * _dot(b, b)
    steps = 0
    while steps < max_iter and rs > limit:
        ap = apply(p)
        step = rs / _dot(p, ap)
        w = w + step * p
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


class NaiveBayesSVM(_ScoreSum):
    name: ClassVar[str] = "nb_svm"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Naiv Bayes + lineær SVM (standardiserte skårer summert)"

    def __init__(self, alpha: float = 1.0, lam: float = 4.5, ratio: float = 9.8) -> None:
        super().__init__(NaiveBayes(alpha=alpha), SquaredHingeSVM(lam=lam, ratio=ratio))


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
