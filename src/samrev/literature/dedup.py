"""De-duplication of bibliographic records across databases (pure: records in, explained links out).

Rules, tried in this order for every candidate pair; the first that holds links the pair:

1. ``doi``: the same normalised DOI (``https://doi.org/10.1/X`` = ``10.1/x``).
2. ``pmid``: the same PubMed id.
3. ``title_year_author``: the same normalised title (case, accents, punctuation, HTML tags,
   unicode dashes and MEDLINE's translated-title brackets ignored), the same year and the same
   first author's surname.
4. ``fuzzy_title``: titles at least :attr:`DedupSettings.fuzzy_title` alike (rapidfuzz
   ``ratio``), or one title a truncation of the other (at least 40 characters and a prefix of
   the other), *and* every guard below holds.

Guards (they keep different papers with similar titles apart; rules 3–4 need all, rules 1–2 the
first two; a first author missing on one side raises the title threshold to
:attr:`DedupSettings.fuzzy_title_alone`):

- *kind*: errata, corrections, retractions, replies, comments and letters on a paper are never
  merged with the paper; a conference abstract is never merged with a journal article.  (Only a
  shared DOI or PMID links records whose exported types differ, and never when one title says
  «Erratum»/«Comment on» …)
- *title*: for rules 1–2 the titles, where both exist, must still be alike (a DOI shared by a
  book and its chapters is no duplicate).
- *identifiers*: two different DOIs or two different PMIDs mean two works.
- *year*: both years known → at most one year apart (epub vs print), and the same year unless the
  first authors match too; an updated review or a later part of a series is a new record.
- *first author*: both known → the same surname (Jaro–Winkler ≥ 0.9 for spelling variants).
- *series*: the numbers, ordinal words and Roman numerals in the titles must be the same
  (``Part 2``, ``2019 update``, ``Sixteenth … Review``).
- *pages/volume/issue*: both known → the same start page, volume and issue number.
- *short titles*: a title of fewer than five words («Editorial», «Patient education») links only
  with the same journal and the same start page or volume.

Groups are the connected records; a link that would put two different DOIs or PMIDs (or a
blocked pair) in one group is left out, so a chain of near matches cannot join two works.
Candidate pairs come from blocking (the same DOI, PMID, normalised title or first five title
words, or two of the five rarest title words in common), so the work grows with the number of
records, not with its square.  A person's «not a
duplicate» (an undone merge) is passed as ``blocked``: such a pair is never linked, not even
through a third record.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from samrev.literature.reference import Reference, first_page, fold, normalise_title

RULES = ("doi", "pmid", "title_year_author", "fuzzy_title")

_NOTICE = re.compile(
    r"^(?:erratum|errata|correction|corrigendum|corrigenda|retraction|retracted|retraction note|"
    r"expression of concern|reply|response|author reply|authors reply|in reply|comment|commentary on|"
    r"re|letter|letter to the editor|notice of retraction|withdrawn|addendum|"
    r"rettelse|korrigering|kommentar til|svar paa|svar pa|tilsvar)\b"
)
_NOTICE_TYPES = frozenset(
    {"erratum", "correction", "retraction", "comment", "letter", "editorial comment", "reply", "corrigendum",
     "published erratum", "retraction of publication", "retracted publication", "note"}
)
_CONFERENCE_TYPES = frozenset(
    {"conf", "cpaper", "abst", "conference abstract", "conference paper", "conference review", "meeting abstract",
     "proceedings paper", "inproceedings", "conference", "proceedings", "proceedings-article", "meeting"}
)
_CONFERENCE_JOURNAL = re.compile(r"\b(?:abstracts?|congress|conference|meeting|symposium|proceedings)\b")
_STOP = frozenset(
    "the and for with from into among between about after before during their this that these those are was were "
    "has have had not its our how what which who why when where does study review trial systematic analysis "
    "patients patient effect effects results based using use among og med for til som det den att och".split()
)


@dataclass(frozen=True, slots=True)
class DedupSettings:
    fuzzy_title: float = 0.93
    """Least rapidfuzz ``ratio``/100 of two normalised titles for the fuzzy rule."""
    fuzzy_title_alone: float = 0.97
    """Least title similarity for the fuzzy rule when the first authors cannot be compared."""
    identifier_title: float = 0.6
    """Least ``token_set_ratio``/100 of the titles when a DOI or PMID links two records."""
    author_similarity: float = 0.9
    """Least Jaro–Winkler similarity of two first authors' surnames."""
    short_title_words: int = 5
    """A title of fewer words links only with the same journal and the same start page or volume."""
    truncated_min_chars: int = 40
    """A shorter title counts as truncated only if it has at least this many characters."""
    rare_words: int = 5
    """How many of a title's rarest words make the blocking keys (every two of them a key)."""
    max_block: int = 50
    """A blocking key shared by more records than this is too generic to compare them all."""


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """Two records judged to be the same work, with the reason."""

    a: str
    b: str
    rule: str
    score: float
    compared: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "rule": self.rule, "score": round(self.score, 4), "compared": self.compared}


@dataclass(frozen=True, slots=True)
class DuplicateCluster:
    """One work: the record kept and the records that are duplicates of it."""

    kept: str
    duplicates: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return (self.kept, *self.duplicates)


@dataclass(slots=True)
class DedupResult:
    links: list[DuplicateLink] = field(default_factory=list)
    clusters: list[DuplicateCluster] = field(default_factory=list)
    candidates: int = 0
    refused: int = 0
    """Links left out because they would join a blocked pair or two DOIs/PMIDs in one group."""

    def duplicate_ids(self) -> set[str]:
        return {record for cluster in self.clusters for record in cluster.duplicates}

    def pairs(self) -> set[frozenset[str]]:
        """Every pair of records in the same cluster (the transitive closure of the links)."""
        out: set[frozenset[str]] = set()
        for cluster in self.clusters:
            members = cluster.members
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    out.add(frozenset((first, second)))
        return out


@dataclass(frozen=True, slots=True)
class _Prepared:
    id: str
    order: int
    title: str
    doi: str
    pmid: str
    year: int | None
    author: str
    page: str
    volume: str
    issue: str
    journal: str
    kind: str
    numbers: frozenset[str]
    completeness: int


def record_kind(ref: Reference, title: str | None = None) -> str:
    """``notice`` (erratum, reply, comment …), ``conference`` (abstract or paper) or ``article``
    (``title``: the normalised title, if already known)."""
    title = normalise_title(ref.title) if title is None else title
    rtype = fold(ref.record_type).strip()
    if rtype in _NOTICE_TYPES or _NOTICE.match(title):
        return "notice"
    if rtype in _CONFERENCE_TYPES or (ref.journal and _CONFERENCE_JOURNAL.search(fold(ref.journal))):
        return "conference"
    return "article"


def _prepare(index: int, record_id: str, ref: Reference) -> _Prepared:
    title = normalise_title(ref.title)
    return _Prepared(
        id=record_id,
        order=index,
        title=title,
        doi=ref.doi,
        pmid=ref.pmid,
        year=ref.year,
        author=ref.first_author,
        page=first_page(ref.pages),
        volume=_digits(ref.volume),
        issue=_digits(ref.issue),
        journal=normalise_title(ref.journal),
        kind=record_kind(ref, title),
        numbers=series_marks(title),
        completeness=completeness(ref),
    )


_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth ii iii iv vi vii viii ix xi xii xiii xiv xv "
    "xvi xvii xviii xix xx".split()
)


def series_marks(title: str) -> frozenset[str]:
    """What tells parts of a series apart in a normalised title: numbers, ordinal words, Roman
    numerals and the letter after «part» (``part a``)."""
    words = title.split()
    marks = {word for word in words if word.isdigit() or word in _ORDINALS}
    marks |= {f"part {words[i + 1]}" for i, word in enumerate(words[:-1]) if word in ("part", "del", "phase")}
    return frozenset(marks)


def completeness(ref: Reference) -> int:
    """How many of the useful fields a record has (the most complete copy of a work is kept)."""
    return sum(bool(value) for value in (ref.abstract, ref.doi, ref.pmid, ref.authors, ref.year, ref.journal,
                                         ref.pages, ref.keywords))


def _digits(value: str) -> str:
    """The first number in a volume or issue (``3`` of ``3 Supplement``, ``Suppl 3``)."""
    found = re.search(r"\d+", value or "")
    return found.group(0).lstrip("0") if found else ""


def _words(title: str) -> set[str]:
    return {word for word in title.split() if (len(word) >= 3 or word.isdigit()) and word not in _STOP}


def _candidates(prepared: Sequence[_Prepared], settings: DedupSettings) -> set[tuple[int, int]]:
    """Blocking: records that share a DOI, a PMID, a normalised title, the first words of the title
    or any two of their rarest title words.  Key groups larger than ``max_block`` (generic keys)
    are skipped, except for DOI, PMID and the whole title."""
    words = [_words(record.title) for record in prepared]
    frequency: Counter[str] = Counter(word for bag in words for word in bag)
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, (record, bag) in enumerate(zip(prepared, words, strict=True)):
        if record.doi:
            groups[("doi", record.doi)].append(index)
        if record.pmid:
            groups[("pmid", record.pmid)].append(index)
        if record.title:
            groups[("title", record.title)].append(index)
            title_words = record.title.split()
            if len(title_words) >= 4:
                groups[("start", *title_words[:5])].append(index)
        rare = sorted(bag, key=lambda word: (frequency[word], word))[: settings.rare_words]
        for i, first in enumerate(rare):
            for second in rare[i + 1 :]:
                groups[("pair", *sorted((first, second)))].append(index)
    pairs: set[tuple[int, int]] = set()
    for key, members in groups.items():
        if len(members) < 2 or (len(members) > settings.max_block and key[0] in ("start", "pair")):
            continue
        for position, low in enumerate(members):
            for high in members[position + 1 :]:
                if low != high:
                    pairs.add((low, high))
    return pairs


def _same_author(a: str, b: str, settings: DedupSettings) -> bool:
    return a == b or JaroWinkler.similarity(a, b) >= settings.author_similarity


def _truncated(a: str, b: str, settings: DedupSettings) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < settings.truncated_min_chars or len(short) == len(long):
        return False
    if long.startswith(short):
        return True
    # a truncation that cut a word in half, or ended in "..."
    return fuzz.ratio(short, long[: len(short)]) >= 97


def _compare(a: _Prepared, b: _Prepared, settings: DedupSettings) -> DuplicateLink | None:
    same_id = bool((a.doi and a.doi == b.doi) or (a.pmid and a.pmid == b.pmid))
    if a.kind != b.kind and (not same_id or _NOTICE.match(a.title) or _NOTICE.match(b.title)):
        # Types differ: only a shared DOI/PMID links them, and never a titled erratum/comment to its paper.
        return None
    title_score = fuzz.ratio(a.title, b.title) / 100 if a.title and b.title else 0.0
    if not same_id and title_score < settings.fuzzy_title - 0.1 and not _truncated(a.title, b.title, settings):
        return None  # cheap reject before the field-by-field comparison
    compared: dict[str, Any] = {
        "doi": [a.doi, b.doi],
        "pmid": [a.pmid, b.pmid],
        "title": [a.title, b.title],
        "year": [a.year, b.year],
        "first_author": [a.author, b.author],
        "kind": [a.kind, b.kind],
    }
    compared["title_similarity"] = round(title_score, 4)
    doi_conflict = bool(a.doi and b.doi and a.doi != b.doi)
    pmid_conflict = bool(a.pmid and b.pmid and a.pmid != b.pmid)

    for rule, same in (("doi", a.doi and a.doi == b.doi), ("pmid", a.pmid and a.pmid == b.pmid)):
        if not same or (rule == "pmid" and doi_conflict):
            continue
        if a.title and b.title:
            overlap = fuzz.token_set_ratio(a.title, b.title) / 100
            compared["title_overlap"] = round(overlap, 4)
            if overlap < settings.identifier_title:
                return None
        return DuplicateLink(a.id, b.id, rule, 1.0, compared)

    if doi_conflict or pmid_conflict or not a.title or not b.title or a.kind != b.kind:
        return None
    truncated = _truncated(a.title, b.title, settings)
    if truncated:
        # compare the series marks of the part both titles have
        # Numbers are compared in the part both titles have (a count cut off is no conflict);
        # «part 2», ordinals and Roman numerals in the whole title.
        short, long = (title.split() for title in sorted((a.title, b.title), key=len))
        shared = series_marks(" ".join(long[: len(short)]))
        if series_marks(" ".join(short)) != shared or {m for m in a.numbers ^ b.numbers if not m.isdigit()}:
            return None
    elif a.numbers != b.numbers:
        return None
    if a.page and b.page:
        compared["first_page"] = [a.page, b.page]
        if a.page != b.page:
            return None
    for name in ("volume", "issue"):
        first, second = getattr(a, name), getattr(b, name)
        if first and second:
            compared[name] = [first, second]
            if first != second:
                return None
    if len(a.title.split()) < settings.short_title_words and not (
        a.journal and b.journal and fuzz.token_set_ratio(a.journal, b.journal) >= 80
        and ((a.page and a.page == b.page) or (a.volume and a.volume == b.volume))
    ):
        return None  # «Editorial», «Introduction», «Patient education»: the title says too little
    authors_known = bool(a.author and b.author)
    same_author = authors_known and _same_author(a.author, b.author, settings)
    if authors_known and not same_author:
        return None
    if a.year is not None and b.year is not None:
        gap = abs(a.year - b.year)
        if gap > 1 or (gap == 1 and not same_author):
            return None

    if a.title == b.title and a.year == b.year and a.year is not None and same_author:
        return DuplicateLink(a.id, b.id, "title_year_author", 1.0, compared)
    if truncated:
        compared["truncated"] = True
    # Without the first author on one side the title alone must carry it: ask for more.
    needed = settings.fuzzy_title if same_author else max(settings.fuzzy_title, settings.fuzzy_title_alone)
    # A truncated title is trusted with most of the title, the same year and the same first author
    # (or, when one side has no authors, the same start page).
    same_page = bool(a.page and a.page == b.page)
    truncated_ok = truncated and a.year == b.year and (same_author or (not authors_known and same_page)) and (
        min(len(a.title), len(b.title)) >= 0.5 * max(len(a.title), len(b.title)))
    if title_score >= needed or truncated_ok:
        return DuplicateLink(a.id, b.id, "fuzzy_title", title_score, compared)
    return None


class _Clusters:
    """Union–find that refuses to join two groups holding a blocked pair, two different DOIs or
    two different PMIDs (a group is one work: a link through a third record may not join two)."""

    def __init__(self, records: Sequence[_Prepared], blocked: Iterable[frozenset[str]]) -> None:
        ids = [record.id for record in records]
        self.parent = {record: record for record in ids}
        self.members: dict[str, set[str]] = {record: {record} for record in ids}
        self.dois: dict[str, set[str]] = {record.id: {record.doi} - {""} for record in records}
        self.pmids: dict[str, set[str]] = {record.id: {record.pmid} - {""} for record in records}
        self.blocked: dict[str, set[str]] = defaultdict(set)
        for pair in blocked:
            if len(pair) == 2:
                first, second = tuple(pair)
                self.blocked[first].add(second)
                self.blocked[second].add(first)

    def find(self, record: str) -> str:
        while self.parent[record] != record:
            self.parent[record] = self.parent[self.parent[record]]
            record = self.parent[record]
        return record

    def union(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        small, large = sorted((root_a, root_b), key=lambda root: len(self.members[root]))
        if any(self.blocked[member] & self.members[large] for member in self.members[small]):
            return False
        for values in (self.dois, self.pmids):
            if values[small] and values[large] and values[small] != values[large]:
                return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        self.dois[large] |= self.dois.pop(small)
        self.pmids[large] |= self.pmids.pop(small)
        return True


def find_duplicates(
    records: Sequence[tuple[str, Reference]],
    *,
    settings: DedupSettings | None = None,
    blocked: Iterable[frozenset[str]] = (),
) -> DedupResult:
    """Link the records that are the same work and group them.

    ``records`` are ``(id, reference)`` pairs, ids unique.  The kept record of a group is the most
    complete one (abstract, DOI, PMID, authors …), the earliest given on a tie.
    """
    settings = settings or DedupSettings()
    prepared = [_prepare(index, record_id, ref) for index, (record_id, ref) in enumerate(records)]
    if len({record.id for record in prepared}) != len(prepared):
        raise ValueError("record ids must be unique")
    candidates = sorted(_candidates(prepared, settings))
    result = DedupResult(candidates=len(candidates))
    rule_rank = {rule: rank for rank, rule in enumerate(RULES)}
    links = [link for i, j in candidates if (link := _compare(prepared[i], prepared[j], settings)) is not None]
    # Surest links first, so a refused (blocked) join never keeps a sure one out.
    links.sort(key=lambda link: (rule_rank[link.rule], -link.score))
    clusters = _Clusters(prepared, blocked)
    for link in links:
        if clusters.union(link.a, link.b):
            result.links.append(link)
        else:
            result.refused += 1
    by_id = {record.id: record for record in prepared}
    groups: dict[str, list[_Prepared]] = defaultdict(list)
    for record in prepared:
        groups[clusters.find(record.id)].append(record)
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = min(members, key=lambda record: (-record.completeness, record.order))
        ordered = sorted(members, key=lambda record: record.order)
        duplicates = tuple(record.id for record in ordered if record is not kept)
        result.clusters.append(DuplicateCluster(kept.id, duplicates))
    result.clusters.sort(key=lambda cluster: by_id[cluster.kept].order)
    return result


RULE_LABELS = {
    "doi": "samme DOI",
    "pmid": "samme PMID",
    "title_year_author": "samme tittel, år og førsteforfatter",
    "fuzzy_title": "nesten lik tittel",
}


def explain(link: DuplicateLink) -> str:
    """Why two records were linked, in bokmål (for tables and the audit log)."""
    compared = link.compared
    parts = [RULE_LABELS.get(link.rule, link.rule)]
    if link.rule == "doi":
        parts.append(f"DOI {compared['doi'][0]}")
    elif link.rule == "pmid":
        parts.append(f"PMID {compared['pmid'][0]}")
    else:
        parts.append(f"titellikhet {compared.get('title_similarity', link.score):.2f}".replace(".", ","))
        if compared.get("truncated"):
            parts.append("den ene tittelen er avkortet")
        year_a, year_b = compared["year"]
        if year_a is not None and year_b is not None:
            parts.append(f"år {year_a}" if year_a == year_b else f"år {year_a}/{year_b}")
        author_a, author_b = compared["first_author"]
        if author_a and author_b:
            parts.append(f"førsteforfatter {author_a}")
        if "first_page" in compared:
            parts.append(f"side {compared['first_page'][0]}")
    return "; ".join(parts)
