"""Workers started before their files are known (start_pool) run their set-up once, then read."""

from __future__ import annotations

import os
from pathlib import Path

from samrev.ingest import ingest_many
from samrev.ingest.batch import start_pool
from samrev.ingest.fixtures_pdf import text_pdf
from samrev.ingest.model import IngestedDocument

_set_up_in: int | None = None  # the process whose set-up ran


def set_up() -> None:
    global _set_up_in
    _set_up_in = os.getpid()


def where(document: IngestedDocument) -> None:
    document.derived["pid"] = os.getpid()
    document.derived["set_up"] = _set_up_in == os.getpid()


def test_each_worker_runs_its_set_up_before_reading(tmp_path: Path) -> None:
    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(5)]
    pool = start_pool(2, setup=set_up)
    assert pool is not None
    records = list(ingest_many(paths, after=where, chunk_size=1, pool=pool))
    assert [r.path for r in records] == [str(p) for p in paths]
    assert all(r.error is None and r.derived["set_up"] for r in records)
    assert all(r.derived["pid"] != os.getpid() for r in records)
    assert _set_up_in is None  # not here


def test_a_started_pool_reads_a_single_file_too_and_closes_without_files(tmp_path: Path) -> None:
    pool = start_pool(2, setup=set_up)
    assert pool is not None
    [record] = ingest_many([text_pdf(tmp_path / "avtale.pdf")], after=where, pool=pool)
    assert record.derived["set_up"] and record.derived["pid"] != os.getpid()
    unused = start_pool(2, setup=set_up)
    assert unused is not None
    assert list(ingest_many([], pool=unused)) == []
    closed = start_pool(2, setup=set_up)
    assert closed is not None
    closed.close()
    assert start_pool(1, setup=set_up) is None  # one worker: everything runs in the caller
