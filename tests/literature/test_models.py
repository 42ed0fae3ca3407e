"""Every registered screening model follows the protocol; the SVM's Newton-CG fit reaches the
optimum a from-scratch solver finds."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from samrev.core import components
from samrev.literature.model import SquaredHingeSVM

NAMES = components.names("screening_model")


def test_registered_names_snapshot() -> None:
    assert NAMES == ["nb", "nb_ridge", "nb_svm", "ridge", "svm"]


@pytest.mark.parametrize("name", NAMES)
def test_protocol(name: str) -> None:
    model = components.create("screening_model", name)
    assert model.name == name and model.version and model.label
    rng = np.random.default_rng(0)
    matrix = sparse.random(40, 30, density=0.2, format="csr", random_state=1)
    model.start(matrix)
    model.add(0, 1)
    assert not model.ready()
    model.add(1, 0)
    assert model.ready()
    for row in rng.permutation(np.arange(2, 20)):
        model.add(int(row), int(row % 3 == 0))
    scores = model.scores()
    assert scores.shape == (40,) and np.isfinite(scores).all()
    assert name in model.describe()


def test_svm_warm_start_reaches_the_optimum() -> None:
    rng = np.random.default_rng(3)
    matrix = sparse.random(60, 25, density=0.3, format="csr", random_state=2)
    labels = (rng.random(60) < 0.3).astype(int)
    labels[:2] = [1, 0]
    model = SquaredHingeSVM(tol=1e-10, max_iter=500, newton=3)
    model.start(matrix)
    for row, label in enumerate(labels):
        model.add(row, int(label))
    # The optimum of Σ wᵢ max(0, 1 − tᵢ w·xᵢ)² + lam‖w‖² has zero gradient.
    x = sparse.hstack([matrix, np.ones((60, 1))]).tocsr()
    weight, target = model._weights_targets()
    w = model._w
    slack = np.maximum(0.0, 1.0 - target * (x @ w))
    gradient = -2 * x.T @ (weight * slack * target) + 2 * model.lam * w
    assert np.abs(gradient).max() < 1e-6


def test_compact_nb_svm_equals_the_two_models() -> None:
    """nb_svm fits in the space of the seen terms and ranks with the terms shared by two or more
    records; on the records not yet screened its scores equal the sum of the full-vocabulary naive
    Bayes and SVM scores, each standardised over those records, up to a shift."""
    from samrev.literature.model import NaiveBayes, NaiveBayesSVM

    rng = np.random.default_rng(5)
    matrix = sparse.random(120, 400, density=0.03, format="csr", random_state=4)
    labels = (rng.random(120) < 0.2).astype(int)
    labels[:2] = [1, 0]
    nb, svm, both = NaiveBayes(), SquaredHingeSVM(), NaiveBayesSVM(nb_weight=1.0)
    for model in (nb, svm, both):
        model.start(matrix)
    for row, label in enumerate(labels[:60]):
        for model in (nb, svm, both):
            model.add(row, int(label))
        if row >= 1:
            a, b = nb.scores()[row + 1:], svm.scores()[row + 1:]
            expected = a / a.std() + b / b.std()
            got = both.scores()[row + 1:]
            np.testing.assert_allclose(got - got.mean(), expected - expected.mean(), atol=1e-9)


def test_nb_svm_folds_terms_of_one_record_without_changing_scores() -> None:
    """A record's own terms (in no other record) fold into one column; the scores still equal the
    two full models', also when a record is screened a second time (a corrected decision)."""
    from samrev.literature.model import NaiveBayes, NaiveBayesSVM

    rng = np.random.default_rng(8)
    shared = sparse.random(80, 60, density=0.15, format="csr", random_state=2)
    own = sparse.diags(rng.random(80) + 0.5, format="csr")  # one term per record, in that record only
    matrix = sparse.hstack([shared, own, own * 0.5], format="csr")
    labels = (rng.random(80) < 0.3).astype(int)
    labels[:2] = [1, 0]
    nb, svm, both = NaiveBayes(), SquaredHingeSVM(), NaiveBayesSVM(nb_weight=1.0)
    for model in (nb, svm, both):
        model.start(matrix)
    assert int(both._own.sum()) == 160
    decisions = [*enumerate(labels[:30]), (3, 1 - int(labels[3])), (3, int(labels[3]))]
    for step, (row, label) in enumerate(decisions):
        for model in (nb, svm, both):
            model.add(row, int(label))
        if nb.ready():
            open_ = slice(min(step, 29) + 1, None)  # the records not screened yet
            a, b = nb.scores()[open_], svm.scores()[open_]
            expected = a / a.std() + b / b.std()
            got = both.scores()[open_]
            np.testing.assert_allclose(got - got.mean(), expected - expected.mean(), atol=1e-9)
    assert both._n_slots < 1 + 60 + 31  # intercept, shared terms seen, one slot per screened record


def test_ranking_in_row_blocks_on_threads_equals_one_product(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large ranking matrix is cut into row blocks multiplied on threads: the same scores, bit
    for bit, and the same ranking as one product."""
    from samrev.literature import model as module

    monkeypatch.setattr(module, "_cores", lambda: 2)
    matrix = sparse.random(500, 300, density=0.05, format="csr", random_state=3).astype(np.complex128)
    vector = np.random.default_rng(1).standard_normal(300) * (1 + 2j)
    monkeypatch.setattr(module, "PARALLEL_FROM", 10**9)
    assert len(module._row_blocks(matrix)) == 1
    monkeypatch.setattr(module, "PARALLEL_FROM", 100)
    blocks = module._row_blocks(matrix)
    assert len(blocks) == 2 and sum(b.shape[0] for b in blocks) == 500
    assert abs(blocks[0].nnz - blocks[1].nnz) < 60
    assert np.array_equal(module._product(blocks, vector), matrix @ vector)

    rng = np.random.default_rng(5)
    data = sparse.random(400, 900, density=0.02, format="csr", random_state=6)
    labels = (rng.random(400) < 0.2).astype(int)
    labels[:2] = [1, 0]
    runs = []
    for threshold in (10**9, 50):
        monkeypatch.setattr(module, "PARALLEL_FROM", threshold)
        model = module.NaiveBayesSVM()
        model.start(data)
        for row in range(40):
            model.add(row, int(labels[row]))
        runs.append(model.scores())
    assert np.array_equal(runs[0], runs[1])
