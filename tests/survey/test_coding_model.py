"""The trained answer model and the hybrid coder: held-out F1, evidence, provenance, written standards."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.survey.coding import HybridAnswerCoder, SurveyAnswerCoder
from samrev.survey.evaluate import bundled_labels, evaluate_files
from samrev.survey.folding import fold
from samrev.survey.model import AnswerModel, Example, bundled_examples


@pytest.fixture(scope="module")
def hybrid() -> HybridAnswerCoder:
    return HybridAnswerCoder()


def test_the_labelled_sets_are_large_varied_and_disjoint() -> None:
    tuning, heldout = bundled_examples("tuning"), bundled_examples("heldout")
    assert len(tuning) >= 240 and len(heldout) >= 120
    assert not {e.text for e in tuning} & {e.text for e in heldout}
    nynorsk = [e for e in tuning + heldout if any(w in f" {e.text.lower()} " for w in
                                                   (" ikkje ", " kva ", " sjukehus", " frå ", " tilbod", " dei ",
                                                    " eit ", " vert ", " kvarandre", " vart "))]
    assert len(nynorsk) >= 0.2 * (len(tuning) + len(heldout))
    kinds = {e.kind for e in heldout}
    assert kinds == {"good", "poor", "other"}
    assert any(not e.codes for e in heldout)  # answers outside the codebook
    assert any(len(e.themes) > 1 for e in heldout)  # several themes in one answer
    assert {c.split(":")[1] for e in heldout for c in e.codes} == {"facilitator", "barrier", "proposal"}


def test_folding_maps_nynorsk_onto_bokmal() -> None:
    nn = fold("Kommunane har ikkje tid til lærings- og meistringstilbod, og brukarmedverknaden er dårleg.")
    nb = fold("Kommunene har ikke tid til lærings- og mestringstilbud, og brukermedvirkningen er dårlig.")
    assert nn == nb


@pytest.mark.slow
def test_held_out_theme_f1_of_the_hybrid_coder() -> None:
    """Measured 0.861 (rules alone 0.831); the held-out answers were never used for tuning."""
    result = evaluate_files(bundled_labels("heldout"), coder="hybrid").to_dict()
    assert result["answers"] == 145 and not result["cross_validated"]
    assert result["theme_micro"]["f1"] >= 0.82
    assert result["polarity_accuracy"]["accuracy"] >= 0.85
    rules = evaluate_files(bundled_labels("heldout"), coder="rules").to_dict()
    assert result["theme_micro"]["f1"] >= rules["theme_micro"]["f1"]


def test_model_codes_what_the_rules_leave_open_with_evidence(hybrid: HybridAnswerCoder) -> None:
    texts = ["Vi mangler penger og folk til å drive kursene.",
             "Me har ikkje pengar til å lønne kurshaldarar."]
    for text in texts:
        coded = hybrid.code_answer(text, "poor")
        assert any(c.theme == "funding_resources" for c in coded), (text, coded)
        for c in coded:
            assert c.source.startswith(("rule:survey.", "model:survey_tfidf_lr@"))
            assert 0.0 < c.confidence <= 1.0
            assert c.evidence
            assert 0 <= c.start < c.end <= len(text)


def test_a_model_code_carries_its_top_features_and_where_they_are() -> None:
    money = frozenset({"funding_resources:barrier"})
    examples = [Example("Vi har ingen sykkelparkering ved sykehuset.", "poor", money),
                Example("Sykkelparkering mangler.", "poor", money),
                Example("Møtene er nyttige.", "good", frozenset({"meeting_arenas:facilitator"})),
                Example("Vi møtes ofte.", "good", frozenset({"meeting_arenas:facilitator"}))] * 3
    model = AnswerModel(["funding_resources", "meeting_arenas"]).fit(examples)
    coder = HybridAnswerCoder(SurveyAnswerCoder(), model, threshold=0.5)
    text = "Vi savner sykkelparkering."
    coded = coder.code_answer(text, "poor")
    assert [c.theme for c in coded] == ["funding_resources"]
    assert coded[0].source == model.provenance and model.provenance.startswith("model:survey_tfidf_lr@1.")
    features = coded[0].evidence
    assert features and features[0]["feature"] == "sykkelparkering"
    span = features[0]["spans"][0]
    assert text[span["start"]:span["end"]] == "sykkelparkering"


def test_rule_codes_carry_the_matched_words(hybrid: HybridAnswerCoder) -> None:
    text = "Brukerrepresentantene er med i alle arbeidsgrupper."
    coded = [c for c in hybrid.code_answer(text, "good") if c.source.startswith("rule:")]
    assert coded
    for c in coded:
        for span in c.evidence:
            assert text[span["start"]:span["end"]] == span["text"]


def test_evaluate_reports_tuning_and_held_out_separately(tmp_path: Path) -> None:
    labels = tmp_path / "egne.csv"
    with labels.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question", "themes", "polarity", "codes", "text"])
        writer.writerow(["1", "poor", "funding_resources", "barrier", "funding_resources:barrier",
                         "Vi har for lite penger til kurs."])
        writer.writerow(["2", "good", "meeting_arenas", "facilitator", "meeting_arenas:facilitator",
                         "Faste samarbeidsmøter hver måned."])
    result = CliRunner().invoke(app, ["survey", "evaluate", str(labels), "--coder", "rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["theme_micro"]["f1"] == 1.0 and data["polarity_accuracy"]["accuracy"] == 1.0
