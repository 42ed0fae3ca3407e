"""Judgements: recorded once per run, never changed, verified by people, effective value."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from samrev.core.errors import InputError, StoreIntegrityError
from samrev.core.model import Judgement, Provenance, ProvenanceKind, Span
from samrev.store import actions, repository
from samrev.store.models import AuditEvent
from samrev.store.models import Judgement as JudgementRow

pytestmark = pytest.mark.django_db

ITEM = ("document", "a" * 64)
RULE = Provenance.rule("lms.brukermedvirkning", "1")
MODEL = Provenance.model("tfidf-lr", "2025.1")
SPAN = Span(start=52, end=107, text="Partene skal samarbeide om lærings- og mestringstilbud.", page=1)


def machine(
    subject: str = "user_participation", value: Any = True, provenance: Provenance = RULE
) -> Judgement:
    return Judgement(subject=subject, value=value, provenance=provenance, evidence=(SPAN,), confidence=0.8)


def record(*judgements: Judgement, run_key: str = "run-1", **kwargs: Any) -> list[repository.StoredJudgement]:
    return actions.record_judgements(*ITEM, list(judgements), run_key, actor="worker", **kwargs)


def test_a_recorded_judgement_maps_back_to_the_core_dataclass() -> None:
    [stored] = record(machine())

    got = repository.effective(*ITEM, "user_participation")

    assert got is not None
    assert got.value is True
    assert got.provenance == RULE
    assert got.evidence == (SPAN,)
    assert got.confidence == 0.8
    assert got.created_at is not None
    row = JudgementRow.objects.get(pk=stored.id)
    assert row.provenance_kind == ProvenanceKind.RULE
    assert row.evidence == [{"page": 1, "start": 52, "end": 107, "text": SPAN.text}]


def test_values_of_any_json_shape_round_trip() -> None:
    values = [None, 0, "nivå 2", ["a", "b"], {"grad": 3, "kilde": "avtale"}]
    record(*[machine(f"f{i}", value) for i, value in enumerate(values)])

    assert [repository.effective(*ITEM, f"f{i}").value for i in range(len(values))] == values  # type: ignore[union-attr]


def test_judgements_for_run_lets_callers_skip_recomputation() -> None:
    assert repository.judgements_for_run(*ITEM, "run-1") == []
    first = record(machine(), machine("lms_level", 2, MODEL))
    events = AuditEvent.objects.count()

    reused = repository.judgements_for_run(*ITEM, "run-1")
    again = record(machine(), machine("lms_level", 2, MODEL))

    assert [s.id for s in reused] == [s.id for s in first]
    assert [s.id for s in again] == [s.id for s in first]
    assert JudgementRow.objects.count() == 2
    assert AuditEvent.objects.count() == events
    assert repository.judgements_for_run(*ITEM, "run-2") == []
    assert repository.judgements_for_run("document", "b" * 64, "run-1") == []


def test_a_new_run_key_records_anew() -> None:
    record(machine(value=True), run_key="run-1")
    record(machine(value=False), run_key="run-2")

    assert JudgementRow.objects.count() == 2
    assert repository.effective(*ITEM, "user_participation").value is False  # type: ignore[union-attr]


def test_a_stored_judgement_cannot_be_changed_or_deleted() -> None:
    [stored] = record(machine())
    row = JudgementRow.objects.get(pk=stored.id)

    row.value = False
    with pytest.raises(StoreIntegrityError):
        row.save()
    with pytest.raises(StoreIntegrityError):
        row.delete()
    with pytest.raises(StoreIntegrityError):
        JudgementRow.objects.filter(pk=row.pk).update(value=False)
    with pytest.raises(StoreIntegrityError):
        JudgementRow.objects.all().delete()
    with pytest.raises(StoreIntegrityError):
        JudgementRow.objects.bulk_update([row], ["value"])
    assert JudgementRow.objects.get(pk=row.pk).value is True


def test_the_database_refuses_to_update_a_judgement() -> None:
    [stored] = record(machine())
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE store_judgement SET note = %s WHERE id = %s", ["endret", stored.id])
    assert JudgementRow.objects.get(pk=stored.id).note == ""


def test_the_database_checks_confidence_and_who_may_supersede() -> None:
    [stored] = record(machine())
    with pytest.raises(IntegrityError), transaction.atomic():
        JudgementRow.objects.create(
            item_type="document", item_id="x", subject="s", value=1, provenance="rule:r", confidence=1.5
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        JudgementRow.objects.create(
            item_type="document",
            item_id="x",
            subject="s",
            value=1,
            provenance="rule:r",
            supersedes_id=stored.id,
        )


def test_a_malformed_provenance_is_refused() -> None:
    with pytest.raises(StoreIntegrityError):
        JudgementRow.objects.create(
            item_type="document", item_id="x", subject="s", value=1, provenance="robot"
        )
    with pytest.raises(StoreIntegrityError):
        JudgementRow.objects.create(
            item_type="document", item_id="x", subject="s", value=1, provenance="model:m"
        )


def test_confirming_creates_a_superseding_person_judgement() -> None:
    [stored] = record(machine())

    verified = actions.verify(stored.id, "kari")

    assert verified.supersedes_id == stored.id
    assert verified.is_verification
    assert verified.judgement.provenance == Provenance.person("kari")
    assert verified.judgement.value is True
    assert verified.judgement.evidence == (SPAN,)
    assert repository.effective(*ITEM, "user_participation") == verified.judgement
    assert JudgementRow.objects.get(pk=stored.id).value is True  # the machine's judgement stays
    event = AuditEvent.objects.get(action="judgement.confirmed")
    assert (event.actor, event.object_id, event.data["supersedes"]) == ("kari", str(verified.id), stored.id)


def test_correcting_records_the_new_value_and_keeps_the_old() -> None:
    [stored] = record(machine(value=True))

    corrected = actions.verify(stored.id, "kari@helse-nord.no", value=False, note="Gjelder bare voksne.")

    effective = repository.effective(*ITEM, "user_participation")
    assert effective is not None
    assert effective.value is False
    assert effective.note == "Gjelder bare voksne."
    assert effective.provenance == Provenance.person("kari@helse-nord.no")
    assert corrected.judgement.provenance.name == "kari@helse-nord.no"
    assert AuditEvent.objects.get(action="judgement.corrected").data["old"] is True


def test_a_person_outranks_a_later_machine_run() -> None:
    [stored] = record(machine(value=True), run_key="run-1")
    actions.verify(stored.id, "kari", value=False)
    record(machine(value=True), run_key="run-2")

    assert repository.effective(*ITEM, "user_participation").value is False  # type: ignore[union-attr]
    chosen = repository.effective_judgement(*ITEM, "user_participation")
    assert chosen is not None and chosen.judgement.provenance.is_person


def test_history_is_oldest_first_and_complete() -> None:
    [first] = record(machine(value=True), run_key="run-1")
    confirmed = actions.verify(first.id, "kari")
    [second] = record(machine(value=False, provenance=MODEL), run_key="run-2")
    corrected = actions.verify(second.id, "ola", value=True)

    history = repository.history(*ITEM, "user_participation")

    assert [h.id for h in history] == [first.id, confirmed.id, second.id, corrected.id]
    assert [str(h.judgement.provenance) for h in history] == [
        str(RULE),
        "person:kari",
        str(MODEL),
        "person:ola",
    ]
    assert repository.effective(*ITEM, "user_participation") == corrected.judgement


def test_effective_is_none_without_judgements() -> None:
    assert repository.effective(*ITEM, "user_participation") is None
    assert repository.history(*ITEM, "user_participation") == []


def test_effective_for_item_covers_every_subject() -> None:
    [a, _b] = record(machine("a", 1), machine("b", 2))
    actions.verify(a.id, "kari", value=10)

    effective = repository.effective_for_item(*ITEM)

    assert {subject: s.judgement.value for subject, s in effective.items()} == {"a": 10, "b": 2}


def test_verifying_an_unknown_judgement_is_an_input_error() -> None:
    with pytest.raises(InputError):
        actions.verify(999_999, "kari")


def test_judgements_keep_their_round(review_round: Any) -> None:
    [stored] = record(machine(), round=review_round)
    verified = actions.verify(stored.id, "kari")

    assert stored.round_id == review_round.pk
    assert verified.round_id == review_round.pk
