"""`samrev survey evaluate`: theme micro-F1 against hand labels, from a text column or the export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.core.errors import SurveyBadConfig
from samrev.survey.evaluate import evaluate, evaluate_files

EXAMPLE = Path(__file__).resolve().parent / "data" / "survey-example"
runner = CliRunner()


def test_micro_f1_arithmetic() -> None:
    labels = [{"id": "1", "question": "q", "themes": "a;b", "codes": "a:barrier;b:barrier"},
              {"id": "2", "question": "q", "themes": "c", "codes": "c:proposal"},
              {"id": "3", "question": "q", "themes": "", "codes": ""}]
    predicted = {("1", "q"): {"a:barrier", "d:barrier"}, ("2", "q"): {"c:barrier"}}
    result = evaluate(labels, predicted).to_dict()
    assert result["answers"] == 2  # answer 3 was empty: not coded, not scored
    assert (result["theme_micro"]["tp"], result["theme_micro"]["fp"], result["theme_micro"]["fn"]) == (2, 1, 1)
    assert result["theme_micro"]["f1"] == pytest.approx(2 / 3)
    assert result["code_micro"]["tp"] == 1
    assert result["per_theme"]["d"]["fp"] == 1 and result["per_theme"]["b"]["fn"] == 1


def test_labels_with_their_own_texts(tmp_path: Path) -> None:
    path = tmp_path / "etiketter.csv"
    path.write_text(
        "id,question,themes,polarity,codes,text\n"
        "1,poor,funding_resources,barrier,funding_resources:barrier,For lite tid og for få stillinger.\n"
        "2,good,meeting_arenas,facilitator,meeting_arenas:facilitator,Faste møter i nettverket.\n"
        "3,poor,terminology,barrier,terminology:barrier,Vi har ikke begrep om hva sykehuset tilbyr.\n"
        "4,poor,,,,Ingen merknader.\n",
        encoding="utf-8")
    result = evaluate_files(path).to_dict()
    assert result["answers"] == 3
    assert result["theme_micro"]["tp"] == 2 and result["theme_micro"]["fn"] == 1  # 3 is mutual_knowledge
    assert result["errors"] == [{"id": "3", "question": "poor", "predicted": ["mutual_knowledge"],
                                 "labelled": ["terminology"]}]


def test_the_example_through_the_cli() -> None:
    result = runner.invoke(app, ["survey", "evaluate", str(EXAMPLE / "open_answer_labels.csv"), "--responses",
                                 str(EXAMPLE / "responses.csv"), "--config", str(EXAMPLE / "survey.yaml"),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answers"] == 109 and data["theme_micro"]["f1"] == 1.0


def test_without_texts_the_export_is_needed() -> None:
    with pytest.raises(SurveyBadConfig):
        evaluate_files(EXAMPLE / "open_answer_labels.csv")
