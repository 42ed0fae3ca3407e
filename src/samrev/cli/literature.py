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


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


class CodingFormat(StrEnum):
    json = "json"
    table = "table"


ProjectOption = Annotated[
    str | None, typer.Option("--project", "-p", help="Prosjektets kortnavn (standard: litteratur).")
]


def _store() -> None:
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Eksportfiler fra ett søk: RIS, NBIB, BibTeX, CSV, XLSX, JSON.")],
    database: Annotated[str, typer.Option("--database", "-d", help="Databasen søket ble gjort i (f.eks. MEDLINE).")],
    search_date: Annotated[str, typer.Option("--date", help="Søkedato, ÅÅÅÅ-MM-DD.")],
    query: Annotated[str, typer.Option("--query", "-q", help="Søkestrengen slik den ble kjørt.")] = "",
    project: ProjectOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Utdata: table eller json.")] = OutputFormat.table,
) -> None:
    """Les inn ett søk (én eller flere eksportfiler) som én importbunt med database, dato og søkestreng.

    Ødelagte poster meldes med nummer og linje; resten leses inn. En uleselig fil meldes og hoppes over.

    Samme fil to ganger endrer ingenting.
    """
    from datetime import date

    from samrev.cli._common import err, out, print_json, progress_bar
    from samrev.core.errors import InputError
    from samrev.literature.service import import_files

    try:
        when = date.fromisoformat(search_date.strip())
    except ValueError:
        raise InputError(detail=f"søkedatoen «{search_date}» er ikke en dato på formen ÅÅÅÅ-MM-DD") from None
    _store()
    with progress_bar() as bar:
        task = bar.add_task("Leser inn", total=len(files))

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Leser {Path(name).name}" if name else "Lagrer")

        summary = import_files(files, database=database, search_date=when, query=query, project=project,
                               progress=step)
    for item in summary.files:
        if item.error:
            err.print(f"[red]{item.path}[/]: {item.error['message']}", markup=True, highlight=False)
        skipped_file = item.already_in_search is not None or item.same_as is not None
        for problem in [] if skipped_file else item.problems:
            where = f"post {problem['position']}" if problem["position"] else "utenfor postene"
            if problem["line"]:
                where += f", linje {problem['line']}"
            label = "hoppet over" if problem["skipped"] else "merknad"
            err.print(f"[yellow]{item.path}[/] ({where}, {label}): {problem['message']}", markup=True, highlight=False)
    if fmt is OutputFormat.json:
        print_json(summary.to_dict())
    else:
        for item in summary.files:
            if item.already_in_search is not None:
                out.print(f"{item.path}: lest inn før (søk {item.already_in_search}); ingen endring.", highlight=False)
            elif item.same_as is not None:
                out.print(f"{item.path}: samme innhold som {item.same_as}; hoppet over.", highlight=False)
            elif item.error is None:
                skipped = sum(problem["skipped"] for problem in item.problems)
                out.print(f"{item.path}: {item.format}, {item.records} poster"
                          + (f", {skipped} hoppet over" if skipped else ""), highlight=False)
        if summary.search_id is not None and summary.created:
            out.print(f"Søk {summary.search_id} i {summary.database} ({summary.search_date}): "
                      f"{summary.records} poster lagret i prosjektet «{summary.project}».", highlight=False)
        elif summary.search_id is not None:
            out.print(f"Søket finnes fra før (søk {summary.search_id}); ingen endring.", highlight=False)
    if summary.files and summary.failed == len(summary.files):
        raise typer.Exit(1)


@app.command("dedup")
def dedup(
    project: ProjectOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Utdata: table eller json.")] = OutputFormat.table,
) -> None:
    """Finn duplikater på tvers av databasene: DOI, PMID, tittel + år + førsteforfatter og nesten lik tittel.

    Hver kobling lagres med regel, skår og feltene som ble sammenlignet; ingen post slettes.
    Angre en kobling med `samrev literature undo-merge NUMMER`.
    """
    from samrev.cli._common import err, out, print_json
    from samrev.literature.service import deduplicate

    _store()
    with err.status("Leter etter duplikater …"):
        summary = deduplicate(project)
    if fmt is OutputFormat.json:
        print_json(summary.to_dict())
        return
    from rich.table import Table

    table = Table(title=f"Duplikater i «{summary.project}»")
    table.add_column("Kobling", justify="right")
    table.add_column("Beholdt post")
    table.add_column("Duplikat")
    table.add_column("Hvorfor")
    for group in summary.groups:
        posts = {group["kept"]["id"]: group["kept"], **{item["id"]: item for item in group["duplicates"]}}
        for link in group["links"]:
            first, second = posts[link["a"]], posts[link["b"]]
            kept, duplicate = (first, second) if second is not group["kept"] else (second, first)
            table.add_row(str(link["id"]), f"{kept['id']} {kept['database']}: {kept['title'][:60]}",
                          f"{duplicate['id']} {duplicate['database']}: {duplicate['title'][:60]}", link["explanation"])
    if summary.groups:
        out.print(table)
    out.print(f"{summary.records} poster, {summary.unique} unike, {summary.duplicates} duplikater "
              f"({summary.new_links} nye koblinger).", highlight=False)


@app.command("undo-merge")
def undo_merge(
    link_id: Annotated[int, typer.Argument(help="Koblingens nummer (fra `samrev literature dedup`).")],
    project: ProjectOption = None,
    note: Annotated[str, typer.Option("--note", help="Hvorfor postene ikke er duplikater.")] = "",
    by: Annotated[str, typer.Option("--by", help="Hvem som opphever (standard: brukernavnet).")] = "",
) -> None:
    """Opphev en duplikatkobling: postene regnes som to verk, også i senere kjøringer av dedup."""
    from samrev.cli._common import out
    from samrev.literature.service import undo_merge as run

    _store()
    undone = run(link_id, project=project, actor=by, note=note)
    for link in undone:
        out.print(f"Kobling {link['id']} opphevet: post {link['a']} og {link['b']} ({link['explanation']}).",
                  highlight=False)


@app.command("export-state")
def export_state(
    output: Annotated[Path, typer.Option("--output", "-o", help="Gjennomgangsfilen som skrives (JSON).")],
    project: ProjectOption = None,
    title: Annotated[str, typer.Option("--title", help="Gjennomgangens tittel (standard: prosjektets navn).")] = "",
    question: Annotated[str, typer.Option("--question", help="Forskningsspørsmålet.")] = "",
) -> None:
    """Skriv prosjektets søk, duplikater, screeningbeslutninger og inkluderte poster som gjennomgangsfil.

    Filen er inndata til `samrev report literature`.
    """
    import json
    from datetime import datetime

    from samrev.cli._common import out
    from samrev.literature.service import review_state

    _store()
    today = datetime.now().astimezone().date().isoformat()
    state = review_state(project, title=title, question=question, date_text=today)
    output.write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out.print(f"Skrev {output}: {len(state['batches'])} søk, {len(state['screening']['decisions'])} "
              f"beslutninger, {len(state['included'])} inkluderte poster.", highlight=False)
    from samrev.cli._common import err

    unresolved = state["screening"]["unresolved"]
    if unresolved:
        shown = ", ".join(f"{item['record_id']} ({item['stage']})" for item in unresolved[:10])
        err.print(f"{len(unresolved)} uløste uenigheter er holdt utenfor tallene: {shown}"
                  f"{' …' if len(unresolved) > 10 else ''}. Avgjør dem med samrev literature resolve "
                  "(--stage full_text for fulltekst).", highlight=False)
    awaiting = state["screening"]["awaiting_full_text"]
    if awaiting:
        shown = ", ".join(awaiting[:10]) + (" …" if len(awaiting) > 10 else "")
        err.print(f"{len(awaiting)} poster er inkludert på tittel og sammendrag og venter på fulltekstvurdering "
                  f"({shown}); rapporten lager ikke PRISMA-flyten før de er vurdert (samrev literature fulltext).",
                  highlight=False)
    set_aside = state["screening"]["set_aside"]
    if set_aside:
        shown = ", ".join(item["record_id"] for item in set_aside[:10]) + (" …" if len(set_aside) > 10 else "")
        err.print(f"{len(set_aside)} fulltekstbeslutninger gjelder poster som ikke er inkludert på tittel og "
                  f"sammendrag, og er holdt utenfor tallene: {shown}.", highlight=False)


@app.command("prisma")
def prisma(
    project: ProjectOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Utdata: table eller json.")] = OutputFormat.table,
) -> None:
    """Tallene for identifiseringen i PRISMA-flyten: poster per database, duplikater fjernet, igjen etter fjerning."""
    from samrev.cli._common import out, print_json
    from samrev.literature.service import identification

    _store()
    counts = identification(project)
    if fmt is OutputFormat.json:
        print_json(counts.to_dict())
        return
    for database, number in counts.per_database.items():
        out.print(f"{database}: {number} poster", highlight=False)
    out.print(f"Identifisert: {counts.identified}. Duplikater fjernet: {counts.duplicates_removed}. "
              f"Igjen til screening: {counts.after_dedup}.", highlight=False)
    if counts.skipped_on_import:
        out.print(f"Uleselige poster hoppet over ved import: {counts.skipped_on_import}.", highlight=False)

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
    records: Annotated[Path | None, typer.Argument(
        help="Inkluderte poster: JSON-liste, JSON lines eller en gjennomgangsfil (record_id, title, abstract, "
             "keywords, year, journal, language, affiliations). Uten fil: prosjektets inkluderte poster, "
             "og forslagene lagres.")] = None,
    project: ProjectOption = None,
) -> None:
    """Forslag til temaer (med polaritet og belegg) og studiekjennetegn for inkluderte poster, som JSON.
    Forslagene bekreftes eller rettes av en person."""
    import json

    from samrev.cli._common import print_json, progress_bar
    from samrev.core.errors import InputFormatError, InputNotFound
    from samrev.literature.coding import LiteratureCoder, LiteratureRecord

    if records is None:
        from samrev.literature.service import code_included

        _store()
        stored = code_included(project)
        coder_name = LiteratureCoder()
        print_json({"coder": f"{coder_name.name}@{coder_name.provenance_version}", "stored": True,
                    "records": [coding.to_dict() for coding in stored]})
        return

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
