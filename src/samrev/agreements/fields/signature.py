"""signature: signed, unsigned or unknown (spec: "signature").

In order:
1. a digital signature in the PDF itself → ``signed``;
2. a statement that the document is not signed → ``unsigned``; that it is signed (electronically
   or otherwise, anywhere: closing line, version-table remark, footer) → ``signed``;
3. a draft marker (UTKAST, til høring, forslag til …, also in a running header) → ``unsigned``;
4. a signature block (lines "For X kommune" / "For Y HF", "Underskrift", "Navn:", "Dato:") in the
   closing part: names filled in, or "(sign.)" → ``signed``; blank lines, underscores, dotted
   lines or placeholder names → ``unsigned``;
5. otherwise ``unknown`` (a sentence saying who is *to* sign is not a signature).
"""

from __future__ import annotations

import re

from samrev.agreements.context import AgreementText, Segment
from samrev.agreements.fields.status import draft_markers, tail_lines
from samrev.core.model import Judgement, Provenance, Span
from samrev.text.prefilter import prefilter

RULE_VERSION = "11"
NOT_SIGNED = re.compile(
    r"\b(?:ikke|ikkje|ennå\s+ikke|enno\s+ikkje)\s+(?:\w+\s+){0,2}(?:signert|underskrevet|undertegnet|underteikna"
    r"|underskriven)\b|\busignert\b",
    re.IGNORECASE,
)
SIGNED_STATEMENT = re.compile(
    r"\b(?:elektronisk|digitalt|digital)\s+(?:signert|undertegnet|underteikna|godkjent|godkjend)\b"
    r"|\b(?:signert|godkjent|godkjend|undertegnet|underteikna)\s+(?:elektronisk|digitalt)\b"
    r"|\b(?:dokumentet|\w*avtal(?:en|a)|retningslin(?:jen|ja|a)|rutinen)\s+(?:er|vart|ble|blei)\s+(?:\w+\s+){0,2}"
    r"(?:signert|underskrevet|undertegnet"
    r"|underteikna|underskriven)\b"
    r"|\bsignert\s+av\s+(?:begge\s+)?part\w*|\bsignert\s+(?:i\s+)?(?:\w+\s+)?(?:eksemplar|original)"
    # "… og er underskrevet av begge parter": the act stated with who signed
    r"|\b(?:er|vart|ble|blei)\s+(?:signert|underskrevet|undertegnet|underteikna|underskriven)\s+av\s+"
    r"(?:begge|alle|partene|partane|dei\s+to|de\s+to)\b",
    re.IGNORECASE,
)
SIGN_MARK = re.compile(r"\(\s*sign\.?\s*\)|\bsign\.(?=\s|$)|\bsignert\b|\bs\.?\s?ign\b", re.IGNORECASE)
_ORG = (r"(?:kommune\w*|bydel\w*|HF|helse\w*|sykehus\w*|sjukehus\w*|hospital\w*|universitetssykehus\w*"
        r"|universitetssjukehus\w*|Helse\s+\S+|Sykehuset\s+\S+|\S+sykehuset|\S+sjukehuset|Finnmarkssykehuset"
        r"|Diakonhjemmet\w*|Lovisenberg\w*|Haraldsplass\w*|partane|partene)")
BLOCK_LINE = re.compile(
    rf"^\s*(?:for|på\s+vegne\s+av|på\s+vegner\s+av)\s+(?:\S+\s+){{0,5}}?{_ORG}\b.{{0,60}}$"
    r"|^\s*(?:underskrift|signatur|signert\s+av|navn|namn|dato|sted\s+og\s+dato|stad\s+og\s+dato"
    r"|sted/dato|stad/dato|tittel)\s*:",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(
    r"_{3,}|\.{5,}|…{2,}|-{5,}|\[\s*(?:navn|namn|dato|sign\w*)\s*\]|\bNN\b|\bN\.N\.|\bXX\b"
    r"|^\s*(?:navn|namn|dato|underskrift|signatur|sted|stad|tittel)\s*:\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# "gjelder fra den dato den er signert", "når avtalen er signert": a condition, not a statement.
_CONDITIONAL = re.compile(r"\b(?:når|naar|etter\s+at|før|dato|dagen|fra\s+den|frå\s+den|dersom|om)\b[^.]{0,30}$",
                          re.IGNORECASE)
_NAME_PART = re.compile(
    r"(?:[A-ZÆØÅ][a-zæøåéüö]+|[A-ZÆØÅ]\.)(?:[- ](?:[A-ZÆØÅ][a-zæøåéüö]+|[A-ZÆØÅ]\.)){1,3}"
    r"(?:\s*\(sign\.?\)|\s*,\s*[\w .-]+)?"
)
_NOT_NAME = re.compile(r"\b(?:kommune|HF|Helse|Sykehus|Sjukehus|Avtale|Delavtale|For|Dato|Side)\b")


# "Kari Nordmann (sign.)", "sign. Kari Nordmann": a named person's signature mark
_NAME_SIGN = re.compile(
    r"(?:[A-ZÆØÅ][a-zæøåéüö'’-]+|[A-ZÆØÅ]\.)(?:[ -](?:[A-ZÆØÅ][a-zæøåéüö'’-]+|[A-ZÆØÅ]\.)){1,3}\s*\(\s*sign\.?\s*\)"
    r"|\bsign\.\s+[A-ZÆØÅ][a-zæøåéüö'’-]+(?:[ -][A-ZÆØÅ][a-zæøåéüö'’-]+){1,3}"
)
# "Førde, 15.03.2023", "Vik, 1. februar 2017": the signing line of place and date
# a date as a signing line writes it: "15.03.2023", "1. februar 2017", "2023-03-15"
_DATE_FORMS = r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s+[a-zæøå]+\s+\d{4}|\d{4}-\d{2}-\d{2}"
_PLACE_DATE_START = (
    r"^\s*[A-ZÆØÅ][\w.'’-]*(?:[ -][\wæøåÆØÅ.'’-]+){0,3},?\s+(?:den\s+)?"
    rf"(?:{_DATE_FORMS})"
)
_PLACE_DATE = re.compile(_PLACE_DATE_START + r"\s*$")
# OCR joins a two-column block: "Hyllestad, 20.04.2021 Kjell Inge Rivedal, Hyllestad kommune"
_PLACE_DATE_THEN = re.compile(_PLACE_DATE_START + r"\s+(?P<rest>\S.*)$")
# a line that starts with a person's name: "Eirin Vassbotn Lie, Sunnfjord kommune", "For Kinn kommune: Kari Li"
_PERSON_LINE = re.compile(
    r"^\s*(?:(?:For|På\s+vegne\s+av|På\s+vegner\s+av)\s+[^:]{2,60}:\s*|(?:Navn|Namn)\s*:\s*)?"
    r"(?P<name>[A-ZÆØÅ][a-zæøåéüö'’-]+(?:[ -](?:[A-ZÆØÅ][a-zæøåéüö'’-]+|[A-ZÆØÅ]\.)){1,3})\s*(?:,\s*\S.*)?$"
)
_COLUMN_GAP = re.compile(r"\s*\|\s*|\t+|\s{2,}")
# "(sign.)", "sign.", "Sign": a signature mark standing alone in its cell
_SIGN_ONLY = re.compile(r"\(?\s*sign(?:\.|ert)?\s*\)?", re.IGNORECASE)
_SIGN_ONLY_LINE = re.compile(r"\s*(?:\(?\s*sign(?:\.|ert)?\s*\)?\s*)+", re.IGNORECASE)
# a cell that starts with a person's name, after an optional "(sign.)", and goes on with a title
_SIGNED_NAME_START = re.compile(
    r"^(?:\(?\s*sign\.?\s*\)?\s+)?(?P<name>[A-ZÆØÅ][a-zæøåéüö'’-]+(?:[ -](?:[A-ZÆØÅ][a-zæøåéüö'’-]+|[A-ZÆØÅ]\.)){1,3})"
    r"(?=\s*\(\s*sign|\s*,|\s+[A-ZÆØÅa-zæøå]|\s*$)"
)
_NAME_TOKEN = re.compile(r"[A-ZÆØÅ][a-zæøåéüö'’-]+|[A-ZÆØÅ]\.|\(sign\.?\)")


def _is_name_line(text: str) -> bool:
    """A line of one or more person names (side by side in a two-column signature block; OCR
    often joins the columns with single spaces, so a line of 2–8 capitalised words counts too)."""
    parts = [p for p in re.split(r"\s{2,}|\t", text.strip()) if p]
    if parts and all(_NAME_PART.fullmatch(p) and not _NOT_NAME.search(p) for p in parts):
        return True
    tokens = text.split()
    return (2 <= len(tokens) <= 8 and all(_NAME_TOKEN.fullmatch(t) for t in tokens)
            and not _NOT_NAME.search(text))


_DATE_ONLY = re.compile(rf"(?:den\s+)?(?:{_DATE_FORMS})")
_DATE_HINT = re.compile(r"\d{1,2}\.\s?(?:\d{1,2}\.|[a-zæøå]+)\s?\d{2,4}|\d{4}-\d{2}-\d{2}")
# Every date above has a digit before a full stop or is written 2023-03-15: a line without that is
# no place-and-date line (nor one joined with a name).  A cheap first test.
_SOME_DATE = re.compile(r"\d\.|\d{4}-\d{2}-")


def _person_lines(lines: list[Segment]) -> list[Segment]:
    """Lines that start with a person's name (not an organisation's, a heading's or a role's)."""
    out = []
    for line in lines:
        match = _PERSON_LINE.match(line.text)
        if match and not _NOT_NAME.search(match.group("name")) and not PLACEHOLDER.search(line.text):
            out.append(line)
    return out


def columns(text: str) -> list[str]:
    """The cells of a line that may hold two signature columns side by side: split at a tab or a
    run of two or more spaces (PDF text extraction, DOCX table rows joined by tabs)."""
    return [cell.strip() for cell in _COLUMN_GAP.split(text.strip().strip("|")) if cell.strip()]


def _joined_person(cell: str) -> bool:
    """A place-and-date cell that goes on with a person's name: "Hyllestad, 20.04.2021 Kjell Rivedal,
    Hyllestad kommune", or a DOCX cell whose paragraphs were joined ("Bergen, 12.03.2024 (sign.)
    Kari Li Administrerende direktør")."""
    joined = _PLACE_DATE_THEN.match(cell)
    if not joined:
        return False
    rest = joined.group("rest")
    person = _PERSON_LINE.match(rest) or _SIGNED_NAME_START.match(rest)
    return bool(person and not _NOT_NAME.search(person.group("name")))


def _is_place_date(text: str) -> bool:
    """A line (or one of its columns) that is only a place and a date; also two place-and-date
    pairs that PDF text extraction joined with a single space ("Bodø, 12.03.2024 Ørnes, 14.03.2024")."""
    if not _SOME_DATE.search(text):
        return False
    cells = columns(text)
    if _PLACE_DATE.match(text) or any(_PLACE_DATE.match(cell) for cell in cells):
        return True
    if len(cells) >= 2 and all(_DATE_ONLY.fullmatch(cell) for cell in cells):
        return True  # dates without places, side by side in two columns
    pieces: list[str] = []
    start = 0
    for date in _DATE_HINT.finditer(text):
        pieces.append(text[start:date.end()])
        start = date.end()
    return len(pieces) >= 2 and not text[start:].strip() and all(_PLACE_DATE.match(p) for p in pieces)


def _row_with_person(text: str) -> bool:
    """A table row (cells split by tabs, "|" or wide gaps) with a place-and-date cell and another
    cell that holds a person's name: «Sel kommune | Kjersti Gjeilo, kommunedirektør | Otta, 12.09.2022»."""
    cells = columns(text)
    if len(cells) < 2:
        return False
    dated = [i for i, cell in enumerate(cells) if _PLACE_DATE.match(cell) or _DATE_ONLY.fullmatch(cell)]
    return bool(dated) and any(_person_lines([Segment(0, len(cell), cell)])
                               for i, cell in enumerate(cells) if i not in dated)


_LEADING_MARK = re.compile(r"\s*\(?\s*sign(?:\.|ert)\s*\)?:?\s+", re.IGNORECASE)


def _is_person_or_mark(text: str) -> bool:
    """A line, or a column of it, with a person's name or a bare signature mark ("(sign.)"); the
    mark may stand before the name ("Sign. Inger Marie Sola, administrerande direktør")."""
    if _person_lines([Segment(0, len(text), text)]) or _SIGN_ONLY_LINE.fullmatch(text):
        return True
    marked = _LEADING_MARK.match(text)
    if marked and _person_lines([Segment(0, len(text) - marked.end(), text[marked.end():])]):
        return True
    if _is_name_line(text) and not BLOCK_LINE.match(text):
        return True  # names side by side, joined by a single space in PDF text
    cells = columns(text)
    if len(cells) < 2:
        return False
    return any(_SIGN_ONLY.fullmatch(cell) or _person_lines([Segment(0, len(cell), cell)]) for cell in cells)


def _tail_place_dates(doc: AgreementText) -> tuple[list[Segment], list[bool]]:
    """The closing lines (:func:`tail_lines`) and, for each, whether it is a place-and-date line
    (:func:`_is_place_date`; read once per document, as several rules look at the same lines)."""
    found = doc.memo.get("tail_place_dates")
    if found is None:
        tail = tail_lines(doc)
        found = doc.memo["tail_place_dates"] = (tail, [_is_place_date(line.text) for line in tail])
    return found  # type: ignore[no-any-return]


def _dated_names(doc: AgreementText) -> list[Segment]:
    """A place-and-date line in the closing part with person names in the lines after it
    (before the next place-and-date line, at most six lines on): the names that signed.  Two
    signature columns side by side (a tab or a wide gap between them) are read cell by cell.
    Computed once per document (a new list each call)."""
    found = doc.memo.get("dated_names")
    if found is None:
        found = doc.memo["dated_names"] = _find_dated_names(doc)
    return list(found)


def _find_dated_names(doc: AgreementText) -> list[Segment]:
    tail, place_date = _tail_place_dates(doc)
    found: list[Segment] = []
    for index, line in enumerate(tail):
        # (a place and a date, and so a joined person, need a date)
        if _SOME_DATE.search(line.text) and (_joined_person(line.text)
                                         or any(_joined_person(cell) for cell in columns(line.text)[1:])):
            found.append(line)
            continue
        if not place_date[index] or PLACEHOLDER.search(line.text):
            continue
        if _row_with_person(line.text):  # a signature table's row: party, name, place and date
            found.append(line)
            continue
        following: list[Segment] = []
        for offset, later in enumerate(tail[index + 1 : index + 7], start=index + 1):
            if place_date[offset]:
                break
            following.append(later)
        if any(PLACEHOLDER.search(later.text) for later in following):
            continue
        people = [later for later in following if _is_person_or_mark(later.text)]
        if any(not _SIGN_ONLY_LINE.fullmatch(p.text) for p in people):
            found += [line, *people]
    return found


def signing_lines(doc: AgreementText) -> list[Segment]:
    """Place-and-date lines of the closing part with signers' names under them (for the dates)."""
    found = doc.memo.get("signing_lines")
    if found is None:
        found = doc.memo["signing_lines"] = [line for line in _dated_names(doc) if _DATE_HINT.search(line.text)]
    return list(found)


def _empty_dated_block(doc: AgreementText) -> list[Segment]:
    """Place-and-date lines followed by signature lines of underscores or dots: an empty block."""
    tail, place_date = _tail_place_dates(doc)
    found: list[Segment] = []
    for index, line in enumerate(tail):
        if not place_date[index]:
            continue
        blanks = [later for later in tail[index + 1 : index + 4] if PLACEHOLDER.search(later.text)]
        if blanks:
            found += [line, *blanks]
    return found


def _judgement(value: str, rule: str, evidence: tuple[Span, ...], confidence: float, note: str) -> Judgement:
    return Judgement("signature", value, Provenance.rule(f"signature.{rule}", RULE_VERSION), evidence=evidence,
                     confidence=confidence, note=note)


def _wrapped(before: str, line: str) -> bool:
    """``line`` continues the sentence of the line before: it opens in lower case («for helse og
    omsorg i Alta kommune.») after a line that ends inside a sentence (a word or a comma), as
    «… godkjennes av samhandlingssjef og kommunalsjef / for helse og omsorg …» — prose saying
    who approves, not a «For Alta kommune» line of a signature block."""
    opening, ending = line.lstrip()[:1], before.rstrip()[-1:]
    return opening.islower() and (ending.isalpha() or ending == ",")


#: The head of a case document or letter: who handles the case and where it is filed.
_CASE_META = re.compile(r"\s*(?:saksbehandler|sakshandsamar|saksbehandlar|arkivsak\w*|arkivkode|saksnr\.?|saksnummer"
                        r"|journalpost\w*|løpenr\.?|vår\s+ref\.?|dykkar\s+ref\.?|deres\s+ref\.?)\s*:", re.IGNORECASE)


def _block(doc: AgreementText) -> list[Segment]:
    """The signature-block lines in the closing part, with a few lines after each block line."""
    tail = tail_lines(doc)
    keep: list[Segment] = []
    for index, line in enumerate(tail):
        if BLOCK_LINE.match(line.text) and not (index and _wrapped(tail[index - 1].text, line.text)):
            if any(_CASE_META.match(near.text) for near in tail[max(0, index - 2) : index + 3]):
                continue  # a case document's head ("Saksbehandler: …", "Arkivsak: …", "Dato: …")
            for follower in tail[index : index + 5]:
                if follower not in keep:
                    keep.append(follower)
    return keep


def judge(doc: AgreementText) -> Judgement:
    if doc.digital_signatures:
        signer = doc.digital_signatures[0].get("signer") or "ukjent"
        return _judgement("signed", "digital", (), 0.95, f"digital signatur i PDF-en ({signer})")
    match = prefilter(NOT_SIGNED).search(doc.text, doc.folded) or NOT_SIGNED.search(doc.header_text)
    if match and match.string is doc.text:
        return _judgement("unsigned", "statement.not_signed", (doc.span(match.start(), match.end()),), 0.85,
                          "teksten sier at den ikke er signert")
    statements = (prefilter(SIGNED_STATEMENT).finditer(doc.text, doc.folded)
                  if doc.gate(SIGNED_STATEMENT).may_match(0, len(doc.text)) else iter(()))
    statement = next((m for m in statements if not _CONDITIONAL.search(
        doc.text, max(0, m.start() - 40), m.start())), None)
    if statement:
        return _judgement("signed", "statement.signed", (doc.span(statement.start(), statement.end()),), 0.85,
                          "teksten sier at den er signert")
    drafts = draft_markers(doc)
    if drafts:
        spans = tuple(doc.span(d.start, d.end) for d in drafts if d.start is not None and d.end is not None)
        where = "i topptekst" if not spans else "i teksten"
        return _judgement("unsigned", "draft", spans[:3], 0.85, f"merket som utkast/høring ({where})")
    block = _block(doc)
    signed_lines = _dated_names(doc)
    if signed_lines:
        # the names with their signature marks first, then the place and date
        signed_lines.sort(key=lambda s: not SIGN_MARK.search(s.text))
        return _judgement("signed", "block.place_date_names", tuple(doc.seg_span(s) for s in signed_lines[:4]),
                          0.75, "sted og dato med navn under i avslutningen")
    if not block:
        # no "For …"/"Navn:" lines, but a person's name with "(sign.)" in the closing part
        tail = tail_lines(doc)
        # (both forms of _NAME_SIGN hold "sign" as written: a line without it is passed by at C speed)
        signed_names = [line for line in tail if "sign" in line.text and _NAME_SIGN.search(line.text)]
        # "(sign.)   (sign.)" with the names in the line before or after
        for index, line in enumerate(tail):
            if _SIGN_ONLY_LINE.fullmatch(line.text):
                near = tail[max(0, index - 2):index] + tail[index + 1:index + 3]
                named = [n for n in near if _is_person_or_mark(n.text) and not _SIGN_ONLY_LINE.fullmatch(n.text)]
                if named:
                    signed_names += [line, named[0]]
        if signed_names:
            return _judgement("signed", "tail.name_sign_mark", tuple(doc.seg_span(s) for s in signed_names[:3]),
                              0.8, "«(sign.)» ved personnavn i avslutningen")
        empty = _empty_dated_block(doc)
        if empty:
            return _judgement("unsigned", "block.place_date_placeholders", tuple(doc.seg_span(s) for s in empty[:3]),
                              0.7, "sted og dato med tomme signaturlinjer")
        return _judgement("unknown", "no_block", (), 0.6, "ingen signaturblokk og ingen opplysning om signering")
    marks = [line for line in block if SIGN_MARK.search(line.text)]
    # a name line, or a block line with a name filled in after its colon ("For Helse Førde HF: Kari Li")
    names = [line for line in block if (_is_name_line(line.text) and not BLOCK_LINE.match(line.text))
             or (":" in line.text and _person_lines([line]))]
    placeholders = [line for line in block if PLACEHOLDER.search(line.text)]
    dated = [line for line in block if _DATE_HINT.search(line.text)]
    if marks:
        return _judgement("signed", "block.sign_mark", tuple(doc.seg_span(s) for s in marks[:3]), 0.85,
                          "«sign.» ved navnene i signaturfeltet")
    if names and (dated or not placeholders) and len(names) >= len(placeholders):
        return _judgement("signed", "block.names", tuple(doc.seg_span(s) for s in (names + dated)[:4]), 0.75,
                          "navn fylt inn i signaturfeltet")
    if placeholders:
        return _judgement("unsigned", "block.placeholders", tuple(doc.seg_span(s) for s in placeholders[:3]), 0.8,
                          "tomme signaturlinjer eller plassholdere")
    return _judgement("unsigned", "block.empty", tuple(doc.seg_span(s) for s in block[:3]), 0.6,
                      "signaturblokk uten navn")
