"""Norwegian (bokmål, nynorsk) and English date mentions, with the cue word that says what they date.

Offsets: Python ``str`` indices (code points), end-exclusive, into the text given to
:func:`find_dates`; ``text[m.start:m.end] == m.text`` and, when there is a cue,
``text[m.cue_span[0]:m.cue_span[1]]`` is the cue word.

Forms: ``1. januar 2019``, ``1 jan. 2019``, ``01.01.2019``, ``1.1.19``, ``16/08/2021``, ``2019-01-01``
(precision ``day``); ``januar 2019``, ``jan. 2019``, ``jan 2019``, ``11.2023``, ``03/2024``
(``month``); seasons (``våren 2022``, ``hausten 2021``: ``year``, since a season names no month);
a year alone (``2012``) only with a cue word nearby (``gjelder fra 2012``, ``vedtatt i 2012``,
``år 2012``).  Month names and
abbreviations are the same in both standards; English months are accepted for abstracts.
Invalid dates (``31.02.2020``), version and section numbers (``2.1.3``, ``punkt 2.1.12``,
``§ 6-2``), phone numbers, times (``kl. 10.00``) and year ranges (``2020–2023``) are not dates.

``cue`` classifies the nearest keyword before the date in the same sentence (up to 80
characters back): ``adopted`` (inngått, vedtatt/vedteke, godkjent/godkjend, gjelder fra/gjeld frå,
trer i kraft/tek til å gjelde, signert/underteikna …), ``revised`` (revidert, revisjon, rev., sist
endret/endra, oppdatert …) or ``other`` (høringsfrist, utskrift, møte, frist, utkast, innen,
erstatter/erstattar, lov and forskrift dates, planned revisions such as ``skal revideres``).  An
adopted or revised cue that follows ``erstatter``/``erstattar`` in the same clause dates the
replaced agreement and becomes ``other``; so does one after words naming an earlier agreement
(``den første avtalen``, ``tidlegare avtale``, ``forrige samarbeidsavtale``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from samrev.text.prefilter import folded, prefilter

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12, "oct": 10, "dec": 12,
}
SEASONS = ("våren", "vår", "sommeren", "sommaren", "sommer", "sommar", "høsten", "høst", "hausten",
           "haust", "vinteren", "vinter", "spring", "summer", "autumn", "winter")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR4 = r"(?:19|20)\d{2}"

_ISO_RE = re.compile(rf"(?<![\d.])(?P<y>{_YEAR4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)")
_NUMERIC_RE = re.compile(
    r"(?<![\d.,/])(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d|[.,/]\d)"
)
_TEXTUAL_RE = re.compile(
    rf"(?<![\d.])(?:(?P<d>\d{{1,2}})\.?\s*)?\b(?P<month>{_MONTH_ALT})\b\.?\s+(?P<y>{_YEAR4})(?![\d])",
    re.IGNORECASE,
)
#: A month and a year in figures ("11.2023", "03/2024"), as version tables and "Sist revidert" lines
#: write them; not inside a day-month-year date (the look-behind) nor before more figures.
_MONTH_YEAR_RE = re.compile(rf"(?<![\d.,/])(?P<m>0?[1-9]|1[0-2])[./](?P<y>{_YEAR4})(?!\d|[.,/]\d)")
_MONTH_YEAR_HINT = re.compile(r"\d[./](?:19|20)\d\d")
_SEASON_RE = re.compile(rf"\b(?P<season>{'|'.join(SEASONS)})\s+(?P<y>{_YEAR4})(?![\d])", re.IGNORECASE)
_YEAR_RE = re.compile(
    rf"(?<![\d.,/–\-])\b(?P<y>{_YEAR4})\b(?!\d|[.,:/]\d|\s*[–\-]\s*\d)"
)
_SECTION_BEFORE_RE = re.compile(
    r"(?:§|\bpkt\.?|\bpunkt|\bkap\.?|\bkapittel|\bversjon|\bversion|\bv\.?|\bnr\.?|\bavsnitt|\btabell"
    r"|\bfigur|\bvedlegg|\bside|\bs\.|\bref\.?|\bsaksnr\.?|\btlf\.?|\btelefon)\s*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ«])|\n\s*\n")

_CUES: tuple[tuple[str, str], ...] = (
    ("adopted", r"inngått\w*|inngås|vedtatt\w*|vedteke[n]?|vedtekne|vedtok|vedtak\w*|godkjen[dt]\w*"
                r"|godkjenning\w*|gjelder\s+(?:fra|f\.o\.m\.?|fom)|gjeld\s+frå|gjeldende\s+fra"
                r"|gjeldande\s+frå|gyldig\s+fr[aå]|trer\s+i\s+kraft|trådte\s+i\s+kraft|tredde\s+i\s+kraft|trådde\s+i\s+kraft"
                r"|i\s+kraft\s+fr[aå]|tek\s+til\s+å\s+gjelde|tok\s+til\s+å\s+gjelde|iverksatt|iverksettes|iverksett|iverksetjast"
                r"|sett\s+i\s+verk|signert|signering|undertegnet|underteikna|underskrevet|underskrive|underskriven"
                r"|adopted|approved|signed|effective\s+from"),
    ("revised", r"revidert\w*|revisjon\w*|rev\.|rev(?=\s+\d)|sist\s+endr(?:et|a)|sist\s+revidert"
                r"|sist\s+oppdatert|oppdatert|endret|endra|endringer|endringar|rullert|revised"
                r"|updated|last\s+updated"),
    ("other", r"høringsfrist\w*|høyringsfrist\w*|høring\w*|høyring\w*|utskrift\w*|printed"
              r"|skrevet\s+ut|skrive\s+ut|møte\w*|frist\w*|erstatter|erstattar|avløser|avløyser"
              r"|lov|loven|lova|forskrift\w*|innen|innan|utkast\w*|sammenslåing\w*|samanslåing\w*"
              r"|revider(?:es|ast|as)|ny\s+revisjon|evaluer(?:es|ast|ing)\w*"
              # a planned revision, taken whole so that its "revisjon" is no revision cue
              r"|neste\s+(?:\w+\s+){0,2}(?:revisjon|rullering|gjennomgang)\w*"
              r"|planla(?:gt|gd)\w*\s+(?:\w+\s+)?(?:revisjon|rullering|gjennomgang)\w*"
              r"|planlagt\w*|deadline|draft"),
)
_CUE_RE = re.compile(
    "|".join(rf"(?P<{kind}>\b(?:{pattern})(?!\w))" for kind, pattern in _CUES), re.IGNORECASE
)
# Words that make an adoption or revision cue after them in the same clause date another
# agreement: the one this replaces, or an earlier one («Den første avtalen … ble inngått i 2012»).
_REPLACES_RE = re.compile(
    r"\b(?:erstatter|erstattar|avløser|avløyser|replaces"
    r"|(?:første|fyrste|tidligere|tidlegare|forrige|førre|opprinnelige?|opphavlege?|gamle)"
    r"\s+(?:\w+\s+)?(?:samarbeids)?avtal\w*)\b", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r"\s(?:og|men|samt|and)\s|[,;:]", re.IGNORECASE)
_YEAR_CUE_RE = re.compile(r"\b(?:år|året|i\s+år|year)\s*$", re.IGNORECASE)
_CUE_WINDOW = 80
# Every date form above holds a four-digit year or, numeric, "<d>.<m>.<yy…>": a text without either
# has no date (a cheap first test for the many short lines that callers ask about).
_ANY_DATE_RE = re.compile(rf"{_YEAR4}|\d[./]\d{{1,2}}[./]\d{{2}}")
_YEAR_CUE_WINDOW = 50


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a text: ``text[start:end]``, its value and what it dates."""

    start: int
    end: int
    text: str
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str  # "day", "month" or "year"
    cue: str | None = None  # "adopted", "revised", "other" or None
    cue_span: tuple[int, int] | None = None
    cue_text: str | None = None


def _year(raw: str) -> int:
    value = int(raw)
    if len(raw) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _valid(year: int, month: int, day: int | None) -> bool:
    if not 1900 <= year <= 2099 or not 1 <= month <= 12:
        return False
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _window_start(text: str, position: int, width: int) -> int:
    start = max(0, position - width)
    for match in _SENTENCE_BREAK_RE.finditer(text, start, position):
        start = match.end()
    return start


def _find_cue(text: str, position: int, width: int = _CUE_WINDOW) -> tuple[str, int, int] | None:
    """The nearest cue before ``position`` in the same sentence: (kind, start, end)."""
    window_start = _window_start(text, position, width)
    # nearest end wins; ``finditer`` gives non-overlapping matches whose ends strictly increase,
    # so that is the last one (no tie between two matches can arise)
    best: re.Match[str] | None = None
    for match in _CUE_RE.finditer(text, window_start, position):
        best = match
    if best is None or best.lastgroup is None:
        return None
    kind = best.lastgroup
    if kind in ("adopted", "revised"):
        for replaces in _REPLACES_RE.finditer(text, window_start, best.start()):
            if not _CLAUSE_BREAK_RE.search(text, replaces.end(), best.start()):
                kind = "other"  # «erstatter avtale vedtatt 1. juli 2012»: the replaced agreement
    return kind, best.start(), best.end()


# Cheap anchors for the exact scans below (see :func:`_matches_from`): a date separator before a
# digit; a four-digit year after white space.
_SEPARATOR_RE = re.compile(r"[./](?=\d)")
_SPACED_YEAR_RE = re.compile(rf"(?<=\s){_YEAR4}(?!\d)")


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """Exactly ``list(pattern.finditer(text))`` when every match starts at one of ``starts``:
    ``finditer`` tries the positions in order, skipping those inside the previous match."""
    out: list[re.Match[str]] = []
    free = 0
    for start in sorted(set(starts)):
        if start < free:
            continue
        match = pattern.match(text, start)
        if match is not None:
            out.append(match)
            free = max(match.end(), start + 1)
    return out


def _numeric_starts(text: str) -> list[int]:
    """Where a numeric date can start: its day is one or two digits right before a separator."""
    starts: list[int] = []
    for match in _SEPARATOR_RE.finditer(text):
        separator = match.start()
        if separator > 0 and text[separator - 1].isdecimal():  # what ``\d`` matches
            starts.extend((separator - 2, separator - 1))
    return [start for start in starts if start >= 0]


def _space_before(text: str, position: int) -> int:
    """Start of the run of white space that ends at ``position``."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _textual_starts(text: str) -> list[int]:
    """Where a textual date («1. januar 2019», «jan. 2019») can start: it ends in a year after
    white space, before which stand the month (at most 9 letters) and its full stop, and before
    that optionally white space, a full stop and one or two digits."""
    starts: list[int] = []
    for year in prefilter(_SPACED_YEAR_RE).finditer(text, None):
        month_end = _space_before(text, year.start())
        earliest = max(0, month_end - 10)
        starts.extend(range(max(0, _space_before(text, earliest) - 3), month_end))
    return starts


def _section_before(text: str, position: int) -> bool:
    """``_SECTION_BEFORE_RE.search(text, 0, position)``: a section word and white space right before
    ``position`` (the word ends where that white space starts; the longest word has 8 characters)."""
    word_end = _space_before(text, position)
    return _SECTION_BEFORE_RE.search(text, max(0, word_end - 12), position) is not None


def _candidates(text: str, low: str | None) -> list[tuple[int, int, str, str]]:
    """(start, end, value, precision) of every date form, before overlap removal (``low`` is
    ``folded(text)``)."""
    found: list[tuple[int, int, str, str]] = []
    for match in prefilter(_ISO_RE).finditer(text, low):
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if _valid(y, m, d):
            found.append((match.start(), match.end(), f"{y:04d}-{m:02d}-{d:02d}", "day"))
    for match in _matches_from(_NUMERIC_RE, text, _numeric_starts(text)):
        y, m, d = _year(match["y"]), int(match["m"]), int(match["d"])
        if not _valid(y, m, d) or _section_before(text, match.start()):
            continue
        if len(match["y"]) == 2 and match["sep"] == ".":
            line_start = text.rfind("\n", 0, match.start()) + 1
            after = text[match.end():match.end() + 2]
            if not text[line_start:match.start()].strip() and after[:1] == " " and after[1:2].isupper():
                continue  # a heading number: «2.1.12 Utskriving»
        found.append((match.start(), match.end(), f"{y:04d}-{m:02d}-{d:02d}", "day"))
    for match in _matches_from(_TEXTUAL_RE, text, _textual_starts(text)):
        y, m = int(match["y"]), MONTHS[match["month"].lower()]
        if match["d"] is not None and _valid(y, m, int(match["d"])):
            found.append((match.start(), match.end(), f"{y:04d}-{m:02d}-{int(match['d']):02d}", "day"))
        elif _valid(y, m, None):
            start = match.start("month")
            found.append((start, match.end(), f"{y:04d}-{m:02d}", "month"))
    # (a month and a year in figures has a digit, "." or "/", then 19 or 20: rare, and found at C
    # speed before the pattern runs)
    if _MONTH_YEAR_HINT.search(text):
        for match in _MONTH_YEAR_RE.finditer(text):
            if not _section_before(text, match.start()):
                found.append((match.start(), match.end(), f"{match['y']}-{int(match['m']):02d}", "month"))
    for match in prefilter(_SEASON_RE).finditer(text, low):
        found.append((match.start(), match.end(), match["y"], "year"))
    for match in prefilter(_YEAR_RE).finditer(text, low):
        before = text[max(0, match.start() - 15):match.start()]
        if _YEAR_CUE_RE.search(before) or _find_cue(text, match.start(), _YEAR_CUE_WINDOW):
            found.append((match.start(), match.end(), match["y"], "year"))
    return found


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def find_dates(text: str, *, low: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``, in order, each with its cue (see the module docstring).

    ``low`` may pass ``folded(text)`` when the caller has it already (a document's cached folded
    text), which saves lower-casing the whole text again; None means "compute it here".
    """
    if not _ANY_DATE_RE.search(text):
        return []
    if low is None:
        low = folded(text)
    candidates = sorted(_candidates(text, low), key=lambda c: (_PRECISION_RANK[c[3]], -(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, str, str]] = []
    for candidate in candidates:
        if all(candidate[1] <= other[0] or candidate[0] >= other[1] for other in chosen):
            chosen.append(candidate)
    mentions = []
    for start, end, value, precision in sorted(chosen):
        cue = _find_cue(text, start)
        mentions.append(DateMention(
            start=start, end=end, text=text[start:end], value=value, precision=precision,
            cue=cue[0] if cue else None,
            cue_span=(cue[1], cue[2]) if cue else None,
            cue_text=text[cue[1]:cue[2]] if cue else None,
        ))
    return mentions
