"""`samrev literature`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help=(
        "Forskningslitteratur: import, fjerning av duplikater, screening med "
        "maskinstøtte, koding og kartlegging."
    ),
    no_args_is_help=True,
)
