"""`samrev agreements collect`: records on stdout, summary on stderr, exit status, bad manifests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from samrev.cli.app import app
from tests.agreements.local_site import Reply, Site

runner = CliRunner()
HEADER = "file,health_trust,municipality,url,retrieved\n"
FAST = ["--timeout", "2", "--retries", "0", "--delay", "0"]


def test_collect_prints_one_record_per_row_and_goes_on(site: Site, tmp_path: Path) -> None:
    ok = site.route("/a.pdf", Reply(body=b"%PDF-1.4 a"))
    missing = site.route("/b.pdf", Reply(404))
    manifest = tmp_path / "avtaler.csv"
    manifest.write_text(HEADER + f"a.pdf,Helse Bergen,Bergen,{ok},\nb.pdf,,,{missing},\nc.pdf,,,,\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["agreements", "collect", str(manifest), *FAST])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["file"], r["status"], r["http_status"]) for r in records] == [("a.pdf", "ok", 200),
                                                                           ("b.pdf", "failed", 404)]
    assert records[1]["error"]["code"] == "COLLECT_HTTP_STATUS"
    assert (tmp_path / "avtaler-nedlastet" / "a.pdf").read_bytes() == b"%PDF-1.4 a"
    summary = " ".join(result.stderr.split())  # rich wraps lines at the terminal width
    assert "1 lastet ned, 0 hoppet over" in summary and "1 mislyktes, 1 rad(er) uten url" in summary
    again = runner.invoke(app, ["agreements", "collect", str(manifest), *FAST, "--format", "table",
                                "--out", str(tmp_path / "avtaler-nedlastet")])
    assert again.exit_code == 0
    assert "Nedlasting av avtaler" in again.stdout and "hoppet over" in again.stdout
    assert site.hits("/a.pdf") == 1 and site.hits("/b.pdf") == 2


def test_exit_status_is_non_zero_only_when_every_download_failed(site: Site, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(HEADER + f"a.pdf,,,{site.route('/a', Reply(404))},\nb.pdf,,,{site.base}/b,\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["agreements", "collect", str(manifest), *FAST, "-o", str(tmp_path / "ut")])
    assert result.exit_code == 1 and "2 mislyktes" in " ".join(result.stderr.split())
    (tmp_path / "tom.csv").write_text(HEADER + "a.pdf,,,,\n", encoding="utf-8")
    result = runner.invoke(app, ["agreements", "collect", str(tmp_path / "tom.csv")])
    assert result.exit_code == 1 and "Ingen rader i manifestet har url" in " ".join(result.stderr.split())


def test_bad_manifest_goes_through_the_one_error_handler(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("fil;url\na.pdf;https://example.org/a.pdf\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "samrev", "agreements", "collect", str(manifest)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert "MANIFEST_MISSING_COLUMN" in result.stderr and "m.csv" in result.stderr and "«file»" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_format_option(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(HEADER + "a.pdf,,,,\n", encoding="utf-8")
    result = runner.invoke(app, ["agreements", "collect", str(manifest), "--format", "xml"])
    assert result.exit_code != 0 and not (tmp_path / "m-nedlastet").exists()
