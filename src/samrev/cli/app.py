"""The ``samrev`` Typer app and its one error handler.

Sub-app modules import only Typer at module level; heavy libraries (Django, lingua,
scikit-learn) are imported inside the commands so that ``samrev --help`` stays fast.
"""

from __future__ import annotations

import importlib.machinery
import sys
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import typer

from samrev import __version__
from samrev.cli import agreements, codebook, demo, ingest, literature, registry, report, survey, web
from samrev.cli import agreements_round as _agreements_round  # noqa: F401  (registers the round commands)
from samrev.cli import literature_fulltext as _literature_fulltext  # noqa: F401  (registers fulltext commands)
from samrev.cli import literature_screen as _literature_screen  # noqa: F401  (registers screen/conflicts/resolve)
from samrev.core.errors import SamrevError

# Help screens in bokmål: Typer's texts, set on its rich_utils module when it is imported.  Typer
# imports that module (and with it rich's Markdown) only to print help or an error, so a command
# that runs normally does not pay for it (a tenth of a second at every start).
_RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenter",
    "OPTIONS_PANEL_TITLE": "Valg",
    "COMMANDS_PANEL_TITLE": "Kommandoer",
    "ERRORS_PANEL_TITLE": "Feil",
    "ABORTED_TEXT": "Avbrutt.",
    "DEFAULT_STRING": "[standard: {}]",
    "REQUIRED_LONG_STRING": "[påkrevd]",
}
_RICH_UTILS = "typer.rich_utils"


def _norwegian_rich_texts(module: ModuleType) -> None:
    for name, text in _RICH_TEXTS.items():
        setattr(module, name, text)


class _NorwegianRichUtils:
    """A meta path finder that sets :data:`_RICH_TEXTS` on ``typer.rich_utils`` right after it is
    first imported (duck-typed: importlib.abc costs more to import than the whole hook)."""

    def find_spec(self, fullname: str, path: Any, target: ModuleType | None = None) -> Any:
        if fullname != _RICH_UTILS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _norwegian_rich_texts(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if _RICH_UTILS in sys.modules:
    _norwegian_rich_texts(sys.modules[_RICH_UTILS])
elif not any(isinstance(finder, _NorwegianRichUtils) for finder in sys.meta_path):
    sys.meta_path.insert(0, _NorwegianRichUtils())


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

_SETTINGS: dict[str, Any] = {
    "name": "samrev",
    "help": (
        "samrev – arbeidsbenk for nasjonal gjennomgang av samhandlingen mellom helseforetak og "
        "kommuner om lærings- og mestringsvirksomhet: samarbeidsavtaler, spørreundersøkelse og "
        "forskningslitteratur, kodet mot én felles kodebok."
    ),
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": "rich",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
#: The top-level groups and commands, in the order ``samrev --help`` lists them.
_GROUPS: dict[str, typer.Typer] = {
    "agreements": agreements.app, "survey": survey.app, "literature": literature.app,
    "codebook": codebook.app, "registry": registry.app, "report": report.app, "web": web.app,
    "demo": demo.app,
}
_COMMANDS: dict[str, Any] = {"ingest": ingest.ingest}


def _build(only: str | None = None) -> typer.Typer:
    """The app with every group and command, or with just the one named ``only``."""
    built = typer.Typer(**_SETTINGS)
    for name, group in _GROUPS.items():
        if only in (None, name):
            built.add_typer(group, name=name)
    for name, command in _COMMANDS.items():
        if only in (None, name):
            built.command(name)(command)
    built.callback()(_root)
    return built


def _app_for(argv: list[str]) -> typer.Typer:
    """:data:`app`, or for ``samrev GROUP …`` an app with only that group: Typer builds every
    command's parameters before it runs one, so a command starts sooner without the others.
    The command's behaviour, help and errors are the same either way."""
    first = argv[0] if argv else ""
    if first in _GROUPS or first in _COMMANDS:
        return _build(first)
    return app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samrev {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis versjonen og avslutt."
    ),
) -> None:
    """samrev – samhandlingsrevisjon."""


app = _build()


def _log_internal_error(exc: BaseException) -> str:
    """Write the traceback to SAMREV_HOME/logs and return the log path."""
    import traceback

    from samrev.core.settings import log_dir

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = log_dir() / f"feil-{stamp}.log"
    path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return str(path)


def main() -> None:
    """Entry point: run the app; turn every error into a message and an exit status."""
    from samrev.cli._common import err, report_error

    try:
        _app_for(sys.argv[1:])()
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
