"""HTML renderer: one self-contained file (embedded CSS, figures as inline SVG).

Uses Django's template engine standalone (``django.template.Engine`` with autoescaping); it needs
no Django settings because every number is formatted before it reaches the template (no
localisation filters).  The same HTML, with its print stylesheet, is what WeasyPrint turns into
the PDF (:mod:`samrev.report.pdf`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from samrev.report.blocks import Block, Document, Figure, Table

TEMPLATES = "samrev.report.templates"


def _read(name: str) -> str:
    return resources.files(TEMPLATES).joinpath(name).read_text(encoding="utf-8")


@cache
def _template() -> Any:
    from django.template import Engine

    engine = Engine(autoescape=True, debug=False, libraries={})
    return engine.from_string(_read("report.html"))


def _cells(values: list[str], table: Table) -> list[dict[str, str]]:
    return [{"text": text, "align": table.alignment(index)} for index, text in enumerate(values)]


def _block_view(block: Block, figures: bool) -> dict[str, Any]:
    # numbers reach the template as strings: rendering an int would call Django's localisation,
    # which needs settings
    view: dict[str, Any] = {"kind": block.kind, "block": block,
                            "number": str(getattr(block, "number", ""))}
    if isinstance(block, Figure):
        from django.utils.safestring import mark_safe

        from samrev.report import figures as draw

        view["svg"] = mark_safe(draw.svg(block.chart, block.id)) if figures else ""  # noqa: S308 - our own SVG
    elif isinstance(block, Table):
        total = sum(block.widths)
        view["widths"] = [f"{100 * w / total:.1f}" for w in block.widths] if block.widths else []
        view["header"] = _cells(block.columns, block)
        view["rows"] = [_cells(row, block) for row in block.rows]
        view["total"] = _cells(block.total, block) if block.total else []
    return view


def render_html(document: Document, *, date_iso: str = "", figures: bool = True) -> str:
    """The report as one HTML string.  ``figures=False`` leaves the charts out (faster, for tests)."""
    from django.template import Context
    from django.utils.safestring import mark_safe

    sections = [{"section": section, "chapter": section.level == 1, "level": str(section.level),
                 "blocks": [_block_view(block, figures) for block in section.blocks]}
                for section in document.walk()]
    toc = [{"id": s.id, "number": s.number, "title": s.title, "level": str(s.level)} for s in document.walk()]
    context = Context({"doc": document, "sections": sections, "toc": toc, "css": mark_safe(_read("report.css")),  # noqa: S308 - our stylesheet
                      
                       "date_iso": date_iso}, autoescape=True)
    return str(_template().render(context))
