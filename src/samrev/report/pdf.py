"""PDF renderer: WeasyPrint from the report's HTML (print stylesheet: A4, running header with the
title and chapter, «Side X av Y» in the footer, a table of contents with page numbers, repeated
table headers, small tables and figures kept whole)."""

from __future__ import annotations

import logging

from samrev.report.blocks import Document


def render_pdf(document: Document, *, date_iso: str = "") -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML

    from samrev.report.html import render_html

    # WeasyPrint logs every unsupported CSS property at WARNING; keep the user's terminal clean.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(document, date_iso=date_iso)
    pdf = HTML(string=html).write_pdf()
    return bytes(pdf or b"")
