"""Literature use cases over the store: import searches, de-duplicate, undo a link, PRISMA counts,
screen the unique records (:class:`StoreRecordSource`), code the included ones and export the
review-state file the literature report reads.

The analysis is in the pure modules (:mod:`.readers`, :mod:`.dedup`, :mod:`.identification`); this module
reads files, calls them and stores the results through :mod:`samrev.store.literature`.  Call
:func:`samrev.store.bootstrap.ensure_ready` first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from samrev.core.errors import InputError, LiteratureFileUnreadable
from samrev.literature.coding import LiteratureRecord, RecordCoding
from samrev.literature.dedup import DedupSettings, completeness, find_duplicates
from samrev.literature.identification import Identification, groups, identification_counts
from samrev.literature.readers import read_references
from samrev.literature.records import ScreeningRecord

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


# --- screening the imported records ------------------------------------------------------------


class StoreRecordSource:
    """The project's de-duplicated imported records as a screening source
    (:class:`samrev.literature.records.RecordSource`): one record per work, in import order, with
    the stable record id (:func:`samrev.store.literature.record_key`)."""

    def __init__(self, project: str | None = None) -> None:
        from samrev.store import literature as store

        self.project = store.project_for(project).slug
        self._records: list[ScreeningRecord] | None = None

    def records(self) -> list[ScreeningRecord]:
        from samrev.store import literature as store

        if self._records is None:
            rows = unique_records(self.project)
            if not rows:
                raise InputError(detail=f"prosjektet «{self.project}» har ingen importerte poster å screene "
                                        "(bruk samrev literature import først, eller oppgi en CSV-fil)")
            self._records = [ScreeningRecord(store.record_key(row), " ".join(row.title.split()),
                                             " ".join(row.abstract.split()),
                                             tuple(k.strip() for k in row.keywords or () if k.strip()))
                             for row in rows]
        return list(self._records)

    @property
    def label(self) -> str:
        return f"importerte poster i «{self.project}» ({len(self.records())} unike)"

    @property
    def key(self) -> str:
        ids = ",".join(record.record_id for record in self.records())
        return "store:" + hashlib.sha256(f"{self.project}\n{ids}".encode()).hexdigest()


def coding_record(row: Any) -> LiteratureRecord:
    """A stored record as the coder (and the review-state file) sees it."""
    from samrev.store import literature as store

    return LiteratureRecord(record_id=store.record_key(row), title=row.title, abstract=row.abstract,
                            keywords=tuple(row.keywords or ()), year=row.year, journal=row.journal,
                            language=row.language or None, affiliations=_affiliations(row))


def _affiliations(row: Any) -> tuple[str, ...]:
    raw = row.raw or {}
    found: list[str] = []
    for key in ("AD", "affiliations", "author_address", "addresses", "C1"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            found.append(value.strip())
        elif isinstance(value, list):
            found.extend(str(item).strip() for item in value if str(item).strip())
    return tuple(found)


def included_records(project: str | None = None) -> list[Any]:
    """The unique records settled as included at full text (all screeners agree or a final
    decision says so), in import order."""
    from samrev.literature.decisions import settled_state_decisions
    from samrev.literature.review_state import Decision, ReviewState
    from samrev.store import literature as store

    rows = unique_records(project)
    keys = {store.record_key(row) for row in rows}
    settled = settled_state_decisions(store.project_for(project).slug, keys)
    state = ReviewState(title="", batches=[], duplicates_removed=0, included=[],
                        decisions=[Decision(d["record_id"], d["stage"], d["decision"], d["reason"], d["screener"],
                                            d["time"], d["final"]) for d in settled.decisions])
    full = state.final_decisions("full_text")
    return [row for row in rows if (found := full.get(store.record_key(row))) is not None
            and found.decision == "include"]


def code_included(project: str | None = None, *, actor: str = "") -> list[RecordCoding]:
    """Machine coding suggestions for every included record, stored as Judgements (an unchanged
    record is not coded twice: the run key is the coder, codebook and text)."""
    from samrev.literature.coding import LiteratureCoder
    from samrev.literature.coding_store import store_coding
    from samrev.store import literature as store

    slug = store.project_for(project).slug
    coder = LiteratureCoder()
    out = []
    for row in included_records(slug):
        coding = coder.code_record(coding_record(row))
        store_coding(coding, project=slug, actor=actor)
        out.append(coding)
    return out


# --- review state (the literature report's input) --------------------------------------------


def review_state(project: str | None = None, *, title: str = "", question: str = "", date_text: str = "",
                 ) -> dict[str, Any]:
    """The project as a review-state document (``samrev-literature-review/1``, see
    :mod:`samrev.literature.review_state`): searches as batches, duplicates removed (PRISMA
    identification), every screener's standing decision on the unique records at both stages
    («uncertain» is no decision and left out; a decision on a removed duplicate is not counted), the
    final decisions after dual screening, and the records included at full text with their codings
    (the latest machine suggestion and the latest person's judgement per subject; the person's
    value wins).  A conflict nobody has resolved is not settled here: the record's decisions at that
    stage (and later) are left out and listed under ``screening.unresolved``, so the report's
    counts are of settled records only.  At full text, the records included at title/abstract
    without a full-text decision are listed under ``screening.awaiting_full_text`` (the report
    refuses to draw the PRISMA flow until they are assessed), and full-text decisions on records
    not included at title/abstract under ``screening.set_aside`` (left out of the counts).

    So that the PRISMA numbers add up while screening with a stopping rule, the unique records
    nobody screened at title/abstract (left when the stopping rule was met) are counted as
    removed before screening by automation tools (``automation_removed``), and records screened
    but not settled (an unresolved conflict, or only «uncertain») as removed for other reasons
    (``other_removed``, listed in ``screening.undecided``)."""
    from samrev.literature.coding_store import state_judgements
    from samrev.literature.decisions import current_decisions, screeners, settled_state_decisions
    from samrev.literature.review_state import SCHEMA
    from samrev.store import literature as store

    project_row = store.project_for(project)
    slug = project_row.slug
    counts = identification(slug)
    batches = [
        {"id": f"s{search.pk}", "database": search.database, "date": search.search_date.isoformat(),
         "query": search.query, "records": search.records_identified,
         "file": ", ".join(Path(item.path).name for item in search.files.order_by("id"))}
        for search in store.searches(project_row)
    ]
    keys = {store.record_key(row) for row in unique_records(slug)}
    settled = settled_state_decisions(slug, keys)
    decided = {d["record_id"] for d in settled.decisions if d["stage"] == "title_abstract"}
    unsettled = {item["record_id"] for item in settled.unresolved if item["stage"] == "title_abstract"}
    looked_at = {record_id for screener in screeners(slug) for record_id, _ in current_decisions(slug, screener)}
    unsettled |= (looked_at & keys) - decided  # marked «uncertain» by everyone who saw it
    not_screened = keys - decided - unsettled
    awaiting = _awaiting_full_text(settled)
    included = []
    for row in included_records(slug):
        record = coding_record(row)
        judgements = [j.to_dict() for j in state_judgements(slug, record.record_id)]
        included.append({"record": record.to_dict(), "judgements": judgements})
    return {
        "schema": SCHEMA,
        "review": {"title": title or project_row.name, "question": question, "date": date_text},
        "batches": batches,
        "deduplication": {"duplicates_removed": counts.duplicates_removed,
                          "automation_removed": len(not_screened), "other_removed": len(unsettled)},
        "screening": {"decisions": settled.decisions, "unresolved": settled.unresolved,
                      "not_screened": len(not_screened), "undecided": sorted(unsettled, key=_natural_key),
                      "awaiting_full_text": awaiting, "set_aside": settled.set_aside},
        "included": included,
    }


def _awaiting_full_text(settled: Any) -> list[str]:
    """The records settled as included at title/abstract with no full-text decision yet (a
    full-text conflict is listed under ``unresolved`` instead)."""
    title: dict[str, list[dict[str, Any]]] = {}
    for d in settled.decisions:
        if d["stage"] == "title_abstract":
            title.setdefault(d["record_id"], []).append(d)
    sought = {record_id for record_id, items in title.items()
              if ([item for item in items if item["final"]] or items)[-1]["decision"] == "include"}
    decided = {d["record_id"] for d in settled.decisions if d["stage"] == "full_text"}
    conflicts = {item["record_id"] for item in settled.unresolved if item["stage"] == "full_text"}
    return sorted(sought - decided - conflicts, key=_natural_key)


def _natural_key(record_id: str) -> tuple[int, int, str]:
    return (0, int(record_id), "") if record_id.isdigit() else (1, 0, record_id)
