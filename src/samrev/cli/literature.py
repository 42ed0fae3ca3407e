"""`samrev literature`: commands for this domain (help texts in bokmål).

Only Typer is imported at module level; numpy, scikit-learn and the models are imported inside
the commands.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help=(
        "Forskningslitteratur: import, fjerning av duplikater, screening med "
        "maskinstøtte, koding og kartlegging."
    ),
    no_args_is_help=True,
)


class SimulateFormat(StrEnum):
    json = "json"
    table = "table"


@app.command("simulate")
def simulate(
    dataset: Annotated[
        Path,
        typer.Argument(help="Merket datasett (CSV med record_id, title, abstract, label_included)."),
    ],
    seed: Annotated[int, typer.Option("--seed", help="Frø: samme data, frø og priorer gir samme rekkefølge.")] = 0,
    prior_included: Annotated[
        list[str] | None,
        typer.Option("--prior-included", help="record_id for en inkludert post som screenes først (kan gjentas)."),
    ] = None,
    prior_excluded: Annotated[
        list[str] | None,
        typer.Option("--prior-excluded", help="record_id for en ekskludert post som screenes først (kan gjentas)."),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="Screeningmodell: nb_svm (standard), nb, svm, ridge eller nb_ridge.")
    ] = "",
    fmt: Annotated[SimulateFormat, typer.Option("--format", "-f", help="Utdata: json eller table.")] = (
        SimulateFormat.table
    ),
) -> None:
    """Simuler en screening på et ferdig merket datasett og mål hvor tidlig de inkluderte blir funnet.

    Modellen trenes på nytt etter hver beslutning og viser neste post med høyest skår. Uten priorer
    trekkes én inkludert og én ekskludert post med frøet.
    """
    import time

    started = time.perf_counter()
    from samrev.cli._common import out, print_json
    from samrev.literature.dataset import read_screening_csv
    from samrev.literature.simulate import simulate as run

    data = read_screening_csv(dataset)
    result = run(
        data,
        seed=seed,
        prior_included=prior_included or (),
        prior_excluded=prior_excluded or (),
        model_name=model,
        started=started,
    )
    if fmt is SimulateFormat.json:
        print_json(result.to_json())
        return

    from rich.table import Table

    from samrev.literature.metrics import score_order

    metrics = score_order(result.order, data.label_map())
    table = Table(title=f"Simulert screening: {result.dataset} (frø {seed})")
    table.add_column("Mål")
    table.add_column("Verdi", justify="right")
    rows = [
        ("Poster / inkluderte", f"{metrics.n_records} / {metrics.n_included}"),
        ("Priorer (inkl. / ekskl.)", f"{', '.join(result.prior_included)} / {', '.join(result.prior_excluded)}"),
        ("WSS@95", f"{metrics.wss_95:.4f}"),
        ("WSS@100", f"{metrics.wss_100:.4f}"),
        ("Andel funnet etter 10 %", f"{metrics.recall_at_10:.4f}"),
        ("Screenet til 95 % / 100 %", f"{metrics.screened_to_95} / {metrics.screened_to_100}"),
        ("Gj.sn. tid til funn (ATD)", f"{metrics.atd:.4f}"),
        ("Median tid per omtrening", f"{result.seconds_per_retrain_median * 1000:.2f} ms"),
        ("Tid totalt", f"{result.seconds_total:.2f} s"),
        ("Modell", result.model),
    ]
    for name, value in rows:
        table.add_row(name, value)
    out.print(table)


class CodingFormat(StrEnum):
    json = "json"
    table = "table"


@app.command("evaluate-coding")
def evaluate_coding_command(
    split: Annotated[str, typer.Option("--split", help="dev, heldout (holdt ute) eller all.")] = "heldout",
    origin: Annotated[str, typer.Option("--origin", help="all, real (publiserte poster) eller written (skrevet for "
                                                         "samrev).")] = "all",
    format: Annotated[CodingFormat, typer.Option("--format", "-f", help="table eller json.")] = CodingFormat.table,
) -> None:
    """Treffsikkerhet for kodingen av inkluderte studier (land, setting, design, populasjon, LMS og temaer)
    på det merkede utviklingssettet."""
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputError
    from samrev.literature.coding_eval import ORIGINS, SPLITS, evaluate_coding

    if split not in SPLITS:
        raise InputError(detail=f"--split «{split}» finnes ikke (bruk {', '.join(SPLITS)})")
    if origin not in ORIGINS:
        raise InputError(detail=f"--origin «{origin}» finnes ikke (bruk {', '.join(ORIGINS)})")
    result = evaluate_coding(split, origin=origin)
    if format is CodingFormat.json:
        print_json(result.to_dict())
        return
    from rich.table import Table

    table = Table(title=f"Koding av studier, {split}/{origin} ({result.n_records} poster, {result.coder})")
    for column in ("kjennetegn", "riktige", "av", "treffsikkerhet"):
        table.add_column(column, justify="left" if column == "kjennetegn" else "right")
    for score in result.characteristics:
        table.add_row(score.name, str(score.correct), str(score.n), f"{score.accuracy:.3f}")
    themes = result.themes
    table.add_row("temaer (presisjon / treffrate / F1)", str(themes.true_positives),
                  str(themes.true_positives + themes.false_negatives),
                  f"{themes.precision:.3f} / {themes.recall:.3f} / {themes.f1:.3f}")
    out.print(table)


@app.command("code")
def code_command(
    records: Annotated[Path, typer.Argument(help="Inkluderte poster: JSON-liste, JSON lines eller en gjennomgangsfil "
                                                 "(record_id, title, abstract, keywords, year, journal, language, "
                                                 "affiliations).")],
) -> None:
    """Forslag til temaer (med polaritet og belegg) og studiekjennetegn for inkluderte poster, som JSON.
    Forslagene bekreftes eller rettes av en person."""
    import json

    from samrev.cli._common import print_json, progress_bar
    from samrev.core.errors import InputFormatError, InputNotFound
    from samrev.literature.coding import LiteratureCoder, LiteratureRecord

    try:
        raw = records.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputNotFound(path=str(records)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = []
        for number, line in enumerate(raw.splitlines(), 1):  # JSON lines: one record per line
            if not line.strip():
                continue
            try:
                data.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputFormatError(path=str(records), detail=f"ikke gyldig JSON (linje {number}: {exc.msg})") \
                    from None
    if isinstance(data, dict):
        items = [item.get("record", {}) for item in data.get("included", [])]
    else:
        items = [item.get("record", item) if isinstance(item, dict) else {} for item in data]
    parsed = [LiteratureRecord.from_dict(item) for item in items]
    for index, record in enumerate(parsed):
        if not record.record_id or not (record.title or record.abstract):
            raise InputFormatError(path=str(records), detail=f"post nr. {index + 1} mangler record_id eller både "
                                                             "tittel og sammendrag")
    coder = LiteratureCoder()
    coded = []
    with progress_bar() as progress:
        task = progress.add_task("Koder poster", total=len(parsed))
        for record in parsed:
            coded.append(coder.code_record(record).to_dict())
            progress.advance(task)
    print_json({"coder": f"{coder.name}@{coder.provenance_version}", "records": coded})
