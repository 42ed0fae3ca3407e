"""Ingesting many files in parallel processes, results in input order.

Files go to a :class:`~concurrent.futures.ProcessPoolExecutor` in chunks (paths, never bytes:
each worker reads its own files once) that shrink towards the end of the batch, so the workers
finish together instead of one of them reading a last big chunk alone.  Workers are forked
from this process while it runs a single thread (the quickest start), else from a forkserver that
has already imported the PDF reader, so no thread of the caller (a progress bar, say) is copied
into a worker; either way a worker freezes what it inherited out of the garbage collector's reach
(:func:`_worker_init`).  A few chunks per worker are in flight at a time, so memory stays flat on a
national corpus, and results are yielded as soon as the next file in input order is done.

A worker that dies (a segfault in a PDF library, the OOM killer) takes its pool with it: the
chunks it had are re-run one file per fresh process, the file that kills its process again gets
an ``unreadable`` record, and the batch goes on with a new pool.

OCR runs inside the worker that reads the file; its pages go to single-threaded Tesseract
processes side by side, at most one per core across all workers (a shared semaphore), so a
batch of one long scan uses every core and a batch of many keeps them busy without oversubscribing
(see :mod:`samrev.ingest.ocr`).  Pages are cached by image hash, so an interrupted batch resumes
without redoing OCR.

When workers come from a forkserver, a script that calls :func:`ingest_many` must guard its entry
point with ``if __name__ == "__main__":`` (as console scripts do), or each worker re-runs it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from samrev.core import errors as error_module
from samrev.core.errors import IngestError, UnreadableFile
from samrev.core.model import Passage
from samrev.core.threads import other_threads
from samrev.ingest.dispatch import IngestOptions
from samrev.ingest.model import IngestedDocument
from samrev.ingest.ocr import ocr_parallelism, set_slots
from samrev.ingest.paths import expand_paths, resolve
from samrev.ingest.service import fail, ingest_file

ProgressCallback = Callable[[int, int, IngestedDocument], None]
#: Runs on each ingested document inside the worker that read it (a module-level function, so it
#: pickles by reference); it may put its results in ``document.derived``.  An exception it raises
#: is kept as ``document.derived["after_error"]`` and the batch goes on.
AfterHook = Callable[[IngestedDocument], None]
Job = tuple[str, str]  # (file to read, name to show)
Packed = tuple[IngestedDocument, str | None, dict[str, Any]]
_PRELOAD = ["samrev.ingest.batch", "samrev.ingest.readers.pdf", "pypdfium2", "charset_normalizer"]


def _pack(document: IngestedDocument) -> Packed:
    """What a worker sends back for ``document``.  Exceptions with keyword-only constructors do not
    unpickle: their class name and fields travel instead.  Passages cut from the document's own
    text travel as their locations only (:func:`_compact_passages`)."""
    error = document.error
    document.error = None
    _compact_passages(document)
    if error is None:
        return document, None, {}
    return document, type(error).__name__, dict(error.data_fields)


def _unpack(packed: Packed) -> IngestedDocument:
    document, error_name, fields = packed
    if error_name is not None:
        cls = getattr(error_module, error_name, UnreadableFile)
        error: IngestError = cls(**fields) if isinstance(cls, type) and issubclass(cls, IngestError) else (
            UnreadableFile(**fields))
        document.error = error
    _expand_passages(document)
    return document


class _PassageLocations(tuple[tuple[int, int, int | None, str | None, int], ...]):
    """A document's passages as (start, end, page, language, index): their texts are slices of the
    document's text, so they need not be pickled a second time."""

    __slots__ = ()


def _compact_passages(document: IngestedDocument) -> None:
    """Replace ``derived["passages"]`` by their locations when every text is the slice of the
    document's text it says it is (as the segmenter makes them); else leave them as they are.
    Pickling thousands of small objects costs more than the rest of a document's record."""
    found = document.derived.get("passages")
    if not found or not isinstance(found, list):
        return
    text = document.text
    rows = []
    for p in found:
        if not isinstance(p, Passage) or text[p.start:p.end] != p.text:
            return
        rows.append((p.start, p.end, p.page, p.language, p.index))
    document.derived = {**document.derived, "passages": _PassageLocations(rows)}  # (a new dict: the list stays)


def _expand_passages(document: IngestedDocument) -> None:
    found = document.derived.get("passages")
    if isinstance(found, _PassageLocations):
        text = document.text
        document.derived["passages"] = [Passage(start=start, end=end, text=text[start:end], page=page,
                                                language=language, index=index)
                                        for start, end, page, language, index in found]


def _one(file: str, shown: str, options: IngestOptions, after: AfterHook | None) -> IngestedDocument:
    document = ingest_file(file, options=options, shown=shown)
    if after is not None:
        try:
            after(document)
        except Exception as exc:  # a bug in the hook must not stop the batch
            document.derived["after_error"] = f"{type(exc).__name__}: {exc}"
    return document


def _work(jobs: list[Job], options: IngestOptions, after: AfterHook | None = None) -> list[Packed]:
    """Worker: ingest a chunk of files (runs in a pool process)."""
    return [_pack(_one(file, shown, options, after)) for file, shown in jobs]


def _worker_init(slots: Any) -> None:
    # Everything the worker inherited (the caller's modules and objects: a CLI's is large) goes to
    # the collector's permanent generation.  Else each full collection in the worker walks all of it,
    # writing to every inherited page (copy-on-write): a tenth of a second per worker on a batch.
    # Freezing only moves list heads; what the worker allocates itself is collected as usual.
    gc.freeze()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    set_slots(slots)


def choose_start_method(requested: str | None = None) -> str:
    """``fork`` while this process has one thread (fastest start), else ``forkserver``.

    Forking a process that runs other threads (a progress bar's, say) can copy a lock some thread
    holds into the child; a forkserver child starts from a clean process instead.  samrev's own
    pool threads, idle whenever this thread runs, do not count (:mod:`samrev.core.threads`).
    """
    methods = multiprocessing.get_all_start_methods()
    if requested:
        return requested
    if "fork" in methods and other_threads() == 0:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context(method: str) -> Any:
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    elif method == "fork":
        import pypdfium2  # type: ignore[import-untyped]  # noqa: F401  (imported once, shared by the children)
    return context


def _new_pool(workers: int, method: str | None = None) -> ProcessPoolExecutor:
    """A pool whose workers share one semaphore with a slot per core for Tesseract processes."""
    context = _context(choose_start_method(method))
    slots = context.BoundedSemaphore(ocr_parallelism())
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                               initargs=(slots,))


def _crashed(shown: str, exc: BaseException) -> IngestedDocument:
    return fail(IngestedDocument(path=shown),
                UnreadableFile(path=shown, detail=f"leseprosessen krasjet på filen ({type(exc).__name__})"))


def _isolated(job: Job, options: IngestOptions, method: str | None,
              after: AfterHook | None = None) -> IngestedDocument:
    """Re-run one file in a process of its own; a second crash makes it an ``unreadable`` record."""
    pool = _new_pool(1, method)
    try:
        return _unpack(pool.submit(_work, [job], options, after).result()[0])
    except Exception as exc:
        return _crashed(job[1], exc)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, chunk: list[Job], options: IngestOptions,
            after: AfterHook | None) -> Future[list[Packed]]:
    """``chunk`` submitted to ``pool``; if a worker has already died and broken the pool, a future
    holding that ``BrokenProcessPool``, so the chunk takes the same road as those the crash took
    down (isolated, or resubmitted to the next pool) instead of the error escaping the batch."""
    try:
        return pool.submit(_work, chunk, options, after)
    except BrokenProcessPool as exc:
        failed: Future[list[Packed]] = Future()
        failed.set_exception(exc)
        return failed


def _chunks(jobs: list[Job], workers: int, size: int | None) -> deque[list[Job]]:
    """``jobs`` in chunks of ``size``; by default each chunk a third of what is left per worker
    (at most 16 files, at least 1), so chunks shrink towards the end and no worker is left with a
    long last chunk while the others are done."""
    if size:
        return deque(jobs[i : i + size] for i in range(0, len(jobs), size))
    chunks: deque[list[Job]] = deque()
    start = 0
    while start < len(jobs):
        step = max(1, min(16, (len(jobs) - start) // (workers * 3)))
        chunks.append(jobs[start : start + step])
        start += step
    return chunks


def ingest_many(
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    options: IngestOptions | None = None,
    expand: bool = True,
    chunk_size: int | None = None,
    start_method: str | None = None,
    after: AfterHook | None = None,
    started: Callable[[], None] | None = None,
) -> Iterator[IngestedDocument]:
    """Ingest ``paths`` (folders and ZIP archives expanded) in parallel; yield records in order.

    ``workers`` defaults to the number of cores; with one worker (or one file) everything runs in
    this process.  ``progress(done, total, record)`` is called after each record, in order.
    ``start_method`` (``fork``, ``forkserver``, ``spawn``) overrides :func:`choose_start_method`'s choice.
    ``after`` runs on each document in the worker that read it (see :data:`AfterHook`).
    ``started()`` runs once in this process, when the workers have their first files and before the
    first record is waited for: set-up the caller needs only for the records (a database, say)
    then costs no time of its own.  (Without workers it runs before the first file is read.)
    """
    options = options or IngestOptions()
    items = expand_paths(paths) if expand else [Path(p) for p in paths]
    jobs: list[Job] = [(str(file), shown) for file, shown in (resolve(p, None) for p in items)]
    total = len(jobs)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    done = 0
    if workers == 1 or total <= 1:
        if started is not None:
            started()
        for file, shown in jobs:
            document = _one(file, shown, options, after)
            done += 1
            if progress:
                progress(done, total, document)
            yield document
        return
    chunks = _chunks(jobs, workers, chunk_size)
    window = workers * 3
    method = start_method
    pool = _new_pool(workers, method)
    pending: deque[tuple[list[Job], Future[list[Packed]]]] = deque()
    try:
        while chunks or pending:
            while chunks and len(pending) < window:
                chunk = chunks.popleft()
                pending.append((chunk, _submit(pool, chunk, options, after)))
            if started is not None:
                started()
                started = None
            chunk, future = pending.popleft()
            try:
                documents = [_unpack(packed) for packed in future.result()]
            except BrokenProcessPool:
                documents = [_isolated(job, options, method, after) for job in chunk]
                pool, pending = _recover(pool, pending, workers, options, method, after)
            except Exception:  # e.g. a result that cannot be pickled: isolate the chunk's files
                documents = [_isolated(job, options, method, after) for job in chunk]
            for document in documents:
                done += 1
                if progress:
                    progress(done, total, document)
                yield document
    finally:
        # wait=True: a pool left to shut down on its own trips CPython's exit hook ("Bad file
        # descriptor" on stderr); what is still running is at most one chunk per worker.
        pool.shutdown(wait=True, cancel_futures=True)


def _recover(
    pool: ProcessPoolExecutor,
    pending: deque[tuple[list[Job], Future[list[Packed]]]],
    workers: int,
    options: IngestOptions,
    method: str | None,
    after: AfterHook | None = None,
) -> tuple[ProcessPoolExecutor, deque[tuple[list[Job], Future[list[Packed]]]]]:
    """A new pool after a crash: keep finished chunks, resubmit the ones the crash took down."""
    pool.shutdown(wait=True, cancel_futures=True)
    fresh = _new_pool(workers, method)
    kept: deque[tuple[list[Job], Future[list[Packed]]]] = deque()
    for chunk, future in pending:
        if future.done() and not future.cancelled() and future.exception() is None:
            kept.append((chunk, future))
        else:
            kept.append((chunk, _submit(fresh, chunk, options, after)))
    return fresh, kept
