"""The full-text stage through the CLI: `samrev literature fulltext` (the waiting records, one
decision at a time with its checks), `import-fulltext` (CSV and XLSX, Norwegian and English headers
and values, bad rows by line, idempotent), dual full-text screening with `conflicts`/`resolve
--stage full_text`, and the PRISMA numbers of `export-state` + `samrev report literature`."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.core.errors import SamrevError, render_message

FIXTURES = Path(__file__).parent / "fixtures" / "import"

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Ran:
    stdout: str
    stderr: str
    output: str  # both, and an error as `samrev` prints it (code, message, hint)


def invoke(*args: str, keys: str = "", code: int = 0) -> Ran:
    """Run `samrev ARGS…`; a samrev error counts with its exit status and message, as the entry
    point (`samrev.cli.app.main`) reports it."""
    result = CliRunner().invoke(app, list(args), input=keys)
    exit_code, output = result.exit_code, result.output
    if isinstance(result.exception, SamrevError):
        exit_code = result.exception.exit_code
        output += f"{result.exception.code}: {render_message(result.exception)}"
    assert exit_code == code, (result.output, result.exception)
    return Ran(result.stdout, result.stderr, output)


def run(*args: str, keys: str = "") -> str:
    return invoke(*args, keys=keys).stdout


def _imported(project: str, screeners: dict[str, str]) -> dict[str, list[str]]:
    """Import the two fixture searches, de-duplicate, and screen the unique records at
    title/abstract in the terminal screener with each screener's keys; returns record ids by
    kari's value."""
    from samrev.literature import decisions

    for name, database in (("pubmed.nbib", "MEDLINE"), ("scopus.ris", "Scopus")):
        run("literature", "import", str(FIXTURES / name), "--database", database, "--date", "2025-03-03",
            "--project", project)
    run("literature", "dedup", "--project", project)
    for screener, keys in screeners.items():
        run("literature", "screen", "--project", project, "--screener", screener, keys=keys)
    by_value: dict[str, list[str]] = {}
    for record_id, value in decisions.current_decisions(project, "kari"):
        by_value.setdefault(value, []).append(record_id)
    return by_value


def _full_text_rows(project: str) -> list[tuple[str, str, str | None, str]]:
    from samrev.store import models

    rows = models.Judgement.objects.filter(item_type="literature_record", subject="screening:full_text",
                                           item_id__startswith=f"{project}:").order_by("id")
    return [(row.item_id.split(":", 1)[1], row.created_by, row.value, row.note) for row in rows]


def test_list_decide_and_refuse(tmp_path: Path) -> None:
    from samrev.literature.service import unique_records
    from samrev.store import literature as store
    from samrev.store import models

    kari = _imported("ft", {"kari": "iieee"})
    included, excluded = kari["include"], kari["exclude"]
    assert len(included) == 2 and len(excluded) == 3

    listed = json.loads(run("literature", "fulltext", "--project", "ft", "--format", "json"))
    assert [r["record_id"] for r in listed["records"]] == sorted(included, key=int)
    assert {r["state"] for r in listed["records"]} == {"awaiting"} and all(r["title"] for r in listed["records"])
    assert listed["counts"]["included_title_abstract"] == 2 and listed["counts"]["awaiting"] == 2
    assert listed["reasons"]["standard"][0] == "Feil populasjon"
    table = run("literature", "fulltext", "--project", "ft")
    assert "2 venter" in table and "1 Feil populasjon" in table and "venter" in table

    first, second = sorted(included, key=int)
    out = run("literature", "fulltext", "-p", "ft", "--record", first, "--decision", "include", "--screener", "kari")
    assert f"Post {first}: inkluder i fulltekst, lagret for kari" in out
    # an exclusion needs a reason; a number picks a standard one, another spelling of one is that one
    result = invoke("literature", "fulltext", "-p", "ft", "-r", second, "-d", "exclude", "-s", "kari", code=2)
    assert "trenger en grunn" in result.output and "1 Feil populasjon" in result.output
    run("literature", "fulltext", "-p", "ft", "-r", second, "-d", "exclude", "--reason", "5", "-s", "kari")
    out = run("literature", "fulltext", "-p", "ft", "-r", second, "-d", "Ekskludert", "--reason", " feil  STUDIEDESIGN",
              "-s", "kari")
    assert "står allerede" in out and "ingen endring" in out
    assert _full_text_rows("ft") == [(first, "kari", "include", ""), (second, "kari", "exclude", "Feil studiedesign")]
    row = models.Judgement.objects.filter(subject="screening:full_text", item_id=f"ft:{second}").get()
    assert row.provenance == "person:kari" and row.created_at is not None
    assert models.AuditEvent.objects.filter(action="literature.screening_decision", object_id=f"ft:{second}").exists()

    # a reason nobody used before is stored as written, with a warning to check it
    result = invoke("literature", "fulltext", "-p", "ft", "-r", second, "-d", "exclude", "--reason",
                    "Bare protokoll", "-s", "kari")
    assert "Ny eksklusjonsgrunn «Bare protokoll»" in result.stderr
    assert _full_text_rows("ft")[-1] == (second, "kari", "exclude", "Bare protokoll")

    # refused, each with the record and why
    result = invoke("literature", "fulltext", "-p", "ft", "-r", excluded[0], "-d", "include", "-s", "kari", code=2)
    assert "LITERATURE_NOT_INCLUDED" in result.output and f"«{excluded[0]}»" in result.output
    assert "ekskludert på tittel og sammendrag (av kari)" in " ".join(result.output.split())
    result = invoke("literature", "fulltext", "-p", "ft", "-r", "9999", "-d", "include", "-s", "kari", code=2)
    assert "LITERATURE_UNKNOWN_RECORD" in result.output and "«9999»" in result.output
    kept = {store.record_key(row) for row in unique_records("ft")}
    duplicate = next(store.record_key(row) for row in store.records(store.project_for("ft"))
                     if store.record_key(row) not in kept)
    result = invoke("literature", "fulltext", "-p", "ft", "-r", duplicate, "-d", "include", "-s", "kari", code=2)
    assert "fjernet duplikat" in result.output
    result = invoke("literature", "fulltext", "-p", "ft", "-r", first, "-d", "kanskje", "-s", "kari", code=2)
    assert "ukjent fulltekstbeslutning «kanskje»" in result.output
    result = invoke("literature", "fulltext", "-p", "ft", "-r", first, "-d", "include", code=2)
    assert "--screener" in result.output
    result = invoke("literature", "fulltext", "-p", "ft", "--decision", "include", code=2)
    assert "--record" in result.output
    assert len(_full_text_rows("ft")) == 3  # nothing refused was stored

    # everything decided: nothing waits; --all shows the decisions
    listed = json.loads(run("literature", "fulltext", "--project", "ft", "--format", "json"))
    assert listed["records"] == [] and listed["counts"]["include"] == 1 and listed["counts"]["exclude"] == 1
    assert listed["reasons"]["used"] == {"Bare protokoll": 1}
    shown = run("literature", "fulltext", "--project", "ft", "--all")
    assert "kari: ekskluder (Bare protokoll)" in " ".join(shown.split())


def test_a_title_abstract_conflict_waits_for_its_resolution() -> None:
    kari = _imported("tc", {"kari": "iieee", "ola": "eieee"})
    first = kari["include"][0]
    listed = json.loads(run("literature", "fulltext", "-p", "tc", "-f", "json"))
    assert first not in {r["record_id"] for r in listed["records"]}
    assert listed["counts"]["title_abstract_unresolved"] == 1
    result = invoke("literature", "fulltext", "-p", "tc", "-r", first, "-d", "include", "-s", "kari", code=2)
    message = " ".join(result.output.split())
    assert "uløst uenighet på tittel og sammendrag (kari: inkluder, ola: ekskluder)" in message
    assert f"samrev literature resolve {first}" in message
    run("literature", "resolve", first, "include", "--by", "per", "-p", "tc")
    listed = json.loads(run("literature", "fulltext", "-p", "tc", "-f", "json"))
    assert first in {r["record_id"] for r in listed["records"]}
    run("literature", "fulltext", "-p", "tc", "-r", first, "-d", "include", "-s", "kari")


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_csv_and_xlsx(tmp_path: Path) -> None:
    from samrev.store import models

    kari = _imported("imp", {"kari": "iieee"})
    first, second = sorted(kari["include"], key=int)
    excluded = kari["exclude"][0]
    sheet = tmp_path / "fulltekst.csv"
    sheet.write_text(
        "Post;Beslutning;Eksklusjonsgrunn;Vurdert av;Kommentar\n"
        f"{first};Inkludert;;kari;god\n"
        f"{second};ekskluder;feil populasjon;kari;\n"
        f"{excluded};inkluder;;kari;\n"          # not included at title/abstract
        f"{first};kanskje;;ola;\n"                # unknown decision
        f"{second};ekskluder;;ola;\n"             # no reason
        ";inkluder;;ola;\n"                       # no record id
        f"{first};ekskluder;Språk;kari;\n"        # kari decided otherwise above
        f"{second};;;ola;\n"                      # not filled in yet
        "\n"
        f"{first};ikke innhentet;;ola;\n",
        encoding="utf-8",
    )
    result = invoke("literature", "import-fulltext", str(sheet), "--project", "imp", "--format", "json")
    data = json.loads(result.stdout)
    assert data["stored"] == 3 and data["unchanged"] == 0 and data["blank"] == 1
    assert [(e["line"], e["record_id"]) for e in data["errors"]] == [
        (4, excluded), (5, first), (6, second), (7, ""), (8, first)]
    messages = {e["line"]: e["message"] for e in data["errors"]}
    assert "ekskludert på tittel og sammendrag" in messages[4] and "ukjent fulltekstbeslutning" in messages[5]
    assert "trenger en grunn" in messages[6] and "mangler post-id" in messages[7]
    assert "annen beslutning" in messages[8] and "linje 2" in messages[8]
    assert "(linje 4, post" in " ".join(result.stderr.split())
    assert sorted(_full_text_rows("imp")) == sorted([
        (first, "kari", "include", ""), (second, "kari", "exclude", "Feil populasjon"),
        (first, "ola", "not_retrieved", "")])
    assert models.AuditEvent.objects.filter(action="literature.full_text_import", object_id="imp").count() == 1

    # the same file again changes nothing
    before = models.Judgement.objects.count()
    again = json.loads(run("literature", "import-fulltext", str(sheet), "--project", "imp", "--format", "json"))
    assert again["stored"] == 0 and again["unchanged"] == 3 and len(again["errors"]) == 5
    assert models.Judgement.objects.count() == before
    assert models.AuditEvent.objects.filter(action="literature.full_text_import").count() == 1

    # XLSX, English headers, whole numbers as record ids, the screener from --screener
    book = _write_xlsx(tmp_path / "ola.xlsx", [
        ["Record ID", "Decision", "Exclusion reason"],
        [int(second), "exclude", "3"],
        [int(first), "include", None],
    ])
    out = run("literature", "import-fulltext", str(book), "--project", "imp", "--screener", "ola")
    assert "2 beslutninger lagret, 0 uendret, 0 med feil" in out
    assert _full_text_rows("imp")[-2:] == [(second, "ola", "exclude", "Feil utfall"), (first, "ola", "include", "")]
    # without a screener column or --screener: said so, nothing read
    result = invoke("literature", "import-fulltext", str(book), "--project", "imp", code=2)
    assert "mangler kolonnen screener" in " ".join(result.output.split())
    # every row bad: exit code 1
    bad = tmp_path / "bad.csv"
    bad.write_text("record_id,decision,screener\n9999,include,kari\n", encoding="utf-8")
    result = invoke("literature", "import-fulltext", str(bad), "--project", "imp", code=1)
    assert "0 beslutninger lagret" in result.stdout


def test_the_waiting_list_as_a_form_filled_and_read_back(tmp_path: Path) -> None:
    kari = _imported("form", {"kari": "iieee"})
    form = run("literature", "fulltext", "-p", "form", "--screener", "kari", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(form)))
    assert [r["record_id"] for r in rows] == sorted(kari["include"], key=int)
    assert all(r["screener"] == "kari" and r["title"] and not r["decision"] for r in rows)
    rows[0]["decision"], rows[1]["decision"], rows[1]["reason"] = "include", "exclude", "1"
    path = tmp_path / "skjema.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert "2 beslutninger lagret" in run("literature", "import-fulltext", str(path), "-p", "form")
    assert run("literature", "fulltext", "-p", "form", "--screener", "kari", "--format", "csv").strip() == \
        "record_id,title,decision,reason,screener"


def test_dual_full_text_screening_conflicts_kappa_and_resolve() -> None:
    from samrev.literature import decisions

    # four records included at title/abstract by both screeners (recorded through the library)
    for record_id in ("a", "b", "c", "d"):
        for screener in ("kari", "ola"):
            decisions.record_decision("dual", record_id, screener, "include")
    decisions.record_decision("dual", "e", "kari", "exclude")
    for record_id, value, reason in (("a", "include", ""), ("b", "exclude", "1"), ("c", "exclude", "Språk"),
                                     ("d", "not-retrieved", "")):
        run("literature", "fulltext", "-p", "dual", "-r", record_id, "-d", value, "--reason", reason, "-s", "kari")
    for record_id, value, reason in (("a", "include", ""), ("b", "exclude", "feil populasjon"),
                                     ("c", "include", ""), ("d", "not-retrieved", "")):
        run("literature", "fulltext", "-p", "dual", "-r", record_id, "-d", value, "--reason", reason, "-s", "ola")
    title = json.loads(run("literature", "conflicts", "-p", "dual", "-f", "json"))
    assert title["stage"] == "title_abstract" and title["categories"] == ["include", "exclude"]
    assert title["both_screened"] == 4 and title["conflicts"] == []

    report = json.loads(run("literature", "conflicts", "-p", "dual", "--stage", "full_text", "-f", "json"))
    # p_o = 3/4; p_e = (1/4)(2/4) + (2/4)(1/4) + (1/4)(1/4) = 5/16; κ = (12/16 − 5/16) / (11/16) = 7/11
    assert report["kappa"] == pytest.approx(7 / 11, abs=1e-4)
    assert report["agreement_table"]["exclude"] == {"include": 1, "exclude": 1, "not_retrieved": 0}
    assert [c["record_id"] for c in report["conflicts"]] == ["c"]  # b: the same reason, spelt differently
    # two exclusions for different reasons are a conflict
    run("literature", "fulltext", "-p", "dual", "-r", "d", "-d", "exclude", "--reason", "Feil setting", "-s", "kari")
    run("literature", "fulltext", "-p", "dual", "-r", "d", "-d", "exclude", "--reason", "Feil utfall", "-s", "ola")
    report = json.loads(run("literature", "conflicts", "-p", "dual", "--stage", "full_text", "-f", "json"))
    conflict = {c["record_id"]: c for c in report["conflicts"]}
    assert sorted(conflict) == ["c", "d"] and conflict["d"]["first_reason"] == "Feil setting"
    table = " ".join(run("literature", "conflicts", "-p", "dual", "--stage", "full_text").split())
    assert "ikke innhentet" in table and "Uenigheter: 2 (2 uløst)" in table

    # resolve at full text: an exclusion needs its reason; only records included at title/abstract
    result = invoke("literature", "resolve", "d", "exclude", "--by", "per", "-p", "dual", "--stage", "full_text",
                    code=2)
    assert "trenger en grunn" in result.output
    out = run("literature", "resolve", "d", "exclude", "--by", "per", "-p", "dual", "--stage", "full_text",
              "--reason", "4")
    assert "Post d: endelig ekskluder (Feil setting) i fulltekst (per" in out
    result = invoke("literature", "resolve", "e", "include", "--by", "per", "-p", "dual", "--stage", "full_text",
                    code=2)
    assert "LITERATURE_NOT_INCLUDED" in result.output
    run("literature", "resolve", "c", "include", "--by", "per", "-p", "dual", "--stage", "full_text")
    report = json.loads(run("literature", "conflicts", "-p", "dual", "--stage", "full_text", "-f", "json"))
    assert report["unresolved"] == 0 and {c["final"] for c in report["conflicts"]} == {"include", "exclude"}
    settled = decisions.settled_state_decisions("dual")
    assert settled.unresolved == [] and settled.set_aside == []
    finals = {(d["record_id"], d["decision"], d["reason"]) for d in settled.decisions if d["final"]}
    assert finals == {("c", "include", ""), ("d", "exclude", "Feil setting")}


def test_prisma_through_the_cli_adds_up(tmp_path: Path) -> None:
    """Import, de-duplication, dual title/abstract screening with a resolved conflict, full text
    one by one and from a file (with a second reader and a resolved full-text conflict), then
    export-state and the report: each PRISMA step is the previous minus what was taken out."""
    from samrev.literature import decisions
    from samrev.literature.review_state import load_review_state

    kari = _imported("prisma", {"kari": "iiiee", "ola": "iieee"})
    first, second, third = sorted(kari["include"], key=int)
    conflicts = json.loads(run("literature", "conflicts", "-p", "prisma", "-f", "json"))
    assert [c["record_id"] for c in conflicts["conflicts"]] == [third]
    state = tmp_path / "state.json"
    report = tmp_path / "rapport.json"

    # the title/abstract conflict is unsettled: the record waits; the two others wait for full text
    result = invoke("literature", "export-state", "-p", "prisma", "-o", str(state))
    assert "2 poster er inkludert på tittel og sammendrag og venter på fulltekstvurdering" in \
        " ".join(result.stderr.split())
    exported = json.loads(state.read_text(encoding="utf-8"))
    assert exported["screening"]["awaiting_full_text"] == [first, second]
    result = invoke("report", "literature", str(state), "-f", "json", "-o", str(report), code=2)
    assert "LITERATURE_STATE_INVALID" in result.output and "ingen avgjort fulltekstbeslutning" in result.output

    run("literature", "resolve", third, "include", "--by", "per", "-p", "prisma")
    run("literature", "fulltext", "-p", "prisma", "-r", first, "-d", "include", "-s", "kari")
    sheet = tmp_path / "fulltekst.csv"
    sheet.write_text(f"record_id,decision,reason,screener\n{second},exclude,Feil populasjon,kari\n"
                     f"{third},not-retrieved,,kari\n{first},include,,ola\n{second},exclude,Språk,ola\n",
                     encoding="utf-8")
    assert "4 beslutninger lagret" in run("literature", "import-fulltext", str(sheet), "-p", "prisma")
    invoke("literature", "export-state", "-p", "prisma", "-o", str(state))
    exported = json.loads(state.read_text(encoding="utf-8"))
    assert exported["screening"]["unresolved"][0]["reasons"] == {"kari": "Feil populasjon", "ola": "Språk"}
    run("literature", "resolve", second, "exclude", "--by", "per", "-p", "prisma", "--stage", "full_text",
        "--reason", "feil populasjon")

    # a full-text decision on a record not included at title/abstract (through the library, which
    # does not check) is set aside, not counted
    decisions.record_decision("prisma", kari["exclude"][0], "kari", "include", stage="full_text")
    result = invoke("literature", "export-state", "-p", "prisma", "-o", str(state))
    assert "1 fulltekstbeslutninger gjelder poster som ikke er inkludert" in " ".join(result.stderr.split())
    exported = json.loads(state.read_text(encoding="utf-8"))
    assert exported["screening"]["awaiting_full_text"] == [] and exported["screening"]["unresolved"] == []
    assert [item["record_id"] for item in exported["screening"]["set_aside"]] == [kari["exclude"][0]]
    full_text = [d for d in exported["screening"]["decisions"] if d["stage"] == "full_text"]
    assert {d["screener"] for d in full_text} == {"kari", "ola", "per"}
    assert all(d["time"] for d in full_text)
    assert [item["record"]["record_id"] for item in exported["included"]] == [first]

    run("report", "literature", str(state), "--format", "json", "-o", str(report), "--today", "2026-11-27")
    prisma = json.loads(report.read_text(encoding="utf-8"))["prisma"]
    assert prisma["records_screened"] == 5 and prisma["records_excluded"] == 2
    assert prisma["reports_sought"] == 3 and prisma["reports_not_retrieved"] == 1
    assert prisma["reports_assessed"] == 2
    assert prisma["reports_excluded"] == [{"reason": "Feil populasjon", "count": 1}]
    assert prisma["studies_included"] == 1 and prisma["reports_included"] == 1
    identified = sum(s["records"] for s in prisma["sources"])
    assert identified - prisma["duplicates_removed"] - prisma["automation_removed"] - prisma["other_removed"] \
        == prisma["records_screened"]
    assert prisma["records_screened"] - prisma["records_excluded"] == prisma["reports_sought"]
    assert prisma["reports_sought"] - prisma["reports_not_retrieved"] == prisma["reports_assessed"]
    assert prisma["reports_assessed"] - prisma["reports_excluded_total"] == prisma["reports_included"]
    assert load_review_state(state).prisma().to_dict() == prisma
