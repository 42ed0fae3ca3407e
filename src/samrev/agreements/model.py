"""The assessment of one agreement: a Judgement per field of the spec, and its JSON record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samrev.core.model import Judgement

#: Judged fields in the spec's order (``good_example`` is derived, ``file`` is given).
FIELDS: tuple[str, ...] = (
    "language",
    "kind",
    "health_trust",
    "municipalities",
    "adopted",
    "revised",
    "signature",
    "lms_level",
    "user_participation_level",
    "commitment",
    "statutory_points",
    "meeting_arenas",
)

KINDS = ("overordnet", "delavtale", "retningslinje", "annet")
SIGNATURES = ("signed", "unsigned", "unknown")
COMMITMENTS = ("high", "low")


@dataclass(slots=True)
class Assessment:
    """All judgements for one file, or the error that kept it from being assessed."""

    file: str
    judgements: dict[str, Judgement] = field(default_factory=dict)
    needs_ocr: bool = False
    error: dict[str, str] | None = None
    content_hash: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        judgement = self.judgements.get(name)
        return judgement.value if judgement else None

    @property
    def good_example(self) -> bool:
        return bool(self.value("lms_level") == 3 and self.value("commitment") == "high")

    def to_record(self) -> dict[str, Any]:
        """The spec's JSON object: every field, evidence per judged field, needs_ocr, error."""
        record: dict[str, Any] = {"file": self.file}
        if self.error is not None:
            for name in FIELDS:
                record[name] = [] if name in ("municipalities", "statutory_points") else None
            record["good_example"] = False
            record["evidence"] = {}
        else:
            for name in FIELDS:
                record[name] = self.value(name)
            record["good_example"] = self.good_example
            record["evidence"] = {
                name: [span.to_dict() for span in self.judgements[name].evidence]
                for name in FIELDS if name in self.judgements
            }
        record["needs_ocr"] = self.needs_ocr
        record["error"] = self.error
        return record

    def provenance(self) -> dict[str, dict[str, Any]]:
        """Per field: provenance, confidence and note (for `explain` and the store)."""
        return {
            name: {"provenance": str(j.provenance), "confidence": j.confidence, "note": j.note}
            for name, j in self.judgements.items()
        }
