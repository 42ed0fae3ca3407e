"""Dual screening: Cohen's κ against a hand-computed example, the agreement table, conflicts."""

from __future__ import annotations

import pytest

from samrev.literature.dual import compare, kappa


def test_kappa_matches_hand_computation() -> None:
    # 50 records: both include 20, A include / B exclude 5, A exclude / B include 10, both exclude 15.
    # p_o = 35/50 = 0.7; p_e = (25/50)(30/50) + (25/50)(20/50) = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4
    first = {f"r{i}": v for i, v in enumerate(["include"] * 25 + ["exclude"] * 25)}
    second_values = ["include"] * 20 + ["exclude"] * 5 + ["include"] * 10 + ["exclude"] * 15
    second = {f"r{i}": v for i, v in enumerate(second_values)}
    report = compare("kari", first, "ola", second)
    assert report.table == {"include": {"include": 20, "exclude": 5}, "exclude": {"include": 10, "exclude": 15}}
    assert report.observed_agreement == pytest.approx(0.7)
    assert report.kappa == pytest.approx(0.4)
    assert len(report.conflicts) == 15 and report.both == 50
    assert kappa(["include", "exclude"], ["include", "exclude"]) == pytest.approx(1.0)


def test_conflicts_uncertain_only_one_screener_and_resolutions() -> None:
    first = {"a": "include", "b": "exclude", "c": "uncertain", "d": "exclude"}
    second = {"a": "exclude", "b": "exclude", "c": "exclude", "e": "include"}
    report = compare("kari", first, "ola", second, finals={"a": ("include", "per")}, titles={"a": "Tittel A"})
    assert [c.record_id for c in report.conflicts] == ["a", "c"]
    assert report.conflicts[0].final == "include" and report.conflicts[0].final_by == "per"
    assert report.conflicts[0].title == "Tittel A"
    assert report.unresolved == 1
    assert report.both == 2 and report.only_first == 1 and report.only_second == 1
    # both excluded everything they share except one: κ over a, b
    assert report.kappa == pytest.approx(0.0)
    data = report.to_dict()
    assert data["screeners"] == ["kari", "ola"] and data["unresolved"] == 1


def test_kappa_undefined_when_one_category_throughout() -> None:
    report = compare("kari", {"a": "exclude", "b": "exclude"}, "ola", {"a": "exclude", "b": "exclude"})
    assert report.kappa is None and report.observed_agreement == 1.0


def test_full_text_categories_and_reasons() -> None:
    from samrev.literature.dual import FULL_TEXT_CATEGORIES

    first = {"a": "include", "b": "exclude", "c": "exclude", "d": "not_retrieved"}
    second = {"a": "include", "b": "exclude", "c": "include", "d": "not_retrieved"}
    reasons = ({"b": "Feil  populasjon", "c": "Språk"}, {"b": "feil populasjon"})
    report = compare("kari", first, "ola", second, categories=FULL_TEXT_CATEGORIES, reasons=reasons)
    # p_o = 3/4; p_e = (1/4)(2/4) + (2/4)(1/4) + (1/4)(1/4) = 5/16; κ = (12/16 − 5/16) / (11/16) = 7/11
    assert report.kappa == pytest.approx(7 / 11)
    assert report.table["not_retrieved"] == {"include": 0, "exclude": 0, "not_retrieved": 1}
    assert [c.record_id for c in report.conflicts] == ["c"]  # b: the same reason, in another spelling
    other = compare("kari", first, "ola", {**second, "c": "exclude"}, categories=FULL_TEXT_CATEGORIES,
                    reasons=(reasons[0], {**reasons[1], "c": "Feil utfall"}))
    assert [(c.record_id, c.first_reason, c.second_reason) for c in other.conflicts] == [
        ("c", "Språk", "Feil utfall")]
    assert other.kappa == pytest.approx(1.0) and other.to_dict()["categories"] == list(FULL_TEXT_CATEGORIES)
