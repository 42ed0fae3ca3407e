"""The passage models score without scikit-learn, with bit for bit the pipeline's probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from samrev.agreements.passage_fast import FastScorer
from samrev.agreements.passage_model import load_passages, trained_model

TEXTS = ["", "Kommunen skal.", "Partane skal sikre brukarmedverknad i utviklinga av tenestene.",
         "Lærings- og mestringssenteret arrangerer diabeteskurs to ganger i året; fastlegen henviser.",
         "Møtet holdes i kantina.  \n\n Brukerrepresentanter oppnevnes av brukerutvalget ... «sitat» x y z"]


@pytest.mark.parametrize("field", ["lms_level", "user_participation_level"])
def test_fast_scorer_equals_the_pipeline(field: str) -> None:
    model = trained_model(field)
    assert model is not None and model.fast is not None
    texts = TEXTS + [p.text for p in load_passages(field)[::7]]
    expected = model.pipeline.predict_proba(texts)
    assert np.array_equal(model.fast.predict_proba(texts), expected)
    assert list(model.pipeline.classes_) == model.fast.classes
    proba = model.predict_proba(texts)
    assert proba.shape == (len(texts), 4) and np.allclose(proba.sum(axis=1), 1.0)


def test_fast_scorer_survives_storage(tmp_path: Path) -> None:
    model = trained_model("lms_level")
    assert model is not None and model.fast is not None
    path = tmp_path / "scorer.npz"
    model.fast.save(path)
    loaded = FastScorer.load(path)
    assert np.array_equal(loaded.predict_proba(TEXTS), model.fast.predict_proba(TEXTS))


def test_other_pipelines_are_not_taken_over() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    texts = [p.text for p in load_passages("lms_level")[:200]]
    levels = [p.level for p in load_passages("lms_level")[:200]]
    other = Pipeline([("features", TfidfVectorizer()), ("classifier", LogisticRegression(max_iter=200))])
    other.fit(texts, levels)
    assert FastScorer.from_pipeline(other) is None
