"""Looking things up: municipalities by number or name, the 2020 ↔ 2024 mapping, trusts, catchment.

``year`` may be any year from 2020: 2020–2023 use the 2020 structure, 2024 and later the 2024
structure (:func:`structure_for_year`), so that a review round uses the structure of its own year.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from samrev.core.errors import InputError, RegistryError, UnknownHealthTrust, UnknownMunicipality
from samrev.registry import load
from samrev.registry.model import CatchmentEntry, County, HealthTrust, Municipality, SamiAreaEntry, Site

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-", "\u2019": "'", "\u00a0": " "})
_MUNICIPALITY_WORD = re.compile(r"\s+(kommunes?|kommunen|kommune's|suohkan|gielda|tjïelte|komuuni)$")
_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<paren>[^)]+)\)|\s+i\s+(?P<in>.+))$")


def normalise(text: str) -> str:
    """Casefolded, NFC, single spaces, dashes unified: the key for name look-ups."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).casefold()
    return " ".join(text.split())


def structure_for_year(year: int) -> int:
    """2020 for 2020–2023, 2024 from 2024 on; earlier years are an input error."""
    if year < 2020:
        raise InputError(detail=f"årstall {year}: registeret har bare 2020- og 2024-strukturen (fra år 2020)")
    return 2020 if year < 2024 else 2024


def municipalities(year: int = 2024) -> list[Municipality]:
    """All municipalities of the structure in force in ``year``, by number."""
    return list(load.municipalities_of(structure_for_year(year)))


@lru_cache(maxsize=2)
def _by_number(structure: int) -> dict[str, Municipality]:
    return {m.number: m for m in load.municipalities_of(structure)}


@lru_cache(maxsize=2)
def _by_name(structure: int) -> dict[str, tuple[Municipality, ...]]:
    index: dict[str, list[Municipality]] = {}
    for m in load.municipalities_of(structure):
        for name in m.all_names:
            bucket = index.setdefault(normalise(name), [])
            if m not in bucket:
                bucket.append(m)
    variants = load.name_variants()
    by_norwegian = {normalise(m.name): m for m in load.municipalities_of(structure)}
    for variant in variants:
        target = by_norwegian.get(normalise(variant.municipality_name))
        if target is not None:
            index.setdefault(normalise(variant.variant), []).append(target)
    return {key: tuple(value) for key, value in index.items()}


def _county_matches(m: Municipality, county_query: str) -> bool:
    key = normalise(county_query)
    if key in (normalise(m.county_name), m.county_number):
        return True
    return m.number in county_members_by_name(county_query, m.structure_year)


def find_municipalities(query: str, year: int = 2024) -> list[Municipality]:
    """Every municipality a number or name could mean (empty when none).

    Accepts ``"4601"``, ``"301"`` (zero-padded), any official name form in any case,
    ``"Bergen kommune"``, and a county qualifier: ``"Herøy (Nordland)"`` or ``"Herøy i Nordland"``.
    """
    structure = structure_for_year(year)
    text = " ".join(unicodedata.normalize("NFC", query).translate(_DASHES).split())
    if text.isdigit() and len(text) <= 4:
        found = _by_number(structure).get(text.zfill(4))
        return [found] if found else []
    qualified = _QUALIFIED.match(text)
    if qualified:
        base = find_municipalities(qualified.group("name"), year)
        county_query = qualified.group("paren") or qualified.group("in") or ""
        narrowed = [m for m in base if _county_matches(m, county_query)]
        if narrowed:
            return narrowed
    index = _by_name(structure)
    key = normalise(text)
    return list(index.get(key) or index.get(_MUNICIPALITY_WORD.sub("", key), ()))


def municipality(query: str, year: int = 2024) -> Municipality:
    """The one municipality a number or name means; raises :class:`UnknownMunicipality`.

    A name shared by two municipalities (Herøy, Våler) raises :class:`RegistryError` listing
    both, unless qualified with the county (``"Herøy (Nordland)"``).
    """
    found = find_municipalities(query, year)
    if not found:
        raise UnknownMunicipality(query=query, structure=structure_for_year(year))
    if len(found) > 1:
        options = "; ".join(f"{m.label()} ({m.county_name})" for m in found)
        hint = "Bruk kommunenummer eller «navn (fylke)»."
        raise RegistryError(detail=f"«{query}» er tvetydig: {options}. {hint}")
    return found[0]


# --- 2020 ↔ 2024 ---------------------------------------------------------------------------------


def to_2024(number_2020: str) -> list[Municipality]:
    """The 2024 municipalities a 2020 municipality became (two for Ålesund: Ålesund and Haram)."""
    number = number_2020.strip().zfill(4)
    if number not in _by_number(2020):
        raise UnknownMunicipality(query=number_2020, structure=2020)
    targets = [c.number_2024 for c in load.changes() if c.number_2020 == number]
    return [_by_number(2024)[n] for n in targets]


def to_2020(number_2024: str) -> list[Municipality]:
    """The 2020 municipality (one) a 2024 municipality came from."""
    number = number_2024.strip().zfill(4)
    if number not in _by_number(2024):
        raise UnknownMunicipality(query=number_2024, structure=2024)
    sources = [c.number_2020 for c in load.changes() if c.number_2024 == number]
    return [_by_number(2020)[n] for n in sources]


def counterparts(m: Municipality) -> list[Municipality]:
    """The municipality's counterparts in the other structure."""
    return to_2024(m.number) if m.structure_year == 2020 else to_2020(m.number)


def _as_2024_numbers(number: str, structure: int) -> list[str]:
    return [m.number for m in to_2024(number)] if structure == 2020 else [number]


# --- counties ------------------------------------------------------------------------------------


def counties(year: int = 2024) -> list[County]:
    """The counties of the structure in force in ``year``."""
    day = load.STRUCTURES[structure_for_year(year)]
    return sorted((c for c in load.counties_all() if c.valid_on(day)), key=lambda c: c.number)


def county(query: str, year: int = 2024) -> County:
    """A county by number or name; the row valid in ``year`` is preferred, else the latest."""
    key = normalise(query)
    rows = [c for c in load.counties_all()
            if key in (c.number, normalise(c.name), *(normalise(n) for n, _ in c.other_names))]
    if not rows:
        raise RegistryError(detail=f"fant ikke fylket «{query}»")
    day = load.STRUCTURES[structure_for_year(year)]
    valid = [c for c in rows if c.valid_on(day)]
    if valid:
        return valid[0]
    return max(rows, key=lambda c: (c.valid_from is not None, c.valid_from or day))


@lru_cache(maxsize=64)
def county_members(number: str, structure: int) -> frozenset[str]:
    """Municipality numbers (in ``structure``) inside a county of any period.

    Counties of the other structure are mapped through the 2020 ↔ 2024 table; historical
    counties (Hedmark, Hordaland …) through their successors.
    """
    own = frozenset(m.number for m in load.municipalities_of(structure) if m.county_number == number)
    if own:
        return own
    other = 2024 if structure == 2020 else 2020
    members_other = [m.number for m in load.municipalities_of(other) if m.county_number == number]
    if members_other:
        mapper = to_2020 if structure == 2020 else to_2024
        return frozenset(target.number for n in members_other for target in mapper(n))
    rows = [c for c in load.counties_all() if c.number == number]
    out: set[str] = set()
    for row in rows:
        for successor in row.successors:
            if successor != number:
                out |= county_members(successor, structure)
    return frozenset(out)


def county_members_by_name(name: str, structure: int) -> frozenset[str]:
    """Union of :func:`county_members` over every county row with that name."""
    key = normalise(name)
    out: set[str] = set()
    for c in load.counties_all():
        if key in (c.number, normalise(c.name), *(normalise(n) for n, _ in c.other_names)):
            out |= county_members(c.number, structure)
    return frozenset(out)


# --- Sami area -----------------------------------------------------------------------------------


def sami_area_entry(m: Municipality) -> SamiAreaEntry | None:
    """The regulation entry for a municipality in the Sami language area, if any."""
    for entry in load.sami_area():
        if m.number == (entry.number_2020 if m.structure_year == 2020 else entry.number_2024):
            return entry
    return None


# --- health trusts -------------------------------------------------------------------------------


def health_trusts(kind: str | None = None) -> list[HealthTrust]:
    """All trusts, or those of one kind (``rhf``, ``hf``, ``ideell``, ``support``)."""
    return [t for t in load.health_trusts_all() if kind is None or t.kind == kind]


def trust_name_forms(trust: HealthTrust) -> list[str]:
    """Every written form of a trust's name that the registry recognises (not abbreviations)."""
    suffixes = {
        "rhf": ["", " RHF", " regionale helseforetak", " regionalt helseforetak", " regionale helseføretak",
                " regionalt helseføretak"],
        "hf": ["", " HF", " helseforetak", " helseføretak"],
        "support": ["", " HF", " helseforetak", " helseføretak"],
        "ideell": ["", " AS"],
    }[trust.kind]
    forms: list[str] = []
    for base in (trust.name, *trust.aliases):
        stripped = re.sub(r"\s+(RHF|HF)$", "", base)
        for suffix in suffixes:
            forms.extend(spelling_variants(stripped + suffix))
    return list(dict.fromkeys(forms))


def spelling_variants(name: str) -> list[str]:
    """The name plus its bokmål/nynorsk twin (sykehus ↔ sjukehus)."""
    out = [name]
    for a, b in (("sykehus", "sjukehus"), ("Sykehus", "Sjukehus"), ("sjukehus", "sykehus"),
                 ("Sjukehus", "Sykehus")):
        if a in name:
            out.append(name.replace(a, b))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _trust_index() -> tuple[dict[str, HealthTrust], dict[str, HealthTrust]]:
    exact: dict[str, HealthTrust] = {}
    folded: dict[str, HealthTrust] = {}
    for trust in load.health_trusts_all():
        exact[trust.id] = trust
        for abbr in (*trust.abbreviations, *trust.weak_abbreviations):
            exact.setdefault(abbr, trust)
            exact.setdefault(f"{abbr} HF", trust)
        for form in (*trust_name_forms(trust), trust.short_name):
            folded.setdefault(normalise(form), trust)
    trusts = load.trusts_by_id()
    for site in load.sites_all():
        for form in (site.name, *site.aliases):
            for variant in spelling_variants(form):
                folded.setdefault(normalise(variant), trusts[site.health_trust])
        for abbr in site.abbreviations:
            exact.setdefault(abbr, trusts[site.health_trust])
    return exact, folded


def health_trust(name_or_alias: str) -> HealthTrust:
    """A trust by id, name, alias, abbreviation (case-sensitive) or hospital site (→ its trust)."""
    exact, folded = _trust_index()
    text = name_or_alias.strip()
    found = exact.get(text) or folded.get(normalise(text))
    if found is None:
        found = exact.get(text.upper()) if len(text) > 2 else None
    if found is None:
        raise UnknownHealthTrust(query=name_or_alias)
    return found


def sites(health_trust_id: str | None = None) -> list[Site]:
    """Hospital sites, optionally of one trust."""
    return [s for s in load.sites_all() if health_trust_id is None or s.health_trust == health_trust_id]


# --- catchment -----------------------------------------------------------------------------------


def catchment_entries(municipality_number: str, year: int = 2024) -> list[CatchmentEntry]:
    """The catchment rows of a municipality (number in the structure of ``year``)."""
    structure = structure_for_year(year)
    number = municipality_number.strip().zfill(4)
    if number not in _by_number(structure):
        raise UnknownMunicipality(query=municipality_number, structure=structure)
    wanted = set(_as_2024_numbers(number, structure))
    seen: set[tuple[str, str, str]] = set()
    out = []
    for entry in load.catchment_all():
        key = (entry.health_trust.id, entry.part, entry.scope)
        if entry.municipality_number in wanted and key not in seen:
            seen.add(key)
            out.append(entry)
    out.sort(key=lambda e: (e.part != "", e.scope != "alle"))  # the whole-municipality trust first
    return out


def catchment(municipality_number: str, year: int = 2024) -> list[tuple[HealthTrust, str]]:
    """``[(trust, part)]`` serving the municipality; ``part`` is ``""`` for the whole of it."""
    return [(entry.health_trust, entry.part) for entry in catchment_entries(municipality_number, year)]


def municipalities_in_catchment(trust: HealthTrust | str, year: int = 2024) -> list[Municipality]:
    """Municipalities (of the structure in ``year``) served wholly or partly by the trust."""
    if isinstance(trust, str):
        trust = health_trust(trust)
    numbers_2024 = {e.municipality_number for e in load.catchment_all() if e.health_trust.id == trust.id}
    structure = structure_for_year(year)
    if structure == 2024:
        return [m for m in load.municipalities_of(2024) if m.number in numbers_2024]
    numbers_2020 = {m.number for n in numbers_2024 for m in to_2020(n)}
    return [m for m in load.municipalities_of(2020) if m.number in numbers_2020]


def catchment_of_trust(trust: HealthTrust, year: int = 2024) -> list[tuple[Municipality, CatchmentEntry]]:
    """``(municipality, row)`` for every catchment row of the trust, in the structure of ``year``."""
    structure = structure_for_year(year)
    out: list[tuple[Municipality, CatchmentEntry]] = []
    for entry in load.catchment_all():
        if entry.health_trust.id != trust.id:
            continue
        targets = [_by_number(2024)[entry.municipality_number]] if structure == 2024 else to_2020(
            entry.municipality_number)
        out.extend((m, entry) for m in targets)
    unique = {(m.number, e.part, e.scope): (m, e) for m, e in out}
    return sorted(unique.values(), key=lambda pair: (pair[0].number, pair[1].part))
