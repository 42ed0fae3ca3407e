"""`samrev web`: Webappen: lokal server for gjennomgang og verifisering.…"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Webappen: lokal server for gjennomgang og verifisering.",
    no_args_is_help=True,
)
