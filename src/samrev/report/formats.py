"""Report formats as registered components (``report_format``: html, pdf, docx, json, xlsx).

A format renders any report that has a ``document`` (a laid-out
:class:`~samrev.report.blocks.Document`), a ``today`` and a ``to_dict()`` (:class:`Report`): the
agreement report, the survey report and the literature report alike.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Protocol

from samrev.report.blocks import Document


class Report(Protocol):
    @property
    def document(self) -> Document: ...

    @property
    def today(self) -> date: ...

    def to_dict(self) -> dict[str, Any]: ...


class HtmlFormat:
    name = "html"
    version = "1"
    label = "HTML (én selvstendig fil)"
    suffix = ".html"

    def render(self, report: Report) -> bytes:
        from samrev.report.html import render_html

        return render_html(report.document, date_iso=report.today.isoformat()).encode("utf-8")


class PdfFormat:
    name = "pdf"
    version = "1"
    label = "PDF (A4, WeasyPrint)"
    suffix = ".pdf"

    def render(self, report: Report) -> bytes:
        from samrev.report.pdf import render_pdf

        return render_pdf(report.document, date_iso=report.today.isoformat())


class DocxFormat:
    name = "docx"
    version = "1"
    label = "Word (DOCX)"
    suffix = ".docx"

    def render(self, report: Report) -> bytes:
        from samrev.report.docx import render_docx

        return render_docx(report.document)


class JsonFormat:
    name = "json"
    version = "1"
    label = "JSON (tallene og rapportens innhold)"
    suffix = ".json"

    def render(self, report: Report) -> bytes:
        data: Any = report.to_dict()
        return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


class XlsxFormat:
    name = "xlsx"
    version = "1"
    label = "Regneark (XLSX, ett ark per tabell)"
    suffix = ".xlsx"

    def render(self, report: Report) -> bytes:
        from samrev.report.tables import write_xlsx

        return write_xlsx(report.document.tables(), title=f"{report.document.title} – {report.document.round_name}")
