"""Reading a labelled screening dataset (CSV) as the simulation spec describes it, and the table
reading the other screening files share (:func:`read_table`: CSV or XLSX).

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
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


Aliases = Mapping[str, tuple[str, ...]]


def _fold(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").split())


def _header(cells: list[str], aliases: Aliases | None) -> list[str]:
    """The header in lower case; with ``aliases``, a column named by one of a name's aliases (or
    the name itself, ignoring case, ``_``, ``-`` and spacing) gets that name (the leftmost such
    column, when several)."""
    header = [cell.strip().lstrip("\ufeff").lower() for cell in cells]
    if not aliases:
        return header
    lookup = {_fold(alias): name for name, names in aliases.items() for alias in (name, *names)}
    taken: set[str] = set()
    out = []
    for cell in header:
        name = lookup.get(_fold(cell))
        if name is not None and name not in taken:
            taken.add(name)
            out.append(name)
        else:
            out.append(cell)
    return out


def _rows(text: str, path: Path, required: tuple[str, ...], aliases: Aliases | None = None,
          ) -> tuple[list[str], list[list[str]]]:
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
        header = _header(rows[0], aliases)
        if all(column in header for column in required):
            return header, rows[1:]
        if best is None or sum(c in header for c in required) > sum(c in best[0] for c in required):
            best = (header, rows[1:])  # the delimiter that finds most of the columns, for the error
    if best is None:  # pragma: no cover - the comma is always tried
        raise InputFormatError(path=str(path), detail="fant ingen kolonner")
    return best


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _xlsx_rows(path: Path) -> tuple[list[list[str]], str]:
    """The first sheet's rows as text, and the SHA-256 of the file."""
    import zipfile

    from openpyxl import load_workbook

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputNotFound(path=str(path)) from None
    except OSError as exc:
        raise InputFormatError(path=str(path), detail=exc.strerror or str(exc)) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputFormatError(path=str(path), detail=f"ugyldig Excel-fil ({type(exc).__name__})") from None
    try:
        rows = [[_cell_text(value) for value in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise InputFormatError(path=str(path), detail="det første regnearket er tomt")
    return rows, hashlib.sha256(data).hexdigest()


def read_table(path: Path, required: tuple[str, ...], aliases: Aliases | None = None,
               ) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, SHA-256) of a screening table that has the ``required`` columns: a CSV
    (comma, semicolon or tab; any common encoding) or, by the extension ``.xlsx``/``.xlsm``, the
    first sheet of an Excel workbook (cells as text, whole numbers without ``.0``).  ``aliases``
    maps a column name to other headers that mean it (see :func:`_header`); a missing column is a
    :class:`MissingColumnError`."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        cells, digest = _xlsx_rows(path)
        header, rows = _header(cells[0], aliases), cells[1:]
    else:
        text, digest = read_csv_text(path)
        header, rows = _rows(text, path, required, aliases)
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
