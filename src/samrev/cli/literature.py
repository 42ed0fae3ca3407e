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
