"""The demo literature review: the bundled files are the generator's, and the chain (import,
de-duplication, simulated screening with the stopping rule, full text, coding, export, report)
gives numbers that agree with the answer key and add up."""

from __future__ import annotations

import csv
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from samrev.demo import make_literature

SHIPPED = Path(str(resources.files("samrev.demo") / "data" / "litteratur"))


@pytest.mark.skipif(not (make_literature.SOURCE / "nagtegaal_2019.csv").exists(),
                    reason="the shared screening datasets are not on this machine")
def test_the_generator_writes_the_shipped_files(tmp_path: Path) -> None:
    make_literature.write(out=tmp_path)
    for name in ("embase.ris", "pubmed.nbib", "labels.csv"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_answer_key_matches_the_exports() -> None:
    with (SHIPPED / "labels.csv").open(encoding="utf-8", newline="") as handle:
        works = list(csv.DictReader(handle))
    embase = (SHIPPED / "embase.ris").read_text(encoding="utf-8").count("\nER  - ")
    pubmed = (SHIPPED / "pubmed.nbib").read_text(encoding="utf-8").count("PMID- ")
    assert embase == sum("Embase" in w["databases"] for w in works)
    assert pubmed == sum("PubMed" in w["databases"] for w in works)
    assert 250 <= len(works) <= 400 and 300 <= embase + pubmed <= 600
    assert {w["origin"] for w in works} == {"nagtegaal_2019", "samrev"}
    assert any(w["language"] == "nno" for w in works) and any(w["language"] == "nob" for w in works)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_review_adds_up(tmp_path: Path) -> None:
    from samrev.demo.literature import run_literature_demo
    from samrev.literature.review_state import load_review_state

    with (SHIPPED / "labels.csv").open(encoding="utf-8", newline="") as handle:
        works = list(csv.DictReader(handle))
    result = run_literature_demo(tmp_path, date(2026, 11, 27), formats=("html",))
    s = result.summary
    overlap = sum(w["databases"] == "Embase+PubMed" for w in works)
    assert s["identification"]["identified"] == len(works) + overlap
    assert s["deduplication"]["groups_joining_different_works"] == 0
    assert s["deduplication"]["duplicates_removed"] >= 0.95 * overlap
    screening = s["screening"]
    relevant = sum(w["label_title_abstract"] == "1" for w in works)
    assert screening["relevant_in_answer_key"] == relevant and screening["recall"] >= 0.95
    assert screening["screened"] < screening["records"]  # the stopping rule spared some records
    prisma = s["prisma"]
    assert prisma["identified"] - prisma["duplicates_removed"] - prisma["automation_removed"] \
        == prisma["records_screened"]
    assert prisma["records_screened"] - prisma["records_excluded"] == prisma["reports_sought"]
    assert prisma["reports_sought"] - prisma["reports_not_retrieved"] == prisma["reports_assessed"]
    assert prisma["reports_assessed"] - prisma["reports_excluded_total"] == prisma["studies_included"]
    found_ft = sum(w["label_full_text"] == "include" for w in works)
    assert prisma["studies_included"] <= found_ft and prisma["studies_included"] >= 0.9 * found_ft
    assert s["coded"] == prisma["studies_included"]
    state = load_review_state(tmp_path / "gjennomgang.json")
    assert state.prisma().to_dict() == {k: v for k, v in prisma.items() if k in state.prisma().to_dict()}
    assert (tmp_path / "rapport" / "litteraturrapport.html").stat().st_size > 10_000
    saved = json.loads((tmp_path / "oppsummering.json").read_text(encoding="utf-8"))
    assert saved["prisma"] == prisma
    # a second run resumes: nothing is decided twice, the numbers stay
    again = run_literature_demo(tmp_path, date(2026, 11, 27), formats=("html",))
    assert again.summary["prisma"] == prisma and again.summary["screening"]["resumed_decisions"] == \
        screening["screened"]
