"""Surveys shaped unlike the example: other column names, QuestBack-style numeric answers, a frame
whose categories already are group ids, subgroup comparisons, only open questions or only items."""

from __future__ import annotations

from pathlib import Path

from samrev.survey.service import analyse_files
from tests.survey.conftest import write_csv

HEADERS = ["RespondentID", "Sektor", "Rolle", "Q1 Samarbeidet er godt", "Q2 Vi får nok informasjon",
           "Kommentar"]
CONFIG = """\
id_column: RespondentID
group:
  column: Sektor
  values: {"Kommunal sektor": kom, "Spesialisthelsetjenesten": shl, "Privat": privat}
subgroup:
  column: Rolle
  values: {"Led*": leder}
likert:
  scale: {"1 Svært uenig": 1, "6 Svært enig": 6}
  missing: {"Ikke aktuelt": na}
  items:
    Q1: "Q1 Samarbeidet er godt"
    Q2: {column: "Q2 Vi får nok informasjon", label: "Nok informasjon"}
open_questions:
  kommentar: Kommentar
compare: [[leder, kom]]
thresholds: {min_group_n: 3, min_n_test: 3}
frame:
  group_column: sektor
  subgroup_column: rolle
  subgroup_values: {"Leder*": leder}
"""


def _rows() -> list[list[str]]:
    rows = []
    for i in range(12):
        group = "Kommunal sektor" if i < 7 else "Spesialisthelsetjenesten"
        role = "Leder" if i % 2 else "Rådgiver"
        q1 = str(1 + i % 3) if i < 7 else str(4 + i % 3)
        q2 = "Ikke aktuelt" if i == 0 else ("6 Svært enig" if i > 8 else "2")
        rows.append([f"R{i}", group, role, q1, q2, "Vi ønsker faste møter med sykehuset." if i == 1 else ""])
    return rows


def test_other_shapes(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "questback.csv", HEADERS, _rows(), delimiter=";", encoding="cp1252",
                          quote_all=False)
    config = tmp_path / "undersokelse.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    frame = write_csv(tmp_path / "ramme.csv", ["sektor", "rolle"],
                      [["kom", "Leder oppvekst"]] * 10 + [["kom", "Rådgiver"]] * 10 + [["shl", "Leder"]] * 5
                      + [["privat", "Leder"]] * 2, delimiter=",")
    result = analyse_files(responses, config, frame)
    assert result["n_responses"] == 12
    rates = result["response_rates"]
    assert (rates["kom"]["invited"], rates["kom"]["responded"]) == (20, 7)
    assert rates["privat"] == {"invited": 2, "responded": 0, "rate": 0.0, "ci95": rates["privat"]["ci95"]}
    assert rates["privat"]["ci95"][0] == 0.0
    assert result["subgroup_response_rates"]["leder"]["invited"] == 17
    q1 = result["likert"]["Q1"]
    assert list(q1["by_group"]["kom"]["distribution"]) == ["1", "2", "3", "4", "5", "6"]
    pairs = [tuple(c["groups"]) for c in q1["comparisons"]]
    assert pairs == [("kom", "shl"), ("kom", "privat"), ("shl", "privat"), ("leder", "kom")]
    kom_shl = q1["comparisons"][0]
    assert kom_shl["tested"] and kom_shl["higher_group"] == "shl" and kom_shl["rank_biserial"] == -1.0
    assert not q1["comparisons"][1]["tested"] and q1["comparisons"][1]["p"] is None
    assert result["likert"]["Q2"]["by_group"]["kom"]["missing"] == {"na": 1, "blank": 0, "unparsed": 0}
    codes = {(c["code"], c.get("group"), c.get("item")) for c in result["caveats"]}
    assert ("small_group", "privat", None) in codes
    unused = [c["value"] for c in result["caveats"] if c["code"] == "unused_group_value"]
    assert unused == ["Privat"]  # «Led*» matches «Leder» by prefix
    assert ("not_tested", "privat", "Q1") in codes
    assert result["themes"]["kommentar"]["meeting_arenas"]["proposal"] == 1
    assert "privat" in result["absent_themes"]["by_group"]


def test_only_open_questions_without_frame(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "svar.csv", ["id", "gruppe", "fritekst"],
                          [["1", "A", "Godt samarbeid om utskrivning."], ["2", "B", "-"], ["3", "A", "Nei."]],
                          delimiter=",")
    config = tmp_path / "s.yaml"
    config.write_text("id_column: id\ngroup: {column: gruppe, values: {A: a, B: b}}\n"
                      "open_questions: {svar: fritekst}\n", encoding="utf-8")
    result = analyse_files(responses, config)
    assert result["likert"] == {}
    assert result["open_questions"]["svar"] == {"column": "fritekst", "kind": "other", "answered": 2, "empty": 1}
    assert result["themes"]["svar"]["discharge_transitions"]["answers"] == 1
    assert result["response_rates"]["total"]["rate"] is None
    assert any(c["code"] == "no_frame" for c in result["caveats"])
