"""The review-state JSON: round trip, and errors that name the file and the place in it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samrev.core.errors import InputNotFound, ReviewStateInvalid
from samrev.literature.coding import LiteratureRecord
from samrev.literature.review_state import SCHEMA, load_review_state, parse_review_state, state_to_dict
from samrev.literature.state_fixture import build_review_state

RECORDS = [LiteratureRecord(f"r{i}", title=f"Samhandling mellom sykehus og kommune {i}",
                            abstract="Vi intervjuet sykepleiere om utskrivning.", year=2015 + i, language="nb")
           for i in range(6)]


def minimal() -> dict[str, Any]:
    return {"schema": SCHEMA, "review": {"title": "Test"},
            "batches": [{"id": "b1", "database": "MEDLINE", "records": 10}],
            "deduplication": {"duplicates_removed": 2},
            "screening": {"counts": {"records_screened": 8, "records_excluded": 6, "reports_sought": 2,
                                     "reports_not_retrieved": 0, "reports_assessed": 2,
                                     "reports_excluded": [{"reason": "Feil design", "count": 1}]}},
            "included": [{"record": {"record_id": "r1", "title": "En studie"}}]}


def test_round_trip_keeps_counts_and_judgements(tmp_path: Path) -> None:
    state = build_review_state(RECORDS, identified=60, duplicates=10, full_text_excluded=4, not_retrieved=1, seed=3)
    path = tmp_path / "gjennomgang.json"
    path.write_text(json.dumps(state_to_dict(state), ensure_ascii=False), encoding="utf-8")
    again = load_review_state(path)
    assert again.prisma().to_dict() == state.prisma().to_dict()
    assert [i.judgements for i in again.included] == [i.judgements for i in state.included]
    counts = again.prisma()
    assert counts.identified == 60 and counts.studies_included == 6 and counts.reports_excluded_total == 4


def test_counts_without_decisions() -> None:
    counts = parse_review_state(minimal(), "m.json").prisma()
    assert counts.records_screened == 8 and counts.studies_included == 1


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(schema="x/2"), "schema: ventet «samrev-literature-review/1»"),
    (lambda d: d["batches"][0].pop("database"), "batches[0].database: mangler"),
    (lambda d: d["batches"][0].update(records=-3), "batches[0].records: ventet et heltall ≥ 0"),
    (lambda d: d.update(batches=[]), "batches: ingen søk"),
    (lambda d: d["deduplication"].update(duplicates_removed="mange"), "deduplication.duplicates_removed"),
    (lambda d: d["screening"].update(decisions=[{"record_id": "r1", "stage": "abstract", "decision": "include"}]),
     "screening.decisions[0].stage: ukjent trinn «abstract»"),
    (lambda d: d["screening"].update(decisions=[{"record_id": "r1", "stage": "title_abstract",
                                                 "decision": "not_retrieved"}]),
     "screening.decisions[0].decision: ukjent beslutning «not_retrieved»"),
    (lambda d: d["included"][0]["record"].update(title=""), "included[0].record: har verken tittel"),
    (lambda d: d["included"].append({"record": {"record_id": "r1", "title": "igjen"}}), "«r1» står mer enn én gang"),
    (lambda d: d["included"][0].update(judgements=[{"subject": "study:setting", "value": "kommune",
                                                     "provenance": "robot"}]),
     "included[0].judgements[0]: ugyldig opphav «robot»"),
    (lambda d: d["screening"]["counts"].update(reports_assessed=1),
     "rapporter søkt innhentet (2) − ikke innhentet (0)"),
])
def test_errors_name_the_place(change: Any, expected: str) -> None:
    data = minimal()
    change(data)
    with pytest.raises(Exception) as info:
        parse_review_state(data, "m.json").prisma()
    message = getattr(info.value, "message", str(info.value))
    assert expected in message, message
    assert "m.json" in message


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_review_state(tmp_path / "mangler.json")
    bad = tmp_path / "feil.json"
    bad.write_text('{"schema": ', encoding="utf-8")
    with pytest.raises(ReviewStateInvalid) as info:
        load_review_state(bad)
    assert "ikke gyldig JSON (linje 1" in info.value.message
