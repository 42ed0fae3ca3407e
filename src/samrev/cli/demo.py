"""`samrev demo`: run the whole chain on the bundled demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help=(
        "Demonstrasjon på medfølgende eksempeldata "
        "(syntetiske avtaler og åpne svar fra Helse Førde-regionen)."
    ),
    no_args_is_help=True,
)


@app.command("run")
def run(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Mappe for resultat.json (standard: SAMREV_HOME/demo)."),
    ] = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Ikke lagre vurderingene i databasen (hopper over runden).")
    ] = False,
    no_round: Annotated[
        bool, typer.Option("--no-round", help="Hopp over demorunden (40 avtaler, dekning og rapport).")
    ] = False,
    no_survey: Annotated[
        bool, typer.Option("--no-survey", help="Hopp over demoundersøkelsen (analyse, tabeller og rapport).")
    ] = False,
    no_literature: Annotated[
        bool, typer.Option("--no-literature", help="Hopp over demolitteraturen (import, duplikater, screening, "
                           "koding, kunnskapskart, PRISMA og rapport).")
    ] = False,
) -> None:
    """Kjør demoen: språk, parter og temaer for avtalene og de åpne svarene, lagret med belegg."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    from samrev.cli._common import out
    from samrev.core.settings import samrev_home
    from samrev.demo.run import load_texts, run_demo

    target = output or samrev_home() / "demo"
    total = len(load_texts())
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), transient=True) as bar:
        task = bar.add_task("Analyserer", total=total)

        def step(key: str) -> None:
            bar.update(task, advance=1, description=f"Analyserer {key}")

        result = run_demo(target, step, store=not no_store)

    docs = Table(title="Avtaler", show_lines=False)
    for column in ("Fil", "Språk", "Type", "Helseforetak", "Kommuner", "Signatur", "LMS", "Bruker", "Forpliktelse",
                   "Temaer"):
        docs.add_column(column, overflow="fold")
    answers = Table(title="Åpne svar")
    for column in ("Svar", "Gruppe", "Språk", "Temaer (polaritet)"):
        answers.add_column(column)
    for item in result.items:
        themes = [j for j in item.judgements if j.subject.startswith("theme:")]
        if item.text.kind == "document":
            municipalities = ", ".join(item.value("municipalities") or [])
            docs.add_row(item.text.key.split("/")[-1], str(item.value("language")), str(item.value("kind")),
                         str(item.value("health_trust") or "–"), municipalities, str(item.value("signature")),
                         str(item.value("lms_level")), str(item.value("user_participation_level")),
                         str(item.value("commitment")), ", ".join(j.subject[6:] for j in themes))
        else:
            answers.add_row(item.text.key, item.text.group, str(item.value("language")),
                            ", ".join(f"{j.subject[6:]} ({j.value or '?'})" for j in themes))
    out.print(docs)
    out.print(answers)
    absent = result.absent_themes["alle_kilder"]
    out.print(f"Temaer ingen kilde nevner: {', '.join(absent) if absent else 'ingen'}")
    c = result.checks
    n_language = c["language"]["right"] + c["language"]["wrong"]
    n_parties = c["parties"]["right"] + c["parties"]["wrong"]
    out.print(
        f"Kontroll mot etikettene: språk {c['language']['right']}/{n_language}, "
        f"parter {c['parties']['right']}/{n_parties}, "
        f"temaer funnet {c['themes']['found']}, bommet {c['themes']['missed']}, ekstra {c['themes']['extra']}"
    )
    if result.stored:
        s = result.stored
        out.print(f"Lagret: {s['documents_new']} nye dokumenter, {s['judgements_new']} nye vurderinger "
                  f"(i alt {s['documents_total']} dokumenter, {s['judgements_total']} vurderinger).")
    out.print(f"Resultat: {target / 'resultat.json'}")

    if not no_survey:
        _run_survey(target)
    if no_store:
        return
    if not no_round:
        _run_round(target)
    if not no_literature:
        _run_literature(target)


def _run_survey(target: Path) -> None:
    """The demo survey: analysed, its tables and its report written (no store needed)."""
    from datetime import UTC, datetime

    from rich.progress import Progress, SpinnerColumn, TextColumn

    from samrev.cli._common import err, out
    from samrev.demo.survey import NAME, run_survey_demo
    from samrev.report.format import percent, percent_range

    folder = target / "undersokelse"
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True, console=err) as bar:
        task = bar.add_task("Demoundersøkelsen", total=None)

        def step(text: str) -> None:
            bar.update(task, description=f"Demoundersøkelsen: {text}")

        result = run_survey_demo(folder, datetime.now(tz=UTC).date(), step)
    a = result.analysis
    out.print(f"\n[bold]{NAME}[/]: {a['n_responses']} svar analysert av {a['input']['rows']} rader, "
              f"{len(a['rejected_rows'])} holdt utenfor.", markup=True)
    rates = []
    for group, rate in a["response_rates"].items():
        if rate["rate"] is not None:
            low, high = rate["ci95"]
            name = "alle" if group == "total" else group
            rates.append(f"{name} {rate['responded']}/{rate['invited']} = {percent(rate['rate'])} "
                         f"(95 % KI {percent_range(low, high)})")
    out.print("Svarprosent: " + "; ".join(rates))
    verdicts = sum(1 for item in a["likert"].values() for c in item["comparisons"] if c["higher_group"])
    tested = sum(1 for item in a["likert"].values() for c in item["comparisons"] if c["tested"])
    out.print(f"Gruppeforskjeller som holder etter Holm-korreksjon: {verdicts} av {tested} testede par.")
    out.print("Temaer ingen åpne svar nevner: " + (", ".join(a["absent_themes"]["all"]) or "ingen"))
    replaced = ", ".join(f"{kind} {count}" for kind, count in a["pseudonymisation"].items() if count)
    out.print(f"Pseudonymisert: {replaced or 'ingenting'}. Forbehold: {len(a['caveats'])} "
              f"({', '.join(sorted({c['code'] for c in a['caveats']}))}).")
    out.print(f"Skrevet til {folder}: " + ", ".join(str(p.relative_to(folder)) for p in result.files))


def _run_round(target: Path) -> None:
    """The demo round: 40 agreements imported, summarised, checked against labels and reported."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from samrev.cli._common import err, out
    from samrev.demo.round import ROUND, run_round_demo

    folder = target / "runde"
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), transient=True,
                  console=err) as bar:
        task = bar.add_task("Demorunden: lager filene", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Demorunden: {Path(name).name}")

        result = run_round_demo(folder, step)
    summary = result.summary
    signed = summary["signature"]
    interval = signed["share_signed_ci95"] or [0, 0]
    lms = summary["lms_level"]
    out.print(f"\n[bold]Demorunden «{ROUND}»[/]: {result.files} filer, {result.failed} kunne ikke leses.",
              markup=True)
    from samrev.report.format import percent, percent_range

    out.print(f"Signert: {signed['signed']} av {summary['n_assessed']} ({percent(signed['share_signed'])}, "
              f"95 % KI {percent_range(*interval)}). LMS-nivå 0/1/2/3: "
              f"{lms['0']}/{lms['1']}/{lms['2']}/{lms['3']}. Gode eksempler: {len(summary['good_examples'])}.")
    out.print("Kommuner uten avtale: " + (", ".join(result.missing_municipalities) or "ingen"))
    accuracy = ", ".join(f"{name} {value:.2f}" for name, value in result.accuracy.items()
                         if value is not None and name in ("signature", "lms_level", "user_participation_level",
                                                           "commitment", "kind", "statutory_points_f1"))
    out.print(f"Treffsikkerhet mot etikettene: {accuracy}")
    out.print(f"Skrevet til {folder}: oppsummering.json, dekning.json, dekning.xlsx, treffsikkerhet.json"
              + (", " + ", ".join(str(p.relative_to(folder)) for p in result.reports) if result.reports else ""))


def _run_literature(target: Path) -> None:
    """The demo literature review: two overlapping exports through import, de-duplication, simulated
    screening with the stopping rule, full text, coding, gap map, PRISMA and the report."""
    from datetime import UTC, datetime

    from rich.progress import Progress, SpinnerColumn, TextColumn

    from samrev.cli._common import err, out
    from samrev.demo.literature import TITLE, run_literature_demo
    from samrev.report.format import number, percent

    folder = target / "litteratur"
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True, console=err) as bar:
        task = bar.add_task("Demolitteraturen", total=None)

        def step(text: str) -> None:
            bar.update(task, description=f"Demolitteraturen: {text}")

        result = run_literature_demo(folder, datetime.now(tz=UTC).date(), step)
    s = result.summary
    ident, dedup, screening, prisma = s["identification"], s["deduplication"], s["screening"], s["prisma"]
    per_database = ", ".join(f"{name} {count}" for name, count in ident["per_database"].items())
    out.print(f"\n[bold]{TITLE}[/]: {ident['identified']} poster lest inn ({per_database}).", markup=True)
    out.print(f"Duplikater fjernet: {dedup['duplicates_removed']} (fasiten har {dedup['duplicates_in_answer_key']}; "
              f"grupper som blander ulike verk: {dedup['groups_joining_different_works']}); "
              f"{dedup['unique']} unike poster.")
    stop = (f"stoppregelen (minst 95 % funnet, p = {number(screening['p_value'], 3)})"
            if screening["stopped_by_statistical_rule"] else "alle poster screenet")
    timing = (f", median {screening['seconds_per_decision_median'] * 1000:.0f} ms per beslutning"
              if screening["seconds_per_decision_median"] is not None else "")
    out.print(f"Screening med modellen: {screening['screened']} av {screening['records']} screenet før {stop}; "
              f"{screening['included']} av {screening['relevant_in_answer_key']} relevante funnet "
              f"(andel funnet {percent(screening['recall'] or 0)}, spart {percent(screening['work_saved'])}{timing}).")
    out.print(f"PRISMA: screenet {prisma['records_screened']}, ekskludert {prisma['records_excluded']}, fulltekst "
              f"vurdert {prisma['reports_assessed']} (ikke innhentet {prisma['reports_not_retrieved']}), "
              f"ekskludert {prisma['reports_excluded_total']}, inkludert {prisma['studies_included']}; "
              f"{prisma['automation_removed']} ikke screenet etter stoppregelen.")
    gap = s["gap_map"]
    out.print(f"Kunnskapskart ({gap['rows']} × {gap['columns']}): {gap['empty_cells']} tomme og "
              f"{gap['thin_cells']} tynne celler. {s['coded']} inkluderte studier kodet (maskinforslag).")
    out.print(f"Skrevet til {folder} på {s['seconds']} s: " + ", ".join(str(p.relative_to(folder)) for p in result.files
                                                                       if p.suffix != ".png"))
