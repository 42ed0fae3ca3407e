"""Simulation: priors, determinism, the order, and bad inputs."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.core.errors import DuplicatePrior, NoInclusions, PriorLabelMismatch, UnknownPriorRecord
from samrev.literature.dataset import read_screening_csv
from samrev.literature.metrics import score_order
from samrev.literature.simulate import default_priors, simulate
from tests.literature.conftest import synthetic_rows, write_dataset

runner = CliRunner()


def test_default_priors_follow_the_spec(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    included = [r for r, label in zip(data.record_ids, data.labels, strict=True) if label]
    excluded = [r for r, label in zip(data.record_ids, data.labels, strict=True) if not label]
    rng = random.Random(3)  # noqa: S311
    assert default_priors(data, 3) == ([rng.choice(included)], [rng.choice(excluded)])


def test_order_is_a_permutation_starting_with_the_priors(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    included = [r for r, label in zip(data.record_ids, data.labels, strict=True) if label]
    excluded = [r for r, label in zip(data.record_ids, data.labels, strict=True) if not label]
    result = simulate(data, seed=1, prior_included=included[:2], prior_excluded=excluded[:1])
    assert list(result.order[:3]) == [*included[:2], excluded[0]]
    assert sorted(result.order) == sorted(data.record_ids)
    assert result.n_records == len(data) and result.n_included == data.n_included


@pytest.mark.parametrize("model", ["nb", "ridge", "svm", "nb_ridge", "nb_svm"])
def test_same_seed_same_order_and_model_beats_random(small_csv: Path, model: str) -> None:
    data = read_screening_csv(small_csv)
    first = simulate(data, seed=5, model_name=model)
    second = simulate(data, seed=5, model_name=model)
    assert first.order == second.order
    # the synthetic inclusions are easy to tell apart: all are found early
    assert score_order(first.order, data.label_map()).wss_95 > 0.6


def test_the_model_does_not_see_file_order(tmp_path: Path) -> None:
    """The same records in reverse file order give the same screening order."""
    rows = synthetic_rows()
    forward = read_screening_csv(write_dataset(tmp_path / "f.csv", rows))
    backward = read_screening_csv(write_dataset(tmp_path / "b.csv", rows[::-1]))
    priors = {"prior_included": ["r" + str(1 + next(i for i, r in enumerate(rows) if r["label_included"] == "1"))],
              "prior_excluded": ["r" + str(1 + next(i for i, r in enumerate(rows) if r["label_included"] == "0"))]}
    a = simulate(forward, seed=2, **priors)
    b = simulate(backward, seed=2, **priors)
    wss_a = score_order(a.order, forward.label_map()).wss_95
    wss_b = score_order(b.order, backward.label_map()).wss_95
    assert abs(wss_a - wss_b) < 0.15


def test_unknown_prior_is_named(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    with pytest.raises(UnknownPriorRecord) as info:
        simulate(data, seed=1, prior_included=["nope"])
    assert "nope" in info.value.message and "small.csv" in info.value.message


def test_prior_with_the_wrong_label(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    excluded = next(r for r, label in zip(data.record_ids, data.labels, strict=True) if not label)
    with pytest.raises(PriorLabelMismatch) as info:
        simulate(data, seed=1, prior_included=[excluded])
    assert excluded in info.value.message and "--prior-included" in info.value.message


def test_prior_given_twice(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    included = next(r for r, label in zip(data.record_ids, data.labels, strict=True) if label)
    with pytest.raises(DuplicatePrior):
        simulate(data, seed=1, prior_included=[included, included])


def test_only_included_priors_still_screen_everything(small_csv: Path) -> None:
    data = read_screening_csv(small_csv)
    included = next(r for r, label in zip(data.record_ids, data.labels, strict=True) if label)
    result = simulate(data, seed=1, prior_included=[included])
    assert result.order[0] == included and sorted(result.order) == sorted(data.record_ids)


def test_dataset_without_inclusions(tmp_path: Path) -> None:
    rows = [dict(r, label_included="0") for r in synthetic_rows(20, 2)]
    data = read_screening_csv(write_dataset(tmp_path / "none.csv", rows))
    with pytest.raises(NoInclusions):
        simulate(data, seed=1)


def test_cli_json_has_the_spec_fields(small_csv: Path) -> None:
    result = runner.invoke(app, ["literature", "simulate", str(small_csv), "--seed", "4", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    for key in ("dataset", "n_records", "n_included", "order", "seconds_total", "seconds_per_retrain_median", "model"):
        assert key in payload
    assert payload["dataset"] == "small" and payload["n_records"] == 120 and payload["n_included"] == 12
    assert len(payload["order"]) == len(set(payload["order"])) == 120


def test_cli_unknown_prior_exit_code(small_csv: Path) -> None:
    from samrev.cli import app as app_module

    result = runner.invoke(
        app_module.app, ["literature", "simulate", str(small_csv), "--prior-included", "zzz", "--format", "json"]
    )
    assert isinstance(result.exception, UnknownPriorRecord)


def test_cli_table(small_csv: Path) -> None:
    result = runner.invoke(app, ["literature", "simulate", str(small_csv), "--seed", "1"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "WSS@95" in result.output
