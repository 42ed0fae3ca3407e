"""A round in the store: import (idempotent), verification by CLI and by spreadsheet, summary."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .round_texts import DRAFT, SIGNED


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "runde"
    folder.mkdir()
    (folder / "delavtale2_kinn.txt").write_text(SIGNED, encoding="utf-8")
    (folder / "ta10_sunnfjord.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    return [str(folder)]


def _import(files: list[str], **kwargs: Any) -> Any:
    from samrev.agreements.review import import_round

    return import_round(files, "Runde 2026", workers=1, **kwargs)


@pytest.mark.django_db
def test_import_is_idempotent_and_keeps_failed_files(files: list[str]) -> None:
    from samrev.agreements.review import round_facts
    from samrev.store import models

    first = _import(files)
    assert (first.files, first.new_in_round, first.failed) == (3, 3, 1)
    again = _import(files)
    assert (again.new_in_round, again.already_in_round, again.reused, again.assessed) == (0, 3, 2, 1)
    assert models.DocumentSource.objects.filter(round__name="Runde 2026").count() == 3
    facts = {Path(f.file).name: f for f in round_facts("Runde 2026")}
    assert facts["tom.pdf"].error is not None and facts["tom.pdf"].error["code"] == "empty"
    assert facts["delavtale2_kinn.txt"].value("signature") == "signed"
    assert facts["ta10_sunnfjord.txt"].value("signature") == "unsigned"


@pytest.mark.django_db
def test_verify_keeps_the_machine_value_and_changes_the_summary(files: list[str]) -> None:
    from samrev.agreements.review import queue, round_facts, verify_field
    from samrev.agreements.summary import summarise
    from samrev.core.errors import InputError
    from samrev.store import models

    _import(files)
    before = summarise(round_facts("Runde 2026"), today=date(2026, 11, 27))
    assert before["signature"]["signed"] == 1
    result = verify_field("ta10_sunnfjord.txt", "signature", "signed", by="kari", note="signert i arkivet",
                          round_name="Runde 2026")
    assert result["old"] == "unsigned" and result["new"] == "signed" and not result["confirmed"]
    after = summarise(round_facts("Runde 2026"), today=date(2026, 11, 27))
    assert after["signature"]["signed"] == 2 and after["verification"]["verified_values"] == 1
    history = models.Judgement.objects.filter(subject="signature", item_id__in=models.DocumentSource.objects.filter(
        path__endswith="ta10_sunnfjord.txt").values("document__content_hash")).order_by("id")
    assert [j.value for j in history] == ["unsigned", "signed"] and history[1].supersedes_id == history[0].pk
    assert models.AuditEvent.objects.filter(action="judgement.corrected").count() == 1
    assert all(item.field != "signature" or not item.file.endswith("ta10_sunnfjord.txt")
               for item in queue("Runde 2026"))
    confidences = [item.confidence for item in queue("Runde 2026") if item.confidence is not None]
    assert confidences == sorted(confidences)
    with pytest.raises(InputError, match="0, 1, 2 eller 3"):
        verify_field("delavtale2_kinn.txt", "lms_level", "4", by="kari", round_name="Runde 2026")
    with pytest.raises(InputError, match="finner ikke"):
        verify_field("finst_ikkje.txt", "lms_level", "2", by="kari", round_name="Runde 2026")


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_verification_round_trip_through_a_spreadsheet(files: list[str], tmp_path: Path, suffix: str) -> None:
    from openpyxl import load_workbook

    from samrev.agreements.review import round_facts, verify_field
    from samrev.agreements.sheets import export_verifications, import_verifications
    from samrev.agreements.summary import summarise
    from samrev.store import models

    _import(files)
    sheet = tmp_path / f"verifisering{suffix}"
    count = export_verifications("Runde 2026", sheet)
    assert count == 2 * 12  # two assessed documents, every field
    edits = {("ta10_sunnfjord.txt", "signature"): "signed", ("ta10_sunnfjord.txt", "lms_level"): "ok",
             ("delavtale2_kinn.txt", "commitment"): "ok", ("delavtale2_kinn.txt", "kind"): "delavtale"}
    if suffix == ".xlsx":
        book = load_workbook(sheet)
        ws = book["Verifisering"]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            cells = dict(zip(header, row, strict=True))
            key = (Path(str(cells["file"].value)).name, cells["field"].value)
            if key in edits:
                cells["new_value"].value = edits[key]
                cells["verified_by"].value = "ola"
        book.save(sheet)
    else:
        with sheet.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            key = (Path(row["file"]).name, row["field"])
            if key in edits:
                row["new_value"], row["verified_by"] = edits[key], "ola"
        with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
    # meanwhile someone else changes the Kinn agreement's commitment in the CLI
    machine = round_facts("Runde 2026")[0].value("commitment")
    verify_field("delavtale2_kinn.txt", "commitment", "low" if machine == "high" else "high", by="kari",
                 round_name="Runde 2026")
    machine_kind = models.Judgement.objects.filter(subject="kind").count()
    result = import_verifications(sheet)
    assert result["applied"] == 3 and result["corrected"] >= 1 and result["errors"] == []
    # the sheet's value came after kari's change: reported as a conflict, kept in the audit log
    assert [c["field"] for c in result["conflicts"]] == ["commitment"]
    assert models.AuditEvent.objects.filter(action="verification.conflict").count() == 1
    facts = {Path(f.file).name: f for f in round_facts("Runde 2026")}
    assert facts["ta10_sunnfjord.txt"].value("signature") == "signed"
    assert facts["ta10_sunnfjord.txt"].sources["lms_level"] == "person"
    assert facts["delavtale2_kinn.txt"].sources["kind"] == "person"
    assert models.Judgement.objects.filter(subject="kind").count() == machine_kind + 1
    summary = summarise(list(facts.values()), today=date(2026, 11, 27))
    assert summary["signature"]["signed"] == 2 and summary["verification"]["verified_values"] == 4
    assert facts["delavtale2_kinn.txt"].value("commitment") != machine  # kari's value stands
    again = import_verifications(sheet)
    assert again["applied"] == 0 and again["unchanged"] == 3 and len(again["conflicts"]) == 1


@pytest.mark.django_db
def test_a_bad_sheet_names_the_problem(tmp_path: Path, files: list[str]) -> None:
    from samrev.agreements.sheets import import_verifications
    from samrev.core.errors import InputError

    _import(files)
    bad = tmp_path / "feil.csv"
    bad.write_text("judgement_id,field\n1,lms_level\n", encoding="utf-8")
    with pytest.raises(InputError, match="mangler kolonnene"):
        import_verifications(bad)
    rows = tmp_path / "rader.csv"
    rows.write_text("judgement_id,field,current_value,new_value,verified_by\n999999,lms_level,1,2,ola\n"
                    "1,language,nb,xx,ola\n", encoding="utf-8")
    result = import_verifications(rows)
    assert result["applied"] == 0 and [e["row"] for e in result["errors"]] == [2, 3]


@pytest.mark.django_db
def test_manifest_parties_override_the_text_and_verification_overrides_both(files: list[str],
                                                                            tmp_path: Path) -> None:
    from samrev.agreements.manifest import read_manifest
    from samrev.agreements.review import round_facts, verify_field
    from samrev.store import models

    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file;health_trust;municipality;url;retrieved\n"
        "delavtale2_kinn.txt;Helse Førde;\"Stad; Bremanger\";https://www.kinn.kommune.no/avtale.txt;01.10.2026\n"
        "mangler.pdf;Helse Førde HF;Kinn;https://example.no/mangler.pdf;2026-10-01\n", encoding="cp1252")
    result = _import(files, manifest=read_manifest(manifest))
    assert result.manifest_matched == 1 and result.manifest_unmatched == ["mangler.pdf"]
    facts = {Path(f.file).name: f for f in round_facts("Runde 2026")}
    kinn = facts["delavtale2_kinn.txt"]
    assert kinn.value("municipalities") == ["Bremanger", "Stad"] and kinn.sources["municipalities"] == "manifest"
    assert kinn.value("health_trust") == "Helse Førde HF"
    assert facts["ta10_sunnfjord.txt"].sources["municipalities"] == "machine"
    source = models.DocumentSource.objects.get(round__name="Runde 2026", path__endswith="delavtale2_kinn.txt")
    assert source.url == "https://www.kinn.kommune.no/avtale.txt" and source.retrieved is not None
    assert _import(files, manifest=read_manifest(manifest)).new_in_round == 0
    assert models.Judgement.objects.filter(provenance="rule:manifest").count() == 2  # not again on re-import
    verify_field("delavtale2_kinn.txt", "municipalities", "Kinn", by="kari", round_name="Runde 2026")
    assert {Path(f.file).name: f for f in round_facts("Runde 2026")}["delavtale2_kinn.txt"].value(
        "municipalities") == ["Kinn"]


def test_summary_cli_on_files_with_a_manifest(files: list[str], tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,health_trust,municipality\nta10_sunnfjord.txt,Helse Bergen HF,Bergen\n",
                        encoding="utf-8")
    home = tmp_path / "home"
    trained = Path(os.environ["SAMREV_HOME"]) / "models"
    if trained.is_dir():  # the passage models this test session trained: no need to train them again
        import shutil

        shutil.copytree(trained, home / "models")
    env = dict(os.environ, SAMREV_HOME=str(home))
    done = subprocess.run([sys.executable, "-m", "samrev", "agreements", "summary", *files, "--manifest",
                           str(manifest), "--format", "json", "--workers", "1"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["n_documents"] == 3 and summary["n_errors"] == 1
    assert set(summary["by_health_trust"]) >= {"Helse Bergen HF", "Helse Førde HF"}
    assert summary["by_health_trust"]["Helse Bergen HF"]["n_documents"] == 1
    assert 0 <= summary["signature"]["share_signed_ci95"][0] <= summary["signature"]["share_signed"]
