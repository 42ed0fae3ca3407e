"""`samrev survey analyse` through the CLI: JSON on stdout equals the service's result; the table."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.survey.service import analyse_files

EXAMPLE = Path(__file__).resolve().parent / "data" / "survey-example"
runner = CliRunner()
ARGS = ["survey", "analyse", str(EXAMPLE / "responses.csv"), "--config", str(EXAMPLE / "survey.yaml"),
        "--frame", str(EXAMPLE / "frame.csv")]


def test_json_output_is_the_service_result() -> None:
    result = runner.invoke(app, [*ARGS, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = json.loads(json.dumps(analyse_files(EXAMPLE / "responses.csv", EXAMPLE / "survey.yaml",
                                                   EXAMPLE / "frame.csv"), ensure_ascii=False))
    assert data == expected


def test_table_output_for_people() -> None:
    result = runner.invoke(app, [*ARGS, "--format", "table"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("Svarprosent", "S1: Faste henvisningsrutiner", "helseforetak", "Forbehold",
                 "Ingen nevner: leadership_anchoring, pandemic_capacity", "Pseudonymisert: NAVN 2"):
        assert text in result.stdout, text
    assert "Rønningen" not in result.stdout


def test_unknown_format_is_refused() -> None:
    result = runner.invoke(app, [*ARGS, "--format", "xml"])
    assert result.exit_code != 0
