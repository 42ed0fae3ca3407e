"""Records to screen and where they come from.

A :class:`ScreeningRecord` is what a screener sees: id, title, abstract and keywords.  A
:class:`RecordSource` hands a screening session its records; today that is a screening CSV
(:class:`CsvRecordSource`, the columns of shared/spec/screening.md), later the records the
literature import keeps in the store.  The session and the terminal screener only know the
protocol, so pointing them at another source is one new class.

A screening CSV needs ``record_id``, ``title`` and ``abstract``; ``keywords`` (separated by ``;``)
is optional, and ``label_included`` and every other column are ignored: a person screens, the
file's labels are never shown.  Decoding, delimiters and the row checks are those of
:func:`samrev.literature.dataset.read_screening_csv` (:func:`~samrev.literature.dataset.read_table`,
:func:`~samrev.literature.dataset.checked_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from samrev.core.errors import InputFormatError
from samrev.literature.dataset import checked_rows, read_table

REQUIRED = ("record_id", "title", "abstract")


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    """One record as a screener sees it."""

    record_id: str
    title: str
    abstract: str
    keywords: tuple[str, ...] = ()

    def text(self) -> str:
        """Title, abstract and keywords joined: the model's input."""
        return " ".join(part for part in (self.title, self.abstract, " ".join(self.keywords)) if part)


class RecordSource(Protocol):
    """Where a screening session's records come from."""

    @property
    def label(self) -> str:
        """A short description for people (a file name, an import batch)."""
        ...

    @property
    def key(self) -> str:
        """A stable identity of the source's content (e.g. a SHA-256 of the file)."""
        ...

    def records(self) -> list[ScreeningRecord]: ...


def read_records_csv(path: str | Path) -> tuple[list[ScreeningRecord], str]:
    """The records of a screening CSV and the file's SHA-256.

    Every problem names the file and the line: a missing column, an empty or repeated
    ``record_id``, a record with neither title nor abstract, no records at all.
    """
    path = Path(path)
    header, rows, digest = read_table(path, REQUIRED)
    keywords_at = header.index("keywords") if "keywords" in header else None
    records: list[ScreeningRecord] = []
    for _line, row, record_id, title, abstract in checked_rows(path, header, rows):
        keywords: tuple[str, ...] = ()
        if keywords_at is not None:
            keywords = tuple(k for k in (" ".join(p.split()) for p in row[keywords_at].split(";")) if k)
        records.append(ScreeningRecord(record_id, title, abstract, keywords))
    if not records:
        raise InputFormatError(path=str(path), detail="filen har ingen poster")
    return records, digest


class CsvRecordSource:
    """Records from a screening CSV (read once, on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._records: list[ScreeningRecord] | None = None
        self._digest = ""

    def _load(self) -> list[ScreeningRecord]:
        if self._records is None:
            self._records, self._digest = read_records_csv(self.path)
        return self._records

    @property
    def label(self) -> str:
        return self.path.name

    @property
    def key(self) -> str:
        self._load()
        return f"sha256:{self._digest}"

    def records(self) -> list[ScreeningRecord]:
        return list(self._load())
