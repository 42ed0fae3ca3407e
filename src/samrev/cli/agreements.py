"""`samrev agreements`: assess collaboration agreements, explain an assessment, evaluate on labels."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help=(
        "Samarbeidsavtaler: vurdering av hver avtale (type, parter, datoer, signatur, "
        "LMS-nivå, brukermedvirkning, forpliktelse, lovpunkter) og nasjonal oppsummering."
    ),
    no_args_is_help=True,
)

FIELD_LABELS = {
    "language": "Språk", "kind": "Type", "health_trust": "Helseforetak", "municipalities": "Kommuner",
    "adopted": "Inngått/vedtatt", "revised": "Revidert", "signature": "Signatur", "lms_level": "LMS-nivå",
    "user_participation_level": "Brukermedvirkning", "commitment": "Forpliktelse",
    "statutory_points": "Lovpunkter (§ 6-2)", "meeting_arenas": "Møtearenaer", "good_example": "Godt eksempel",
}


def _progress_bar() -> Any:
    from samrev.cli._common import progress_bar

    return progress_bar()


@app.command("assess")
def assess(
    paths: Annotated[list[str], typer.Argument(help="Filer, mapper eller ZIP-arkiver med avtaler.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="Utdata: jsonl (én linje per fil) eller table.")
    ] = "jsonl",
    no_store: Annotated[bool, typer.Option("--no-store", help="Ikke lagre vurderingene i databasen.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Antall prosesser (standard: antall kjerner).")
    ] = None,
) -> None:
    """Vurder hver avtale etter spesifikasjonen: én JSON-linje per fil, i rekkefølgen filene ble gitt."""
    from samrev.agreements.service import BatchResult, assess_paths
    from samrev.cli._common import err, print_jsonl
    from samrev.core.errors import InputError

    if format not in ("jsonl", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk jsonl eller table)")
    result = BatchResult(given=list(paths))
    records = []
    with _progress_bar() as bar:
        task = bar.add_task("Vurderer avtaler", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Vurderer {Path(name).name}")

        for assessment in assess_paths(list(paths), store=not no_store, workers=workers, progress=step,
                                       result=result):
            record = assessment.to_record()
            if format == "jsonl":
                print_jsonl(record)
            else:
                records.append(record)
            if assessment.error:
                err.print(f"[yellow]{assessment.file}[/]: {assessment.error['message']}", markup=True,
                          highlight=False)
    for folder in result.empty_folders:
        err.print(f"Mappen «{folder}» inneholder ingen filer samrev kan lese.", highlight=False)
    if format == "table":
        _print_table(records)
    total = result.assessed + result.reused
    if total == 0 or result.failed == total:
        if total == 0 and not result.empty_folders:
            err.print("Ingen filer å vurdere.")
        raise typer.Exit(1)


def _short(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "–"
    return str(value)


def _print_table(records: list[dict[str, Any]]) -> None:
    from rich.table import Table

    from samrev.cli._common import out

    table = Table(title="Vurdering av samarbeidsavtaler", show_lines=True)
    columns = ("file", "language", "kind", "health_trust", "municipalities", "adopted", "revised", "signature",
               "lms_level", "user_participation_level", "commitment", "statutory_points", "meeting_arenas",
               "good_example")
    for name in columns:
        table.add_column("Fil" if name == "file" else FIELD_LABELS[name], overflow="fold")
    for record in records:
        if record.get("error"):
            table.add_row(record["file"], f"[red]{record['error']['code']}[/]: {record['error']['message']}",
                          *[""] * (len(columns) - 2))
            continue
        table.add_row(*[Path(record["file"]).name if name == "file" else _short(record.get(name)) for name in columns])
    out.print(table)


@app.command("collect")
def collect(
    manifest: Annotated[Path, typer.Argument(help="Manifest (CSV: file,health_trust,municipality,url,retrieved).")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Målmappe (standard: «<manifest>-nedlastet» ved siden av manifestet)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Sekunder å vente på tilkobling og på hvert svar.")
    ] = 30.0,
    retries: Annotated[int, typer.Option("--retries", help="Nye forsøk etter det første (ved brudd, tidsavbrudd, "
                                                           "429 og 5xx).")] = 3,
    delay: Annotated[float, typer.Option("--delay", help="Minste pause i sekunder mellom to forespørsler til "
                                                         "samme nettsted.")] = 1.0,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Utdata: jsonl (én linje per rad) eller table.")
    ] = "jsonl",
) -> None:
    """Last ned hver avtale i manifestet som har en url, under manifestets filnavn.

    Kan avbrytes og kjøres på nytt: filer som allerede er lastet ned og uendret, hoppes over;
    mislykkede prøves igjen. En tilstandsfil (.samrev-collect.jsonl) i målmappen holder oversikten.
    """
    from samrev.agreements.collect import CollectOptions, DownloadRecord, default_out_dir
    from samrev.agreements.collect import collect as run_collect
    from samrev.agreements.manifest import read_manifest
    from samrev.cli._common import err, print_jsonl
    from samrev.core.errors import InputError

    if format not in ("jsonl", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk jsonl eller table)")
    if timeout <= 0 or retries < 0 or delay < 0:
        raise InputError(detail="--timeout må være over 0, --retries og --delay minst 0")
    rows = read_manifest(manifest)
    target = out if out is not None else default_out_dir(manifest)
    options = CollectOptions(timeout=timeout, retries=retries, delay=delay)
    records: list[DownloadRecord] = []
    with _progress_bar() as bar:
        task = bar.add_task("Laster ned", total=None)

        def step(done: int, total: int, record: DownloadRecord) -> None:
            bar.update(task, completed=done, total=total, description=f"Laster ned {Path(record.file).name}")

        for record in run_collect(rows, target, options=options, progress=step):
            records.append(record)
            if format == "jsonl":
                print_jsonl(record.to_dict())
            if record.error:
                err.print(f"[yellow]{record.file}[/]: {record.error['message']}", markup=True, highlight=False)
            elif record.note and record.status == "ok":
                err.print(f"[yellow]Merk:[/] {record.file}: {record.note}", markup=True, highlight=False)
    if format == "table":
        _print_collect_table(records)
    counts = {status: sum(r.status == status for r in records) for status in ("ok", "skipped", "failed")}
    without_url = len(rows) - len(records)
    err.print(f"{counts['ok']} lastet ned, {counts['skipped']} hoppet over (allerede lastet ned), "
              f"{counts['failed']} mislyktes, {without_url} rad(er) uten url. Filene ligger i {target}.",
              highlight=False)
    if not records:
        err.print("Ingen rader i manifestet har url: ingenting å laste ned.")
        raise typer.Exit(1)
    if counts["failed"] == len(records):
        raise typer.Exit(1)


def _print_collect_table(records: list[Any]) -> None:
    from rich.table import Table

    from samrev.cli._common import out

    labels = {"ok": "[green]lastet ned[/]", "skipped": "hoppet over", "failed": "[red]mislyktes[/]"}
    table = Table(title="Nedlasting av avtaler")
    for header in ("Linje", "Fil", "Status", "HTTP", "Byte", "SHA-256", "Feil"):
        table.add_column(header, overflow="fold")
    for r in records:
        error = f"{r.error['code']}: {r.error['message']}" if r.error else (r.note or "")
        table.add_row(str(r.line), r.file, labels[r.status], str(r.http_status or ""),
                      "" if r.bytes is None else str(r.bytes), (r.content_hash or "")[:12], error)
    out.print(table)


@app.command("explain")
def explain(
    file: Annotated[str, typer.Argument(help="Avtalen som skal forklares.")],
    context: Annotated[int, typer.Option("--context", help="Tegn med kontekst rundt hvert belegg.")] = 80,
    format: Annotated[str, typer.Option("--format", "-f", help="text eller json.")] = "text",
) -> None:
    """Vis hvert felt med verdi, belegg i kontekst og opphav (regel eller modell med versjon, sikkerhet)."""
    from samrev.agreements.assess import assess_ingested
    from samrev.agreements.passage_model import scorers
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputNotFound, SamrevError
    from samrev.ingest import ingest_file

    if not Path(file).exists():
        raise InputNotFound(path=file)
    document = ingest_file(file)
    if document.error is not None:
        raise document.error
    assessment = assess_ingested(document, scorers())
    if format == "json":
        record = assessment.to_record()
        record["provenance"] = assessment.provenance()
        print_json(record)
        return
    if format != "text":
        raise SamrevError()
    out.print(f"[bold]{file}[/]  ({document.format}, {len(document.pages) or 1} side(r), "
              f"{len(document.text)} tegn{', OCR' if document.needs_ocr else ''})", markup=True, highlight=False)
    text = document.text
    for name, judgement in assessment.judgements.items():
        out.print(f"\n[bold cyan]{FIELD_LABELS.get(name, name)}[/]: [bold]{_short(judgement.value)}[/]",
                  markup=True, highlight=False)
        confidence = f", sikkerhet {judgement.confidence:.2f}" if judgement.confidence is not None else ""
        out.print(f"  opphav: {judgement.provenance}{confidence}", highlight=False)
        if judgement.note:
            out.print(f"  merknad: {judgement.note}", highlight=False)
        for span in judgement.evidence:
            before = text[max(0, span.start - context):span.start].replace("\n", " ")
            after = text[span.end:span.end + context].replace("\n", " ")
            page = f"s. {span.page}, " if span.page else ""
            quoted = span.text.replace("\n", " ")
            out.print(f"  · [dim]{page}{span.start}–{span.end}:[/] …{before}[reverse]{quoted}[/]{after}…",
                      markup=True, highlight=False)
        if not judgement.evidence:
            out.print("  (ingen belegg: vurderingen bygger på at noe mangler)", highlight=False)
    out.print(f"\n[bold cyan]{FIELD_LABELS['good_example']}[/]: {_short(assessment.good_example)} "
              "(LMS-nivå 3 og høy forpliktelse)", markup=True, highlight=False)


@app.command("evaluate")
def evaluate(
    labels: Annotated[Path, typer.Argument(help="Etiketter (JSONL i spesifikasjonens format).")],
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Filene eller mappene etikettene gjelder (standard: filene etikettene nevner)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table eller json.")] = "table",
    max_disagreements: Annotated[int, typer.Option("--max-disagreements", help="Uenigheter som vises per del.")] = 40,
    no_store: Annotated[bool, typer.Option("--no-store", help="Ikke lagre vurderingene i databasen.")] = False,
) -> None:
    """Treffsikkerhet per felt (mikro-F1 for lovpunkter), forvekslingsmatriser og uenigheter, per del."""
    from samrev.agreements.corpus import load_labels
    from samrev.agreements.evaluate import evaluate as run_evaluation
    from samrev.agreements.service import assess_paths
    from samrev.cli._common import print_json
    from samrev.core.errors import InputNotFound

    if not labels.is_file():
        raise InputNotFound(path=str(labels))
    label_rows = load_labels(labels)
    # By default exactly the labelled files (a folder would skip a file of an unsupported type,
    # which the labels expect to be reported as such).
    targets = paths or [str(labels.parent / str(row["file"])) for row in label_rows]
    with _progress_bar() as bar:
        task = bar.add_task("Vurderer", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Vurderer {Path(name).name}")

        records = [a.to_record() for a in assess_paths(targets, store=not no_store, progress=step)]
    report = run_evaluation(label_rows, records)
    if format == "json":
        print_json(report.to_dict())
        return
    _print_evaluation(report.to_dict(), max_disagreements)


def _print_evaluation(report: dict[str, Any], max_disagreements: int) -> None:
    from rich.table import Table

    from samrev.agreements.evaluate import TARGETS
    from samrev.cli._common import out

    metrics = Table(title="Treffsikkerhet per felt")
    metrics.add_column("Felt")
    for part in report:
        metrics.add_column(f"{part} (n={report[part]['n_documents']})", justify="right")
    metrics.add_column("Mål (holdt ute)", justify="right")
    names = list(next(iter(report.values()))["metrics"]) if report else []
    for name in names:
        row = [FIELD_LABELS.get(name, name)]
        for part in report.values():
            value = part["metrics"].get(name)
            n = part["counts"].get(name, 0) if name != "statutory_points_f1" else None
            row.append("–" if value is None else f"{value:.3f}" + (f" ({n})" if n else ""))
        target = TARGETS.get(name)
        row.append(f"≥ {target:.2f}" if target is not None else "")
        metrics.add_row(*row)
    out.print(metrics)
    for part_name, part in report.items():
        for field_name, matrix in part["confusion"].items():
            if not any(any(row) for row in matrix["rows_expected_cols_got"]):
                continue
            label_name = FIELD_LABELS.get(field_name, field_name)
            table = Table(title=f"{part_name}: {label_name} (rad = fasit, kolonne = samrev)")
            table.add_column("")
            for label in matrix["labels"]:
                table.add_column(str(label), justify="right")
            for label, row in zip(matrix["labels"], matrix["rows_expected_cols_got"], strict=True):
                table.add_row(str(label), *[str(v) for v in row])
            out.print(table)
        disagreements = part["disagreements"]
        out.print(f"\n[bold]{part_name}: {len(disagreements)} uenigheter[/]", markup=True)
        for item in disagreements[:max_disagreements]:
            evidence = " | ".join(e["text"][:90].replace("\n", " ") for e in item["evidence"][:2])
            out.print(f"  {Path(item['file']).name} · {item['field']}: fasit {item['expected']!r}, samrev "
                      f"{item['got']!r}" + (f"  ⟨{evidence}⟩" if evidence else ""), highlight=False)
        if len(disagreements) > max_disagreements:
            out.print(f"  … og {len(disagreements) - max_disagreements} til (vis alle med --max-disagreements "
                      f"{len(disagreements)}, eller --format json)", highlight=False)
    sys.stdout.flush()
