"""`samrev literature`: Forskningslitteratur: import, fjerning av duplikater, screen…"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Forskningslitteratur: import, fjerning av duplikater, screening med maskinstøtte, koding og kartlegging.",
    no_args_is_help=True,
)
