from __future__ import annotations

import pytest

from samrev.core.errors import InputError
from samrev.core.model import Judgement, Provenance, ProvenanceKind, Span, effective


def test_provenance_round_trips_through_text() -> None:
    for text in ("rule:signature.block", "model:lms_level@2026.11.1", "person:kari", "person:kari@hf.no"):
        assert str(Provenance.parse(text)) == text
    p = Provenance.parse("model:lms_level@3")
    assert p.kind is ProvenanceKind.MODEL and p.name == "lms_level" and p.version == "3"
    person = Provenance.parse("person:kari@hf.no")
    assert person.is_person and person.name == "kari@hf.no" and person.version is None


@pytest.mark.parametrize("bad", ["", "rule", "robot:x", "model:", "person:kari ola"])
def test_bad_provenance_is_an_input_error(bad: str) -> None:
    with pytest.raises(InputError) as info:
        Provenance.parse(bad)
    assert info.value.code == "INPUT_INVALID"
    assert "opphav" in info.value.message


def test_model_provenance_needs_version() -> None:
    with pytest.raises(ValueError):
        Provenance(ProvenanceKind.MODEL, "lms_level")


def test_span_rejects_inverted_offsets() -> None:
    with pytest.raises(ValueError):
        Span(start=10, end=5, text="")
    assert Span.from_dict({"page": 2, "start": 1, "end": 4, "text": "abc"}) == Span(1, 4, "abc", 2)


def test_confidence_must_be_a_probability() -> None:
    with pytest.raises(ValueError):
        Judgement("lms_level", 2, Provenance.rule("x"), confidence=1.5)


def test_person_verification_wins_over_later_machine_judgements() -> None:
    machine = Judgement("lms_level", 2, Provenance.model("lms", "1"), confidence=0.7)
    person = Judgement("lms_level", 3, Provenance.person("kari"))
    rerun = Judgement("lms_level", 1, Provenance.model("lms", "2"), confidence=0.6)
    assert effective([machine, person, rerun]) is person
    assert effective([machine, rerun]) is rerun
    assert effective([]) is None
