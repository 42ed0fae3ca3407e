"""Looking up municipalities, counties, health trusts and catchment."""

from __future__ import annotations

import pytest

from samrev.core.errors import InputError, RegistryError, UnknownHealthTrust, UnknownMunicipality
from samrev.registry import (
    catchment,
    catchment_entries,
    county,
    find_municipalities,
    health_trust,
    municipalities,
    municipalities_in_catchment,
    municipality,
    structure_for_year,
    to_2020,
    to_2024,
)


@pytest.mark.parametrize(("query", "year", "number"), [
    ("4601", 2024, "4601"),
    ("301", 2024, "0301"),
    ("Bergen", 2024, "4601"),
    ("bergen kommune", 2024, "4601"),
    ("BÆRUM", 2024, "3201"),
    ("Bærum", 2020, "3024"),
    ("Guovdageaidnu", 2024, "5612"),
    ("Guovdageainnu suohkan", 2024, "5612"),
    ("Unjárga", 2020, "5442"),
    ("Herøy (Nordland)", 2024, "1818"),
    ("Herøy i Møre og Romsdal", 2024, "1515"),
    ("Våler (Østfold)", 2024, "3114"),
    ("Våler (Hedmark)", 2020, "3419"),
    ("Våler i Viken", 2020, "3018"),
    ("Haram", 2024, "1580"),
    ("Drammen", 2022, "3005"),
])
def test_municipality_by_number_or_name(query: str, year: int, number: str) -> None:
    assert municipality(query, year).number == number


def test_shared_name_is_an_error_listing_both() -> None:
    with pytest.raises(RegistryError) as info:
        municipality("Herøy")
    assert "1515 Herøy (Møre og Romsdal)" in info.value.message
    assert "1818 Herøy (Nordland)" in info.value.message
    assert [m.number for m in find_municipalities("Herøy")] == ["1515", "1818"]


@pytest.mark.parametrize(("query", "year"), [
    ("9999", 2024), ("Atlantis", 2024), ("Haram", 2020), ("3005", 2024)])
def test_unknown_municipality(query: str, year: int) -> None:
    with pytest.raises(UnknownMunicipality) as info:
        municipality(query, year)
    assert info.value.data_fields == {"query": query, "structure": structure_for_year(year)}
    assert info.value.exit_code == 2


def test_caches_can_be_cleared() -> None:
    from samrev.registry import clear_caches, match

    clear_caches()
    assert municipality("Bergen").number == "4601"
    assert [m.id for m in match("Bergen kommune")] == ["4601"]


def test_year_selects_structure() -> None:
    assert structure_for_year(2020) == structure_for_year(2023) == 2020
    assert structure_for_year(2024) == structure_for_year(2031) == 2024
    assert len(municipalities(2021)) == 356
    with pytest.raises(InputError):
        structure_for_year(2019)


def test_to_2024_and_back() -> None:
    assert [m.label() for m in to_2024("3005")] == ["3301 Drammen"]
    assert [m.label() for m in to_2020("3301")] == ["3005 Drammen"]
    with pytest.raises(UnknownMunicipality):
        to_2024("3301")


def test_county_lookup_prefers_structure_of_year() -> None:
    assert county("Østfold", 2024).number == "31"
    assert county("Viken", 2024).number == "30"
    assert county("Troms og Finnmark", 2020).number == "54"
    assert county("46").name == "Vestland"


@pytest.mark.parametrize(("query", "trust_id"), [
    ("Helse Bergen HF", "helse-bergen"),
    ("helse bergen", "helse-bergen"),
    ("Helse Førde helseføretak", "helse-forde"),
    ("UNN", "unn"),
    ("UNN HF", "unn"),
    ("unn", "unn"),
    ("Ahus", "ahus"),
    ("OUS", "ous"),
    ("St. Olav", "st-olav"),
    ("St. Olavs Hospital", "st-olav"),
    ("Sørlandet sjukehus HF", "sshf"),
    ("Helse Sør-Øst", "helse-sor-ost"),
    ("Helse Midt-Norge regionale helseforetak", "helse-midt-norge"),
    ("Lovisenberg", "lovisenberg"),
    ("Haukeland universitetssjukehus", "helse-bergen"),
    ("Gjøvik sykehus", "si"),
    ("vestre-viken", "vestre-viken"),
])
def test_health_trust_by_name_alias_or_site(query: str, trust_id: str) -> None:
    assert health_trust(query).id == trust_id


def test_unknown_health_trust() -> None:
    with pytest.raises(UnknownHealthTrust):
        health_trust("Helse Atlantis HF")


def test_catchment_whole_and_parts() -> None:
    bergen = catchment("4601")
    assert (health_trust("Helse Bergen HF"), "") == bergen[0]
    assert (health_trust("Haraldsplass"), "bydelene Åsane, Arna og Bergenhus") in bergen
    oslo = {(t.id, part) for t, part in catchment("0301")}
    assert ("ahus", "bydel Alna") in oslo
    assert ("diakonhjemmet", "bydel Frogner") in oslo
    assert ("lovisenberg", "bydel Grünerløkka") in oslo
    assert ("ous", "bydel Nordstrand") in oslo


def test_catchment_in_2020_structure_goes_through_mapping() -> None:
    assert [(t.id, part) for t, part in catchment("3005", 2020)] == [("vestre-viken", "")]
    assert [t.id for t, _ in catchment("1507", 2020)] == ["hmr"]  # Ålesund + Haram, deduplicated
    assert [t.id for t, _ in catchment("3054", 2020)] == ["si"]  # Lunner


def test_catchment_entries_carry_confidence_and_source() -> None:
    [sagene_lds] = [e for e in catchment_entries("0301")
                    if e.part == "bydel Sagene" and e.scope == "indremedisin"]
    assert sagene_lds.health_trust.id == "lovisenberg"
    assert sagene_lds.confidence == "inferred"
    assert "SKDE" in sagene_lds.source


def test_municipalities_in_catchment() -> None:
    vestre_viken = municipalities_in_catchment("Vestre Viken HF")
    assert len(vestre_viken) == 22  # 18 in Buskerud + Asker, Bærum, Jevnaker + Holmestrand (Sande)
    assert {m.name for m in vestre_viken} >= {"Asker", "Bærum", "Jevnaker", "Drammen", "Holmestrand"}
    assert len(municipalities_in_catchment("Vestre Viken HF", 2020)) == 22
    assert {m.number for m in municipalities_in_catchment("Finnmarkssykehuset")} == {
        m.number for m in municipalities() if m.county_name == "Finnmark"}
    assert municipalities_in_catchment("Sunnaas") == []
