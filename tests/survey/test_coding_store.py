"""`samrev survey code`: pseudonymised answers and person codes in the store, idempotent imports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from tests.survey.conftest import CONFIG, HEADERS, write_csv

pytestmark = pytest.mark.django_db

PERSONAL = ["Marit Hansen", "48219307", "ola.nordmann@stolav.no", "Storgata 12 B"]
ROWS = [
    ["1", "t", "Kommune", "4 – Delvis enig", "Faste møter med sykehuset hver måned.", "1"],
    ["2", "t", "Kommune", "2", "Kontakt Marit Hansen på 48219307, hun har oversikt over kursene.", "1"],
    ["3", "t", "Helseforetak / sykehus", "5 – Helt enig", "Vet ikke", "1"],
    ["4", "t", "Helseforetak / sykehus", "3", "Skriv til ola.nordmann@stolav.no eller kom til Storgata 12 B.", "1"],
    ["5", "t", "Kommune", "4 – Delvis enig", "Vi har for lite penger og for få stillinger.", "1"],
    ["6", "t", "Kommune", "4 – Delvis enig", "Brukerrepresentantene er med i planleggingen.", "1"],
]


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "survey.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    return write_csv(tmp_path / "svar.csv", HEADERS, ROWS), config


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, ["survey", "code", *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def read_queue(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_code_import_is_idempotent_and_stores_no_personal_data(export: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    from samrev.store import models

    responses, config = export
    queue_file = tmp_path / "ko.csv"
    output = invoke(str(responses), "--config", str(config), "--user", "kari", "--export-queue", str(queue_file))
    assert "5 åpne svar" in output and "5 nye lagret" in output
    queue = read_queue(queue_file)
    assert len(queue) == 5
    uncertainty = [float(row["uncertainty"]) for row in queue]
    assert uncertainty == sorted(uncertainty, reverse=True)
    assert all(json.loads(row["evidence"]) is not None for row in queue)
    # the analyst codes every answer: accept the proposal, or write codes of their own
    for row in queue:
        row["codes"] = row["proposed"] or "-"
        if row["id"] == "5":
            row["codes"] = "funding_resources:barrier"
    coded = tmp_path / "kodet.csv"
    with coded.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(queue[0]))
        writer.writeheader()
        writer.writerows(queue)
    first = invoke(str(responses), "--config", str(config), "--user", "kari", "--import-codes", str(coded))
    assert "0 nye lagret" in first and "5 nye, 0 uendret" in first and "Kodet av person: 5 av 5" in first
    again = invoke(str(responses), "--config", str(config), "--user", "kari", "--import-codes", str(coded))
    assert "0 nye lagret" in again and "0 nye, 5 uendret" in again
    assert models.SurveyAnswer.objects.count() == 5
    judgements = models.Judgement.objects.filter(item_type="survey_answer")
    assert judgements.count() == 5
    assert {j.provenance for j in judgements} == {"person:kari"}
    by_id = {a.answer_id: a.content_hash for a in models.SurveyAnswer.objects.all()}
    assert judgements.get(item_id=by_id["5"]).value == ["funding_resources:barrier"]
    # a correction is a new judgement that supersedes the old one
    queue[-1]["codes"] = "terminology:barrier"
    with coded.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(queue[0]))
        writer.writeheader()
        writer.writerows(queue)
    invoke(str(responses), "--config", str(config), "--user", "kari", "--import-codes", str(coded))
    judgements = models.Judgement.objects.filter(item_type="survey_answer")
    assert judgements.count() == 6 and judgements.filter(supersedes__isnull=False).count() == 1
    # nothing personal in the store or in the queue file
    stored = " ".join(models.SurveyAnswer.objects.values_list("text", flat=True))
    stored += json.dumps(list(models.Judgement.objects.values_list("value", "evidence", "note")))
    stored += json.dumps(list(models.AuditEvent.objects.values_list("data", flat=True)))
    stored += queue_file.read_text(encoding="utf-8")
    assert "[NAVN]" in stored and "[TELEFON]" in stored and "[EPOST]" in stored and "[ADRESSE]" in stored
    for text in PERSONAL:
        assert text not in stored, text


def test_import_by_id_and_question_and_bad_codes(export: tuple[Path, Path], tmp_path: Path) -> None:
    responses, config = export
    codes = tmp_path / "koder.csv"
    codes.write_text("id,question,codes\n1,good,meeting_arenas:facilitator\n5,good,\n", encoding="utf-8")
    output = invoke(str(responses), "--config", str(config), "--user", "ola", "--import-codes", str(codes))
    assert "1 nye, 0 uendret" in output and "Kodet av person: 1 av 5" in output
    codes.write_text("id,question,codes\n1,good,penger:barrier\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["survey", "code", str(responses), "--config", str(config), "--user", "ola",
                                      "--import-codes", str(codes)])
    assert result.exit_code != 0 and "linje 2: ukjent tema «penger»" in str(result.exception)
    codes.write_text("id,question,codes\n99,good,meeting_arenas:facilitator\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["survey", "code", str(responses), "--config", str(config), "--user", "ola",
                                      "--import-codes", str(codes)])
    assert result.exit_code != 0 and "finnes ikke i eksporten" in str(result.exception)


def test_without_a_terminal_the_command_says_what_to_do(export: tuple[Path, Path]) -> None:
    responses, config = export
    result = CliRunner().invoke(app, ["survey", "code", str(responses), "--config", str(config), "--user", "ola"])
    assert result.exit_code != 0 and "--export-queue" in str(result.exception)


def test_the_terminal_loop_records_accepted_corrected_and_empty_codes(export: tuple[Path, Path],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from samrev.cli import survey as cli
    from samrev.store import models
    from samrev.store import survey as store
    from samrev.survey.active import ActiveCoder
    from samrev.survey.service import open_answers

    responses, config = export
    answers = open_answers(responses, config, "svar")
    store.save_answers([store.AnswerRow(a.key, "svar", a.id, a.question, a.kind, a.text) for a in answers])
    session = ActiveCoder(answers, base=[])
    first = session.queue(limit=1)[0]
    keys = iter(["", "x", "l", "r 99b", "r 9b;12p", "s", "n", "q"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(keys))
    cli._interactive(session, store, "kari", None, retrain_every=1)
    rows = list(models.Judgement.objects.filter(item_type="survey_answer").order_by("id"))
    assert len(rows) == 3 and {r.provenance for r in rows} == {"person:kari"}
    assert rows[0].item_id == first.answer.key and rows[0].value == sorted(first.code_set)
    theme_ids = session.theme_ids
    assert rows[1].value == sorted([f"{theme_ids[8]}:barrier", f"{theme_ids[11]}:proposal"])
    assert rows[2].value == []
    assert session.progress() == (3, 4)  # one skipped answer leaves the session
