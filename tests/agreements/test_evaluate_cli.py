"""`samrev agreements evaluate`: the disagreement list says how many it leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from samrev.cli.app import app

runner = CliRunner()


def test_cut_disagreement_list_says_how_many_are_left_out(tmp_path: Path) -> None:
    text = ("Delavtale 2 mellom Gjøvik kommune og Sykehuset Innlandet HF\n\n1. Formål\n"
            "Partene skal samarbeide om innleggelse og utskriving av pasienter.\n")
    labels = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        # deliberately wrong labels: every file disagrees on language and kind
        labels.append({"file": name, "language": "nn", "kind": "retningslinje"})
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in labels) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["agreements", "evaluate", str(path), "--no-store", "--max-disagreements", "1"])
    assert result.exit_code == 0, result.output
    assert "4 uenigheter" in result.stdout
    assert "… og 3 til" in result.stdout
