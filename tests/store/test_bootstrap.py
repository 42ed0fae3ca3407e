"""ensure_ready(): migrate a fresh database, report an unusable one as a StoreError."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from typer.testing import CliRunner

from samrev.cli import web
from samrev.store import bootstrap

from .conftest import on_postgres


def _env(home: Path, database_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SAMREV_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["SAMREV_HOME"] = str(home)
    env.pop("SAMREV_DEBUG", None)
    if database_url is not None:
        env["SAMREV_DATABASE_URL"] = database_url
    return env


def _samrev(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samrev", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("postgres://ola:hemmelig@db.example.no:5432/samrev", "postgres://ola@db.example.no:5432/samrev"),
        (
            "postgres://db.example.no/samrev?password=hemmelig&sslmode=require",
            "postgres://db.example.no/samrev?sslmode=require",
        ),
        ("postgres://ola@[::1]:5432/samrev", "postgres://ola@[::1]:5432/samrev"),
        ("sqlite:////tmp/samrev.sqlite3", "sqlite:////tmp/samrev.sqlite3"),
    ],
)
def test_redact_url_drops_the_password(url: str, label: str) -> None:
    assert bootstrap.redact_url(url) == label


def test_ensure_ready_migrates_a_fresh_sqlite_home(tmp_path: Path) -> None:
    code = (
        "import json; from samrev.store.bootstrap import ensure_ready; s = ensure_ready();"
        "print(json.dumps([s.vendor, s.database, list(s.applied_now), s.applied_total]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    vendor, database, applied_now, total = json.loads(done.stdout)
    db = tmp_path / "samrev.sqlite3"
    assert vendor == "sqlite"
    assert database == f"sqlite:///{db}"
    assert "store.0001_initial" in applied_now
    assert "store.0002_append_only_triggers" in applied_now
    assert total == len(applied_now)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "store_auditevent_no_update" in triggers
    secret = tmp_path / "secret_key"
    assert secret.stat().st_mode & 0o777 == 0o600
    key = secret.read_text()

    # Second run: nothing pending, nothing applied.
    again = _samrev("web", "check", "--json", env=_env(tmp_path))
    assert again.returncode == 0, again.stderr
    status = json.loads(again.stdout)
    assert status["applied_now"] == []
    assert status["pending"] == []
    assert status["applied_total"] == total
    assert secret.read_text() == key  # kept, not regenerated


def test_an_unreachable_postgres_is_a_store_error_without_traceback(tmp_path: Path) -> None:
    done = _samrev("web", "check", env=_env(tmp_path, "postgres://postgres:hemmelig@127.0.0.1:1/samrev"))

    assert done.returncode == 3
    assert "STORE_UNAVAILABLE" in done.stderr
    assert "postgres://postgres@127.0.0.1:1/samrev" in done.stderr.replace("\n", "")
    assert "Traceback" not in done.stderr + done.stdout
    assert "hemmelig" not in done.stderr + done.stdout


def test_an_unknown_database_scheme_is_a_config_error(tmp_path: Path) -> None:
    done = _samrev("web", "check", env=_env(tmp_path, "nosql://localhost/samrev"))

    assert done.returncode == 3
    assert "CONFIG_INVALID" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.django_db
def test_ensure_ready_in_process_finds_nothing_pending() -> None:
    status = bootstrap.ensure_ready()

    assert status.vendor == connection.vendor
    assert status.pending == ()
    assert status.applied_total > 0
    assert bootstrap.ensure_ready() is status  # cached for the process


@pytest.mark.django_db
def test_web_check_prints_database_and_migration_status() -> None:
    result = CliRunner().invoke(web.app, ["check"])

    assert result.exit_code == 0, result.output
    assert f"Database: {bootstrap.database_label()} ({connection.vendor})" in result.output
    assert "Migrasjoner:" in result.output


@pytest.mark.postgres
def test_the_postgres_run_really_uses_postgres() -> None:
    if not on_postgres():
        pytest.skip("SAMREV_DATABASE_URL is not a PostgreSQL URL")
    assert connection.vendor == "postgresql"
    assert bootstrap.database_label().startswith("postgres://")


@pytest.mark.django_db
def test_an_up_to_date_database_is_checked_without_the_migration_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db.migrations import executor

    on_disk = bootstrap._disk_migrations()
    assert on_disk is not None and ("store", "0001_initial") in on_disk and ("auth", "0001_initial") in on_disk

    class NoGraph:
        def __init__(self, *args: object) -> None:
            raise AssertionError("the migration graph was built")

    monkeypatch.setattr(executor, "MigrationExecutor", NoGraph)
    assert bootstrap._pending(connection) == ()
    # a migration file the database has not recorded: Django's own plan decides
    monkeypatch.setattr(bootstrap, "_disk_migrations", lambda: {*on_disk, ("store", "0099_not_recorded")})
    with pytest.raises(AssertionError, match="graph"):
        bootstrap._pending(connection)
