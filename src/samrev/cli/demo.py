"""`samrev demo`: Demonstrasjon på medfølgende eksempeldata.…"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Demonstrasjon på medfølgende eksempeldata.",
    no_args_is_help=True,
)
