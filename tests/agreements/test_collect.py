"""Downloading the agreements of a manifest from a local web site (127.0.0.1; no outside network)."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import socket
import stat
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from samrev.agreements import fetch
from samrev.agreements.collect import (
    STATE_FILE,
    CollectOptions,
    DownloadRecord,
    PlannedDownload,
    collect,
    content_note,
    default_out_dir,
    interleave_by_host,
    load_state,
    merge_state,
    plan_downloads,
    safe_target,
)
from samrev.agreements.fetch import Fetcher, HostThrottle, backoff_delay, parse_retry_after
from samrev.agreements.manifest import ManifestRow
from samrev.core.errors import UnsafeFileName
from tests.agreements.local_site import Reply, Site

FAST = CollectOptions(timeout=2.0, retries=2, delay=0.0, backoff=0.01, max_backoff=0.05)
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def row(file: str, url: str, line: int = 2) -> ManifestRow:
    return ManifestRow(line=line, file=file, health_trust="", municipality="", url=url, retrieved=None,
                       health_trust_code=None, municipality_codes=())


def run(rows: list[ManifestRow], out: Path, options: CollectOptions = FAST, **kwargs: Any) -> list[DownloadRecord]:
    return list(collect(rows, out, options=options, **kwargs))


def state_lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / STATE_FILE).read_text(encoding="utf-8").splitlines()]


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*.part"))


def test_download_saves_file_with_hash_and_state(site: Site, tmp_path: Path) -> None:
    url = site.route("/avtaler/a.pdf", Reply(body=PDF, headers={"Content-Type": "application/pdf"}))
    out = tmp_path / "ut"
    [record] = run([row("sub/a.pdf", url)], out)
    assert record.status == "ok" and record.error is None and record.http_status == 200
    assert (out / "sub" / "a.pdf").read_bytes() == PDF
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((out / "sub" / "a.pdf").stat().st_mode) == 0o666 & ~mask  # not the temporary's 0600
    assert record.content_hash == hashlib.sha256(PDF).hexdigest() and record.bytes == len(PDF)
    assert record.content_type == "application/pdf" and record.final_url == url and record.attempts == 1
    assert datetime.fromisoformat(record.retrieved or "").tzinfo is not None
    [saved] = state_lines(out)
    assert {k: saved[k] for k in ("file", "url", "status", "http_status", "content_hash", "bytes", "error")} == {
        "file": "sub/a.pdf", "url": url, "status": "ok", "http_status": 200,
        "content_hash": record.content_hash, "bytes": len(PDF), "error": None}
    assert saved["retrieved"] == record.retrieved
    headers = site.log[0][1]
    assert headers["User-Agent"].startswith("samrev/") and "samarbeidsavtaler" in headers["User-Agent"]


def test_404_is_reported_and_the_batch_goes_on(site: Site, tmp_path: Path) -> None:
    missing = site.route("/borte.pdf", Reply(404, b"nei"))
    present = site.route("/her.pdf", Reply(body=PDF))
    first, second = run([row("borte.pdf", missing, 2), row("her.pdf", present, 3)], tmp_path)
    assert first.status == "failed" and first.http_status == 404 and first.line == 2
    assert first.error is not None and first.error["code"] == "COLLECT_HTTP_STATUS"
    assert missing in first.error["message"] and "finnes ikke" in first.error["message"]
    assert site.hits("/borte.pdf") == 1  # a 404 is not retried
    assert not (tmp_path / "borte.pdf").exists()
    assert second.status == "ok" and (tmp_path / "her.pdf").read_bytes() == PDF
    assert [line["status"] for line in state_lines(tmp_path)] == ["failed", "ok"]


def test_503_then_success_is_retried(site: Site, tmp_path: Path) -> None:
    url = site.route("/a.pdf", Reply(503, b"opptatt"), Reply(502), Reply(body=PDF))
    [record] = run([row("a.pdf", url)], tmp_path)
    assert record.status == "ok" and record.attempts == 3 and site.hits("/a.pdf") == 3


def test_retries_run_out(site: Site, tmp_path: Path) -> None:
    url = site.route("/a.pdf", Reply(500))
    [record] = run([row("a.pdf", url)], tmp_path)
    assert record.status == "failed" and record.http_status == 500 and site.hits("/a.pdf") == 3
    assert record.attempts == 3 and record.error is not None and "intern feil" in record.error["message"]


class FakeTime:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now, self.slept = 1000.0, []  # type: ignore[var-annotated]

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("retry_after", ["7", "date"])
def test_429_waits_as_long_as_retry_after_asks(site: Site, tmp_path: Path, retry_after: str) -> None:
    if retry_after == "date":
        retry_after = format_datetime(datetime.now(UTC) + timedelta(seconds=8), usegmt=True)
    url = site.route("/a.pdf", Reply(429, headers={"Retry-After": retry_after}), Reply(body=PDF))
    fake = FakeTime()
    [record] = run([row("a.pdf", url)], tmp_path, fetcher=Fetcher(FAST, sleep=fake.sleep, clock=fake.clock))
    assert record.status == "ok" and site.hits("/a.pdf") == 2
    assert len(fake.slept) == 1 and 6 <= fake.slept[0] <= 8


def test_retry_after_beyond_the_limit_fails_at_once(site: Site, tmp_path: Path) -> None:
    url = site.route("/a.pdf", Reply(503, headers={"Retry-After": "86400"}))
    [record] = run([row("a.pdf", url)], tmp_path)
    assert record.status == "failed" and record.http_status == 503 and site.hits("/a.pdf") == 1
    assert record.error is not None and "vente 86400 sekunder" in record.error["message"]


def test_slow_response_times_out(site: Site, tmp_path: Path) -> None:
    url = site.route("/treg.pdf", Reply(body=PDF, delay=1.0))
    options = CollectOptions(timeout=0.2, retries=0, delay=0.0)
    [record] = run([row("treg.pdf", url)], tmp_path, options)
    assert record.status == "failed" and record.error is not None
    assert record.error["code"] == "COLLECT_TIMEOUT" and url in record.error["message"]
    assert "0.2 sekunder" in record.error["message"]
    assert not (tmp_path / "treg.pdf").exists() and leftovers(tmp_path) == []


def test_a_trickling_body_is_cut_off(site: Site, tmp_path: Path) -> None:
    url = site.route("/drypp.pdf", Reply(body=b"%PDF" + b"x" * 200, trickle=0.02))
    options = CollectOptions(timeout=1.0, retries=2, delay=0.0, max_duration=0.3)
    [record] = run([row("drypp.pdf", url)], tmp_path, options)
    assert record.status == "failed" and record.error is not None and record.error["code"] == "COLLECT_TIMEOUT"
    assert "for sakte" in record.error["message"] and site.hits("/drypp.pdf") == 1
    assert not (tmp_path / "drypp.pdf").exists() and leftovers(tmp_path) == []


def test_redirects_are_followed_and_loops_refused(site: Site, tmp_path: Path) -> None:
    start = site.route("/gammel", Reply(301, headers={"Location": "/mellom"}))
    site.route("/mellom", Reply(302, headers={"Location": site.base + "/ny.pdf"}))
    site.route("/ny.pdf", Reply(body=PDF))
    loop = site.route("/rundt", Reply(302, headers={"Location": "/rundt"}))
    moved, looping = run([row("a.pdf", start, 2), row("b.pdf", loop, 3)], tmp_path)
    assert moved.status == "ok" and moved.final_url == site.base + "/ny.pdf" and moved.http_status == 200
    assert (tmp_path / "a.pdf").read_bytes() == PDF
    assert looping.status == "failed" and looping.error is not None
    assert looping.error["code"] == "COLLECT_REDIRECTS" and site.hits("/rundt") == FAST.max_redirects + 1


def test_rerun_skips_what_is_done_and_repairs_what_changed(site: Site, tmp_path: Path) -> None:
    rows = [row("a.pdf", site.route("/a.pdf", Reply(body=PDF)), 2),
            row("b.pdf", site.route("/b.pdf", Reply(body=b"B" * 1000)), 3),
            row("c.pdf", site.route("/c.pdf", Reply(500), Reply(500), Reply(500), Reply(body=b"C")), 4)]
    first = run(rows, tmp_path)
    assert [r.status for r in first] == ["ok", "ok", "failed"]
    second = run(rows, tmp_path)
    assert [(r.file, r.status) for r in second] == [("a.pdf", "skipped"), ("b.pdf", "skipped"), ("c.pdf", "ok")]
    assert (site.hits("/a.pdf"), site.hits("/b.pdf"), site.hits("/c.pdf")) == (1, 1, 4)
    assert second[0].content_hash == first[0].content_hash and second[0].line == 2
    third = run(rows, tmp_path)
    assert [r.status for r in third] == ["skipped"] * 3 and len(site.log) == 6
    (tmp_path / "b.pdf").write_bytes(b"B" * 500)  # truncated by someone
    (tmp_path / "a.pdf").unlink()
    fourth = run(rows, tmp_path)
    assert sorted((r.file, r.status) for r in fourth) == [("a.pdf", "ok"), ("b.pdf", "ok"), ("c.pdf", "skipped")]
    repaired = next(r for r in fourth if r.file == "b.pdf")
    assert repaired.note is not None and "var endret" in repaired.note  # replaced, but not silently
    assert next(r for r in fourth if r.file == "a.pdf").note is None
    assert (tmp_path / "b.pdf").read_bytes() == b"B" * 1000 and (tmp_path / "a.pdf").read_bytes() == PDF


def test_changed_url_is_downloaded_again(site: Site, tmp_path: Path) -> None:
    run([row("a.pdf", site.route("/v1.pdf", Reply(body=b"v1")))], tmp_path)
    [record] = run([row("a.pdf", site.route("/v2.pdf", Reply(body=b"v2")))], tmp_path)
    assert record.status == "ok" and (tmp_path / "a.pdf").read_bytes() == b"v2"


def test_connection_cut_mid_body_leaves_no_file(site: Site, tmp_path: Path) -> None:
    url = site.route("/a.pdf", Reply(body=PDF, cut=1000))
    [record] = run([row("a.pdf", url)], tmp_path)
    assert record.status == "failed" and record.error is not None
    assert record.error["code"] == "COLLECT_CONNECTION" and site.hits("/a.pdf") == 3
    assert not (tmp_path / "a.pdf").exists() and leftovers(tmp_path) == []


def test_interrupted_download_leaves_no_partial_file(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.route("/a.pdf", Reply(body=PDF))

    def interrupted(response: Any, handle: Any, deadline: float | None = None) -> tuple[str, int]:
        handle.write(response.read(100))
        raise KeyboardInterrupt

    monkeypatch.setattr(fetch, "copy_stream", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run([row("a.pdf", url)], tmp_path)
    assert not (tmp_path / "a.pdf").exists() and leftovers(tmp_path) == []
    assert load_state(tmp_path) == {}
    monkeypatch.undo()
    [record] = run([row("a.pdf", url)], tmp_path)
    assert record.status == "ok" and (tmp_path / "a.pdf").read_bytes() == PDF


@pytest.mark.parametrize("name", ["../a.pdf", "sub/../../a.pdf", "/tmp/a.pdf", "C:\\a.pdf", "\\\\server\\a.pdf",
                                  "..\\a.pdf", "a\x00.pdf", STATE_FILE, "  "])
def test_unsafe_names_are_refused_and_nothing_fetched(site: Site, tmp_path: Path, name: str) -> None:
    out = tmp_path / "ut"
    bad = site.route("/bad.pdf", Reply(body=b"evil"))
    good = site.route("/good.pdf", Reply(body=PDF))
    records = run([row(name, bad, 2), row("good.pdf", good, 3)], out)
    refused = next(r for r in records if r.line == 2)
    assert refused.status == "failed" and refused.error is not None
    assert refused.error["code"] == "COLLECT_UNSAFE_NAME" and bad in refused.error["message"]
    assert site.hits("/bad.pdf") == 0 and not (tmp_path / "a.pdf").exists()
    assert next(r for r in records if r.line == 3).status == "ok"


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    (out / "lenke").symlink_to(tmp_path)
    with pytest.raises(UnsafeFileName):
        safe_target(out, "lenke/a.pdf")
    assert safe_target(out, "./sub\\a.pdf") == out / "sub" / "a.pdf"


def test_a_file_samrev_did_not_download_is_not_overwritten(site: Site, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"analytikerens egen fil")
    (tmp_path / "b.pdf").write_bytes(PDF)
    a, b = run([row("a.pdf", site.route("/a.pdf", Reply(body=PDF)), 2),
                row("b.pdf", site.route("/b.pdf", Reply(body=PDF)), 3)], tmp_path)
    assert a.status == "failed" and a.error is not None and a.error["code"] == "COLLECT_FILE_EXISTS"
    assert (tmp_path / "a.pdf").read_bytes() == b"analytikerens egen fil" and leftovers(tmp_path) == []
    assert b.status == "ok"  # the same content: nothing is lost


def test_bad_urls_and_refused_connections(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    ftp, refused = run([row("a.pdf", "ftp://example.org/a.pdf", 2),
                        row("b.pdf", f"http://127.0.0.1:{closed_port}/b.pdf", 3)], tmp_path)
    assert ftp.error is not None and ftp.error["code"] == "COLLECT_BAD_URL" and "linje 2" in ftp.error["message"]
    assert refused.error is not None and refused.error["code"] == "COLLECT_CONNECTION"
    assert refused.attempts == FAST.retries + 1


def test_requests_to_one_host_are_spaced(site: Site, tmp_path: Path) -> None:
    rows = [row(f"{n}.pdf", site.route(f"/{n}.pdf", Reply(body=b"x")), n) for n in range(3)]
    run(rows, tmp_path, CollectOptions(timeout=2, retries=0, delay=0.25))
    times = [when for _, _, when in site.log]
    assert len(times) == 3 and all(later - earlier >= 0.24 for earlier, later in itertools.pairwise(times))


# --- pure parts ----------------------------------------------------------------------------------


def test_plan_and_interleaving() -> None:
    rows = [row("a1", "https://a.no/1"), row("a2", "https://a.no/2"), row("b1", "https://B.no/1"),
            row("none", ""), row("a3", "https://a.no/3")]
    plan = plan_downloads(rows, Path("/nonexistent-out"), {})
    assert [p.row.file for p in plan] == ["a1", "a2", "b1", "a3"] and {p.action for p in plan} == {"download"}
    assert [p.row.file for p in interleave_by_host(plan)] == ["a1", "b1", "a2", "a3"]


def test_plan_refuses_names_differing_only_in_case(tmp_path: Path) -> None:
    plan = plan_downloads([row("A.pdf", "https://a.no/1"), row("a.pdf", "https://a.no/2")], tmp_path, {})
    assert [p.action for p in plan] == ["download", "refuse"]


def test_state_merging_takes_the_last_record_and_skips_broken_lines() -> None:
    lines = [
        json.dumps({"file": "a.pdf", "url": "u", "status": "failed", "error": {"code": "X"}}),
        json.dumps({"file": "./a.pdf", "url": "u", "status": "ok", "content_hash": "h", "unknown": 1}),
        json.dumps({"file": "b.pdf", "url": "u", "status": "ok"}),
        '{"file": "b.pdf", "url": "u", "sta',  # cut short by an interruption
        "",
    ]
    state = merge_state(lines)
    assert set(state) == {"a.pdf", "b.pdf"}
    assert state["a.pdf"].status == "ok" and state["a.pdf"].content_hash == "h"


def test_retry_after_and_backoff() -> None:
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30
    assert parse_retry_after("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0
    assert parse_retry_after("snart") is None and parse_retry_after(None) is None
    options = CollectOptions(backoff=1.0, max_backoff=5.0)
    assert [backoff_delay(n, options) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]


def test_host_throttle() -> None:
    fake = FakeTime()
    throttle = HostThrottle(2.0, fake.clock, fake.sleep)
    assert throttle.wait("a") == 0 and throttle.wait("b") == 0
    assert throttle.wait("a") == 2.0
    throttle.hold("b", 10.0)
    assert throttle.wait("b") == 10.0


def test_default_out_dir_is_beside_the_manifest(tmp_path: Path) -> None:
    assert default_out_dir(tmp_path / "avtaler.csv") == tmp_path / "avtaler-nedlastet"


def test_planned_download_host() -> None:
    assert PlannedDownload(row("a", "https://WWW.Example.no:8443/x"), "download").host == "www.example.no"


def test_empty_body_and_unfollowable_redirect_fail(site: Site, tmp_path: Path) -> None:
    empty = site.route("/tom.pdf", Reply(200, b""))
    nowhere = site.route("/videre", Reply(302, b"<a>flyttet</a>"))
    first, second = run([row("tom.pdf", empty, 2), row("videre.pdf", nowhere, 3)], tmp_path)
    assert first.error is not None and first.error["code"] == "COLLECT_EMPTY" and site.hits("/tom.pdf") == 1
    assert second.error is not None and second.error["code"] == "COLLECT_HTTP_STATUS" and second.http_status == 302
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_FILE]


def test_a_web_page_saved_as_pdf_gets_a_note(site: Site, tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><body>Logg inn</body></html>"
    url = site.route("/avtale.pdf", Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
    [record] = run([row("avtale.pdf", url)], tmp_path)
    assert record.status == "ok" and record.note is not None and "nettside (HTML)" in record.note
    assert (tmp_path / "avtale.pdf").read_bytes() == page
    [again] = run([row("avtale.pdf", url)], tmp_path)
    assert again.status == "skipped" and again.note == record.note


@pytest.mark.parametrize(("file", "head", "content_type", "noted"), [
    ("a.pdf", b"%PDF-1.7\n", "application/pdf", False),
    ("a.pdf", b"\xef\xbb\xbf%PDF-1.4", None, False),  # junk before the header still opens
    ("A.PDF", b"  <html><body>", None, True),
    ("a.pdf", b"\x89PNG", "image/png", True),
    ("sub\\a.docx", b"PK\x03\x04", None, False),
    ("a.docx", b"<!doctype html>", "text/html", True),
    ("side.html", b"<!doctype html>", "text/html", False),
    ("uten-endelse", b"hva som helst", None, False),
])
def test_content_note(file: str, head: bytes, content_type: str | None, noted: bool) -> None:
    assert (content_note(file, head, content_type) is not None) is noted


def test_throttle_counts_the_delay_from_the_end_of_a_slow_request() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(1.0, clock=lambda: now[0], sleep=sleep)
    throttle.wait("a.no")
    now[0] += 0.4  # the answer took 0.4 s
    throttle.finished("a.no")
    throttle.wait("a.no")
    assert slept == [pytest.approx(1.0)]  # a full second after the answer, not 0.6 s
    throttle.finished("a.no")
    now[0] += 5.0
    assert throttle.wait("a.no") == 0.0
