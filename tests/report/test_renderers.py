"""Renderers without a database: HTML needs no Django settings, SVG ids stay unique, the CLI
module stays light."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_html_renders_without_django_settings_and_prefixes_svg_ids() -> None:
    code = textwrap.dedent("""
        import sys
        from samrev.report.blocks import Chart, Document, Figure, Paragraph, Section, Series, Table
        from samrev.report.html import render_html

        chart = Chart("bar", ["1", "2"], [Series("Dokumenter", [3.0, 5.0])], highlight=["2"])
        doc = Document("Tittel <&>", "Undertittel", "Runde", "1. august 2022", ["Linje"], [
            Section("a", "Kapittel", "1", blocks=[
                Paragraph("Tekst med <b>"), Figure("f1", "Første", chart), Figure("f2", "Andre", chart),
                Table("t", "Tabell", ["A", "B"], [["x", "1"]], align=["l", "r"], total=["I alt", "1"])])])
        doc.number_items()
        page = render_html(doc)
        from django.conf import settings
        assert not settings.configured
        assert "Tittel &lt;&amp;&gt;" in page and "Tekst med &lt;b&gt;" in page
        assert 'id="f1-figure_1"' in page and 'id="f2-figure_1"' in page
        assert "Figur 2" in page and "Tabell 1" in page and 'class="total"' in page
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            env={"PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_importing_the_cli_loads_no_report_libraries() -> None:
    code = ("import sys, samrev.cli.app\n"
            "heavy = [m for m in ('django', 'numpy', 'matplotlib', 'weasyprint', 'docx', 'samrev.report.html')"
            " if m in sys.modules]\n"
            "print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
