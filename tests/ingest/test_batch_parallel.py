"""ingest_many: parallel processes, results in input order, progress, a crashing worker isolated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from samrev.ingest import IngestedDocument, IngestOptions, batch, ingest_file, ingest_many
from samrev.ingest.fixtures import text_pdf


@pytest.mark.parametrize("method", [None, "forkserver"])
def test_parallel_results_equal_serial_in_order(files: dict[str, Path], method: str | None) -> None:
    names = ["nb_pdf", "docx", "missing", "html", "txt_cp1252", "xyz", "nn_pdf", "odt"] * 3
    paths = [files.get(name, Path("/finnes/ikke.pdf")) for name in names]
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, record: IngestedDocument) -> None:
        seen.append((done, total, record.path))

    parallel = list(ingest_many(paths, workers=2, progress=progress, chunk_size=2, start_method=method))
    serial = [ingest_file(p) for p in paths]
    assert [r.path for r in parallel] == [str(p) for p in paths]
    assert [(r.text, r.pages, r.content_hash, r.error_record()) for r in parallel] == [
        (r.text, r.pages, r.content_hash, r.error_record()) for r in serial
    ]
    assert seen == [(i + 1, len(paths), str(p)) for i, p in enumerate(paths)]
    assert isinstance(parallel[2].error, type(serial[2].error))


_REAL_WORK = batch._work


def crash_on_marked_files(jobs: list[tuple[str, str]], options: IngestOptions,
                          after: batch.AfterHook | None = None) -> list[batch.Packed]:
    """A worker that dies (as a segfault would) on any file named *krasj*."""
    if any("krasj" in shown for _, shown in jobs):
        os._exit(11)
    return _REAL_WORK(jobs, options, after)


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_worker_crash_becomes_an_unreadable_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    good = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(6)]
    bad = tmp_path / "krasj.pdf"
    bad.write_bytes(good[0].read_bytes())
    paths = [*good[:3], bad, *good[3:]]
    monkeypatch.setattr(batch, "_work", crash_on_marked_files)  # pickled by reference to this module
    records = list(ingest_many(paths, workers=2, chunk_size=1, start_method=method))
    assert [r.path for r in records] == [str(p) for p in paths]
    assert records[3].error is not None and records[3].error.short_code == "unreadable"
    assert "krasjet" in records[3].error.message
    assert all(r.error is None for i, r in enumerate(records) if i != 3)


def test_errors_survive_the_trip_between_processes(files: dict[str, Path]) -> None:
    record = ingest_file(files["encrypted_pdf"])
    back = batch._unpack(batch._pack(record))
    assert back.error is not None and back.error.code == "INGEST_ENCRYPTED"
    assert back.error.message.startswith(f"«{files['encrypted_pdf']}»")


def test_start_method_avoids_fork_with_threads() -> None:
    import threading

    assert batch.choose_start_method() == "fork"  # pytest runs the tests on one thread
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert batch.choose_start_method() == "forkserver"
    finally:
        stop.set()
        thread.join()


class _BreaksOnThirdSubmit:
    """A pool that reports itself broken from its third submission on, as a real one does when a
    worker dies between two submissions (the race CI once hit)."""

    def __init__(self, pool: object) -> None:
        self._pool = pool
        self._submitted = 0

    def submit(self, *args: object, **kwargs: object) -> object:
        from concurrent.futures.process import BrokenProcessPool

        self._submitted += 1
        if self._submitted >= 3:
            raise BrokenProcessPool("a child process terminated abruptly")
        return self._pool.submit(*args, **kwargs)  # type: ignore[attr-defined]

    def shutdown(self, *args: object, **kwargs: object) -> None:
        self._pool.shutdown(*args, **kwargs)  # type: ignore[attr-defined]


def test_pool_broken_between_submissions_loses_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(7)]
    real_new_pool = batch._new_pool
    made: list[int] = []

    def new_pool(workers: int, method: str | None) -> object:
        made.append(workers)
        pool = real_new_pool(workers, method)
        return _BreaksOnThirdSubmit(pool) if len(made) == 1 else pool

    monkeypatch.setattr(batch, "_new_pool", new_pool)
    records = list(ingest_many(paths, workers=2, chunk_size=1))
    assert [r.path for r in records] == [str(p) for p in paths]
    assert all(r.error is None and r.text for r in records)
    assert len(made) >= 2  # the broken pool was replaced


def test_idle_screening_pool_threads_do_not_rule_out_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screening model's product threads wait idle on their queue between products; a batch
    started afterwards in the same process still forks its workers."""
    import numpy as np
    from scipy import sparse

    from samrev.literature import model

    monkeypatch.setattr(model, "PARALLEL_FROM", 10)
    monkeypatch.setattr(model, "_cores", lambda: 2)
    matrix = sparse.random(50, 20, density=0.3, format="csr", random_state=1)
    blocks = model._row_blocks(matrix)
    assert len(blocks) == 2
    model._product(blocks, np.ones(20))
    assert any(t.name.startswith("samrev-pool") for t in __import__("threading").enumerate())
    assert batch.choose_start_method() == "fork"
