"""The coder returns Judgements: subject, provenance, evidence spans, confidence, offsets."""

from __future__ import annotations

from samrev.coding.codebook import Codebook
from samrev.coding.lexicon import LexiconCoder
from samrev.core.components import Component
from samrev.core.model import Judgement, ProvenanceKind

TEXT = "Det mangler brukermedvirkning og brukerrepresentanter i fagrådet. Vi ønsker faste møteplasser."


def test_component_attributes() -> None:
    assert LexiconCoder.name == "lexicon"
    assert LexiconCoder.version
    assert LexiconCoder.label
    assert isinstance(LexiconCoder(), Component)


def test_judgement_shape(coder: LexiconCoder, codebook: Codebook) -> None:
    judgements = coder.code(TEXT)
    assert all(isinstance(j, Judgement) for j in judgements)
    by_subject = {j.subject: j for j in judgements}
    assert list(by_subject) == ["theme:meeting_arenas", "theme:user_participation"]  # codebook order
    participation = by_subject["theme:user_participation"]
    assert participation.value == "barrier"
    assert participation.provenance.kind is ProvenanceKind.RULE
    assert str(participation.provenance) == f"rule:lexicon.user_participation@{codebook.version}"
    assert [span.text for span in participation.evidence] == ["brukermedvirkning", "brukerrepresentanter"]
    for judgement in judgements:
        assert judgement.confidence is not None and 0.0 < judgement.confidence <= 0.95
        for span in judgement.evidence:
            assert TEXT[span.start : span.end] == span.text


def test_more_distinct_terms_raise_confidence(coder: LexiconCoder) -> None:
    one = coder.code("Brukermedvirkning er nevnt.")[0]
    two = coder.code("Brukermedvirkning og brukerrepresentanter er nevnt.")[0]
    assert one.confidence is not None and two.confidence is not None
    assert two.confidence > one.confidence


def test_offset_and_page_place_spans_in_the_document(coder: LexiconCoder) -> None:
    document = "Innledning. " + TEXT
    (judgement,) = [j for j in coder.code(TEXT, offset=12, page=3) if j.subject == "theme:meeting_arenas"]
    for span in judgement.evidence:
        assert document[span.start : span.end] == span.text
        assert span.page == 3


def test_absent_themes(coder: LexiconCoder) -> None:
    absent = coder.absent_themes(coder.code(TEXT))
    assert "terminology" in absent and "sami_minorities" in absent
    assert "user_participation" not in absent and len(absent) == 14


def test_to_dict_is_json_ready(coder: LexiconCoder) -> None:
    import json

    json.dumps([j.to_dict() for j in coder.code(TEXT)], ensure_ascii=False)
    json.dumps([h.to_dict() for h in coder.hits(TEXT)], ensure_ascii=False)
