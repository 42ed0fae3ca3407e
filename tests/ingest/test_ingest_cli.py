"""`samrev ingest`: one record per file, stored once per content, exit status by failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from samrev.ingest.fixtures import text_file
from samrev.ingest.fixtures_pdf import text_pdf


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "samrev"
    return subprocess.run([str(exe), "ingest", *args], capture_output=True, text=True, check=False,
                          env={"SAMREV_HOME": str(home), "PATH": "/usr/bin:/bin", "COLUMNS": "200"})


def test_records_storage_and_versions(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pdf = text_pdf(tmp_path / "avtale.pdf")
    txt = text_file(tmp_path / "notat.txt", "cp1252")
    first = run(str(pdf), str(txt), str(tmp_path / "mangler.pdf"), home=home)
    records = [json.loads(line) for line in first.stdout.splitlines()]
    assert first.returncode == 0 and [r["file"] for r in records] == [str(pdf), str(txt), str(tmp_path / "mangler.pdf")]
    assert records[0]["format"] == "pdf" and records[0]["pages"] == 3 and records[0]["language"] == "nb"
    assert records[0]["page_ranges"][0][0] == 0 and records[0]["passages"] > 0
    assert records[1]["language"] == "nb" and records[1]["error"] is None
    assert records[2]["error"]["code"] == "unreadable"
    assert "2 nye dokumenter" in first.stderr
    again = run(str(pdf), home=home)
    assert again.returncode == 0 and "0 nye dokumenter" in again.stderr
    txt.write_text(txt.read_text(encoding="cp1252") + "\nEndret.\n", encoding="cp1252")
    changed = run(str(txt), home=home)
    assert "1 nye dokumenter" in changed.stderr
    all_failed = run(str(tmp_path / "mangler.pdf"), home=home)
    assert all_failed.returncode == 1 and "Traceback" not in all_failed.stderr
