"""Domain dataclasses shared by every package.

Offsets are Python ``str`` indices (code points) into the one normalised text of a document,
end-exclusive, as in ``text[start:end]``.  A span's ``page`` is 1-based, or ``None`` where a
format has no pages (DOCX, HTML, plain text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from samrev.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str
    page: int | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]),
                   page=None if data.get("page") is None else int(data["page"]))


@dataclass(frozen=True, slots=True)
class Passage:
    """A segment of a document (a paragraph or a window of sentences) with its location."""

    start: int
    end: int
    text: str
    page: int | None = None
    language: str | None = None  # "nb", "nn", "en" or None when undecided
    index: int = 0  # position among the document's passages


class ProvenanceKind(StrEnum):
    RULE = "rule"
    MODEL = "model"
    PERSON = "person"


_PROVENANCE_RE = re.compile(r"^(?:(rule|model):([^@\s]+)(?:@(\S+))?|(person):(\S+))$")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who or what made a judgement: ``rule:<id>``, ``model:<name>@<version>`` or ``person:<user>``."""

    kind: ProvenanceKind
    name: str
    version: str | None = None

    def __post_init__(self) -> None:
        if self.kind is ProvenanceKind.MODEL and not self.version:
            raise ValueError("a model provenance needs a version")

    def __str__(self) -> str:
        base = f"{self.kind.value}:{self.name}"
        return f"{base}@{self.version}" if self.version else base

    @classmethod
    def parse(cls, text: str) -> Provenance:
        match = _PROVENANCE_RE.match(text.strip())
        if not match:
            raise InputError(
                detail=f"ugyldig opphav «{text}» (ventet rule:…, model:…@versjon eller person:…)"
            )
        if match.group(4):  # a person's name may hold "@" (an e-mail address): no version
            return cls(ProvenanceKind.PERSON, match.group(5))
        kind, name, version = match.group(1, 2, 3)
        return cls(ProvenanceKind(kind), name, version)

    @classmethod
    def rule(cls, rule_id: str, version: str | None = None) -> Provenance:
        return cls(ProvenanceKind.RULE, rule_id, version)

    @classmethod
    def model(cls, name: str, version: str) -> Provenance:
        return cls(ProvenanceKind.MODEL, name, version)

    @classmethod
    def person(cls, user: str) -> Provenance:
        return cls(ProvenanceKind.PERSON, user)

    @property
    def is_person(self) -> bool:
        return self.kind is ProvenanceKind.PERSON


@dataclass(frozen=True, slots=True)
class Judgement:
    """A value for a named field or theme of one item, with its evidence and provenance.

    ``subject`` names what is judged (``"lms_level"``, ``"theme:user_participation"``).
    A person's verification is a Judgement with a ``person:`` provenance that supersedes the
    machine's; nothing is overwritten.
    """

    subject: str
    value: Any
    provenance: Provenance
    evidence: tuple[Span, ...] = ()
    confidence: float | None = None
    note: str = ""
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "value": self.value,
            "provenance": str(self.provenance),
            "confidence": self.confidence,
            "evidence": [span.to_dict() for span in self.evidence],
            "note": self.note,
        }


def effective(judgements: list[Judgement]) -> Judgement | None:
    """The judgement a report uses: the latest person's verification, else the latest machine one.

    Judgements are taken in the order given (oldest first).
    """
    persons = [j for j in judgements if j.provenance.is_person]
    if persons:
        return persons[-1]
    return judgements[-1] if judgements else None


@dataclass(frozen=True, slots=True)
class Finding:
    """A statement for the report, resting on judgements."""

    source: str  # "agreements", "survey", "literature", "synthesis"
    key: str
    statement: str
    data: dict[str, Any] = field(default_factory=dict)
    judgements: tuple[Judgement, ...] = ()
