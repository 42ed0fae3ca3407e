"""Render blind11 raw sources (raw/<split>/<id>.txt) to sources/<split>/ with layout artefacts.

The raw format (key: value lines, ---, body with #/## headings, | tables |, - lists, <<<side>>>)
is parsed with corpus/blind2/build.py's parse/blocks, loaded by importlib (not copied).
Rendering here is new and adds layout artefacts of published documents:

PDF (reportlab canvas, DejaVuSans): ``layout: twocol`` flows body text in two columns; running
header/footer with {page}/{pages}; ``pagenum: dash`` adds a centred "- n -"; paragraphs starting
``[^n]`` are footnotes drawn at the bottom of the page where they occur; a table whose first
cell starts with "For " is a signature page drawn as two side-by-side signer columns; ``<<`` in a
table cell merges it with the cell to its left (merged header cells); ``bullet:`` picks the
bullet glyph (e.g. U+F0A7, ▪, ➢, •, o).
DOCX (python-docx): ``cover:`` lines on a cover page, ``docx_cols: 2`` two-column body section,
paragraphs starting ``[[BOKS]]`` become a real text box (wps:txbx), lists use Word numbering
(List Bullet / List Number, the glyph or number is not in the text), ``[text](url)`` becomes a
hyperlink, tables (signature blocks) are real tables with merged cells.
HTML: CMS ``<div>`` soup with inline styles, breadcrumbs, a "Sist oppdatert" line in the page
chrome, one ``<section>`` per ``##`` heading, colspan tables.

Run: .venv/bin/python corpus/blind11/build.py
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "sources"
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def _blind2():
    spec = importlib.util.spec_from_file_location("blind2_build", HERE.parent / "blind2" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B2 = _blind2()


def _plain_links(text: str) -> str:
    return LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)


# ------------------------------------------------------------------ PDF
def to_pdf(meta: dict[str, str], body: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    fdir = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DV", fdir + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", fdir + "DejaVuSans-Bold.ttf"))
    W, H = A4
    LM, RM, TOP, BOT = 56, 56, H - 70, 95
    bullet = meta.get("bullet", "•")
    twocol = meta.get("layout") == "twocol"

    # split into page sections
    sections: list[list] = [[]]
    for kind, payload in B2.blocks(body):
        if kind == "page":
            sections.append([])
        else:
            sections[-1].append((kind, payload))

    pages: list[dict] = []  # each: {"ops": [(font, size, x, y, text)], "notes": [str]}

    def new_page() -> dict:
        page = {"ops": [], "notes": [], "lines": []}
        pages.append(page)
        return page

    for sec in sections:
        has_table = any(k == "table" for k, _ in sec)
        ncols = 2 if (twocol and not has_table) else 1
        gap = 18
        colw = (W - LM - RM - gap * (ncols - 1)) / ncols
        page = new_page()
        col, y = 0, TOP

        def x0() -> float:
            return LM + col * (colw + gap)

        def advance(need: float) -> None:
            nonlocal col, y, page
            if y - need < BOT:
                col += 1
                y = TOP
                if col >= ncols:
                    col = 0
                    page = new_page()

        def put(text: str, font: str = "DV", size: float = 9.0, indent: float = 0, first: str = "") -> None:
            nonlocal y
            lead = size + 2.5
            wrapped = simpleSplit(text, font, size, colw - indent - (10 if first else 0)) or [""]
            for i, line in enumerate(wrapped):
                advance(lead)
                if first and i == 0:
                    page["ops"].append((font, size, x0() + indent, y, first))
                page["ops"].append((font, size, x0() + indent + (10 if first else 0), y, line))
                y -= lead

        for kind, payload in sec:
            if kind == "h1":
                put(str(payload), "DVB", 13)
                y -= 6
            elif kind == "h2":
                y -= 4
                put(str(payload), "DVB", 10)
                y -= 2
            elif kind == "p":
                text = _plain_links(str(payload))
                if text.startswith("[^"):
                    page["notes"].append(text)
                    continue
                for raw in text.split("\n"):
                    put(raw)
                y -= 5
            elif kind == "ul":
                for item in payload:  # type: ignore[attr-defined]
                    put(_plain_links(item), indent=8, first=bullet)
                y -= 5
            elif kind == "table":
                rows = payload  # type: ignore[assignment]
                if rows[0][0].startswith("For "):
                    # signature page: two signer columns side by side
                    half = (W - LM - RM) / len(rows[0])
                    for row in rows:
                        cells = [c.split(" / ") for c in row]
                        h = max(len(c) for c in cells)
                        advance(h * 13 + 24)
                        for j, cell in enumerate(cells):
                            yy = y
                            for part in cell:
                                page["ops"].append(("DV", 9.5, LM + j * half, yy, part))
                                yy -= 13
                        y -= h * 13 + 24
                    continue
                ncol = max(len(r) for r in rows)
                cw = (W - LM - RM) / ncol
                for ri, row in enumerate(rows):
                    spans: list[list] = []
                    for c in row:
                        if c == "<<" and spans:
                            spans[-1][1] += 1
                        else:
                            spans.append([c, 1])
                    wrapped = [simpleSplit(c, "DVB" if ri == 0 else "DV", 8.5, cw * n - 6) or [""] for c, n in spans]
                    h = max(len(w) for w in wrapped) * 11 + 4
                    advance(h)
                    xx = LM
                    for (c, n), wl in zip(spans, wrapped):
                        page["ops"].append(("RECT", 0, xx, y - h + 9, (cw * n, h)))
                        yy = y
                        for line in wl:
                            page["ops"].append(("DVB" if ri == 0 else "DV", 8.5, xx + 3, yy, line))
                            yy -= 11
                        xx += cw * n
                    y -= h
                y -= 8

    total = len(pages)
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(meta.get("title", "Samarbeidsavtale"))
    for n, page in enumerate(pages, start=1):
        if meta.get("header"):
            c.setFont("DV", 7.5)
            c.drawString(LM, H - 40, meta["header"].replace("{page}", str(n)).replace("{pages}", str(total)))
            c.line(LM, H - 45, W - RM, H - 45)
        for font, size, x, y, text in page["ops"]:
            if font == "RECT":
                c.rect(x, y, text[0], text[1], stroke=1, fill=0)
            else:
                c.setFont(font, size)
                c.drawString(x, y, text)
        if page["notes"]:
            yy = BOT - 12
            c.line(LM, yy + 9, LM + 120, yy + 9)
            for note in page["notes"]:
                for line in simpleSplit(note.replace("[^", "").replace("]", "", 1), "DV", 7, W - LM - RM):
                    c.setFont("DV", 7)
                    c.drawString(LM, yy, line)
                    yy -= 9
        c.setFont("DV", 7.5)
        if meta.get("footer"):
            c.drawString(LM, 38, meta["footer"].replace("{page}", str(n)).replace("{pages}", str(total)))
        if meta.get("pagenum") == "dash":
            c.drawCentredString(W / 2, 24, f"- {n} -")
        c.showPage()
    c.save()


# ------------------------------------------------------------------ DOCX
TEXTBOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200000</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2400000" cy="1500000"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{id}" name="Tekstboks {id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2400000" cy="1500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>
</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:190pt;height:118pt" type="#_x0000_t202"><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def _docx_runs(document, paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pos = 0
    for m in LINK.finditer(text):
        paragraph.add_run(text[pos:m.start()])
        r_id = paragraph.part.relate_to(m.group(2), RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rpr.append(style)
        run.append(rpr)
        t = OxmlElement("w:t")
        t.text = m.group(1)
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        link.append(run)
        paragraph._p.append(link)
        pos = m.end()
    lines = text[pos:].split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def to_docx(meta: dict[str, str], body: str, path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    sec = document.sections[0]
    if meta.get("header"):
        sec.header.paragraphs[0].text = meta["header"]
    if meta.get("footer"):
        sec.footer.paragraphs[0].text = meta["footer"]
    if meta.get("cover"):
        for i, line in enumerate(meta["cover"].split(" | ")):
            p = document.add_paragraph()
            r = p.add_run(line)
            r.font.size = Pt(26 if i == 0 else 14)
            r.bold = i == 0
        new = document.add_section(WD_SECTION.NEW_PAGE)
        if meta.get("docx_cols"):
            cols = new._sectPr.find(qn("w:cols"))
            if cols is None:
                cols = OxmlElement("w:cols")
                new._sectPr.append(cols)
            cols.set(qn("w:num"), meta["docx_cols"])
            cols.set(qn("w:space"), "708")
    boxes = 0
    for kind, payload in B2.blocks(body):
        if kind == "h1":
            document.add_heading(str(payload), level=1)
        elif kind == "h2":
            document.add_heading(str(payload), level=2)
        elif kind == "p":
            text = str(payload)
            if text.startswith("[[BOKS]]"):
                boxes += 1
                paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{html.escape(x)}</w:t></w:r></w:p>"
                                for x in text[8:].strip().split("\n"))
                anchor = document.add_paragraph()
                anchor._p.append(parse_xml(TEXTBOX.replace("{id}", str(boxes)).replace("{paras}", paras)))
                continue
            if re.match(r"^\d+\. ", text) and all(re.match(r"^\d+\. ", x) for x in text.split("\n")):
                for x in text.split("\n"):
                    _docx_runs(document, document.add_paragraph(style="List Number"), x.split(". ", 1)[1])
                continue
            _docx_runs(document, document.add_paragraph(), text)
        elif kind == "ul":
            for item in payload:  # type: ignore[attr-defined]
                _docx_runs(document, document.add_paragraph(style="List Bullet"), item)
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            ncol = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=ncol)
            if not rows[0][0].startswith("For "):
                table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    if cell == "<<":
                        continue
                    table.cell(i, j).text = cell.replace(" / ", "\n")
                for j in range(len(row) - 1, 0, -1):
                    if row[j] == "<<":
                        table.cell(i, j - 1).merge(table.cell(i, j))
        elif kind == "page":
            document.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


# ------------------------------------------------------------------ HTML
def _inline(text: str) -> str:
    out, pos = [], 0
    for m in LINK.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(f'<a href="{html.escape(m.group(2))}" style="color:#0645ad">{html.escape(m.group(1))}</a>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>\n")


def to_html(meta: dict[str, str], body: str, path: Path) -> None:
    site = meta.get("site", "")
    chunks: list[str] = []
    open_sec = False
    for kind, payload in B2.blocks(body):
        if kind == "h1":
            chunks.append(f'<div class="page-title"><div class="inner" style="padding:12px 0"><span style="font-size:28px;font-weight:700">{html.escape(str(payload))}</span></div></div>')
        elif kind == "h2":
            if open_sec:
                chunks.append("</div></section>")
            chunks.append('<section class="cms-block"><div class="row"><div class="col-md-12 text-block">'
                          f'<div class="h2" style="font-size:20px;font-weight:600;margin-top:18px">{html.escape(str(payload))}</div>')
            open_sec = True
        elif kind == "p":
            text = str(payload)
            if text.startswith("[[BOKS]]"):
                text = text[8:].strip()
                chunks.append(f'<div class="factbox" style="border:1px solid #ccc;padding:8px"><div><span>{_inline(text)}</span></div></div>')
            else:
                chunks.append(f'<div class="paragraph" style="margin:0 0 10px 0"><span style="font-family:Arial">{_inline(text)}</span></div>')
        elif kind == "ul":
            items = "".join(f'<div class="li" style="padding-left:14px">&#8226;&nbsp;<span>{_inline(i)}</span></div>' for i in payload)  # type: ignore[attr-defined]
            chunks.append(f'<div class="list">{items}</div>')
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            trs = []
            for ri, row in enumerate(rows):
                spans: list[list] = []
                for c in row:
                    if c == "<<" and spans:
                        spans[-1][1] += 1
                    else:
                        spans.append([c, 1])
                tag = "th" if ri == 0 else "td"
                trs.append("<tr>" + "".join(f'<{tag}{f" colspan={n}" if n > 1 else ""} style="border:1px solid #999;padding:4px">{_inline(c.replace(" / ", chr(10)))}</{tag}>' for c, n in spans) + "</tr>")
            chunks.append('<div class="table-wrap"><table style="border-collapse:collapse">' + "".join(trs) + "</table></div>")
    if open_sec:
        chunks.append("</div></section>")
    crumbs = meta.get("crumbs", "Forside › Samhandling › Samarbeidsavtaler")
    top = (f'<div id="app"><div class="topbar" style="background:#003283;color:#fff"><div class="logo">{html.escape(site)}</div>'
           '<div class="nav"><div class="nav-item"><a href="/">Forside</a></div><div class="nav-item"><a href="/helse">Helse og omsorg</a></div>'
           '<div class="nav-item"><a href="/kontakt">Kontakt</a></div><div class="nav-item"><a href="/sok">Søk</a></div></div></div>'
           '<div class="cookie" style="position:fixed;bottom:0">Vi bruker informasjonskapsler. <button>Godta</button> <button>Avslå</button></div>'
           f'<div class="breadcrumbs"><span>{html.escape(crumbs)}</span></div>'
           f'<div class="meta-line" style="color:#666;font-size:12px">{html.escape(meta.get("chrome_date", "Sist oppdatert 14.02.2025"))}</div>'
           '<div class="content"><div class="container"><div class="main-col">')
    bottom = ('</div><div class="sidebar"><div class="widget"><div class="widget-title">Relaterte sider</div>'
              '<div><a href="#">Lærings- og mestringssenteret</a></div><div><a href="#">Brukerutvalget</a></div>'
              '<div><a href="#">Praksiskonsulentordningen</a></div></div></div></div></div>'
              f'<div class="footer"><div>{html.escape(site)} · Postboks 100 · Sentralbord 00 00 00 00</div>'
              '<div><a href="#">Personvern</a> | <a href="#">Tilgjengelighetserklæring</a></div>'
              f'<div>{html.escape(meta.get("footer_text", "Siden ble publisert 01.09.2021"))}</div></div></div>')
    lang = meta.get("lang", "nb")
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(meta.get("title", ""))}</title></head>'
            f"<body>{top}\n" + "\n".join(chunks) + f"\n{bottom}</body></html>\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")


def main() -> None:
    render = {"docx": to_docx, "html": to_html, "pdf": to_pdf}
    for raw in sorted(RAW.glob("*/*.txt")):
        meta, body = B2.parse(raw)
        fmt = meta.get("format", "pdf")
        target = OUT / raw.parent.name / (raw.stem + "." + fmt)
        render[fmt](meta, body, target)
        print(target.relative_to(HERE))


if __name__ == "__main__":
    main()
