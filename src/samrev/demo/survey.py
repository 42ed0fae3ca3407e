"""The demo survey: the bundled export (``data/undersokelse/``, made by :mod:`samrev.demo.make_survey`)
through ``samrev survey analyse`` and ``samrev report survey``.

Writes to the output folder: ``analyse.json`` (the analysis, the one source of the report's
numbers), ``tabeller.xlsx`` (every table of the report, one sheet each) and
``rapport/undersokelsesrapport.{html,pdf,docx}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

DATA = resources.files("samrev.demo") / "data" / "undersokelse"
NAME = "Demo: oppfølgingsundersøkelse 2025"
REPORT_FORMATS = ("html", "pdf", "docx")

Step = Callable[[str], None]


@dataclass(slots=True)
class SurveyDemoResult:
    analysis: dict[str, Any]
    files: list[Path] = field(default_factory=list)


def run_survey_demo(output_dir: Path, today: date, step: Step | None = None,
                    formats: tuple[str, ...] = REPORT_FORMATS) -> SurveyDemoResult:
    """Analyse the demo survey and write its JSON, spreadsheet and report."""
    from samrev import __version__
    from samrev.core import components
    from samrev.report.survey import SurveyInfo, build_survey_report
    from samrev.survey.service import analyse_files, load_config

    def say(text: str) -> None:
        if step:
            step(text)

    output_dir.mkdir(parents=True, exist_ok=True)
    with resources.as_file(DATA) as folder:
        say("analyserer svarene")
        analysis = analyse_files(folder / "svar.csv", folder / "survey.yaml", folder / "utvalg.csv")
        config = load_config(folder / "survey.yaml")
    result = SurveyDemoResult(analysis)
    target = output_dir / "analyse.json"
    target.write_text(json.dumps(analysis, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result.files.append(target)
    report = build_survey_report(analysis, config, today=today, info=SurveyInfo(name=NAME), version=__version__)
    say("skriver tabeller.xlsx")
    target = output_dir / "tabeller.xlsx"
    target.write_bytes(components.create("report_format", "xlsx").render(report))
    result.files.append(target)
    (output_dir / "rapport").mkdir(exist_ok=True)
    for fmt in formats:
        say(f"skriver rapporten ({fmt.upper()})")
        target = output_dir / "rapport" / f"undersokelsesrapport.{fmt}"
        target.write_bytes(components.create("report_format", fmt).render(report))
        result.files.append(target)
    return result
