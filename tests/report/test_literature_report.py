"""`samrev report literature`: built from a review-state JSON; the numbers in every format equal the
JSON's (counted here straight from the file, not through the library)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.literature.coding_eval import load_devset
from samrev.literature.review_state import load_review_state, state_to_dict
from samrev.literature.state_fixture import build_review_state
from samrev.report.format import NBSP

TODAY = date(2026, 11, 27)
runner = CliRunner()


@pytest.fixture(scope="module")
def state_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [r.record for r in load_devset()][::3]  # 29 real and written records, all three languages
    state = build_review_state(records, identified=640, duplicates=95, full_text_excluded=17, not_retrieved=2, seed=5)
    path = tmp_path_factory.mktemp("lit") / "gjennomgang.json"
    path.write_text(json.dumps(state_to_dict(state), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def expected_counts(path: Path) -> dict[str, Any]:
    """The PRISMA numbers counted directly from the JSON."""
    data = json.loads(path.read_text(encoding="utf-8"))
    final: dict[tuple[str, str], str] = {}
    for d in data["screening"]["decisions"]:
        key = (d["record_id"], d["stage"])
        if d.get("final") or key not in final or final[key] == d["decision"]:
            final[key] = d["decision"]
    stage = Counter((s, v) for (_, s), v in final.items())
    reasons = Counter(d["reason"] for (r, s), v in final.items() if s == "full_text" and v == "exclude"
                      for d in data["screening"]["decisions"] if d["record_id"] == r and d["stage"] == s)
    identified = sum(b["records"] for b in data["batches"])
    return {
        "identified": identified, "duplicates": data["deduplication"]["duplicates_removed"],
        "screened": sum(n for (s, _), n in stage.items() if s == "title_abstract"),
        "excluded": stage[("title_abstract", "exclude")], "sought": stage[("title_abstract", "include")],
        "not_retrieved": stage[("full_text", "not_retrieved")],
        "assessed": stage[("full_text", "include")] + stage[("full_text", "exclude")],
        "ft_excluded": stage[("full_text", "exclude")], "reasons": dict(reasons),
        "included": len(data["included"]),
    }


def test_numbers_equal_the_json(state_file: Path) -> None:
    from samrev.report.literature import build_literature_report

    expected = expected_counts(state_file)
    report = build_literature_report(load_review_state(state_file), today=TODAY)
    prisma = report.to_dict()["prisma"]
    assert prisma["identified"] == expected["identified"] == 640
    assert prisma["duplicates_removed"] == expected["duplicates"]
    assert prisma["records_screened"] == expected["screened"] == 640 - 95
    assert prisma["records_excluded"] == expected["excluded"]
    assert prisma["reports_sought"] == expected["sought"]
    assert prisma["reports_not_retrieved"] == expected["not_retrieved"] == 2
    assert prisma["reports_assessed"] == expected["assessed"]
    assert prisma["reports_excluded_total"] == expected["ft_excluded"] == 17
    assert {r["reason"]: r["count"] for r in prisma["reports_excluded"]} == expected["reasons"]
    assert prisma["studies_included"] == expected["included"] == 29
    gap = report.gap
    assert gap.n_studies == 29
    assert sum(gap.column_totals) == 29  # every study has exactly one setting
    assert sum(gap.row_totals) == sum(len(s.themes) for s in report.studies)
    # the imbalance sentence is computed from the studies
    discharge = sum("discharge_transitions" in s.themes for s in report.studies)
    lms = sum(s.lms_explicit for s in report.studies)
    first = report.imbalance[0]
    assert first.startswith(f"{round(100 * discharge / 29)}{NBSP}% av de 29 inkluderte studiene handler om utskrivning")
    assert f"mens {round(100 * lms / 29)}{NBSP}% tar opp lærings- og mestringstilbud eksplisitt" in first
    text = report.document.plain_text()
    assert "Poster screenet | 545" in text and "Studier inkludert | 29" in text
    assert report.document.figures()[0].id == "prisma"
    quotes = [b for b in report.document.blocks() if b.kind == "quote"]
    assert quotes and all(q.source for q in quotes)


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.slow
def test_cli_renders_html_pdf_docx_and_figures(state_file: Path, tmp_path: Path) -> None:
    import pypdfium2

    expected = expected_counts(state_file)
    target = tmp_path / "ut" / "litteratur"
    figures = tmp_path / "figurer"
    result = runner.invoke(app, ["report", "literature", str(state_file), "-f", "html", "-f", "pdf", "-f", "docx",
                                 "-f", "json", "-o", str(target), "--figures", str(figures), "--today", "2026-11-27"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "ut" / "litteratur.html").read_text(encoding="utf-8")
    pdf = pypdfium2.PdfDocument(str(tmp_path / "ut" / "litteratur.pdf"))
    pdf_text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    docx_text = _docx_text(tmp_path / "ut" / "litteratur.docx")
    data = json.loads((tmp_path / "ut" / "litteratur.json").read_text(encoding="utf-8"))
    assert data["prisma"]["records_screened"] == expected["screened"]
    for text in (html, pdf_text, docx_text):
        assert "Poster screenet" in text and str(expected["screened"]) in text
        assert "Rapporter vurdert for egnethet" in text and str(expected["assessed"]) in text
        assert "Kunnskapskart" in text and "Utskrivning og overganger" in text
    assert html.count("<svg") == 2 and "<td class=\"r\">545</td>" in html
    assert len(pdf) >= 8
    for name in ("prisma", "kunnskapskart-figur"):
        svg = (figures / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<svg" in svg
        assert (figures / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_rejects_bad_options(state_file: Path) -> None:
    result = runner.invoke(app, ["report", "literature", str(state_file), "--rows", "colour"])
    assert result.exit_code != 0 and "colour" in str(result.exception)
    result = runner.invoke(app, ["report", "literature", str(state_file), "--rows", "setting", "--columns", "setting"])
    assert result.exit_code != 0


def test_imbalance_sentences_are_computed_from_the_studies() -> None:
    from samrev.coding.codebook import load_codebook
    from samrev.literature.gapmap import Study, gap_map
    from samrev.report.literature import imbalance_sentences

    codebook = load_codebook()
    studies = [Study(f"s{i}", setting="begge" if i < 6 else "kommune", country="norway" if i < 3 else "other",
                     lms_explicit=i == 9,
                     themes={"discharge_transitions": "barrier"} if i < 4 else {"ict_communication": "neutral"})
               for i in range(10)]
    gap = gap_map(studies, "theme", "setting", theme_ids=codebook.theme_ids)
    sentences = imbalance_sentences(studies, codebook, gap)
    assert sentences[0] == (f"40{NBSP}% av de 10 inkluderte studiene handler om utskrivning og overganger, mens "
                            f"10{NBSP}% tar opp lærings- og mestringstilbud eksplisitt.")
    assert sentences[1] == (f"Flest studier handler om IKT og kommunikasjon (60{NBSP}%) og utskrivning og overganger "
                            f"(40{NBSP}%).")
    assert any(s.startswith("Ingen av studiene handler om gjensidig kunnskap, møtearenaer") for s in sentences)
    assert f"40{NBSP}% av studiene er gjort i kommunene alene, 0{NBSP}% i sykehus alene og 60{NBSP}% på tvers" \
        in " ".join(sentences)
    assert f"30{NBSP}% av studiene er fra Norge og 0{NBSP}% fra resten av Norden." in sentences
    assert f"Av de 64 cellene i kunnskapskartet (16 × 4) er {len(gap.empty_cells())} tomme" in sentences[-1]


def test_prisma_flow_boxes_carry_the_counts() -> None:
    from samrev.literature.prisma import PrismaCounts, ReasonCount, SourceCount
    from samrev.report.literature import prisma_flow

    counts = PrismaCounts((SourceCount("MEDLINE", 700), SourceCount("Embase", 500)), duplicates_removed=200,
                          records_screened=1000, records_excluded=900, reports_sought=100, reports_not_retrieved=5,
                          reports_assessed=95, reports_excluded=(ReasonCount("Feil populasjon", 60),),
                          studies_included=35).validate()
    flow = prisma_flow(counts)
    lines = {box.id: " ".join(box.lines).replace(NBSP, " ") for box in flow.boxes}
    assert "Poster identifisert fra databaser (n = 1200)" in lines["identified"]
    assert "MEDLINE (n = 700)" in lines["identified"] and "Embase (n = 500)" in lines["identified"]
    assert "Duplikater (n = 200)" in lines["removed"]
    assert lines["screened"] == "Poster screenet (n = 1000)"
    assert lines["excluded"] == "Poster ekskludert (n = 900)"
    assert "Feil populasjon (n = 60)" in lines["reports_excluded"]
    assert "Studier inkludert i oversikten (n = 35)" in lines["included"]
    main = [a.target for a in flow.arrows if flow.box(a.target).column == 0]
    assert main == ["screened", "sought", "assessed", "included"]
    assert len(flow.arrows) == 8 and [p.label for p in flow.phases] == ["Identifikasjon", "Screening", "Inkludert"]


def test_a_review_without_included_studies_still_renders() -> None:
    from samrev.literature.review_state import SCHEMA, parse_review_state
    from samrev.report.html import render_html
    from samrev.report.literature import build_literature_report

    data = {"schema": SCHEMA, "review": {"title": "Tom"}, "batches": [{"database": "MEDLINE", "records": 10}],
            "deduplication": {"duplicates_removed": 2},
            "screening": {"counts": {"records_screened": 8, "records_excluded": 8, "reports_sought": 0,
                                     "reports_not_retrieved": 0, "reports_assessed": 0, "reports_excluded": []}},
            "included": []}
    report = build_literature_report(parse_review_state(data, "tom.json"), today=TODAY)
    assert report.imbalance == ["Ingen studier er inkludert, så det finnes ikke noe kunnskapsgrunnlag å beskrive."]
    assert report.to_dict()["prisma"]["studies_included"] == 0
    assert "Poster screenet" in render_html(report.document, figures=False)
