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


@app.command("evaluate")
def evaluate(
    labels: Annotated[
        list[str] | None,
        typer.Argument(help="Etikettfiler (CSV): id, question, themes, polarity, codes[, text]. Uten filer: "
                            "de medfølgende settene (tuning og holdt ute), hver for seg."),
    ] = None,
    responses: Annotated[
        str | None, typer.Option("--responses", help="Eksporten etikettene gjelder (når de ikke har text).")
    ] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="survey.yaml for eksporten.")] = None,
    coder: Annotated[str, typer.Option("--coder", help="hybrid (regler, så modell) eller rules.")] = "hybrid",
    summary: Annotated[bool, typer.Option("--summary", help="Bare samlede tall, ingen uenige svar.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json eller table.")] = "table",
) -> None:
    """Mål temakodingen av åpne svar mot håndkodede etiketter: mikro-F1 over (svar, tema)-par og over
    (svar, tema, polaritet), polaritetstreff, per tema, og svarene der koderen og etikettene er uenige.
    Hver fil måles for seg; svar som modellen er trent på, kodes med kryssvalidering."""
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputError
    from samrev.survey.evaluate import bundled_labels, evaluate_files

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json eller table)")
    files = {path: path for path in labels} if labels else {
        "tuning": str(bundled_labels("tuning")), "heldout": str(bundled_labels("heldout"))}
    results = {}
    for name, path in files.items():
        result = evaluate_files(path, responses, config, coder=coder).to_dict()
        if summary:
            result.pop("errors")
        results[name] = result
    if format == "json":
        print_json(results[next(iter(results))] if labels and len(labels) == 1 else results)
        return

    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}".replace(".", ",")

    for name, result in results.items():
        micro = result["theme_micro"]
        how = " (kryssvalidert)" if result["cross_validated"] else ""
        out.print(f"[bold]{name}[/bold]: {result['answers']} svar, koder {result['coder']}{how}. Tema, mikro: "
                  f"presisjon {pct(micro['precision'])}, gjenfinning {pct(micro['recall'])}, F1 {pct(micro['f1'])}. "
                  f"Med polaritet: F1 {pct(result['code_micro']['f1'])}. "
                  f"Polaritet riktig: {pct(result['polarity_accuracy']['accuracy'])}.")
        for theme, score in result["per_theme"].items():
            out.print(f"  {theme}: F1 {pct(score['f1'])} (tp {score['tp']}, fp {score['fp']}, fn {score['fn']})")
        for error in result.get("errors", [])[:20]:
            out.print(f"  uenig: {error['id']}/{error['question']}: koder {error['predicted']}, "
                      f"etikett {error['labelled']}")
