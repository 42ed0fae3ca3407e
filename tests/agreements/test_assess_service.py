"""assess_paths: spec records in input order, evidence into the ingested text, store reuse."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from samrev.agreements.model import FIELDS
from samrev.agreements.service import BatchResult, assess_paths
from samrev.ingest import ingest_file
from samrev.ingest.fixtures import docx_document, text_file
from samrev.ingest.fixtures_pdf import text_pdf

SPEC_KEYS = {"file", *FIELDS, "good_example", "evidence", "needs_ocr", "error"}


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "mappe"
    folder.mkdir()
    text_file(folder / "b.txt", "cp1252")
    text_file(folder / "a.txt", "utf-8-sig")
    return [str(text_pdf(tmp_path / "avtale.pdf")), str(folder), str(tmp_path / "finnes_ikke.pdf"),
            str(docx_document(tmp_path / "utkast.docx"))]


@pytest.mark.django_db
def test_records_follow_the_spec_and_the_input_order(inputs: list[str]) -> None:
    result = BatchResult(given=inputs)
    records = [a.to_record() for a in assess_paths(inputs, workers=2, result=result)]
    folder = inputs[1]
    assert [r["file"] for r in records] == [inputs[0], f"{folder}/a.txt", f"{folder}/b.txt", inputs[2], inputs[3]]
    assert all(set(r) == SPEC_KEYS for r in records)
    assert records[3]["error"]["code"] == "unreadable" and "finnes ikke" in records[3]["error"]["message"]
    assert result.failed == 1 and result.assessed == 5
    assert records[4]["signature"] == "unsigned"  # the DOCX fixture has UTKAST in its header
    for record in records:
        if record["error"]:
            continue
        text = ingest_file(record["file"]).text
        for spans in record["evidence"].values():
            for span in spans:
                assert text[span["start"]:span["end"]] == span["text"]


@pytest.mark.django_db
def test_unchanged_files_reuse_stored_judgements(inputs: list[str]) -> None:
    first = [a.to_record() for a in assess_paths(inputs[:1], workers=1)]
    again = BatchResult(given=inputs[:1])
    second = [a.to_record() for a in assess_paths(inputs[:1], workers=1, result=again)]
    assert again.reused == 1 and again.assessed == 0
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "samrev"
    return subprocess.run([str(exe), "agreements", *args], capture_output=True, text=True, check=False,
                          env={"SAMREV_HOME": str(home), "PATH": "/usr/bin:/bin", "COLUMNS": "200"})


def test_cli_exit_status_and_formats(inputs: list[str], tmp_path: Path) -> None:
    home = tmp_path / "home"
    mixed = run_cli("assess", inputs[0], inputs[2], "--format", "jsonl", home=home)
    lines = [json.loads(line) for line in mixed.stdout.splitlines()]
    assert mixed.returncode == 0 and len(lines) == 2 and lines[1]["error"]["code"] == "unreadable"
    assert "Traceback" not in mixed.stderr
    failed = run_cli("assess", inputs[2], home=home)
    assert failed.returncode == 1 and "finnes ikke" in failed.stderr
    empty = tmp_path / "tom_mappe"
    empty.mkdir()
    nothing = run_cli("assess", str(empty), home=home)
    assert nothing.returncode == 1 and "ingen filer" in nothing.stderr
    table = run_cli("assess", inputs[0], "--format", "table", "--no-store", home=home)
    assert table.returncode == 0 and "Signatur" in table.stdout


def test_explain_shows_values_evidence_and_provenance(inputs: list[str], tmp_path: Path) -> None:
    result = run_cli("explain", inputs[3], home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "opphav: rule:signature.draft@" in result.stdout
    # the written standard: separating words decide it, or the language model when they do not
    assert re.search(r"Språk: nn\n  opphav: (?:rule:language\.separating_words@|model:lingua_markers@)", result.stdout)
    missing = run_cli("explain", str(tmp_path / "nei.pdf"), home=tmp_path / "home")
    assert missing.returncode == 2 and "INPUT_NOT_FOUND" in missing.stderr


@pytest.mark.django_db
def test_batched_storing_keeps_rows_events_and_reuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from samrev.agreements import service
    from samrev.ingest.fixture_texts import NB_PAGES, NN_PAGES
    from samrev.store import models

    files = [str(text_pdf(tmp_path / f"avtale_{i}.pdf", [[*page, f"Avtale nr. {i}"] for page in
                                                           (NB_PAGES if i % 2 else NN_PAGES)])) for i in range(5)]
    monkeypatch.setattr(service, "STORE_BATCH", 2)  # batches of two and a last one of one
    first = [a.to_record() for a in assess_paths(files, workers=1)]
    assert [r["file"] for r in first] == files
    per_document = [(e.action, e.object_id) for e in models.AuditEvent.objects.order_by("id")]
    hashes = [models.DocumentSource.objects.get(path=f).document.content_hash for f in files]
    assert sorted(per_document) == sorted((action, h) for h in hashes
                                          for action in ("document.created", "passages.saved", "judgements.recorded"))
    assert models.Judgement.objects.count() == len(files) * len(FIELDS)
    for h in hashes:  # each document's judgements, as one call per document records them
        rows = models.Judgement.objects.filter(item_id=h)
        [event] = models.AuditEvent.objects.filter(action="judgements.recorded", object_id=h)
        assert sorted(event.data["ids"]) == sorted(rows.values_list("id", flat=True))
        assert event.data["subjects"] == sorted(FIELDS)
    again = BatchResult(given=files)
    second = [a.to_record() for a in assess_paths(files, workers=1, result=again)]
    assert again.reused == len(files) and again.assessed == 0
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert models.AuditEvent.objects.count() == len(per_document)


@pytest.mark.django_db
def test_a_failing_batch_is_stored_one_file_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from samrev.core.errors import StoreIntegrityError
    from samrev.store import actions, models

    files = [str(text_pdf(tmp_path / f"avtale_{i}.pdf", [[f"Avtale nr. {i}", "Kommunen skal tilby kurs."]]))
             for i in range(3)]

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreIntegrityError(detail="prøve")

    monkeypatch.setattr(actions, "record_judgements_many", broken)
    records = [a.to_record() for a in assess_paths(files, workers=1)]
    assert [r["file"] for r in records] == files and not any(r["error"] for r in records)
    assert models.Document.objects.count() == 3
    assert models.Judgement.objects.count() == 3 * len(FIELDS)
    assert models.AuditEvent.objects.filter(action="document.created").count() == 3
