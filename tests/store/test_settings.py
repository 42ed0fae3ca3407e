"""Settings: isolated home, secret key, SQLite tuning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .conftest import on_postgres


def test_tests_run_in_a_temporary_home() -> None:
    home = Path(os.environ["SAMREV_HOME"])
    assert home.name.startswith("samrev-test-home-")
    assert (home / "secret_key").exists()
    assert settings.SECRET_KEY == (home / "secret_key").read_text().strip()


def test_locale_and_time_zone() -> None:
    assert settings.LANGUAGE_CODE == "nb"
    assert settings.TIME_ZONE == "Europe/Oslo"
    assert settings.USE_TZ is True
    assert settings.ROOT_URLCONF == "samrev.web.urls"


def test_sqlite_is_tuned_for_a_laptop() -> None:
    if on_postgres():
        pytest.skip("runs on SQLite")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_connection_options() -> None:
    if not on_postgres():
        pytest.skip("SAMREV_DATABASE_URL is not a PostgreSQL URL")
    assert connection.vendor == "postgresql"
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5
    assert connection.settings_dict["NAME"].startswith("test_")  # pytest-django's own database
