"""Reading reference exports: RIS, PubMed/MEDLINE (NBIB), Web of Science plain text, BibTeX,
CSV/TSV, XLSX, OpenAlex JSON and CSL-JSON (Zotero), into :class:`~samrev.literature.reference.Reference`.

Parsing is left to kept libraries: ``rispy`` (RIS; its ``WokParser`` for Web of Science plain
text; and a ``RisParser`` subclass with a MEDLINE tag mapping for NBIB, whose tags are four
characters wide and whose records have no end tag), ``bibtexparser`` 2 (BibTeX, with LaTeX
decoding), ``csv`` and ``openpyxl``.  What samrev adds: splitting a file into records so that
every problem has a record number and a line, the field mapping of each database's flavour, the
encoding (:func:`samrev.ingest.encoding.decode_bytes`: UTF-8, BOM, UTF-16, Windows-1252 …) and
normalisation.

A broken record becomes a :class:`RecordProblem` (record number, line, message in bokmål) and the
rest of the file is read; a file that cannot be read at all raises
:class:`~samrev.core.errors.LiteratureFileUnreadable` naming the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from samrev.core.errors import LiteratureFileUnreadable
from samrev.literature.reference import Reference, clean_text, normalise_doi, parse_year, split_authors

FORMATS = ("ris", "nbib", "wos", "bibtex", "csv", "xlsx", "openalex")


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that was skipped (``skipped``) or read with a warning."""

    position: int
    line: int
    message: str
    skipped: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "line": self.line, "message": self.message, "skipped": self.skipped}

    def describe(self) -> str:
        where = f"post {self.position}" if self.position else "utenfor postene"
        if self.line:
            where += f", linje {self.line}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ReadResult:
    path: str
    format: str
    content_hash: str
    encoding: str = ""
    references: list[Reference] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(problem.skipped for problem in self.problems)


# --- helpers ---------------------------------------------------------------------------------


def _first(record: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = next((item for item in value if item), None)
        if value not in (None, ""):
            return value
    return None


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item not in (None, "")]
    return [str(value)]


def _pages(start: Any, end: Any) -> str:
    start_text, end_text = clean_text(start), clean_text(end)
    if start_text and end_text and end_text != start_text:
        return f"{start_text}-{end_text}"
    return start_text


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


_PMID_IN_TEXT = re.compile(r"(?:PMID|PubMed ID|MEDLINE)\s*[:=]?\s*(\d{1,9})", re.IGNORECASE)
_MISSING = "posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"


def _check_year(ref: Reference, raw_year: Any, problems: list[RecordProblem]) -> None:
    if raw_year not in (None, "") and ref.year is None:
        problems.append(RecordProblem(ref.position, ref.line, f"ugyldig årstall «{clean_text(raw_year)}»; året er tomt",
                                      skipped=False))


def _keep(ref: Reference, references: list[Reference], problems: list[RecordProblem]) -> None:
    ref.finish()
    if ref.is_empty():
        problems.append(RecordProblem(ref.position, ref.line, _MISSING))
    else:
        references.append(ref)


# --- RIS -------------------------------------------------------------------------------------

_RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{0,3}-(?:\s|$)")
_PMID_SHAPE = re.compile(r"^\d{1,8}$")


def _ris_chunks(lines: Sequence[str]) -> tuple[list[tuple[int, list[str], bool]], list[RecordProblem]]:
    """Split RIS lines into records: (first line number, lines, ended with ER)."""
    chunks: list[tuple[int, list[str], bool]] = []
    problems: list[RecordProblem] = []
    current: list[str] | None = None
    start = 0
    stray: int | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        tag = _RIS_TAG.match(line)
        if tag:  # "TI - x", "TI  -x": rispy wants exactly "TI  - "
            line = f"{tag.group(1)}  - {line[tag.end():].strip()}"
        if tag and tag.group(1) == "TY":
            if current is not None:
                chunks.append((start, current, False))
            if stray is not None:
                problems.append(RecordProblem(0, stray, "tekst utenfor en post (mangler TY-linjen?) ble hoppet over"))
                stray = None
            current, start = [line], number
        elif tag and tag.group(1) == "ER":
            if current is None:
                problems.append(RecordProblem(0, stray or number,
                                              "tekst uten TY-linje foran ER-linjen ble hoppet over"))
                stray = None
                continue
            current.append("ER  - ")
            chunks.append((start, current, True))
            current = None
        elif current is not None:
            current.append(line)
        elif line.strip() and stray is None:
            stray = number
    if current is not None:
        chunks.append((start, current, False))
    if stray is not None:
        problems.append(RecordProblem(0, stray, "tekst utenfor en post (mangler TY-linjen?) ble hoppet over"))
    return chunks, problems


def _ris_type(record: Mapping[str, Any]) -> str:
    kind = clean_text(record.get("type_of_work"))
    return kind or clean_text(record.get("type_of_reference"))


def ris_reference(record: Mapping[str, Any]) -> Reference:
    """A rispy record (default mapping) as a Reference; the flavours differ in which tags they use:

    title TI (Scopus, WoS, Zotero, EndNote) or T1 (Ovid, Embase); abstract AB or N2; authors AU or
    A1; year PY, Y1 or DA; journal (the full name first) JF, T2 (Scopus, WoS, Zotero), JO, JA or J2; type M3 (Embase:
    «Conference Abstract», «Erratum») before TY; accession AN (digits up to 8 = a PMID) or ID.
    """
    doi = _first(record, "doi")
    urls = _as_list(record.get("urls"))
    if not doi:
        doi = next((url for url in urls if "doi.org/" in url.lower()), None)
    accession = clean_text(_first(record, "accession_number", "id"))
    database = " ".join(_as_list(record.get("name_of_database")) + _as_list(record.get("database_provider"))).lower()
    number = clean_text(_first(record, "accession_number")) or (
        clean_text(_first(record, "id")) if "medline" in database or "pubmed" in database else "")
    # An accession of 5-8 digits is a PMID (Embase's are 10-11 digits, EndNote's ID a record number);
    # Embase exports the MEDLINE PMID of a record in C5.
    pmid = number if _PMID_SHAPE.match(number) and len(number) >= 5 else ""
    custom5 = clean_text(_first(record, "custom5"))
    if not pmid and "embase" in database and _PMID_SHAPE.match(custom5) and len(custom5) >= 5:
        pmid = custom5
    if not pmid:
        notes = " ".join(_as_list(record.get("notes")) + _as_list(record.get("note")))
        found = _PMID_IN_TEXT.search(notes)
        pmid = found.group(1) if found else ""
    authors = _as_list(record.get("authors")) or _as_list(record.get("first_authors"))
    return Reference(
        title=_first(record, "title", "primary_title", "short_title") or "",
        abstract=_first(record, "abstract", "notes_abstract") or "",
        authors=[re.sub(r"\s*\(\d+\)$", "", name) for name in authors],
        year=parse_year(_first(record, "year", "publication_year", "date")),
        journal=_first(record, "alternate_title3", "secondary_title", "journal_name", "alternate_title2",
                       "alternate_title1") or "",
        volume=_first(record, "volume") or "",
        issue=_first(record, "number") or "",
        pages=_pages(record.get("start_page"), record.get("end_page")),
        doi=doi or "",
        pmid=pmid,
        keywords=_as_list(record.get("keywords")),
        language=_first(record, "language") or "",
        record_type=_ris_type(record),
        accession=accession,
        url=urls[0] if urls else "",
        raw=_jsonable(record),
    )


def read_ris(text: str) -> tuple[list[Reference], list[RecordProblem]]:
    import rispy

    chunks, problems = _ris_chunks(text.splitlines())
    references: list[Reference] = []
    for position, (start, lines, ended) in enumerate(chunks, start=1):
        if not ended:
            problems.append(RecordProblem(position, start, "posten mangler ER-linjen; lest til neste TY eller filslutt",
                                          skipped=False))
        try:
            parsed = rispy.loads("\n".join(lines), skip_unknown_tags=False)
        except Exception as exc:  # rispy raises plain exceptions on malformed input
            problems.append(RecordProblem(position, start, f"posten kan ikke tolkes ({exc})"))
            continue
        if not parsed:
            problems.append(RecordProblem(position, start, "posten kan ikke tolkes"))
            continue
        ref = ris_reference(parsed[0])
        ref.position, ref.line = position, start
        _check_year(ref, _first(parsed[0], "year", "publication_year", "date"), problems)
        _keep(ref, references, problems)
    return references, problems


# --- PubMed / MEDLINE (NBIB) -----------------------------------------------------------------

MEDLINE_TAGS: dict[str, str] = {
    "PMID": "pmid", "TI": "title", "TT": "translated_title", "AB": "abstract", "FAU": "full_authors",
    "AU": "authors", "DP": "date", "DEP": "electronic_date", "JT": "journal", "TA": "journal_abbreviation",
    "VI": "volume", "IP": "issue", "PG": "pages", "LID": "location_ids", "AID": "article_ids", "OT": "keywords",
    "MH": "mesh_terms", "LA": "languages", "PT": "publication_types", "SO": "source", "AD": "affiliations",
    "IS": "issn", "ER": "end_of_reference", "UK": "unknown_tag",
}
_MEDLINE_LISTS = ["FAU", "AU", "LID", "AID", "OT", "MH", "LA", "PT", "AD", "IS"]
_MEDLINE_LANGUAGES = {"eng": "en", "nor": "no", "nob": "nb", "nno": "nn", "swe": "sv", "dan": "da", "ger": "de",
                      "fre": "fr", "spa": "es", "dut": "nl", "fin": "fi"}


def _medline_parser() -> type[Any]:
    from rispy import RisParser

    class MedlineParser(RisParser):  # type: ignore[misc]
        """rispy with MEDLINE's four-character tags (``PMID- ``, ``FAU - ``) and a MEDLINE mapping."""

        START_TAG = "PMID"
        END_TAG = "ER"
        DEFAULT_MAPPING: ClassVar[dict[str, str]] = MEDLINE_TAGS
        DEFAULT_LIST_TAGS: ClassVar[list[str]] = _MEDLINE_LISTS
        DEFAULT_DELIMITER_MAPPING: ClassVar[dict[str, str]] = {}

        def parse_line(self, line: str) -> tuple[str | None, str]:
            if len(line) >= 5 and line[4] == "-" and line[:4].rstrip().isalnum() and line[0].isupper():
                return line[:4].rstrip(), line[6:].strip() if len(line) > 5 else ""
            return None, line.strip()

    return MedlineParser


def medline_reference(record: Mapping[str, Any]) -> Reference:
    ids = _as_list(record.get("location_ids")) + _as_list(record.get("article_ids"))
    doi = next((item for item in ids if item.lower().rstrip().endswith("[doi]")), "")
    types = _as_list(record.get("publication_types"))
    languages = [_MEDLINE_LANGUAGES.get(code.lower(), code) for code in _as_list(record.get("languages"))]
    return Reference(
        title=_first(record, "title", "translated_title") or "",
        abstract=_first(record, "abstract") or "",
        authors=_as_list(record.get("full_authors")) or _as_list(record.get("authors")),
        year=parse_year(_first(record, "date", "electronic_date")),
        journal=_first(record, "journal", "journal_abbreviation") or "",
        volume=_first(record, "volume") or "",
        issue=_first(record, "issue") or "",
        pages=_first(record, "pages") or "",
        doi=normalise_doi(doi),
        pmid=_first(record, "pmid") or "",
        keywords=_as_list(record.get("keywords")) + _as_list(record.get("mesh_terms")),
        language=", ".join(languages),
        record_type=_pick_type(types),
        accession=_first(record, "pmid") or "",
        raw=_jsonable(record),
    )


def _pick_type(types: Sequence[str]) -> str:
    """The publication type that matters for de-duplication (an erratum or comment before
    «Journal Article»)."""
    from samrev.literature.dedup import _CONFERENCE_TYPES, _NOTICE_TYPES

    folded = [(kind, kind.lower().strip()) for kind in types]
    for wanted in (_NOTICE_TYPES, _CONFERENCE_TYPES):
        for kind, low in folded:
            if low in wanted:
                return kind
    main = [kind for kind, low in folded if low != "english abstract" and not low.startswith("research support")]
    return (main or list(types) or [""])[0]


def read_nbib(text: str) -> tuple[list[Reference], list[RecordProblem]]:
    parser = _medline_parser()()
    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith("PMID-")]
    problems: list[RecordProblem] = []
    if starts and any(line.strip() for line in lines[: starts[0]]):
        first = next(number for number, line in enumerate(lines[: starts[0]]) if line.strip())
        problems.append(RecordProblem(0, first + 1, "tekst før første PMID-linje ble hoppet over"))
    references: list[Reference] = []
    for position, begin in enumerate(starts, start=1):
        end = starts[position] if position < len(starts) else len(lines)
        chunk = lines[begin:end]
        try:
            parsed = parser.parse("\n".join([*chunk, "ER  - "]))
        except Exception as exc:
            problems.append(RecordProblem(position, begin + 1, f"posten kan ikke tolkes ({exc})"))
            continue
        if not parsed:
            problems.append(RecordProblem(position, begin + 1, "posten kan ikke tolkes"))
            continue
        ref = medline_reference(parsed[0])
        ref.position, ref.line = position, begin + 1
        if not re.fullmatch(r"\s*\d+\s*", str(parsed[0].get("pmid", ""))):
            problems.append(RecordProblem(position, begin + 1, f"ugyldig PMID «{parsed[0].get('pmid', '')}»",
                                          skipped=False))
        _check_year(ref, _first(parsed[0], "date"), problems)
        _keep(ref, references, problems)
    return references, problems


# --- Web of Science plain text (FN/PT … ER) --------------------------------------------------


def read_wos(text: str) -> tuple[list[Reference], list[RecordProblem]]:
    from rispy import WokParser

    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines) if re.match(r"^PT [A-Z]\s*$", line)]
    references: list[Reference] = []
    problems: list[RecordProblem] = []
    for position, begin in enumerate(starts, start=1):
        end = starts[position] if position < len(starts) else len(lines)
        chunk = [line for line in lines[begin:end] if not line.startswith("EF")]
        if not any(line.startswith("ER") for line in chunk):
            problems.append(RecordProblem(position, begin + 1, "posten mangler ER-linjen", skipped=False))
            chunk.append("ER")
        try:
            parsed = WokParser().parse("\n".join(chunk))
        except Exception as exc:
            problems.append(RecordProblem(position, begin + 1, f"posten kan ikke tolkes ({exc})"))
            continue
        if not parsed:
            problems.append(RecordProblem(position, begin + 1, "posten kan ikke tolkes"))
            continue
        record = parsed[0]
        ref = Reference(
            title=_first(record, "document_title") or "",
            abstract=_first(record, "abstract") or "",
            authors=_as_list(record.get("author_full_name")) or _as_list(record.get("authors")),
            year=parse_year(_first(record, "publication_year", "publication_date")),
            journal=_first(record, "publication_name") or "",
            volume=_first(record, "volume") or "",
            issue=_first(record, "issue") or "",
            pages=_pages(record.get("beginning_page"), record.get("ending_page")),
            doi=_first(record, "doi") or "",
            pmid=_first(record, "pubmed_id") or "",
            keywords=[*split_authors(_first(record, "author_keywords")),
                      *split_authors(_first(record, "keywords_plus"))],
            language=_first(record, "language") or "",
            record_type=_first(record, "document_type") or "",
            accession=_first(record, "accession_number") or "",
            position=position,
            line=begin + 1,
            raw=_jsonable(record),
        )
        _keep(ref, references, problems)
    return references, problems


# --- BibTeX ----------------------------------------------------------------------------------


def read_bibtex(text: str) -> tuple[list[Reference], list[RecordProblem]]:
    from bibtexparser import middlewares
    from bibtexparser.entrypoint import parse_string

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # broken entries are reported as problems
    library = parse_string(text, append_middleware=[middlewares.LatexDecodingMiddleware()])
    blocks: list[tuple[int, Any, bool]] = [(entry.start_line or 0, entry, True) for entry in library.entries]
    blocks += [(block.start_line or 0, block, False) for block in library.failed_blocks]
    blocks.sort(key=lambda item: item[0])
    references: list[Reference] = []
    problems: list[RecordProblem] = []
    for position, (start, block, ok) in enumerate(blocks, start=1):
        line = start + 1
        if not ok:
            error = getattr(block, "error", None)
            reason = str(getattr(error, "abort_reason", "") or error or "").strip()
            problems.append(RecordProblem(position, line, f"BibTeX-posten kan ikke tolkes ({reason or 'syntaksfeil'})"))
            continue
        fields = {field_.key.lower(): field_.value for field_ in block.fields}
        keywords = re.split(r"\s*[;,]\s*", clean_text(fields.get("keywords", ""))) if fields.get("keywords") else []
        authors = [name.strip() for name in re.split(r"\s+and\s+", clean_text(fields.get("author", "")))]
        note = _PMID_IN_TEXT.search(str(fields.get("note", "")))
        ref = Reference(
            title=fields.get("title", ""),
            abstract=fields.get("abstract", ""),
            authors=[name for name in authors if name],
            year=parse_year(fields.get("year") or fields.get("date")),
            journal=fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle") or "",
            volume=fields.get("volume", ""),
            issue=fields.get("number", ""),
            pages=str(fields.get("pages", "")).replace("--", "-"),
            doi=fields.get("doi", ""),
            pmid=fields.get("pmid", "") or (note.group(1) if note else ""),
            keywords=keywords,
            language=fields.get("language", "") or fields.get("langid", ""),
            record_type=block.entry_type,
            accession=block.key,
            url=fields.get("url", ""),
            position=position,
            line=line,
            raw=_jsonable({"ENTRYTYPE": block.entry_type, "ID": block.key, **fields}),
        )
        _check_year(ref, fields.get("year"), problems)
        _keep(ref, references, problems)
    return references, problems


# --- CSV, TSV and XLSX -----------------------------------------------------------------------

# Column names (folded to lower case, spaces single) of Scopus, Web of Science (tab-delimited and
# Excel), Covidence, Zotero, EndNote, Rayyan and the screening CSV of shared/spec/screening.md.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "article title", "document title", "ti", "primary title", "titles"),
    "abstract": ("abstract", "ab", "abstract note", "abstracts"),
    "authors": ("author full names", "af", "authors", "author", "au", "author(s)", "author names"),
    "year": ("year", "publication year", "published year", "py", "pubyear", "publication date", "date", "pd"),
    "journal": ("source title", "journal", "publication title", "journal/book", "so", "journal title", "source",
                "secondary title"),
    "volume": ("volume", "vl"),
    "issue": ("issue", "is", "number"),
    "page_start": ("page start", "start page", "bp", "first page"),
    "page_end": ("page end", "end page", "ep", "last page"),
    "pages": ("pages", "page", "page range", "pg"),
    "doi": ("doi", "di", "doi link"),
    "pmid": ("pmid", "pubmed id", "pubmed_id", "pm", "pubmed"),
    "keywords": ("author keywords", "keywords", "manual tags", "de", "index keywords", "keywords plus", "id",
                 "automatic tags", "mesh terms"),
    "language": ("language of original document", "language", "la"),
    "record_type": ("document type", "item type", "publication type", "dt", "ref type", "type", "pt"),
    "accession": ("record_id", "covidence #", "key", "eid", "ut (unique wos id)", "ut", "accession number", "an",
                  "openalex_id", "id"),
    "url": ("url", "link"),
}


def _resolve_columns(header: Sequence[str]) -> dict[str, list[int]]:
    folded = [" ".join(str(name or "").replace("\ufeff", "").strip().lower().split()) for name in header]
    out: dict[str, list[int]] = {}
    used: set[int] = set()
    wos_tags = "ut" in folded and "pt" in folded  # Web of Science's two-letter columns: ID = Keywords Plus
    for target, names in COLUMNS.items():
        indexes = []
        for name in names:
            if name == "id" and (target == "keywords") != wos_tags:
                continue
            if name in folded:
                index = folded.index(name)
                if index not in used or target == "accession":
                    indexes.append(index)
        if target != "keywords":
            indexes = indexes[:1]
        if indexes:
            out[target] = indexes
            if target != "accession":
                used.update(indexes)
    return {key: value for key, value in out.items() if value}


def _row_reference(columns: Mapping[str, list[int]], header: Sequence[str], row: Sequence[Any],
                   position: int, line: int) -> Reference:
    def cell(target: str) -> str:
        for index in columns.get(target, []):
            if index < len(row) and row[index] not in (None, ""):
                return clean_text(row[index])
        return ""

    keywords: list[str] = []
    for index in columns.get("keywords", []):
        if index < len(row) and row[index]:
            keywords.extend(re.split(r"\s*;\s*", clean_text(row[index])))
    authors = split_authors(cell("authors"))
    raw = {str(name or f"kolonne {i + 1}"): _jsonable(row[i]) for i, name in enumerate(header) if i < len(row)
           and row[i] not in (None, "")}
    return Reference(
        title=cell("title"),
        abstract=cell("abstract"),
        authors=[re.sub(r"\s*\(\d+\)$", "", name) for name in authors],
        year=parse_year(cell("year")),
        journal=cell("journal"),
        volume=cell("volume"),
        issue=cell("issue"),
        pages=cell("pages") or _pages(cell("page_start"), cell("page_end")),
        doi=cell("doi"),
        pmid=cell("pmid"),
        keywords=keywords,
        language=cell("language"),
        record_type=cell("record_type"),
        accession=cell("accession"),
        url=cell("url"),
        position=position,
        line=line,
        raw=raw,
    )


def _read_rows(rows: Iterable[tuple[int, Sequence[Any]]], source: str) -> tuple[list[Reference], list[RecordProblem]]:
    iterator = iter(rows)
    _header_line, header = next(iterator, (0, []))
    columns = _resolve_columns(header)
    if not ({"title", "abstract", "doi", "pmid"} & set(columns)):
        found = ", ".join(str(name) for name in header if name) or "ingen"
        raise LiteratureFileUnreadable(
            path=source, detail=f"fant ingen kolonne for tittel, sammendrag, DOI eller PMID (overskrifter: {found})")
    references: list[Reference] = []
    problems: list[RecordProblem] = []
    position = 0
    for line, row in iterator:
        if not any(str(value).strip() for value in row if value is not None):
            continue
        position += 1
        ref = _row_reference(columns, header, row, position, line)
        if len(row) > len(header) and any(row[len(header):]):
            problems.append(RecordProblem(position, line, f"raden har {len(row)} felt, men overskriften {len(header)}; "
                                          "kolonnene kan være forskjøvet", skipped=False))
        _check_year(ref, next((row[i] for i in columns.get("year", []) if i < len(row)), None), problems)
        _keep(ref, references, problems)
    return references, problems


def read_csv(text: str, source: str) -> tuple[list[Reference], list[RecordProblem]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterable[tuple[int, list[str]]]:
        line = 1
        try:
            for row in reader:
                yield line, row
                line = reader.line_num + 1
        except csv.Error as exc:
            detail = f"ugyldig CSV på linje {reader.line_num} ({exc})"
            raise LiteratureFileUnreadable(path=source, detail=detail) from None

    return _read_rows(rows(), source)


def read_xlsx(data: bytes, source: str) -> tuple[list[Reference], list[RecordProblem]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LiteratureFileUnreadable(path=source, detail=f"ugyldig Excel-fil ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
    if not rows:
        raise LiteratureFileUnreadable(path=source, detail="det første regnearket er tomt")
    return _read_rows(rows, source)


# --- OpenAlex JSON (and CSL-JSON) ---------------------------------------------------------------------------


def abstract_from_inverted_index(index: Mapping[str, Sequence[int]] | None) -> str:
    """OpenAlex's ``abstract_inverted_index`` back to text (words at their positions)."""
    if not index:
        return ""
    positions: dict[int, str] = {}
    for word, places in index.items():
        for place in places:
            positions[int(place)] = word
    return " ".join(positions[place] for place in sorted(positions))


def openalex_reference(work: Mapping[str, Any]) -> Reference:
    ids = work.get("ids") or {}
    location = work.get("primary_location") or {}
    source = (location.get("source") or {}) if isinstance(location, Mapping) else {}
    venue = work.get("host_venue") or {}
    biblio = work.get("biblio") or {}
    authors = [
        (item.get("author") or {}).get("display_name") or item.get("raw_author_name") or ""
        for item in work.get("authorships") or [] if isinstance(item, Mapping)
    ]
    keywords = [
        (item.get("display_name") or item.get("keyword") or "") if isinstance(item, Mapping) else str(item)
        for item in work.get("keywords") or []
    ]
    abstract = work.get("abstract") or abstract_from_inverted_index(work.get("abstract_inverted_index"))
    return Reference(
        title=work.get("title") or work.get("display_name") or "",
        abstract=abstract,
        authors=[name for name in authors if name],
        year=parse_year(work.get("publication_year") or work.get("publication_date")),
        journal=source.get("display_name") or venue.get("display_name") or "",
        volume=str(biblio.get("volume") or ""),
        issue=str(biblio.get("issue") or ""),
        pages=_pages(biblio.get("first_page"), biblio.get("last_page")),
        doi=work.get("doi") or ids.get("doi") or "",
        pmid=str(ids.get("pmid") or ""),
        keywords=keywords,
        language=work.get("language") or "",
        record_type=work.get("type_crossref") or work.get("type") or "",
        accession=str(work.get("id") or ids.get("openalex") or "").rsplit("/", 1)[-1],
        raw={key: _jsonable(value) for key, value in work.items() if key != "abstract_inverted_index"},
    )


def csl_reference(item: Mapping[str, Any]) -> Reference:
    """A CSL-JSON item (Zotero's and Mendeley's JSON export) as a Reference."""
    def name(person: Any) -> str:
        if not isinstance(person, Mapping):
            return str(person)
        if person.get("literal"):
            return str(person["literal"])
        return ", ".join(part for part in (person.get("family"), person.get("given")) if part)

    raw_issued = item.get("issued")
    issued: Mapping[str, Any] = raw_issued if isinstance(raw_issued, Mapping) else {}
    parts = issued.get("date-parts")
    year = parse_year(parts[0][0] if parts and parts[0] else issued.get("raw"))
    keywords = item.get("keyword") or ""
    return Reference(
        title=item.get("title") or "",
        abstract=item.get("abstract") or "",
        authors=[name(person) for person in item.get("author") or []],
        year=year,
        journal=item.get("container-title") or "",
        volume=str(item.get("volume") or ""),
        issue=str(item.get("issue") or ""),
        pages=str(item.get("page") or ""),
        doi=item.get("DOI") or "",
        pmid=str(item.get("PMID") or ""),
        keywords=re.split(r"\s*[;,]\s*", keywords) if isinstance(keywords, str) else _as_list(keywords),
        language=item.get("language") or "",
        record_type=item.get("type") or "",
        accession=str(item.get("id") or ""),
        url=item.get("URL") or "",
        raw=_jsonable(item),
    )


def read_openalex(text: str, source: str) -> tuple[list[Reference], list[RecordProblem]]:
    problems: list[RecordProblem] = []
    items: list[tuple[int, Any]] = []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [(number, content) for number, content in enumerate(text.splitlines(), start=1) if content.strip()]
        if len(lines) < 2:
            detail = f"ugyldig JSON på linje {exc.lineno} ({exc.msg})"
            raise LiteratureFileUnreadable(path=source, detail=detail) from None
        for number, content in lines:  # JSON Lines: one work a line
            try:
                items.append((number, json.loads(content)))
            except json.JSONDecodeError as line_exc:
                items.append((number, line_exc))
    else:
        if isinstance(data, Mapping) and isinstance(data.get("results"), list):
            data = data["results"]
        elif isinstance(data, Mapping):
            data = [data]
        if not isinstance(data, list):
            raise LiteratureFileUnreadable(path=source, detail="JSON-filen er verken en liste av verk eller et svar "
                                           "med «results»")
        items = [(0, item) for item in data]
    references: list[Reference] = []
    for position, (line, item) in enumerate(items, start=1):
        if isinstance(item, json.JSONDecodeError):
            problems.append(RecordProblem(position, line, f"ugyldig JSON ({item.msg})"))
            continue
        if not isinstance(item, Mapping):
            problems.append(RecordProblem(position, line, "elementet er ikke et OpenAlex-verk (et JSON-objekt)"))
            continue
        is_csl = "container-title" in item or "DOI" in item or "issued" in item
        ref = csl_reference(item) if is_csl else openalex_reference(item)
        ref.position, ref.line = position, line
        _keep(ref, references, problems)
    return references, problems


# --- dispatch --------------------------------------------------------------------------------

_EXTENSIONS = {".ris": "ris", ".nbib": "nbib", ".medline": "nbib", ".bib": "bibtex", ".bibtex": "bibtex",
               ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "openalex",
               ".jsonl": "openalex", ".enw": "ris"}


def detect_format(name: str, data: bytes, text: str | None) -> str:
    """The format of a file from its content (the extension breaks ties); ``""`` if unknown."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if text is None:
        return ""
    head = text.lstrip("\ufeff \t\r\n")[:20000]
    if head[:1] in "[{":
        return "openalex"
    if re.search(r"^TY\s{1,3}-", head, re.MULTILINE):
        return "ris"
    if re.search(r"^PMID- ", head, re.MULTILINE):
        return "nbib"
    if re.search(r"^PT [A-Z]\s*$", head, re.MULTILINE) and re.search(r"^(?:TI|AU) ", head, re.MULTILINE):
        return "wos"
    if re.search(r"^\s*@\w+\s*[{(]", head, re.MULTILINE):
        return "bibtex"
    suffix = Path(name).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    first = head.split("\n", 1)[0]
    if any(delimiter in first for delimiter in (",", ";", "\t")):
        return "csv"
    return ""


def read_references(path: str | Path, data: bytes | None = None) -> ReadResult:
    """Read one export file (format from its content); raises LiteratureFileUnreadable."""
    from samrev.ingest.encoding import decode_bytes

    path = Path(path)
    source = str(path)
    if data is None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise LiteratureFileUnreadable(path=source, detail="filen finnes ikke") from None
        except OSError as exc:
            raise LiteratureFileUnreadable(path=source, detail=exc.strerror or str(exc)) from None
    if not data.strip():
        raise LiteratureFileUnreadable(path=source, detail="filen er tom")
    content_hash = hashlib.sha256(data).hexdigest()
    text: str | None = None
    encoding = ""
    if data[:4] != b"PK\x03\x04":
        decoded = decode_bytes(data)
        text, encoding = decoded.text.lstrip("\ufeff"), decoded.encoding
    fmt = detect_format(path.name, data, text)
    result = ReadResult(path=source, format=fmt, content_hash=content_hash, encoding=encoding)
    readers: dict[str, Callable[[], tuple[list[Reference], list[RecordProblem]]]] = {
        "ris": lambda: read_ris(text or ""),
        "nbib": lambda: read_nbib(text or ""),
        "wos": lambda: read_wos(text or ""),
        "bibtex": lambda: read_bibtex(text or ""),
        "csv": lambda: read_csv(text or "", source),
        "xlsx": lambda: read_xlsx(data, source),
        "openalex": lambda: read_openalex(text or "", source),
    }
    if fmt not in readers:
        raise LiteratureFileUnreadable(path=source, detail="gjenkjenner ikke formatet")
    result.references, result.problems = readers[fmt]()
    if not result.references:
        why = f"; {result.problems[0].describe()}" if result.problems else ""
        raise LiteratureFileUnreadable(path=source, detail=f"fant ingen lesbare poster ({fmt}){why}")
    return result
