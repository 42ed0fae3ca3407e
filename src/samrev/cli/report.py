"""`samrev report`: commands for this domain (help texts in bokmål).

Like every CLI module, only Typer at import time; the report libraries (Django, matplotlib,
WeasyPrint, python-docx) are imported inside the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help=(
        "Rapport: samlet rapport fra avtaler, spørreundersøkelse og litteratur (HTML, "
        "PDF, DOCX)."
    ),
    no_args_is_help=True,
)

DEFAULT_NAME = "avtalerapport"


@app.command("agreements")
def agreements(
    round_name: Annotated[str, typer.Option("--round", "-r", help="Rundens navn, f.eks. «Kartlegging 2026».")],
    format: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="html, pdf, docx eller json; gjenta for flere formater (standard: html)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Utfil (standard: avtalerapport.<format> i gjeldende mappe). Med flere "
                                            "formater brukes navnet uten endelse som stamme."),
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Dato alder regnes fra (ÅÅÅÅ-MM-DD; standard: i dag).")
    ] = None,
    health_trust: Annotated[
        list[str] | None, typer.Option("--health-trust", help="Helseforetak i dekningen (standard: dem i runden).")
    ] = None,
) -> None:
    """Rapport om samarbeidsavtalene i en runde: sammendrag, metode, dekning, nasjonale tall med
    figurer, gode eksempler med sitater og forbehold. Samme tall som «samrev agreements summary»."""
    from samrev.cli._common import err
    from samrev.cli.agreements_round import _store, _today

    formats = _formats(format)
    targets = _targets(formats, output)
    day = _today(today)
    _store()
    from samrev.report.service import agreement_report_for_round

    err.print(f"Bygger rapporten for runden «{round_name}» …")
    report = agreement_report_for_round(round_name, today=day, health_trusts=health_trust or None)
    _write(report, targets)


SURVEY_NAME = "undersokelsesrapport"


@app.command("survey")
def survey(
    responses: Annotated[str, typer.Argument(help="Eksportfilen: CSV/TXT, XLSX eller SPSS .sav.")],
    config: Annotated[str, typer.Option("--config", "-c", help="survey.yaml som beskriver kolonnene.")],
    frame: Annotated[
        str | None, typer.Option("--frame", help="Utvalgsrammen (CSV/XLSX): én rad per invitert enhet.")
    ] = None,
    format: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="html, pdf, docx, xlsx (alle tabeller) eller json; gjenta for flere "
                                            "formater (standard: html)."),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Mappe for filene (standard: gjeldende mappe).")
    ] = Path("."),
    name: Annotated[
        str, typer.Option("--name", help="Filnavn uten endelse (standard: undersokelsesrapport).")
    ] = SURVEY_NAME,
    title: Annotated[
        str | None, typer.Option("--title", help="Undersøkelsens navn på tittelsiden.")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Datoen rapporten oppgir (ÅÅÅÅ-MM-DD; standard: i dag).")
    ] = None,
) -> None:
    """Rapport om en spørreundersøkelse: svarprosent med Wilson-intervall, divergerende søylediagram for
    påstandene per gruppe, gruppeforskjeller i ord med tallene, de vanligste temaene i de åpne svarene med
    (pseudonymiserte) sitater, temaer ingen nevner, og forbehold. Samme tall som «samrev survey analyse»."""
    from samrev.cli._common import err
    from samrev.cli.agreements_round import _today

    formats = _formats(format)
    targets = {fmt: out_dir / f"{name}.{fmt}" for fmt in formats}
    day = _today(today)
    from samrev.report.service import survey_report_for_files

    err.print(f"Analyserer {responses} …")
    report = survey_report_for_files(responses, config, frame, today=day, name=title or "")
    _write(report, targets)


def _formats(format: list[str] | None) -> list[str]:
    from samrev.core import components
    from samrev.core.errors import InputError

    formats = list(dict.fromkeys(format or ["html"]))
    valid = components.names("report_format")
    unknown = [name for name in formats if name not in valid]
    if unknown:
        raise InputError(detail=f"ukjent format «{unknown[0]}» (bruk {', '.join(valid)})")
    return formats


def _write(report: Any, targets: dict[str, Path]) -> None:
    """Render ``report`` in each format and write it to its target."""
    from samrev.cli._common import err, out
    from samrev.core import components

    for name, target in targets.items():
        renderer = components.create("report_format", name)
        err.print(f"Skriver {name.upper()} …")
        data = renderer.render(report)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        out.print(f"Skrev {target}")


def _targets(formats: list[str], output: str | None, default_name: str = DEFAULT_NAME) -> dict[str, Path]:
    if output is None:
        return {name: Path(f"{default_name}.{name}") for name in formats}
    path = Path(output)
    if len(formats) == 1:
        return {formats[0]: path}
    stem = path.with_suffix("") if path.suffix.lstrip(".") in formats else path
    return {name: stem.with_name(f"{stem.name}.{name}") for name in formats}


@app.command("literature")
def literature(
    state: Annotated[Path, typer.Argument(help="Gjennomgangsfilen (JSON, se docs/literature.md).")],
    format: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="html, pdf, docx eller json; gjenta for flere formater (standard: html)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Utfil (standard: litteraturrapport.<format> i gjeldende mappe). Med flere "
                                            "formater brukes navnet uten endelse som stamme."),
    ] = None,
    rows: Annotated[str, typer.Option("--rows", help="Radene i kunnskapskartet: theme, setting, country, design, "
                                                     "population, period eller lms_explicit.")] = "theme",
    columns: Annotated[str, typer.Option("--columns", help="Kolonnene i kunnskapskartet (samme valg).")] = "setting",
    figures_dir: Annotated[
        Path | None,
        typer.Option("--figures", help="Mappe der flytdiagrammet og kunnskapskartet også lagres som SVG og PNG."),
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Datoen rapporten gjelder (ÅÅÅÅ-MM-DD; standard: i dag).")
    ] = None,
) -> None:
    """Rapport om litteraturgjennomgangen: PRISMA-flytdiagram, kjennetegn ved studiene, kunnskapskart med
    tomme og tynne celler, ubalanse i ord, temaer med sitater og forbehold. Tallene regnes fra gjennomgangsfilen."""
    from samrev.cli._common import err, out
    from samrev.cli.agreements_round import _today
    from samrev.core import components
    from samrev.core.errors import InputError
    from samrev.literature.gapmap import DIMENSIONS

    formats = list(dict.fromkeys(format or ["html"]))
    valid = components.names("report_format")
    unknown = [name for name in formats if name not in valid]
    if unknown:
        raise InputError(detail=f"ukjent format «{unknown[0]}» (bruk {', '.join(valid)})")
    for option, value in (("--rows", rows), ("--columns", columns)):
        if value not in DIMENSIONS:
            raise InputError(detail=f"{option} «{value}» finnes ikke (bruk {', '.join(DIMENSIONS)})")
    if rows == columns:
        raise InputError(detail="--rows og --columns må være to ulike kjennetegn")
    targets = _targets(formats, output, "litteraturrapport")
    day = _today(today)
    from samrev import __version__
    from samrev.literature.review_state import load_review_state
    from samrev.report.literature import build_literature_report

    err.print(f"Leser {state} og bygger rapporten …")
    report = build_literature_report(load_review_state(state), today=day, rows=rows, columns=columns,
                                     version=__version__)
    for name in formats:
        renderer = components.create("report_format", name)
        err.print(f"Skriver {name.upper()} …")
        data = renderer.render(report)
        targets[name].parent.mkdir(parents=True, exist_ok=True)
        targets[name].write_bytes(data)
        out.print(f"Skrev {targets[name]}")
    if figures_dir is not None:
        from samrev.report import figures

        figures_dir.mkdir(parents=True, exist_ok=True)
        for figure in report.document.figures():
            svg_path = figures_dir / f"{figure.id}.svg"
            svg_path.write_text(figures.standalone_svg(figure.chart), encoding="utf-8")
            png_path = figures_dir / f"{figure.id}.png"
            png_path.write_bytes(figures.png(figure.chart))
            out.print(f"Skrev {svg_path} og {png_path}")
