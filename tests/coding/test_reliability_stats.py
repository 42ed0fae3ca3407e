"""Cohen's κ per theme and Krippendorff's α, checked against hand calculations."""

from __future__ import annotations

import pytest

from samrev.coding.reliability import CodingRow, reliability
from samrev.core.errors import ReliabilityInputError

F, B, P = "facilitator", "barrier", "proposal"


def _rows(codes: dict[str, str], theme: str = "user_participation") -> list[tuple[str, str, str]]:
    return [(item, theme, polarity) for item, polarity in codes.items()]


def test_kappa_against_hand_calculation() -> None:
    # Items 1–10 on user_participation ("-" = not coded); items 5, 6, 10 count because both
    # coders coded meeting_arenas there.
    a = {"1": F, "2": F, "3": B, "4": B, "7": P, "9": F}
    b = {"1": F, "2": F, "3": B, "7": P, "8": B, "9": B}
    other = _rows({"5": F, "6": F, "10": F}, "meeting_arenas")
    report = reliability(_rows(a) + other, _rows(b) + other)
    row = report.theme("user_participation")
    # Agreement on items 1,2,3,5,6,7,10 = 7/10.  Marginals A: F3 B2 P1 absent4; B: F2 B3 P1 absent4.
    # pe = (3·2 + 2·3 + 1·1 + 4·4) / 100 = 0.29;  κ = (0.70 − 0.29) / (1 − 0.29) = 0.41 / 0.71.
    assert row.n_items == 10
    assert row.agreement == pytest.approx(0.7)
    assert row.percent_agreement == pytest.approx(70.0)
    assert row.kappa == pytest.approx(0.41 / 0.71)
    assert report.theme("meeting_arenas").kappa == pytest.approx(1.0)


def test_alpha_against_hand_calculation() -> None:
    # Units (F,F), (F,B), (B,B), (B,B): n = 8 values, F 3, B 5, disagreeing pairs o_FB + o_BF = 2.
    # α = 1 − (n − 1)·D_o / D_e = 1 − 7·2 / (2·3·5) = 16/30.  κ: po 3/4, pe 1/2 → 0.5.
    a = _rows({"1": F, "2": F, "3": B, "4": B})
    b = _rows({"1": F, "2": B, "3": B, "4": B})
    report = reliability(a, b)
    assert report.alpha == pytest.approx(16 / 30)
    assert report.theme("user_participation").kappa == pytest.approx(0.5)
    # Presence only: every unit present for both coders → a single value, α undefined.
    assert report.alpha_presence is None and report.alpha_presence_reason


def test_alpha_with_absent_and_presence_variant() -> None:
    # Units (F,F), (F,absent), (B,B), (B,B): values F 3, absent 1, B 4; D_o = 2,
    # D_e = 2·(3·1 + 3·4 + 1·4) = 38 → α = 1 − 7·2/38 = 12/19.
    # Presence: (1,1), (1,0), (1,1), (1,1): n1 = 7, n0 = 1, D_e = 14 → α = 1 − 7·2/14 = 0.
    a = _rows({"1": F, "2": F, "3": B, "4": B})
    b = _rows({"1": F, "3": B, "4": B})
    report = reliability(a, b)
    assert report.alpha == pytest.approx(12 / 19)
    assert report.alpha_presence == pytest.approx(0.0)
    assert report.n_items == 4 and report.n_units == 4


def test_perfect_agreement() -> None:
    rows = [
        ("1", "user_participation", F),
        ("2", "user_participation", B),
        ("2", "terminology", P),
        ("3", "terminology", B),
    ]
    report = reliability(rows, list(reversed(rows)))
    assert all(row.kappa == pytest.approx(1.0) for row in report.themes)
    assert all(row.agreement == 1.0 for row in report.themes)
    assert report.alpha == pytest.approx(1.0)
    assert report.alpha_presence == pytest.approx(1.0)


def test_kappa_undefined_when_both_coders_constant() -> None:
    rows = [("1", "user_participation", F), ("2", "user_participation", B)]
    report = reliability(rows, rows, themes=["terminology", "user_participation"])
    constant = report.theme("terminology")  # nobody coded it: both say "absent" everywhere
    assert constant.kappa is None
    assert constant.kappa_reason and "absent" in constant.kappa_reason
    assert constant.agreement == 1.0 and constant.n_items == 2
    assert [row.theme for row in report.themes] == ["terminology", "user_participation"]


def test_constant_but_different_coders_get_kappa_zero() -> None:
    a = [("1", "user_participation", F), ("2", "user_participation", F)]
    b = [("1", "terminology", B), ("2", "terminology", B)]
    report = reliability(a, b)
    assert report.theme("user_participation").kappa == pytest.approx(0.0)
    assert report.theme("user_participation").agreement == 0.0


def test_no_items() -> None:
    report = reliability([], [], themes=["terminology"])
    assert report.n_items == 0 and report.alpha is None and report.alpha_reason
    assert report.theme("terminology").kappa is None


def test_conflicting_polarities_for_one_coder() -> None:
    rows = [CodingRow("1", "terminology", F, 2), CodingRow("1", "terminology", B, 5)]
    with pytest.raises(ReliabilityInputError, match="linje 2 og 5"):
        reliability(rows, [], coder_a="a.csv")


def test_unknown_polarity_in_rows() -> None:
    with pytest.raises(ReliabilityInputError, match="kanskje"):
        reliability([("1", "terminology", "kanskje")], [])


def test_to_dict() -> None:
    data = reliability(_rows({"1": F}), _rows({"1": F})).to_dict()
    assert data["categories"] == ["absent", "facilitator", "barrier", "proposal"]
    assert data["themes"][0]["theme"] == "user_participation"
