"""Agreement assessment: the fields of shared/spec/agreement-assessment.md, each with evidence.

Public API::

    AgreementText.from_ingested(doc)          # the one text, pages, sentences, passages, headers
    assess_text(agreement) -> Assessment      # pure: every field as a Judgement
    assess_ingested(doc) -> Assessment        # an ingested file (or its error) to an Assessment
    Assessment.to_record() -> dict            # one JSON line of `samrev agreements assess`
"""

from __future__ import annotations

from samrev.agreements.assess import assess_ingested, assess_text
from samrev.agreements.context import AgreementText
from samrev.agreements.model import FIELDS, Assessment

__all__ = ["FIELDS", "AgreementText", "Assessment", "assess_ingested", "assess_text"]
