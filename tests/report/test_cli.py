"""`samrev report agreements`: formats, default file names, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app
from samrev.core.errors import InputError

runner = CliRunner()


@pytest.mark.django_db
def test_writes_several_formats_with_the_default_name(report_round: str, tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["report", "agreements", "--round", report_round, "--format", "html",
                                     "--format", "json", "--today", "2026-11-27"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "avtalerapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert '"n_documents": 4' in (tmp_path / "avtalerapport.json").read_text(encoding="utf-8")


@pytest.mark.django_db
def test_output_path_for_one_format(report_round: str, tmp_path: Path) -> None:
    target = tmp_path / "ut" / "rapport.docx"
    result = runner.invoke(app, ["report", "agreements", "-r", report_round, "-f", "docx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:2] == b"PK"


def test_unknown_format_lists_the_valid_ones() -> None:
    result = runner.invoke(app, ["report", "agreements", "--round", "x", "--format", "odt"])
    assert isinstance(result.exception, InputError)
    assert "docx" in str(result.exception) and "pdf" in str(result.exception)
