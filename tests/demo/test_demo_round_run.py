"""The demo round end to end (slow: renders 40 files, OCR on the scans, a PDF report)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 27)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_round_runs_end_to_end_and_its_report_has_the_summary_numbers(tmp_path: Path) -> None:
    import docx
    import pypdfium2

    from samrev.agreements.review import round_facts
    from samrev.agreements.summary import summarise
    from samrev.demo.round import ROUND, run_round_demo
    from samrev.report.format import percent, percent_range

    result = run_round_demo(tmp_path, today=TODAY, workers=2)
    assert result.files == 40 and result.failed == 0
    assert sorted(result.missing_municipalities) == ["Aurland", "Solund"]
    written = json.loads((tmp_path / "oppsummering.json").read_text(encoding="utf-8"))
    fresh = summarise(round_facts(ROUND), today=TODAY)
    assert {k: v for k, v in written.items() if k != "good_example_details"} == json.loads(json.dumps(fresh))
    assert written["n_documents"] == 40 and len(written["good_examples"]) >= 2
    # the machine against the labels of the round (written by another author than the rules)
    assert result.accuracy["kind"] >= 0.9 and result.accuracy["lms_level"] >= 0.8
    assert result.accuracy["signature"] >= 0.9
    # the report in all three formats carries the summary's numbers
    signed = written["signature"]
    share = percent(signed["share_signed"])
    interval = percent_range(*signed["share_signed_ci95"])
    html = (tmp_path / "rapport" / "avtalerapport.html").read_text(encoding="utf-8")
    assert share in html and interval in html
    document = docx.Document(str(tmp_path / "rapport" / "avtalerapport.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert share in text and interval in text
    pdf = pypdfium2.PdfDocument(str(tmp_path / "rapport" / "avtalerapport.pdf"))
    pdf_text = "".join(page.get_textpage().get_text_range() for page in pdf)
    assert len(pdf) > 5 and interval.replace("\u00a0", " ") in pdf_text.replace("\u00a0", " ")
