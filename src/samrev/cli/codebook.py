"""`samrev codebook`: Kodeboken: felles temaer for avtaler, åpne svar og litteratur.

Commands: ``show``, ``validate``, ``reliability`` and ``code``.  Only Typer is imported at
module level; the codebook, the coder and scikit-learn are imported inside the commands.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from samrev.coding.codebook import Codebook
    from samrev.coding.reliability import ReliabilityReport

app = typer.Typer(
    help="Kodeboken: felles temaer for avtaler, åpne svar og litteratur; validering og reliabilitet.",
    no_args_is_help=True,
)


class Lang(StrEnum):
    nb = "nb"
    nn = "nn"
    en = "en"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


class Format(StrEnum):
    table = "table"
    json = "json"


CodebookOption = Annotated[
    Path | None,
    typer.Option("--codebook", "-c", help="Egen kodebok (YAML). Standard: den medfølgende kodeboken."),
]


def _load(path: Path | None) -> Codebook:
    from samrev.coding.codebook import load_codebook

    return load_codebook(path)


@app.command("show")
def show(
    codebook: CodebookOption = None,
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Språk for etikettene: nb, nn eller en.")
    ] = Lang.nb,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Utdata: table, json eller yaml.")] = (
        ShowFormat.table
    ),
) -> None:
    """Vis temaene i kodeboken: id, etikett, beskrivelse og antall søkeord."""
    from samrev.cli._common import out, print_json

    book = _load(codebook)
    if fmt is ShowFormat.json:
        print_json({**book.to_dict(), "source": book.source})
        return
    if fmt is ShowFormat.yaml:
        import yaml

        typer.echo(yaml.safe_dump(book.to_dict(), allow_unicode=True, sort_keys=False, width=100), nl=False)
        return

    from rich.table import Table

    table = Table(title=f"{book.name} {book.version} ({book.source})", show_lines=False)
    table.add_column("Id", style="bold", no_wrap=True)
    table.add_column("Etikett")
    table.add_column("Beskrivelse")
    table.add_column("Søkeord\nnb/nn/en", justify="right", no_wrap=True)
    for theme in book.themes:
        counts = "/".join(str(len(theme.terms.get(code, ()))) for code in ("nb", "nn", "en"))
        marker = "" if theme.is_fixed else " [dim](eget)[/]"
        table.add_row(theme.id + marker, theme.label(lang.value), theme.description, counts)
    out.print(table)
    polarities = Table(title="Polariteter")
    polarities.add_column("Id", style="bold", no_wrap=True)
    polarities.add_column("Etikett")
    polarities.add_column("Beskrivelse")
    polarities.add_column("Markører\nnb/nn/en", justify="right", no_wrap=True)
    for polarity in book.polarities:
        counts = "/".join(str(len(polarity.cues.get(code, ()))) for code in ("nb", "nn", "en"))
        polarities.add_row(polarity.id, polarity.label(lang.value), polarity.description, counts)
    out.print(polarities)


@app.command("validate")
def validate(
    file: Annotated[Path | None, typer.Argument(help="Kodebok (YAML). Standard: den medfølgende.")] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict/--no-strict", help="Mangler et fast tema: feil (standard) eller advarsel."),
    ] = True,
) -> None:
    """Sjekk en kodebok. Avslutter med 0 når den er gyldig, 2 når den har feil."""
    from samrev.cli._common import out
    from samrev.coding.codebook import check_codebook, codebook_from_data, read_codebook_data

    source, problems = check_codebook(file, strict=strict)
    errors = [problem for problem in problems if problem.is_error]
    for problem in problems:
        style, word = ("red", "Feil") if problem.is_error else ("yellow", "Advarsel")
        out.print(f"[{style}]{word}[/]: {problem}", markup=True, highlight=False)
    if errors:
        out.print(f"Kodeboken «{source}» er ugyldig: {len(errors)} feil.")
        raise typer.Exit(2)
    data, _ = read_codebook_data(file)
    book = codebook_from_data(data, source=source, strict=strict)
    terms = sum(len(theme.all_terms) for theme in book.themes)
    out.print(
        f"Kodeboken «{source}» er gyldig: {len(book.themes)} temaer, {len(book.polarities)} polariteter, "
        f"{terms} søkeord."
    )


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _print_reliability(report: ReliabilityReport, book: Codebook) -> None:
    from rich.table import Table

    from samrev.cli._common import out

    table = Table(title=f"Reliabilitet per tema ({report.n_items} enheter)")
    table.add_column("Tema", style="bold", no_wrap=True)
    table.add_column("Etikett")
    table.add_column("n", justify="right")
    table.add_column("Enighet %", justify="right")
    table.add_column("κ", justify="right")
    undefined: list[str] = []
    for row in report.themes:
        label = book.theme(row.theme).label() if book.has_theme(row.theme) else ""
        kappa = _fmt(row.kappa)
        if row.kappa is None:
            undefined.append(row.theme)
            kappa = "–*"
        table.add_row(row.theme, label, str(row.n_items), _fmt(row.percent_agreement, 1), kappa)
    out.print(table)
    if undefined:
        reasons = sorted({row.kappa_reason or "" for row in report.themes if row.kappa is None})
        out.print(f"* κ er udefinert for {len(undefined)} temaer: {'; '.join(reasons)}.")
    out.print(f"Krippendorffs α (nominal, {report.n_units} enheter × tema): {_fmt(report.alpha, 3)}"
              + (f" ({report.alpha_reason})" if report.alpha_reason else ""))
    out.print(f"Krippendorffs α, bare tilstedeværelse: {_fmt(report.alpha_presence, 3)}"
              + (f" ({report.alpha_presence_reason})" if report.alpha_presence_reason else ""))


@app.command("reliability")
def reliability_command(
    coder_a: Annotated[Path, typer.Argument(help="CSV fra koder A med kolonnene item, theme, polarity.")],
    coder_b: Annotated[Path, typer.Argument(help="CSV fra koder B med de samme kolonnene.")],
    codebook: CodebookOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Utdata: table eller json.")] = Format.table,
) -> None:
    """Beregn samsvar mellom to kodere: Cohens κ per tema og Krippendorffs α samlet."""
    from samrev.cli._common import print_json
    from samrev.coding.reliability import read_coder_csv, reliability

    book = _load(codebook)
    rows_a = read_coder_csv(coder_a, book)
    rows_b = read_coder_csv(coder_b, book)
    report = reliability(rows_a, rows_b, themes=book.theme_ids, coder_a=str(coder_a), coder_b=str(coder_b))
    if fmt is Format.json:
        print_json({"codebook": {"name": book.name, "version": book.version},
                    "coder_a": str(coder_a), "coder_b": str(coder_b), **report.to_dict()})
    else:
        _print_reliability(report, book)


@app.command("code")
def code(
    text_or_file: Annotated[
        str, typer.Argument(help="Tekst å kode, en tekstfil (UTF-8) eller - for standard inn.")
    ],
    codebook: CodebookOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Utdata: table eller json.")] = Format.table,
) -> None:
    """Finn kodebokens temaer i en tekst, med polaritet og treffene i teksten."""
    import sys

    from samrev.cli._common import out, print_json
    from samrev.coding.lexicon import LexiconCoder
    from samrev.core.errors import InputFormatError

    source = "(tekst)"
    text = text_or_file
    if text_or_file == "-":
        source, text = "(standard inn)", sys.stdin.read()
    elif "\n" not in text_or_file and len(text_or_file) < 1024 and Path(text_or_file).is_file():
        source = text_or_file
        try:
            text = Path(text_or_file).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputFormatError(path=source, detail=f"filen er ikke UTF-8 (byte {exc.start})") from exc

    coder = LexiconCoder(_load(codebook))
    judgements = coder.code(text)
    absent = coder.absent_themes(judgements)
    if fmt is Format.json:
        print_json({
            "source": source,
            "coder": {"name": coder.name, "version": coder.version},
            "codebook": {"name": coder.codebook.name, "version": coder.codebook.version},
            "judgements": [judgement.to_dict() for judgement in judgements],
            "absent_themes": absent,
        })
        return

    from rich.table import Table

    book = coder.codebook
    if not judgements:
        out.print("Ingen temaer funnet.")
    else:
        table = Table(title=f"Temaer i {source}")
        table.add_column("Tema", style="bold", no_wrap=True)
        table.add_column("Polaritet")
        table.add_column("Sikkerhet", justify="right")
        table.add_column("Treff")
        for judgement in judgements:
            theme = book.theme(judgement.subject.removeprefix("theme:"))
            polarity = book.polarity(judgement.value).label() if judgement.value else "–"
            spans = ", ".join(f"«{span.text}» ({span.start}–{span.end})" for span in judgement.evidence)
            table.add_row(theme.label(), polarity, _fmt(judgement.confidence), spans)
        out.print(table)
    if absent:
        out.print("Fraværende temaer: " + ", ".join(absent))
