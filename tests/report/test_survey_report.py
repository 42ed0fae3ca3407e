"""The survey report: its numbers are the JSON's (``samrev survey analyse``), in the document, the
HTML, the DOCX, the PDF text and the spreadsheet; verdicts only where analyse() gives one; caveats
up front; the diverging chart centres the neutral answer."""

from __future__ import annotations

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from samrev.report.blocks import Chart, Paragraph, Table
from samrev.report.format import NBSP, number, percent, percent_range
from samrev.report.survey import SurveyReport, build_survey_report
from samrev.report.tables import format_cell, p_equals, p_value
from samrev.survey.service import analyse_files, load_config

EXAMPLE = Path(__file__).resolve().parents[1] / "survey" / "data" / "survey-example"
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def analysis() -> dict[str, Any]:
    return analyse_files(EXAMPLE / "responses.csv", EXAMPLE / "survey.yaml", EXAMPLE / "frame.csv")


@pytest.fixture(scope="module")
def report(analysis: dict[str, Any]) -> SurveyReport:
    return build_survey_report(analysis, load_config(EXAMPLE / "survey.yaml"), today=TODAY)


def _table(report: SurveyReport, table_id: str) -> Table:
    return next(t for t in report.document.tables() if t.id == table_id)


def _clean(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


# --- the tables hold the JSON's values ------------------------------------------------------------

def test_response_rate_table_is_the_json(report: SurveyReport, analysis: dict[str, Any]) -> None:
    table = _table(report, "svarprosent")
    rates = analysis["response_rates"]
    groups = [g for g in rates if g != "total"]
    assert len(table.values) == len(groups)
    for row, group in zip(table.values, groups, strict=True):
        rate = rates[group]
        assert row[1:] == [rate["invited"], rate["responded"], rate["rate"], rate["ci95"]]
    total = rates["total"]
    assert table.total_values[1:] == [total["invited"], total["responded"], total["rate"], total["ci95"]]
    # and the formatted cells are those values in Norwegian
    brukerorg = rates["brukerorganisasjon"]
    row = table.rows[groups.index("brukerorganisasjon")]
    assert row[3:] == [percent(brukerorg["rate"]), percent_range(*brukerorg["ci95"])]
    assert row[3] == "27\u00a0%"


def test_item_and_comparison_tables_are_the_json(report: SurveyReport, analysis: dict[str, Any]) -> None:
    for item_id, item in analysis["likert"].items():
        table = _table(report, f"pastand-{item_id.lower()}")
        codes = list(item["by_group"]["total"]["missing"])
        cells = [*[item["by_group"][g] for g in item["by_group"] if g != "total"], *item["by_subgroup"].values()]
        assert [row[1:] for row in table.values] == [
            [c["n"], c["median"], c["mean"], *[c["missing"][code] for code in codes]] for c in cells]
        total = item["by_group"]["total"]
        assert table.total_values[1:4] == [total["n"], total["median"], total["mean"]]
    table = _table(report, "sammenligninger")
    comparisons = [c for item in analysis["likert"].values() for c in item["comparisons"]]
    assert [row[3:9] for row in table.values] == [
        [*c["n"], c["u"], c["p"], c["p_holm"], c["rank_biserial"]] for c in comparisons]
    assert sum(1 for row in table.values if row[9]) == sum(1 for c in comparisons if c["higher_group"])


def test_theme_tables_are_the_json(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from samrev.coding.codebook import load_codebook

    codebook = load_codebook()
    for qid, counts in analysis["themes"].items():
        mentioned = {t: c for t, c in counts.items() if c["answers"]}
        if not mentioned:
            continue
        table = _table(report, f"temaer-{qid}")
        for row in table.values:
            theme = next(t for t in counts if codebook.theme(t).label("nb") == row[0])
            c = counts[theme]
            assert row[1:] == [c["answers"], c["share"], c["facilitator"], c["barrier"], c["proposal"]]
        # the most mentioned come first
        assert [r[1] for r in table.values] == sorted((r[1] for r in table.values), reverse=True)
        assert table.values[0][1] == max(c["answers"] for c in counts.values())


def test_verdicts_only_where_analyse_gives_one(report: SurveyReport, analysis: dict[str, Any]) -> None:
    text = _clean(report.document.plain_text())
    comparisons = [(item, c) for item in analysis["likert"].values() for c in item["comparisons"]]
    significant = [c for _, c in comparisons if c["higher_group"]]
    assert significant, "the example has group differences"
    # each verdict once in the comparison chapter and once in the summary
    assert text.count("svarer gjennomgående høyere enn") == 2 * len(significant)
    for c in significant:
        assert _clean(f"Holm-justert {p_equals(c['p_holm'])}, rangbiserial r = {number(abs(c['rank_biserial']), 2)}") \
            in text
    unsure = [c for _, c in comparisons if c["tested"] and not c["higher_group"]]
    assert text.count("ingen sikker forskjell") == len(unsure)


def test_low_response_and_small_groups_are_said_first(report: SurveyReport, analysis: dict[str, Any]) -> None:
    summary = report.document.sections[0]
    warnings = [b.text for b in summary.blocks if isinstance(b, Paragraph) and b.style == "warning"]
    codes = {c["code"] for c in analysis["caveats"]}
    assert {"low_response_rate", "small_group"} <= codes
    rate = analysis["response_rates"]["brukerorganisasjon"]
    assert any(w.startswith("Lav svarprosent") and percent(rate["rate"]) in w
               and f"{rate['responded']} av {rate['invited']}" in w for w in warnings)
    assert any(w.startswith("Få svar") and f"bare {rate['responded']} svar" in w for w in warnings)
    # every caveat message of the analysis is in the caveats chapter
    chapter = next(s for s in report.document.sections if s.id == "forbehold")
    listed = [item for block in chapter.blocks if hasattr(block, "items") for item in block.items]
    assert len(listed) == len(analysis["caveats"])
    shown = {re.sub(r"«[^»]*»", "«»", m) for m in listed}
    assert {re.sub(r"«[^»]*»", "«»", c["message"]) for c in analysis["caveats"]} == shown
    assert any("«Bruker- eller pasientorganisasjon»" in m for m in listed)  # ids shown by their labels


def test_quotes_are_pseudonymised_statements_of_the_theme(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from samrev.report.blocks import Quote

    quotes = [b for b in report.document.blocks() if isinstance(b, Quote)]
    assert quotes
    statements = {a["text"][t["start"]:t["end"]].strip() for a in analysis["answers"] for t in a["themes"]}
    for quote in quotes:
        assert quote.text in statements or quote.text.endswith("…")


def test_absent_themes_per_question_and_group(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from samrev.coding.codebook import load_codebook

    codebook = load_codebook()
    table = _table(report, "fravaerende-temaer")
    absent = analysis["absent_themes"]
    assert len(table.rows) == 1 + len(analysis["open_questions"]) + len(absent["by_group"])
    by_group = table.rows[-len(absent["by_group"]):]
    for row, themes in zip(by_group, absent["by_group"].values(), strict=True):
        assert row[1] == ("; ".join(codebook.theme(t).label("nb") for t in themes) or "–")
    assert table.rows[0][1] == "; ".join(codebook.theme(t).label("nb") for t in absent["all"])
    assert absent["all"], "the example has themes nobody mentions"


# --- the diverging chart ----------------------------------------------------------------------------

def test_diverging_chart_shares_and_neutral_centre(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from samrev.report import figures

    figure = next(f for f in report.document.figures() if f.chart.type == "diverging")
    chart: Chart = figure.chart
    item = analysis["likert"]["S1"]
    assert chart.center == 2 and len(chart.series) == 5
    cells = [item["by_group"][g] for g in ("kommune", "helseforetak", "brukerorganisasjon", "total")]
    for index, cell in enumerate(cells):
        assert sum(s.values[index] for s in chart.series) == pytest.approx(1.0)
        assert chart.series[0].values[index] == pytest.approx(cell["distribution"]["1"] / cell["n"])
        vet_ikke = next(s for s in chart.aside if s.name == "Vet ikke")
        assert vet_ikke.values[index] == pytest.approx(cell["missing"]["vet_ikke"]
                                                       / (cell["n"] + sum(cell["missing"].values())))
    drawn = figures.draw(chart)
    main = drawn.axes[0]
    bars = main.containers
    middle = bars[2]
    for bar in middle:  # the neutral share straddles zero, half on each side
        assert bar.get_x() == pytest.approx(-bar.get_width() / 2)
    for bar in bars[3]:  # agreement starts at the neutral bar's right edge
        assert bar.get_x() >= -1e-9


# --- the renderers show the same cells ---------------------------------------------------------------

class _Tables(HTMLParser):
    """Rows of every table in an HTML page, by the id of its wrapper."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._id = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div" and "table-wrap" in (values.get("class") or ""):
            self._id = values.get("id") or ""
            self.tables[self._id] = []
        elif tag == "tr" and self._id:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._id].append(self._row)
            self._row = None
        elif tag == "table":
            self._id = ""

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _expected_rows(table: Table) -> list[list[str]]:
    return [table.columns, *table.rows, *([table.total] if table.total else [])]


def test_html_cells_are_the_json_numbers(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from samrev.report.html import render_html

    page = render_html(report.document, figures=False)
    parser = _Tables()
    parser.feed(page)
    tables = report.document.tables()
    assert set(parser.tables) == {t.id for t in tables}
    for table in tables:
        assert parser.tables[table.id] == _expected_rows(table), table.id
    # spot check against the JSON directly, not through the table model
    total = analysis["response_rates"]["total"]
    assert parser.tables["svarprosent"][-1] == ["Alle", number(total["invited"]), number(total["responded"]),
                                                percent(total["rate"]), percent_range(*total["ci95"])]
    first = analysis["likert"]["S1"]["comparisons"][0]
    row = parser.tables["sammenligninger"][1]
    assert row[5:9] == [number(first["u"], 1), p_value(first["p"]), p_value(first["p_holm"]),
                        number(first["rank_biserial"], 2)]


def _without_figures(report: SurveyReport) -> Any:
    """The document without its charts (drawing them is the slow part; tables and text stay)."""
    import copy

    from samrev.report.blocks import Figure

    document = copy.deepcopy(report.document)
    for section in document.walk():
        section.blocks = [b for b in section.blocks if not isinstance(b, Figure)]
    return document


def test_docx_cells_are_the_json_numbers(report: SurveyReport) -> None:
    from docx import Document as OpenDocx

    from samrev.report.docx import render_docx

    opened = OpenDocx(io.BytesIO(render_docx(_without_figures(report))))
    tables = report.document.tables()
    assert len(opened.tables) == len(tables)
    for rendered, table in zip(opened.tables, tables, strict=True):
        assert [[cell.text for cell in row.cells] for row in rendered.rows] == _expected_rows(table), table.id
    body = "\n".join(p.text for p in opened.paragraphs)
    assert "Lav svarprosent: Bruker- eller pasientorganisasjon svarte 27\u00a0%" in body


def test_xlsx_has_one_sheet_per_table_with_raw_numbers(report: SurveyReport, analysis: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    from samrev.core import components

    book = load_workbook(io.BytesIO(components.create("report_format", "xlsx").render(report)))
    tables = report.document.tables()
    assert book.sheetnames[0] == "Innhold" and len(book.sheetnames) == 1 + len(tables)
    sheet = book[book.sheetnames[1 + [t.id for t in tables].index("svarprosent")]]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Gruppe", "Inviterte", "Svar", "Svarprosent", "95 % KI (nedre)", "95 % KI (øvre)")
    rate = analysis["response_rates"]["kommune"]
    assert rows[1] == ("Kommune", rate["invited"], rate["responded"], rate["rate"], *rate["ci95"])
    assert sheet.cell(row=2, column=4).number_format == "0.0%"
    comparisons = book[book.sheetnames[1 + [t.id for t in tables].index("sammenligninger")]]
    first = analysis["likert"]["S1"]["comparisons"][0]
    # Excel keeps 15–17 significant digits
    assert next(iter(comparisons.iter_rows(min_row=2, max_row=2, values_only=True)))[5:9] == pytest.approx(
        (first["u"], first["p"], first["p_holm"], first["rank_biserial"]), rel=1e-14)


def test_json_format_carries_the_analysis_unchanged(report: SurveyReport, analysis: dict[str, Any]) -> None:
    import json

    from samrev.core import components

    data = json.loads(components.create("report_format", "json").render(report))
    assert data["analysis"] == json.loads(json.dumps(analysis))


def test_format_cell_kinds() -> None:
    assert format_cell(None, "int") == "–"
    assert format_cell(0.0004, "p") == "<\u00a00,001"
    assert format_cell(0.0351, "p") == "0,035"
    assert format_cell([0.131508, 0.481517], "range") == "13–48\u00a0%"
    assert format_cell(-0.636036, "float2") == "−0,64"
    assert p_equals(0.0035) == "p\u00a0=\u00a00,004"


@pytest.mark.slow
def test_pdf_text_has_the_json_numbers(report: SurveyReport, analysis: dict[str, Any]) -> None:
    import pypdfium2

    from samrev.report.pdf import render_pdf

    pdf = pypdfium2.PdfDocument(render_pdf(report.document, date_iso=TODAY.isoformat()))
    text = _clean(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    text = re.sub(r"\s+", " ", text.replace("\r", " ").replace("\ufffe", "").replace("\u00ad", ""))
    for table in report.document.tables():
        for row in [*table.rows, *([table.total] if table.total else [])]:
            numbers = [_clean(cell) for cell in row[1:] if re.search(r"\d", cell)]
            if numbers:
                pattern = r".{0,40}?".join(re.escape(n) for n in numbers)
                assert re.search(pattern, text), (table.id, row)
    total = analysis["response_rates"]["total"]
    assert _clean(f"Samlet svarprosent er {percent(total['rate'])} ({total['responded']} av {total['invited']}; "
                  f"95 % KI {percent_range(*total['ci95'])})") in text


# --- other shapes: no frame, tiny groups; the command ------------------------------------------------

def test_without_frame_and_with_tiny_groups(tmp_path: Path) -> None:
    from samrev.report.html import render_html
    from tests.survey.conftest import CONFIG, HEADERS, ROWS, write_csv

    responses = write_csv(tmp_path / "svar.csv", HEADERS, ROWS)
    config = tmp_path / "survey.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    analysis = analyse_files(responses, config)
    report = build_survey_report(analysis, load_config(config), today=TODAY)
    summary = report.document.sections[0]
    warnings = [b.text for b in summary.blocks if isinstance(b, Paragraph) and b.style == "warning"]
    assert warnings[0].startswith("Ingen utvalgsramme")
    assert sum(w.startswith("Få svar") for w in warnings) == 2  # both groups are below min_group_n
    rates = _table(report, "svarprosent")
    assert [row[1] for row in rates.rows] == ["–", "–"] and [row[2] for row in rates.rows] == ["3", "3"]
    assert not any(f.chart.type == "interval" for f in report.document.figures())
    text = _clean(report.document.plain_text())
    assert "svarer gjennomgående høyere" not in text
    comparison = analysis["likert"]["S1"]["comparisons"][0]
    assert not comparison["tested"]
    na, nb = comparison["n"]
    assert f"er ikke sammenlignet, fordi det er for få gyldige svar ({na} og {nb}; minst 5 trengs)" in text
    page = render_html(report.document, figures=False)
    assert "Ingen utvalgsramme" in page


def test_command_rejects_an_unknown_format(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from samrev.cli.app import app

    result = CliRunner().invoke(app, ["report", "survey", str(EXAMPLE / "responses.csv"), "--config",
                                      str(EXAMPLE / "survey.yaml"), "-f", "odt", "--out", str(tmp_path)])
    from samrev.core.errors import InputError

    assert result.exit_code != 0
    assert isinstance(result.exception, InputError) and "ukjent format «odt»" in str(result.exception)
    assert not list(tmp_path.iterdir())
