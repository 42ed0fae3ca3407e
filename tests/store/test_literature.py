"""Literature in the store (also run on PostgreSQL by `make test-postgres`): import batches, duplicate
links, undo, PRISMA identification and screening decisions, through the service and the CLI."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.literature import app

FIXTURES = Path(__file__).parents[1] / "literature" / "fixtures" / "import"
DEDUP = Path(__file__).parents[1] / "literature" / "fixtures" / "dedup"

pytestmark = pytest.mark.django_db


def invoke(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.output, result.exception)
    return result.stdout


def test_import_is_one_batch_per_search_and_idempotent() -> None:
    from samrev.literature.service import import_files
    from samrev.store import models

    first = import_files([FIXTURES / "pubmed.nbib"], database="MEDLINE", search_date=date(2025, 3, 3),
                         query="learning AND coping", project="lit")
    assert first.created and first.records == 3
    search = models.LiteratureSearch.objects.get(pk=first.search_id)
    assert (search.database, search.search_date, search.query) == ("MEDLINE", date(2025, 3, 3), "learning AND coping")
    assert search.records_identified == 3 and search.records_skipped == 1
    file_row = search.files.get()
    assert file_row.format == "nbib" and len(file_row.content_hash) == 64
    assert file_row.problems[-1]["position"] == 4 and file_row.problems[-1]["skipped"] is True
    record = search.records.get(pmid="28225234")
    assert record.title == "Learning and coping centres in Norwegian hospitals" and record.source_database == "MEDLINE"
    assert record.authors == ["Strand, Ingrid", "Øvrebø, Marit"] and record.raw["pmid"] == "28225234"
    again = import_files([FIXTURES / "pubmed.nbib"], database="PubMed", search_date=date(2025, 3, 4), project="lit")
    assert again.search_id is None and again.files[0].already_in_search == first.search_id
    assert models.LiteratureRecord.objects.count() == 3 and models.LiteratureSearch.objects.count() == 1


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    from samrev.literature.service import import_files

    bad = tmp_path / "ødelagt.ris"
    bad.write_text("ikke en referansefil\n", encoding="utf-8")
    twin = tmp_path / "embase_kopi.ris"
    twin.write_bytes((FIXTURES / "embase.ris").read_bytes())
    summary = import_files([bad, FIXTURES / "embase.ris", tmp_path / "borte.ris", twin], database="Embase",
                           search_date=date(2025, 3, 3), project="lit")
    assert summary.created and summary.records == 3 and summary.failed == 2
    assert summary.files[3].same_as == str(FIXTURES / "embase.ris")
    assert summary.files[0].error is not None and "ødelagt.ris" in summary.files[0].error["message"]
    assert summary.files[0].error["code"] == "LITERATURE_FILE_UNREADABLE"
    assert "finnes ikke" in summary.files[2].error["message"]  # type: ignore[index]


def test_cli_import_dedup_undo_and_prisma(tmp_path: Path) -> None:
    for name, database in (("pubmed.nbib", "MEDLINE"), ("embase.ris", "Embase"), ("scopus.csv", "Scopus"),
                           ("wos_savedrecs.txt", "Web of Science")):
        out = json.loads(invoke("import", str(FIXTURES / name), "--database", database, "--date", "2025-03-03",
                                "--query", "lms", "--project", "demo", "--format", "json"))
        assert out["created"] and out["database"] == database
    text = invoke("import", str(FIXTURES / "scopus.csv"), "--database", "Scopus", "--date", "2025-03-03",
                  "--project", "demo")
    assert "lest inn før" in text
    bad = CliRunner().invoke(app, ["import", str(FIXTURES / "scopus.csv"), "--database", "X", "--date", "3.3.2025"])
    assert bad.exit_code != 0
    result = json.loads(invoke("dedup", "--project", "demo", "--format", "json"))
    # pubmed 3 + embase 3 + scopus 2 + wos 2 = 10 records; works: the scoping review (pubmed, scopus),
    # Norwegian hospitals (pubmed, wos), its erratum (pubmed «Erratum:», embase «Erratum to:»), Læring og
    # mestring (embase), the conference abstract (embase), Samhandling (scopus), discharge planning (wos)
    assert result["records"] == 10 and result["unique"] == 7 and result["duplicates"] == 3
    groups = {group["kept"]["title"][:20]: group for group in result["groups"]}
    assert set(groups) == {"Patient education in", "Learning and coping ", "Erratum: Patient edu"}
    scoping = groups["Patient education in"]
    assert {item["database"] for item in [scoping["kept"], *scoping["duplicates"]]} == {"MEDLINE", "Scopus"}
    assert json.loads(invoke("dedup", "--project", "demo", "--format", "json"))["new_links"] == 0
    table = invoke("dedup", "--project", "demo")
    assert "samme DOI" in table and "10 poster, 7 unike, 3 duplikater" in table

    prisma = json.loads(invoke("prisma", "--project", "demo", "--format", "json"))
    assert prisma["per_database"] == {"Embase": 3, "MEDLINE": 3, "Scopus": 2, "Web of Science": 2}
    assert prisma["identified"] == sum(prisma["per_database"].values()) == 10
    assert prisma["identified"] - prisma["duplicates_removed"] == prisma["after_dedup"] == 7
    assert prisma["skipped_on_import"] == 3  # embase 1, pubmed 1, scopus 1

    link_id = scoping["links"][0]["id"]
    undone = invoke("undo-merge", str(link_id), "--project", "demo", "--note", "ulike utgaver", "--by", "kari")
    assert f"Kobling {link_id} opphevet" in undone
    after = json.loads(invoke("dedup", "--project", "demo", "--format", "json"))
    assert after["unique"] == 8 and after["new_links"] == 0  # the undone pair is not linked again
    assert json.loads(invoke("prisma", "--project", "demo", "--format", "json"))["after_dedup"] == 8
    again = CliRunner().invoke(app, ["undo-merge", str(link_id), "--project", "demo"])
    assert again.exit_code != 0


def test_undo_splits_the_duplicate_out_when_other_links_hold_it(tmp_path: Path) -> None:
    from samrev.literature.service import deduplicate, import_files, undo_merge
    from samrev.store import models

    for name, database in (("ovid_medline.ris", "MEDLINE"), ("scopus.ris", "Scopus"), ("zotero.ris", "Zotero")):
        import_files([FIXTURES / name], database=database, search_date=date(2025, 1, 1), project="p")
    summary = deduplicate("p", actor="ola")
    group = next(group for group in summary.groups if group["kept"]["title"].startswith("Patient education"))
    assert len(group["duplicates"]) == 2 and len(group["links"]) >= 2
    link = group["links"][0]
    undone = undo_merge(link["id"], project="p", actor="kari", note="test")
    assert link["id"] in {row["id"] for row in undone}
    rows = models.DuplicateLink.objects.filter(pk__in=[row["id"] for row in undone])
    assert all(row.undone_by == "kari" and row.undone_at is not None for row in rows)
    assert models.DuplicateLink.objects.filter(project__slug="p").count() >= 2  # nothing deleted
    later = deduplicate("p")
    members = [{item["id"] for item in [group["kept"], *group["duplicates"]]} for group in later.groups]
    assert not any({link["a"], link["b"]} <= group for group in members)


def test_prisma_identification_adds_up_on_the_labelled_set(tmp_path: Path) -> None:
    from samrev.literature.service import deduplicate, identification, import_files

    for name in ("medline.nbib", "embase.ris", "scopus.csv", "wos.ris", "cinahl.ris", "openalex.json"):
        copy = tmp_path / name
        shutil.copy(DEDUP / name, copy)
        import_files([copy], database=name.split(".")[0], search_date=date(2025, 1, 1), project="stor")
    summary = deduplicate("stor")
    counts = identification("stor")
    assert counts.identified == sum(counts.per_database.values()) == summary.records
    assert counts.duplicates_removed == summary.duplicates > 250
    assert counts.identified - counts.duplicates_removed == counts.after_dedup == summary.unique
    assert len(counts.searches) == 6


def test_screening_decisions_on_imported_records_with_stage_time_and_supersession() -> None:
    from samrev.core.errors import InputError
    from samrev.literature import decisions
    from samrev.literature.service import import_files
    from samrev.store import literature as store
    from samrev.store import models

    import_files([FIXTURES / "zotero.ris"], database="Zotero", search_date=date(2025, 1, 1), project="s")
    project = store.project_for("s")
    first, second = [store.record_key(row) for row in store.records(project)]
    at = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    decisions.record_decision("s", first, "kari", "include", at=at)
    decisions.record_decision("s", first, "ola", "exclude", "feil populasjon")
    changed = decisions.record_decision("s", first, "kari", "uncertain")
    decisions.record_decision("s", second, "kari", "exclude", stage="title_abstract")
    assert decisions.current_decisions("s", "kari") == [(first, "uncertain"), (second, "exclude")]
    assert decisions.current_decisions("s", "ola") == [(first, "exclude")]
    history = decisions.history("s", "kari")
    assert [item.value for item in history] == ["include", "uncertain", "exclude"] and history[0].at == at
    row = models.Judgement.objects.get(pk=changed.id)
    assert row.supersedes_id == history[0].id and row.item_type == "literature_record"
    assert row.item_id == f"s:{first}" and row.subject == "screening:title_abstract"
    assert row.provenance == "person:kari"
    assert decisions.current_decisions("s", "kari", stage="full_text") == []
    with pytest.raises(InputError):
        decisions.record_decision("s", first, "kari", "ja")
    with pytest.raises(InputError):
        decisions.record_decision("s", first, "kari", "include", stage="fulltekst")
    with pytest.raises(InputError):
        decisions.record_decision("s", first, "kari", "not_retrieved")  # only at full text


def test_review_state_from_the_store_feeds_the_literature_report(tmp_path: Path) -> None:
    from samrev.literature.decisions import record_decision
    from samrev.literature.review_state import load_review_state
    from samrev.literature.service import deduplicate, import_files, unique_records
    from samrev.store import literature as store

    for name, database in (("pubmed.nbib", "MEDLINE"), ("scopus.ris", "Scopus")):
        import_files([FIXTURES / name], database=database, search_date=date(2025, 3, 3), query="lms", project="r")
    summary = deduplicate("r")
    rows = unique_records("r")
    assert len(rows) == summary.unique == 5
    duplicate = summary.groups[0]["duplicates"][0]["id"]
    assert duplicate not in {row.pk for row in rows}
    keys = [store.record_key(row) for row in rows]
    for index, key in enumerate(keys):
        decision = "include" if index < 2 else "exclude"
        record_decision("r", key, "kari", decision)
        record_decision("r", key, "ola", decision)
    record_decision("r", keys[0], "kari", "include", stage="full_text")
    record_decision("r", keys[1], "kari", "not_retrieved", stage="full_text")
    record_decision("r", str(duplicate), "kari", "uncertain")
    record_decision("r", str(duplicate), "ola", "exclude")  # a removed duplicate: not counted
    path = tmp_path / "state.json"
    invoke("export-state", "--project", "r", "--output", str(path), "--question", "Hvordan samarbeider de?")
    state = load_review_state(path)
    assert [batch.database for batch in state.batches] == ["MEDLINE", "Scopus"]
    assert [item.record.record_id for item in state.included] == [str(rows[0].pk)]
    counts = state.prisma()
    assert sum(source.records for source in counts.sources) == 6 and counts.duplicates_removed == 1
    assert counts.records_screened == 5 and counts.records_excluded == 3 and counts.reports_sought == 2
    assert counts.reports_not_retrieved == 1 and counts.studies_included == 1
