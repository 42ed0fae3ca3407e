"""``record_judgements_many`` stores a batch in a few statements, with ``record_judgements``' outcome per item."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pytest
from django import db
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samrev.core.model import Judgement, Provenance, Span
from samrev.store import actions, models, repository

pytestmark = pytest.mark.django_db

RULE = Provenance.rule("commitment.modal_share", "1")
MODEL = Provenance.model("passages-lms", "3")


def judgements(n: int) -> list[Judgement]:
    span = Span(start=n, end=n + 5, text="skal ", page=1)
    return [Judgement("commitment", "high" if n % 2 else "low", RULE, evidence=(span,), confidence=0.7,
                      note=f"nr. {n}"),
            Judgement("lms_level", n % 4, MODEL, confidence=0.61)]


ITEMS: list[tuple[str, list[Judgement]]] = [(f"{n:064x}", judgements(n)) for n in range(5)]


def state(item_type: str) -> dict[str, Any]:
    """The judgements and audit events about items of ``item_type`` (the type itself left out)."""
    judgement_rows = models.Judgement.objects.filter(item_type=item_type).order_by("id")
    rows = judgement_rows.values_list("item_id", "subject", "value", "evidence", "provenance", "provenance_kind",
                                      "confidence", "run_key", "note", "created_by")
    events = models.AuditEvent.objects.filter(object_type=item_type).order_by("id").values_list(
        "actor", "action", "object_id", "data")
    # the ids differ between two stores; what they point at must not
    ids = {pk: n for n, pk in enumerate(judgement_rows.values_list("id", flat=True))}
    return {"rows": list(rows),
            "events": [(*event[:3], {**event[3], "ids": [ids[pk] for pk in event[3]["ids"]]}) for event in events]}


def test_a_batch_stores_what_one_call_per_item_stores() -> None:
    one_by_one = [actions.record_judgements("document", item, list(js), "run-1", actor="samrev")
                  for item, js in ITEMS]

    with CaptureQueriesContext(connection) as queries:
        batched = actions.record_judgements_many("agreement", ITEMS, "run-1", actor="samrev")

    assert state("agreement") == state("document")
    def undated(stored: list[list[repository.StoredJudgement]]) -> list[list[Judgement]]:
        return [[dataclasses.replace(s.judgement, created_at=None) for s in item] for item in stored]

    assert undated(batched) == undated(one_by_one)
    assert len([q for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) <= 5


def test_items_the_run_already_recorded_are_returned_not_written_again() -> None:
    first = actions.record_judgements("document", ITEMS[1][0], ITEMS[1][1], "run-1", actor="samrev")
    events = models.AuditEvent.objects.count()

    batched = actions.record_judgements_many("document", ITEMS[:3], "run-1", actor="samrev")

    assert [s.id for s in batched[1]] == [s.id for s in first]
    assert models.AuditEvent.objects.count() == events + 2  # items 0 and 2
    assert models.Judgement.objects.count() == 6
    assert repository.judgements_for_runs("document", [item for item, _ in ITEMS], "run-1").keys() == {
        ITEMS[0][0], ITEMS[1][0], ITEMS[2][0]}
    again = actions.record_judgements_many("document", ITEMS[:3], "run-1", actor="samrev")
    assert [[s.id for s in stored] for stored in again] == [[s.id for s in stored] for stored in batched]
    assert models.AuditEvent.objects.count() == events + 2


def test_an_item_named_twice_or_an_empty_run_key_falls_back_to_one_call_each() -> None:
    twice = [ITEMS[0], ITEMS[0]]
    stored = actions.record_judgements_many("document", twice, "run-1", actor="samrev")
    assert [s.id for s in stored[0]] == [s.id for s in stored[1]]
    assert models.AuditEvent.objects.filter(action="judgements.recorded").count() == 1
    hand_made = actions.record_judgements_many("document", twice, "", actor="samrev")
    assert models.Judgement.objects.filter(run_key="").count() == 4  # an empty run key always writes
    assert len({s.id for stored in hand_made for s in stored}) == 4


def test_without_returning_the_same_rows_are_stored_and_nothing_comes_back() -> None:
    assert actions.record_judgements_many("document", ITEMS, "run-1", actor="samrev", returning=False) == []
    actions.record_judgements_many("agreement", ITEMS, "run-1", actor="samrev")
    assert state("document") == state("agreement") and len(state("document")["rows"]) == 2 * len(ITEMS)


def many_items(prefix: str, n: int) -> list[tuple[str, list[Judgement]]]:
    return [(f"{prefix}{k:060x}", [dataclasses.replace(j, subject=f"{j.subject}-{s}")
                                   for s in range(3) for j in judgements(k)]) for k in range(n)]


def assert_events_name_their_rows(item_type: str, items: list[tuple[str, list[Judgement]]]) -> None:
    """Each item's audit event lists the ids of that item's rows, in the order of its judgements."""
    events = {e.object_id: e.data for e in models.AuditEvent.objects.filter(object_type=item_type,
                                                                           action="judgements.recorded")}
    assert len(events) == len(items)
    for item_id, js in items:
        ids = events[item_id]["ids"]
        rows = models.Judgement.objects.in_bulk(ids)
        assert [(rows[pk].item_id, rows[pk].subject, rows[pk].value, rows[pk].note) for pk in ids] == [
            (item_id, j.subject, j.value, j.note) for j in js]


def test_event_ids_are_the_rows_ids_across_several_insert_statements() -> None:
    # 100 items x 6 judgements: more rows than one INSERT takes on SQLite (999 parameters)
    items = many_items("a", 100)
    stored = actions.record_judgements_many("document", items, "run-1", actor="samrev")
    assert_events_name_their_rows("document", items)
    assert [[s.id for s in item] for item in stored] == [
        models.AuditEvent.objects.get(object_id=item_id, action="judgements.recorded").data["ids"]
        for item_id, _ in items]
    assert [[s.judgement for s in item] for item in stored] == [
        [repository.to_core_judgement(row) for row in models.Judgement.objects.filter(item_id=item_id).order_by("id")]
        for item_id, _ in items]


@pytest.mark.django_db(transaction=True)
def test_event_ids_are_the_rows_ids_while_another_connection_inserts() -> None:
    """Two batches stored at once from two connections, each row of either INSERT slowed down (a
    trigger) so that PostgreSQL's sequence hands out the two statements' ids interleaved: every
    event still names its own item's rows."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite takes the write lock per transaction)")
    table = models.Judgement._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CREATE FUNCTION samrev_test_slow() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN PERFORM pg_sleep(0.0005); RETURN NEW; END $$")
        cursor.execute(f"CREATE TRIGGER samrev_test_slow BEFORE INSERT ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION samrev_test_slow()")
    batches = [many_items(name, 100) for name in ("b", "c")]
    start = threading.Barrier(len(batches))
    failures: list[BaseException] = []

    def store(items: list[tuple[str, list[Judgement]]]) -> None:
        try:
            start.wait()
            actions.record_judgements_many("document", items, "run-1", actor="samrev", returning=False)
        except BaseException as exc:  # reported by the test's thread
            failures.append(exc)
        finally:
            db.connections.close_all()

    try:
        threads = [threading.Thread(target=store, args=(items,)) for items in batches]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER samrev_test_slow ON {table}")
            cursor.execute("DROP FUNCTION samrev_test_slow()")
    assert not failures
    assert_events_name_their_rows("document", [item for items in batches for item in items])
    b, c = (sorted(models.Judgement.objects.filter(item_id__startswith=name).values_list("id", flat=True))
            for name in ("b", "c"))
    assert b[0] < c[-1] and c[0] < b[-1]  # the two statements' ids did interleave
