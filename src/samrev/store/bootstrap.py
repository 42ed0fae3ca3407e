"""Make the store usable: configure Django once, migrate quietly, report failures as errors.

Every command that touches the store starts with :func:`ensure_ready`; it is cheap after the
first call in a process (a flag) and cheap on a migrated database (one query against
``django_migrations`` and a listing of the migration packages: the migration graph is built only
when something may be pending).  Import :mod:`samrev.store.models`,
:mod:`~samrev.store.actions` or :mod:`~samrev.store.repository` only after it.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from samrev.core.errors import ConfigError, StoreError, StoreIntegrityError
from samrev.core.settings import database_url

if sys.platform != "win32":
    import fcntl

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper

SETTINGS_MODULE = "samrev.store.settings"
_LOCK_KEY = 0x5A4D_5245_5600  # pg_advisory_lock key for migrations ("SAMREV")
_SECRET_QUERY_KEYS = {"password", "passwd", "sslpassword"}


@dataclass(frozen=True, slots=True)
class ReadyStatus:
    """What :func:`ensure_ready` found: the database in use and its migration state."""

    database: str  # URL without password
    vendor: str  # "sqlite", "postgresql"
    applied_now: tuple[str, ...]  # "app_label.migration" applied by this call
    applied_total: int  # migrations recorded in the database
    pending: tuple[str, ...] = ()  # left unapplied (only with migrate=False)


_status: ReadyStatus | None = None


def redact_url(url: str) -> str:
    """``url`` without its password (in the user-info part or as a query parameter)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in query if key.lower() not in _SECRET_QUERY_KEYS]
    if parts.password is None and len(kept) == len(query):
        return url  # nothing to hide; urlunsplit would also turn sqlite://// into sqlite://
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.partition(":")[0]
        netloc = f"{user}@{hostport}" if user else hostport
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(kept), parts.fragment))


def database_label() -> str:
    """The database in use, for messages: a URL without password.

    Once Django is set up this describes the live connection (under tests, the test database);
    before that, ``SAMREV_DATABASE_URL`` or the default SQLite file.
    """
    from django.apps import apps

    if apps.ready:
        from django.db import connection

        return _label_from_settings(connection.settings_dict)
    return redact_url(database_url())


def _label_from_settings(db: Any) -> str:
    engine = str(db.get("ENGINE", "")).rsplit(".", 1)[-1]
    name = str(db.get("NAME") or "")
    if engine == "sqlite3":
        return f"sqlite:///{name}"
    scheme = "postgres" if engine == "postgresql" else engine
    user = str(db.get("USER") or "")
    host = str(db.get("HOST") or "localhost")
    if ":" in host and not host.startswith("/"):
        host = f"[{host}]"
    port = db.get("PORT")
    where = f"{host}:{port}" if port else host
    return f"{scheme}://{user + '@' if user else ''}{where}/{name}"


def _password() -> str:
    try:
        return urlsplit(database_url()).password or ""
    except ValueError:
        return ""


def _detail(exc: BaseException) -> str:
    """One line from a driver's message, never containing the password."""
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip()) or type(exc).__name__
    password = _password()
    if password:
        text = text.replace(password, "***")
    return text


def configure() -> None:
    """Point Django at samrev's settings and run ``django.setup()`` once (no database access)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.apps import apps

    if apps.ready:
        return
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (ValueError, ImproperlyConfigured) as exc:
        raise ConfigError(setting="SAMREV_DATABASE_URL", detail=_detail(exc)) from None


@contextmanager
def translate_db_errors() -> Iterator[None]:
    """Turn database exceptions into samrev errors (integrity → 409-like, the rest → store down)."""
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management.base import CommandError
    from django.db import DatabaseError, IntegrityError

    try:
        yield
    except IntegrityError as exc:
        raise StoreIntegrityError(detail=_detail(exc)) from exc
    except (DatabaseError, ImproperlyConfigured, CommandError) as exc:
        raise StoreError(database=database_label(), detail=_detail(exc)) from None


def ensure_ready(*, migrate: bool = True) -> ReadyStatus:
    """Configure Django, connect, and apply pending migrations quietly.

    The first call in a process does the work; later calls return the same status.  Raises
    :class:`StoreError` (with the database URL minus password) when the database cannot be
    reached, :class:`ConfigError` when ``SAMREV_DATABASE_URL`` cannot be parsed.
    """
    global _status
    if _status is not None and not (migrate and _status.pending):
        return _status
    configure()
    from django.db import connection

    with translate_db_errors():
        connection.ensure_connection()
        pending = _pending(connection)
        applied_now: tuple[str, ...] = ()
        if pending and migrate:
            applied_now = _migrate(connection)
            pending = ()
        status = ReadyStatus(
            database=database_label(),
            vendor=connection.vendor,
            applied_now=applied_now,
            applied_total=_applied_total(connection),
            pending=pending,
        )
    _status = status
    return status


def _disk_migrations() -> set[tuple[str, str]] | None:
    """(app label, migration name) of every migration file of the installed apps, found by
    listing their migration packages (nothing imported but the packages); None when an app's
    migrations cannot be listed so."""
    import importlib
    import pkgutil

    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    found: set[tuple[str, str]] = set()
    for app_config in apps.get_app_configs():
        module_name, _explicit = MigrationLoader.migrations_module(app_config.label)
        if module_name is None:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue  # an app without migrations (Django's loader skips it too)
        path = getattr(module, "__path__", None)
        if path is None:
            return None
        found.update((app_config.label, name) for _, name, is_package in pkgutil.iter_modules(path)
                     if not is_package and name[0] not in "_~")
    return found


def _pending(connection: BaseDatabaseWrapper) -> tuple[str, ...]:
    """Migrations not yet applied.  On an up-to-date database (every migration file recorded in
    ``django_migrations``: one query) the migration graph is not built; otherwise Django's plan."""
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if recorder.has_table():
        on_disk = _disk_migrations()
        if on_disk is not None and on_disk <= set(recorder.applied_migrations()):
            return ()
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return tuple(f"{migration.app_label}.{migration.name}" for migration, _backwards in plan)


def _applied_total(connection: BaseDatabaseWrapper) -> int:
    from django.db.migrations.recorder import MigrationRecorder

    return MigrationRecorder(connection).migration_qs.count()


def _migrate(connection: BaseDatabaseWrapper) -> tuple[str, ...]:
    from django.core.management import call_command

    with _migration_lock(connection):
        # Another process may have migrated while we waited for the lock.
        pending = _pending(connection)
        if pending:
            quiet = io.StringIO()
            call_command("migrate", interactive=False, verbosity=0, stdout=quiet, stderr=quiet)
    return pending


@contextmanager
def _migration_lock(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Serialise migrations between processes starting at once (web server and workers)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if (
        sys.platform == "win32"
        or connection.vendor != "sqlite"
        or not name
        or name.startswith(("file:", ":"))
    ):
        yield
        return
    with open(f"{name}.migrate-lock", "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
