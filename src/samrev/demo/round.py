"""The demo round: 40 agreements of the Helse Førde region through the whole review.

``data/runde/src`` holds the sources (corpus format), ``manifest.csv`` the parties and URLs,
``labels.jsonl`` what a careful reader set.  :func:`run_round_demo` renders the sources to their
formats (text PDF, scanned PDF, DOCX, ODT, HTML, TXT; once, cached by the sources' hash),
imports them into the round :data:`ROUND` with the manifest, and writes to ``output_dir``:

- ``oppsummering.json``: ``samrev agreements summary --round`` (the same function);
- ``dekning.json`` and ``dekning.xlsx``: the coverage matrix;
- ``treffsikkerhet.json``: the machine's accuracy per field against the labels;
- ``rapport/avtalerapport.{html,pdf,docx}``: the report section, from the same numbers.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

ROUND = "Demo Helse Førde 2026"
DATA = resources.files("samrev.demo") / "data" / "runde"
REPORT_FORMATS = ("html", "pdf", "docx")

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class RoundDemoResult:
    folder: Path
    files: int = 0
    failed: int = 0
    summary: dict[str, Any] = field(default_factory=dict)
    accuracy: dict[str, float | None] = field(default_factory=dict)
    missing_municipalities: list[str] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)


def _sources_hash(src: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(src.glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def render(target: Path) -> Path:
    """The rendered round in ``target/filer`` (rendered again only when the sources changed)."""
    from samrev.agreements.corpus import render_sources

    with resources.as_file(DATA) as data:
        src = Path(data) / "src"
        key = _sources_hash(src)
        folder = target / "filer"
        stamp = target / ".kilder.sha256"
        if not (folder.is_dir() and stamp.is_file() and stamp.read_text(encoding="ascii") == key):
            shutil.rmtree(folder, ignore_errors=True)
            render_sources(src, folder)
            shutil.copy(Path(data) / "manifest.csv", folder / "manifest.csv")
            stamp.write_text(key, encoding="ascii")
    return folder


def run_round_demo(output_dir: Path, progress: Progress | None = None, *, today: date | None = None,
                   workers: int | None = None) -> RoundDemoResult:
    """Render, import, summarise, check and report the demo round (see the module docstring)."""
    from samrev.agreements.corpus import load_labels
    from samrev.agreements.coverage import coverage
    from samrev.agreements.evaluate import evaluate
    from samrev.agreements.manifest import read_manifest
    from samrev.agreements.review import get_round, import_round, round_facts
    from samrev.agreements.sheets import write_coverage
    from samrev.agreements.summary import rank_good_examples, summarise
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()
    day = today or datetime.now(tz=UTC).date()
    output_dir.mkdir(parents=True, exist_ok=True)
    folder = render(output_dir)
    result = RoundDemoResult(folder=folder)
    manifest = read_manifest(folder / "manifest.csv")
    files = sorted(str(p) for p in folder.iterdir() if p.name != "manifest.csv")
    imported = import_round(files, ROUND, manifest=manifest, structure=2024, year=day.year,
                            workers=workers, progress=progress)
    result.files, result.failed = imported.files, imported.failed
    facts = round_facts(ROUND)
    summary = summarise(facts, today=day)
    summary["good_example_details"] = [e.to_dict() for e in rank_good_examples([f for f in facts if f.ok],
                                                                               today=day)]
    result.summary = summary
    (output_dir / "oppsummering.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")
    matrix = coverage(facts, structure=get_round(ROUND).registry_structure, today=day)
    matrix["round"] = ROUND
    result.missing_municipalities = [m["municipality"] for m in matrix["missing"]]
    (output_dir / "dekning.json").write_text(json.dumps(matrix, ensure_ascii=False, indent=2), encoding="utf-8")
    write_coverage(matrix, output_dir / "dekning.xlsx")
    with resources.as_file(DATA / "labels.jsonl") as labels_path:
        labels = load_labels(Path(labels_path))
    records = [r for r in imported.records]
    for record in records:  # the labels name files relative to the rendered folder
        record["file"] = str(Path(record["file"]).name)
    report = evaluate(labels, records).to_dict()
    part = next(iter(report.values()))
    result.accuracy = dict(part["metrics"])
    (output_dir / "treffsikkerhet.json").write_text(json.dumps(part, ensure_ascii=False, indent=2),
                                                    encoding="utf-8")
    result.reports = write_reports(output_dir / "rapport", day)
    return result


def write_reports(folder: Path, day: date) -> list[Path]:
    """The round's report section in every format, from one report model (the summary's numbers)."""
    from samrev.core import components
    from samrev.report.service import agreement_report_for_round

    folder.mkdir(parents=True, exist_ok=True)
    report = agreement_report_for_round(ROUND, today=day)
    out = []
    for fmt in REPORT_FORMATS:
        target = folder / f"avtalerapport.{fmt}"
        target.write_bytes(components.create("report_format", fmt).render(report))
        out.append(target)
    return out
