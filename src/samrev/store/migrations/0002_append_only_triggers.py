"""Database-level guards for the append-only tables.

- ``store_auditevent``: UPDATE and DELETE are refused.
- ``store_judgement``: UPDATE is refused (a change is a new judgement that supersedes the old).

Both vendors raise an integrity error (SQLite ``RAISE(ABORT)`` → SQLITE_CONSTRAINT_TRIGGER,
PostgreSQL SQLSTATE 23000), which Django reports as ``IntegrityError``.  PostgreSQL's TRUNCATE
is not blocked, so test databases can still be flushed there.  Other vendors get the Python
guards only.

Consequences:

- SQLite rebuilds a table for most ALTERs, which drops its triggers: a later migration that
  alters ``store_auditevent`` or ``store_judgement`` must re-create them
  (tests/store/test_audit.py::test_the_triggers_exist_after_all_migrations notices).
- On SQLite, Django's ``flush`` uses DELETE, so a ``django_db(transaction=True)`` test that
  writes audit events fails at teardown; use the default ``django_db`` (rolled back) there.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

AUDIT = "store_auditevent"
JUDGEMENT = "store_judgement"


class RunSQLForVendor(migrations.RunSQL):
    """RunSQL that runs only on one database vendor ("sqlite", "postgresql")."""

    def __init__(self, vendor: str, sql: list[str], reverse_sql: list[str]) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__name__, [self.vendor, self.sql, self.reverse_sql], {})

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Raw SQL operation for {self.vendor}"


def _sqlite_trigger(table: str, operation: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} kan bare utvides: {operation} avvist'); END"
    )


SQLITE_FORWARD = [
    _sqlite_trigger(AUDIT, "UPDATE"),
    _sqlite_trigger(AUDIT, "DELETE"),
    _sqlite_trigger(JUDGEMENT, "UPDATE"),
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {AUDIT}_no_update",
    f"DROP TRIGGER IF EXISTS {AUDIT}_no_delete",
    f"DROP TRIGGER IF EXISTS {JUDGEMENT}_no_update",
]

POSTGRES_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION store_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '% kan bare utvides: % avvist', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$
    """,
    f"CREATE TRIGGER {AUDIT}_append_only BEFORE UPDATE OR DELETE ON {AUDIT} "
    "FOR EACH ROW EXECUTE FUNCTION store_refuse_change()",
    f"CREATE TRIGGER {JUDGEMENT}_no_update BEFORE UPDATE ON {JUDGEMENT} "
    "FOR EACH ROW EXECUTE FUNCTION store_refuse_change()",
]
POSTGRES_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {JUDGEMENT}_no_update ON {JUDGEMENT}",
    f"DROP TRIGGER IF EXISTS {AUDIT}_append_only ON {AUDIT}",
    "DROP FUNCTION IF EXISTS store_refuse_change()",
]


class Migration(migrations.Migration):
    dependencies = [("store", "0001_initial")]

    operations = [
        RunSQLForVendor("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        RunSQLForVendor("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
