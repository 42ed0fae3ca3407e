"""`samrev codebook show|validate|reliability|code` through Typer's runner and a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from samrev.cli.codebook import app
from samrev.coding.codebook import validate_codebook
from samrev.core.errors import InputNotFound, ReliabilityInputError

runner = CliRunner()
WriteCsv = Callable[..., Path]

CODER_A = (
    "item;theme;polarity\n1;user_participation;barrier\n2;meeting_arenas;proposal\n3;terminology;barrier\n"
)
CODER_B = (
    "item,theme,polarity\n1,user_participation,barrier\n2,meeting_arenas,proposal\n3,terminology,Fremmer\n"
)


def test_show_table_in_nynorsk() -> None:
    result = runner.invoke(app, ["show", "--lang", "nn"])
    assert result.exit_code == 0, result.output
    assert "user_participation" in result.output and "Brukarmedverknad" in result.output
    assert "Polariteter" in result.output


def test_show_json_and_yaml_round_trip() -> None:
    data = json.loads(runner.invoke(app, ["show", "--format", "json"]).output)
    assert len(data["themes"]) == 16 and data["source"]
    as_yaml = yaml.safe_load(runner.invoke(app, ["show", "-f", "yaml"]).output)
    assert validate_codebook(as_yaml) == []


def test_validate_packaged() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert "er gyldig: 16 temaer" in result.output


def test_validate_broken_file_exits_2(tmp_path: Path, codebook_data: dict[str, Any]) -> None:
    codebook_data["themes"] = codebook_data["themes"][1:]
    path = tmp_path / "kodebok.yaml"
    path.write_text(yaml.safe_dump(codebook_data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "mutual_knowledge" in result.output and "ugyldig" in result.output
    assert runner.invoke(app, ["validate", str(path), "--no-strict"]).exit_code == 0


def test_reliability_table_and_json(write_csv: WriteCsv) -> None:
    a, b = write_csv("a.csv", CODER_A, bom=True), write_csv("b.csv", CODER_B)
    table = runner.invoke(app, ["reliability", str(a), str(b)])
    assert table.exit_code == 0, table.output
    assert "Krippendorffs α" in table.output and "user_participation" in table.output
    data = json.loads(runner.invoke(app, ["reliability", str(a), str(b), "--format", "json"]).output)
    assert data["n_items"] == 3 and len(data["themes"]) == 16
    by_theme = {row["theme"]: row for row in data["themes"]}
    assert by_theme["user_participation"]["kappa"] == 1.0
    assert by_theme["terminology"]["percent_agreement"] < 100


def test_reliability_errors_are_samrev_errors(write_csv: WriteCsv, tmp_path: Path) -> None:
    a = write_csv("a.csv", CODER_A)
    missing = runner.invoke(app, ["reliability", str(a), str(tmp_path / "nei.csv")])
    assert isinstance(missing.exception, InputNotFound)
    bad = write_csv("b.csv", "item,theme,polarity\n1,terminology,barrier\n2,tema_x,barrier\n")
    result = runner.invoke(app, ["reliability", str(a), str(bad)])
    assert isinstance(result.exception, ReliabilityInputError)
    assert "linje 3" in result.exception.message


def test_code_text_and_file(tmp_path: Path) -> None:
    text = "Det mangler brukermedvirkning i lærings- og mestringstilbudene, og vi bør ha faste møteplasser."
    data = json.loads(runner.invoke(app, ["code", text, "--format", "json"]).output)
    values = {j["subject"]: j["value"] for j in data["judgements"]}
    assert values == {
        "theme:meeting_arenas": "proposal",
        "theme:offer_information": "barrier",
        "theme:user_participation": "barrier",
    }
    assert "terminology" in data["absent_themes"]
    for judgement in data["judgements"]:
        for span in judgement["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    file = tmp_path / "svar.txt"
    file.write_text(text, encoding="utf-8")
    table = runner.invoke(app, ["code", str(file)])
    assert (
        table.exit_code == 0 and "Brukermedvirkning" in table.output and "Fraværende temaer" in table.output
    )
    assert "Ingen temaer funnet" in runner.invoke(app, ["code", "Været var fint."]).output


def _samrev(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("samrev")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "samrev"]
    return subprocess.run(
        [*command, "codebook", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_exit_code_through_main_in_a_process(tmp_path: Path) -> None:
    result = _samrev("validate", str(tmp_path / "nei.yaml"))
    assert result.returncode == 2
    assert "INPUT_NOT_FOUND" in result.stderr and "nei.yaml" in result.stderr


def test_exit_code_through_main(
    write_csv: WriteCsv, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from samrev.cli.app import main

    a = write_csv("a.csv", CODER_A)
    bad = write_csv("b.csv", "item,theme,polarity\n1,terminology,barrier\n2,tema_x,barrier\n")
    monkeypatch.setattr(sys, "argv", ["samrev", "codebook", "reliability", str(a), str(bad)])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    stderr = capsys.readouterr().err
    assert "RELIABILITY_INPUT" in stderr and "linje 3" in stderr
