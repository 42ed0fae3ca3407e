"""Document status shared by several fields: is it a draft, and where are its signature blocks?"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samrev.agreements.context import AgreementText, Segment
from samrev.text.prefilter import prefilter

# "UTKAST" as a marker (capitals or a heading word), hearing versions, proposals.
DRAFT = re.compile(
    r"\bUTKAST\b|\butkast\s+(?:til|per|pr\.?|datert|versjon|v\.?\s*\d)|\bhøy?ringsutkast\w*"
    r"|\b(?:sendt\s+|sendast\s+|sendes\s+)?(?:ut\s+)?på\s+høy?ring\b|\btil\s+høy?ring\b"
    r"|\bforslag\s+til\s+(?:ny\s+|revidert\s+)?(?:\w+avtale|avtale|retningslin)\w*"
    r"|\bframlegg\s+til\s+(?:ny\s+|revidert\s+)?(?:\w+avtale|avtale|retningslin)\w*|\bikke\s+ferdigstilt\b|\bikkje\s+ferdigstilt\b"
    r"|\bDRAFT\b"
    # the subject line of a hearing letter: «Høring – forslag til revidert delavtale 6 …»
    r"|(?<![^\n])[ \t]*høy?ring\s*[–:-](?=\s)",
    re.IGNORECASE,
)
_DRAFT_CAPS = re.compile(r"\bUTKAST\b")


@dataclass(frozen=True, slots=True)
class DraftMarker:
    start: int | None  # None when the marker is in a running header (not in the text)
    end: int | None
    text: str


def draft_markers(doc: AgreementText) -> list[DraftMarker]:
    """Draft markers in the running headers and in the text (title region and any 'UTKAST')."""
    found = doc.memo.get("draft_markers")
    if found is None:
        found = doc.memo["draft_markers"] = _draft_markers(doc)
    return list(found)


_ATTACHMENT_LINE = re.compile(r"\s*(?:\d+\.\s*)?(?:vedlegg|vedlegg\s+\d+|bilag|bilegg|trykte\s+vedlegg)\b",
                              re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"\s*(?:(?:emne|sak|vedr\.?|vedrørande|vedrørende|tittel|om)\s*:\s*)?", re.IGNORECASE)


def _draft_markers(doc: AgreementText) -> list[DraftMarker]:
    markers = [DraftMarker(None, None, m) for m in doc.draft_markers]
    for header in doc.headers + doc.footers:
        for match in DRAFT.finditer(header):
            markers.append(DraftMarker(None, None, match.group()))
    first_lines_end = doc.lines[min(1, len(doc.lines) - 1)].end if doc.lines else 0
    for match in prefilter(DRAFT).finditer(doc.text, doc.folded):
        if match.group().lower().startswith(("forslag", "framlegg")) and match.start() > first_lines_end:
            continue  # "forslag til revidert delavtale" inside a board case is about another document
        in_title = match.start() < max(doc.title_end, 400)
        in_caps = bool(_DRAFT_CAPS.fullmatch(match.group()))
        line_start = doc.text.rfind("\n", 0, match.start()) + 1
        line_end = doc.text.find("\n", match.end())
        line = doc.text[line_start: line_end if line_end >= 0 else len(doc.text)]
        # A short line of its own (a stamp, running header on a PDF page) or the title region; a
        # short line that continues a sentence (a wrapped line: lower case first, a full stop last,
        # "… planutkast\ntil høring.") is no stamp.
        stripped = line.strip()
        continues = stripped[:1].islower() or stripped.endswith((".", ","))
        # a subject line ("Høring – forslag til revidert delavtale 6"): the word opens its line
        # ("… revisjonsarbeidet. Høringsutkast til revidert avtale sendes …" is a sentence about a
        # future hearing, no stamp)
        if _ATTACHMENT_LINE.match(line):
            continue  # "Vedlegg: Revidert delavtale 11 (utkast datert 12.09.2024)": the attachment is the draft
        subject = (match.group().strip().lower().startswith(("høring", "høyring"))
                   and _SUBJECT_PREFIX.fullmatch(doc.text, line_start, match.start()) is not None)
        if in_title or in_caps or subject or (len(stripped) <= 60 and not continues):
            markers.append(DraftMarker(match.start(), match.end(), match.group()))
    return markers


def is_draft(doc: AgreementText) -> bool:
    return bool(draft_markers(doc))


def tail_lines(doc: AgreementText, share: float = 0.35, minimum: int = 25) -> list[Segment]:
    """The closing lines where signature blocks stand (last part of the text)."""
    lines = doc.lines
    count = max(minimum, int(len(lines) * share))
    return lines[-count:]
