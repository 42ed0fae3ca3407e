"""`samrev demo`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help=(
        "Demonstrasjon på medfølgende eksempeldata."
    ),
    no_args_is_help=True,
)
