"""The literature chain end to end on real export files: import two overlapping searches,
de-duplicate, screen the imported records in the terminal screener (keys through stdin) with a second
screener and a resolved conflict, full-text decisions, coding with a person's correction,
export-state, and the literature report's JSON, whose numbers must add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures" / "import"

pytestmark = pytest.mark.django_db


def run(*args: str, keys: str = "", code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), input=keys)
    assert result.exit_code == code, (result.output, result.exception)
    return result.stdout


def test_import_dedup_screen_code_export_report(tmp_path: Path) -> None:
    from samrev.literature import decisions
    from samrev.literature.coding_store import confirm
    from samrev.literature.service import unique_records
    from samrev.store import literature as store
    from samrev.store import models

    for name, database in (("pubmed.nbib", "MEDLINE"), ("scopus.ris", "Scopus")):
        run("literature", "import", str(FIXTURES / name), "--database", database, "--date", "2025-03-03",
            "--query", "lms", "--project", "kjede")
    dedup = json.loads(run("literature", "dedup", "--project", "kjede", "--format", "json"))
    assert dedup["records"] == 6 and dedup["unique"] == 5
    keys = [store.record_key(row) for row in unique_records("kjede")]

    # kari screens the imported, de-duplicated records: include, include, then exclude the rest
    out = run("literature", "screen", "--project", "kjede", "--screener", "kari", keys="iieee")
    assert "Lagret 5 beslutninger" in out
    kari = decisions.current_decisions("kjede", "kari")
    assert sorted(rid for rid, _ in kari) == sorted(keys)  # the stored records' ids, nothing else
    included = [rid for rid, value in kari if value == "include"]
    excluded = [rid for rid, value in kari if value == "exclude"]
    assert len(included) == 2 and len(excluded) == 3
    # ola agrees except on one excluded record
    for rid, value in kari:
        decisions.record_decision("kjede", rid, "ola", "include" if rid == excluded[0] else value)
    conflicts = json.loads(run("literature", "conflicts", "--project", "kjede", "--format", "json"))
    assert [c["record_id"] for c in conflicts["conflicts"]] == [excluded[0]] and conflicts["unresolved"] == 1
    assert conflicts["conflicts"][0]["title"]  # titles from the store

    decisions.record_decision("kjede", included[0], "kari", "include", stage="full_text")
    decisions.record_decision("kjede", included[1], "kari", "exclude", "Feil populasjon", stage="full_text")
    state_path = tmp_path / "state.json"
    result = CliRunner().invoke(app, ["literature", "export-state", "--project", "kjede", "-o", str(state_path)])
    assert result.exit_code == 0 and "1 uløste uenigheter" in result.output
    state = json.loads(state_path.read_text(encoding="utf-8"))
    assert state["screening"]["unresolved"] == [{"record_id": excluded[0], "stage": "title_abstract",
                                                 "decisions": {"kari": "exclude", "ola": "include"}}]
    assert excluded[0] not in {d["record_id"] for d in state["screening"]["decisions"]}
    assert state["screening"]["undecided"] == [excluded[0]] and state["deduplication"]["other_removed"] == 1
    from samrev.literature.review_state import load_review_state

    flagged = load_review_state(state_path).prisma()  # the numbers add up with the conflict set aside
    assert (flagged.records_screened, flagged.other_removed, flagged.automation_removed) == (4, 1, 0)

    run("literature", "resolve", excluded[0], "exclude", "--by", "per", "--project", "kjede")

    coded = json.loads(run("literature", "code", "--project", "kjede"))
    assert coded["stored"] is True and [r["record_id"] for r in coded["records"]] == [included[0]]
    rows = models.Judgement.objects.filter(item_type="literature_record", item_id=f"kjede:{included[0]}",
                                           subject="study:setting")
    assert rows.count() == 1
    confirm(rows.get().pk, "kari", "kommune", note="rettet")
    again = json.loads(run("literature", "code", "--project", "kjede"))  # unchanged record: nothing new
    assert again["records"] and rows.count() == 2

    run("literature", "export-state", "--project", "kjede", "-o", str(state_path))
    state = json.loads(state_path.read_text(encoding="utf-8"))
    assert state["screening"]["unresolved"] == []
    assert [item["record"]["record_id"] for item in state["included"]] == [included[0]]
    setting = [j for j in state["included"][0]["judgements"] if j["subject"] == "study:setting"]
    assert [j["provenance"].split(":")[0] for j in setting] == ["rule", "person"]

    report_path = tmp_path / "rapport.json"
    run("report", "literature", str(state_path), "--format", "json", "-o", str(report_path),
        "--today", "2026-11-27")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    prisma = report["prisma"]
    assert {s["name"]: s["records"] for s in prisma["sources"]} == {"MEDLINE": 3, "Scopus": 3}
    assert prisma["duplicates_removed"] == 1 and prisma["records_screened"] == 5
    assert prisma["records_excluded"] == 3 and prisma["reports_sought"] == 2
    assert prisma["reports_assessed"] == 2 and prisma["studies_included"] == 1
    assert sum(r["count"] for r in prisma["reports_excluded"]) == 1
    identified = sum(s["records"] for s in prisma["sources"])
    assert identified - prisma["duplicates_removed"] == prisma["records_screened"]
    assert prisma["records_screened"] - prisma["records_excluded"] == prisma["reports_sought"]
    study = report["studies"][0]
    assert study["record_id"] == included[0] and study["setting"] == "kommune"
