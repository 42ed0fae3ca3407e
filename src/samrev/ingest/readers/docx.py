"""DOCX (Word 2007+): body paragraphs and tables in document order; headers and footers apart.

The body is walked in XML order: paragraphs (including those in content controls and text
boxes), tables row by row (cells joined by a tab, a cell's paragraphs by a space, a vertically
merged cell counted once).  Text of tracked insertions is kept, tracked deletions and field codes
are not.  Running headers and footers are not agreement content (spec: "The document is its own
text"), so they go to ``metadata["headers"]``/``metadata["footers"]``, never into the text; a
draft marker found there (``UTKAST``, ``til høring``, also as a WordArt watermark) is listed in
``metadata["draft_markers"]`` for the assessment.

A ZIP that is not a Word package, or a broken ZIP → ``unreadable``; a password-protected DOCX is
an OLE container, not a ZIP, and is recognised by :class:`~samrev.ingest.readers.doc.DocReader`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from samrev.core.errors import UnreadableFile
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
DRAFT_MARKERS = re.compile(r"\b(høringsutkast|utkast|til høring|draft)\b", re.IGNORECASE)

_P, _TBL, _SDT, _TR, _TC = (f"{{{W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
_NB_HYPHEN, _SOFT_HYPHEN = f"{{{W}}}noBreakHyphen", f"{{{W}}}softHyphen"
_SKIP_NAMES = ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "tblPr", "tcPr", "trPr", "sectPr",
               "footnoteReference", "commentReference")
_SKIP = frozenset(f"{{{W}}}{t}" for t in _SKIP_NAMES) | {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # the VML copy of a text box
}
_RUN_TEXT = {_TAB: "\t", _BR: "\n", _CR: "\n", _NB_HYPHEN: "-", _SOFT_HYPHEN: "\u00ad"}


def _paragraph_text(p: Any) -> str:
    """Text of one ``w:p``: runs, hyperlinks, insertions; no deletions or field codes."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])
        elif tag == _P:  # a paragraph nested in a text box: a line of its own
            parts.append("\n" + _paragraph_text(child) + "\n")
        else:
            stack.append(iter(child))
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    return " ".join(block.replace("\n", " ").strip() for block in _blocks(tc) if block.strip())


def _table_rows(tbl: Any) -> Iterator[str]:
    for tr in tbl.iter(_TR):
        if tr.getparent() is not tbl:  # rows of nested tables are read with their cell
            continue
        cells: list[str] = []
        for tc in tr.iterchildren(_TC):
            merge = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
            continued = merge is not None and merge.get(f"{{{W}}}val", "continue") == "continue"
            cells.append("" if continued else _cell_text(tc))
        if any(cells):
            yield "\t".join(cells).rstrip("\t")


def _blocks(container: Any) -> Iterator[str]:
    """Paragraph and table-row texts of a body, cell, header or content control, in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            yield _paragraph_text(child)
        elif tag == _TBL:
            yield from _table_rows(child)
        elif tag == _SDT:
            content = child.find(f"{{{W}}}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag in (f"{{{W}}}ins", f"{{{W}}}customXml", f"{{{W}}}smartTag"):
            yield from _blocks(child)


def _header_footer_text(element: Any) -> str:
    lines = [line for line in _blocks(element) if line.strip()]
    lines += [s for s in (tp.get("string", "") for tp in element.iter(f"{{{V}}}textpath")) if s.strip()]
    return "\n".join(lines)


class DocxReader:
    """Word 2007+ (.docx): body in document order, tables as tab-separated rows."""

    name: ClassVar[str] = "docx"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Word-dokument (DOCX)"
    extensions: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx")

    def sniff(self, head: bytes) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        return head[30:35] == b"word/" or (b"[Content_Types].xml" in head[:200] and b"word/" in head)

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        data = load(path, data)
        try:
            document = docx.Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise UnreadableFile(path=str(path), detail=_why(exc)) from None
        except Exception as exc:  # lxml syntax errors, python-docx package errors
            raise UnreadableFile(path=str(path), detail=_why(exc)) from None
        body = document.element.body
        text = "\n".join(_blocks(body))
        headers: list[str] = []
        footers: list[str] = []
        for rel in document.part.rels.values():
            if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
                continue
            part_text = _header_footer_text(rel.target_part.element)
            bucket = headers if rel.reltype == RT.HEADER else footers
            if part_text and part_text not in bucket:
                bucket.append(part_text)
        markers = sorted({m.group(1).upper() for hf in headers + footers for m in DRAFT_MARKERS.finditer(hf)})
        props = document.core_properties
        metadata: dict[str, Any] = {"headers": headers, "footers": footers, "draft_markers": markers}
        for key in ("title", "author", "subject"):
            value = getattr(props, key, None)
            if value:
                metadata[key] = str(value)
        for key in ("created", "modified"):
            value = getattr(props, key, None)
            if value is not None:
                metadata[key] = value.isoformat()
        return single_page("docx", text, **metadata)


def _why(exc: BaseException) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "filen er ikke et gyldig ZIP-arkiv (Word-filen er skadet eller avkortet)"
    if isinstance(exc, KeyError):
        return "Word-pakken mangler en nødvendig del"
    return f"ikke en gyldig Word-fil ({type(exc).__name__})"
