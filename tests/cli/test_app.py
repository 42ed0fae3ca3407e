"""The root CLI: sub-apps listed, help in bokmål, light start-up, one error handler."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from samrev.cli import app as app_module
from samrev.core.errors import InputNotFound

SUBS = ["agreements", "survey", "literature", "codebook", "registry", "report", "web", "demo"]
runner = CliRunner()


def test_help_lists_every_sub_app_in_bokmal() -> None:
    result = runner.invoke(app_module.app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for sub in SUBS:
        assert f" {sub} " in result.output
    assert "Kommandoer" in result.output and "Valg" in result.output
    assert "Vis denne hjelpeteksten og avslutt." in result.output


@pytest.mark.parametrize("sub", SUBS)
def test_each_sub_app_has_help(sub: str) -> None:
    result = runner.invoke(app_module.app, [sub, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output or "Bruk" in result.output


def test_version() -> None:
    result = runner.invoke(app_module.app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("samrev ")


def test_importing_the_cli_keeps_heavy_libraries_out() -> None:
    code = (
        "import sys, samrev.cli.app\n"
        "heavy = [m for m in ('django', 'lingua', 'sklearn', 'numpy', 'scipy', 'pypdfium2', 'yaml', 'pandas',"
        " 'statsmodels', 'pyreadstat', 'stdnum')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _run_main(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> int:
    failing = typer.Typer()

    @failing.command()
    def boom() -> None:
        raise exc

    @failing.command()
    def other() -> None:  # a second command keeps Typer from collapsing the group
        pass

    monkeypatch.setattr(app_module, "app", failing)
    monkeypatch.setattr(sys, "argv", ["samrev", "boom"])
    with pytest.raises(SystemExit) as info:
        app_module.main()
    code = info.value.code
    assert isinstance(code, int)
    return code


def test_samrev_error_becomes_message_and_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run_main(monkeypatch, InputNotFound(path="mangler.pdf"))
    captured = capsys.readouterr()
    assert code == 2
    assert "INPUT_NOT_FOUND" in captured.err and "mangler.pdf" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_internal_error_is_logged_not_shown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    monkeypatch.setenv("SAMREV_HOME", str(tmp_path))
    monkeypatch.delenv("SAMREV_DEBUG", raising=False)
    code = _run_main(monkeypatch, RuntimeError("uventet"))
    captured = capsys.readouterr()
    assert code == 70
    assert "Intern feil" in captured.err and "Traceback" not in captured.err
    logs = list((tmp_path / "logs").glob("feil-*.log"))  # type: ignore[operator]
    assert logs and "RuntimeError: uventet" in logs[0].read_text(encoding="utf-8")
