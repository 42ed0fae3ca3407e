"""Assess many files: ingest in parallel, assess in the same workers, persist, reuse.

:func:`assess_paths` is what `samrev agreements assess` (and the web app, later) calls.  Files are
hashed first; a file whose content was already assessed with the same engine and models (the
*run key*) is not read again: its stored judgements are reused.  The rest go through
:func:`samrev.ingest.ingest_many`, whose workers also assess each document right after reading
it (:func:`assess_in_worker`), so both cores do both jobs.  Results come back in input order;
each is stored (document, passages, one judgement per field with provenance) unless
``store=False``.
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


def _stored(content_hash: str, key: str, shown: str) -> Assessment | None:
    from samrev.store import repository

    stored = repository.judgements_for_run(ITEM_TYPE, content_hash, key)
    if not stored:
        return None
    document = repository.get_document(content_hash)
    result = Assessment(file=shown, needs_ocr=bool(document.needs_ocr) if document else False,
                        content_hash=content_hash, extra={"reused": True})
    for item in stored:
        result.judgements[item.judgement.subject] = item.judgement
    if not all(name in result.judgements for name in FIELDS):
        return None
    return result


def _persist(document: Any, assessment: Assessment, key: str) -> None:
    from samrev.ingest.persist import persist
    from samrev.store import actions

    persist(document, language=str(assessment.value("language") or ""))
    judgements: list[Judgement] = [assessment.judgements[name] for name in FIELDS if name in assessment.judgements]
    actions.record_judgements(ITEM_TYPE, document.content_hash, judgements, run_key=key, actor="samrev")


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
        for index, job in enumerate(jobs):
            digest = _hash_file(job.file)
            if digest:
                previous = _stored(digest, key, job.shown)
                if previous is not None:
                    reused[index] = previous
    todo = [job.item for index, job in enumerate(jobs) if index not in reused]
    if todo:  # build what the rules build on first use once, here: forked workers inherit it
        warm_up(scorers())
    total = len(jobs)
    done = 0
    # (without storing, the passages need not travel back from the workers)
    after = assess_in_worker if store else functools.partial(assess_in_worker, passages=False)
    fresh = ingest_many(todo, workers=workers, after=after, expand=False)
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
                _persist(document, assessment, key)
            result.assessed += 1
        if assessment.error is not None:
            result.failed += 1
        done += 1
        if progress:
            progress(done, total, assessment.file)
        yield assessment
