"""DOCX renderer (python-docx): title page, headings, a table of contents field, the same tables
(header row shaded and repeated on each page), figures as PNG, quotes as indented italic
paragraphs, «Side X av Y» in the footer and the title in the header."""

from __future__ import annotations

import io
from typing import Any

from samrev.report.blocks import BulletList, Document, Figure, Paragraph, Quote, Table

BAND = "1C4E7D"
TINT = "EEF3F8"


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC …) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(separate)
    placeholder = paragraph.add_run("1" if "PAGE" in instruction else "Høyreklikk og velg «Oppdater felt».")
    placeholder._r.append(end)


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _table(out: Any, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    caption = out.add_paragraph(style="Caption")
    caption.add_run(f"Tabell {table.number} ").bold = True
    caption.add_run(table.caption)
    caption.paragraph_format.keep_with_next = True
    rows = [table.columns, *table.rows, *([table.total] if table.total else [])]
    grid = out.add_table(rows=len(rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate(rows):
        row = grid.rows[r]
        for c, value in enumerate(values):
            cell = row.cells[c]
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.font.size = Pt(8.5)
            if table.alignment(c) == "r":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r == 0:
                run.bold = True
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                _shade(cell, BAND)
            elif table.total and r == len(rows) - 1:
                run.bold = True
            elif r % 2 == 0:
                _shade(cell, TINT)
    _repeat_header(grid.rows[0])
    if table.note:
        note = out.add_paragraph(table.note)
        note.runs[0].font.size = Pt(8)
    else:
        out.add_paragraph()


def _figure(out: Any, figure: Figure) -> None:
    from docx.shared import Cm

    from samrev.report import figures

    caption = out.add_paragraph(style="Caption")
    caption.add_run(f"Figur {figure.number} ").bold = True
    caption.add_run(figure.caption)
    caption.paragraph_format.keep_with_next = True
    out.add_picture(io.BytesIO(figures.png(figure.chart)), width=Cm(16))
    if figure.note:
        from docx.shared import Pt

        note = out.add_paragraph(figure.note)
        note.runs[0].font.size = Pt(8)


def render_docx(document: Document) -> bytes:
    """The report as DOCX bytes."""
    from docx import Document as NewDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    out = NewDocument()
    section = out.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    styles = out.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(10)
    for name in ("Heading 1", "Heading 2", "Title"):
        styles[name].font.color.rgb = RGBColor(0x1C, 0x4E, 0x7D)
        styles[name].font.name = "Arial"
    out.core_properties.title = document.title
    out.core_properties.subject = document.round_name
    out.core_properties.language = "nb-NO"
    # title page
    section.different_first_page_header_footer = True
    for _ in range(6):
        out.add_paragraph()
    out.add_paragraph(document.title, style="Title")
    subtitle = out.add_paragraph(document.subtitle)
    subtitle.runs[0].font.size = Pt(13)
    out.add_paragraph()
    round_line = out.add_paragraph()
    round_line.add_run(document.round_name).bold = True
    out.add_paragraph(document.date_text)
    for _ in range(8):
        out.add_paragraph()
    for line in document.colophon:
        small = out.add_paragraph(line)
        small.runs[0].font.size = Pt(8.5)
        small.paragraph_format.space_after = Pt(0)
    # header and footer of the following pages
    header = section.header.paragraphs[0]
    header.text = document.title
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Side ")
    _field(footer, "PAGE")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES")
    out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    contents = out.add_paragraph().add_run("Innhold")  # not a heading: the contents does not list itself
    contents.bold = True
    contents.font.size = Pt(17)
    contents.font.color.rgb = RGBColor(0x1C, 0x4E, 0x7D)
    _field(out.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')
    for part in document.walk():
        if part.level == 1:
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        out.add_heading(part.heading, level=part.level)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                paragraph = out.add_paragraph(block.text)
                if block.style == "note":
                    paragraph.runs[0].font.size = Pt(9)
                    paragraph.runs[0].font.color.rgb = RGBColor(0x56, 0x62, 0x6E)
                elif block.style == "lead":
                    paragraph.runs[0].font.size = Pt(11)
                elif block.style == "warning":
                    paragraph.runs[0].bold = True
                    paragraph.runs[0].font.color.rgb = RGBColor(0xB5, 0x52, 0x3B)
                    paragraph.paragraph_format.left_indent = Cm(0.4)
            elif isinstance(block, BulletList):
                for item in block.items:
                    out.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Quote):
                paragraph = out.add_paragraph()
                paragraph.paragraph_format.left_indent = Cm(1)
                paragraph.paragraph_format.right_indent = Cm(0.5)
                run = paragraph.add_run(f"«{block.text}»")
                run.italic = True
                if block.source:
                    paragraph.add_run(f" ({block.source})").font.size = Pt(8.5)
            elif isinstance(block, Table):
                _table(out, block)
            elif isinstance(block, Figure):
                _figure(out, block)
    # ask Word to update the fields (table of contents, page count) when the file is opened
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    out.settings.element.append(update)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
