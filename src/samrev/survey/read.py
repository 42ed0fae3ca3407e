"""Survey exports as they come from Nettskjema, QuestBack, Excel and SPSS → one tidy :class:`Table`.

CSV/TXT: delimiter ``,``, ``;`` or tab sniffed from the header row (outside quotes); UTF-8 with or
without BOM, UTF-16 with BOM, else Windows-1252 (only when the bytes are not valid UTF-8); CRLF or
LF; quoted fields may hold line breaks.  XLSX: the first sheet, cells as text (whole numbers
without ``.0``).  SPSS ``.sav``: value labels applied; a column is found by its variable name or its
label (the question text).  Every cell becomes a ``str`` (``""`` for empty).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from samrev.core.errors import SurveyEmpty, SurveyUnreadable

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class InputInfo:
    file: str
    format: str
    encoding: str | None
    delimiter: str | None
    rows: int
    columns: int

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "format": self.format, "encoding": self.encoding,
                "delimiter": self.delimiter, "rows": self.rows, "columns": self.columns}


@dataclass(slots=True)
class Table:
    """Headers, rows of text cells (padded to the header width) and how the file was read.

    ``labels`` holds a second name per column (SPSS variable labels), also accepted in configs.
    """

    headers: list[str]
    rows: list[list[str]]
    info: InputInfo
    labels: list[str] = field(default_factory=list)

    def names(self, index: int) -> list[str]:
        out = [self.headers[index]]
        if index < len(self.labels) and self.labels[index]:
            out.append(self.labels[index])
        return out


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: BOMs first, then strict UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter most frequent outside quotes in the header row (first logical line)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _finish(path: Path, headers: list[str], rows: list[list[str]], fmt: str, encoding: str | None,
            delimiter: str | None, labels: list[str] | None = None) -> Table:
    headers = [h.strip() for h in headers]
    width = len(headers)
    if width == 0 or not any(headers):
        raise SurveyUnreadable(path=str(path), detail="fant ingen overskriftsrad")
    tidy = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue  # a blank line (often the last one) is no submission
        tidy.append((row + [""] * width)[:width])
    if not tidy:
        raise SurveyEmpty(path=str(path))
    info = InputInfo(file=path.name, format=fmt, encoding=encoding, delimiter=delimiter, rows=len(tidy),
                     columns=width)
    return Table(headers=headers, rows=tidy, info=info, labels=labels or [])


def read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SurveyUnreadable(path=str(path), detail=exc.strerror or str(exc)) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SurveyUnreadable(path=str(path), detail="filen ser ut som en binærfil, ikke CSV-tekst")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:
        raise SurveyUnreadable(path=str(path), detail=f"ugyldig tegnkoding ({exc.reason})") from None
    if not text.strip():
        raise SurveyEmpty(path=str(path))
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SurveyUnreadable(path=str(path), detail=f"ugyldig CSV ({exc})") from None
    if not rows:
        raise SurveyEmpty(path=str(path))
    return _finish(path, rows[0], rows[1:], "csv", encoding, delimiter)


def read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SurveyUnreadable(path=str(path), detail=f"ikke en gyldig XLSX-fil ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise SurveyEmpty(path=str(path))
    while rows[0] and rows[0][-1] == "":
        rows[0].pop()
    return _finish(path, rows[0], rows[1:], "xlsx", None, None)


def read_sav(path: Path) -> Table:
    try:
        import pyreadstat
    except ImportError:  # pragma: no cover - pyreadstat is a dependency
        raise SurveyUnreadable(path=str(path), detail="pyreadstat er ikke installert") from None
    try:
        frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=True)
    except Exception as exc:  # pyreadstat raises its own untyped errors
        raise SurveyUnreadable(path=str(path), detail=f"ikke en gyldig SPSS-fil ({exc})") from None
    headers = [str(name) for name in frame.columns]
    labels = [str(label or "") for label in (meta.column_labels or [""] * len(headers))]
    rows = [[_cell_text(v) for v in record] for record in frame.itertuples(index=False, name=None)]
    return _finish(path, headers, rows, "sav", getattr(meta, "file_encoding", None), None, labels)


def read_table(path: str | Path) -> Table:
    """Read an export by its extension (``.xlsx``/``.xlsm``, ``.sav``/``.zsav``, else CSV/TXT)."""
    path = Path(path)
    if not path.is_file():
        raise SurveyUnreadable(path=str(path), detail="filen finnes ikke")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".sav", ".zsav"):
        return read_sav(path)
    if suffix in (".xls", ".ods"):
        raise SurveyUnreadable(path=str(path), detail=f"formatet {suffix} støttes ikke; lagre som XLSX eller CSV")
    return read_csv(path)
