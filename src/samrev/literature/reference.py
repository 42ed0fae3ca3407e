"""A bibliographic record as samrev keeps it, and the normalisation shared by import and de-duplication.

Every import format (RIS, MEDLINE/NBIB, BibTeX, CSV/XLSX, OpenAlex JSON) is turned into
:class:`Reference`: normalised fields plus ``raw``, the record exactly as the parser gave it (so
nothing the database exported is lost).  The ``normalise_*`` functions are pure and used by
both the readers and :mod:`samrev.literature.dedup`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

# --- DOI and PMID ----------------------------------------------------------------------------

_DOI_PREFIX = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|https?://doi\.org/|doi\.org/|doi:\s*|doi\s+|urn:doi:)", re.IGNORECASE
)
_DOI_SHAPE = re.compile(r"10\.\d{4,9}/\S+")


def normalise_doi(value: str | None) -> str:
    """A DOI in lower case without resolver prefix, ``doi:`` or trailing punctuation; ``""`` if none.

    >>> normalise_doi("https://doi.org/10.1186/S12913-019-4000-1.")
    '10.1186/s12913-019-4000-1'
    """
    if not value:
        return ""
    text = html.unescape(str(value)).strip()
    text = re.sub(r"\s*\[doi\]\s*$", "", text, flags=re.IGNORECASE)
    previous = None
    while previous != text:
        previous = text
        text = _DOI_PREFIX.sub("", text).strip()
    found = _DOI_SHAPE.search(text)
    if not found:
        return ""
    doi = found.group(0).rstrip(".,;:)]}>\"'")
    return doi.lower()


def normalise_pmid(value: str | None) -> str:
    """Digits of a PubMed id (``PMID: 123``, ``123 [pmid]``, ``MEDLINE:123``); ``""`` if none."""
    if not value:
        return ""
    found = re.search(r"\d{1,9}", str(value))
    return found.group(0).lstrip("0") if found else ""


# --- text ------------------------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]{0,200}>")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), "-")
_LANGUAGE_NOTE = re.compile(
    r"\s*[\[(](?:article in |text in )?(?:norwegian|norsk|bokmål|nynorsk|swedish|danish|german|french|"
    r"spanish|dutch|finnish|english abstract|abstract in english)[^\])]{0,40}[\])]\.?\s*$",
    re.IGNORECASE,
)


def clean_text(value: Any) -> str:
    """Text as a reader should store it: HTML entities and tags resolved, whitespace collapsed,
    NFC-composed (``å`` as one character)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = " ".join(str(part) for part in value if part)
    text = html.unescape(str(value))
    text = _TAGS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def clean_title(value: Any) -> str:
    """A title as stored: :func:`clean_text`, MEDLINE's translated-title brackets
    (``[Læring og mestring.]`` → ``Læring og mestring``) and trailing language notes dropped."""
    text = clean_text(value)
    text = _LANGUAGE_NOTE.sub("", text)
    if len(text) > 2 and text.startswith("[") and (text.endswith("]") or text.endswith("].")):
        inner = text[1:].rstrip(".").rstrip("]")
        if "[" not in inner and "]" not in inner:
            text = inner
    return text.rstrip(" .").strip() if text.endswith(".") and not text.endswith("..") else text


def fold(text: str) -> str:
    """Lower case, accents off (æ→ae, ø→o, å→a, é→e), unicode dashes as ``-``."""
    text = text.translate(_DASHES).lower()
    if text.isascii():
        return text
    text = text.replace("æ", "ae").replace("ø", "o").replace("ß", "ss").replace("œ", "oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_GREEK: dict[str, str | int | None] = {
    "α": " alpha ", "β": " beta ", "γ": " gamma ", "δ": " delta ", "κ": " kappa ", "μ": " mu "
}


def normalise_title(value: str) -> str:
    """The comparison form of a title: folded, tags and punctuation gone, Greek letters spelt out,
    ``&`` as ``and``, single spaces.

    >>> normalise_title("<i>Læring</i> og mestring – en studie.")
    'laering og mestring en studie'
    """
    text = clean_title(value).translate(str.maketrans(_GREEK)).replace("&", " and ")
    text = fold(text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


# --- authors ---------------------------------------------------------------------------------

_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "af", "av", "ten", "ter"}
)


_INITIALS = re.compile(r"(?:[A-ZÆØÅ]\.?-?){1,3}")


def author_surname(author: str) -> str:
    """The folded surname of an author in any common form: ``Nilsen, Kari``, ``Nilsen K``,
    ``Nilsen KB``, ``Kari Nilsen``, ``K. B. Nilsen``, ``van der Berg, J``."""
    text = clean_text(author)
    if not text:
        return ""
    if "," in text:
        surname = text.split(",", 1)[0]
    else:
        parts = text.replace(".", ". ").split()
        initials = 0
        while len(parts) - initials > 1 and _INITIALS.fullmatch(parts[len(parts) - 1 - initials]):
            initials += 1
        if len(parts) == 1:
            surname = parts[0]
        elif initials:
            # "Nilsen KB", "Nilsen K. B.", "de Vries J.": initials after the surname (MEDLINE AU, Scopus)
            surname = " ".join(parts[: len(parts) - initials])
        else:
            # "Kari B. Nilsen", "K. Nilsen": the last word; particles before it belong to it
            index = len(parts) - 1
            while index > 0 and parts[index - 1].lower() in _PARTICLES:
                index -= 1
            surname = " ".join(parts[index:])
    words = [word for word in re.sub(r"[^\w\s-]", " ", fold(surname)).replace("-", " ").split() if word]
    words = [word for word in words if word not in _PARTICLES] or words
    return "".join(words)


def split_authors(value: Any) -> list[str]:
    """Authors from a list or from a ``;``-separated string (``, `` within a name kept).

    A string without semicolons is read as one name per ``and`` (BibTeX) or, if it looks like
    ``Nilsen K, Hansen L``, split at commas followed by a capitalised surname and initials."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        out: list[str] = []
        for item in value:
            out.extend(split_authors(item))
        return out
    text = clean_text(value)
    if not text:
        return []
    if ";" in text:
        return [part.strip() for part in text.split(";") if part.strip()]
    if re.search(r"\s+and\s+", text) and "," in text:
        return [part.strip() for part in re.split(r"\s+and\s+", text) if part.strip()]
    if re.fullmatch(r"(?:[^,]+ [A-Z]{1,3}\.?)(?:,\s*[^,]+ [A-Z]{1,3}\.?)*", text):
        return [part.strip() for part in text.split(",") if part.strip()]
    return [text]


# --- year, pages -----------------------------------------------------------------------------


def parse_year(value: Any) -> int | None:
    """The first plausible four-digit year (1800–2100) in ``value`` (``2019/05/03``, ``2019 May``)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value if 1800 <= value <= 2100 else None
    for found in re.findall(r"(?<!\d)(\d{4})(?!\d)", str(value)):
        year = int(found)
        if 1800 <= year <= 2100:
            return year
    return None


def first_page(pages: str) -> str:
    """The digits of the start page (``1234`` of ``e1234``, ``S1234``, ``1234-9``); ``""`` if none."""
    found = re.match(r"\s*[A-Za-z]{0,3}[-.\s]?(\d+)", clean_text(pages))
    return found.group(1).lstrip("0") if found else ""


_NO_ABSTRACT = re.compile(r"\[?\s*(?:no abstract(?: available)?|abstract (?:not )?available|abstract missing|"
                          r"ingen sammendrag)\s*\.?\s*\]?", re.IGNORECASE)


# --- the record ------------------------------------------------------------------------------


@dataclass(slots=True)
class Reference:
    """One bibliographic record from an export, normalised.

    ``position`` is the 1-based number of the record in its file and ``line`` the line it starts
    on (0 when the format has no lines, e.g. XLSX rows are given as ``line`` = row number).
    ``record_type`` is the type as exported (``JOUR``, ``CONF``, ``Conference Abstract``,
    ``article`` …); ``raw`` the record as the parser produced it, JSON-ready.
    """

    title: str = ""
    abstract: str = ""
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    record_type: str = ""
    accession: str = ""
    url: str = ""
    source_database: str = ""
    position: int = 0
    line: int = 0
    raw: dict[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """No title, abstract, DOI or PMID: nothing to screen or match on."""
        return not (self.title or self.abstract or self.doi or self.pmid)

    @property
    def first_author(self) -> str:
        return author_surname(self.authors[0]) if self.authors else ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def finish(self) -> Reference:
        """Normalise the fields in place (every reader calls this last) and return ``self``."""
        self.title = clean_title(self.title)
        self.abstract = clean_text(self.abstract)
        if _NO_ABSTRACT.fullmatch(self.abstract):
            self.abstract = ""
        self.authors = [name for name in (clean_text(author) for author in self.authors) if name]
        self.journal = clean_text(self.journal)
        self.volume = clean_text(self.volume)
        self.issue = clean_text(self.issue)
        self.pages = clean_text(self.pages)
        self.doi = normalise_doi(self.doi)
        self.pmid = normalise_pmid(self.pmid)
        seen: set[str] = set()
        keywords: list[str] = []
        for keyword in self.keywords:
            for part in re.split(r"\s*;\s*", clean_text(keyword)):
                part = part.strip()
                if part and part.lower() not in seen:
                    seen.add(part.lower())
                    keywords.append(part)
        self.keywords = keywords
        self.language = clean_text(self.language)
        self.record_type = clean_text(self.record_type)
        self.accession = clean_text(self.accession)
        self.url = clean_text(self.url)
        return self
