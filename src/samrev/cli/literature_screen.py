"""`samrev literature screen|conflicts|resolve`: screening by people, with the model's help
(``conflicts`` and ``resolve`` at either stage; the full-text commands are in
:mod:`samrev.cli.literature_fulltext`).

Registered on :data:`samrev.cli.literature.app` (imported by :mod:`samrev.cli.app`).  Like every
CLI module, only Typer at import time.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samrev.cli.literature import app

if TYPE_CHECKING:
    from samrev.literature.dual import DualReport

ProjectOption = Annotated[
    str, typer.Option("--project", "-p", help="Prosjektet screeningen hører til (kortnavn).")
]
DEFAULT_PROJECT = "litteratur"


class Order(StrEnum):
    most_likely = "most_likely"
    least_certain = "least_certain"


class ConflictFormat(StrEnum):
    table = "table"
    json = "json"


class Stage(StrEnum):
    title_abstract = "title_abstract"
    full_text = "full_text"


StageOption = Annotated[
    Stage, typer.Option("--stage", help="Trinnet: title_abstract (tittel og sammendrag) eller full_text (fulltekst).")
]
_STAGE_NB = {"title_abstract": "tittel og sammendrag", "full_text": "fulltekst"}


def _store() -> None:
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()


class _StoreRecorder:
    """Stores each decision at once (its own transaction)."""

    def __init__(self, project: str, screener: str) -> None:
        self.project = project
        self.screener = screener

    def decide(self, record_id: str, value: str) -> None:
        from samrev.literature.decisions import record_decision

        record_decision(self.project, record_id, self.screener, value)

    def withdraw(self, record_id: str) -> None:
        from samrev.literature.decisions import withdraw_decision

        withdraw_decision(self.project, record_id, self.screener)


@app.command("screen")
def screen(
    screener: Annotated[str, typer.Option("--screener", "-s", help="Hvem som screener (ett ord, f.eks. kari).")],
    source: Annotated[
        Path | None,
        typer.Argument(help="Postene: CSV med record_id, title, abstract (valgfritt keywords). Uten fil screenes "
                       "prosjektets importerte poster etter duplikatfjerning."),
    ] = None,
    project: ProjectOption = DEFAULT_PROJECT,
    order: Annotated[
        Order, typer.Option("--order", help="most_likely: mest sannsynlig relevante først; least_certain: mest usikre.")
    ] = Order.most_likely,
    terms: Annotated[
        Path | None, typer.Option("--terms", help="YAML med include:/exclude:-lister av termer som utheves.")
    ] = None,
    model: Annotated[str, typer.Option("--model", help="Screeningmodell (standard nb_svm).")] = "",
    recall_target: Annotated[
        float, typer.Option("--recall-target", min=0.5, max=1.0, help="Stoppregelens mål for andel funnet.")
    ] = 0.95,
    run_length: Annotated[
        int | None, typer.Option("--run-length", min=1, help="Tommelfingerregel: stopp etter N irrelevante på rad "
                                 "(standard 2 % av postene, minst 50).")
    ] = None,
    no_estimate: Annotated[bool, typer.Option("--no-estimate", help="Ikke vis modellens anslag (raskere).")] = False,
) -> None:
    """Screen titler og sammendrag i terminalen, med modellen trent på nytt etter hver beslutning.

    Uten fil screenes postene `samrev literature import` har lagret i prosjektet (én per verk etter
    `samrev literature dedup`).
    Taster: i = inkluder, e = ekskluder, u = usikker/hopp over, b = angre siste, q = avslutt.
    Hver beslutning lagres straks med navn og tid; kjør kommandoen igjen for å fortsette.
    """
    from samrev.cli._common import err, out
    from samrev.cli.screener import run_screener, terminal_keys
    from samrev.literature.records import CsvRecordSource, RecordSource
    from samrev.literature.screening import ScreeningSession
    from samrev.literature.terms import load_terms

    term_lists = load_terms(terms)
    records_source: RecordSource
    if source is not None:
        records_source = CsvRecordSource(source)
        records = records_source.records()
        _store()
    else:
        _store()
        from samrev.literature.service import StoreRecordSource

        records_source = StoreRecordSource(project)
        records = records_source.records()
    from samrev.literature import decisions as store

    store.ensure_project(project)
    store.register_source(project, label=records_source.label, key=records_source.key,
                          path=str(source.resolve()) if source is not None else "", records=len(records),
                          actor=screener)
    known = {record.record_id for record in records}
    standing = store.current_decisions(project, screener)
    missing = [rid for rid, _ in standing if rid not in known]
    if missing:
        err.print(f"{len(missing)} tidligere beslutninger gjelder poster som ikke er i {records_source.label}; "
                  "de blir stående, men vises ikke.")
    session = ScreeningSession(
        records,
        decisions=[(rid, value) for rid, value in standing if rid in known],
        model_name=model,
        strategy=order.value,
        prior_scores=[term_lists.score(record.text()) for record in records],
        recall_target=recall_target,
        run_length=run_length,
    )
    if standing:
        out.print(f"Fortsetter: {session.screened} poster har allerede en beslutning fra {screener}.")
    result = run_screener(session, _StoreRecorder(project, screener), terminal_keys(), out, term_lists,
                          show_estimate=not no_estimate)
    stopping = result.stopping
    out.print(f"Lagret {result.decided} beslutninger ({result.undone} angret) for {screener} i prosjektet «{project}».")
    if stopping is not None:
        out.print(f"Totalt: {stopping.screened} av {stopping.n_records} screenet, {stopping.included} inkludert. "
                  f"{stopping.statistical_text()}")


def _titles(project: str, source: Path | None) -> dict[str, str]:
    """Titles from ``source``, else from the latest source registered for the project (if readable),
    else from the project's imported records."""
    from samrev.core.errors import InputError
    from samrev.literature.decisions import registered_sources
    from samrev.literature.records import read_records_csv
    from samrev.store import literature as lit_store

    candidates = [source] if source else [Path(entry["path"]) for entry in registered_sources(project)
                                          if entry.get("path")]
    for path in candidates:
        try:
            records, _ = read_records_csv(path)
        except InputError:
            if source:
                raise
            continue
        return {record.record_id: record.title for record in records}
    project_row = lit_store.project_for(project)
    return {lit_store.record_key(row): row.title for row in lit_store.records(project_row)}


def _report(project: str, names: list[str] | None, source: Path | None, stage: str = "title_abstract",
            ) -> DualReport:
    from samrev.core.errors import InputError
    from samrev.literature import decisions as store
    from samrev.literature.dual import CATEGORIES, FULL_TEXT_CATEGORIES, compare

    found = store.screeners(project, stage=stage)
    where = f"i prosjektet «{project}» ({_STAGE_NB[stage]})"
    if names:
        if len(names) != 2:
            raise InputError(detail="oppgi nøyaktig to screenere med --screener")
        unknown = [name for name in names if name not in found]
        if unknown:
            raise InputError(detail=f"{', '.join(unknown)} har ingen beslutninger {where} "
                                    f"(screenere: {', '.join(found) or 'ingen'})")
        first, second = names
    else:
        if len(found) != 2:
            raise InputError(detail=f"{len(found)} screenere {where} ({', '.join(found) or 'ingen'}); "
                                    "velg to med --screener A --screener B")
        first, second = found
    finals = {rid: (str(d.value), d.screener) for rid, d in store.final_decisions(project, stage=stage).items()}
    standing = {name: store.standing(store.history(project, name, stage=stage)) for name in (first, second)}
    full_text = stage == "full_text"
    return compare(
        first, {d.record_id: str(d.value) for d in standing[first]},
        second, {d.record_id: str(d.value) for d in standing[second]},
        finals=finals, titles=_titles(project, source),
        categories=FULL_TEXT_CATEGORIES if full_text else CATEGORIES,
        reasons=({d.record_id: d.note for d in standing[first]}, {d.record_id: d.note for d in standing[second]})
        if full_text else None,
    )


@app.command("conflicts")
def conflicts(
    project: ProjectOption = DEFAULT_PROJECT,
    screener: Annotated[
        list[str] | None,
        typer.Option("--screener", "-s", help="To screenere å sammenligne (standard: de to som finnes)."),
    ] = None,
    source: Annotated[
        Path | None, typer.Option("--source", help="CSV med titlene (standard: siste kilde brukt).")
    ] = None,
    fmt: Annotated[ConflictFormat, typer.Option("--format", "-f", help="Utdata: table eller json.")] = (
        ConflictFormat.table
    ),
    stage: StageOption = Stage.title_abstract,
) -> None:
    """Vis poster to screenere er uenige om, med Cohens κ og samsvarstabellen.

    Med --stage full_text gjelder det fulltekstvurderingen: κ over inkluder, ekskluder og ikke
    innhentet, og to eksklusjoner med ulik grunn er også en uenighet.
    """
    from samrev.cli._common import print_json

    _store()
    report = _report(project, screener, source, stage.value)
    if fmt is ConflictFormat.json:
        print_json({"project": project, "stage": stage.value, **report.to_dict()})
        return
    _print_report(report, stage.value)


_VALUE_NB = {"include": "inkluder", "exclude": "ekskluder", "uncertain": "usikker", "not_retrieved": "ikke innhentet"}


def _value_text(value: str, reason: str = "") -> str:
    text = _VALUE_NB.get(value, value)
    return f"{text} ({reason})" if value == "exclude" and reason else text


def _print_report(report: DualReport, stage: str = "title_abstract") -> None:
    from rich.table import Table

    from samrev.cli._common import out
    from samrev.report.format import number, percent

    agreement = Table(title=f"Samsvar ({_STAGE_NB[stage]}): {report.first} (rader) og {report.second} (kolonner)")
    agreement.add_column("")
    for value in report.categories:
        agreement.add_column(_VALUE_NB[value], justify="right")
    for value in report.categories:
        agreement.add_row(_VALUE_NB[value], *(str(report.table[value][other]) for other in report.categories))
    out.print(agreement)
    kappa = "ikke definert" if report.kappa is None else number(report.kappa, 3)
    out.print(f"Begge har screenet {report.both} poster; enighet {percent(report.observed_agreement, 1)}, "
              f"Cohens κ = {kappa}. Bare {report.first}: {report.only_first}, bare {report.second}: "
              f"{report.only_second}.")
    table = Table(title=f"Uenigheter: {len(report.conflicts)} ({report.unresolved} uløst)")
    for column in ("Post", report.first, report.second, "Endelig", "Tittel"):
        table.add_column(column)
    for conflict in report.conflicts:
        final = "–" if conflict.final is None else f"{_VALUE_NB[conflict.final]} ({conflict.final_by})"
        table.add_row(conflict.record_id, _value_text(conflict.first, conflict.first_reason),
                      _value_text(conflict.second, conflict.second_reason), final, conflict.title[:80])
    out.print(table)


@app.command("resolve")
def resolve(
    record_id: Annotated[str, typer.Argument(help="Posten (record_id).")],
    value: Annotated[str, typer.Argument(help="Endelig beslutning: include eller exclude (i fulltekst også "
                                              "not-retrieved).")],
    by: Annotated[str, typer.Option("--by", help="Hvem som avgjør (ett ord).")],
    project: ProjectOption = DEFAULT_PROJECT,
    note: Annotated[str, typer.Option("--note", "--reason", help="Begrunnelse; ved eksklusjon i fulltekst er det "
                                                                 "eksklusjonsgrunnen (påkrevd: nummeret på en "
                                                                 "standardgrunn eller egen tekst).")] = "",
    stage: StageOption = Stage.title_abstract,
) -> None:
    """Avgjør en uenighet: en tredje beslutning lagres som den endelige, med navn og tid.

    Med --stage full_text avgjøres fulltekstvurderingen av en post som er inkludert på tittel og
    sammendrag.
    """
    from samrev.cli._common import out

    _store()
    from samrev.literature.decisions import resolve as store_resolve
    from samrev.literature.fulltext import parse_decision

    parsed = parse_decision(value)
    if stage is Stage.full_text:
        from samrev.literature.fulltext import FullTextStage

        full_text = FullTextStage(project)
        parsed, note, _new = full_text.normalise(record_id, parsed, note)
        known = full_text.included
    else:
        from samrev.literature.service import unique_records
        from samrev.store import literature as lit_store

        known = [lit_store.record_key(row) for row in unique_records(project)]
    decision = store_resolve(project, record_id, parsed, by, note, known_records=known, stage=stage.value)
    where = " i fulltekst" if stage is Stage.full_text else ""
    out.print(f"Post {record_id}: endelig {_value_text(parsed, note)}{where} ({by}, "
              f"{decision.at.astimezone().strftime('%Y-%m-%d %H:%M')}).", highlight=False)


@app.command("export-decisions")
def export_decisions(project: ProjectOption = DEFAULT_PROJECT) -> None:
    """Skriv screeningbeslutningene som JSON i formatet til gjennomgangsfilen (screening.decisions)."""
    from samrev.cli._common import print_json
    from samrev.literature.decisions import review_state_decisions

    _store()
    print_json({"screening": {"decisions": review_state_decisions(project)}})
