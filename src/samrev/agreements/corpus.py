"""The labelled agreement corpus: parse its source files and render them to their formats.

Source format: ``corpus/agreements/FORMAT.md``.  ``build_corpus(root)`` renders every
``<split>/src/<id>.txt`` to ``build/<split>/<id>.<ext>`` (text PDF, scanned PDF, mixed PDF,
DOCX, ODT, HTML, TXT in a given encoding, or a broken file) with the project's fixture
builders; seeded, so a rebuild gives the same files.  ``render_sources(src_dir, out_dir)``
renders one folder of sources (e.g. the demo round) flat into ``out_dir/<id>.<ext>``.
``load_labels(path)`` reads a labels file.  Run ``python -m samrev.agreements.corpus corpus/agreements``
(``make corpus``).
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from samrev.core.errors import InputFormatError

FORMATS = {"pdf": "pdf", "scan": "pdf", "mixed": "pdf", "docx": "docx", "odt": "odt", "html": "html", "txt": "txt"}
BROKEN = {"truncated": "pdf", "encrypted": "pdf", "zero": "pdf", "png_as_pdf": "pdf", "broken_docx": "docx",
          "unknown_ext": "xyz"}
PAGE_BREAK = "<<<side>>>"
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
WRAP = 84
LINES_PER_PAGE = 46
SCAN_DPI = 200  # a common office-scanner setting (design.md measures OCR at 200 dpi)
SCAN_NOISE = 3.0


@dataclass(slots=True)
class Block:
    kind: str  # "heading" | "paragraph" | "table" | "list"
    lines: list[str]


@dataclass(slots=True)
class Source:
    id: str
    split: str
    meta: dict[str, Any]
    pages: list[list[Block]] = field(default_factory=list)

    @property
    def format(self) -> str:
        return str(self.meta.get("format", "pdf"))

    @property
    def extension(self) -> str:
        broken = self.meta.get("broken")
        return BROKEN[str(broken)] if broken else FORMATS[self.format]

    @property
    def file(self) -> str:
        return f"{self.split}/{self.id}.{self.extension}"


def parse_source(path: Path, split: str) -> Source:
    """A source file: front matter between ``---`` lines, then blocks, pages split by ``<<<side>>>``."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end < 0:
            raise InputFormatError(path=str(path), detail="front matter without closing ---")
        import yaml

        meta = yaml.safe_load(text[3:end]) or {}
        text = text[end + 4 :]
    fmt = str(meta.get("format", "pdf"))
    if fmt not in FORMATS:
        raise InputFormatError(path=str(path), detail=f"unknown format {fmt!r}")
    source = Source(id=path.stem, split=split, meta=meta)
    for page_text in text.split(PAGE_BREAK):
        source.pages.append(list(_blocks(page_text)))
    return source


def _blocks(text: str) -> Iterator[Block]:
    for chunk in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("|") for line in lines):
            rows = [line for line in lines if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line)]
            yield Block("table", rows)
        elif len(lines) == 1 and lines[0].startswith("#"):
            yield Block("heading", [lines[0].lstrip("#").strip()])
        elif lines[0].startswith("#"):
            yield Block("heading", [lines[0].lstrip("#").strip()])
            yield Block("paragraph", lines[1:])
        elif all(re.match(r"\s*(?:[-*•]|\d+[.)])\s", line) for line in lines):
            yield Block("list", lines)
        else:
            yield Block("paragraph", lines)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def plain_lines(blocks: list[Block]) -> list[str]:
    """A page's blocks as wrapped text lines (tables as a text grid), blank line between blocks."""
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        if block.kind == "table":
            rows = [_cells(row) for row in block.lines]
            widths = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(max(map(len, rows)))]
            for row in rows:
                line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
                out.extend(textwrap.wrap(line, WRAP, subsequent_indent="    ") or [""])
        else:
            for line in block.lines:
                out.extend(textwrap.wrap(line, WRAP, break_on_hyphens=False) or [""])
    return out


def _paged(source: Source) -> list[list[str]]:
    """Text lines per physical page: each source page flows over as many PDF pages as it needs."""
    header = source.meta.get("header")
    footer = source.meta.get("footer")
    body_lines = LINES_PER_PAGE - (2 if header else 0) - (2 if footer else 0)
    pages: list[list[str]] = []
    for blocks in source.pages:
        lines = plain_lines(blocks)
        for start in range(0, max(len(lines), 1), body_lines):
            pages.append(lines[start : start + body_lines])
    out = []
    for number, lines in enumerate(pages, start=1):
        page = ([str(header), ""] if header else []) + lines
        if footer:
            page += ["", str(footer).replace("{page}", str(number))]
        out.append(page)
    return out


def render_pdf(source: Source, target: Path, rng: random.Random) -> None:
    from samrev.ingest.fixtures_pdf import signed_pdf, write_pdf

    pages = _paged(source)
    kinds = ["scan" if source.format == "scan" else "text"] * len(pages)
    if source.format == "mixed":
        kinds[-1] = "scan"
    signer = source.meta.get("digital_signature")
    plain = target.with_suffix(".unsigned.pdf") if signer else target
    write_pdf(plain, list(zip(kinds, pages, strict=True)), rng=rng, title=source.id,  # type: ignore[arg-type]
              dpi=SCAN_DPI, noise=SCAN_NOISE)
    if signer:
        signed_pdf(target, plain, signer=str(signer), organisation="samrev-korpus")
        plain.unlink()


def render_docx(source: Source, target: Path) -> None:
    import datetime as dt

    import docx

    document = docx.Document()
    section = document.sections[0]
    if source.meta.get("header"):
        section.header.paragraphs[0].text = str(source.meta["header"])
    if source.meta.get("footer"):
        section.footer.paragraphs[0].text = str(source.meta["footer"]).replace("{page}", "1")
    for index, blocks in enumerate(source.pages):
        if index:
            document.add_page_break()  # type: ignore[no-untyped-call]
        for block in blocks:
            if block.kind == "heading":
                document.add_heading(block.lines[0], level=1 if block is blocks[0] else 2)
            elif block.kind == "table":
                rows = [_cells(row) for row in block.lines]
                table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
                for row_cells, values in zip(table.rows, rows, strict=True):
                    for cell, value in zip(row_cells.cells, values, strict=False):
                        cell.text = value
            else:
                paragraph = document.add_paragraph()
                for i, line in enumerate(block.lines):
                    run = paragraph.add_run(line)
                    if i < len(block.lines) - 1:
                        run.add_break()
    props = document.core_properties
    props.author = "samrev-korpus"
    props.created = props.modified = dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC)
    document.save(str(target))


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"'
)


def render_odt(source: Source, target: Path) -> None:
    def para(lines: list[str]) -> str:
        return "<text:p>" + "<text:line-break/>".join(escape(line) for line in lines) + "</text:p>"

    body = []
    for blocks in source.pages:
        for block in blocks:
            if block.kind == "heading":
                body.append(f'<text:h text:outline-level="2">{escape(block.lines[0])}</text:h>')
            elif block.kind == "table":
                rows = [_cells(row) for row in block.lines]
                cols = max(map(len, rows))
                xml_rows = "".join(
                    "<table:table-row>" + "".join(f"<table:table-cell>{para([c])}</table:table-cell>" for c in r)
                    + "</table:table-row>" for r in rows)
                body.append(f'<table:table table:name="T"><table:table-column table:number-columns-repeated="{cols}"/>'
                            f"{xml_rows}</table:table>")
            else:
                body.append(para(block.lines))
    header = source.meta.get("header")
    footer = source.meta.get("footer")
    master = ""
    if header or footer:
        master = ('<style:master-page style:name="Standard">'
                  + (f"<style:header>{para([str(header)])}</style:header>" if header else "")
                  + (f"<style:footer>{para([str(footer).replace('{page}', '1')])}</style:footer>" if footer else "")
                  + "</style:master-page>")
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    content = (f"{xml}<office:document-content {_ODT_NS}><office:body><office:text>{''.join(body)}"
               "</office:text></office:body></office:document-content>")
    styles = (f"{xml}<office:document-styles {_ODT_NS}><office:master-styles>{master}"
              "</office:master-styles></office:document-styles>")
    manifest = (f'{xml}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    stamp = (2024, 1, 1, 12, 0, 0)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", stamp), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        for name, part in (("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml", manifest)):
            archive.writestr(zipfile.ZipInfo(name, stamp), part, compress_type=zipfile.ZIP_DEFLATED)


def render_html(source: Source) -> str:
    parts: list[str] = []
    for blocks in source.pages:
        for block in blocks:
            if block.kind == "heading":
                tag = "h1" if not parts else "h2"
                parts.append(f"<{tag}>{escape(block.lines[0])}</{tag}>")
            elif block.kind == "table":
                rows = [_cells(row) for row in block.lines]
                parts.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
            elif block.kind == "list":
                items = "".join(f"<li>{escape(_LIST_MARK.sub('', line))}</li>" for line in block.lines)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append("<p>" + "<br>".join(escape(line) for line in block.lines) + "</p>")
    main = "".join(parts)
    title = escape(source.pages[0][0].lines[0]) if source.pages and source.pages[0] else source.id
    if not source.meta.get("html_chrome"):
        return f'<!DOCTYPE html><html lang="no"><head><meta charset="utf-8"><title>{title}</title></head>' \
               f"<body><main>{main}</main></body></html>"
    return (
        f'<!DOCTYPE html><html lang="no"><head><meta charset="utf-8"><title>{title} – Samhandling</title></head><body>'
        '<div class="cookie-banner" id="cookie-consent">Vi bruker informasjonskapsler for å forbedre nettstedet.'
        " <button>Godta alle</button> <button>Bare nødvendige</button></div>"
        '<header class="site-header"><a class="logo" href="/">Forside</a><nav class="main-menu"><ul>'
        '<li><a href="/behandlinger">Behandlinger</a></li><li><a href="/fag-og-forskning">Fag og forskning</a></li>'
        '<li><a href="/samhandling">Samhandling</a></li><li><a href="/om-oss">Om oss</a></li></ul></nav></header>'
        '<nav class="breadcrumbs" aria-label="Brødsmulesti"><a href="/">Forside</a> › <a href="/samhandling">'
        'Samhandling</a> › <a href="/samhandling/avtaler">Samarbeidsavtaler</a></nav>'
        f'<main id="content"><article>{main}</article></main>'
        '<aside class="sidebar"><h3>Se også</h3><ul><li><a href="/a">Overordnet samarbeidsavtale</a></li>'
        '<li><a href="/b">Delavtaler</a></li><li><a href="/c">Kontakt samhandlingsavdelingen</a></li></ul></aside>'
        '<footer class="site-footer"><p>Postadresse: Postboks 100 · Sentralbord 03300 · Personvern og '
        "informasjonskapsler · Tilgjengelighetserklæring</p><p>Sist oppdatert 02.01.2024</p></footer></body></html>"
    )


def render(source: Source, build: Path, rng: random.Random) -> Path:
    """Render one source to ``build/<split>/<id>.<ext>``; returns the path."""
    target = build / source.split / f"{source.id}.{source.extension}"
    target.parent.mkdir(parents=True, exist_ok=True)
    broken = source.meta.get("broken")
    if broken:
        return _render_broken(source, str(broken), target, rng)
    fmt = source.format
    if fmt in ("pdf", "scan", "mixed"):
        render_pdf(source, target, rng)
    elif fmt == "docx":
        render_docx(source, target)
    elif fmt == "odt":
        render_odt(source, target)
    elif fmt == "html":
        target.write_text(render_html(source), encoding="utf-8")
    else:
        text = "\n\n".join("\n".join(plain_lines(blocks)) for blocks in source.pages) + "\n"
        encoding = str(source.meta.get("encoding", "utf-8"))
        data = text.encode("utf-16") if encoding == "utf-16" else text.encode(encoding, errors="replace")
        target.write_bytes(data)
    return target


def _render_broken(source: Source, broken: str, target: Path, rng: random.Random) -> Path:
    from samrev.ingest.fixtures import broken_docx, png_bytes
    from samrev.ingest.fixtures_pdf import encrypted_pdf, truncated_pdf, write_pdf

    if broken in ("truncated", "encrypted"):
        whole = target.with_suffix(".whole.pdf")
        write_pdf(whole, [("text", lines) for lines in _paged(source)], rng=rng)
        (truncated_pdf if broken == "truncated" else encrypted_pdf)(target, whole)
        whole.unlink()
    elif broken == "zero":
        target.write_bytes(b"")
    elif broken == "png_as_pdf":
        target.write_bytes(png_bytes())
    elif broken == "broken_docx":
        broken_docx(target, rng=rng)
    else:
        target.write_text("\n".join(plain_lines(source.pages[0])), encoding="utf-8")
    return target


def sources(root: Path) -> list[Source]:
    out = []
    for split in ("tune", "heldout"):
        for path in sorted((root / split / "src").glob("*.txt")):
            out.append(parse_source(path, split))
    return out


def all_labels(root: Path, only: str | None = None) -> list[dict[str, Any]]:
    """Every label line of ``<split>/labels*.jsonl`` under ``root``, sorted by file."""
    rows = []
    for split in ("tune", "heldout"):
        if only and split != only:
            continue
        for path in sorted((root / split).glob("labels*.jsonl")):
            rows.extend(load_labels(path))
    return sorted(rows, key=lambda row: str(row["file"]))


def build_corpus(root: Path, build: Path | None = None, *, only: str | None = None) -> list[Path]:
    """Render every source under ``root`` (``only``: one split) and write ``labels.jsonl`` beside
    them; returns the written document paths.  A label without a source is an error."""
    build = build or root / "build"
    written = []
    files = set()
    for source in sources(root):
        if only and source.split != only:
            continue
        rng = random.Random(f"samrev-corpus:{source.id}")  # noqa: S311 (fixtures)
        written.append(render(source, build, rng))
        files.add(source.file)
    labels = all_labels(root, only)
    orphans = [str(row["file"]) for row in labels if row["file"] not in files]
    if orphans:
        raise InputFormatError(path=str(root), detail="etiketter uten kildefil: " + ", ".join(orphans))
    build.mkdir(parents=True, exist_ok=True)
    (build / "labels.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in labels), encoding="utf-8")
    return written


def render_sources(src_dir: Path, out_dir: Path) -> list[Path]:
    """Render every ``<id>.txt`` source in ``src_dir`` to ``out_dir/<id>.<ext>`` (no split folder,
    no labels), seeded per id like :func:`build_corpus`; returns the written paths, sorted by id."""
    written = []
    for path in sorted(Path(src_dir).glob("*.txt")):
        source = parse_source(path, split="")
        rng = random.Random(f"samrev-corpus:{source.id}")  # noqa: S311 (fixtures)
        written.append(render(source, Path(out_dir), rng))
    return written


def load_labels(path: Path) -> list[dict[str, Any]]:
    """A labels file (JSONL): one object per line; blank lines skipped."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputFormatError(path=str(path), detail=f"linje {number}: ugyldig JSON ({exc.msg})") from exc
    return out


if __name__ == "__main__":
    corpus_root = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus/agreements")
    for written_path in build_corpus(corpus_root):
        print(written_path)
