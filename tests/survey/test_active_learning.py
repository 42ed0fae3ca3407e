"""Active learning: the queue asks the least certain first, and more person codes teach the model."""

from __future__ import annotations

import pytest

from samrev.survey.active import ActiveCoder, QueueAnswer, answer_key, parse_codes, simulate
from samrev.survey.model import bundled_examples


def test_answer_key_is_a_content_hash() -> None:
    a = answer_key("s", "1", "good", "Tekst")
    assert len(a) == 64 and a == answer_key("s", "1", "good", "Tekst")
    assert a != answer_key("s", "1", "good", "Tekst.") and a != answer_key("t", "1", "good", "Tekst")


def test_parse_codes_checks_themes_and_polarities() -> None:
    themes = ["funding_resources", "meeting_arenas"]
    assert parse_codes("funding_resources:barrier; meeting_arenas:proposal", themes) == {
        "funding_resources:barrier", "meeting_arenas:proposal"}
    assert parse_codes("-", themes) == frozenset()
    from samrev.core.errors import InputError

    with pytest.raises(InputError):
        parse_codes("money:barrier", themes)
    with pytest.raises(InputError):
        parse_codes("funding_resources:bad", themes)


def test_queue_is_least_certain_first_and_skips_coded_answers() -> None:
    examples = bundled_examples("heldout")[:30]
    answers = [QueueAnswer(f"k{i}", str(i), "q", e.kind, e.text) for i, e in enumerate(examples)]
    coder = ActiveCoder(answers, {"k0": examples[0].codes}, base=bundled_examples("tuning")[:120], calibrate=False)
    queue = coder.queue()
    assert len(queue) == 29 and all(p.answer.key != "k0" for p in queue)
    scores = [p.uncertainty for p in queue]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert coder.progress() == (1, 30)


@pytest.mark.slow
def test_more_person_codes_make_a_better_model() -> None:
    """The simulated analyst codes the tuning answers in queue order; the model alone (no rules, no
    bundled labels) is scored on the answers not yet coded."""
    steps = simulate(bundled_examples("tuning"), [20, 80, 160], batch=20)
    f1 = [s["theme_f1"] for s in steps]
    assert [s["coded"] for s in steps] == [20, 80, 160]
    assert f1[1] > f1[0] and f1[2] > f1[1] + 0.03
    assert f1[2] - f1[0] >= 0.2
