"""The report model and its renderers show the numbers of ``summarise`` (the CLI's JSON)."""

from __future__ import annotations

import html
import io
import re
from typing import Any

import pytest

from samrev.report import format as fmt
from tests.report.conftest import TODAY

CHAPTERS = ("Sammendrag", "2 Metode", "3 Dekning", "4 Nasjonale tall", "5 Gode eksempler", "6 Forbehold")


def _report(round_name: str) -> Any:
    from samrev.report.service import agreement_report_for_round

    return agreement_report_for_round(round_name, today=TODAY)


def _expected(round_name: str) -> dict[str, Any]:
    from samrev.agreements.review import round_facts
    from samrev.agreements.summary import summarise

    return summarise(round_facts(round_name), today=TODAY)


def _key_phrases(summary: dict[str, Any]) -> list[str]:
    sig = summary["signature"]
    low, high = sig["share_signed_ci95"]
    lms3 = summary["lms_level"]["3"]
    return [
        f"omfatter {summary['n_documents']} dokumenter",
        f"er {sig['signed']} ({fmt.percent(sig['share_signed'])}) signert",
        f"95{fmt.NBSP}% konfidensintervall {fmt.percent_range(low, high)}",
        f"beskriver {lms3} ({fmt.percent(lms3 / summary['n_assessed'])}) lærings- og mestringstilbud konkret",
    ]


def _text_of_html(page: str) -> str:
    body = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.django_db
def test_model_uses_the_summary_of_the_round(report_round: str) -> None:
    report = _report(report_round)
    expected = _expected(report_round)
    assert report.summary == expected
    assert expected["n_documents"] == 4 and expected["n_errors"] == 1
    text = report.document.plain_text()
    for phrase in _key_phrases(expected):
        assert phrase in text, phrase
    assert [e.file for e in report.good_examples] == expected["good_examples"]
    headings = [s.heading for s in report.document.walk()]
    for title in CHAPTERS:
        assert title in headings
    numbers = [t.number for t in report.document.tables()]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.django_db
def test_html_is_self_contained_and_shows_the_same_numbers(report_round: str) -> None:
    from samrev.report.html import render_html

    report = _report(report_round)
    page = render_html(report.document, date_iso=TODAY.isoformat())
    assert "<style>" in page and "<link" not in page and "<script" not in page
    assert page.count("<svg") == len(report.document.figures()) >= 6
    text = _text_of_html(page)
    for phrase in _key_phrases(report.summary):
        assert phrase in text, phrase
    # a good example quoted with its page; the failed file listed in the caveats
    assert report.good_examples, "the Kinn agreement is a good example"
    quote = report.good_examples[0].quotes[0]
    where = f"side {quote['page']}" if quote["page"] else "uten sidetall"
    assert quote["text"] in text and where in text
    assert "delavtale2_kinn.txt" in text and "tom.pdf" in text and "Tom eller uten tekst" in text


@pytest.mark.django_db
def test_docx_has_the_headings_tables_and_numbers(report_round: str) -> None:
    from docx import Document

    from samrev.report.docx import render_docx

    report = _report(report_round)
    doc = Document(io.BytesIO(render_docx(report.document)))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    for title in CHAPTERS:
        assert title in headings
    assert len(doc.tables) == len(report.document.tables())
    first = report.document.tables()[0]
    assert [c.text for c in doc.tables[0].rows[0].cells] == first.columns
    text = "\n".join(p.text for p in doc.paragraphs)
    for phrase in _key_phrases(report.summary):
        assert phrase in text, phrase
    quote = report.good_examples[0].quotes[0]["text"]
    assert any(quote in p.text and p.runs[0].italic for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "tom.pdf" in cells
    assert len(doc.inline_shapes) == len(report.document.figures())
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer and "PAGE" in footer


@pytest.mark.slow
@pytest.mark.django_db
def test_pdf_has_pages_headings_and_numbers(report_round: str) -> None:
    import pypdfium2

    from samrev.report.pdf import render_pdf

    report = _report(report_round)
    pdf = pypdfium2.PdfDocument(render_pdf(report.document, date_iso=TODAY.isoformat()))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert len(pages) > 1
    text = " ".join(" ".join(page.split()) for page in pages).replace("\u00a0", " ")
    for heading in ("Innhold", "Sammendrag", "Metode", "Dekning", "Nasjonale tall", "Gode eksempler", "Forbehold"):
        assert heading in text
    assert f"Side 2 av {len(pages)}" in text
    sig = report.summary["signature"]
    assert fmt.percent_range(*sig["share_signed_ci95"]).replace("\u00a0", " ") in text


@pytest.mark.django_db
def test_a_persons_verification_is_what_the_report_shows(report_round: str) -> None:
    from samrev.agreements.review import verify_field

    before = _report(report_round)
    verify_field("ta10_sunnfjord.txt", "signature", "signed", by="kari", round_name=report_round)
    after = _report(report_round)
    assert after.summary["signature"]["signed"] == before.summary["signature"]["signed"] + 1
    assert after.summary == _expected(report_round)
    text = after.document.plain_text()
    for phrase in _key_phrases(after.summary):
        assert phrase in text, phrase
    assert "1 av 36 verdier (3\u00a0%) er verifisert" in text
