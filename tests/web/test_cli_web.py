"""`samrev web createuser`."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from samrev.cli import web
from samrev.core.errors import InputError
from samrev.store.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "et-langt-og-trygt-passord"  # noqa: S105 - a test password


def test_createuser_makes_a_superuser() -> None:
    result = CliRunner().invoke(web.app, ["createuser", "kari"], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert "«kari» er opprettet" in result.output
    user = User.objects.get(username="kari")
    assert user.is_superuser and user.is_staff
    assert user.check_password(PASSWORD)
    assert AuditEvent.objects.filter(action="user.created", object_id="kari").exists()


def test_createuser_refuses_a_weak_password() -> None:
    result = CliRunner().invoke(web.app, ["createuser", "kari"], input="123\n123\n")

    assert isinstance(result.exception, InputError)
    assert not User.objects.filter(username="kari").exists()


def test_createuser_refuses_an_existing_name() -> None:
    User.objects.create_user("kari")
    result = CliRunner().invoke(web.app, ["createuser", "kari"], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert isinstance(result.exception, InputError)
    assert "finnes allerede" in result.exception.message


def test_web_help_is_in_bokmal() -> None:
    result = CliRunner().invoke(web.app, ["--help"])
    assert "serve" in result.output and "createuser" in result.output and "check" in result.output
    assert "Kontroller databasen" in result.output
