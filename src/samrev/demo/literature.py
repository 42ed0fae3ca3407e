"""The demo literature review: the bundled search (``data/litteratur/``, made by
:mod:`samrev.demo.make_literature`) through the whole chain, in the store.

1. import the two exports (Embase RIS, PubMed NBIB) as two searches;
2. de-duplicate;
3. screen the unique records with the screening session (the model retrained after each
   decision, most likely relevant first); the answer key in ``labels.csv`` stands in for the person,
   and screening stops when the statistical stopping rule says at least 95 % are found (or every
   record is screened);
4. full-text decisions from the answer key (with exclusion reasons);
5. code the included records (machine suggestions, stored as Judgements);
6. export the review state and write the report (HTML, PDF, DOCX) with the PRISMA diagram and the
   gap map, the figures as SVG/PNG, and ``oppsummering.json``.

Everything runs in the store project ``demo-litteratur``.  A second run finds the searches and
links already stored and the screener's decisions standing: it resumes (nothing is decided
twice) and writes the same numbers.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

DATA = resources.files("samrev.demo") / "data" / "litteratur"
PROJECT = "demo-litteratur"
SCREENER = "demo"
TITLE = "Demo: samarbeid om opplæring, mestring og overganger"
QUESTION = ("Hvordan samarbeider sykehus og kommuner om pasient- og pårørendeopplæring, lærings- og "
            "mestringstilbud og overganger?")
QUERY = ('("patient education" OR "self-management" OR discharge OR transition* OR "lærings- og mestring*") AND '
         '(hospital* OR sykehus* OR municipal* OR kommune*)')
SEARCHES = (("embase.ris", "Embase", date(2026, 10, 1)), ("pubmed.nbib", "PubMed/MEDLINE", date(2026, 10, 2)))
REPORT_FORMATS = ("html", "pdf", "docx")

Step = Callable[[str], None]


@dataclass(slots=True)
class LiteratureDemoResult:
    summary: dict[str, Any]
    files: list[Path] = field(default_factory=list)


def _title_key(title: str) -> str:
    """The title as the answer key knows it: normalised, British and American spelling alike (the
    generator writes «randomised» in some Embase copies)."""
    from samrev.literature.reference import normalise_title

    return normalise_title(title).replace("randomis", "randomiz")


def load_labels(folder: Path) -> dict[str, dict[str, str]]:
    """The answer key per normalised title (the copies of a work share it)."""
    with (folder / "labels.csv").open(encoding="utf-8", newline="") as handle:
        return {_title_key(row["title"]): row for row in csv.DictReader(handle)}


def _label(labels: dict[str, dict[str, str]], title: str) -> dict[str, str]:
    from samrev.core.errors import InputError

    found = labels.get(_title_key(title))
    if found is None:
        raise InputError(detail=f"demoposten «{title[:80]}» finnes ikke i labels.csv")
    return found


def simulate_screening(records: list[Any], labels: dict[str, dict[str, str]], step: Step | None = None,
                       ) -> dict[str, Any]:
    """Screen ``records`` (ScreeningRecord) with the session, the answer key deciding; stop at the
    statistical stopping rule.  Decisions go to the store as the demo screener's."""
    from samrev.literature import decisions
    from samrev.literature.screening import EXCLUDE, INCLUDE, ScreeningSession
    from samrev.literature.terms import load_terms

    terms = load_terms()
    standing = decisions.current_decisions(PROJECT, SCREENER)
    session = ScreeningSession(records, decisions=standing, prior_scores=[terms.score(r.text()) for r in records])
    seconds: list[float] = []
    first_stop_at: int | None = None
    heuristic_at: int | None = None
    while True:
        status = session.stopping()
        if status.heuristic_stop and heuristic_at is None:
            heuristic_at = status.screened
        if status.statistical_stop:
            first_stop_at = status.screened
            break
        record = session.next_record()
        if record is None:
            break
        value = INCLUDE if _label(labels, record.title)["label_title_abstract"] == "1" else EXCLUDE
        decisions.record_decision(PROJECT, record.record_id, SCREENER, value)
        started = time.perf_counter()
        session.decide(record.record_id, value)
        seconds.append(time.perf_counter() - started)
        if step and session.screened % 25 == 0:
            step(f"screener ({session.screened} av {session.total})")
    relevant = sum(1 for r in records if _label(labels, r.title)["label_title_abstract"] == "1")
    estimate = session.estimate()
    seconds.sort()
    return {
        "records": session.total, "screened": session.screened, "included": session.included,
        "relevant_in_answer_key": relevant,
        "recall": round(session.included / relevant, 4) if relevant else None,
        "work_saved": round(1 - session.screened / session.total, 4),
        "stopped_by_statistical_rule": first_stop_at is not None,
        "heuristic_would_stop_at": heuristic_at,
        "p_value": round(session.stopping().p_value, 4),
        "estimate_left": None if estimate is None else estimate.to_dict(),
        "resumed_decisions": len(standing),
        "seconds_per_decision_median": round(seconds[len(seconds) // 2], 4) if seconds else None,
        "model": session.model_description(),
    }


def full_text(labels: dict[str, dict[str, str]]) -> dict[str, int]:
    """Full-text decisions for every record included at title/abstract, from the answer key, through
    the full-text stage (:class:`~samrev.literature.fulltext.FullTextStage`: the records it offers,
    its checks; a decision standing from an earlier run is not stored again)."""
    from samrev.literature.fulltext import FullTextStage

    stage = FullTextStage(PROJECT)
    counts: dict[str, int] = {}
    for candidate in stage.candidates():
        label = _label(labels, candidate.title)
        decision = label["label_full_text"] or "exclude"
        reason = label["full_text_reason"] or ("" if decision != "exclude" else "Ikke relevant ved fulltekstlesing")
        stage.decide(candidate.record_id, SCREENER, decision, reason)
        counts[decision] = counts.get(decision, 0) + 1
    return counts


def run_literature_demo(output_dir: Path, today: date, step: Step | None = None,
                        formats: tuple[str, ...] = REPORT_FORMATS) -> LiteratureDemoResult:
    """Run the demo review in the store and write its state, report, figures and summary."""
    from samrev import __version__
    from samrev.core import components
    from samrev.literature.review_state import parse_review_state
    from samrev.literature.service import (
        StoreRecordSource,
        code_included,
        deduplicate,
        identification,
        import_files,
        review_state,
    )
    from samrev.report import figures
    from samrev.report.literature import build_literature_report

    def say(text: str) -> None:
        if step:
            step(text)

    from samrev.store.bootstrap import ensure_ready

    ensure_ready()
    started = time.perf_counter()
    output_dir.mkdir(parents=True, exist_ok=True)
    result = LiteratureDemoResult({})
    with resources.as_file(DATA) as folder:
        labels = load_labels(folder)
        imported = {}
        for name, database, when in SEARCHES:
            say(f"leser inn {name}")
            batch = import_files([folder / name], database=database, search_date=when, query=QUERY,
                                 project=PROJECT, actor="demo")
            imported[database] = {"records": batch.records, "new": batch.created}
        say("finner duplikater")
        dedup = deduplicate(PROJECT, actor="demo")
        expected_duplicates = sum(1 for row in labels.values() if row["databases"] == "Embase+PubMed")
        # a group is right when all its copies are one work of the answer key
        wrong_groups = sum(1 for group in dedup.groups
                           if len({_label(labels, item["title"])["work"]
                                   for item in [group["kept"], *group["duplicates"]]}) > 1)
        source = StoreRecordSource(PROJECT)
        say("screener med modellen")
        screening = simulate_screening(source.records(), labels, step)
        say("fulltekst")
        ft = full_text(labels)
        say("koder de inkluderte")
        codings = code_included(PROJECT, actor="demo")
    counts = identification(PROJECT)
    state = review_state(PROJECT, title=TITLE, question=QUESTION, date_text=today.isoformat())
    target = output_dir / "gjennomgang.json"
    target.write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result.files.append(target)
    say("bygger rapporten")
    report = build_literature_report(parse_review_state(state, str(target)), today=today, version=__version__)
    (output_dir / "rapport").mkdir(exist_ok=True)
    for fmt in formats:
        say(f"skriver rapporten ({fmt.upper()})")
        target = output_dir / "rapport" / f"litteraturrapport.{fmt}"
        target.write_bytes(components.create("report_format", fmt).render(report))
        result.files.append(target)
    report_json = json.loads(components.create("report_format", "json").render(report))
    (output_dir / "figurer").mkdir(exist_ok=True)
    for figure in report.document.figures():
        svg_path = output_dir / "figurer" / f"{figure.id}.svg"
        svg_path.write_text(figures.standalone_svg(figure.chart), encoding="utf-8")
        png_path = output_dir / "figurer" / f"{figure.id}.png"
        png_path.write_bytes(figures.png(figure.chart))
        result.files += [svg_path, png_path]
    gap = report_json.get("gap_map", {})
    summary = {
        "project": PROJECT,
        "imported": imported,
        "identification": counts.to_dict(),
        "deduplication": {"records": dedup.records, "unique": dedup.unique,
                          "duplicates_removed": counts.duplicates_removed,
                          "duplicates_in_answer_key": expected_duplicates, "groups": len(dedup.groups),
                          "groups_joining_different_works": wrong_groups},
        "screening": screening,
        "full_text": ft,
        "coded": len(codings),
        "prisma": report_json.get("prisma"),
        "gap_map": {"rows": gap.get("rows"), "columns": gap.get("columns"),
                    "empty_cells": gap.get("empty_cells"), "thin_cells": gap.get("thin_cells")},
        "seconds": round(time.perf_counter() - started, 1),
    }
    target = output_dir / "oppsummering.json"
    target.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result.files.append(target)
    result.summary = summary
    return result
