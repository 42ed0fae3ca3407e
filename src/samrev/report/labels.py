"""Bokmål labels for the values of the agreement assessment (report texts)."""

from __future__ import annotations

from pathlib import PurePosixPath

LMS_LEVELS = {0: "Ikke nevnt", 1: "Bare nevnt", 2: "Generelt", 3: "Konkret"}
USER_LEVELS = {0: "Ikke nevnt", 1: "Prinsipp", 2: "Ordning beskrevet", 3: "Konkret"}
COMMITMENT = {"high": "Forpliktende", "low": "Lite forpliktende"}
SIGNATURE = {"signed": "Signert", "unsigned": "Ikke signert / utkast", "unknown": "Går ikke fram"}
KIND = {"overordnet": "Overordnet samarbeidsavtale", "delavtale": "Delavtale / tjenesteavtale",
        "retningslinje": "Retningslinje / rutine", "annet": "Annet dokument"}
KIND_SHORT = {"overordnet": "overordnet avtale", "delavtale": "delavtale", "retningslinje": "retningslinje",
              "annet": "annet dokument"}
LANGUAGE = {"nb": "Bokmål", "nn": "Nynorsk"}
ERROR = {"unreadable": "Skadet, avkortet eller mangler", "encrypted": "Passordbeskyttet",
         "empty": "Tom eller uten tekst", "unsupported": "Filformat som ikke kan leses",
         "not_assessed": "Ikke vurdert"}
FIELD = {"language": "Språk", "kind": "Type", "health_trust": "Helseforetak", "municipalities": "Kommuner",
         "adopted": "Inngått/vedtatt", "revised": "Revidert", "signature": "Signatur",
         "lms_level": "LMS-nivå", "user_participation_level": "Brukermedvirkning", "commitment": "Forpliktelse",
         "statutory_points": "Lovpunkter", "meeting_arenas": "Møtearenaer"}
#: The points of helse- og omsorgstjenesteloven § 6-2 first paragraph, shortened (not the law's wording).
POINTS = {
    1: "Ansvars- og oppgavefordeling og tiltak partene skal utføre",
    2: "Innleggelse, utskrivning, habilitering, rehabilitering og lærings- og mestringstilbud",
    3: "Innleggelse i sykehus",
    4: "Øyeblikkelig hjelp døgnopphold i kommunen",
    5: "Utskrivningsklare pasienter",
    6: "Kunnskapsoverføring, informasjonsutveksling, faglige nettverk og hospitering",
    7: "Forskning, utdanning, praksis og læretid",
    8: "Jordmortjenester",
    9: "IKT-løsninger lokalt",
    10: "Forebygging",
    11: "Beredskapsplaner og den akuttmedisinske kjeden",
    12: "Felles planlegging, utvikling og oppfølging av tjenester (fra 2022)",
    13: "Barn og unge med sammensatte behov (fra 2022)",
}


def file_label(path: str) -> str:
    """The file name a reader recognises (an archive member's own name)."""
    inner = path.rsplit("!", 1)[-1].replace("\\", "/")
    return PurePosixPath(inner).name or path
