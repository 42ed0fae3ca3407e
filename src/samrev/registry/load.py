"""Reading the registry's CSV files (``data/``), once per process (``functools.lru_cache``).

Nothing is read at import time; the first call that needs a file reads it.  A malformed file
raises :class:`~samrev.core.errors.RegistryError` naming the file and row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import cast

from samrev.core.errors import RegistryError
from samrev.registry.model import (
    CatchmentEntry,
    Change,
    Confidence,
    County,
    HealthTrust,
    Language,
    Municipality,
    NameVariant,
    SamiAreaEntry,
    Site,
    TrustKind,
)

DATA_DIR = Path(__file__).parent / "data"

#: The two municipality structures and the day each starts.
STRUCTURES: dict[int, date] = {2020: date(2020, 1, 1), 2024: date(2024, 1, 1)}
STRUCTURE_ENDS: dict[int, date | None] = {2020: date(2023, 12, 31), 2024: None}

_LANGUAGES: dict[str, Language] = {
    "Norwegian": "nor",
    "Northern Sami": "sme",
    "Southern Sami": "sma",
    "Lule Sami": "smj",
    "Kven Finnish": "fkv",
}
_LANG_CODES: frozenset[str] = frozenset(_LANGUAGES.values())


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                yield line_no, {key: (value or "").strip() for key, value in row.items()}
    except OSError as exc:
        raise RegistryError(detail=f"kan ikke lese {name}: {exc}") from exc


def _bad(name: str, line: int, detail: str) -> RegistryError:
    return RegistryError(detail=f"{name}, linje {line}: {detail}")


def _date(value: str, name: str, line: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _bad(name, line, f"ugyldig dato «{value}»") from exc


def parse_names(value: str, name: str = "?", line: int = 0) -> tuple[tuple[str, Language], ...]:
    """``"Kárášjohka(Northern Sami);Karasjok(Norwegian)"`` → Norwegian first, then the others."""
    out: list[tuple[str, Language]] = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        if not part.endswith(")") or "(" not in part:
            raise _bad(name, line, f"ugyldig navneform «{part}»")
        text, _, lang = part[:-1].rpartition("(")
        if lang not in _LANGUAGES:
            raise _bad(name, line, f"ukjent språk «{lang}»")
        out.append((text.strip(), _LANGUAGES[lang]))
    out.sort(key=lambda item: item[1] != "nor")
    return tuple(out)


@lru_cache(maxsize=1)
def sami_area() -> tuple[SamiAreaEntry, ...]:
    """Municipalities in the administrative area for Sami language, with the date each joined."""
    name = "samisk_forvaltningsomrade.csv"
    out = []
    for line, row in _rows(name):
        lang = row["sprak"]
        since = _date(row["innlemmet"], name, line)
        if lang not in _LANG_CODES or since is None:
            raise _bad(name, line, "språk eller dato mangler")
        out.append(SamiAreaEntry(row["kommunenavn"], row["kommunenummer_2020"], row["kommunenummer_2024"],
                                 cast(Language, lang), since, row["kilde"], row["merknad"]))
    return tuple(out)


@lru_cache(maxsize=2)
def municipalities_of(structure: int) -> tuple[Municipality, ...]:
    """All municipalities of one structure (2020 or 2024), sorted by number."""
    if structure not in STRUCTURES:
        raise RegistryError(detail=f"ukjent kommunestruktur {structure}")
    name = f"kommuner_{structure}.csv"
    since = {
        (entry.number_2020 if structure == 2020 else entry.number_2024): entry.since for entry in sami_area()
    }
    out = []
    for line, row in _rows(name):
        number = row["kommunenummer"]
        if len(number) != 4 or not number.isdigit():
            raise _bad(name, line, f"ugyldig kommunenummer «{number}»")
        flag = row["samisk_forvaltningsomrade"]
        if flag not in ("ja", "nei"):
            raise _bad(name, line, f"samisk_forvaltningsomrade må være ja/nei, ikke «{flag}»")
        valid_from = _date(row.get("gyldig_fra", ""), name, line) or STRUCTURES[structure]
        out.append(Municipality(
            number=number,
            name=row["kommunenavn"],
            names=parse_names(row["gyldige_navn"], name, line),
            county_number=row["fylkesnummer"],
            county_name=row["fylkesnavn"],
            structure_year=structure,
            sami_area=flag == "ja",
            sami_area_since=since.get(number) if flag == "ja" else None,
            valid_from=valid_from,
            valid_to=STRUCTURE_ENDS[structure],
        ))
    out.sort(key=lambda m: m.number)
    return tuple(out)


@lru_cache(maxsize=1)
def counties_all() -> tuple[County, ...]:
    """Every county row of ``fylker.csv`` (pre-2020, 2020 and 2024 structures)."""
    name = "fylker.csv"
    out = []
    for line, row in _rows(name):
        out.append(County(
            number=row["fylkesnummer"],
            name=row["fylkesnavn"],
            other_names=parse_names(row["andre_navn"], name, line),
            valid_from=_date(row["gyldig_fra"], name, line),
            valid_to=_date(row["gyldig_til"], name, line),
            successors=tuple(filter(None, row["etterfolger"].split(";"))),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def changes() -> tuple[Change, ...]:
    """The 2020 ↔ 2024 mapping (one row per pair)."""
    name = "kommune_endringer.csv"
    out = []
    for line, row in _rows(name):
        kind = row["endring"]
        if kind not in ("unchanged", "renumbered", "split"):
            raise _bad(name, line, f"ukjent endring «{kind}»")
        out.append(Change(row["kommunenummer_2020"], row["kommunenavn_2020"], row["kommunenummer_2024"],
                          row["kommunenavn_2024"], kind))  # type: ignore[arg-type]
    return tuple(out)


def _split(value: str) -> tuple[str, ...]:
    return tuple(filter(None, (part.strip() for part in value.split(";"))))


@lru_cache(maxsize=1)
def health_trusts_all() -> tuple[HealthTrust, ...]:
    """Every RHF, HF, support trust and private non-profit hospital."""
    name = "helseforetak.csv"
    out = []
    for line, row in _rows(name):
        kind = row["type"]
        if kind not in ("rhf", "hf", "ideell", "support"):
            raise _bad(name, line, f"ukjent type «{kind}»")
        out.append(HealthTrust(
            id=row["id"], name=row["navn"], kind=cast(TrustKind, kind), rhf=row["rhf"] or None,
            short_name=row["kortnavn"] or row["navn"], aliases=_split(row["alias"]),
            abbreviations=_split(row["forkortelser"]), weak_abbreviations=_split(row["svake_forkortelser"]),
            has_catchment=row["opptaksomrade"] == "ja", source=row["kilde"], note=row["merknad"],
        ))
    ids = {trust.id for trust in out}
    for trust in out:
        if trust.rhf is not None and trust.rhf not in ids:
            raise RegistryError(detail=f"{name}: {trust.id} peker på ukjent RHF «{trust.rhf}»")
    return tuple(out)


@lru_cache(maxsize=1)
def trusts_by_id() -> dict[str, HealthTrust]:
    return {trust.id: trust for trust in health_trusts_all()}


@lru_cache(maxsize=1)
def sites_all() -> tuple[Site, ...]:
    """Hospital sites (``sykehus.csv``), each pointing to its trust."""
    name = "sykehus.csv"
    trusts = trusts_by_id()
    out = []
    for line, row in _rows(name):
        if row["helseforetak"] not in trusts:
            raise _bad(name, line, f"ukjent helseforetak «{row['helseforetak']}»")
        out.append(Site(row["id"], row["navn"], row["helseforetak"], _split(row["alias"]),
                        _split(row["forkortelser"]), _split(row["svake_forkortelser"])))
    return tuple(out)


@lru_cache(maxsize=1)
def catchment_all() -> tuple[CatchmentEntry, ...]:
    """Every catchment row (2024 municipality numbers)."""
    name = "opptaksomrader.csv"
    trusts = trusts_by_id()
    out = []
    for line, row in _rows(name):
        trust = trusts.get(row["helseforetak"])
        if trust is None:
            raise _bad(name, line, f"ukjent helseforetak «{row['helseforetak']}»")
        confidence = row["confidence"]
        if confidence not in ("source", "known", "inferred"):
            raise _bad(name, line, f"ukjent confidence «{confidence}»")
        out.append(CatchmentEntry(row["kommunenummer"], trust, row["part"], row["scope"] or "alle",
                                  cast(Confidence, confidence), row["kilde"]))
    return tuple(out)


@lru_cache(maxsize=1)
def name_variants() -> tuple[NameVariant, ...]:
    """Extra self-identifying name forms (Sami/Kven genitive + word for municipality)."""
    name = "kommunenavn_varianter.csv"
    out = []
    for line, row in _rows(name):
        if row["sprak"] not in _LANG_CODES:
            raise _bad(name, line, f"ukjent språk «{row['sprak']}»")
        language = cast(Language, row["sprak"])
        out.append(NameVariant(row["kommunenavn"], row["variant"], language, row["kilde"]))
    return tuple(out)


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    """Names (casefolded) that are also common words, first names or surnames."""
    return frozenset(row["navn"].casefold() for _, row in _rows("tvetydige_navn.csv"))


def clear_caches() -> None:
    """Forget everything read (for tests that swap data)."""
    for func in (sami_area, municipalities_of, counties_all, changes, health_trusts_all, trusts_by_id,
                 sites_all, catchment_all, name_variants, ambiguous_names):
        func.cache_clear()
