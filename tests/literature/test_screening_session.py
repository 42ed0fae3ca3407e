"""The screening session: retrain after each decision, next record, undo, resume, uncertain,
least-certain order, and the estimate of inclusions left."""

from __future__ import annotations

import numpy as np
import pytest

from samrev.core.errors import LiteratureError
from samrev.literature.records import ScreeningRecord
from samrev.literature.screening import ScreeningSession, discovery_estimate
from tests.literature.conftest import synthetic_rows


def _records() -> tuple[list[ScreeningRecord], dict[str, int]]:
    rows = synthetic_rows(n=120, n_included=12, seed=7)
    records = [ScreeningRecord(r["record_id"], r["title"], r["abstract"]) for r in rows]
    return records, {r["record_id"]: int(r["label_included"]) for r in rows}


def _first(labels: dict[str, int], value: int) -> str:
    return next(rid for rid, label in labels.items() if label == value)


def _value(label: int) -> str:
    return "include" if label else "exclude"


def test_screening_with_the_model_finds_the_inclusions_first() -> None:
    records, labels = _records()
    session = ScreeningSession(records, decisions=[(_first(labels, 1), "include"), (_first(labels, 0), "exclude")])
    order = []
    while (record := session.next_record()) is not None:
        order.append(record.record_id)
        session.decide(record.record_id, _value(labels[record.record_id]))
    assert len(order) == 118 and session.screened == 120 and session.included == 12
    positions = [i for i, rid in enumerate(order) if labels[rid]]
    assert max(positions) < 30  # 11 remaining inclusions among the first 30 of 118
    assert session.next_record() is None


def test_next_record_is_the_top_of_the_ranking_and_changes_after_a_decision() -> None:
    records, labels = _records()
    session = ScreeningSession(records, decisions=[(_first(labels, 1), "include"), (_first(labels, 0), "exclude")])
    ranking = session.ranking()
    assert len(ranking) == 118 and session.next_record().record_id == ranking[0]  # type: ignore[union-attr]
    before = session._model.scores().copy()
    session.decide(ranking[0], "exclude")
    assert not np.allclose(before, session._model.scores())  # retrained
    assert ranking[0] not in session.ranking()


def test_undo_and_resume_give_the_same_state_as_a_fresh_session() -> None:
    records, labels = _records()
    start = [(_first(labels, 1), "include"), (_first(labels, 0), "exclude")]
    session = ScreeningSession(records, decisions=start)
    for _ in range(5):
        record = session.next_record()
        assert record is not None
        session.decide(record.record_id, _value(labels[record.record_id]))
    state = [(rid, _value(label)) for rid, label in session.decisions]
    ranking = session.ranking()
    scores = session._model.scores().copy()
    # undo restores the model exactly as it was
    record = session.next_record()
    assert record is not None
    session.decide(record.record_id, "include")
    assert session.undo() == (record.record_id, "include")
    assert session.ranking() == ranking and np.array_equal(session._model.scores(), scores)
    # an undo beyond the kept model states retrains on the remaining decisions
    session._snapshots.clear()
    session.decide(record.record_id, "exclude")
    session._snapshots.clear()
    session.undo()
    assert [rid for rid, _ in session.decisions] == [rid for rid, _ in state]
    # resuming from stored decisions: the same decisions, the model trained on them (in bulk, so
    # near the one retrained decision by decision): the same records lead the ranking
    resumed = ScreeningSession(records, decisions=state)
    assert resumed.decisions == session.decisions and resumed.ranking() == session.ranking()
    assert set(resumed.ranking()[:10]) == set(ranking[:10])


def test_uncertain_records_come_back_last_and_are_not_learnt() -> None:
    records, labels = _records()
    session = ScreeningSession(records, decisions=[(_first(labels, 1), "include"), (_first(labels, 0), "exclude")])
    top = session.ranking()[0]
    session.decide(top, "uncertain")
    assert session.uncertain == [top] and session.screened == 2
    assert session.ranking()[-1] == top and session.next_record().record_id != top  # type: ignore[union-attr]
    session.decide(top, "include")  # decided later: no longer uncertain
    assert session.uncertain == [] and session.included == 2
    session.undo()
    assert session.uncertain == [top]  # the earlier mark holds again
    with pytest.raises(LiteratureError):
        session.decide("nope", "include")
    with pytest.raises(LiteratureError):
        session.decide(_first(labels, 1), "include")  # already decided


def test_before_the_model_can_rank_prior_scores_order_the_records() -> None:
    records, _ = _records()
    scores = [0.0] * len(records)
    scores[17] = 3.0
    scores[42] = 2.0
    session = ScreeningSession(records, prior_scores=scores)
    assert session.ranking(2) == [records[17].record_id, records[42].record_id]
    session.decide(records[17].record_id, "include")
    assert session.next_record() == records[42]  # one class only: still the prior order


def test_least_certain_takes_the_probability_nearest_one_half() -> None:
    records, labels = _records()
    included = [rid for rid, label in labels.items() if label][:3]
    excluded = [rid for rid, label in labels.items() if not label][:3]
    decisions = [(rid, "include") for rid in included] + [(rid, "exclude") for rid in excluded]
    session = ScreeningSession(records, decisions=decisions, strategy="least_certain")
    probabilities = session.probabilities()
    assert probabilities is not None and ((probabilities >= 0) & (probabilities <= 1)).all()
    chosen = session.next_record()
    assert chosen is not None
    view = session._view_of(chosen.record_id)
    open_views = ~session._decided
    assert abs(probabilities[view] - 0.5) == pytest.approx(np.abs(probabilities[open_views] - 0.5).min())


def test_discovery_estimate() -> None:
    assert discovery_estimate([1, 0, 0], 100) is None  # too few decisions
    assert discovery_estimate([0] * 20, 100) is None  # no inclusion yet
    rising = [0] * 15 + [1] * 5
    assert discovery_estimate(rising, 100) is None  # the share of inclusions is not falling
    rng = np.random.default_rng(3)
    # inclusions found at a falling rate: 0.5 · exp(−i / 60); 2,000 records in all
    rates = 0.5 * np.exp(-np.arange(2000) / 60)
    labels = (rng.random(2000) < rates).astype(int).tolist()
    seen = 200
    estimate = discovery_estimate(labels[:seen], 2000)
    assert estimate is not None
    true_left = sum(labels[seen:])
    assert estimate.low <= true_left <= estimate.high
    assert estimate.found == sum(labels[:seen]) and estimate.unscreened == 1800
    assert 0 < estimate.recall <= 1
    done = discovery_estimate(labels, 2000)
    assert done is not None and done.expected == 0.0 and done.unscreened == 0
