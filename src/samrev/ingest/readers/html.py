"""HTML: the main content of a web page, without menus, cookie banners, breadcrumbs or footers.

trafilatura finds the main content (with tables, without comments or links); its Markdown-style
table rows become tab-separated rows, as in the DOCX reader.  Where it finds nothing (a tiny or
odd page), a plain fallback drops ``nav``/``header``/``footer``/``aside``/``form`` and elements
whose id or class says cookie, consent, banner, menu or breadcrumb, and keeps ``main`` or
``article`` (else ``body``).  Bytes are decoded by BOM, then the page's declared charset (an
ISO-8859-1 declaration is read as Windows-1252, as browsers do), then detection.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any, ClassVar

from samrev.ingest.encoding import decode_bytes
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
_DROP_ELEMENTS = "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form"
_BOILERPLATE = re.compile(r"cookie|consent|gdpr|banner|breadcrumb|menu|navbar|skip-?link|share|social", re.I)


def _tables_as_tabs(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _TABLE_RULE.match(stripped):
            continue
        if stripped.startswith("|") and stripped.endswith("|"):
            line = "\t".join(cell.strip() for cell in stripped.strip("|").split("|")).rstrip("\t")
        lines.append(line)
    return "\n".join(lines)


def _fallback(html: str) -> str:
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:
        return ""
    for element in root.xpath(_DROP_ELEMENTS):
        element.drop_tree()
    for element in root.xpath("//*[@id or @class or @role]"):
        marks = " ".join(filter(None, (element.get("id"), element.get("class"), element.get("role"))))
        if element.getparent() is not None and _BOILERPLATE.search(marks):
            element.drop_tree()
    main: Any = (root.xpath("//main") or root.xpath("//article") or root.xpath("//*[@role='main']")
                 or root.xpath("//body") or [root])[0]
    for block in main.xpath(".//p|.//h1|.//h2|.//h3|.//h4|.//li|.//tr|.//br|.//div"):
        block.tail = "\n" + (block.tail or "")
    return re.sub(r"[ \t]*\n\s*\n\s*", "\n", str(main.text_content())).strip()


class HtmlReader:
    """Web pages (.html): main content by trafilatura, with a plain fallback."""

    name: ClassVar[str] = "html"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Nettside (HTML, bare hovedinnholdet)"
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if start.startswith((b"<!doctype html", b"<html")):
            return True
        return start.startswith(b"<?xml") and b"<html" in start[:1024]

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        data = load(path, data)
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii", "replace") if match else None
        decoded = decode_bytes(data, declared=declared)
        html = decoded.text
        text = ""
        extractor = "trafilatura"
        try:
            import trafilatura

            text = trafilatura.extract(
                html, include_tables=True, include_comments=False, include_links=False, include_images=False,
                include_formatting=False, favor_recall=True, deduplicate=False, output_format="txt",
            ) or ""
        except Exception:
            text = ""
        if not text.strip():
            extractor = "fallback"
            text = _fallback(html)
        title = _TITLE.search(html[:20000])
        metadata: dict[str, Any] = {"encoding": decoded.encoding, "extractor": extractor}
        if title:
            metadata["title"] = unescape(re.sub(r"\s+", " ", title.group(1))).strip()
        return single_page("html", _tables_as_tabs(text), **metadata)
