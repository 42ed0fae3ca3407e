"""Source texts of the fixture documents (bokmål and nynorsk), page by page, line by line.

Lines are short enough to be drawn without wrapping, so the text a reader extracts can be
compared with these lines exactly.  One line pair in each text is hyphenated at the line break
(``helse-`` / ``foretaket``) to exercise de-hyphenation; :func:`expected_page` gives the text
the ingest service must produce for a page.
"""

from __future__ import annotations

NB_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "Delavtale om lærings- og mestringstilbud",
        "mellom Bodø kommune og Nordlandssykehuset HF",
        "",
        "1. Formål",
        "Avtalen skal sikre at pasienter og pårørende får et helhetlig",
        "lærings- og mestringstilbud, både i kommunen og på sykehuset.",
        "Partene skal samarbeide om opplæring, og tilbudene skal utvikles",
        "sammen med brukerne. Samarbeidet mellom kommunen og helse-",
        "foretaket bygger på likeverd og gjensidig respekt.",
        "",
        "2. Ansvar",
        "Kommunen skal drive frisklivssentralen og ha en fast kontaktperson",
        "for læring og mestring. Nordlandssykehuset HF skal gi",
        "Lærings- og mestringssenteret ansvar for felles kurs for personer",
        "med diabetes type 2, kols og hjertesvikt.",
    ),
    (
        "3. Brukermedvirkning",
        "Brukerrepresentanter oppnevnes av brukerutvalget og deltar i planlegging,",
        "gjennomføring og evaluering av kursene. Erfaringskonsulenter får honorar",
        "etter statens satser. Møtene holdes fire ganger i året.",
        "",
        "4. Økonomi",
        "Partene dekker egne kostnader. Kursavgiften er 0 kroner, og reiseutgifter",
        "dekkes etter satsene i særavtalen. Søknader om tilskudd sendes i fellesskap.",
    ),
    (
        "5. Varighet og revisjon",
        "Avtalen gjelder fra 1. mars 2021 og revideres hvert annet år.",
        "Uenighet søkes løst i samarbeidsutvalget før saken bringes videre.",
        "",
        "Bodø, 12. mars 2021",
        "Kari Nordmann, kommunedirektør",
        "Ola Hansen, administrerende direktør",
    ),
)

NN_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "Tenesteavtale 2 mellom Askøy kommune og Helse Bergen HF",
        "om lærings- og meistringstilbod",
        "",
        "1. Føremål",
        "Partane skal samarbeide om opplæring av pasientar og pårørande.",
        "Kommunen skal ha ein kontaktperson for frisklivs-, lærings- og",
        "meistringstilbod, og helseføretaket skal gje tilbod om kurs for",
        "personar med kols. Samarbeidet mellom kommunen og helse-",
        "foretaket skal vere tufta på likeverd.",
    ),
    (
        "2. Brukarmedverknad",
        "Representantar frå brukarutvalet tek del i planlegginga av kvart",
        "meistringstilbod. Dei vert oppnemnde for to år om gongen.",
        "",
        "3. Møtestader",
        "Samhandlingsutvalet møtest fire gonger i året, og referata vert",
        "lagde ut på heimesidene til begge partane. Avtalen gjeld frå 1. mars 2022.",
        "Tilbodet vert evaluert kvart år, og meistringstilbod som ikkje vert",
        "nytta, vert lagde ned etter drøfting i samhandlingsutvalet.",
    ),
)

SCAN_LINES: tuple[str, ...] = (
    "Tenesteavtale om lærings- og meistringstilbod",
    "",
    "Partane skal samarbeide om opplæring av pasientar og pårørande.",
    "Kommunen skal ha ein fast kontaktperson for meistringstilbod, og",
    "helseføretaket skal gje tilbod om kurs for personar med kols,",
    "diabetes og hjartesvikt. Brukarrepresentantar tek del i arbeidet.",
    "Avtalen gjeld frå 1. mars 2022 og vert revidert kvart andre år.",
    "Økonomi: Partane dekkjer eigne kostnader til reise og møte.",
)

HYPHENATED = ("helse-", "foretaket")


def expected_page(lines: tuple[str, ...]) -> str:
    """The normalised text of a page drawn from ``lines`` (blank lines kept, hyphen break joined)."""
    text = "\n".join(lines).strip("\n")
    return text.replace(f"{HYPHENATED[0]}\n{HYPHENATED[1]}", "".join(HYPHENATED).replace("-", ""))


def plain_text(pages: tuple[tuple[str, ...], ...]) -> str:
    """The whole text as a plain-text file would hold it (pages as paragraphs)."""
    return "\n\n".join("\n".join(lines) for lines in pages) + "\n"
