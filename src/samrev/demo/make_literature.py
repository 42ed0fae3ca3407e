"""Generator of the bundled demo literature search (``data/litteratur/``): seeded, so a re-run
writes the same files byte for byte.

Run ``.venv/bin/python -m samrev.demo.make_literature [--source DIR]`` after changing it and commit
the files (``--source`` is the folder with the shared screening datasets, default
``/work/shared/data/literature``).

What it writes:

- ``embase.ris``: an Embase export (RIS, ``Surname, Given`` authors, ``C5`` with the PubMed id when
  the record is in MEDLINE too, ``M3`` publication type);
- ``pubmed.nbib``: a PubMed export in the MEDLINE format (``PMID-``, ``FAU -``/``AU  -``, wrapped
  lines);
- ``labels.csv``: per work (one row per work, not per copy) the answer key a careful screener
  would have given: ``label_title_abstract`` (1/0), ``label_full_text`` (``include``,
  ``exclude`` or ``not_retrieved``), ``full_text_reason``, the databases it is in, and where the
  text comes from (``origin``: ``nagtegaal_2019`` or ``samrev``).

The works: real titles and abstracts from ``nagtegaal_2019.csv`` (nudging health professionals; the
shared dataset has no authors or years, so the copies carry none), and Norwegian records written
for samrev (bokmål and nynorsk; invented authors, journals and years) about collaboration between
hospitals and municipalities on patient education, discharge and learning-and-coping services.
Relevance for the demo's question («samarbeid mellom sykehus og kommune om opplæring, mestring og
overganger») is the generator's: a real record is relevant when its title names discharge,
transitions, self-management, patient education, shared, integrated, collaborative or coordinated
care, or interprofessional work; a written record is relevant when it was written to be.  The PubMed
ids are invented (``99…``, a range PubMed has not reached) so the two exports can be linked the way
real ones are.
"""

from __future__ import annotations

import csv
import io
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

SEED = 2027
OUT = Path(__file__).parent / "data" / "litteratur"
SOURCE = Path("/work/shared/data/literature")
REAL_RELEVANT = re.compile(
    r"\b(discharge\w*|transition\w*|self-management|self management|patient education|shared care|integrated care|"
    r"care coordination|coordinated care|continuity of care|collaborative care|interprofessional)\b", re.I)
N_REAL_OTHER = 190
FULL_TEXT_REASONS = ("Handler ikke om samarbeid mellom nivåene", "Feil populasjon", "Ikke empirisk studie",
                     "Konferansesammendrag")


@dataclass(slots=True)
class Work:
    key: str
    title: str
    abstract: str
    origin: str
    relevant: bool
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str = ""
    language: str = "eng"
    keywords: list[str] = field(default_factory=list)
    pmid: str = ""
    in_embase: bool = False
    in_pubmed: bool = False
    full_text: str = ""
    reason: str = ""


# --- Norwegian records written for samrev ------------------------------------------------------

SURNAMES = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
            "Karlsen", "Berg", "Haugen", "Hagen", "Bakken", "Solberg", "Eide", "Strand", "Lie", "Moen", "Dahl",
            "Nygård", "Sæther", "Ødegård", "Aasen", "Fjeld")
GIVEN = ("Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Marit", "Knut", "Sigrid", "Eirik", "Hilde", "Tone",
         "Jon", "Siri", "Trond", "Liv", "Astrid", "Bjørn", "Ragnhild", "Geir")
JOURNALS = ("Tidsskrift for Den norske legeforening", "Sykepleien Forskning", "Nordisk sygeplejeforskning",
            "Tidsskrift for omsorgsforskning", "BMC Health Services Research", "Scandinavian Journal of Public Health")
PLACES = ("Helse Førde", "Helse Bergen", "Sykehuset Innlandet", "Universitetssykehuset Nord-Norge",
          "Nordlandssykehuset", "Helse Møre og Romsdal", "Sørlandet sykehus", "St. Olavs hospital")
MUNICIPALITIES = ("Sunnfjord", "Kinn", "Bergen", "Gjøvik", "Tromsø", "Bodø", "Ålesund", "Kristiansand", "Trondheim",
                  "Stryn", "Lillehammer", "Molde")
CONDITIONS = ("diabetes type 2", "KOLS", "hjertesvikt", "kreft", "psykiske lidelser", "rusproblemer", "demens",
              "sykelig overvekt", "revmatisk sykdom", "hjerneslag")
DESIGNS = (
    ("kvalitativ intervjustudie", "Vi gjennomførte semistrukturerte intervjuer med {n} {who}.", "qualitative"),
    ("spørreundersøkelse", "En nettbasert spørreundersøkelse ble sendt til {n} {who}.", "survey"),
    ("registerstudie", "Vi koblet data fra Norsk pasientregister og KPR for {n} pasienter.", "cohort"),
    ("randomisert kontrollert studie", "{n} pasienter ble randomisert til tiltaket eller vanlig oppfølging.", "rct"),
    ("dokumentanalyse", "Vi analyserte {n} samarbeidsavtaler og delavtaler mellom helseforetak og kommuner.",
     "document_analysis"),
)
WHO = ("sykepleiere", "fastleger", "ledere i kommunale helse- og omsorgstjenester", "LMS-rådgivere",
       "brukerrepresentanter", "pårørende", "koordinatorer i kommunene")
RELEVANT_TOPICS = (
    ("Samarbeid om lærings- og mestringstilbud for pasienter med {c} mellom {p} og {m} kommune",
     "Lærings- og mestringssentre i helseforetakene og kommunale frisklivs- og mestringstilbud skal utfylle "
     "hverandre, men ansvarsdelingen er ofte uklar.",
     "Felles tilbud ble opplevd som nyttig, men henvisningsrutiner manglet og kommunene ble sjelden tatt med i "
     "planleggingen.", ["lærings- og mestringstilbud", "samhandling", "pasientopplæring"]),
    ("Utskrivning av eldre pasienter med {c} fra {p} til {m} kommune: overganger og informasjonsflyt",
     "Overgangen fra sykehus til kommune er et kritisk punkt i pasientforløpet, særlig for eldre med sammensatte "
     "behov.", "Elektroniske meldinger kom ofte for sent, og opplæringen av pasient og pårørende før utskrivning "
     "var mangelfull. Faste samarbeidsmøter bedret overgangene.", ["utskrivning", "overganger", "samhandling"]),
    ("Pårørendeopplæring ved {c}: et samarbeid mellom {p} og {m} kommune",
     "Pårørende har behov for kunnskap og støtte, og både spesialisthelsetjenesten og kommunen har ansvar for "
     "opplæring.", "Kursene ble godt mottatt, men tilbudet var lite kjent blant fastlegene, og finansieringen var "
     "usikker etter prosjektperioden.", ["pårørende", "opplæring", "samarbeid"]),
    ("Brukermedvirkning i utviklingen av mestringskurs for {c} i {m} og ved {p}",
     "Brukerorganisasjonene skal medvirke når lærings- og mestringstilbud utvikles, både i kommunen og i "
     "helseforetaket.", "Brukerrepresentantene bidro i planleggingen, men ble sjelden tatt med i evalueringen. "
     "Vi foreslår faste avtaler om brukermedvirkning.", ["brukermedvirkning", "mestring", "kurs"]),
    ("Samarbeidsavtaler mellom {p} og kommunene om pasientopplæring ved {c}",
     "Helseforetak og kommuner skal inngå samarbeidsavtaler om blant annet opplæring av pasienter og pårørende.",
     "Avtalene nevnte pasientopplæring, men få beskrev konkret ansvarsdeling eller felles tilbud.",
     ["samarbeidsavtaler", "pasientopplæring", "helsefellesskap"]),
    ("Digitale mestringstilbud for personer med {c}: samhandling mellom {p} og {m}",
     "Digitale kurs kan gjøre lærings- og mestringstilbud tilgjengelige for flere, også i distriktskommuner.",
     "Deltakerne var fornøyde, men kommunene manglet kapasitet til å følge opp etter kurset.",
     ["digitale tilbud", "mestring", "samhandling"]),
)
NYNORSK_TOPICS = (
    ("Samarbeid om lærings- og meistringstilbod for pasientar med {c} mellom {p} og {m} kommune",
     "Lærings- og meistringstilboda i helseføretaka og kommunane skal utfylle kvarandre, men ansvarsdelinga er "
     "ofte uklar.", "Felles tilbod vart opplevd som nyttige, men det mangla rutinar for tilvising, og kommunane "
     "vart sjeldan tekne med i planlegginga.", ["lærings- og meistringstilbod", "samhandling"]),
    ("Utskriving av eldre pasientar med {c} frå {p} til {m} kommune",
     "Overgangen frå sjukehus til kommune er eit kritisk punkt i pasientforløpet.",
     "Elektroniske meldingar kom ofte for seint, og opplæringa av pasient og pårørande før utskriving var "
     "mangelfull.", ["utskriving", "overgangar"]),
)
IRRELEVANT_TOPICS = (
    ("Antibiotikabruk i sykehjem i {m} kommune", "Vi kartla forskrivning av antibiotika i sykehjem.",
     "Bredspektrede midler ble brukt oftere enn retningslinjene anbefaler.", ["antibiotika", "sykehjem"]),
    ("Ventetid for hofteprotese ved {p}", "Ventetid er et mål på tilgjengelighet i spesialisthelsetjenesten.",
     "Ventetiden økte i perioden, særlig for pasienter over 80 år.", ["ventetid", "ortopedi"]),
    ("Legemiddelkostnader ved {c} i Norge", "Kostnadene til legemidler øker.",
     "Nye biologiske legemidler stod for det meste av økningen.", ["kostnader", "legemidler"]),
    ("Forekomst av {c} blant innvandrere i {m}", "Lite er kjent om forekomsten i denne gruppen.",
     "Forekomsten var høyere enn i befolkningen ellers.", ["forekomst", "innvandrere"]),
)


def _person(rng: random.Random) -> tuple[str, str]:
    surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
    return f"{surname}, {given}", f"{surname} {given[0]}"


def written_works(rng: random.Random) -> list[Work]:
    works: list[Work] = []
    specs = [(topic, True, "nob") for topic in RELEVANT_TOPICS for _ in range(6)]
    specs += [(topic, True, "nno") for topic in NYNORSK_TOPICS for _ in range(4)]
    specs += [(topic, False, "nob") for topic in IRRELEVANT_TOPICS for _ in range(3)]
    seen: set[str] = set()
    for index, (topic, relevant, language) in enumerate(specs):
        title_t, background, findings, keywords = topic
        while True:
            title = title_t.format(c=rng.choice(CONDITIONS), p=rng.choice(PLACES), m=rng.choice(MUNICIPALITIES))
            if title not in seen:
                seen.add(title)
                break
        design_name, method, _ = rng.choice(DESIGNS)
        who = rng.choice(WHO)
        method_text = method.format(n=rng.randint(8, 400), who=who)
        if language == "nno":
            method_text = (method_text.replace("Vi gjennomførte", "Vi gjennomførte").replace("pasienter", "pasientar")
                           .replace("ble", "vart"))
        abstract = f"Bakgrunn: {background} Metode: {method_text} Resultater: {findings}"
        if language == "nno":
            abstract = abstract.replace("Resultater:", "Resultat:")
        authors = [_person(rng)[0] for _ in range(rng.randint(1, 5))]
        works.append(Work(key=f"samrev-{index + 1:03d}", title=title, abstract=abstract, origin="samrev",
                          relevant=relevant, authors=authors, year=rng.randint(2012, 2025),
                          journal=rng.choice(JOURNALS), language=language,
                          keywords=[*keywords, design_name]))
    return works


def real_works(source: Path, rng: random.Random) -> list[Work]:
    with (source / "nagtegaal_2019.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["abstract"].strip() and row["title"].strip()]
    relevant = [row for row in rows if REAL_RELEVANT.search(row["title"])]
    others = [row for row in rows
              if not REAL_RELEVANT.search(row["title"]) and not REAL_RELEVANT.search(row["abstract"])]
    chosen = [(row, True) for row in relevant] + [(row, False) for row in rng.sample(others, N_REAL_OTHER)]
    return [Work(key=f"nagtegaal_2019-{row['record_id']}", title=" ".join(row["title"].split()),
                 abstract=" ".join(row["abstract"].split()), origin="nagtegaal_2019", relevant=flag)
            for row, flag in chosen]


def assign(works: list[Work], rng: random.Random) -> None:
    """Databases, PubMed ids and the full-text answer key."""
    pmids = rng.sample(range(99_000_000, 99_999_999), len(works))
    for work, pmid in zip(works, pmids, strict=True):
        draw = rng.random()
        both, only_embase = draw < 0.42, 0.42 <= draw < 0.75
        work.in_embase, work.in_pubmed = both or only_embase, not only_embase
        if work.in_pubmed:
            work.pmid = str(pmid)
        if work.relevant:
            draw = rng.random()
            if draw < 0.8:
                work.full_text = "include"
            elif draw < 0.95:
                work.full_text, work.reason = "exclude", rng.choice(FULL_TEXT_REASONS)
            else:
                work.full_text = "not_retrieved"


def _embase_title(work: Work, rng: random.Random) -> str:
    title = work.title
    if rng.random() < 0.15:
        title = title.rstrip(".")
    if rng.random() < 0.1:
        title = title.replace("randomized", "randomised").replace("Randomized", "Randomised")
    return title


def embase_ris(works: list[Work], rng: random.Random) -> str:
    out = io.StringIO()
    for work in works:
        if not work.in_embase:
            continue
        out.write("TY  - JOUR\n")
        out.write(f"TI  - {_embase_title(work, rng)}\n")
        for author in work.authors:
            out.write(f"AU  - {author}\n")
        if work.year:
            out.write(f"PY  - {work.year}\n")
        if work.journal:
            out.write(f"JF  - {work.journal}\n")
        out.write(f"AB  - {work.abstract}\n")
        for keyword in work.keywords:
            out.write(f"KW  - {keyword}\n")
        out.write(f"LA  - {'Norwegian' if work.language in ('nob', 'nno') else 'English'}\n")
        out.write("M3  - Article\n")
        if work.pmid and rng.random() < 0.85:  # Embase gives the MEDLINE id for most MEDLINE records
            out.write(f"C5  - {work.pmid}\n")
        out.write("DB  - Embase\nER  - \n\n")
    return out.getvalue()


def _wrapped(tag: str, text: str) -> str:
    lines = textwrap.wrap(text, width=82) or [""]
    return f"{tag:<4}- " + "\n      ".join(lines) + "\n"


def pubmed_nbib(works: list[Work]) -> str:
    out = io.StringIO()
    for work in works:
        if not work.in_pubmed:
            continue
        out.write(f"PMID- {work.pmid}\nOWN - NLM\nSTAT- MEDLINE\n")
        if work.year:
            out.write(f"DP  - {work.year}\n")
        out.write(_wrapped("TI", work.title))
        out.write(_wrapped("AB", work.abstract))
        for author in work.authors:
            surname, _, given = author.partition(", ")
            out.write(f"FAU - {author}\nAU  - {surname} {given[:1]}\n")
        out.write(f"LA  - {'nor' if work.language in ('nob', 'nno') else 'eng'}\n")
        out.write("PT  - Journal Article\n")
        if work.journal:
            out.write(f"JT  - {work.journal}\n")
        for keyword in work.keywords:
            out.write(f"OT  - {keyword}\n")
        out.write("SO  - \n\n")
    return out.getvalue()


def labels_csv(works: list[Work]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["work", "title", "origin", "language", "databases", "label_title_abstract", "label_full_text",
                     "full_text_reason"])
    for work in works:
        databases = "+".join(name for name, flag in (("Embase", work.in_embase), ("PubMed", work.in_pubmed)) if flag)
        writer.writerow([work.key, work.title, work.origin, work.language, databases, int(work.relevant),
                         work.full_text, work.reason])
    return out.getvalue()


def write(source: Path = SOURCE, out: Path = OUT) -> list[Path]:
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    works = real_works(source, rng) + written_works(rng)
    rng.shuffle(works)
    assign(works, rng)
    out.mkdir(parents=True, exist_ok=True)
    files = {"embase.ris": embase_ris(works, rng), "pubmed.nbib": pubmed_nbib(works), "labels.csv": labels_csv(works)}
    written = []
    for name, text in files.items():
        path = out / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance script
    folder = Path(sys.argv[sys.argv.index("--source") + 1]) if "--source" in sys.argv else SOURCE
    for written_path in write(folder):
        print(written_path)
