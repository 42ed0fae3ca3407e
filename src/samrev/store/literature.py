"""Store use cases and reads for the literature review: searches (import batches), records and
duplicate links.

Writes run in one transaction each and append an audit event, as in :mod:`samrev.store.actions`.
Screening decisions and codings are Judgements kept by :mod:`samrev.literature.decisions` and
:mod:`samrev.literature.coding_store`, keyed ``"<project>:<record_id>"`` where an imported record's
id is :func:`record_key` (its number in the store).

Call :func:`samrev.store.bootstrap.ensure_ready` before importing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from samrev.core.errors import InputError, LiteratureMergeNotFound
from samrev.literature.dedup import DuplicateLink as FoundLink
from samrev.literature.dedup import explain
from samrev.literature.reference import Reference
from samrev.store import models
from samrev.store.actions import _actor, append_audit_event
from samrev.store.bootstrap import translate_db_errors

ITEM_TYPE = "literature_record"
STAGES = ("title_abstract", "full_text")
DECISIONS = ("include", "exclude", "maybe", "not_retrieved")
DEFAULT_PROJECT = "litteratur"


# --- projects and searches -------------------------------------------------------------------


def project_for(slug: str | None) -> models.Project:
    """The project ``slug`` (default: the workbench's one project), created when missing."""
    slug = (slug or DEFAULT_PROJECT).strip()
    if not slug:
        raise InputError(detail="prosjektnavnet er tomt")
    found = models.Project.objects.filter(slug=slug).first()
    if found is not None:
        return found
    from samrev.store import actions

    name = "Litteraturgjennomgang" if slug == DEFAULT_PROJECT else slug
    return actions.create_project(name, slug)


def imported_file(project: models.Project, content_hash: str) -> models.LiteratureImportFile | None:
    """The file with this content already imported in the project, if any."""
    return (
        models.LiteratureImportFile.objects.filter(search__project=project, content_hash=content_hash)
        .select_related("search")
        .first()
    )


@dataclass(frozen=True, slots=True)
class FileToStore:
    path: str
    content_hash: str
    format: str
    encoding: str
    references: Sequence[Reference]
    problems: Sequence[dict[str, Any]]


def batch_hash(file_hashes: Iterable[str]) -> str:
    """The content hash of a search: SHA-256 of its files' sorted hashes."""
    return hashlib.sha256("\n".join(sorted(file_hashes)).encode()).hexdigest()


def save_search(
    project: models.Project,
    *,
    database: str,
    search_date: date,
    query: str,
    files: Sequence[FileToStore],
    actor: str = "",
) -> tuple[models.LiteratureSearch, bool]:
    """Store one search with its files and records; the same files again return the stored one."""
    database = database.strip()
    if not database:
        raise InputError(detail="databasenavnet er tomt (bruk --database)")
    if not files:
        raise InputError(detail="ingen filer å lagre")
    content_hash = batch_hash(item.content_hash for item in files)
    with translate_db_errors(), transaction.atomic():
        existing = models.LiteratureSearch.objects.filter(project=project, content_hash=content_hash).first()
        if existing is not None:
            return existing, False
        who = _actor(actor)
        search = models.LiteratureSearch.objects.create(
            project=project,
            database=database,
            search_date=search_date,
            query=query,
            content_hash=content_hash,
            records_identified=sum(len(item.references) for item in files),
            records_skipped=sum(1 for item in files for problem in item.problems if problem.get("skipped")),
            created_by=who,
        )
        for item in files:
            file_row = models.LiteratureImportFile.objects.create(
                search=search,
                path=item.path,
                content_hash=item.content_hash,
                format=item.format,
                encoding=item.encoding,
                record_count=len(item.references),
                problems=list(item.problems),
            )
            models.LiteratureRecord.objects.bulk_create(
                [_record_row(search, file_row, ref, database) for ref in item.references], batch_size=500
            )
        append_audit_event(
            "literature.search_imported",
            actor=who,
            object_type="literature_search",
            object_id=search.pk,
            data={
                "project": project.slug,
                "database": database,
                "search_date": search_date.isoformat(),
                "files": [item.path for item in files],
                "records": search.records_identified,
                "skipped": search.records_skipped,
            },
        )
    return search, True


def _record_row(
    search: models.LiteratureSearch, file_row: models.LiteratureImportFile, ref: Reference, database: str
) -> models.LiteratureRecord:
    return models.LiteratureRecord(
        search=search,
        file=file_row,
        position=ref.position,
        line=ref.line,
        title=ref.title,
        abstract=ref.abstract,
        authors=list(ref.authors),
        year=ref.year,
        journal=ref.journal[:500],
        volume=ref.volume[:50],
        issue=ref.issue[:50],
        pages=ref.pages[:50],
        doi=ref.doi[:255],
        pmid=ref.pmid[:20],
        keywords=list(ref.keywords),
        language=ref.language[:50],
        record_type=ref.record_type[:100],
        accession=ref.accession[:255],
        url=ref.url[:2048],
        source_database=database[:100],
        raw=ref.raw,
    )


def searches(project: models.Project) -> list[models.LiteratureSearch]:
    return list(models.LiteratureSearch.objects.filter(project=project).order_by("created_at", "id"))


def records(project: models.Project) -> list[models.LiteratureRecord]:
    """Every record of the project, in import order."""
    return list(
        models.LiteratureRecord.objects.filter(search__project=project).order_by("search_id", "file_id", "position")
    )


def to_reference(row: models.LiteratureRecord) -> Reference:
    return Reference(
        title=row.title,
        abstract=row.abstract,
        authors=list(row.authors or []),
        year=row.year,
        journal=row.journal,
        volume=row.volume,
        issue=row.issue,
        pages=row.pages,
        doi=row.doi,
        pmid=row.pmid,
        keywords=list(row.keywords or []),
        language=row.language,
        record_type=row.record_type,
        accession=row.accession,
        url=row.url,
        source_database=row.source_database,
        position=row.position,
        line=row.line,
        raw=dict(row.raw or {}),
    )


# --- duplicate links -------------------------------------------------------------------------


def links(project: models.Project, *, active: bool | None = None) -> list[models.DuplicateLink]:
    rows = models.DuplicateLink.objects.filter(project=project)
    if active is True:
        rows = rows.filter(undone_at__isnull=True)
    elif active is False:
        rows = rows.filter(undone_at__isnull=False)
    return list(rows.order_by("id"))


def blocked_pairs(project: models.Project) -> set[frozenset[str]]:
    """Pairs a person has said are not duplicates (undone links), as record id strings."""
    return {frozenset((str(row.record_a_id), str(row.record_b_id))) for row in links(project, active=False)}


def save_links(project: models.Project, found: Sequence[FoundLink], *, actor: str = "") -> list[models.DuplicateLink]:
    """Store the links not stored before (active or undone); returns the new rows."""
    known = {(row.record_a_id, row.record_b_id) for row in links(project)}
    who = _actor(actor)
    new: list[models.DuplicateLink] = []
    for link in found:
        first, second = sorted((int(link.a), int(link.b)))
        if (first, second) in known:
            continue
        known.add((first, second))
        new.append(
            models.DuplicateLink(
                project=project,
                record_a_id=first,
                record_b_id=second,
                rule=link.rule,
                score=link.score,
                compared=link.compared,
                explanation=explain(link),
                created_by=who,
            )
        )
    if not new:
        return []
    with translate_db_errors(), transaction.atomic():
        rows = models.DuplicateLink.objects.bulk_create(new, batch_size=500)
        append_audit_event(
            "literature.duplicates_linked",
            actor=who,
            object_type="project",
            object_id=project.pk,
            data={"links": len(rows), "rules": sorted({row.rule for row in rows})},
        )
    return rows


def undo_link(link_id: int, *, actor: str = "", note: str = "", project: models.Project | None = None,
              ) -> list[models.DuplicateLink]:
    """Undo a link: the two records are separate works from now on (the pair is blocked in later
    runs).  If they are still joined through other links, record B's links are undone too, so B
    leaves the group.  Returns every link undone; the rows stay in the store."""
    rows = models.DuplicateLink.objects.filter(pk=link_id)
    if project is not None:
        rows = rows.filter(project=project)
    link = rows.first()
    if link is None:
        raise LiteratureMergeNotFound(merge_id=link_id, detail="")
    if link.undone_at is not None:
        raise LiteratureMergeNotFound(merge_id=link_id, detail=f" som er i bruk (opphevet {link.undone_at:%Y-%m-%d})")
    who = _actor(actor)
    now = timezone.now()
    undone = [link]
    with translate_db_errors(), transaction.atomic():
        active = [row for row in links(link.project, active=True) if row.pk != link.pk]
        if _connected(active, link.record_a_id, link.record_b_id):
            undone += [row for row in active if link.record_b_id in (row.record_a_id, row.record_b_id)]
        for row in undone:
            row.undone_at, row.undone_by, row.undo_note = now, who, note
            row.save(update_fields=["undone_at", "undone_by", "undo_note"])
        append_audit_event(
            "literature.duplicate_link_undone",
            actor=who,
            object_type="duplicate_link",
            object_id=link.pk,
            data={"links": [row.pk for row in undone], "records": [link.record_a_id, link.record_b_id], "note": note},
        )
    return undone


def _connected(rows: Sequence[models.DuplicateLink], start: int, goal: int) -> bool:
    neighbours: dict[int, set[int]] = {}
    for row in rows:
        neighbours.setdefault(row.record_a_id, set()).add(row.record_b_id)
        neighbours.setdefault(row.record_b_id, set()).add(row.record_a_id)
    seen, stack = {start}, [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for other in neighbours.get(node, ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return False


# --- screening decisions --------------------------------------------------------------------
#
# Decisions live in :mod:`samrev.literature.decisions` (the one decision store of the review):
# ``item_id = "<project>:<record_id>"`` with the record id :func:`record_key` gives.


def record_key(row: models.LiteratureRecord) -> str:
    """The stable id of an imported record, used by decisions, codings and the review-state file."""
    return str(row.pk)
