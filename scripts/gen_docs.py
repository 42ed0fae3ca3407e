#!/usr/bin/env python3
"""Generate docs/errors.md and docs/cli-reference.md from the code.

    .venv/bin/python scripts/gen_docs.py          # rewrite both files
    .venv/bin/python scripts/gen_docs.py --check  # exit 1 if either is out of date

tests/test_docs.py runs the check, so an undocumented error code or command fails the suite.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def errors_md() -> str:
    from samrev.core.errors import IngestError, SurveyError, all_error_classes

    lines = [
        "# Feilkoder",
        "",
        "Generert av `scripts/gen_docs.py` fra `samrev.core.errors`; ikke rediger for hånd.",
        "",
        "Hver feil har en stabil kode, en melding på bokmål og eventuelt et tips. Feil i én fil i en",
        "batch blir lagret på filens post (`error`), og batchen fortsetter. Innlesingsfeil har i tillegg",
        "en kort kode fra spesifikasjonen (`unreadable`, `encrypted`, `empty`, `unsupported`); det samme",
        "har feil fra `samrev survey analyse` (`unknown_column`, `bad_config`, `unreadable`, `empty`).",
        "",
        "| kode | kort kode | familie | melding | tips | exit |",
        "|---|---|---|---|---|---|",
    ]
    for cls in sorted(all_error_classes(), key=lambda c: c.code):
        family = cls.__mro__[1].__name__ if cls.__mro__[1] is not Exception else "–"
        short_code = getattr(cls, "short_code", None) if issubclass(cls, IngestError | SurveyError) else None
        short = f"`{short_code}`" if short_code else ""
        template = cls.template.replace("|", "\\|")
        hint = cls.hint.replace("|", "\\|")
        lines.append(f"| `{cls.code}` | {short} | {family} | {template} | {hint} | {cls.exit_code} |")
    return "\n".join(lines) + "\n"


def _walk(cmd: Any, path: list[str], out: list[str]) -> None:
    name = " ".join(path)
    depth = min(len(path) + 1, 4)
    out.append(f"{'#' * depth} `{name}`")
    out.append("")
    if cmd.help:
        out.append(cmd.help.strip())
        out.append("")
    params = [p for p in cmd.params if p.name not in ("help",)]
    if params:
        out.append("| parameter | hjelp |")
        out.append("|---|---|")
        for p in params:
            if getattr(p, "param_type_name", "") == "option":
                label = ", ".join(f"`{o}`" for o in p.opts)
            else:
                label = f"`{(p.name or '').upper()}`"
            helptext = (getattr(p, "help", None) or "").replace("|", "\\|").replace("\n", " ")
            out.append(f"| {label} | {helptext} |")
        out.append("")
    if hasattr(cmd, "commands"):
        for sub_name in sorted(cmd.commands):
            _walk(cmd.commands[sub_name], [*path, sub_name], out)


def cli_md() -> str:
    from samrev.cli.app import app

    root = typer.main.get_command(app)
    out = [
        "# Kommandoreferanse",
        "",
        "Generert av `scripts/gen_docs.py` fra `samrev --help`; ikke rediger for hånd.",
        "",
    ]
    _walk(root, ["samrev"], out)
    return "\n".join(out).rstrip() + "\n"


TARGETS = {"docs/errors.md": errors_md, "docs/cli-reference.md": cli_md}


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for rel, build in TARGETS.items():
        path = ROOT / rel
        text = build()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("Utdatert dokumentasjon (kjør scripts/gen_docs.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
