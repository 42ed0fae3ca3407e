"""`samrev survey`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help=(
        "Spørreundersøkelse: svarprosent mot invitert populasjon, gruppeforskjeller og "
        "koding av åpne svar."
    ),
    no_args_is_help=True,
)
