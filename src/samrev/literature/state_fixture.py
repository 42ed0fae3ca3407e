"""A seeded builder of consistent review states (for tests, the demo and trying the report).

:func:`build_review_state` takes the records to include and invents the rest of a review around
them: search batches per database, duplicates, dual title/abstract screening by two people (with a
few conflicts settled by a final decision), full-text exclusions with reasons and reports that
could not be retrieved.  Everything is derived from the arguments and ``random.Random(seed)``, so
the same call gives the same state, and the PRISMA counts always add up.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from samrev.literature.coding import LiteratureCoder, LiteratureRecord, person_judgement
from samrev.literature.review_state import Batch, Decision, IncludedRecord, ReviewState

DEFAULT_DATABASES = (("MEDLINE (Ovid)", 0.42), ("Embase", 0.33), ("CINAHL", 0.15), ("SveMed+", 0.10))
EXCLUSION_REASONS = ("Handler ikke om samarbeid mellom nivåene", "Feil populasjon", "Ikke empirisk studie",
                     "Konferansesammendrag", "Språk")


def build_review_state(records: Sequence[LiteratureRecord], *, identified: int = 1500, duplicates: int = 310,
                       full_text_excluded: int = 40, not_retrieved: int = 3, confirmed_share: float = 0.5,
                       seed: int = 1, title: str = "Samarbeid om lærings- og mestringstilbud",
                       coder: LiteratureCoder | None = None) -> ReviewState:
    """A review state whose included studies are ``records`` (see the module docstring)."""
    rng = random.Random(seed)  # noqa: S311 - fixtures, not secrets
    included_ids = [r.record_id for r in records]
    screened = identified - duplicates
    sought = len(records) + full_text_excluded + not_retrieved
    if sought > screened:
        raise ValueError("more reports sought than records screened")
    batches: list[Batch] = []
    left = identified
    for index, (name, share) in enumerate(DEFAULT_DATABASES):
        count = left if index == len(DEFAULT_DATABASES) - 1 else round(identified * share)
        left -= count
        batches.append(Batch(id=f"b{index + 1}", database=name, records=count, date=f"2026-10-{index + 1:02d}",
                             query="(samhandling OR collaboration) AND (lærings- og mestring* OR patient education)",
                             file=f"{name.split()[0].lower().rstrip('+')}.ris"))
    other_ids = [f"x{n:05d}" for n in range(screened - len(records))]
    ft_excluded = other_ids[:full_text_excluded]
    ft_missing = other_ids[full_text_excluded:full_text_excluded + not_retrieved]
    ta_excluded = other_ids[full_text_excluded + not_retrieved:]
    decisions: list[Decision] = []
    time = 0

    def add(record_id: str, stage: str, decision: str, screener: str, reason: str = "", final: bool = False) -> None:
        nonlocal time
        time += 1
        decisions.append(Decision(record_id, stage, decision, reason, screener,
                                  f"2026-11-{1 + time // 400:02d}T{(time // 60) % 24:02d}:{time % 60:02d}:00", final))

    for record_id in [*included_ids, *ft_excluded, *ft_missing]:
        add(record_id, "title_abstract", "include", "kari")
        if rng.random() < 0.06:  # a conflict, settled by the third reader
            add(record_id, "title_abstract", "exclude", "ola")
            add(record_id, "title_abstract", "include", "leder", final=True)
        else:
            add(record_id, "title_abstract", "include", "ola")
    for record_id in ta_excluded:
        add(record_id, "title_abstract", "exclude", "kari")
        if rng.random() < 0.3:
            add(record_id, "title_abstract", "exclude", "ola")
    for record_id in included_ids:
        add(record_id, "full_text", "include", "kari")
    for record_id in ft_excluded:
        add(record_id, "full_text", "exclude", "kari", reason=rng.choice(EXCLUSION_REASONS))
    for record_id in ft_missing:
        add(record_id, "full_text", "not_retrieved", "kari")
    coder = coder or LiteratureCoder()
    included: list[IncludedRecord] = []
    for record in records:
        if rng.random() < confirmed_share:
            machine = coder.code_record(record).judgements
            person = tuple(person_judgement(j.subject, j.value, "kari", "bekreftet") for j in machine)
            included.append(IncludedRecord(record, (*machine, *person)))
        else:
            included.append(IncludedRecord(record, ()))
    return ReviewState(title=title, question="Hvordan samarbeider sykehus og kommuner om lærings- og "
                       "mestringstilbud?", date="2026-11-27", batches=batches, duplicates_removed=duplicates,
                       decisions=decisions, included=included, path="eksempel")
