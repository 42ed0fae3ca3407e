"""The demo round: real analysis of the bundled texts, checked against their labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samrev.demo.run import absent_themes, analyse, check_against_labels, load_labels, load_texts, run_demo


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    return analyse(load_texts())


def test_bundled_texts_load() -> None:
    texts = load_texts()
    kinds = [t.kind for t in texts]
    assert kinds.count("document") == 3 and kinds.count("survey_answer") == 8


def test_languages_and_parties_match_the_labels(results) -> None:  # type: ignore[no-untyped-def]
    checks = check_against_labels(results, load_labels())
    assert checks["language"] == {"right": 11, "wrong": 0}
    assert checks["parties"] == {"right": 3, "wrong": 0}
    found, missed = checks["themes"]["found"], checks["themes"]["missed"]
    assert found / (found + missed) >= 0.9


def test_evidence_points_into_the_text(results) -> None:  # type: ignore[no-untyped-def]
    for item in results:
        for judgement in item.judgements:
            for span in judgement.evidence:
                assert item.text.text[span.start:span.end] == span.text


def test_absent_themes_are_reported_per_source(results) -> None:  # type: ignore[no-untyped-def]
    absent = absent_themes(results)
    assert set(absent) == {"avtaler", "sporreundersokelse", "alle_kilder"}
    assert "terminology" in absent["avtaler"]  # only a survey answer talks about terms
    assert set(absent["alle_kilder"]) <= set(absent["avtaler"]) & set(absent["sporreundersokelse"])


@pytest.mark.django_db
def test_run_stores_once_and_reuses(tmp_path: Path) -> None:
    first = run_demo(tmp_path)
    assert first.stored["documents_new"] == 3 and first.stored["judgements_new"] > 20
    second = run_demo(tmp_path)
    assert second.stored["documents_new"] == 0 and second.stored["judgements_new"] == 0
    saved = json.loads((tmp_path / "resultat.json").read_text(encoding="utf-8"))
    assert len(saved["items"]) == 11 and saved["checks"]["language"]["wrong"] == 0
