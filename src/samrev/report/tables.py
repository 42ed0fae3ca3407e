"""Tables made from raw values: one source for the report's formatted cells and the spreadsheet.

:func:`make_table` takes rows of unformatted values (ints, shares 0–1, p-values, ``[lo, hi]``
intervals, text) and a :class:`Column` per column saying what they are, and returns a
:class:`~samrev.report.blocks.Table` whose ``rows`` are formatted the Norwegian way
(:mod:`samrev.report.format`) and whose ``values`` keep the raw numbers.  HTML, PDF and DOCX show
``rows``; :func:`write_xlsx` writes ``values`` as real numbers with an Excel number format, one
sheet per table, so a spreadsheet user can compute with them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from samrev.report.blocks import Table
from samrev.report.format import DASH, NBSP, number, percent, percent_range

#: Column kinds: how a raw value is formatted in the report and in a spreadsheet.
KINDS = ("text", "int", "float1", "float2", "share", "range", "p")
_EXCEL_FORMAT = {"int": "0", "float1": "0.0", "float2": "0.00", "share": "0.0%", "range": "0.0%", "p": "0.0000"}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: str = "text"

    @property
    def align(self) -> str:
        return "l" if self.kind == "text" else "r"


def p_value(value: float | None) -> str:
    """``0.00352`` → ``0,004``; below 0.001 → ``< 0,001``; None → ``–``."""
    if value is None:
        return DASH
    if value < 0.001:
        return f"<{NBSP}0,001"
    return number(value, 3)


def p_equals(value: float | None, name: str = "p") -> str:
    """``p = 0,004`` or ``p < 0,001``."""
    text = p_value(value)
    return f"{name}{NBSP}{text}" if text.startswith("<") else f"{name}{NBSP}={NBSP}{text}"


def format_cell(value: Any, kind: str) -> str:
    """One raw value as the report shows it."""
    if value is None or value == "":
        return DASH
    if kind == "int":
        return number(value)
    if kind == "float1":
        return number(value, 1)
    if kind == "float2":
        return number(value, 2)
    if kind == "share":
        return percent(value)
    if kind == "range":
        low, high = value
        return percent_range(low, high)
    if kind == "p":
        return p_value(value)
    return str(value)


def make_table(id: str, caption: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *,
               total: Sequence[Any] | None = None, note: str = "", widths: Sequence[float] = ()) -> Table:
    """A report table whose cells are ``rows`` formatted per column kind (raw values kept)."""
    for column in columns:
        if column.kind not in KINDS:
            raise ValueError(f"unknown column kind {column.kind!r}")
    for row in [*rows, *([total] if total else [])]:
        if len(row) != len(columns):
            raise ValueError(f"table {id}: a row has {len(row)} cells for {len(columns)} columns")
    kinds = [c.kind for c in columns]

    def fmt(row: Sequence[Any]) -> list[str]:
        return [format_cell(value, kind) for value, kind in zip(row, kinds, strict=True)]

    return Table(id=id, caption=caption, columns=[c.header for c in columns], rows=[fmt(r) for r in rows],
                 align=[c.align for c in columns], total=fmt(total) if total else [], note=note,
                 widths=list(widths), values=[list(r) for r in rows], total_values=list(total or []), kinds=kinds)


def _sheet_name(table: Table, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "", f"{table.number} {table.caption}" if table.number else table.caption)
    base = base.strip()
    if len(base) > 31:  # Excel's limit; cut at a word
        cut = base[:31].rsplit(" ", 1)[0]
        base = cut if len(cut) >= 12 else base[:31]
    base = base.strip(" ,:–-") or "Tabell"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def write_xlsx(tables: Sequence[Table], *, title: str = "") -> bytes:
    """A workbook: a contents sheet, then one sheet per table (header row in bold, raw numbers with
    Norwegian column headers; an interval becomes two columns, lower and upper bound)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])
    contents = book.create_sheet("Innhold")
    contents.append([title or "Tabeller"])
    contents["A1"].font = Font(bold=True, size=13)
    contents.append([])
    contents.append(["Ark", "Tabell", "Merknad"])
    for cell in contents[3]:
        cell.font = Font(bold=True)
    used = {"innhold"}
    header_fill = PatternFill("solid", fgColor="1C4E7D")
    for table in tables:
        name = _sheet_name(table, used)
        contents.append([name, table.caption, table.note])
        sheet = book.create_sheet(name)
        kinds = table.kinds or ["text"] * len(table.columns)
        headers: list[str] = []
        for header, kind in zip(table.columns, kinds, strict=True):
            headers.extend([f"{header} (nedre)", f"{header} (øvre)"] if kind == "range" else [header])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        raw_rows = ([*table.values, *([table.total_values] if table.total_values else [])] if table.values
                    else [*table.rows, *([table.total] if table.total else [])])
        for row in raw_rows:
            cells: list[Any] = []
            for value, kind in zip(row, kinds, strict=True):
                if kind == "range":
                    cells.extend(list(value) if value else [None, None])
                else:
                    cells.append(None if value == "" else value)
            sheet.append(cells)
        if table.total_values or table.total:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        column = 1
        for header, kind in zip(table.columns, kinds, strict=True):
            for _ in range(2 if kind == "range" else 1):
                letter = get_column_letter(column)
                if kind in _EXCEL_FORMAT:
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                        cell.number_format = _EXCEL_FORMAT[kind]
                width = max([len(str(header)) + 2, *(len(str(c.value or "")) + 2 for (c,) in
                                                     sheet.iter_rows(min_row=2, min_col=column, max_col=column))])
                sheet.column_dimensions[letter].width = min(60, max(8, width))
                column += 1
        sheet.freeze_panes = "A2"
    contents.column_dimensions["A"].width = 34
    contents.column_dimensions["B"].width = 70
    contents.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
