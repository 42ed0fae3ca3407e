"""The agreement manifest: which file is which agreement, between whom, fetched from where and when.

A manifest is a CSV file with the columns ``file,health_trust,municipality,url,retrieved``
(shared/spec/agreement-assessment.md).  Only ``file`` is required; the others may be missing
or empty.  Public API::

    read_manifest(path) -> list[ManifestRow]              # ManifestError and subclasses on bad input
    manifest_index(rows) -> dict[str, ManifestRow]        # by relative path and by bare file name
    manifest_lookup(index, path) -> ManifestRow | None    # an assessed file's row, by its longest known tail

What is read, and how forgiving it is:

- Encoding: UTF-8 with or without BOM; anything else is decoded by
  :func:`samrev.ingest.encoding.decode_bytes` (Windows-1252 is what a spreadsheet on Windows
  saves, and is detected; UTF-16 from "Unicode text" exports is read too).
- Delimiter: ``,`` or ``;`` (what a spreadsheet with Norwegian settings writes), decided from
  the header line; quoted fields may hold the other one, and line breaks.
- Header names: case-insensitive, surrounding spaces stripped.  Columns beyond the five are
  ignored, and so are cells beyond the header's width.  Blank rows are skipped.
- ``retrieved``: ``2024-03-01``, ``01.03.2024`` (also ``1.3.2024``), or an ISO datetime
  (``2024-03-01T10:15:00Z``, ``2024-03-01 10:15``) → ``date`` or ``datetime``; empty → ``None``.
- ``municipality`` may name several municipalities separated by ``;`` (or ``,``).

Parties are resolved through :mod:`samrev.registry`: ``health_trust_code`` is the trust's
registry id (a hospital site gives its trust); ``municipality_codes`` are municipality numbers
in the 2024 structure.  A name or number of the 2020 structure that the 2024 one lacks is
mapped to its 2024 successors; a name two municipalities share (Herøy, Våler) is decided by
the row's health trust's catchment, or written ``Herøy (Nordland)``.  A party that cannot be
resolved is kept as written with no code: the row is not an error.  ``*`` (all municipalities
in the trust's area, as in assessments) resolves to no codes.

Errors name the file and, where there is one, the line (1-based; the header is line 1):
a missing file (:class:`InputNotFound`), an unreadable one (:class:`ManifestUnreadable`), no
``file`` column (:class:`ManifestMissingColumn`), no rows (:class:`ManifestEmpty`), and a row
without a file name, a file listed twice or a date that cannot be read (:class:`ManifestError`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from samrev.core.errors import (
    InputNotFound,
    ManifestEmpty,
    ManifestError,
    ManifestMissingColumn,
    ManifestUnreadable,
)

COLUMNS = ("file", "health_trust", "municipality", "url", "retrieved")
REQUIRED = ("file",)
#: The registry structure municipality codes are given in.
STRUCTURE_YEAR = 2024

_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MUNICIPALITY_SEPARATORS = re.compile(r"[;,]")


@dataclass(frozen=True, slots=True)
class ManifestRow:
    line: int                      # 1-based line number in the CSV (header = 1)
    file: str                      # as written (relative to the manifest's folder, or a bare name)
    health_trust: str              # as written ("" when empty)
    municipality: str              # as written ("" when empty); may hold several names separated by ";"
    url: str                       # "" when empty
    retrieved: datetime | date | None
    health_trust_code: str | None  # resolved via samrev.registry (None when not resolvable)
    municipality_codes: tuple[str, ...]  # resolved municipality numbers (empty when none)

    @property
    def municipality_names(self) -> tuple[str, ...]:
        """The municipality names as written, one per party."""
        return split_municipalities(self.municipality)


def read_manifest(path: Path | str) -> list[ManifestRow]:
    """Every row of a manifest, in file order; raises :class:`ManifestError` (or a subclass)."""
    path = Path(path)
    shown = str(path)
    if not path.exists():
        raise InputNotFound(path=shown)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ManifestUnreadable(path=shown, detail=exc.strerror or str(exc)) from exc
    text = _decode(data)
    if not text.strip():
        raise ManifestEmpty(path=shown, line=1, detail=" (filen er tom)")
    if "\x00" in text:
        raise ManifestUnreadable(path=shown, detail="filen ser ut til å være binær, ikke CSV (er det et regneark?)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    try:
        records = [(reader.line_num, cells) for cells in reader]
    except csv.Error as exc:
        raise ManifestError(path=shown, line=reader.line_num, detail=f"ugyldig CSV ({exc})") from exc
    header_line, header = next(((n, cells) for n, cells in records if any(c.strip() for c in cells)), (1, []))
    columns = _columns(header)
    for name in REQUIRED:
        if name not in columns:
            found = ", ".join(f"«{c.strip()}»" for c in header if c.strip()) or "ingen kolonner"
            raise ManifestMissingColumn(path=shown, column=name, line=header_line, found=found)
    rows: list[ManifestRow] = []
    seen: dict[str, int] = {}
    previous_end = header_line
    for end_line, cells in records:
        if end_line <= header_line:
            continue
        line = previous_end + 1  # where the record starts (a quoted field may span lines)
        previous_end = end_line
        if not any(cell.strip() for cell in cells):
            continue
        row = _row(cells, columns, line, shown)
        key = normalise_key(row.file)
        if key in seen:
            raise ManifestError(path=shown, line=line,
                                detail=f"filen «{row.file}» står allerede på linje {seen[key]}")
        seen[key] = line
        rows.append(row)
    if not rows:
        raise ManifestEmpty(path=shown, line=header_line, detail=" under overskriftslinjen")
    return rows


def manifest_index(rows: Sequence[ManifestRow]) -> dict[str, ManifestRow]:
    """Rows by relative path as written (``/`` separators, no leading ``./``) and by bare file name.

    A bare name that two rows share (``a/avtale.pdf``, ``b/avtale.pdf``) is left out: only the
    paths find those.  Keys are in Unicode NFC, with an NFD twin where it differs (file names
    from macOS), so a name taken from the file system finds its row either way.
    """
    index: dict[str, ManifestRow] = {}
    names: dict[str, list[ManifestRow]] = {}
    for row in rows:
        key = normalise_key(row.file)
        _put(index, key, row)
        names.setdefault(PurePosixPath(key).name, []).append(row)
    for name, holders in names.items():
        if len(holders) == 1 and name not in index:
            _put(index, name, holders[0])
    return index


def manifest_lookup(index: dict[str, ManifestRow], path: Path | str) -> ManifestRow | None:
    """The row of an assessed file: its path as given, then ever shorter tails of it.

    ``/data/runde/avtaler-nedlastet/bergen/a.pdf`` finds the row written ``bergen/a.pdf`` (or
    ``a.pdf``) wherever the files were put; an archive member (``x.zip!inner/a.pdf``) is looked
    up by its inner path.
    """
    key = normalise_key(str(path).rsplit("!", 1)[-1])
    parts = key.split("/")
    for start in range(len(parts)):
        row = index.get("/".join(parts[start:]))
        if row is not None:
            return row
    return None


def normalise_key(file: str) -> str:
    """A manifest file name as a look-up key: NFC, ``/`` separators, no ``./``, no surrounding spaces."""
    text = unicodedata.normalize("NFC", file.strip()).replace("\\", "/")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    return "/".join(parts)


def split_municipalities(text: str) -> tuple[str, ...]:
    """``"Gjøvik; Vestre Toten"`` → ``("Gjøvik", "Vestre Toten")``."""
    return tuple(part.strip() for part in _MUNICIPALITY_SEPARATORS.split(text) if part.strip())


def parse_retrieved(text: str) -> datetime | date | None:
    """An ISO or Norwegian date, or an ISO datetime; ``None`` for an empty cell; ``ValueError`` else."""
    text = text.strip()
    if not text:
        return None
    match = _NORWEGIAN_DATE.match(text)
    if match:
        day, month, year = (int(group) for group in match.groups())
        return date(year, month, day)
    if _ISO_DATE.match(text):
        return date.fromisoformat(text)
    if len(text) > 10 and text[:4].isdigit() and text[4] == "-":
        return datetime.fromisoformat(text)
    raise ValueError(text)


# --- internals -----------------------------------------------------------------------------------


def _put(index: dict[str, ManifestRow], key: str, row: ManifestRow) -> None:
    index.setdefault(key, row)
    index.setdefault(unicodedata.normalize("NFD", key), row)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from samrev.ingest.encoding import decode_bytes

        return decode_bytes(data).text.lstrip("\ufeff")


def _delimiter(text: str) -> str:
    """``;`` when the header line has more semicolons than commas (outside quotes), else ``,``."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for position, name in enumerate(header):
        key = name.strip().lstrip("\ufeff").strip().casefold()
        if key in COLUMNS and key not in columns:
            columns[key] = position
    return columns


def _row(cells: list[str], columns: dict[str, int], line: int, shown: str) -> ManifestRow:
    def cell(name: str) -> str:
        position = columns.get(name)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    file = cell("file")
    if not normalise_key(file):
        raise ManifestError(path=shown, line=line, detail="kolonnen «file» er tom")
    raw_date = cell("retrieved")
    try:
        retrieved = parse_retrieved(raw_date)
    except ValueError as exc:
        raise ManifestError(
            path=shown, line=line,
            detail=f"datoen «{raw_date}» i «retrieved» kan ikke leses (bruk 2024-03-01, 01.03.2024 "
                   "eller 2024-03-01T10:15:00Z)",
        ) from exc
    health_trust = cell("health_trust")
    municipality = cell("municipality")
    trust_code = resolve_health_trust(health_trust)
    return ManifestRow(
        line=line,
        file=file,
        health_trust=health_trust,
        municipality=municipality,
        url=cell("url"),
        retrieved=retrieved,
        health_trust_code=trust_code,
        municipality_codes=resolve_municipalities(municipality, trust_code),
    )


def resolve_health_trust(name: str) -> str | None:
    """The registry id of a health trust name, alias, abbreviation or hospital site; ``None`` if unknown."""
    from samrev.core.errors import RegistryError
    from samrev.registry import health_trust

    if not name.strip():
        return None
    try:
        return health_trust(name).id
    except RegistryError:
        return None


def resolve_municipalities(text: str, health_trust_code: str | None = None) -> tuple[str, ...]:
    """2024 municipality numbers for the names or numbers in ``text`` (unknown ones left out)."""
    codes: list[str] = []
    for name in split_municipalities(text):
        for number in _resolve_one(name, health_trust_code):
            if number not in codes:
                codes.append(number)
    return tuple(codes)


def _resolve_one(name: str, health_trust_code: str | None) -> list[str]:
    from samrev.core.errors import SamrevError
    from samrev.registry import find_municipalities, municipalities_in_catchment, to_2024

    if name == "*":
        return []
    try:
        found = find_municipalities(name, STRUCTURE_YEAR)
        if not found:
            return [m.number for old in find_municipalities(name, 2020) for m in to_2024(old.number)]
        if len(found) > 1 and health_trust_code:
            served = {m.number for m in municipalities_in_catchment(health_trust_code, STRUCTURE_YEAR)}
            found = [m for m in found if m.number in served]
        return [found[0].number] if len(found) == 1 else []
    except SamrevError:
        return []
