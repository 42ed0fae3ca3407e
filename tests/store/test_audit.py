"""The audit log: one event per write, append-only in Python and in the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from samrev.core.errors import StoreIntegrityError
from samrev.core.model import Judgement, Passage, Provenance
from samrev.store import actions, repository
from samrev.store.models import AuditEvent

from .conftest import TEXT

pytestmark = pytest.mark.django_db


def _count() -> int:
    return AuditEvent.objects.count()


def test_every_write_appends_one_event(save_doc: Callable[..., Any]) -> None:
    state: dict[str, Any] = {}

    def project() -> None:
        state["project"] = actions.create_project("P", "p", actor="alice")

    def review_round() -> None:
        state["round"] = actions.create_round(state["project"], "R", 2025, actor="alice")

    def document() -> None:
        state["document"], _ = save_doc(round=state["round"])

    def passages() -> None:
        actions.save_passages(state["document"], [Passage(start=0, end=10, text=TEXT[:10])], actor="alice")

    def judgements() -> None:
        judgement = Judgement(subject="s", value=1, provenance=Provenance.rule("r"))
        [state["judgement"]] = actions.record_judgements("document", "x", [judgement], "k", actor="w")

    def verification() -> None:
        actions.verify(state["judgement"].id, "kari")

    def user() -> None:
        actions.create_user("ola", "et-langt-og-trygt-passord", actor="alice")

    steps: list[tuple[str, Callable[[], None]]] = [
        ("project.created", project),
        ("round.created", review_round),
        ("document.created", document),
        ("passages.saved", passages),
        ("judgements.recorded", judgements),
        ("judgement.confirmed", verification),
        ("user.created", user),
    ]
    for action, step in steps:
        before = _count()
        step()
        assert _count() == before + 1, action
        assert AuditEvent.objects.order_by("id").last().action == action  # type: ignore[union-attr]


def test_events_name_actor_and_object(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc(actor="alice")

    [event] = repository.audit_events("document", document.content_hash)

    assert event.actor == "alice"
    assert event.action == "document.created"
    assert event.data["path"] == "avtaler/bodo.pdf"
    assert event.at is not None


def test_a_failed_write_leaves_no_event() -> None:
    actions.create_project("P", "p")
    before = _count()
    with pytest.raises(StoreIntegrityError):
        actions.create_project("P igjen", "p")  # slug taken
    assert _count() == before


def test_events_cannot_be_changed_or_deleted_through_django() -> None:
    event = actions.append_audit_event("test.event", actor="alice")

    event.action = "endret"
    with pytest.raises(StoreIntegrityError):
        event.save()
    with pytest.raises(StoreIntegrityError):
        event.delete()
    with pytest.raises(StoreIntegrityError):
        AuditEvent.objects.filter(pk=event.pk).update(action="endret")
    with pytest.raises(StoreIntegrityError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE store_auditevent SET action = 'endret' WHERE id = %s",
        "DELETE FROM store_auditevent WHERE id = %s",
    ],
    ids=["update", "delete"],
)
def test_the_database_refuses_raw_changes_to_the_log(sql: str) -> None:
    event = actions.append_audit_event("test.event", actor="alice")

    with pytest.raises(IntegrityError, match="kan bare utvides"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])

    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def _trigger_names() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall()}


def test_the_triggers_exist_after_all_migrations() -> None:
    # SQLite rebuilds a table for most ALTERs and drops its triggers: a later migration that
    # alters these tables must re-create them.  This test notices if one forgets.
    expected = {
        "sqlite": {"store_auditevent_no_update", "store_auditevent_no_delete", "store_judgement_no_update"},
        "postgresql": {"store_auditevent_append_only", "store_judgement_no_update"},
    }[connection.vendor]
    assert expected <= _trigger_names()
