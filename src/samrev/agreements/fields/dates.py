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
from samrev.text.dates import DateMention
from samrev.text.prefilter import prefilter

RULE_VERSION = "14"
_VERSION_ROW = re.compile(r"^\s*\|?\s*(?:v(?:ersjon)?\.?\s*)?(\d{1,2}\.\d{1,2})\s*(?:\||\t|\s{2,}|\s+(?=\d)"
                          r"|\s*[–—-]\s|\s+(?=[a-zæøå]{3,9}\.?\s+(?:19|20)\d{2}\b))",
                          re.IGNORECASE)
# The head of a version or revision table: a heading ("Versjonshistorikk", "Endringslogg",
# "Revisjonar") or a short row of column names with a version word and a date, approval or change
# word ("Versjon | Dato | Endring", "Rev.\tDato\tGodkjent av", "Dato Versjon Endring" in PDF text).
_TABLE_HEADING = re.compile(
    r"^\s*(?:versjons|revisjons|endrings|dokument)(?:historikk|logg|oversikt|oversyn)\s*:?\s*$"
    r"|^\s*(?:endringar|endringer|revisjonar|revisjoner|versjonar|versjoner)\s*:?\s*$",
    re.IGNORECASE,
)
_HEAD_VERSION = re.compile(r"(?:^|[\s|])(?:versjon|versjonsnr\.?|rev\.?|revisjon|utgåve|utgave)(?=$|[\s|:])",
                           re.IGNORECASE)
_HEAD_WORD_GAP = re.compile(r"[\s|]+")
_HEAD_COLUMN = re.compile(r"\b(?:dato|godkjent|godkjend|vedtatt|vedteke|endring\w*|beskrivelse|skildring"
                          r"|kommentar\w*|merknad\w*)\b", re.IGNORECASE)


def _is_table_head(text: str) -> bool:
    if _TABLE_HEADING.match(text):
        return True
    # (the cheapest and rarest conditions first: most lines have no version word)
    if len(text) >= 100 or not _HEAD_VERSION.search(text) or not _HEAD_COLUMN.search(text):
        return False
    words = [w for w in _HEAD_WORD_GAP.split(text) if w]
    return 2 <= len(words) <= 10 and not _HAS_DATE.search(text) and not text.rstrip().endswith((".", ","))


_COLUMN_GAP = re.compile(r"\t|[ \t]{2,}")
_TABLE_RULE = re.compile(r"^[\s|:+=-]+$")
_CELL_SPLIT = re.compile(r"\s*(?:\||\t|\s{2,})\s*")
_VERSION_CELL = re.compile(r"(?:v(?:ersjon)?\.?\s*|rev\.?\s*)?(\d{1,2}(?:\.\d{1,2}){0,2}|[A-Z])", re.IGNORECASE)
_HAS_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:19|20)\d{2}\b")
_PLACE_DATE = re.compile(r"^\s*\|?\s*[A-ZÆØÅ][\w .\-]{1,30},?\s+(?:den\s+)?\d", re.UNICODE)
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


def _row_date(text: str, before: str = "") -> tuple[int, int, str] | None:
    """The first date in a table row (offsets in ``text``), unless it is cued as something else.

    ``before`` is the line above when ``text`` may continue its cell (a wrapped line): the dates
    are read with it, so "… Erstatter / avtale av 1. juli 2012" dates the replaced agreement."""
    from samrev.text import find_dates

    if not _HAS_DATE.search(text):
        return None
    # a cell boundary, not "versjon 10.02.2014": mark it (same length, so offsets hold)
    cells = _COLUMN_GAP.sub(lambda gap: "|" + gap.group()[1:], text)
    shift = len(before) + 1 if before else 0
    read = f"{before}\n{cells}" if before else cells
    dates = [d for d in find_dates(read) if d.cue != "other" and d.start >= shift]
    return (dates[0].start - shift, dates[0].end - shift, dates[0].value) if dates else None


def _continues_row(text: str) -> bool:
    """A wrapped line of a table cell: it opens with a lower-case word, not with a version number,
    a date or a new cell (indented in a PDF's text layer, or not: OCR gives no indentation)."""
    return text.lstrip()[:1].islower()


def _version_key(text: str) -> tuple[int, ...] | None:
    """The version of a row: its first cell that is a version number ("1.0", "v2", "3", "B")."""
    for cell in _CELL_SPLIT.split(text.strip().strip("|"))[:3]:
        match = _VERSION_CELL.fullmatch(cell.strip())
        if match:
            token = match.group(1)
            if token.isalpha():
                return (ord(token.upper()) - ord("A") + 1,)
            return tuple(int(x) for x in token.split("."))
    return None


def _table_rows(doc: AgreementText) -> list[tuple[tuple[int, ...] | None, Dated]]:
    """Rows of version/revision tables: the lines under a table head, each with a date, until the
    first line that is not such a row."""
    rows: list[tuple[tuple[int, ...] | None, Dated]] = []
    lines = doc.lines
    # a head needs the words of a heading or of a version column: lines without them are passed by
    heading, version = doc.gate(_TABLE_HEADING), doc.gate(_HEAD_VERSION)
    index = 0
    while index < len(lines):
        line = lines[index]
        if not ((heading.may_match(line.start, line.end) or version.may_match(line.start, line.end))
                and _is_table_head(line.text)):
            index += 1
            continue
        index += 1
        while index < len(lines):
            line = lines[index]
            if _TABLE_RULE.match(line.text):
                index += 1
                continue
            wrapped = bool(rows) and _continues_row(line.text) and _version_key(line.text) is None
            found = _row_date(line.text, lines[index - 1].text if wrapped else "") if len(line.text) < 300 else None
            if found is None:
                if wrapped:  # the rest of a row's text (with a replaced agreement's date, say)
                    index += 1
                    continue
                break
            start, end, value = found
            rows.append((_version_key(line.text), Dated(value, line.start + start, line.start + end, "version_table")))
            index += 1
    return rows


def _version_rows(doc: AgreementText) -> list[tuple[tuple[int, ...] | None, Dated]]:
    """Rows of version tables and version lines ("1.0 | 31.01.2012 | Inngått", "Versjon 2.0 – 2016")."""
    rows = _table_rows(doc)
    seen = {row[1].start for row in rows}
    for line in doc.lines:
        match = _VERSION_ROW.match(line.text)
        if not match or not _HAS_DATE.search(line.text, match.end()):
            continue
        found = _row_date(line.text)
        if found is None or line.start + found[0] in seen:
            continue
        key = tuple(int(x) for x in match.group(1).split("."))
        rows.append((key, Dated(found[2], line.start + found[0], line.start + found[1], "version_table")))
    return rows


def _ordered(rows: list[tuple[tuple[int, ...] | None, Dated]]) -> list[Dated]:
    """Rows from the first version to the newest: by version number when every row has one, else
    by date."""
    if all(key is not None for key, _ in rows):
        return [dated for key, dated in sorted(rows, key=lambda row: (row[0], _sortable(row[1].value)))]
    return sorted((dated for _, dated in rows), key=lambda d: _sortable(d.value))


_VERSION_BEFORE = re.compile(r"\b(?:versjon|version|utgåve|utgave)\s+(\d{1,2})(?:[.,](\d{1,2}))?\b[^.\n]{0,40}$",
                             re.IGNORECASE)


def _later_version_before(text: str, mention: DateMention) -> bool:
    """The adoption cue of ``mention`` approves a version after the first ("Versjon 2.1 ble
    godkjent …", "versjon 3 vart vedteken …"), named just before the cue in the same clause."""
    if mention.cue_span is None:
        return False
    cue_start = mention.cue_span[0]
    found = _VERSION_BEFORE.search(text, max(0, cue_start - 60), cue_start)
    return found is not None and (int(found.group(1)), int(found.group(2) or 0)) > (1, 0)


def candidates(doc: AgreementText) -> tuple[list[Dated], list[Dated]]:
    """(adoption candidates, revision candidates) in text order."""
    from samrev.text import find_dates

    adopted: list[Dated] = []
    revised: list[Dated] = []
    header_text = doc.header_text
    for mention in find_dates(header_text):
        if mention.cue == "revised":
            revised.append(Dated(mention.value, -1, -1, "header"))
    for mention in find_dates(doc.text, low=doc.folded):
        sentence = doc.sentence_at(mention.start)
        if sentence is not None:
            # the sentence's stretch on the date's line: a footnote on the next line ("1 Jf.
            # forskrift … av 18. november 2016"), run into the sentence, dates no law here
            start = max(sentence.start, doc.text.rfind("\n", 0, mention.start) + 1)
            line_end = doc.text.find("\n", mention.end)
            end = min(sentence.end, line_end if line_end >= 0 else len(doc.text))
            if prefilter(_LAW_SENTENCE).search(doc.text[start:end], doc.folded_slice(start, end)):
                continue
        if mention.cue == "adopted" and _later_version_before(doc.text, mention):
            # "Versjon 2.1 ble godkjent 12.06.2023": approving a later version is a revision
            revised.append(Dated(mention.value, mention.start, mention.end, "cue"))
        elif mention.cue == "adopted":
            adopted.append(Dated(mention.value, mention.start, mention.end, "cue"))
        elif mention.cue == "revised":
            revised.append(Dated(mention.value, mention.start, mention.end, "cue"))
    tail = tail_lines(doc)
    tail_text = "\n".join(line.text for line in tail)
    from samrev.agreements.fields.signature import signing_lines

    if _SIGN_CONTEXT.search(tail_text) or signing_lines(doc):
        signing_starts: set[int] | None = None  # (read only for a line that may be a table row)
        for line in tail:
            if not _PLACE_DATE.match(line.text) and not line.text.lower().lstrip().startswith(("dato", "sted", "stad")):
                # a signature table's row (party, name, place and date in cells) is a signing line
                if not (_COLUMN_GAP.search(line.text) and _HAS_DATE.search(line.text)):
                    continue
                if signing_starts is None:
                    signing_starts = {signing.start for signing in signing_lines(doc)}
                if line.start not in signing_starts:
                    continue
            for mention in find_dates(line.text):
                if mention.cue in (None, "adopted"):
                    adopted.append(Dated(mention.value, line.start + mention.start, line.start + mention.end,
                                         "signature_line"))
    rows = _ordered(_version_rows(doc))
    if rows:
        # The first row is the first adoption; the newest row the latest revision.  An approval
        # cue in a later row ("3.0 | 22.11.2023 | Godkjent i OSU") approves a revision.
        later = {row.start for row in rows[1:]}
        adopted[:] = [d for d in adopted if not any(abs(d.start - start) <= 80 and _same_line(doc, d.start, start)
                                                     for start in later)]
        adopted.append(rows[0])
        if len(rows) > 1 and _sortable(rows[-1].value) > _sortable(rows[0].value):
            revised.append(rows[-1])
    return adopted, revised


def _same_line(doc: AgreementText, a: int, b: int) -> bool:
    return a >= 0 and b >= 0 and "\n" not in doc.text[min(a, b):max(a, b)]


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
        # "første gang inngått i 2012" and "Gyldig fra 01.03.2012": the same adoption, the second
        # more precise — the most precise form the text gives
        finer = [d for d in adopted if d.value.startswith(best.value + "-")]
        if finer:
            best = min(finer, key=lambda d: _sortable(d.value))
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
