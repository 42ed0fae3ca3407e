"""Reports of unusual rounds, from facts built in the test (no database)."""

from __future__ import annotations

from datetime import date

from samrev.agreements.summary import DocumentFacts
from samrev.report.agreements import RoundInfo, build_agreement_report
from samrev.report.html import render_html

TODAY = date(2026, 11, 27)


def test_a_round_where_every_file_failed_still_gives_a_report() -> None:
    facts = [DocumentFacts(file="arkiv.zip!mappe/tom.pdf", error={"code": "empty", "message": "tom fil"}),
             DocumentFacts(file="kryptert.pdf", error={"code": "encrypted", "message": "passordbeskyttet"})]
    report = build_agreement_report(facts, round=RoundInfo("Tom runde"), today=TODAY)
    text = report.document.plain_text()
    assert "omfatter 2 dokumenter" in text and "andelen signerte kan ikke beregnes" in text
    assert "tom.pdf" in text and "Passordbeskyttet" in text
    page = render_html(report.document)
    assert page.count("<svg") == len(report.document.figures())


def test_unknown_trust_and_unplaced_documents_are_caveats() -> None:
    values = {"language": "nn", "kind": "delavtale", "health_trust": None, "municipalities": [],
              "adopted": "2022", "revised": None, "signature": "unknown", "lms_level": 1,
              "user_participation_level": 0, "commitment": "low", "statutory_points": [2],
              "meeting_arenas": False}
    facts = [DocumentFacts(file="utan_part.txt", values=values, sources=dict.fromkeys(values, "machine"))]
    report = build_agreement_report(facts, round=RoundInfo("Liten runde"), today=TODAY)
    text = report.document.plain_text()
    assert "Ukjent helseforetak: 1 dokument har" in text
    assert "utan_part.txt | – | – | mangler helseforetak" in text
    assert report.summary["predates_2022_requirements"]["undetermined"] == 1
