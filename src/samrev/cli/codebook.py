"""`samrev codebook`: Kodeboken: felles temaer for avtaler, åpne svar og litterat…"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Kodeboken: felles temaer for avtaler, åpne svar og litteratur; validering og reliabilitet.",
    no_args_is_help=True,
)
