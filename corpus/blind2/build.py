"""Render the second blind set's raw sources (corpus/blind2/raw/<split>/<id>.txt) to sources/<split>/.

Adapted from corpus/blind/build.py (same raw format), written without reading the project's
corpus builder or rules.  Adds: ODT output (hand-written ODF zip, no odfpy needed), Windows line
endings for TXT (``newline: crlf``), DOCX footers with a real PAGE field, PDF running headers and
footers with ``{page}`` / ``{pages}``, and two kinds of HTML site chrome (``chrome: hf`` or
``chrome: kommune``).  PDF pages are drawn with samrev.ingest.fixtures_pdf.write_pdf (reportlab).

Raw format: ``key: value`` lines (format, encoding, newline, header, footer, title, lang, site,
chrome), a line ``---``, then the body: ``# `` / ``## `` headings, ``| a | b |`` table rows,
``- `` list items, blank lines between paragraphs, ``<<<side>>>`` page breaks.

Run: .venv/bin/python corpus/blind2/build.py [FOLDER]   (FOLDER: another blind set in this format)
"""

from __future__ import annotations

import html
import importlib.util
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent


def _first_builder() -> Any:
    """corpus/blind/build.py, whose raw format this set shares (its parse and blocks are used as they are)."""
    spec = importlib.util.spec_from_file_location("blind_build", HERE.parent / "blind" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_FIRST = _first_builder()
parse = _FIRST.parse
blocks = _FIRST.blocks


# ---------------------------------------------------------------- TXT
def to_txt(meta: dict[str, str], body: str, path: Path) -> None:
    text = body.replace("<<<side>>>\n", "\f").replace("<<<side>>>", "\f") + "\n"
    if meta.get("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode(meta.get("encoding", "utf-8")))


# ---------------------------------------------------------------- DOCX
def _add_page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "1":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def to_docx(meta: dict[str, str], body: str, path: Path) -> None:
    import docx  # python-docx

    document = docx.Document()
    section = document.sections[0]
    if meta.get("header"):
        section.header.paragraphs[0].text = meta["header"]
    if meta.get("footer"):
        para = section.footer.paragraphs[0]
        before, sep, after = meta["footer"].partition("{page}")
        para.add_run(before)
        if sep:
            _add_page_field(para)
            para.add_run(after)
    for kind, payload in blocks(body):
        if kind == "h1":
            document.add_heading(str(payload), level=1)
        elif kind == "h2":
            document.add_heading(str(payload), level=2)
        elif kind == "p":
            document.add_paragraph(str(payload))
        elif kind == "ul":
            for item in payload:  # type: ignore[attr-defined]
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        elif kind == "page":
            document.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


# ---------------------------------------------------------------- ODT
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')


def _odt_p(text: str, style: str = "Standard") -> str:
    lines = [escape(x) for x in text.split("\n")]
    return f'<text:p text:style-name="{style}">' + "<text:line-break/>".join(lines) + "</text:p>"


def _odt_hf(text: str) -> str:
    before, sep, after = text.partition("{page}")
    inner = escape(before) + ("<text:page-number>1</text:page-number>" + escape(after) if sep else "")
    return f"<text:p>{inner}</text:p>"


def to_odt(meta: dict[str, str], body: str, path: Path) -> None:
    parts: list[str] = []
    ntab = 0
    for kind, payload in blocks(body):
        if kind in ("h1", "h2"):
            level = 1 if kind == "h1" else 2
            parts.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                         f"{escape(str(payload))}</text:h>")
        elif kind == "p":
            parts.append(_odt_p(str(payload)))
        elif kind == "ul":
            parts.append("<text:list>" + "".join(f"<text:list-item>{_odt_p(i)}</text:list-item>"
                                                 for i in payload) + "</text:list>")  # type: ignore[attr-defined]
        elif kind == "table":
            ntab += 1
            rows = payload  # type: ignore[assignment]
            cols = max(len(r) for r in rows)
            xml_rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell>{_odt_p(c)}</table:table-cell>" for c in row) + "</table:table-row>"
                for row in rows)
            parts.append(f'<table:table table:name="Tabell{ntab}">'
                         f'<table:table-column table:number-columns-repeated="{cols}"/>{xml_rows}</table:table>')
        elif kind == "page":
            parts.append('<text:p text:style-name="PageBreak"/>')
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    content = (f"{xml}<office:document-content {ODT_NS}><office:automatic-styles>"
               '<style:style style:name="PageBreak" style:family="paragraph">'
               '<style:paragraph-properties fo:break-before="page"/></style:style>'
               "</office:automatic-styles><office:body><office:text>"
               + "".join(parts) + "</office:text></office:body></office:document-content>")
    header = f"<style:header>{_odt_hf(meta['header'])}</style:header>" if meta.get("header") else ""
    footer = f"<style:footer>{_odt_hf(meta['footer'])}</style:footer>" if meta.get("footer") else ""
    styles = (f"{xml}<office:document-styles {ODT_NS}><office:automatic-styles>"
              '<style:page-layout style:name="pm1"/></office:automatic-styles><office:master-styles>'
              f'<style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}'
              "</style:master-page></office:master-styles></office:document-styles>")
    meta_xml = (f'{xml}<office:document-meta {ODT_NS} xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<office:meta><dc:title>{escape(meta.get('title', ''))}</dc:title></office:meta>"
                "</office:document-meta>")
    entry = '<manifest:file-entry manifest:full-path="{}" manifest:media-type="{}"/>'
    manifest = (f'{xml}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
                ' manifest:version="1.3">'
                + entry.format("/", "application/vnd.oasis.opendocument.text")
                + entry.format("content.xml", "text/xml") + entry.format("styles.xml", "text/xml")
                + entry.format("meta.xml", "text/xml") + "</manifest:manifest>")
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = (2023, 5, 2, 9, 0, 0)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", stamp), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        for name, part in (("content.xml", content), ("styles.xml", styles), ("meta.xml", meta_xml),
                           ("META-INF/manifest.xml", manifest)):
            archive.writestr(zipfile.ZipInfo(name, stamp), part, compress_type=zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- HTML
CHROME = {
    "hf": ("""<div id="cookie-consent" role="dialog"><p>Vi bruker informasjonskapsler for å analysere trafikken og forbedre tjenestene våre.
Les mer i vår personvernerklæring.</p><button>Aksepter alle</button><button>Tilpass</button><button>Avvis</button></div>
<header><a class="logo" href="/">{site}</a>
<nav class="mainmenu"><ul><li><a href="/behandlinger">Behandlinger</a></li><li><a href="/steder">Steder</a></li>
<li><a href="/fag-og-forskning">Fag og forskning</a></li><li><a href="/om-oss">Om oss</a></li><li><a href="/jobb">Jobb hos oss</a></li>
<li><a href="/english">English</a></li></ul></nav><form class="search"><input placeholder="Søk i {site}"></form></header>
<ol class="breadcrumbs"><li><a href="/">Forside</a></li><li><a href="/fag-og-forskning">Fag og forskning</a></li>
<li><a href="/fag-og-forskning/samhandling">Samhandling</a></li><li>Avtaler og retningslinjer</li></ol>
""", """<aside class="see-also"><h2>Se også</h2><ul><li><a href="#">Praksiskonsulenter (PKO)</a></li>
<li><a href="#">Lærings- og mestringssenteret – kurskalender</a></li><li><a href="#">Alle tjenesteavtaler</a></li>
<li><a href="#">Brukerutvalget</a></li></ul></aside>
<footer><p>{site} – Sentralbord 75 00 00 00 – Org.nr. 983 974 000</p><p><a href="#">Personvern og informasjonskapsler</a> |
<a href="#">Tilgjengelighetserklæring</a> | <a href="#">Nettstedskart</a></p><p>Ansvarlig redaktør: administrerende direktør. Innholdet ble sist oppdatert 02.02.2024.</p>
<p>Del siden: <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">E-post</a></p></footer>"""),
    "kommune": ("""<div class="skip"><a href="#innhald">Hopp til hovudinnhald</a></div>
<header class="topp"><a href="/">{site}</a><nav><a href="/">Heim</a> <a href="/helse-og-omsorg">Helse og omsorg</a>
<a href="/politikk">Politikk og innsyn</a> <a href="/naering">Næring</a> <a href="/kontakt">Kontakt oss</a> <a href="/nn">Nynorsk</a> <a href="/en">English</a></nav>
<div class="cookiebar">Denne nettstaden brukar informasjonskapslar (cookies). <a href="#">Les meir</a> <button>OK, eg forstår</button></div></header>
<div class="sti">Du er her: <a href="/">Heim</a> / <a href="/helse-og-omsorg">Helse og omsorg</a> / Samarbeidsavtalar med helseføretaket</div>
""", """<footer class="botn"><p>{site} · Rådhusvegen 1 · Postmottak: postmottak@kommune.no</p>
<p>Opningstider servicetorget: 08.00–15.30 · Sentralbord 53 00 00 00</p><p><a href="#">Personvern</a> · <a href="#">Tilgjengelegheitserklæring</a> · <a href="#">Om nettstaden</a></p>
<p>Sida vart sist oppdatert 19.01.2024</p></footer>"""),
}


def to_html(meta: dict[str, str], body: str, path: Path) -> None:
    parts: list[str] = []
    for kind, payload in blocks(body):
        if kind in ("h1", "h2"):
            parts.append(f"<{kind}>{html.escape(str(payload))}</{kind}>")
        elif kind == "p":
            parts.append("<p>" + "<br>\n".join(html.escape(x) for x in str(payload).split("\n")) + "</p>")
        elif kind == "ul":
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in payload) + "</ul>")  # type: ignore[attr-defined]
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            cells = ["<tr>" + "".join(f"<{'th' if n == 0 else 'td'}>{html.escape(c)}</{'th' if n == 0 else 'td'}>"
                                      for c in row) + "</tr>" for n, row in enumerate(rows)]
            parts.append("<table>" + "\n".join(cells) + "</table>")
    site = meta.get("site", "")
    top, bottom = CHROME.get(meta.get("chrome", ""), ("", ""))
    title = html.escape(meta.get("title", "Samarbeidsavtale"))
    lang = "nn" if meta.get("lang") == "nn" else "nb"
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="viewport" content="width=device-width"></head><body>\n'
            + top.format(site=site)
            + '<main id="innhald"><article class="agreement">\n' + "\n".join(parts) + "\n</article></main>\n"
            + bottom.format(site=site) + "\n</body></html>\n")
    path.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- PDF
def to_pdf(meta: dict[str, str], body: str, path: Path) -> None:
    from samrev.ingest.fixtures_pdf import write_pdf

    pages: list[list[str]] = [[]]
    for kind, payload in blocks(body):
        if kind == "page":
            pages.append([])
            continue
        lines = pages[-1]
        if kind in ("h1", "h2"):
            lines += ["", str(payload).upper() if kind == "h1" else str(payload), ""]
        elif kind == "p":
            for raw in str(payload).split("\n"):
                lines += textwrap.wrap(raw, 86) or [""]
            lines.append("")
        elif kind == "ul":
            for item in payload:  # type: ignore[attr-defined]
                wrapped = textwrap.wrap(item, 82)
                lines += ["  • " + wrapped[0]] + ["    " + w for w in wrapped[1:]]
            lines.append("")
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            widths = [min(34, max(len(r[i]) if i < len(r) else 0 for r in rows)) for i in range(len(rows[0]))]
            for row in rows:
                cells = [textwrap.wrap(c, widths[i] if i < len(widths) else 20) or [""] for i, c in enumerate(row)]
                for k in range(max(len(c) for c in cells)):
                    lines.append("  ".join((c[k] if k < len(c) else "").ljust(widths[i] if i < len(widths) else 20)
                                           for i, c in enumerate(cells)).rstrip())
            lines.append("")
    flowed: list[list[str]] = []
    for lines in pages:
        while lines and not lines[0]:
            lines = lines[1:]
        for i in range(0, max(len(lines), 1), 44):
            flowed.append(lines[i:i + 44])
    total = len(flowed)
    final = []
    for n, lines in enumerate(flowed, start=1):
        head = [meta["header"].replace("{page}", str(n)).replace("{pages}", str(total)), ""] if meta.get("header") else []
        foot = ["", meta["footer"].replace("{page}", str(n)).replace("{pages}", str(total))] if meta.get("footer") else []
        final.append(("text", head + lines + foot))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pdf(path, final, title=meta.get("title", "Samarbeidsavtale"))  # type: ignore[arg-type]


def render_set(folder: Path) -> None:
    """Render ``folder``/raw/<split>/<id>.txt to ``folder``/sources/<split>/<id>.<ext>: this set, or
    any later blind set written in the same raw format."""
    render = {"txt": to_txt, "docx": to_docx, "html": to_html, "pdf": to_pdf, "odt": to_odt}
    for raw in sorted((folder / "raw").glob("*/*.txt")):
        meta, body = parse(raw)
        fmt = meta.get("format", "txt")
        target = folder / "sources" / raw.parent.name / (raw.stem + "." + fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        render[fmt](meta, body, target)
        print(target.relative_to(folder))


def main() -> None:
    render_set(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)


if __name__ == "__main__":
    main()
