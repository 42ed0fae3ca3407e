"""The ``samrev`` Typer app and its one error handler.

Sub-app modules import only Typer at module level; heavy libraries (Django, lingua,
scikit-learn) are imported inside the commands so that ``samrev --help`` stays fast.
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from typing import Any

import typer
from typer import rich_utils

from samrev import __version__
from samrev.cli import agreements, codebook, demo, ingest, literature, registry, report, survey, web
from samrev.cli import agreements_round as _agreements_round  # noqa: F401  (registers the round commands)
from samrev.cli import literature_screen as _literature_screen  # noqa: F401  (registers screen/conflicts/resolve)
from samrev.core.errors import SamrevError

# Help screens in bokmål.
rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenter"
rich_utils.OPTIONS_PANEL_TITLE = "Valg"
rich_utils.COMMANDS_PANEL_TITLE = "Kommandoer"
rich_utils.ERRORS_PANEL_TITLE = "Feil"
rich_utils.ABORTED_TEXT = "Avbrutt."
rich_utils.DEFAULT_STRING = "[standard: {}]"
rich_utils.REQUIRED_LONG_STRING = "[påkrevd]"


def _norwegian_help_option() -> None:
    """Give the --help option a bokmål text (Typer builds it lazily from an English default)."""
    try:
        from typer._click import decorators
    except ImportError:  # a Typer without its vendored click: keep the default text
        return
    original = decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorate = original(param_decls)

        def apply(command: Any) -> Any:
            command = decorate(command)
            command.params[-1].help = "Vis denne hjelpeteksten og avslutt."
            return command

        return apply

    decorators.help_option = help_option


_norwegian_help_option()

app = typer.Typer(
    name="samrev",
    help=(
        "samrev – arbeidsbenk for nasjonal gjennomgang av samhandlingen mellom helseforetak og "
        "kommuner om lærings- og mestringsvirksomhet: samarbeidsavtaler, spørreundersøkelse og "
        "forskningslitteratur, kodet mot én felles kodebok."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.add_typer(agreements.app, name="agreements")
app.add_typer(survey.app, name="survey")
app.add_typer(literature.app, name="literature")
app.add_typer(codebook.app, name="codebook")
app.add_typer(registry.app, name="registry")
app.add_typer(report.app, name="report")
app.add_typer(web.app, name="web")
app.add_typer(demo.app, name="demo")
app.command("ingest")(ingest.ingest)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samrev {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis versjonen og avslutt."
    ),
) -> None:
    """samrev – samhandlingsrevisjon."""


def _log_internal_error(exc: BaseException) -> str:
    """Write the traceback to SAMREV_HOME/logs and return the log path."""
    from samrev.core.settings import log_dir

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = log_dir() / f"feil-{stamp}.log"
    path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return str(path)


def main() -> None:
    """Entry point: run the app; turn every error into a message and an exit status."""
    from samrev.cli._common import err, report_error

    try:
        app()
    except SamrevError as error:
        report_error(error)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        err.print("Avbrutt.")
        sys.exit(130)
    except Exception as exc:
        from samrev.core.settings import debug

        if debug():
            raise
        try:
            where = _log_internal_error(exc)
        except OSError:
            where = "(kunne ikke skrive logg)"
        err.print(
            f"[bold red]Intern feil[/] ({type(exc).__name__}): {exc}\n"
            f"Detaljer er skrevet til {where}. Kjør med SAMREV_DEBUG=1 for full sporing.",
            markup=True,
        )
        sys.exit(70)


if __name__ == "__main__":
    main()
