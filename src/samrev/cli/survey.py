"""`samrev survey`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    help=(
        "Spørreundersøkelse: svarprosent mot invitert populasjon, gruppeforskjeller og "
        "koding av åpne svar."
    ),
    no_args_is_help=True,
)


@app.command("analyse")
def analyse(
    responses: Annotated[str, typer.Argument(help="Eksportfilen: CSV/TXT, XLSX eller SPSS .sav.")],
    config: Annotated[str, typer.Option("--config", "-c", help="survey.yaml som beskriver kolonnene.")],
    frame: Annotated[
        str | None, typer.Option("--frame", help="Utvalgsrammen (CSV/XLSX): én rad per invitert enhet.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json eller table.")] = "table",
) -> None:
    """Analyser en eksport fra Nettskjema, QuestBack, Excel eller SPSS: svarprosent med Wilson-intervall,
    Likert-fordelinger per gruppe, Mann–Whitney-sammenligninger med Holm-korreksjon, kodede åpne svar,
    fraværende temaer og forbehold. Fritekst pseudonymiseres før noe vises."""
    from samrev.cli._common import print_json
    from samrev.core.errors import InputError, SurveyError

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json eller table)")
    from samrev.survey.service import analyse_files

    try:
        result = analyse_files(responses, config, frame)
    except SurveyError as error:
        if format == "json":
            print_json({"error": {"code": error.short_code, "message": error.message}})
        raise
    if format == "json":
        print_json(result)
    else:
        from samrev.cli.survey_table import print_table

        print_table(result)
