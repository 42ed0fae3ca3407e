"""PRISMA 2020 flow numbers (pure): the identification part from records and duplicate links.

- *identified per database*: records imported from each database's searches (records skipped as
  unreadable on import are counted apart, ``skipped_on_import``, and are not in the flow);
- *duplicates removed*: identified − unique works, where the unique works are the groups that the
  active duplicate links form (a group of three copies removes two);
- *after de-duplication*: the unique works, the number that goes on to screening.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Identification:
    per_database: dict[str, int]
    identified: int
    duplicates_removed: int
    after_dedup: int
    skipped_on_import: int = 0
    searches: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_database": dict(self.per_database),
            "identified": self.identified,
            "duplicates_removed": self.duplicates_removed,
            "after_dedup": self.after_dedup,
            "skipped_on_import": self.skipped_on_import,
            "searches": list(self.searches),
        }


def groups(record_ids: Sequence[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of ``record_ids`` under ``links`` (links to unknown ids are ignored)."""
    parent = {record: record for record in record_ids}

    def find(record: str) -> str:
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    for first, second in links:
        if first in parent and second in parent:
            root_a, root_b = find(first), find(second)
            if root_a != root_b:
                parent[root_b] = root_a
    out: dict[str, list[str]] = {}
    for record in record_ids:
        out.setdefault(find(record), []).append(record)
    return list(out.values())


def identification_counts(
    records: Sequence[tuple[str, str]],
    links: Iterable[tuple[str, str]],
    *,
    skipped_on_import: int = 0,
    searches: Sequence[dict[str, Any]] = (),
) -> Identification:
    """``records`` are ``(record id, database)``; ``links`` the active duplicate links."""
    per_database: dict[str, int] = {}
    for _record, database in records:
        per_database[database] = per_database.get(database, 0) + 1
    unique = len(groups([record for record, _ in records], links))
    return Identification(
        per_database=dict(sorted(per_database.items())),
        identified=len(records),
        duplicates_removed=len(records) - unique,
        after_dedup=unique,
        skipped_on_import=skipped_on_import,
        searches=list(searches),
    )
