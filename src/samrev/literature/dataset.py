"""Reading a labelled screening dataset (CSV) as the simulation spec describes it.

Columns ``record_id``, ``title``, ``abstract`` and ``label_included`` (1 = included,
0 = excluded) are required; other columns are ignored.  ``record_id`` is a string, unique in
the file; a record needs a title or an abstract.  The file is decoded with
:func:`samrev.ingest.encoding.decode_bytes` (UTF-8 first, then a BOM, UTF-16 or a Western
code page), and the delimiter may be a comma, a semicolon or a tab.  Every problem names the
file and, where there is one, the line.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from samrev.core.errors import InputFormatError, InputNotFound, MissingColumnError

REQUIRED = ("record_id", "title", "abstract", "label_included")
_LABELS = {"1": 1, "0": 0, "1.0": 1, "0.0": 0, "true": 1, "false": 0}


@dataclass(frozen=True, slots=True)
class ScreeningDataset:
    """Records in file order.  ``labels`` is the oracle: only a simulation reads it, one record
    at a time, when the record is screened."""

    name: str
    path: str
    record_ids: tuple[str, ...]
    titles: tuple[str, ...]
    abstracts: tuple[str, ...]
    labels: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.record_ids)

    @property
    def n_included(self) -> int:
        return sum(self.labels)

    def texts(self) -> list[str]:
        """Title and abstract of each record, joined (the model's input)."""
        return [f"{title} {abstract}".strip() for title, abstract in zip(self.titles, self.abstracts, strict=True)]

    def label_map(self) -> dict[str, int]:
        return dict(zip(self.record_ids, self.labels, strict=True))


def read_csv_text(path: Path) -> tuple[str, str]:
    """The decoded text of a screening CSV and the SHA-256 of its bytes."""
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


def _rows(text: str, path: Path, required: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    first_line = text.split("\n", 1)[0]
    best: tuple[list[str], list[list[str]]] | None = None
    for delimiter in (",", ";", "\t"):
        if delimiter not in first_line and delimiter != ",":
            continue
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise InputFormatError(path=str(path), detail=f"ugyldig CSV ({exc})") from None
        if not rows:
            raise InputFormatError(path=str(path), detail="filen er tom")
        header = [cell.strip().lstrip("\ufeff").lower() for cell in rows[0]]
        if best is None:
            best = (header, rows[1:])
        if all(column in header for column in required):
            return header, rows[1:]
    if best is None:  # pragma: no cover - the comma is always tried
        raise InputFormatError(path=str(path), detail="fant ingen kolonner")
    return best


def read_table(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, SHA-256) of a screening CSV (comma, semicolon or tab; any common encoding)
    that has the ``required`` columns; a missing one is a :class:`MissingColumnError`."""
    text, digest = read_csv_text(path)
    header, rows = _rows(text, path, required)
    for column in required:
        if column not in header:
            raise MissingColumnError(path=str(path), column=column, found=", ".join(header) or "ingen kolonner")
    return header, rows, digest


def checked_rows(
    path: Path, header: list[str], rows: list[list[str]]
) -> Iterator[tuple[int, list[str], str, str, str]]:
    """(line, row padded to the header, record_id, title, abstract) for each non-blank row, with
    white space folded; an empty or repeated ``record_id`` or a record with neither title nor
    abstract is an :class:`InputFormatError` naming the line."""
    at_id, at_title, at_abstract = (header.index(column) for column in ("record_id", "title", "abstract"))
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        row = row + [""] * (len(header) - len(row))
        record_id = row[at_id].strip()
        if not record_id:
            raise InputFormatError(path=str(path), detail=f"linje {line} mangler record_id")
        if record_id in seen:
            raise InputFormatError(
                path=str(path), detail=f"record_id «{record_id}» står både på linje {seen[record_id]} og {line}"
            )
        seen[record_id] = line
        title = " ".join(row[at_title].split())
        abstract = " ".join(row[at_abstract].split())
        if not title and not abstract:
            raise InputFormatError(
                path=str(path), detail=f"post «{record_id}» (linje {line}) har verken tittel eller sammendrag"
            )
        yield line, row, record_id, title, abstract


def read_screening_csv(path: str | Path, name: str | None = None) -> ScreeningDataset:
    """Read and check a labelled screening dataset."""
    path = Path(path)
    header, rows, _digest = read_table(path, REQUIRED)
    at_label = header.index("label_included")
    ids: list[str] = []
    titles: list[str] = []
    abstracts: list[str] = []
    labels: list[int] = []
    for line, row, record_id, title, abstract in checked_rows(path, header, rows):
        raw_label = row[at_label].strip().lower()
        if raw_label not in _LABELS:
            raise InputFormatError(
                path=str(path),
                detail=f"label_included på linje {line} er «{raw_label}», ikke 1 eller 0",
            )
        ids.append(record_id)
        titles.append(title)
        abstracts.append(abstract)
        labels.append(_LABELS[raw_label])
    if not ids:
        raise InputFormatError(path=str(path), detail="filen har ingen poster")
    return ScreeningDataset(
        name=name or path.stem,
        path=str(path),
        record_ids=tuple(ids),
        titles=tuple(titles),
        abstracts=tuple(abstracts),
        labels=tuple(labels),
    )
