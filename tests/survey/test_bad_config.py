"""Bad configs and frames: each gives a clear error naming the file, key, column or label."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samrev.core.errors import InputError, SurveyBadConfig, SurveyUnknownColumn
from tests.survey.conftest import CONFIG, HEADERS, ROWS, write_csv

Run = Callable[..., dict[str, Any]]


@pytest.fixture
def responses(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "svar.csv", HEADERS, ROWS)


def _config(survey_dir: Path, text: str) -> Path:
    path = survey_dir / "feil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_column_names_key_column_and_similar_headers(survey_dir: Path, responses: Path, run: Run) -> None:
    bad = _config(survey_dir, CONFIG.replace('S1: "Vi samarbeider godt."', 'S1: "Vi samarbeider godt sammen."'))
    with pytest.raises(SurveyUnknownColumn) as info:
        run(responses, bad)
    error = info.value
    assert isinstance(error, InputError) and error.short_code == "unknown_column" and error.exit_code == 2
    assert "likert.items.S1" in error.message and "Vi samarbeider godt sammen." in error.message
    assert "«Vi samarbeider godt.»" in error.message and "feil.yaml" in error.message and "svar.csv" in error.message


def test_column_matching_forgives_case_dashes_entities_and_final_stop(survey_dir: Path, tmp_path: Path,
                                                                       run: Run) -> None:
    headers = list(HEADERS)
    headers[3] = "VI  SAMARBEIDER&#32;GODT"
    result = run(write_csv(tmp_path / "svar.csv", headers, ROWS))
    assert result["likert"]["S1"]["by_group"]["total"]["n"] == 3


@pytest.mark.parametrize(("text", "words"), [
    ("id_column: [uavsluttet", ["ugyldig YAML"]),
    (CONFIG + "ukjent_nokkel: 1\n", ["ukjent nøkkel", "ukjent_nokkel"]),
    (CONFIG.replace("helseforetak}", "Helse Foretak}"), ["Helse Foretak", "gyldig id"]),
    (CONFIG.replace("kommune,", "total,"), ["total", "reservert"]),
    (CONFIG.replace("good: ", "good:\n    kind: best\n    column: "), ["kind", "best"]),
    (CONFIG.replace('id_column: "$submission_id"\n', ""), ["id_column mangler"]),
    (CONFIG + "thresholds: {alpha: høy}\n", ["thresholds.alpha"]),
    (CONFIG + "compare: [[kommune, ukjent]]\n", ["ukjent"]),
])
def test_bad_config(survey_dir: Path, responses: Path, run: Run, text: str, words: list[str]) -> None:
    with pytest.raises(SurveyBadConfig) as info:
        run(responses, _config(survey_dir, text))
    assert info.value.short_code == "bad_config" and info.value.exit_code == 2
    assert "feil.yaml" in info.value.message
    for word in words:
        assert word in info.value.message


def test_unused_group_value_and_rejected_rows(survey_dir: Path, tmp_path: Path, run: Run) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][2] = ""
    rows[2][2] = "Annet"
    rows[3][0] = "1"  # duplicate id
    config = _config(survey_dir, CONFIG.replace('"Kommune": kommune,', '"Kommune": kommune, "Fylke": fylke,'))
    result = run(write_csv(tmp_path / "svar.csv", HEADERS, rows), config)
    assert result["rejected_rows"] == [{"row": 2, "id": "2", "reason": "missing_group"},
                                       {"row": 3, "id": "3", "reason": "unknown_group"},
                                       {"row": 4, "id": "1", "reason": "duplicate_id"}]
    assert result["n_responses"] == 3
    codes = {(c["code"], c.get("value")) for c in result["caveats"]}
    assert ("unused_group_value", "Fylke") in codes and ("rejected_rows", None) in codes
    assert ("no_frame", None) in codes
    assert result["response_rates"]["kommune"] == {"invited": None, "responded": 2, "rate": None, "ci95": None}


def test_frame_with_unknown_column(survey_dir: Path, responses: Path, tmp_path: Path, run: Run) -> None:
    config = _config(survey_dir, CONFIG + "frame: {group_column: kategori, group_values: {KOM: kommune}}\n")
    frame = write_csv(tmp_path / "ramme.csv", ["nr", "type"], [["1", "KOM"]], delimiter=",")
    with pytest.raises(SurveyUnknownColumn) as info:
        run(responses, config, frame)
    assert "frame.group_column" in info.value.message and "ramme.csv" in info.value.message


def test_frame_rates_and_exceeding(survey_dir: Path, responses: Path, tmp_path: Path, run: Run) -> None:
    config = _config(survey_dir, CONFIG + "frame: {group_column: kategori, group_values: {KOM: kommune, HF: "
                     "helseforetak}}\n")
    frame = write_csv(tmp_path / "ramme.csv", ["kategori"], [["KOM"]] * 10 + [["HF"]] * 2, delimiter=",")
    result = run(responses, config, frame)
    assert result["response_rates"]["kommune"]["rate"] == pytest.approx(0.3)
    assert result["response_rates"]["kommune"]["ci95"] == pytest.approx([0.107789, 0.603222], abs=1e-5)
    assert result["response_rates"]["helseforetak"]["responded"] == 3
    assert any(c["code"] == "responded_exceeds_invited" and c.get("group") == "helseforetak"
               for c in result["caveats"])


def test_cli_prints_json_error_and_exits(survey_dir: Path, responses: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from samrev.cli import app as app_module

    bad = _config(survey_dir, CONFIG.replace('good: "Hva fungerer bra?"', 'good: "Hva virker?"'))
    monkeypatch.setattr(sys, "argv", ["samrev", "survey", "analyse", str(responses), "--config", str(bad),
                                      "--format", "json"])
    with pytest.raises(SystemExit) as info:
        app_module.main()
    assert info.value.code == 2
    captured = capsys.readouterr()
    error = json.loads(captured.out)["error"]
    assert error["code"] == "unknown_column" and "Hva virker?" in error["message"]
    assert "Hva virker?" in captured.err
