"""Screening decisions in the store: committed one by one, undo, resume, screeners, resolution."""

from __future__ import annotations

import pytest

from samrev.core.errors import InputError, UnknownScreeningRecord

pytestmark = pytest.mark.django_db


def test_decisions_are_judgements_with_screener_time_and_audit() -> None:
    from samrev.literature import decisions
    from samrev.store import models

    decisions.ensure_project("lms-lit")
    first = decisions.record_decision("lms-lit", "r1", "kari", "include")
    row = models.Judgement.objects.get(pk=first.id)
    assert (row.item_type, row.item_id, row.subject, row.value) == (
        "literature_record", "lms-lit:r1", "screening:title_abstract", "include")
    assert row.provenance == "person:kari" and row.created_by == "kari" and row.created_at is not None
    assert models.AuditEvent.objects.filter(action="literature.screening_decision", object_id="lms-lit:r1").count() == 1
    second = decisions.record_decision("lms-lit", "r1", "kari", "exclude")
    assert second.supersedes_id == first.id
    assert models.Judgement.objects.filter(item_id="lms-lit:r1").count() == 2  # nothing overwritten


def test_undo_replay_and_resume() -> None:
    from samrev.literature import decisions

    decisions.record_decision("p", "a", "kari", "include")
    decisions.record_decision("p", "b", "kari", "uncertain")
    decisions.record_decision("p", "c", "kari", "exclude")
    decisions.record_decision("p", "b", "kari", "exclude")
    decisions.record_decision("p", "d", "ola", "include")
    assert decisions.current_decisions("p", "kari") == [("a", "include"), ("c", "exclude"), ("b", "exclude")]
    withdrawn = decisions.withdraw_decision("p", "b", "kari")
    assert withdrawn is not None and withdrawn.value is None
    # the uncertain mark before the withdrawn decision stands again, at its own time
    assert decisions.current_decisions("p", "kari") == [("a", "include"), ("b", "uncertain"), ("c", "exclude")]
    decisions.withdraw_decision("p", "c", "kari")
    assert decisions.current_decisions("p", "kari") == [("a", "include"), ("b", "uncertain")]
    assert decisions.withdraw_decision("p", "c", "kari") is None  # nothing left to take back
    assert decisions.screeners("p") == ["kari", "ola"]
    assert len(decisions.history("p", "kari")) == 6
    assert decisions.current_decisions("other", "kari") == []


def test_resolve_records_a_final_decision() -> None:
    from samrev.literature import decisions

    decisions.record_decision("p", "a", "kari", "include")
    decisions.record_decision("p", "a", "ola", "exclude")
    final = decisions.resolve("p", "a", "include", "per", note="oppfyller kriteriene")
    assert final.screener == "per" and final.value == "include"
    again = decisions.resolve("p", "a", "exclude", "per")
    assert again.supersedes_id == final.id
    assert decisions.final_decisions("p")["a"].value == "exclude"
    with pytest.raises(UnknownScreeningRecord):
        decisions.resolve("p", "zzz", "include", "per")
    with pytest.raises(InputError):
        decisions.resolve("p", "a", "uncertain", "per")
    with pytest.raises(InputError):
        decisions.record_decision("p", "a", "kari nordmann", "include")
    with pytest.raises(InputError):
        decisions.ensure_project("Ikke Et Kortnavn")


def test_sources_are_noted_once() -> None:
    from samrev.literature import decisions

    assert decisions.register_source("p", label="a.csv", key="sha256:1", path="/x/a.csv", records=3)
    assert not decisions.register_source("p", label="a.csv", key="sha256:1", path="/x/a.csv", records=3)
    assert decisions.register_source("p", label="b.csv", key="sha256:2", path="/x/b.csv", records=4)
    assert [s["label"] for s in decisions.registered_sources("p")] == ["b.csv", "a.csv"]


def test_decisions_in_the_review_state_form() -> None:
    from samrev.literature import decisions
    from samrev.literature.review_state import parse_review_state

    decisions.record_decision("rs", "a", "kari", "include")
    decisions.record_decision("rs", "a", "ola", "exclude")
    decisions.record_decision("rs", "b", "kari", "exclude")
    decisions.record_decision("rs", "b", "ola", "exclude")
    decisions.record_decision("rs", "c", "kari", "uncertain")
    decisions.resolve("rs", "a", "include", "per", note="kriteriene er oppfylt")
    rows = decisions.review_state_decisions("rs")
    assert [(r["record_id"], r["screener"], r["decision"], r["final"]) for r in rows] == [
        ("a", "kari", "include", False), ("a", "ola", "exclude", False),
        ("b", "kari", "exclude", False), ("b", "ola", "exclude", False), ("a", "per", "include", True),
    ]
    assert rows[-1]["reason"] == "kriteriene er oppfylt" and all(r["time"] for r in rows)
    # the literature report's reader accepts them: the conflict on «a» is settled by the final decision
    state = parse_review_state({
        "schema": "samrev-literature-review/1",
        "review": {"title": "T", "question": "Q", "date": "2026-11-27"},
        "batches": [{"id": "b1", "database": "MEDLINE", "records": 3}],
        "deduplication": {"duplicates_removed": 0},
        "screening": {"decisions": rows},
        "included": [],
    })
    settled = state.final_decisions("title_abstract")
    assert {rid: d.decision for rid, d in settled.items()} == {"a": "include", "b": "exclude"}
    assert settled["a"].screener == "per"


def test_unresolved_conflicts_are_flagged_not_settled() -> None:
    from samrev.literature import decisions

    decisions.record_decision("uc", "a", "kari", "include")
    decisions.record_decision("uc", "a", "ola", "exclude")
    decisions.record_decision("uc", "b", "kari", "include")
    decisions.record_decision("uc", "b", "ola", "include")
    decisions.record_decision("uc", "a", "kari", "include", stage="full_text")  # after an unresolved conflict
    decisions.record_decision("uc", "b", "kari", "exclude", "feil populasjon", stage="full_text")
    decisions.record_decision("uc", "b", "ola", "not_retrieved", stage="full_text")
    decisions.record_decision("uc", "z", "kari", "include")  # not among the records asked for
    settled = decisions.settled_state_decisions("uc", ["a", "b"])
    assert settled.unresolved == [
        {"record_id": "a", "stage": "title_abstract", "decisions": {"kari": "include", "ola": "exclude"}},
        {"record_id": "b", "stage": "full_text", "decisions": {"kari": "exclude", "ola": "not_retrieved"},
         "reasons": {"kari": "feil populasjon"}},
    ]
    assert [(r["record_id"], r["stage"], r["decision"]) for r in settled.decisions] == [
        ("b", "title_abstract", "include"), ("b", "title_abstract", "include")]
    decisions.resolve("uc", "b", "exclude", "per", "feil populasjon", stage="full_text")
    decisions.resolve("uc", "a", "include", "per")
    settled = decisions.settled_state_decisions("uc", ["a", "b"])
    assert settled.unresolved == []
    finals = [(r["record_id"], r["stage"], r["decision"]) for r in settled.decisions if r["final"]]
    assert finals == [("a", "title_abstract", "include"), ("b", "full_text", "exclude")]


def test_stage_status_settles_conflicts_and_reasons() -> None:
    from samrev.literature import decisions

    decisions.record_decision("st", "a", "kari", "include")
    decisions.record_decision("st", "a", "ola", "uncertain")
    decisions.record_decision("st", "b", "kari", "include")
    decisions.record_decision("st", "b", "ola", "exclude")
    decisions.record_decision("st", "c", "kari", "uncertain")
    status = decisions.stage_status("st", "title_abstract")
    assert [d.screener for d in status["a"].standing] == ["kari", "ola"] and not status["a"].conflict
    assert status["a"].settled is not None and status["a"].settled.value == "include"
    assert status["b"].conflict and status["b"].settled is None
    assert status["c"].settled is None and not status["c"].conflict  # only «uncertain»: nothing decided
    decisions.resolve("st", "b", "exclude", "per")
    settled = decisions.stage_status("st", "title_abstract", ["b"])["b"].settled
    assert settled is not None and (settled.value, settled.screener) == ("exclude", "per")
    # full text: an exclusion needs a reason, and two reasons are a conflict until resolved
    with pytest.raises(InputError):
        decisions.record_decision("st", "a", "kari", "exclude", "  ", stage="full_text")
    with pytest.raises(InputError):
        decisions.resolve("st", "a", "exclude", "per", stage="full_text", known_records=["a"])
    decisions.record_decision("st", "a", "kari", "exclude", "Feil populasjon", stage="full_text")
    decisions.record_decision("st", "a", "ola", "exclude", "feil populasjon", stage="full_text")
    assert not decisions.stage_status("st", "full_text")["a"].conflict
    decisions.record_decision("st", "a", "ola", "exclude", "Språk", stage="full_text")
    assert decisions.stage_status("st", "full_text")["a"].conflict
    # a withdrawal brings back the earlier decision with its own reason
    decisions.withdraw_decision("st", "a", "ola", stage="full_text")
    standing = decisions.stage_status("st", "full_text")["a"].standing
    assert [(d.screener, d.note) for d in standing] == [("kari", "Feil populasjon"), ("ola", "feil populasjon")]
    # full-text decisions on a record not included at title/abstract are set aside
    decisions.record_decision("st", "b", "kari", "include", stage="full_text")
    state = decisions.settled_state_decisions("st")
    assert state.set_aside == [{"record_id": "b", "stage": "full_text", "decisions": {"kari": "include"}}]
    assert {(d["record_id"], d["stage"]) for d in state.decisions if d["stage"] == "full_text"} == {
        ("a", "full_text")}
