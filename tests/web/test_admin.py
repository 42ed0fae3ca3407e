"""The admin: every store model is listed; judgements and the audit log are view-only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samrev.core.model import Judgement, Provenance
from samrev.store import actions
from samrev.store.models import AuditEvent

pytestmark = pytest.mark.django_db

MODELS = ["project", "reviewround", "document", "documentsource", "passage", "judgement", "auditevent"]


@pytest.fixture
def judgement_id() -> int:
    [stored] = actions.record_judgements(
        "document", "a" * 64, [Judgement(subject="s", value=1, provenance=Provenance.rule("r"))], "k"
    )
    return stored.id


def test_the_home_page_leads_to_the_admin(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_admin_needs_a_login(client: Client) -> None:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("model", MODELS)
def test_every_store_model_has_a_list_page(admin_client: Client, model: str, judgement_id: int) -> None:
    response = admin_client.get(reverse(f"admin:store_{model}_changelist"))
    assert response.status_code == 200


def test_the_admin_speaks_bokmal(admin_client: Client) -> None:
    response = admin_client.get(reverse("admin:index"))
    assert "samrev – administrasjon" in response.content.decode()
    assert "Vurderinger" in response.content.decode()


@pytest.mark.parametrize("model", ["judgement", "auditevent", "document"])
def test_view_only_models_cannot_be_added(admin_client: Client, model: str) -> None:
    assert admin_client.get(reverse(f"admin:store_{model}_add")).status_code == 403


def test_a_judgement_is_shown_but_cannot_be_deleted(admin_client: Client, judgement_id: int) -> None:
    assert admin_client.get(reverse("admin:store_judgement_change", args=[judgement_id])).status_code == 200
    assert admin_client.get(reverse("admin:store_judgement_delete", args=[judgement_id])).status_code == 403


def test_admin_changes_to_projects_are_audited(admin_client: Client, admin_user: Any) -> None:
    response = admin_client.post(
        reverse("admin:store_project_add"),
        {
            "name": "Nasjonal gjennomgang",
            "slug": "nasjonal",
            "description": "",
            "created_at_0": "2025-01-01",
            "created_at_1": "12:00:00",
            "rounds-TOTAL_FORMS": "0",
            "rounds-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="project.created")
    assert event.actor == admin_user.username
    assert event.data["via"] == "admin"


def test_health(client: Client) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
