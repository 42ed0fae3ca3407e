"""Records to screen and where they come from.

A :class:`ScreeningRecord` is what a screener sees: id, title, abstract and keywords.  A
:class:`RecordSource` hands a screening session its records; today that is a screening CSV
(:class:`CsvRecordSource`, the columns of shared/spec/screening.md), later the records the
literature import keeps in the store.  The session and the terminal screener only know the
protocol, so pointing them at another source is one new class.

A screening CSV needs ``record_id``, ``title`` and ``abstract``; ``keywords`` (separated by ``;``)
is optional, and ``label_included`` and every other column are ignored: a person screens, the
file's labels are never shown.  Decoding and delimiters are those of
:func:`samrev.literature.dataset.read_screening_csv`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from samrev.core.errors import InputFormatError, InputNotFound, MissingColumnError

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


def _read_text(path: Path) -> tuple[str, str]:
    from samrev.ingest.encoding import decode_bytes

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputNotFound(path=str(path)) from None
    except IsADirectoryError:
        raise InputFormatError(path=str(path), detail="er en mappe, ikke en CSV-fil") from None
    except OSError as exc:
        raise InputFormatError(path=str(path), detail=exc.strerror or str(exc)) from None
    return decode_bytes(data).text, hashlib.sha256(data).hexdigest()


def _table(text: str, path: Path) -> tuple[list[str], list[list[str]]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    first_line = text.split("\n", 1)[0]
    fallback: tuple[list[str], list[list[str]]] | None = None
    for delimiter in (",", ";", "\t"):
        if delimiter != "," and delimiter not in first_line:
            continue
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise InputFormatError(path=str(path), detail=f"ugyldig CSV ({exc})") from None
        if not rows:
            raise InputFormatError(path=str(path), detail="filen er tom")
        header = [cell.strip().lstrip("\ufeff").lower() for cell in rows[0]]
        fallback = fallback or (header, rows[1:])
        if all(column in header for column in REQUIRED):
            return header, rows[1:]
    if fallback is None:  # pragma: no cover - the comma is always tried
        raise InputFormatError(path=str(path), detail="fant ingen kolonner")
    return fallback


def read_records_csv(path: str | Path) -> tuple[list[ScreeningRecord], str]:
    """The records of a screening CSV and the file's SHA-256.

    Every problem names the file and the line: a missing column, an empty or repeated
    ``record_id``, a record with neither title nor abstract, no records at all.
    """
    path = Path(path)
    text, digest = _read_text(path)
    header, rows = _table(text, path)
    for column in REQUIRED:
        if column not in header:
            raise MissingColumnError(path=str(path), column=column, found=", ".join(header) or "ingen kolonner")
    index = {column: header.index(column) for column in REQUIRED}
    keywords_at = header.index("keywords") if "keywords" in header else None
    records: list[ScreeningRecord] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        row = row + [""] * (len(header) - len(row))
        record_id = row[index["record_id"]].strip()
        if not record_id:
            raise InputFormatError(path=str(path), detail=f"linje {line} mangler record_id")
        if record_id in seen:
            raise InputFormatError(
                path=str(path), detail=f"record_id «{record_id}» står både på linje {seen[record_id]} og {line}"
            )
        seen[record_id] = line
        title = " ".join(row[index["title"]].split())
        abstract = " ".join(row[index["abstract"]].split())
        if not title and not abstract:
            raise InputFormatError(
                path=str(path), detail=f"post «{record_id}» (linje {line}) har verken tittel eller sammendrag"
            )
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
