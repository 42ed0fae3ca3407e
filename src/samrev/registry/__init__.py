"""The organisation registry: municipalities (2020 and 2024 structures), counties, health trusts,
hospital catchment areas, and recognition of their names in free text.

Data live in ``data/`` (CSV, UTF-8; sources and caveats in ``data/SOURCES.md``) and are read
lazily, once per process.  Public API::

    municipalities(year=2024) -> list[Municipality]
    municipality(number_or_name, year=2024) -> Municipality        # UnknownMunicipality
    find_municipalities(query, year=2024) -> list[Municipality]
    to_2024(number_2020) -> list[Municipality]; to_2020(number_2024) -> list[Municipality]
    counties(year=2024) -> list[County]; county(number_or_name, year=2024) -> County
    health_trusts(kind=None) -> list[HealthTrust]; health_trust(name_or_alias) -> HealthTrust
    catchment(municipality_number, year=2024) -> list[tuple[HealthTrust, str]]
    catchment_entries(municipality_number, year=2024) -> list[CatchmentEntry]
    municipalities_in_catchment(health_trust, year=2024) -> list[Municipality]
    match(text, year=2024, *, fuzzy=False) -> list[EntityMatch]
"""

from __future__ import annotations

from samrev.registry.lookup import (
    catchment,
    catchment_entries,
    catchment_of_trust,
    counterparts,
    counties,
    county,
    county_members,
    find_municipalities,
    health_trust,
    health_trusts,
    municipalities,
    municipalities_in_catchment,
    municipality,
    sami_area_entry,
    sites,
    structure_for_year,
    to_2020,
    to_2024,
)
from samrev.registry.match import match
from samrev.registry.model import (
    CatchmentEntry,
    County,
    EntityMatch,
    HealthTrust,
    Municipality,
    SamiAreaEntry,
    Site,
)

__all__ = [
    "CatchmentEntry",
    "County",
    "EntityMatch",
    "HealthTrust",
    "Municipality",
    "SamiAreaEntry",
    "Site",
    "catchment",
    "catchment_entries",
    "catchment_of_trust",
    "clear_caches",
    "counterparts",
    "counties",
    "county",
    "county_members",
    "find_municipalities",
    "health_trust",
    "health_trusts",
    "match",
    "municipalities",
    "municipalities_in_catchment",
    "municipality",
    "sami_area_entry",
    "sites",
    "structure_for_year",
    "to_2020",
    "to_2024",
]


def clear_caches() -> None:
    """Forget everything read or built (for tests that swap data)."""
    from samrev.registry import lexicon, load, lookup

    load.clear_caches()
    lexicon.lexicon.cache_clear()
    for func in (lookup._by_number, lookup._by_name, lookup._trust_index, lookup.county_members):
        func.cache_clear()
