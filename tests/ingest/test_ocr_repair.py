"""Characters the ``nor`` Tesseract model cannot write, put back after OCR (no Tesseract needed)."""

from __future__ import annotations

import pytest

from samrev.ingest.ocr import repair_text

pytestmark = pytest.mark.issue(4)


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("omsorgstjenesteloven $ 6-2 første ledd", "omsorgstjenesteloven § 6-2 første ledd"),
        ("jf. $$ 6-1 og 6-2", "jf. §§ 6-1 og 6-2"),
        ("$2 Hjemmel\n$ 3 Formål", "§2 Hjemmel\n§ 3 Formål"),
        ("pasientjournalloven $ 9.", "pasientjournalloven § 9."),
    ],
)
def test_dollar_before_a_number_is_a_section_sign(ocr: str, expected: str) -> None:
    assert repair_text(ocr, "nor") == expected


@pytest.mark.parametrize("ocr", ["Kostnad: $ (ikke oppgitt)", "US$", "$ og €", "Pris $"])
def test_other_dollars_are_left_alone(ocr: str) -> None:
    assert repair_text(ocr, "nor") == ocr


def test_models_that_write_section_signs_are_not_repaired() -> None:
    assert repair_text("USD $ 100", "eng") == "USD $ 100"
    assert repair_text("$ 6-2", "nor+eng") == "$ 6-2"
