"""`samrev report`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help=(
        "Rapport: samlet rapport fra avtaler, spørreundersøkelse og litteratur (HTML, "
        "PDF, DOCX)."
    ),
    no_args_is_help=True,
)
