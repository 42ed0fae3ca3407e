"""The round commands end to end in one process: import, coverage, queue, verify, sheets, compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli import agreements_round  # noqa: F401  (registers the round commands)
from samrev.cli.agreements import app

from .round_texts import DRAFT, SIGNED

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "runde"
    folder.mkdir()
    (folder / "delavtale2_kinn.txt").write_text(SIGNED, encoding="utf-8")
    (folder / "ta10_sunnfjord.txt").write_text(DRAFT, encoding="utf-8")
    return folder


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_round_commands(folder: Path, tmp_path: Path) -> None:
    imported = json.loads(invoke("import", str(folder), "--round", "R1", "--format", "json", "--workers", "1"))
    assert imported["files"] == 2 and imported["new_in_round"] == 2
    summary = json.loads(invoke("summary", "--round", "R1", "--today", "2026-11-27"))
    assert summary["n_documents"] == 2 and summary["signature"]["signed"] == 1
    coverage = json.loads(invoke("coverage", "--round", "R1", "--today", "2026-11-27"))
    assert coverage["health_trusts"] == ["Helse Førde HF"] and coverage["round"] == "R1"
    assert {c["municipality"] for c in coverage["cells"] if c["documents"]} == {"Kinn", "Sunnfjord"}
    assert "Stad" in {m["municipality"] for m in coverage["missing"]}
    sheet = tmp_path / "dekning.xlsx"
    invoke("coverage", "--round", "R1", "--format", "xlsx", "--output", str(sheet))
    from openpyxl import load_workbook

    book = load_workbook(sheet)
    assert book.sheetnames == ["Dekning", "Uten avtale", "Ikke plassert"]
    assert book["Uten avtale"].max_row - 1 == len(coverage["missing"])
    queue = [json.loads(line) for line in invoke("queue", "--round", "R1", "--format", "jsonl", "-n", "0").splitlines()]
    assert len(queue) == 24 and {q["field"] for q in queue} >= {"lms_level", "signature"}
    assert "rettet" in invoke("verify", "ta10_sunnfjord.txt", "signature", "signed", "--by", "kari",
                              "--round", "R1")
    after = json.loads(invoke("summary", "--round", "R1"))
    assert after["signature"]["signed"] == 2 and after["verification"]["verified_values"] == 1
    exported = tmp_path / "v.csv"
    assert "23 rader" in invoke("export-verifications", "--round", "R1", "--output", str(exported))
    assert "0 verifiseringer lagret" in invoke("import-verifications", str(exported))
    # a second round with the Kinn agreement signed as before and a higher LMS level: compare
    invoke("import", str(folder / "delavtale2_kinn.txt"), "--round", "R2", "--workers", "1")
    compared = json.loads(invoke("compare", "R1", "R2", "--format", "json"))
    rows = {r["municipality"]: r for r in compared["rows"]}
    assert rows["Kinn"]["changes"] == ["unchanged"] and rows["Sunnfjord"]["changes"] == ["lost_agreement"]


def test_round_commands_refuse_bad_input(folder: Path) -> None:
    from samrev.core.errors import InputError

    result = CliRunner().invoke(app, ["summary", "--round", "finst-ikkje"])
    assert isinstance(result.exception, InputError) and "finst-ikkje" in result.exception.message
    result = CliRunner().invoke(app, ["summary", str(folder), "--round", "R1"])
    assert isinstance(result.exception, InputError)
    result = CliRunner().invoke(app, ["coverage", "--round", "R1", "--format", "pdf"])
    assert isinstance(result.exception, InputError)
