"""`samrev registry`: Organisasjonsregisteret: kommuner (2020- og 2024-struktur), …"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Organisasjonsregisteret: kommuner (2020- og 2024-struktur), fylker, helseforetak, opptaksområder og navnegjenkjenning i fritekst.",
    no_args_is_help=True,
)
