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


def progress_bar() -> Any:
    """A transient progress bar on stderr, shown only when stderr is a terminal.

    Rich would otherwise route everything written to ``sys.stdout`` while the bar is live through
    the stderr console: records meant for a file or a pipe (``> out.jsonl``) would land on the
    terminal instead.  Standard output is redirected above the bar only when it is the terminal too.
    """
    if not err.is_terminal:  # nothing would be drawn: do not load Rich's progress machinery either
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    stdout_is_terminal = sys.stdout.isatty()
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=err, transient=True, disable=not err.is_terminal,
                    redirect_stdout=stdout_is_terminal, redirect_stderr=True)


class _NoProgress:
    """What :func:`progress_bar` gives when stderr is no terminal: the calls the commands make, doing nothing."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, *args: Any, **kwargs: Any) -> int:
        return 0

    def update(self, task: int, *args: Any, **kwargs: Any) -> None:
        return None

    def advance(self, task: int, advance: float = 1) -> None:
        return None


def report_error(error: SamrevError) -> None:
    """Print a SamrevError for a person: code, bokmål message and hint, on stderr."""
    err.print(f"[bold red]Feil[/] [dim]({error.code})[/]: {error.message}", markup=True)
    if error.hint:
        err.print(f"[yellow]Tips:[/] {error.hint}", markup=True)
