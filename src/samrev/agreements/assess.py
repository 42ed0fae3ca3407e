"""Assess one agreement: every field of the spec as a Judgement with evidence and provenance.

Pure: an :class:`AgreementText` (or an ingested document) in, an :class:`Assessment` out.
Storage, batching and output formats are in :mod:`samrev.agreements.service` and the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from samrev.agreements.context import AgreementText
from samrev.agreements.fields import commitment, dates, kind, language, levels, meetings, parties, signature, statutory
from samrev.agreements.model import Assessment

if TYPE_CHECKING:
    from samrev.ingest.model import IngestedDocument

#: Bumped whenever a rule changes what it decides: part of the reuse key of stored assessments.
ENGINE_VERSION = "1"


def assess_text(doc: AgreementText, scorers: dict[str, Any] | None = None) -> Assessment:
    """Every judged field of the spec for one agreement text."""
    scorers = scorers or {}
    result = Assessment(file=doc.path, needs_ocr=doc.needs_ocr, content_hash=doc.content_hash)
    put = result.judgements
    put["language"] = language.judge(doc)
    put["kind"] = kind.judge(doc)
    put["health_trust"], put["municipalities"] = parties.judge(doc)
    put["adopted"], put["revised"] = dates.judge(doc)
    put["signature"] = signature.judge(doc)
    put["lms_level"] = levels.judge(doc, "lms_level", scorers.get("lms_level"))
    put["user_participation_level"] = levels.judge(doc, "user_participation_level",
                                                   scorers.get("user_participation_level"))
    put["commitment"] = commitment.judge(doc)
    put["statutory_points"] = statutory.judge(doc, lms_level=put["lms_level"].value, kind=put["kind"].value)
    put["meeting_arenas"] = meetings.judge(doc)
    return result


def assess_ingested(ingested: IngestedDocument, scorers: dict[str, Any] | None = None) -> Assessment:
    """An ingested file to its assessment; a file that could not be read keeps its error."""
    if ingested.error is not None:
        return Assessment(file=ingested.path, needs_ocr=ingested.needs_ocr, error=ingested.error_record(),
                          content_hash=ingested.content_hash)
    return assess_text(AgreementText.from_ingested(ingested), scorers)
