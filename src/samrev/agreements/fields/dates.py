"""adopted and revised: when this agreement was entered into, and its latest stated revision.

Dates come from :func:`samrev.text.find_dates` with the cue word before them.  ``adopted`` is the
earliest date with an adoption cue (inngått, vedtatt/vedteke, godkjent, gjelder fra/gjeld frå,
trer i kraft, signert …), or the date on a signature line, or the first row of a version table;
``revised`` is the latest date with a revision cue (revidert, sist endret/endra, rev. …) or the
newest row of a version table after its first.  Dates cued as something else (hearing
deadlines, print dates, law dates, meeting dates, the agreement replaced, planned revisions) are
never used.  A draft has no adoption date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samrev.agreements.context import AgreementText
from samrev.agreements.fields.status import is_draft, tail_lines
from samrev.core.model import Judgement, Provenance

RULE_VERSION = "3"
_VERSION_ROW = re.compile(r"^\s*\|?\s*(?:v(?:ersjon)?\.?\s*)?(\d{1,2}\.\d{1,2})\s*(?:\||\t|\s{2,}|\s+(?=\d)"
                          r"|\s+(?=[a-zæøå]{3,9}\.?\s+(?:19|20)\d{2}\b))",
                          re.IGNORECASE)
_HAS_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:19|20)\d{2}\b")
_PLACE_DATE = re.compile(r"^\s*[A-ZÆØÅ][\w .\-]{1,30},?\s+(?:den\s+)?\d", re.UNICODE)
# Dates in sentences about laws and reforms date those, not this agreement.
_LAW_SENTENCE = re.compile(r"\b(?:\w*reform\w*|lov(?:en|a)?|\w+loven|\w+lova|endringslov\w*|forskrift\w*|stortinget)\b",
                           re.IGNORECASE)
_SIGN_CONTEXT = re.compile(r"\b(?:for\s|sign|underskrift|underteikn|undertegn|dato|stad|sted)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Dated:
    value: str
    start: int
    end: int
    how: str  # rule id suffix


def _sortable(value: str) -> str:
    return value + "-00" * (2 - value.count("-"))


def _version_rows(doc: AgreementText) -> list[tuple[tuple[int, int], Dated]]:
    from samrev.text import find_dates

    rows = []
    for line in doc.lines:
        match = _VERSION_ROW.match(line.text)
        if not match or not _HAS_DATE.search(line.text, match.end()):
            continue
        dates = [d for d in find_dates(line.text) if d.cue != "other"]
        if not dates:
            continue
        major, minor = (int(x) for x in match.group(1).split("."))
        first = dates[0]
        rows.append(((major, minor), Dated(first.value, line.start + first.start, line.start + first.end,
                                           "version_table")))
    return rows


def candidates(doc: AgreementText) -> tuple[list[Dated], list[Dated]]:
    """(adoption candidates, revision candidates) in text order."""
    from samrev.text import find_dates

    adopted: list[Dated] = []
    revised: list[Dated] = []
    header_text = doc.header_text
    for mention in find_dates(header_text):
        if mention.cue == "revised":
            revised.append(Dated(mention.value, -1, -1, "header"))
    for mention in find_dates(doc.text):
        sentence = doc.sentence_at(mention.start)
        if sentence is not None and _LAW_SENTENCE.search(sentence.text):
            continue
        if mention.cue == "adopted":
            adopted.append(Dated(mention.value, mention.start, mention.end, "cue"))
        elif mention.cue == "revised":
            revised.append(Dated(mention.value, mention.start, mention.end, "cue"))
    tail = tail_lines(doc)
    tail_text = "\n".join(line.text for line in tail)
    if _SIGN_CONTEXT.search(tail_text):
        for line in tail:
            if not _PLACE_DATE.match(line.text) and not line.text.lower().lstrip().startswith(("dato", "sted", "stad")):
                continue
            for mention in find_dates(line.text):
                if mention.cue in (None, "adopted"):
                    adopted.append(Dated(mention.value, line.start + mention.start, line.start + mention.end,
                                         "signature_line"))
    rows = _version_rows(doc)
    if rows:
        rows.sort(key=lambda row: row[0])
        adopted.append(rows[0][1])
        if len(rows) > 1 and rows[-1][0] > rows[0][0]:
            revised.append(rows[-1][1])
    return adopted, revised


def judge(doc: AgreementText) -> tuple[Judgement, Judgement]:
    from samrev.agreements.fields.kind import is_case_document

    if is_case_document(doc):
        note = "saksdokument om en avtale: datoene gjelder andre dokumenter"
        return (Judgement("adopted", None, Provenance.rule("dates.case_document", RULE_VERSION), confidence=0.7,
                          note=note),
                Judgement("revised", None, Provenance.rule("dates.case_document", RULE_VERSION), confidence=0.7,
                          note=note))
    adopted, revised = candidates(doc)
    draft = is_draft(doc)
    if draft or not adopted:
        note = "utkast: ingen vedtaksdato" if draft else "ingen dato for inngåelse/vedtak"
        adopted_j = Judgement("adopted", None, Provenance.rule("dates.adopted.none", RULE_VERSION),
                              confidence=0.7, note=note)
    else:
        best = min(adopted, key=lambda d: _sortable(d.value))
        adopted_j = Judgement(
            "adopted", best.value, Provenance.rule(f"dates.adopted.{best.how}", RULE_VERSION),
            evidence=(doc.span(best.start, best.end),) if best.start >= 0 else (),
            confidence=0.8 if best.how == "cue" else 0.65,
            note=f"{len(adopted)} kandidater; tidligste valgt",
        )
    if revised:
        latest = max(revised, key=lambda d: _sortable(d.value))
        revised_j = Judgement(
            "revised", latest.value, Provenance.rule(f"dates.revised.{latest.how}", RULE_VERSION),
            evidence=(doc.span(latest.start, latest.end),) if latest.start >= 0 else (),
            confidence=0.8, note=f"{len(revised)} kandidater; siste valgt",
        )
    else:
        revised_j = Judgement("revised", None, Provenance.rule("dates.revised.none", RULE_VERSION),
                              confidence=0.7, note="ingen revisjon oppgitt")
    return adopted_j, revised_j
