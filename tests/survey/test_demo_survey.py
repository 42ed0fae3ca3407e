"""The bundled demo survey: reproducible from its generator, and analysed the way its README says
(three groups, a low response rate for user organisations, messy rows rejected and reported,
unparseable values counted, personal data pseudonymised)."""

from __future__ import annotations

import random
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from samrev.survey.service import analyse_files

DATA = Path(str(resources.files("samrev.demo") / "data" / "undersokelse"))


@pytest.fixture(scope="module")
def analysis() -> dict[str, Any]:
    return analyse_files(DATA / "svar.csv", DATA / "survey.yaml", DATA / "utvalg.csv")


def test_generator_reproduces_the_shipped_files(tmp_path: Path) -> None:
    from samrev.demo import make_survey

    make_survey.write(tmp_path)
    for name in ("svar.csv", "utvalg.csv", "survey.yaml"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
    # a different seed gives different data (the files are generated, not copied)
    _, rows, _ = make_survey.build(random.Random(make_survey.SEED + 1))  # noqa: S311 - test data
    assert rows != make_survey.build(random.Random(make_survey.SEED))[1]  # noqa: S311 - test data


def test_three_groups_and_a_few_hundred_respondents(analysis: dict[str, Any]) -> None:
    assert 250 <= analysis["n_responses"] <= 400
    rates = analysis["response_rates"]
    assert list(rates) == ["kommune", "helseforetak", "brukerorganisasjon", "total"]
    assert all(rates[g]["responded"] >= 10 for g in ("kommune", "helseforetak", "brukerorganisasjon"))
    assert rates["brukerorganisasjon"]["rate"] < 0.30 < rates["kommune"]["rate"]
    low = [c for c in analysis["caveats"] if c["code"] == "low_response_rate"]
    assert [c["group"] for c in low] == ["brukerorganisasjon"]


def test_messy_rows_are_rejected_and_reported(analysis: dict[str, Any]) -> None:
    reasons = Counter(r["reason"] for r in analysis["rejected_rows"])
    assert reasons["duplicate_id"] >= 3 and reasons["unknown_group"] >= 1 and reasons["missing_group"] >= 1
    assert any(c["code"] == "rejected_rows" for c in analysis["caveats"])
    unparsed = {value for item in analysis["likert"].values() for value in item["unparsed_values"]}
    assert {"3,5", "Både og"} <= unparsed
    assert analysis["input"]["rows"] == analysis["n_responses"] + len(analysis["rejected_rows"])
    # nynorsk scale labels and missing codes are read like the bokmål ones
    total = analysis["likert"]["S1"]["by_group"]["total"]
    assert total["missing"]["vet_ikke"] > 0 and total["missing"]["ikke_relevant"] > 0


def test_open_answers_in_both_standards_pseudonymised(analysis: dict[str, Any]) -> None:
    texts = [a["text"] for a in analysis["answers"]]
    assert any(" ikkje " in t or " kva " in t for t in texts)  # nynorsk
    assert any(" ikke " in t or " hva " in t for t in texts)  # bokmål
    counts = analysis["pseudonymisation"]
    assert all(counts[kind] > 0 for kind in ("NAVN", "TELEFON", "EPOST", "FNR", "ADRESSE")), counts
    assert not any("@" in t for t in texts)
    assert analysis["absent_themes"]["all"]  # some codebook themes nobody mentions


@pytest.mark.slow
def test_xlsx_copy_gives_the_same_analysis(analysis: dict[str, Any]) -> None:
    other = analyse_files(DATA / "svar.xlsx", DATA / "survey.yaml", DATA / "utvalg.csv")
    for key in ("n_responses", "rejected_rows", "response_rates", "likert", "themes", "absent_themes",
                "pseudonymisation"):
        assert other[key] == analysis[key], key


@pytest.mark.slow
def test_demo_command_writes_json_tables_and_report(tmp_path: Path) -> None:
    """``samrev demo run`` (as ``make demo`` calls it, without the store and the round)."""
    import json

    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from samrev.cli.app import app

    result = CliRunner().invoke(app, ["demo", "run", "--no-store", "--no-round", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "undersokelse"
    names = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert names == ["analyse.json", "rapport/undersokelsesrapport.docx", "rapport/undersokelsesrapport.html",
                     "rapport/undersokelsesrapport.pdf", "tabeller.xlsx"]
    analysis = json.loads((folder / "analyse.json").read_text(encoding="utf-8"))
    rate = analysis["response_rates"]["brukerorganisasjon"]
    output = " ".join(result.output.split())
    assert f"brukerorganisasjon {rate['responded']}/{rate['invited']}" in output
    assert f"{analysis['n_responses']} svar analysert" in output
    book = load_workbook(folder / "tabeller.xlsx")
    assert len(book.sheetnames) > 10
    assert (folder / "rapport" / "undersokelsesrapport.pdf").read_bytes().startswith(b"%PDF")
