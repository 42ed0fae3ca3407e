"""PRISMA 2020 counts: every step must add up, and a mismatch names the step."""

from __future__ import annotations

import dataclasses

import pytest

from samrev.core.errors import PrismaMismatch, ReviewStateInvalid
from samrev.literature.coding import LiteratureRecord
from samrev.literature.prisma import PrismaCounts, ReasonCount, SourceCount, merge_sources
from samrev.literature.review_state import Batch, Decision, IncludedRecord, ReviewState


def good() -> PrismaCounts:
    return PrismaCounts(
        sources=(SourceCount("MEDLINE", 600), SourceCount("Embase", 400)), duplicates_removed=180,
        automation_removed=15, other_removed=5, records_screened=800, records_excluded=700, reports_sought=100,
        reports_not_retrieved=4, reports_assessed=96,
        reports_excluded=(ReasonCount("Feil populasjon", 30), ReasonCount("Ikke empirisk", 26)),
        studies_included=38, reports_included=40, origin="test.json")


def test_consistent_counts_pass_and_totals_are_computed() -> None:
    counts = good().validate()
    assert counts.identified == 1000
    assert counts.removed_before_screening == 200
    assert counts.reports_excluded_total == 56
    assert counts.problems() == []
    assert PrismaCounts.from_dict(counts.to_dict()) == counts


@pytest.mark.parametrize(("change", "expected"), [
    ({"records_screened": 801}, "identifiserte poster (1000) − duplikater (180)"),
    ({"duplicates_removed": 181}, "= 799, men screenede poster er 800"),
    ({"reports_sought": 99},
     "screenede poster (800) − ekskluderte poster (700) = 100, men rapporter søkt innhentet er 99"),
    ({"reports_assessed": 95}, "rapporter søkt innhentet (100) − ikke innhentet (4) = 96"),
    ({"reports_included": 41}, "rapporter vurdert (96) − rapporter ekskludert (56) = 40, men rapporter av inkluderte"),
    ({"studies_included": 41, "reports_included": None}, "= 40, men rapporter av inkluderte studier er 41"),
    ({"sources": (SourceCount("MEDLINE", 600), SourceCount("MEDLINE", 400))}, "«MEDLINE» står mer enn én gang"),
    ({"other_removed": -1}, "fjernet av andre grunner er negativt"),
])
def test_a_mismatch_names_the_step(change: dict[str, object], expected: str) -> None:
    counts = dataclasses.replace(good(), **change)  # type: ignore[arg-type]
    with pytest.raises(PrismaMismatch) as info:
        counts.validate()
    assert expected in info.value.message
    assert "test.json" in info.value.message
    assert info.value.code == "LITERATURE_PRISMA_MISMATCH"


def test_more_studies_than_reports_is_refused() -> None:
    counts = dataclasses.replace(good(), studies_included=41)
    assert any("flere enn rapportene" in p for p in counts.problems())


def test_batches_of_one_database_are_summed() -> None:
    merged = merge_sources([SourceCount("Embase", 10), SourceCount("MEDLINE", 5), SourceCount("Embase", 7)])
    assert merged == (SourceCount("Embase", 17), SourceCount("MEDLINE", 5))


def _state(decisions: list[Decision], included: list[str], identified: int = 10, duplicates: int = 2) -> ReviewState:
    return ReviewState(title="t", batches=[Batch("b1", "MEDLINE", identified - 4), Batch("b2", "Embase", 4)],
                       duplicates_removed=duplicates, decisions=decisions,
                       included=[IncludedRecord(LiteratureRecord(i, title=f"Studie {i}")) for i in included],
                       path="state.json")


def _decisions() -> list[Decision]:
    out = [Decision(f"r{i}", "title_abstract", "exclude", screener="kari") for i in range(5)]
    out += [Decision(f"r{i}", "title_abstract", "include", screener="kari") for i in range(5, 8)]
    out += [Decision("r5", "full_text", "include"), Decision("r6", "full_text", "exclude", reason="Feil design"),
            Decision("r7", "full_text", "not_retrieved")]
    return out


def test_counts_are_derived_from_the_decisions() -> None:
    counts = _state(_decisions(), ["r5"]).prisma()
    assert (counts.identified, counts.records_screened, counts.records_excluded) == (10, 8, 5)
    assert (counts.reports_sought, counts.reports_not_retrieved, counts.reports_assessed) == (3, 1, 2)
    assert counts.reports_excluded == (ReasonCount("Feil design", 1),)
    assert counts.studies_included == 1


def test_derived_counts_that_do_not_add_up_name_the_file() -> None:
    with pytest.raises(PrismaMismatch) as info:
        _state(_decisions(), ["r5"], duplicates=1).prisma()
    assert "state.json" in info.value.message and "screenede poster er 8" in info.value.message


def test_dual_screening_conflict_needs_a_final_decision() -> None:
    decisions = [*_decisions(), Decision("r0", "title_abstract", "include", screener="ola")]
    with pytest.raises(ReviewStateInvalid) as info:
        _state(decisions, ["r5"]).prisma()
    assert "uløst konflikt om posten «r0»" in info.value.message
    settled = [*decisions, Decision("r0", "title_abstract", "exclude", screener="leder", final=True)]
    assert _state(settled, ["r5"]).prisma().records_excluded == 5


def test_an_included_study_needs_a_full_text_inclusion() -> None:
    with pytest.raises(ReviewStateInvalid) as info:
        _state(_decisions(), ["r6"]).prisma()
    assert "«r6»" in info.value.message


def test_full_text_must_follow_title_abstract() -> None:
    waiting = [d for d in _decisions() if not (d.stage == "full_text" and d.record_id == "r7")]
    with pytest.raises(ReviewStateInvalid) as info:
        _state(waiting, ["r5"]).prisma()
    assert "1 poster er inkludert på tittel og sammendrag, men har ingen avgjort fulltekstbeslutning («r7»" \
        in info.value.message
    stray = [*_decisions(), Decision("r0", "full_text", "include", screener="kari")]
    with pytest.raises(ReviewStateInvalid) as info:
        _state(stray, ["r5"]).prisma()
    assert "posten «r0» har en fulltekstbeslutning, men er ikke inkludert på tittel og sammendrag" \
        in info.value.message


def test_two_exclusions_for_different_reasons_need_a_final_decision() -> None:
    same = [*_decisions(), Decision("r6", "full_text", "exclude", reason="feil  design", screener="ola"),
            Decision("r8", "title_abstract", "include"), Decision("r8", "full_text", "exclude", reason="Feil Design")]
    counts = _state(same, ["r5"], identified=11).prisma()
    assert counts.reports_excluded == (ReasonCount("feil design", 2),)  # one reason, however it is spelt
    other = [*_decisions(), Decision("r6", "full_text", "exclude", reason="Språk", screener="ola")]
    with pytest.raises(ReviewStateInvalid) as info:
        _state(other, ["r5"]).prisma()
    assert "uløst konflikt om posten «r6»" in info.value.message and "(Språk)" in info.value.message
    settled = [*other, Decision("r6", "full_text", "exclude", reason="Språk", screener="per", final=True)]
    assert _state(settled, ["r5"]).prisma().reports_excluded == (ReasonCount("Språk", 1),)
