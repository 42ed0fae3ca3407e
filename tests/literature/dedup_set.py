"""Builds the labelled duplicate test set in tests/literature/fixtures/dedup/ (seeded, deterministic).

Base works are real titles, abstracts and DOIs from the three SYNERGY files in
shared/data/literature (authors, years, journals, pages and PMIDs are made up with the seed).
Each work is exported by one to three of six databases, each in its own flavour and file:
MEDLINE (NBIB), Embase (Ovid RIS: T1/A1/Y1/N2/JF/M3), Scopus (CSV), Web of Science (RIS:
TI/AU/T2/PY/AN WOS:), CINAHL (EBSCO RIS: 9-digit AN) and OpenAlex (JSON, inverted-index
abstracts).  Copies vary as real exports do: case, trailing full stops, HTML tags and entities,
unicode dashes, truncated titles, typos, MEDLINE's «[Translated title].» for Norwegian articles
and «(Norwegian)» notes, DOIs missing or with https/doi: prefixes, author names as «Nilsen, Kari»
/ «Nilsen K» / «K. Nilsen» / without æøå, year one off (epub vs print), missing abstracts.

Hard negatives (each its own work, never a duplicate of its look-alike): errata/corrections,
comments and replies, conference abstracts of the same study, updated reviews and later parts of a
series (same title, other year), and different studies whose titles differ in one word.

``truth.csv`` gives every record's work: file, position (record number in its file), work id,
kind.  Run ``python -m tests.literature.dedup_set`` from the repository root to rebuild.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

OUT = Path(__file__).parent / "fixtures" / "dedup"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "literature"
SOURCES = ("meijboom_2021.csv", "oud_2018.csv", "jeyaraman_2020.csv")
SEED = 20260427
BASE_WORKS = 250

SURNAMES = ["Nilsen", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Berg", "Haugen", "Hagen",
            "Johnsen", "Jacobsen", "Dahl", "Lund", "Strand", "Solberg", "Sæther", "Bakken", "Kristiansen", "Moen",
            "Øvrebø", "Ødegård", "Aasen", "Hågensen", "Bråthen", "Smith", "Müller", "García", "van der Berg",
            "Chen", "Wang", "Kumar", "Jensen", "Lindqvist", "O'Brien", "Rossi", "Schmidt", "Kowalski", "Nguyen",
            "Ahmed", "Tanaka", "Silva", "Martin", "Dubois", "Jansen", "de Vries", "Eriksson", "Karlsen", "Lie"]
GIVEN = ["Kari", "Lars", "Ingrid", "Ole", "Åse", "Øystein", "Marit", "Bjørn", "Tone", "Hilde", "Per", "Anne",
         "John", "Maria", "Wei", "Anna", "Peter", "Sara", "Jan", "Eva", "Tomás", "Li", "Ravi", "Mette", "Siri"]
JOURNALS = ["BMC Health Services Research", "Journal of Advanced Nursing", "BMJ Open", "Patient Education and "
            "Counseling", "Scandinavian Journal of Caring Sciences", "International Journal of Integrated Care",
            "Tidsskrift for Den norske legeforening", "Rheumatology", "Psychological Medicine", "Cartilage",
            "Journal of Personality Disorders", "Arthritis Research & Therapy", "BioDrugs", "Stem Cell Research & "
            "Therapy", "Nordic Journal of Psychiatry", "Sykepleien Forskning"]
SWAPS = {"adults": "adolescents", "adult": "adolescent", "patients": "children", "knee": "hip",
         "randomized": "observational", "randomised": "observational", "infliximab": "adalimumab",
         "adalimumab": "etanercept", "etanercept": "infliximab", "borderline": "antisocial", "depression": "anxiety",
         "cartilage": "meniscus", "osteoarthritis": "rheumatoid arthritis", "therapy": "counselling",
         "biosimilar": "originator", "women": "men", "review": "survey"}
MONTHS = ("Jan", "Mar", "Jun", "Oct")
DATABASES = ("MEDLINE", "Embase", "Scopus", "Web of Science", "CINAHL", "OpenAlex")
FILES = {"MEDLINE": "medline.nbib", "Embase": "embase.ris", "Scopus": "scopus.csv", "Web of Science": "wos.ris",
         "CINAHL": "cinahl.ris", "OpenAlex": "openalex.json"}


@dataclass
class Work:
    id: str
    title: str
    abstract: str
    doi: str
    authors: list[tuple[str, str]]
    year: int
    journal: str
    volume: str
    issue: str
    page: int
    page_end: int
    pmid: str
    kind: str = "article"  # article, erratum, comment, conference, update, series, lookalike
    language: str = "eng"
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class Copy:
    work: Work
    database: str
    title: str
    abstract: str
    doi: str
    pmid: str
    authors: list[str]
    year: int
    pages: str
    record_type: str


def _strip_nordic(text: str) -> str:
    return text.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("Æ", "Ae").replace("Ø", "O") \
        .replace("Å", "A").replace("ü", "u").replace("í", "i").replace("á", "a")


def _norm(title: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", title.lower()).split())


def load_bases(rng: random.Random) -> list[dict[str, str]]:
    from rapidfuzz import fuzz

    rows: list[dict[str, str]] = []
    for name in SOURCES:
        with (SHARED / name).open(encoding="utf-8", newline="") as handle:
            rows.extend(row for row in csv.DictReader(handle) if 40 <= len(row["title"]) <= 220 and row["abstract"])
    rng.shuffle(rows)
    chosen: list[dict[str, str]] = []
    seen_doi: set[str] = set()
    for row in rows:
        title = _norm(row["title"])
        if row["doi"] and row["doi"].lower() in seen_doi:
            continue
        if re.match(r"^(erratum|correction|comment|reply|re |letter|response)", title):
            continue
        if any(fuzz.ratio(title, _norm(other["title"])) >= 80 or fuzz.partial_ratio(title, _norm(other["title"])) >= 95
               for other in chosen):
            continue
        chosen.append(row)
        if row["doi"]:
            seen_doi.add(row["doi"].lower())
        if len(chosen) == BASE_WORKS:
            break
    return chosen


def make_work(index: int, row: dict[str, str], rng: random.Random) -> Work:
    authors = [(rng.choice(SURNAMES), rng.choice(GIVEN)) for _ in range(rng.randint(1, 5))]
    page = rng.randint(1, 2400)
    return Work(
        id=f"w{index:03d}", title=row["title"].strip(), abstract=row["abstract"], doi=row["doi"].lower(),
        authors=authors, year=rng.randint(2002, 2022), journal=rng.choice(JOURNALS), volume=str(rng.randint(3, 60)),
        issue=str(rng.randint(1, 12)), page=page, page_end=page + rng.randint(3, 14),
        pmid=str(rng.randint(12_000_000, 36_000_000)), language="nor" if rng.random() < 0.08 else "eng",
    )


def hard_negatives(works: list[Work], rng: random.Random) -> list[Work]:
    out: list[Work] = []
    picks = rng.sample(works, 110)

    def twin(base: Work, suffix: str, **changes: object) -> Work:
        page = rng.randint(1, 2400)
        data = {"id": f"{base.id}{suffix}", "doi": "", "pmid": str(rng.randint(12_000_000, 36_000_000)),
                "page": page, "page_end": page + rng.randint(0, 2), "notes": {"of": base.id}}
        data.update(changes)
        return replace(base, **data)  # type: ignore[arg-type]

    for base in picks[:16]:
        prefix = rng.choice(["Erratum: ", "Correction to: ", "Corrigendum to ", "Erratum to: "])
        out.append(twin(base, "-err", title=prefix + base.title, abstract="", year=base.year + rng.choice([0, 1]),
                        kind="erratum", doi=f"{base.doi}.err" if base.doi and rng.random() < 0.7 else ""))
    for base in picks[16:28]:
        prefix = rng.choice(["Comment on: ", "Reply to: ", "Re: ", "Response to "])
        commenter = [(rng.choice(SURNAMES), rng.choice(GIVEN))] if not prefix.startswith("Reply") else base.authors[:1]
        out.append(twin(base, "-com", title=prefix + base.title, abstract="", authors=commenter,
                        year=base.year + 1, kind="comment", doi=f"10.9999/comm.{base.id}"))
    for base in picks[28:44]:
        out.append(twin(base, "-conf", kind="conference", year=base.year - rng.choice([0, 1]), doi="",
                        abstract="Conference abstract. " + base.abstract[:300],
                        journal=f"{base.journal} (Abstracts of the {base.year - 1} Annual Meeting)"))
    for base in picks[44:56]:
        out.append(twin(base, "-upd", kind="update", year=base.year + rng.randint(3, 7),
                        doi=f"{base.doi}.pub2" if base.doi else "10.1002/14651858.cd" + base.id,
                        volume=str(int(base.volume) + 4)))
    for base in picks[56:64]:
        base.title = f"{base.title.rstrip('.')}: part 1"
        out.append(twin(base, "-p2", kind="series", title=base.title.replace("part 1", "part 2"),
                        year=base.year + 1, doi=f"10.9999/part2.{base.id}"))
    for base in works[-150:-140]:  # a trial protocol and its results: same authors and main title
        main = base.title.split(":")[0].rstrip(".")
        base.title = f"{main}: results of a randomised controlled trial"
        protocol = f"{main}: study protocol for a randomised controlled trial"
        out.append(twin(base, "-prot", kind="protocol", title=protocol,
                        year=base.year - 2, doi=f"10.1186/s13063-prot.{base.id}"))
    count = 0
    for base in picks[64:]:
        words = base.title.split()
        hit = next((i for i, word in enumerate(words) if word.lower() in SWAPS), None)
        if hit is None:
            continue
        words[hit] = SWAPS[words[hit].lower()]
        out.append(twin(base, "-look", kind="lookalike", title=" ".join(words),
                        authors=[(rng.choice(SURNAMES), rng.choice(GIVEN)) for _ in range(3)],
                        doi=f"10.9999/look.{base.id}", abstract="A different study of another group."))
        count += 1
    # Hand-written: generic titles by different groups; same study twice in one database.
    out.append(Work("h01", "Patient education", "", "", [("Nilsen", "Kari")], 2015, "Sykepleien Forskning", "10",
                    "2", 12, 14, "25000001"))
    out.append(Work("h02", "Patient education", "", "", [("Smith", "John")], 2018, "BMJ Open", "8", "1", 100, 101,
                    "29000002"))
    out.append(Work("h03", "Læring og mestring i kommunehelsetjenesten: en kvalitativ studie",
                    "This qualitative study explores learning and coping courses in municipalities.",
                    "10.4220/sykepleienf.2019.79321", [("Hågensen", "Øystein"), ("Berg", "Åse")], 2019,
                    "Sykepleien Forskning", "14", "1", 79321, 79321, "31000003", language="nor"))
    out.append(Work("h04", "Læring og mestring i spesialisthelsetjenesten: en kvalitativ studie",
                    "This qualitative study explores learning and coping centres in hospitals.",
                    "10.4220/sykepleienf.2020.80111", [("Hågensen", "Øystein"), ("Berg", "Åse")], 2020,
                    "Sykepleien Forskning", "15", "1", 80111, 80111, "32000004", language="nor"))
    return out


def _author(surname: str, given: str, style: str) -> str:
    initials = "".join(part[0] for part in given.split())
    if style == "full":
        return f"{surname}, {given}"
    if style == "medline":
        return f"{surname} {initials}"
    if style == "scopus":
        return f"{surname} {initials}."
    if style == "comma_initial":
        return f"{surname}, {initials}."
    return f"{given} {surname}"  # "natural": OpenAlex display names


def _vary_title(title: str, database: str, rng: random.Random, work: Work) -> str:
    text = title
    roll = rng.random()
    if roll < 0.08:
        text = text.upper()
    elif roll < 0.16:
        text = text[:1] + text[1:].lower()
    if rng.random() < 0.10:
        text = re.sub(r"\s+-\s+|:\s+", lambda m: " – " if "-" in m.group() else ": ", text, count=1)
        text = text.replace(" - ", " — ")
    if rng.random() < 0.08:
        words = text.split()
        spot = rng.randrange(len(words))
        words[spot] = f"<i>{words[spot]}</i>"
        text = " ".join(words).replace(" and ", " &amp; ", 1)
    if rng.random() < 0.5 and re.search("[αβγκ]", text):
        text = text.replace("α", "-alpha").replace("β", "-beta").replace("γ", "-gamma").replace("κ", "-kappa")
    if rng.random() < 0.1:
        text = text.replace(" and ", " & ") if " and " in text else text.replace(" & ", " and ")
    if rng.random() < 0.1:
        text = re.sub(r"randomi[sz]ed", lambda m: "randomised" if "z" in m.group() else "randomized", text)
    if database == "Web of Science" and rng.random() < 0.1 and ": " in text and text.index(": ") >= 40:
        text = text[: text.index(": ")]  # subtitle dropped
    if rng.random() < 0.05 and len(text) > 60:
        words = text.split()
        long = [i for i, word in enumerate(words) if len(word) > 6 and word.isalpha()]
        if long:
            i = rng.choice(long)
            word = words[i]
            j = rng.randrange(1, len(word) - 2)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
            text = " ".join(words)
    if database in ("CINAHL", "Scopus") and rng.random() < 0.10 and len(text) > 70:
        cut = max(45, int(len(text) * rng.uniform(0.6, 0.85)))
        text = text[:cut].rstrip()
    if rng.random() < 0.3:
        text = text.rstrip(".") + "."
    if work.language == "nor":
        if database == "MEDLINE":
            text = f"[{text.rstrip('.')}]."
        elif database in ("Embase", "CINAHL") and rng.random() < 0.5:
            text = f"{text} {rng.choice(['(Norwegian)', '[Norwegian]'])}"
    return text


def _vary_doi(doi: str, rng: random.Random) -> str:
    if not doi:
        return ""
    roll = rng.random()
    if roll < 0.15:
        return f"https://doi.org/{doi}"
    if roll < 0.22:
        return f"doi:{doi.upper()}"
    if roll < 0.28:
        return f"http://dx.doi.org/{doi}"
    return doi


def make_copy(work: Work, database: str, rng: random.Random, first: bool) -> Copy:
    style = {"MEDLINE": "full", "Embase": "scopus", "Scopus": "scopus", "Web of Science": "comma_initial",
             "CINAHL": "full", "OpenAlex": "natural"}[database]
    authors = [_author(surname, given, style) for surname, given in work.authors]
    if database == "Web of Science":
        authors = [_strip_nordic(name) for name in authors]
    if rng.random() < 0.03 and not first:
        authors = []
    keep_doi = {"MEDLINE": 0.8, "Embase": 0.8, "Scopus": 0.9, "Web of Science": 0.85, "CINAHL": 0.4,
                "OpenAlex": 0.95}[database]
    doi = _vary_doi(work.doi, rng) if rng.random() < keep_doi else ""
    pmid = work.pmid if database == "MEDLINE" or (database in ("Scopus", "Web of Science", "OpenAlex")
                                                   and rng.random() < 0.3) else ""
    year = work.year
    if not first and authors and rng.random() < 0.06:
        year += rng.choice([-1, 1])
    pages = f"{work.page}-{work.page_end}"
    if database == "MEDLINE" and work.page_end > work.page:
        start, end = str(work.page), str(work.page_end)
        keep = next((i for i in range(min(len(start), len(end))) if start[i] != end[i]), len(end))
        pages = f"{start}-{end[keep:]}"  # MEDLINE abbreviates: 123-9
    if rng.random() < 0.1:
        pages = ""
    abstract = work.abstract if rng.random() > 0.15 else ""
    record_type = {"conference": "Conference Abstract", "erratum": "Erratum", "comment": "Comment"}.get(work.kind,
                                                                                                      "Article")
    return Copy(work, database, _vary_title(work.title, database, rng, work), abstract, doi, pmid, authors, year,
                pages, record_type)


# --- writers -----------------------------------------------------------------------------------


def _wrap(tag: str, text: str, width: int = 80) -> list[str]:
    words, lines, line = text.split(), [], f"{tag:<4}- "
    for word in words:
        if len(line) + len(word) > width and line.strip() != f"{tag}-" and len(line) > 6:
            lines.append(line.rstrip())
            line = "      "
        line += word + " "
    lines.append(line.rstrip())
    return lines


def write_medline(copies: list[Copy]) -> str:
    out: list[str] = []
    for item in copies:
        work = item.work
        month = MONTHS[zlib.crc32(work.id.encode()) % len(MONTHS)]
        lines = [f"PMID- {item.pmid}", "OWN - NLM", f"DP  - {item.year} {month}"]
        lines += _wrap("TI", item.title)
        if item.pages:
            lines.append(f"PG  - {item.pages}")
        if item.doi:
            lines.append(f"LID - {item.doi} [doi]")
        if item.abstract:
            lines += _wrap("AB", item.abstract)
        for (surname, given), short in zip(work.authors, item.authors, strict=False):
            initials = "".join(part[0] for part in given.split())
            lines += [f"FAU - {surname}, {given}", f"AU  - {short.split(',')[0]} {initials}"]
        lines.append(f"LA  - {work.language}")
        pt = {"erratum": "Published Erratum", "comment": "Comment", "conference": "Congress"}.get(work.kind,
                                                                                                "Journal Article")
        lines += [f"PT  - {pt}", f"JT  - {work.journal}", f"VI  - {work.volume}", f"IP  - {work.issue}"]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _ris(lines: list[tuple[str, str]]) -> str:
    return "\n".join(f"{tag}  - {value}" for tag, value in lines if value != "") + "\nER  - \n"


def write_embase(copies: list[Copy]) -> str:
    records = []
    for item in copies:
        work = item.work
        start, _, end = item.pages.partition("-")
        accession = str(600_000_000 + zlib.crc32(item.title.encode()) % 99_999_999)
        lines = [("TY", "CONF" if work.kind == "conference" else "JOUR"), ("ID", accession), ("T1", item.title)]
        lines += [("A1", name) for name in item.authors]
        lines += [("Y1", f"{item.year}//"), ("N2", item.abstract), ("JF", work.journal), ("VL", work.volume),
                  ("IS", work.issue), ("SP", ("S" if work.kind == "conference" else "") + start), ("EP", end),
                  ("M3", item.record_type), ("LA", "Norwegian" if work.language == "nor" else "English"),
                  ("DO", item.doi), ("DB", "Embase")]
        records.append(_ris(lines))
    return "\n".join(records)


def write_wos(copies: list[Copy]) -> str:
    records = []
    for item in copies:
        work = item.work
        start, _, end = item.pages.partition("-")
        lines = [("TY", "JOUR")] + [("AU", name) for name in item.authors]
        lines += [("TI", item.title), ("T2", work.journal.upper()), ("AB", item.abstract), ("PY", str(item.year)),
                  ("VL", work.volume), ("IS", work.issue), ("SP", ("S" if work.kind == "conference" else "") + start),
                  ("EP", end), ("DO", item.doi),
                  ("AN", f"WOS:000{zlib.crc32(item.title.encode()) * 7919 % 10**12:012d}"),
                  ("M3", "Meeting Abstract" if work.kind == "conference" else "")]
        records.append(_ris(lines))
    return "\n".join(records)


def write_cinahl(copies: list[Copy]) -> str:
    records = []
    for item in copies:
        work = item.work
        start, _, end = item.pages.partition("-")
        lines = [("TY", "JOUR"), ("AN", str(100_000_000 + int(work.pmid) % 99_999_999)), ("T1", item.title)]
        lines += [("A1", name) for name in item.authors]
        lines += [("Y1", str(item.year)), ("N2", item.abstract), ("JO", work.journal), ("VL", work.volume),
                  ("SP", start), ("EP", end), ("DO", item.doi), ("DB", "CINAHL Complete"),
                  ("DP", "EBSCOhost")]
        records.append(_ris(lines))
    return "\n".join(records)


def write_scopus(copies: list[Copy]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Authors", "Author full names", "Title", "Year", "Source title", "Volume", "Issue", "Page start",
                     "Page end", "DOI", "Abstract", "PubMed ID", "Document Type", "Source", "EID"])
    for number, item in enumerate(copies, start=1):
        work = item.work
        start, _, end = item.pages.partition("-")
        full = "; ".join(f"{surname}, {given} ({57000000000 + index})" for index, (surname, given)
                         in enumerate(work.authors)) if item.authors else ""
        writer.writerow([", ".join(item.authors), full, item.title, item.year, work.journal, work.volume, work.issue,
                         start, end, item.doi, item.abstract or "[No abstract available]", item.pmid,
                         {"conference": "Conference Paper", "erratum": "Erratum"}.get(work.kind, "Article"), "Scopus",
                         f"2-s2.0-{85000000000 + number}"])
    return "\ufeff" + buffer.getvalue()


def write_openalex(copies: list[Copy]) -> str:
    works = []
    for item in copies:
        work = item.work
        start, _, end = item.pages.partition("-")
        index: dict[str, list[int]] = {}
        for position, word in enumerate(item.abstract.split()):
            index.setdefault(word, []).append(position)
        works.append({
            "id": f"https://openalex.org/W{zlib.crc32((item.title + item.database).encode())}",
            "doi": f"https://doi.org/{work.doi}" if item.doi else None,
            "title": item.title, "display_name": item.title, "publication_year": item.year,
            "type": {"erratum": "erratum", "comment": "letter"}.get(work.kind, "article"),
            "ids": {"pmid": f"https://pubmed.ncbi.nlm.nih.gov/{item.pmid}"} if item.pmid else {},
            "primary_location": {"source": {"display_name": work.journal}},
            "authorships": [{"author": {"display_name": name}} for name in item.authors],
            "biblio": {"volume": work.volume, "issue": work.issue, "first_page": start or None,
                       "last_page": end or None},
            "abstract_inverted_index": index or None,
        })
    return json.dumps({"meta": {"count": len(works)}, "results": works}, ensure_ascii=False, indent=1) + "\n"


WRITERS = {"MEDLINE": write_medline, "Embase": write_embase, "Scopus": write_scopus, "Web of Science": write_wos,
           "CINAHL": write_cinahl, "OpenAlex": write_openalex}


def build(out: Path = OUT, seed: int = SEED) -> dict[str, int]:
    rng = random.Random(seed)  # noqa: S311  (a seeded test-data generator)
    works = [make_work(index, row, rng) for index, row in enumerate(load_bases(rng), start=1)]
    works += hard_negatives(works, rng)
    copies: dict[str, list[Copy]] = {database: [] for database in DATABASES}
    for work in works:
        if work.kind == "conference":
            chosen = ["Embase"] + (["Web of Science"] if rng.random() < 0.4 else [])
        elif work.id in ("h01", "h02"):
            chosen = ["Scopus"]
        else:
            count = rng.choices([1, 2, 3], weights=[0.35, 0.42, 0.23])[0]
            chosen = rng.sample(list(DATABASES), count)
        if work.id == "h03":
            chosen = ["Embase", "Embase"]  # the same study twice in one export
        for number, database in enumerate(chosen):
            copies[database].append(make_copy(work, database, rng, first=number == 0))
    out.mkdir(parents=True, exist_ok=True)
    truth_rows = []
    for database in DATABASES:
        rng.shuffle(copies[database])
        (out / FILES[database]).write_text(WRITERS[database](copies[database]), encoding="utf-8")
        for position, item in enumerate(copies[database], start=1):
            truth_rows.append([FILES[database], position, item.work.id, item.work.kind])
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "position", "work_id", "kind"])
        writer.writerows(truth_rows)
    by_work: dict[str, int] = {}
    for row in truth_rows:
        by_work[row[2]] = by_work.get(row[2], 0) + 1
    return {"records": len(truth_rows), "works": len(by_work),
            "pairs": sum(count * (count - 1) // 2 for count in by_work.values())}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
