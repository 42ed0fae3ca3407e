"""The national summary and coverage, computed from facts (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from samrev.agreements.coverage import coverage
from samrev.agreements.summary import (
    DocumentFacts,
    parse_partial,
    predates_2022,
    quartiles,
    rank_good_examples,
    representative_day,
    summarise,
    wilson_interval,
)

TODAY = date(2026, 11, 27)


def facts(file: str, **values: object) -> DocumentFacts:
    base: dict[str, object] = {
        "language": "nn", "kind": "delavtale", "health_trust": "Helse Førde HF", "municipalities": ["Kinn"],
        "adopted": "2021-03-01", "revised": None, "signature": "signed", "lms_level": 1,
        "user_participation_level": 1, "commitment": "low", "statutory_points": [2], "meeting_arenas": False,
    }
    base.update(values)
    return DocumentFacts(file=file, values=base, sources={k: "machine" for k in base})


def test_wilson_interval_matches_the_closed_form() -> None:
    low, high = wilson_interval(5, 10) or (0, 0)
    assert low == pytest.approx(0.2366, abs=1e-4) and high == pytest.approx(0.7634, abs=1e-4)
    low, high = wilson_interval(0, 8) or (1, 1)
    assert low == 0.0 and 0.3 < high < 0.4  # stays inside [0, 1], unlike the normal approximation
    assert wilson_interval(0, 0) is None


def test_partial_dates_and_the_2022_requirements() -> None:
    assert parse_partial("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert parse_partial("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert parse_partial("2024-13") is None and parse_partial(None) is None and parse_partial("mars") is None
    assert representative_day("2020") == date(2020, 7, 1)
    assert representative_day("2020-05") == date(2020, 5, 15)
    assert predates_2022(facts("a", adopted="2022-07-31")) is True
    assert predates_2022(facts("a", adopted="2022-08")) is False
    assert predates_2022(facts("a", adopted="2022")) is None
    assert predates_2022(facts("a", adopted=None)) is None


def test_quartiles_inclusive() -> None:
    assert quartiles([1.0, 2.0, 3.0, 4.0, 5.0]) == {"n": 5, "median": 3.0, "q1": 2.0, "q3": 4.0, "min": 1.0,
                                                    "max": 5.0}
    assert quartiles([])["median"] is None


def test_summary_counts_shares_verification_and_trusts() -> None:
    docs = [
        facts("a.pdf", signature="signed", lms_level=3, commitment="high", revised="2025-01-10"),
        facts("b.pdf", signature="unsigned", lms_level=2, adopted="2019", statutory_points=[1, 2, 12]),
        facts("c.pdf", signature="unknown", health_trust="Helse Bergen HF", municipalities=["Bergen"],
              language="nb", adopted="2023-05-02"),
        DocumentFacts(file="d.pdf", error={"code": "encrypted", "message": "kryptert"}),
    ]
    docs[1].sources["signature"] = "person"
    result = summarise(docs, today=TODAY)
    assert result["n_documents"] == 4 and result["n_errors"] == 1 and result["errors"] == {"encrypted": 1}
    assert result["signature"]["signed"] == 1 and result["signature"]["share_signed"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["signature"]["share_signed_ci95"] == list(wilson_interval(1, 3) or ())
    assert result["lms_level"] == {"0": 0, "1": 1, "2": 1, "3": 1}
    assert result["language"] == {"nb": 1, "nn": 2}
    assert result["statutory_points"]["2"] == 3 and result["statutory_points"]["12"] == 1
    assert result["good_examples"] == ["a.pdf"]
    assert result["predates_2022_requirements"] == {"documents": 2, "without_points_12_13": 1,
                                                    "not_predating": 1, "undetermined": 0}
    assert result["verification"]["documents_with_verified_values"] == 1
    assert result["verification"]["by_field"] == {"signature": 1}
    assert set(result["by_health_trust"]) == {"Helse Førde HF", "Helse Bergen HF", "(ukjent helseforetak)"}
    assert result["by_health_trust"]["Helse Førde HF"]["n_documents"] == 2
    # years since the latest of adopted/revised: 2025-01-10, 2019-07-01 (a year alone), 2023-05-02
    assert result["revised_age_years"]["n"] == 3 and result["revised_age_years"]["max"] == pytest.approx(7.41, abs=0.01)


def test_good_examples_are_ranked_with_reasons_and_quotes() -> None:
    strong = facts("sterk.pdf", lms_level=3, commitment="high", user_participation_level=3, meeting_arenas=True,
                   revised="2025-06-01")
    strong.evidence["lms_level"] = [{"page": 2, "start": 10, "end": 60, "text": "Kommunen og LMS skal  halde\nkurs"}]
    plain = facts("enkel.pdf", lms_level=3, commitment="high", user_participation_level=0, signature="unsigned",
                  adopted="2016")
    weak = facts("svak.pdf", lms_level=2, commitment="high")
    ranked = rank_good_examples([plain, weak, strong], today=TODAY)
    assert [e.file for e in ranked] == ["sterk.pdf", "enkel.pdf"]
    assert any("brukermedvirkning" in reason for reason in ranked[0].reasons)
    assert ranked[0].quotes[0]["text"] == "Kommunen og LMS skal halde kurs" and ranked[0].quotes[0]["page"] == 2
    assert "signert" not in ranked[1].reasons


def test_coverage_places_documents_and_lists_municipalities_without_agreement() -> None:
    docs = [
        facts("kinn.pdf", municipalities=["Kinn"], kind="overordnet", lms_level=2, revised="2024-01-01"),
        facts("alle.pdf", municipalities=["*"], kind="delavtale", lms_level=3, signature="unsigned"),
        facts("ukjent.pdf", municipalities=["Atlantis"]),
        facts("utan_hf.pdf", health_trust=None),
    ]
    result = coverage(docs, structure=2024, today=TODAY)
    assert result["health_trusts"] == ["Helse Førde HF"]
    cells = {c["municipality"]: c for c in result["cells"]}
    assert cells["Kinn"]["documents"] == ["alle.pdf", "kinn.pdf"] and cells["Kinn"]["lms_level"] == 3
    assert cells["Kinn"]["kinds"] == ["delavtale", "overordnet"] and cells["Kinn"]["signed"] is True
    assert cells["Kinn"]["years_since_revision"] == pytest.approx(2.9, abs=0.05)
    others = [c for name, c in cells.items() if name != "Kinn"]
    assert others and all(c["documents"] == ["alle.pdf"] and not c["signed"] for c in others)
    assert result["missing"] == []
    assert {d["file"] for d in result["unplaced_documents"]} == {"ukjent.pdf", "utan_hf.pdf"}
    only_kinn = coverage(docs[:1], structure=2024, today=TODAY)
    assert len(only_kinn["missing"]) == only_kinn["n_cells"] - 1
    assert "Kinn" not in {m["municipality"] for m in only_kinn["missing"]}


def test_coverage_maps_names_across_structures() -> None:
    # Haram left Ålesund in 2024: in a round on the 2020 structure it is part of Ålesund
    doc = facts("haram.pdf", health_trust="Helse Møre og Romsdal HF", municipalities=["Haram"])
    result = coverage([doc], structure=2020, today=TODAY)
    assert [c["municipality"] for c in result["cells"] if c["documents"]] == ["Ålesund"]
    result = coverage([doc], structure=2024, today=TODAY)
    assert [c["municipality"] for c in result["cells"] if c["documents"]] == ["Haram"]
