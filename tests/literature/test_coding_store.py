"""Literature codings stored as Judgements (item type literature_record) and verified by people."""

from __future__ import annotations

import pytest

from samrev.literature.coding import THEME_ABSENT, LiteratureCoder, LiteratureRecord, effective_values
from samrev.literature.coding_store import confirm, effective_record_judgements, store_coding
from samrev.store import repository

pytestmark = pytest.mark.django_db

RECORD = LiteratureRecord(
    "pmid:123", title="Utskrivning av eldre pasienter fra sykehus til kommune",
    abstract="Vi intervjuet 12 sykepleiere i to kommuner. Elektroniske meldinger kom ofte for sent.", year=2020,
    language="nb")


def test_store_confirm_and_correct() -> None:
    coding = LiteratureCoder().code_record(RECORD)
    stored = store_coding(coding, project="p", actor="maskin")
    assert len(stored) == len(coding.judgements)
    assert {s.item_type for s in stored} == {"literature_record"}
    assert store_coding(coding, project="p") == stored  # the same run is recorded once
    by_subject = {s.judgement.subject: s for s in stored}
    confirm(by_subject["study:design"].id, "kari")
    confirm(by_subject["study:setting"].id, "kari", "sykehus", note="bare sykehuset deltok")
    theme = next(s for s in stored if s.judgement.subject.startswith("theme:"))
    confirm(theme.id, "kari", THEME_ABSENT)
    values = effective_values(effective_record_judgements("p", RECORD.record_id))
    assert values["study:setting"] == "sykehus"
    assert values["study:design"] == coding.value("design")
    assert theme.judgement.subject not in values
    history = repository.history("literature_record", f"p:{RECORD.record_id}", "study:setting")
    assert [str(h.judgement.provenance).split(":")[0] for h in history] == ["rule", "person"]
    assert history[-1].supersedes_id == by_subject["study:setting"].id
