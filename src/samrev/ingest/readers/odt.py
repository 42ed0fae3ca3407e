"""ODT (OpenDocument text): body in document order; headers and footers apart, as for DOCX.

Read with ``zipfile`` and lxml rather than odfpy: the walk we need (paragraphs, headings, lists,
sections, text frames, tables row by row, ``text:s``/``text:tab``/``text:line-break``; notes,
annotations and tracked deletions left out) is some sixty lines, and odfpy (last release 2020)
would add a dependency without doing it for us.  Master-page headers and footers (styles.xml)
go to ``metadata["headers"]``/``["footers"]`` with ``draft_markers`` as in the DOCX reader.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from samrev.core.errors import EncryptedFile, UnreadableFile
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page
from samrev.ingest.readers.docx import DRAFT_MARKERS

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


_PARAGRAPHS = frozenset({_q("text:p"), _q("text:h")})
_TABLE = _q("table:table")
_ROW, _CELL, _COVERED = _q("table:table-row"), _q("table:table-cell"), _q("table:covered-table-cell")
_FRAME_TEXT = _q("draw:text-box")
_SKIP = frozenset(_q(n) for n in (
    "text:note", "office:annotation", "office:annotation-end", "text:tracked-changes", "text:soft-page-break",
    "office:forms", "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
    "text:table-of-content-source", "text:alphabetical-index-source", "text:illustration-index-source",
    "text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:change-start", "text:change-end",
    "text:change", "draw:image",
))
_SPACE, _TAB, _BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")


def _inline(element: Any, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            pass
        elif tag == _SPACE:
            parts.append(" " * int(child.get(_q("text:c"), "1") or 1))
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BREAK:
            parts.append("\n")
        elif tag == _FRAME_TEXT or tag in _PARAGRAPHS:
            parts.append("\n" + "\n".join(_blocks(child) if tag == _FRAME_TEXT else [_para(child)]) + "\n")
        else:
            _inline(child, parts)
        if child.tail:
            parts.append(child.tail)


def _para(element: Any) -> str:
    parts: list[str] = []
    _inline(element, parts)
    return "".join(parts)


def _rows(table: Any) -> Iterator[str]:
    for row in table.iter(_ROW):
        if row.getparent() is not table and row.getparent().getparent() is not table:
            continue  # a nested table's rows are read with their cell
        cells = []
        for cell in row:
            if cell.tag == _CELL:
                cells.append(" ".join(b.replace("\n", " ").strip() for b in _blocks(cell) if b.strip()))
            elif cell.tag == _COVERED:
                cells.append("")
        if any(cells):
            yield "\t".join(cells).rstrip("\t")


def _blocks(container: Any) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _PARAGRAPHS:
            yield _para(child)
        elif tag == _TABLE:
            yield from _rows(child)
        else:  # sections, lists, list items, index bodies, frames: containers of blocks
            yield from _blocks(child)


def _parse(raw: bytes) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(raw, parser)  # entities and network are off


class OdtReader:
    """OpenDocument text (.odt): paragraphs, lists and tables in order; headers/footers apart."""

    name: ClassVar[str] = "odt"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "OpenDocument-tekst (ODT)"
    extensions: ClassVar[tuple[str, ...]] = (".odt", ".ott")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and MIMETYPE in head[38:120]

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        import io

        data = load(path, data)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                if b"encryption-data" in manifest:
                    raise EncryptedFile(path=str(path))
                content = _parse(archive.read("content.xml"))
                styles = _parse(archive.read("styles.xml")) if "styles.xml" in names else None
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
            detail = ("filen er ikke et gyldig ZIP-arkiv" if isinstance(exc, zipfile.BadZipFile)
                      else "ODT-pakken mangler content.xml")
            raise UnreadableFile(path=str(path), detail=detail) from None
        except EncryptedFile:
            raise
        except Exception as exc:  # XML syntax errors
            detail = f"ugyldig XML i ODT-filen ({type(exc).__name__})"
            raise UnreadableFile(path=str(path), detail=detail) from None
        body = content.find(f"{_q('office:body')}/{_q('office:text')}")
        text = "\n".join(_blocks(body)) if body is not None else ""
        headers: list[str] = []
        footers: list[str] = []
        if styles is not None:
            for page in styles.iter(_q("style:master-page")):
                for child in page:
                    local = str(child.tag).rpartition("}")[2]
                    bucket = {"header": headers, "footer": footers}.get(local.partition("-")[0])
                    hf_text = "\n".join(b for b in _blocks(child) if b.strip())
                    if bucket is not None and hf_text and hf_text not in bucket:
                        bucket.append(hf_text)
        markers = sorted({m.group(1).upper() for hf in headers + footers for m in DRAFT_MARKERS.finditer(hf)})
        return single_page("odt", text, headers=headers, footers=footers, draft_markers=markers)
