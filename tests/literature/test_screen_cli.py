"""`samrev literature screen|conflicts|resolve` end to end, keys fed through stdin (no terminal)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from samrev.cli import literature_screen  # noqa: F401  (registers the commands)
from samrev.cli.literature import app
from samrev.cli.screener import run_screener, scripted_keys
from samrev.literature.records import ScreeningRecord
from samrev.literature.screening import ScreeningSession
from samrev.literature.terms import load_terms
from tests.literature.conftest import synthetic_rows, write_dataset

pytestmark = pytest.mark.django_db


class _Memory:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def decide(self, record_id: str, value: str) -> None:
        self.calls.append(("decide", record_id, value))

    def withdraw(self, record_id: str) -> None:
        self.calls.append(("withdraw", record_id, ""))


def test_loop_with_scripted_keys() -> None:
    records = [ScreeningRecord(f"r{i}", f"Samhandling om pasientopplæring {i}", "Sykehus og kommune. A mouse.")
               for i in range(5)]
    session = ScreeningSession(records)
    memory = _Memory()
    console = Console(record=True, width=120)
    result = run_screener(session, memory, scripted_keys("ixeb?uq"), console, load_terms())
    shown = console.export_text()
    assert [call[0] for call in memory.calls] == ["decide", "decide", "withdraw", "decide"]
    assert memory.calls[0][2] == "include" and memory.calls[1][2] == "exclude"
    assert memory.calls[2][1] == memory.calls[1][1] and memory.calls[3][2] == "uncertain"
    assert result.decided == 3 and result.undone == 1 and not result.finished
    assert session.screened == 1 and session.uncertain == [memory.calls[3][1]]
    assert "Ukjent tast «x»" in shown and "Ukjent tast «?»" in shown
    assert "Screenet 0 av 5" in shown and "inkludert 1" in shown
    assert "Stoppregel (hypergeometrisk test)" in shown and "Tommelfingerregel" in shown
    assert "[i] inkluder" in shown and "Post r" in shown


def test_highlighting_marks_terms() -> None:
    from samrev.cli.screener import highlighted

    text = highlighted("Pasientopplæring på sykehus, ikke mus: mouse", load_terms())
    styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
    assert "green" in styles["Pasientopplæring"] and "green" in styles["sykehus"]
    assert "red" in styles["mouse"]


def _invoke(*args: str, keys: str = "") -> str:
    result = CliRunner().invoke(app, list(args), input=keys)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_screen_resume_conflicts_resolve(tmp_path: Path) -> None:
    from samrev.literature import decisions

    csv = write_dataset(tmp_path / "poster.csv", synthetic_rows(n=40, n_included=6, seed=3))
    out = _invoke("screen", str(csv), "--screener", "kari", "--project", "lit-test", keys="iiee\nq\n")
    assert "Lagret 4 beslutninger" in out
    kari = decisions.current_decisions("lit-test", "kari")
    assert [value for _, value in kari] == ["include", "include", "exclude", "exclude"]
    # resumed: the four stand, the next keys add to them; b takes back the last one
    out = _invoke("screen", str(csv), "--screener", "kari", "--project", "lit-test", keys="eib")
    assert "Fortsetter: 4 poster" in out and "Lagret 2 beslutninger (1 angret)" in out
    kari = decisions.current_decisions("lit-test", "kari")
    assert len(kari) == 5 and kari[-1][1] == "exclude"
    # a second screener, disagreeing on purpose: the same records, opposite values
    for record_id, value in kari:
        decisions.record_decision("lit-test", record_id, "ola", "exclude" if value == "include" else "include")
    report = json.loads(_invoke("conflicts", "--project", "lit-test", "--format", "json"))
    assert report["screeners"] == ["kari", "ola"] and report["both_screened"] == 5
    assert len(report["conflicts"]) == 5 and report["unresolved"] == 5
    assert report["kappa"] is not None and report["kappa"] < 0
    assert all(c["title"] for c in report["conflicts"])  # titles from the registered source
    first = report["conflicts"][0]["record_id"]
    out = _invoke("resolve", first, "include", "--by", "per", "--project", "lit-test", "--note", "se fulltekst")
    assert f"Post {first}: endelig inkluder (per" in out
    report = json.loads(_invoke("conflicts", "--project", "lit-test", "--format", "json"))
    assert report["unresolved"] == 4
    resolved = next(c for c in report["conflicts"] if c["record_id"] == first)
    assert resolved["final"] == "include" and resolved["final_by"] == "per"
    table = _invoke("conflicts", "--project", "lit-test")
    assert "Cohens κ" in table and "Uenigheter: 5 (4 uløst)" in table
    exported = json.loads(_invoke("export-decisions", "--project", "lit-test"))["screening"]["decisions"]
    assert len(exported) == 11 and sum(d["final"] for d in exported) == 1


def test_conflicts_needs_two_screeners(tmp_path: Path) -> None:
    from samrev.literature import decisions

    decisions.record_decision("solo", "a", "kari", "include")
    result = CliRunner().invoke(app, ["conflicts", "--project", "solo"])
    assert result.exit_code != 0
    assert "1 screenere" in str(result.exception) or "1 screenere" in result.output


def test_a_decision_that_cannot_be_stored_is_not_learnt() -> None:
    class Failing(_Memory):
        def decide(self, record_id: str, value: str) -> None:
            if self.calls:
                raise RuntimeError("database gone")
            super().decide(record_id, value)

    records = [ScreeningRecord(f"r{i}", f"Tittel {i}", "Sammendrag") for i in range(4)]
    session = ScreeningSession(records)
    recorder = Failing()
    with pytest.raises(RuntimeError):
        run_screener(session, recorder, scripted_keys("ie"), Console(record=True), load_terms())
    assert session.screened == 1 and len(recorder.calls) == 1
