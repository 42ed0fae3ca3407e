"""`samrev agreements`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help=(
        "Samarbeidsavtaler: vurdering av hver avtale (type, parter, datoer, signatur, "
        "LMS-nivå, brukermedvirkning, forpliktelse, lovpunkter) og nasjonal oppsummering."
    ),
    no_args_is_help=True,
)
