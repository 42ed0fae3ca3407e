"""The shared example (shared/data/survey-example) against its expected.json, field by field.

The folder is copied into tests/survey/data so the suite runs without shared/; when shared/ lies
beside the repository, the copy must be identical (a changed example must be copied again).
Tolerances are the README's: floats 1e-3, p-values 1 % relative.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from samrev.survey.service import analyse_files

HERE = Path(__file__).resolve().parent / "data" / "survey-example"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "survey-example"


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return analyse_files(HERE / "responses.csv", HERE / "survey.yaml", HERE / "frame.csv")


def close(a: Any, b: Any, *, rel: float = 0.0, tol: float = 1e-3) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=0.0 if rel else tol)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside the repository")
def test_copy_matches_shared() -> None:
    for path in SHARED.iterdir():
        assert (HERE / path.name).read_bytes() == path.read_bytes(), path.name


def test_counts_and_rejected_rows(result: dict[str, Any], expected: dict[str, Any]) -> None:
    assert result["n_responses"] == expected["n_responses"]
    assert result["rejected_rows"] == expected["rejected_rows"]
    assert result["input"]["format"] == "csv" and result["input"]["delimiter"] == ";"


@pytest.mark.parametrize("key", ["response_rates", "subgroup_response_rates"])
def test_response_rates(result: dict[str, Any], expected: dict[str, Any], key: str) -> None:
    assert set(result[key]) == set(expected[key])
    for group, want in expected[key].items():
        got = result[key][group]
        assert (got["invited"], got["responded"]) == (want["invited"], want["responded"]), group
        assert close(got["rate"], want["rate"]), group
        assert all(close(g, w) for g, w in zip(got["ci95"], want["ci95"], strict=True)), group


def test_likert_summaries(result: dict[str, Any], expected: dict[str, Any]) -> None:
    assert list(result["likert"]) == list(expected["likert"])
    for item, want in expected["likert"].items():
        got = result["likert"][item]
        assert (got["question"], got["label"]) == (want["question"], want["label"])
        assert got["unparsed_values"] == want["unparsed_values"], item
        for part in ("by_group", "by_subgroup"):
            assert set(got[part]) == set(want[part])
            for group, cell in want[part].items():
                mine = got[part][group]
                where = f"{item} {part} {group}"
                assert mine["n"] == cell["n"], where
                assert mine["missing"] == cell["missing"], where
                assert mine["distribution"] == cell["distribution"], where
                assert close(mine["mean"], cell["mean"]) and close(mine["median"], cell["median"]), where


def test_comparisons(result: dict[str, Any], expected: dict[str, Any]) -> None:
    for item, want in expected["likert"].items():
        got = result["likert"][item]["comparisons"]
        assert [c["groups"] for c in got] == [c["groups"] for c in want["comparisons"]]
        for mine, cell in zip(got, want["comparisons"], strict=True):
            where = f"{item} {cell['groups']}"
            assert mine["n"] == cell["n"] and mine["tested"] == cell["tested"], where
            assert close(mine["u"], cell["u"]), where
            assert close(mine["rank_biserial"], cell["rank_biserial"]), where
            assert close(mine["p"], cell["p"], rel=0.01), where
            assert close(mine["p_holm"], cell["p_holm"], rel=0.01), where
            assert mine["higher_group"] == cell["higher_group"], where


def test_open_questions_and_empty_answers(result: dict[str, Any], expected: dict[str, Any]) -> None:
    assert result["open_questions"] == expected["open_questions"]
    for question, ids in expected["empty_answer_ids"].items():
        listed = {a["id"] for a in result["answers"] if a["question"] == question}
        assert not listed & set(ids), question
        assert len(listed) == result["open_questions"][question]["answered"]


def test_themes(result: dict[str, Any], expected: dict[str, Any]) -> None:
    for question, table in expected["themes"].items():
        assert list(result["themes"][question]) == list(table)
        for theme, want in table.items():
            got = result["themes"][question][theme]
            where = f"{question} {theme}"
            for key in ("answers", "facilitator", "barrier", "proposal"):
                assert got[key] == want[key], f"{where} {key}: {got[key]} != {want[key]}"
            assert close(got["share"], want["share"]), where


def test_absent_themes(result: dict[str, Any], expected: dict[str, Any]) -> None:
    assert result["absent_themes"] == expected["absent_themes"]


def test_answer_theme_labels(result: dict[str, Any]) -> None:
    """Each answer's themes (with polarity) equal the hand-coded labels."""
    import csv

    with (HERE / "open_answer_labels.csv").open(encoding="utf-8") as handle:
        labels = {(row["id"], row["question"]): {c for c in row["codes"].split(";") if c}
                  for row in csv.DictReader(handle)}
    wrong = []
    for answer in result["answers"]:
        got = {f"{t['theme']}:{t['polarity']}" for t in answer["themes"]}
        want = labels[(answer["id"], answer["question"])]
        if got != want:
            wrong.append((answer["id"], answer["question"], sorted(got), sorted(want)))
    assert not wrong, wrong


def test_statement_offsets_point_into_the_text(result: dict[str, Any]) -> None:
    for answer in result["answers"]:
        for theme in answer["themes"]:
            assert 0 <= theme["start"] < theme["end"] <= len(answer["text"])
            assert answer["text"][theme["start"]:theme["end"]].strip()
            assert theme["source"].startswith("rule:")


def test_pseudonymisation(result: dict[str, Any], expected: dict[str, Any]) -> None:
    assert result["pseudonymisation"] == expected["pseudonymisation"]
    dump = json.dumps(result, ensure_ascii=False)
    for item in expected["personal_data"]:
        assert item["text"] not in dump, item
    for text in expected["must_stay"]:
        assert text in dump, text


def test_caveats(result: dict[str, Any], expected: dict[str, Any]) -> None:
    for want in expected["caveats_expected"]:
        assert any(all(c.get(k) == v for k, v in want.items()) for c in result["caveats"]), want
    assert all(c["message"] for c in result["caveats"])
    small = [c["group"] for c in result["caveats"] if c["code"] == "small_group"]
    assert small == ["brukerorganisasjon"]


def test_loosely_typed_organisations_found_in_the_frame(result: dict[str, Any]) -> None:
    orgs = result["organisations"]
    assert orgs["unmatched"] == [] and orgs["matched"] == 62
    assert orgs["variants"]["St Olav"] == "St. Olavs hospital HF"
    assert orgs["variants"]["SSHF"] == "Sørlandet sykehus HF"
    assert orgs["variants"]["SUS, LMS"] == "Helse Stavanger HF"
    assert orgs["variants"]["Helse Fonna, LMS"] == "Helse Fonna HF"
