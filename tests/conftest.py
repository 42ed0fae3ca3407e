"""Session set-up shared by every test package.

- ``SAMREV_HOME`` points at a fresh temporary directory for the whole run, so tests never
  touch a user's data.
- Django is configured here with ``samrev.store.settings`` (pytest-django then sets it up).
  Do not put ``DJANGO_SETTINGS_MODULE`` in pyproject, the environment or ``--ds``: pytest-django
  would load the settings before this file runs, with the user's real ``SAMREV_HOME``.
- The database is SQLite unless ``SAMREV_DATABASE_URL`` names another one (pytest-django then
  creates and drops ``test_<name>`` there).
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_home: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _home
    from django.conf import settings

    if settings.configured:
        raise pytest.UsageError(
            "Django settings were loaded before tests/conftest.py could isolate SAMREV_HOME; "
            "unset DJANGO_SETTINGS_MODULE (environment, pyproject or --ds) and run again."
        )
    _home = tempfile.mkdtemp(prefix="samrev-test-home-")
    os.environ["SAMREV_HOME"] = _home
    os.environ["DJANGO_SETTINGS_MODULE"] = "samrev.store.settings"
    settings.DATABASES  # noqa: B018 - load the settings now, reading the temporary SAMREV_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    if _home is not None:
        shutil.rmtree(_home, ignore_errors=True)
