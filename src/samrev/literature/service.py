"""Literature use cases over the store: import searches, de-duplicate, undo a link, PRISMA counts.

The analysis is in the pure modules (:mod:`.readers`, :mod:`.dedup`, :mod:`.identification`); this module
reads files, calls them and stores the results through :mod:`samrev.store.literature`.  Call
:func:`samrev.store.bootstrap.ensure_ready` first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from samrev.core.errors import InputError, LiteratureFileUnreadable
from samrev.literature.dedup import DedupSettings, completeness, find_duplicates
from samrev.literature.identification import Identification, groups, identification_counts
from samrev.literature.readers import read_references

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class FileOutcome:
    path: str
    format: str = ""
    encoding: str = ""
    content_hash: str = ""
    records: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None
    already_in_search: int | None = None
    same_as: str | None = None
    """Another file of this import with the same content (this one is skipped)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "content_hash": self.content_hash,
            "records": self.records,
            "problems": self.problems,
            "error": self.error,
            "already_in_search": self.already_in_search,
            "same_as": self.same_as,
        }


@dataclass(slots=True)
class ImportSummary:
    project: str
    database: str
    search_date: str
    query: str
    search_id: int | None = None
    created: bool = False
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(item.records for item in self.files
                   if item.error is None and item.already_in_search is None and item.same_as is None)

    @property
    def failed(self) -> int:
        return sum(item.error is not None for item in self.files)

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "database": self.database,
            "search_date": self.search_date,
            "query": self.query,
            "search_id": self.search_id,
            "created": self.created,
            "records": self.records,
            "failed_files": self.failed,
            "files": [item.to_dict() for item in self.files],
        }


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(child for child in path.iterdir() if child.is_file() and not child.name.startswith(".")))
        else:
            out.append(path)
    return out


def import_files(
    paths: Sequence[str | Path],
    *,
    database: str,
    search_date: date,
    query: str = "",
    project: str | None = None,
    actor: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Read the export files of one search and store them as one batch.

    A file that cannot be read is reported on its outcome and the others go on; a file whose
    content is already in the project (any search) is not read again.
    """
    from samrev.store import literature as store

    if not database.strip():
        raise InputError(detail="databasenavnet er tomt (bruk --database)")
    project_row = store.project_for(project)
    summary = ImportSummary(project=project_row.slug, database=database.strip(), search_date=search_date.isoformat(),
                            query=query)
    files = _expand(paths)
    to_store: list[store.FileToStore] = []
    seen: dict[str, str] = {}
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number - 1, len(files), str(path))
        outcome = FileOutcome(path=str(path))
        summary.files.append(outcome)
        try:
            result = read_references(path)
        except LiteratureFileUnreadable as error:
            outcome.error = error.to_dict()
            continue
        outcome.format, outcome.encoding, outcome.content_hash = result.format, result.encoding, result.content_hash
        outcome.records = len(result.references)
        outcome.problems = [problem.to_dict() for problem in result.problems]
        known = store.imported_file(project_row, result.content_hash)
        if known is not None:
            outcome.already_in_search = known.search_id
            continue
        if result.content_hash in seen:
            outcome.same_as = seen[result.content_hash]
            continue
        seen[result.content_hash] = str(path)
        to_store.append(store.FileToStore(
            path=str(path), content_hash=result.content_hash, format=result.format, encoding=result.encoding,
            references=result.references, problems=outcome.problems,
        ))
    if progress is not None:
        progress(len(files), len(files), "")
    if to_store:
        search, created = store.save_search(project_row, database=summary.database, search_date=search_date,
                                            query=query, files=to_store, actor=actor)
        summary.search_id, summary.created = search.pk, created
    return summary


# --- de-duplication --------------------------------------------------------------------------


@dataclass(slots=True)
class DedupSummary:
    project: str
    records: int
    unique: int
    new_links: int
    groups: list[dict[str, Any]]

    @property
    def duplicates(self) -> int:
        return self.records - self.unique

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "records": self.records,
            "unique": self.unique,
            "duplicates": self.duplicates,
            "new_links": self.new_links,
            "groups": self.groups,
        }


def _record_summary(row: Any) -> dict[str, Any]:
    return {
        "id": row.pk,
        "database": row.source_database,
        "title": row.title,
        "year": row.year,
        "first_author": (row.authors or [""])[0],
        "doi": row.doi,
        "pmid": row.pmid,
    }


def deduplicate(project: str | None = None, *, actor: str = "", settings: DedupSettings | None = None,
                ) -> DedupSummary:
    """Find duplicates among all records of the project, store the new links, and return the
    groups (kept record first) with every active link and why it was made."""
    from samrev.store import literature as store

    project_row = store.project_for(project)
    rows = store.records(project_row)
    references = [(str(row.pk), store.to_reference(row)) for row in rows]
    found = find_duplicates(references, settings=settings, blocked=store.blocked_pairs(project_row))
    new = store.save_links(project_row, found.links, actor=actor)
    return _summary(project_row, rows, references, len(new))


def _summary(project_row: Any, rows: Sequence[Any], references: Sequence[tuple[str, Any]], new: int) -> DedupSummary:
    from samrev.store import literature as store

    active = store.links(project_row, active=True)
    by_id = {str(row.pk): row for row in rows}
    refs = dict(references)
    order = {record_id: index for index, (record_id, _) in enumerate(references)}
    pairs = [(str(link.record_a_id), str(link.record_b_id)) for link in active]
    clusters = [group for group in groups([record_id for record_id, _ in references], pairs) if len(group) > 1]
    links_of: dict[str, list[Any]] = {}
    for link in active:
        links_of.setdefault(str(link.record_a_id), []).append(link)
    out: list[dict[str, Any]] = []
    for group in clusters:
        members = sorted(group, key=lambda record_id: (-completeness(refs[record_id]), order[record_id]))
        member_set = set(group)
        out.append({
            "kept": _record_summary(by_id[members[0]]),
            "duplicates": [_record_summary(by_id[record_id])
                           for record_id in sorted(members[1:], key=order.__getitem__)],
            "links": [
                {"id": link.pk, "a": link.record_a_id, "b": link.record_b_id, "rule": link.rule,
                 "score": round(link.score, 4), "explanation": link.explanation, "compared": link.compared}
                for record_id in group for link in links_of.get(record_id, []) if str(link.record_b_id) in member_set
            ],
        })
    unique = len(references) - sum(len(group) - 1 for group in clusters)
    return DedupSummary(project=project_row.slug, records=len(references), unique=unique, new_links=new, groups=out)


def unique_records(project: str | None = None) -> list[Any]:
    """One record per work, in import order: each duplicate group's kept (most complete) record
    and every record without duplicates.  These are the records to screen."""
    from samrev.store import literature as store

    project_row = store.project_for(project)
    rows = store.records(project_row)
    references = {str(row.pk): store.to_reference(row) for row in rows}
    order = {str(row.pk): index for index, row in enumerate(rows)}
    pairs = [(str(link.record_a_id), str(link.record_b_id)) for link in store.links(project_row, active=True)]
    kept = {min(group, key=lambda record_id: (-completeness(references[record_id]), order[record_id]))
            for group in groups(list(references), pairs)}
    return [row for row in rows if str(row.pk) in kept]


def undo_merge(link_id: int, *, project: str | None = None, actor: str = "", note: str = "") -> list[dict[str, Any]]:
    """Undo a duplicate link (and, if needed, the duplicate's other links); returns those undone."""
    from samrev.store import literature as store

    project_row = store.project_for(project) if project else None
    undone = store.undo_link(link_id, actor=actor, note=note, project=project_row)
    return [{"id": row.pk, "a": row.record_a_id, "b": row.record_b_id, "rule": row.rule,
             "explanation": row.explanation} for row in undone]


def identification(project: str | None = None) -> Identification:
    """PRISMA identification numbers of the project from the store."""
    from samrev.store import literature as store

    project_row = store.project_for(project)
    rows = store.records(project_row)
    active = store.links(project_row, active=True)
    searches = store.searches(project_row)
    return identification_counts(
        [(str(row.pk), row.source_database) for row in rows],
        [(str(link.record_a_id), str(link.record_b_id)) for link in active],
        skipped_on_import=sum(search.records_skipped for search in searches),
        searches=[{"id": search.pk, "database": search.database, "date": search.search_date.isoformat(),
                   "query": search.query, "records": search.records_identified} for search in searches],
    )


# --- review state (the literature report's input) --------------------------------------------


def review_state(project: str | None = None, *, title: str = "", question: str = "", date_text: str = "",
                 ) -> dict[str, Any]:
    """The project as a review-state document (``samrev-literature-review/1``, see
    :mod:`samrev.literature.review_state`): searches as batches, duplicates removed, every
    screener's current decision on the unique records («maybe» is not settled and left out, and a
    decision on a removed duplicate is not counted), and the records included at full text with
    their effective coding judgements.  Screening subjects are
    decisions, not codings, and are not repeated under ``judgements``."""
    from samrev.literature.review_state import SCHEMA
    from samrev.literature.review_state import STAGES as STATE_STAGES
    from samrev.store import literature as store
    from samrev.store.repository import effective_for_item

    project_row = store.project_for(project)
    counts = identification(project_row.slug)
    batches = [
        {"id": f"s{search.pk}", "database": search.database, "date": search.search_date.isoformat(),
         "query": search.query, "records": search.records_identified,
         "file": ", ".join(Path(item.path).name for item in search.files.order_by("id"))}
        for search in store.searches(project_row)
    ]
    screened = {row.pk for row in unique_records(project_row.slug)}
    decisions: list[dict[str, Any]] = []
    final_full: dict[int, set[str]] = {}
    for stage in STATE_STAGES:
        for item in store.decisions(project_row, stage):
            if item.decision == "maybe" or item.record_id not in screened:
                continue
            decisions.append({"record_id": str(item.record_id), "stage": stage, "decision": item.decision,
                              "screener": item.screener, "time": item.at.isoformat(), "reason": item.note})
            if stage == "full_text":
                final_full.setdefault(item.record_id, set()).add(item.decision)
    rows = {row.pk: row for row in store.records(project_row)}
    included = []
    for record_id in sorted(record for record, values in final_full.items() if values == {"include"}):
        row = rows[record_id]
        judgements = [stored.judgement.to_dict()
                      for subject, stored in sorted(effective_for_item(store.ITEM_TYPE, str(record_id)).items())
                      if not subject.startswith("screening:")]
        included.append({"record": {"record_id": str(record_id), "title": row.title, "abstract": row.abstract,
                                    "keywords": list(row.keywords or []), "year": row.year, "journal": row.journal,
                                    "language": row.language or None, "affiliations": []},
                         "judgements": judgements})
    return {
        "schema": SCHEMA,
        "review": {"title": title or project_row.name, "question": question, "date": date_text},
        "batches": batches,
        "deduplication": {"duplicates_removed": counts.duplicates_removed, "automation_removed": 0,
                          "other_removed": 0},
        "screening": {"decisions": decisions},
        "included": included,
    }
