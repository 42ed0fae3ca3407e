"""Store use cases for coding open survey answers (``samrev survey code``).

- :func:`save_answers` keeps pseudonymised answers (:class:`~samrev.store.models.SurveyAnswer`),
  once per content hash: importing the same export again adds nothing.
- :func:`record_codes` keeps an analyst's codes for an answer as a :class:`~samrev.store.models.Judgement`
  (``item_type="survey_answer"``, ``item_id`` = the answer's content hash, ``subject="codes"``,
  ``value`` = the sorted ``theme:polarity`` codes, provenance ``person:<user>``).  The same codes by
  the same person for the same answer are recorded once (run key = hash of the three); different
  codes are a new judgement that supersedes the person's previous one (the table is append-only).
- :func:`person_codes` reads the latest codes per answer.

Only pseudonymised text ever reaches these functions; the callers pseudonymise at import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from samrev.core import model as core
from samrev.store import models
from samrev.store.actions import _use_case, append_audit_event

ITEM_TYPE = "survey_answer"
SUBJECT = "codes"


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """What :func:`save_answers` needs of one answer (``text`` already pseudonymised)."""

    key: str
    survey: str
    answer_id: str
    question: str
    kind: str
    text: str
    group: str = ""
    subgroup: str = ""


@_use_case
def save_answers(rows: Sequence[AnswerRow], *, actor: str = "") -> int:
    """Store the answers not stored yet; returns how many were new."""
    keys = [row.key for row in rows]
    known = set(models.SurveyAnswer.objects.filter(content_hash__in=keys).values_list("content_hash", flat=True))
    fresh = {row.key: row for row in rows if row.key not in known}
    models.SurveyAnswer.objects.bulk_create(
        models.SurveyAnswer(content_hash=row.key, survey=row.survey, answer_id=row.answer_id, question=row.question,
                            kind=row.kind, group=row.group, subgroup=row.subgroup, text=row.text)
        for row in fresh.values()
    )
    if fresh:
        surveys = sorted({row.survey for row in fresh.values()})
        append_audit_event("survey_answers.saved", actor=actor, object_type="survey", object_id=";".join(surveys),
                           data={"count": len(fresh)})
    return len(fresh)


def _run_key(key: str, codes: Iterable[str], user: str) -> str:
    text = f"{key}\x1f{';'.join(sorted(codes))}\x1f{user}"
    return hashlib.sha256(text.encode()).hexdigest()


@_use_case
def record_codes(codes: Mapping[str, Iterable[str]], user: str,
                 evidence: Mapping[str, Sequence[core.Span]] | None = None) -> tuple[int, int]:
    """Record ``user``'s codes per answer key; returns (new judgements, unchanged)."""
    from samrev.core.errors import InputError

    user = user.strip()
    if not user:
        raise InputError(detail="brukernavnet kan ikke være tomt")
    provenance = str(core.Provenance.person(user))
    known = set(models.SurveyAnswer.objects.filter(content_hash__in=list(codes)).values_list("content_hash",
                                                                                             flat=True))
    missing = [key for key in codes if key not in known]
    if missing:
        raise InputError(detail=f"ukjent svar {missing[0][:12]}… (importer svarene fra eksporten først)")
    latest = _latest(list(codes), provenance)
    new = unchanged = 0
    for key, answer_codes in codes.items():
        value = sorted(set(answer_codes))
        run_key = _run_key(key, value, user)
        previous = latest.get(key)
        if previous is not None and previous.run_key == run_key:
            unchanged += 1
            continue
        row = models.Judgement(
            item_type=ITEM_TYPE, item_id=key, subject=SUBJECT, value=value,
            evidence=[span.to_dict() for span in (evidence or {}).get(key, ())],
            provenance=provenance, confidence=None, run_key=run_key, supersedes=previous, created_by=user,
        )
        row.save()
        new += 1
    if new:
        append_audit_event("survey_codes.recorded", actor=user, object_type=ITEM_TYPE, object_id="",
                           data={"new": new, "unchanged": unchanged})
    return new, unchanged


def _latest(keys: list[str], provenance: str | None = None) -> dict[str, models.Judgement]:
    rows = models.Judgement.objects.filter(item_type=ITEM_TYPE, item_id__in=keys, subject=SUBJECT,
                                           provenance_kind=models.ProvenanceKind.PERSON.value)
    if provenance is not None:
        rows = rows.filter(provenance=provenance)
    latest: dict[str, models.Judgement] = {}
    for row in rows.order_by("created_at", "id"):
        latest[row.item_id] = row
    return latest


def person_codes(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """The latest person codes (any analyst) per answer key that has some."""
    return {key: frozenset(row.value or []) for key, row in _latest(list(keys)).items()}


def stored_answers(survey: str) -> list[models.SurveyAnswer]:
    return list(models.SurveyAnswer.objects.filter(survey=survey))
