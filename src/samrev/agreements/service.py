"""Assess many files: ingest in parallel, assess in the same workers, persist, reuse.

:func:`assess_paths` is what `samrev agreements assess` (and the web app, later) calls.  Files are
hashed first; a file whose content was already assessed with the same engine and models (the
*run key*) is not read again: its stored judgements are reused.  The rest go through
:func:`samrev.ingest.ingest_many`, whose workers also assess each document right after reading
it (:func:`assess_in_worker`), so both cores do both jobs.  Results come back in input order;
unless ``store=False`` each is stored (document, passages, one judgement per field with
provenance), :data:`STORE_BATCH` files per transaction, and yielded once its batch is stored.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samrev.agreements.assess import ENGINE_VERSION, assess_ingested
from samrev.agreements.model import FIELDS, Assessment
from samrev.core.model import Judgement

ITEM_TYPE = "document"
STORE_BATCH = 16  # assessed documents stored per transaction
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class BatchResult:
    """What a batch did, beside its records."""

    given: list[str]
    empty_folders: list[str] = field(default_factory=list)
    reused: int = 0
    assessed: int = 0
    failed: int = 0


def run_key() -> str:
    """Identifies engine + model versions: stored judgements with this key can be reused."""
    from samrev.agreements.passage_model import scorers

    models = ",".join(f"{m.name}@{m.version}" for m in scorers().values())
    return hashlib.sha256(f"agreements@{ENGINE_VERSION}|{models}".encode()).hexdigest()[:32]


def assess_in_worker(document: Any, passages: bool = True) -> None:
    """After-hook for :func:`samrev.ingest.ingest_many`: assess in the worker that read the file,
    and (``passages``, for storing) keep the passages the assessment read."""
    from samrev.agreements.passage_model import scorers

    if document.error is not None:
        document.derived["assessment"] = assess_ingested(document, scorers())
        return
    from samrev.agreements.assess import assess_text
    from samrev.agreements.context import AgreementText

    text = AgreementText.from_ingested(document)
    document.derived["assessment"] = assess_text(text, scorers())
    if passages:
        document.derived["passages"] = text.passages


def _hash_file(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class Job:
    item: str  # what ingest reads (a path, or "archive.zip!inner/file.pdf")
    file: Path  # the bytes on disk (for the content hash)
    shown: str  # the path as given, or as found under a given folder or archive


def expand(paths: Iterable[str]) -> tuple[list[Job], list[str]]:
    """A job for every input file, and the folders that held nothing to read."""
    from samrev.ingest import expand_paths
    from samrev.ingest.paths import resolve

    jobs: list[Job] = []
    empty: list[str] = []
    for given in paths:
        found = expand_paths([given])
        if not found and Path(given).is_dir():
            empty.append(given)
        for item in found:
            file, shown = resolve(item, None)
            jobs.append(Job(str(item), file, given if str(item) == str(Path(given)) else shown))
    return jobs, empty


def _stored_many(digests: dict[int, str], key: str, jobs: list[Job]) -> dict[int, Assessment]:
    """The jobs (by index) whose content this run key already assessed: their stored judgements
    (two queries for the whole batch)."""
    from samrev.store import models, repository

    stored = repository.judgements_for_runs(ITEM_TYPE, sorted(set(digests.values())), key)
    needs_ocr = dict(models.Document.objects.filter(content_hash__in=list(stored)).values_list(
        "content_hash", "needs_ocr")) if stored else {}
    out: dict[int, Assessment] = {}
    for index, digest in digests.items():
        if digest not in stored:
            continue
        result = Assessment(file=jobs[index].shown, needs_ocr=bool(needs_ocr.get(digest, False)),
                            content_hash=digest, extra={"reused": True})
        for item in stored[digest]:
            result.judgements[item.judgement.subject] = item.judgement
        if all(name in result.judgements for name in FIELDS):
            out[index] = result
    return out


def _judgements(assessment: Assessment) -> list[Judgement]:
    return [assessment.judgements[name] for name in FIELDS if name in assessment.judgements]


def _persist(document: Any, assessment: Assessment, key: str) -> None:
    from samrev.ingest.persist import persist
    from samrev.store import actions

    persist(document, language=str(assessment.value("language") or ""))
    actions.record_judgements(ITEM_TYPE, document.content_hash, _judgements(assessment), run_key=key, actor="samrev")


def _persist_many(batch: list[tuple[Any, Assessment]], key: str) -> None:
    """:func:`_persist` for each (document, assessment), in one transaction: documents, passages
    and judgements a few statements per batch.  Should the batch fail, nothing of it is kept and
    each is stored on its own, so a bad one reports its own error."""
    if not batch:
        return
    from samrev.core.errors import SamrevError
    from samrev.ingest.persist import persist_many
    from samrev.store import actions

    if len(batch) < 2:
        for document, assessment in batch:
            _persist(document, assessment, key)
        return
    try:
        with actions.one_transaction():
            persist_many([d for d, _ in batch], languages=[str(a.value("language") or "") for _, a in batch])
            actions.record_judgements_many(ITEM_TYPE, [(d.content_hash, _judgements(a)) for d, a in batch],
                                           run_key=key, actor="samrev", returning=False)
    except SamrevError:
        for document, assessment in batch:
            _persist(document, assessment, key)


def assess_paths(paths: list[str], *, store: bool = True, workers: int | None = None,
                 progress: Progress | None = None, result: BatchResult | None = None) -> Iterator[Assessment]:
    """Assessments for every file under ``paths``, in input order (see the module docstring)."""
    from samrev.agreements.assess import warm_up
    from samrev.agreements.passage_model import scorers
    from samrev.ingest import ingest_many

    result = result if result is not None else BatchResult(given=list(paths))
    jobs, result.empty_folders = expand(paths)
    scorers()  # train or load the passage models once, before workers start (they inherit or load)
    key = run_key()
    reused: dict[int, Assessment] = {}
    if store:
        from samrev.store.bootstrap import ensure_ready

        ensure_ready()
        digests = {index: digest for index, job in enumerate(jobs) if (digest := _hash_file(job.file))}
        reused = _stored_many(digests, key, jobs)
    todo = [job.item for index, job in enumerate(jobs) if index not in reused]
    if todo:  # build what the rules build on first use once, here: forked workers inherit it
        warm_up(scorers())
    total = len(jobs)
    done = 0
    # (without storing, the passages need not travel back from the workers)
    after = assess_in_worker if store else functools.partial(assess_in_worker, passages=False)
    fresh = ingest_many(todo, workers=workers, after=after, expand=False)
    # Assessed documents are stored a batch at a time (a few statements per batch, not a dozen
    # per file); an assessment is yielded once it is stored, in input order.
    waiting: list[Assessment] = []
    unstored: list[tuple[Any, Assessment]] = []

    def flush() -> Iterator[Assessment]:
        nonlocal done
        _persist_many(unstored, key)
        unstored.clear()
        for assessment in waiting:
            if assessment.error is not None:
                result.failed += 1
            done += 1
            if progress:
                progress(done, total, assessment.file)
            yield assessment
        waiting.clear()

    for index in range(total):
        shown = jobs[index].shown
        if index in reused:
            assessment = reused[index]
            result.reused += 1
        else:
            document = next(fresh)  # fresh results come in the order of ``todo``, which is input order
            document.path = shown
            derived: Assessment | None = document.derived.get("assessment")
            if derived is not None:
                assessment = derived
            else:
                error = document.derived.get("after_error", "ingen vurdering")
                message = f"Intern feil under vurderingen av «{shown}»: {error}"
                assessment = Assessment(file=shown, needs_ocr=document.needs_ocr,
                                        error={"code": "internal", "message": message})
            assessment.file = shown
            if assessment.error is None and store:
                unstored.append((document, assessment))
            result.assessed += 1
        waiting.append(assessment)
        if len(unstored) >= STORE_BATCH or not unstored:
            yield from flush()
    yield from flush()
