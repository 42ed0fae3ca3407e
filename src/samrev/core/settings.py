"""Where samrev keeps its data, and which database it uses.

- ``SAMREV_HOME``: the data directory (default ``~/.local/share/samrev``, or
  ``$XDG_DATA_HOME/samrev``).  It holds the SQLite database, caches and logs.
- ``SAMREV_DATABASE_URL``: a database URL (``postgres://user@host:5432/db``); when unset,
  SQLite in ``SAMREV_HOME/samrev.sqlite3``.
- ``SAMREV_DEBUG=1``: show tracebacks of internal errors in the terminal.
"""

from __future__ import annotations

import os
from pathlib import Path


def samrev_home() -> Path:
    """The data directory, created on first use."""
    env = os.environ.get("SAMREV_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        home = Path(base) / "samrev"
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_url() -> str:
    """The database URL in force (SQLite in SAMREV_HOME unless SAMREV_DATABASE_URL is set)."""
    url = os.environ.get("SAMREV_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{samrev_home() / 'samrev.sqlite3'}"


def debug() -> bool:
    return os.environ.get("SAMREV_DEBUG", "") not in ("", "0", "false", "no")


def log_dir() -> Path:
    path = samrev_home() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
