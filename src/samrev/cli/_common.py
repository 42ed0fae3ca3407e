"""Shared helpers for CLI commands: consoles, JSON output and the one error renderer."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

from samrev.core.errors import SamrevError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """One JSON document on stdout, UTF-8, no ASCII escaping of æøå."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(record: Any) -> None:
    """One JSON record per line on stdout, flushed (for streaming batches)."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def report_error(error: SamrevError) -> None:
    """Print a SamrevError for a person: code, bokmål message and hint, on stderr."""
    err.print(f"[bold red]Feil[/] [dim]({error.code})[/]: {error.message}", markup=True)
    if error.hint:
        err.print(f"[yellow]Tips:[/] {error.hint}", markup=True)
