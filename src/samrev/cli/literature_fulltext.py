"""`samrev literature fulltext|import-fulltext`: the full-text stage (which records wait, one decision
at a time, a table of decisions in bulk).

Registered on :data:`samrev.cli.literature.app` (imported by :mod:`samrev.cli.app`).  Like every
CLI module, only Typer at import time.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samrev.cli.literature import app
from samrev.cli.literature_screen import DEFAULT_PROJECT, ProjectOption

if TYPE_CHECKING:
    from samrev.literature.fulltext import Candidate, FullTextStage


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ImportFormat(StrEnum):
    table = "table"
    json = "json"


def _store() -> None:
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()


@app.command("fulltext")
def fulltext(
    project: ProjectOption = DEFAULT_PROJECT,
    record: Annotated[
        str | None, typer.Option("--record", "-r", help="Posten (record_id) som har fått en fulltekstbeslutning.")
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option("--decision", "-d", help="include, exclude eller not-retrieved (også inkluder, ekskluder, "
                                              "ikke innhentet)."),
    ] = None,
    reason: Annotated[
        str, typer.Option("--reason", help="Eksklusjonsgrunnen (påkrevd ved exclude): nummeret på en standardgrunn "
                                           "eller egen tekst.")
    ] = "",
    screener: Annotated[
        str | None,
        typer.Option("--screener", "-s", help="Hvem som vurderte fullteksten (ett ord). Uten --record: vis postene "
                                              "denne screeneren ikke har vurdert."),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Vis også postene som er avgjort.")] = False,
    source: Annotated[
        Path | None, typer.Option("--source", help="CSV med titlene (standard: siste kilde brukt).")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Utdata: table, json eller csv (et skjema som "
                                                                   "import-fulltext leser).")] = ListFormat.table,
) -> None:
    """Fulltekstvurderingen: vis postene som venter, eller lagre én beslutning med --record.

    Postene som venter er de som er inkludert på tittel og sammendrag (alle screenere enige, eller
    avgjort med `samrev literature resolve`). En beslutning lagres med screener og tid:

    samrev literature fulltext --record 17 --decision exclude --reason 1 --screener kari

    Eksklusjon krever en grunn (nummeret på en standardgrunn eller egen tekst). En post som ikke er
    inkludert på tittel og sammendrag, avvises. Dobbel vurdering: hver screener lagrer sin; se
    uenigheter med `conflicts --stage full_text` og avgjør dem med `resolve --stage full_text`.
    """
    from samrev.core.errors import InputError

    if record is None:
        stray = [name for name, value in (("--decision", decision), ("--reason", reason)) if value]
        if stray:
            raise InputError(detail=f"{' og '.join(stray)} gjelder én post: oppgi den med --record")
    else:
        missing = [name for name, value in (("--decision", decision), ("--screener", screener)) if not value]
        if missing:
            raise InputError(detail=f"en fulltekstbeslutning trenger {' og '.join(missing)} (posten «{record}»)")
    _store()
    from samrev.cli.literature_screen import _titles
    from samrev.literature.fulltext import FullTextStage

    if record is not None:
        _decide(FullTextStage(project), record, str(decision), reason, str(screener))
        return
    stage = FullTextStage(project, _titles(project, source) if source is not None else None)
    if not stage.titles:
        stage.titles = _titles(project, None)
    _list(stage, screener, show_all, fmt)


def _decide(stage: FullTextStage, record: str, decision: str, reason: str, screener: str) -> None:
    from samrev.cli._common import err, out
    from samrev.literature.fulltext import label, numbered_reasons

    outcome = stage.decide(record, screener, decision, reason)
    when = outcome.decision.at.astimezone().strftime("%Y-%m-%d %H:%M")
    if outcome.changed:
        out.print(f"Post {record}: {label(outcome.decision)} i fulltekst, lagret for {screener} ({when}).",
                  highlight=False)
    else:
        out.print(f"Post {record}: {label(outcome.decision)} i fulltekst står allerede for {screener} ({when}); "
                  "ingen endring.", highlight=False)
    if outcome.new_reason:
        err.print(f"Ny eksklusjonsgrunn «{outcome.reason}» (ikke en standardgrunn og ikke brukt før i prosjektet; "
                  f"sjekk stavemåten). Standardgrunnene: {numbered_reasons()}.", highlight=False)


def _state_text(candidate: Candidate) -> str:
    from samrev.literature.fulltext import label

    status = candidate.status
    if status.final is not None:
        return f"endelig {label(status.final)} ({status.final.screener})"
    if not status.decided:
        return "venter"
    text = "; ".join(f"{d.screener}: {label(d)}" for d in status.decided)
    return f"uenighet – {text}" if status.conflict else text


def _list(stage: FullTextStage, screener: str | None, show_all: bool, fmt: ListFormat) -> None:
    from samrev.cli._common import out, print_json
    from samrev.literature.fulltext import EXCLUSION_REASONS, waiting_for

    candidates = stage.candidates()
    shown = candidates if show_all else waiting_for(candidates, screener)
    counts = stage.counts()
    if fmt is ListFormat.json:
        print_json({"project": stage.project, "screener": screener, "counts": counts,
                    "records": [candidate.to_dict() for candidate in shown],
                    "reasons": {"standard": list(EXCLUSION_REASONS), "used": stage.used_reasons()}})
        return
    if fmt is ListFormat.csv:
        import csv
        import sys

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["record_id", "title", "decision", "reason", "screener"])
        for candidate in shown:
            mine = next((d for d in candidate.status.decided if d.screener == screener), None) if screener else None
            writer.writerow([candidate.record_id, candidate.title, mine.value if mine else "",
                             mine.note if mine else "", screener or ""])
        return
    from rich.table import Table

    who = f" for {screener}" if screener else ""
    table = Table(title=f"Fulltekst i «{stage.project}»: {len(shown)} poster{' (alle)' if show_all else who}")
    for column in ("Post", "Tittel", "Fulltekst"):
        table.add_column(column)
    for candidate in shown:
        table.add_row(candidate.record_id, candidate.title[:90], _state_text(candidate))
    if shown:
        out.print(table)
    out.print(f"Inkludert på tittel og sammendrag: {counts['included_title_abstract']}. Fulltekst: "
              f"{counts['include']} inkludert, {counts['exclude']} ekskludert, {counts['not_retrieved']} ikke "
              f"innhentet; {counts['awaiting']} venter, {counts['conflict']} uenigheter.", highlight=False)
    if counts["title_abstract_unresolved"]:
        out.print(f"{counts['title_abstract_unresolved']} poster har en uløst uenighet på tittel og sammendrag og "
                  "venter ikke før den er avgjort (samrev literature conflicts).", highlight=False)
    out.print("Eksklusjonsgrunner (--reason NUMMER eller egen tekst): "
              + "; ".join(f"{n} {text}" for n, text in enumerate(EXCLUSION_REASONS, 1)) + ".", highlight=False)
    used = [f"{text} ({n})" for text, n in stage.used_reasons().items() if text not in EXCLUSION_REASONS]
    if used:
        out.print(f"Egne grunner brukt i prosjektet: {'; '.join(used)}.", highlight=False)


@app.command("import-fulltext")
def import_fulltext(
    file: Annotated[Path, typer.Argument(help="CSV- eller XLSX-fil med kolonnene record_id, decision, reason og "
                                               "screener (også norske overskrifter: post, beslutning, grunn, "
                                               "vurdert av).")],
    project: ProjectOption = DEFAULT_PROJECT,
    screener: Annotated[
        str, typer.Option("--screener", "-s", help="Screeneren for rader uten en (standard: kolonnen screener).")
    ] = "",
    fmt: Annotated[ImportFormat, typer.Option("--format", "-f", help="Utdata: table eller json.")] = (
        ImportFormat.table
    ),
) -> None:
    """Les inn fulltekstbeslutninger fra en tabell (CSV eller XLSX), én rad per post og screener.

    Beslutningen er include, exclude eller not-retrieved (også inkluder, ekskluder, ikke innhentet);
    eksklusjon krever en grunn (nummeret på en standardgrunn eller egen tekst). Rader uten beslutning
    hoppes over, så skjemaet fra `fulltext --format csv` kan fylles ut og leses inn. En rad som ikke
    kan brukes, meldes med linjenummer; resten lagres. Samme fil to ganger endrer ingenting.
    """
    from samrev.cli._common import err, out, print_json

    _store()
    from samrev.literature.fulltext import import_decisions

    result = import_decisions(project, file, screener=screener)
    for error in result.errors:
        where = f"linje {error['line']}" + (f", post {error['record_id']}" if error["record_id"] else "")
        err.print(f"[yellow]{file}[/] ({where}): {error['message']}", markup=True, highlight=False)
    if fmt is ImportFormat.json:
        print_json({"project": project, **result.to_dict()})
    else:
        out.print(f"{file}: {len(result.stored)} beslutninger lagret, {result.unchanged} uendret, "
                  f"{len(result.errors)} med feil" + (f", {result.blank} uten beslutning" if result.blank else "")
                  + ".", highlight=False)
        if result.new_reasons:
            out.print(f"Nye eksklusjonsgrunner (sjekk stavemåten): {'; '.join(result.new_reasons)}.",
                      highlight=False)
    if result.errors and not (result.stored or result.unchanged):
        raise typer.Exit(1)
