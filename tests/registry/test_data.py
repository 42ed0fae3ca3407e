"""The registry's data files: counts, completeness of mappings and catchment, Sami area, sources."""

from __future__ import annotations

from collections import Counter

import pytest

from samrev.registry import build, load, lookup

COUNTS_2024 = {
    "Akershus": 21, "Oslo": 1, "Vestland": 43, "Rogaland": 23, "Trøndelag": 38, "Innlandet": 46,
    "Agder": 25, "Østfold": 12, "Møre og Romsdal": 27, "Buskerud": 18, "Vestfold": 6, "Nordland": 41,
    "Telemark": 17, "Troms": 21, "Finnmark": 18,
}
COUNTS_2020 = {
    "Oslo": 1, "Rogaland": 23, "Møre og Romsdal": 26, "Nordland": 41, "Viken": 51, "Innlandet": 46,
    "Vestfold og Telemark": 23, "Agder": 25, "Vestland": 43, "Trøndelag": 38, "Troms og Finnmark": 39,
}


def test_2024_counts_per_county() -> None:
    munis = load.municipalities_of(2024)
    assert len(munis) == 357
    assert Counter(m.county_name for m in munis) == COUNTS_2024
    assert sum(COUNTS_2024.values()) == 357


def test_2020_counts_per_county() -> None:
    munis = load.municipalities_of(2020)
    assert len(munis) == 356
    assert Counter(m.county_name for m in munis) == COUNTS_2020


@pytest.mark.parametrize("structure", [2020, 2024])
def test_numbers_unique_and_county_prefix(structure: int) -> None:
    munis = load.municipalities_of(structure)
    assert len({m.number for m in munis}) == len(munis)
    assert all(m.number[:2] == m.county_number for m in munis)


@pytest.mark.parametrize(("year", "expected"), [(2020, 11), (2024, 15)])
def test_counties_per_structure_match_municipalities(year: int, expected: int) -> None:
    counties = lookup.counties(year)
    assert len(counties) == expected
    assert {c.number for c in counties} == {m.county_number for m in lookup.municipalities(year)}
    names = {c.number: c.name for c in counties}
    assert all(names[m.county_number] == m.county_name for m in lookup.municipalities(year))


def test_generated_files_match_build_rules() -> None:
    for name, expected in build.expected_files().items():
        assert (load.DATA_DIR / name).read_text(encoding="utf-8") == expected, (
            f"{name} er utdatert: kjør python -m samrev.registry.build")


def test_2020_file_is_the_shared_copy() -> None:
    lines = (load.DATA_DIR / "kommuner_2020.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("kommunenummer,kommunenavn,gyldige_navn,fylkesnummer,fylkesnavn,"
                        "samisk_forvaltningsomrade")
    assert len(lines) == 357


def test_mapping_complete_both_ways() -> None:
    changes = load.changes()
    numbers_2020 = {m.number for m in load.municipalities_of(2020)}
    numbers_2024 = {m.number for m in load.municipalities_of(2024)}
    assert {c.number_2020 for c in changes} == numbers_2020
    assert {c.number_2024 for c in changes} == numbers_2024
    assert Counter(c.change for c in changes) == {"unchanged": 242, "renumbered": 113, "split": 2}
    # every 2024 municipality comes from exactly one 2020 municipality
    assert all(len(lookup.to_2020(n)) == 1 for n in numbers_2024)
    # and only Ålesund became two
    assert {n for n in numbers_2020 if len(lookup.to_2024(n)) != 1} == {"1507"}


@pytest.mark.parametrize(("old", "new"), [
    ("3024", "3201"), ("3005", "3301"), ("5401", "5501"), ("5403", "5601"), ("3803", "3905"),
    ("3806", "4001"), ("3054", "3234"), ("3053", "3236"), ("4601", "4601"), ("0301", "0301"),
])
def test_renumbering_examples(old: str, new: str) -> None:
    [m] = lookup.to_2024(old)
    assert m.number == new
    assert m.name == lookup.municipality(old, 2020).name


def test_alesund_split() -> None:
    assert [(m.number, m.name) for m in lookup.to_2024("1507")] == [("1508", "Ålesund"), ("1580", "Haram")]
    assert [m.number for m in lookup.to_2020("1580")] == ["1507"]
    assert [m.number for m in lookup.to_2020("1508")] == ["1507"]


def test_counties_in_split_structure_change_but_others_keep_numbers() -> None:
    unchanged = [c for c in load.changes() if c.change == "unchanged"]
    assert all(c.number_2020[:2] in {"03", "11", "15", "18", "34", "42", "46", "50"} for c in unchanged)


def test_every_municipality_has_catchment() -> None:
    covered = {e.municipality_number for e in load.catchment_all()}
    assert covered == {m.number for m in load.municipalities_of(2024)}
    assert all(lookup.catchment(m.number, 2020) for m in load.municipalities_of(2020))


def test_catchment_rows_point_to_trusts_with_catchment() -> None:
    trusts_with_rows = {e.health_trust.id for e in load.catchment_all()}
    declared = {t.id for t in load.health_trusts_all() if t.has_catchment}
    assert trusts_with_rows == declared
    assert "sunnaas" not in trusts_with_rows
    assert all(e.health_trust.kind in ("hf", "ideell") for e in load.catchment_all())


def test_catchment_rows_unique_and_marked() -> None:
    keys = [(e.municipality_number, e.health_trust.id, e.part, e.scope) for e in load.catchment_all()]
    assert len(keys) == len(set(keys))
    assert {e.confidence for e in load.catchment_all()} == {"source", "known", "inferred"}
    assert all(e.source for e in load.catchment_all())


def test_whole_municipality_covered_unless_split_by_part() -> None:
    """Only Oslo (districts) and Holmestrand (former Sande) are served through parts alone."""
    whole = {e.municipality_number for e in load.catchment_all() if not e.part and e.scope == "alle"}
    partial_only = {e.municipality_number for e in load.catchment_all()} - whole
    assert partial_only == {"0301", "3903"}


def test_oslo_districts_each_served() -> None:
    oslo = [e for e in load.catchment_all() if e.municipality_number == "0301"]
    districts = {e.part.removeprefix("bydel ") for e in oslo}
    assert districts == {
        "Gamle Oslo", "Grünerløkka", "Sagene", "St. Hanshaugen", "Frogner", "Ullern", "Vestre Aker",
        "Nordre Aker", "Bjerke", "Grorud", "Stovner", "Alna", "Østensjø", "Nordstrand", "Søndre Nordstrand",
        "Sentrum",
    }


def test_sami_area_consistent_with_regulation() -> None:
    regulation = load.sami_area()
    assert len(regulation) == 13
    for structure in (2020, 2024):
        flagged = {m.number for m in load.municipalities_of(structure) if m.sami_area}
        listed = {e.number_2020 if structure == 2020 else e.number_2024 for e in regulation}
        assert flagged == listed
        assert all(m.sami_area_since is not None for m in load.municipalities_of(structure) if m.sami_area)
    names = {m.number: m.name for m in load.municipalities_of(2024)}
    assert all(names[e.number_2024] == e.name for e in regulation)
    assert all(e.source for e in regulation)


def test_saltdal_is_not_in_sami_area() -> None:
    assert not lookup.municipality("Saltdal").sami_area


def test_name_forms_parse_with_norwegian_first() -> None:
    for m in load.municipalities_of(2024):
        assert m.names[0] == (m.name, "nor")
        assert {lang for _, lang in m.names} <= {"nor", "sme", "sma", "smj", "fkv"}
    kautokeino = lookup.municipality("5612")
    assert ("Guovdageaidnu", "sme") in kautokeino.names


def test_ambiguous_names_and_variants_refer_to_real_municipalities() -> None:
    all_names = {n.casefold() for s in (2020, 2024) for m in load.municipalities_of(s) for n in m.all_names}
    assert load.ambiguous_names() <= all_names
    norwegian = {m.name for m in load.municipalities_of(2024)}
    assert all(v.municipality_name in norwegian for v in load.name_variants())


def test_trusts_rhf_links_and_sites() -> None:
    trusts = load.trusts_by_id()
    assert {t.id for t in trusts.values() if t.kind == "rhf"} == {
        "helse-sor-ost", "helse-vest", "helse-midt-norge", "helse-nord"}
    assert len([t for t in trusts.values() if t.kind == "hf"]) == 20  # 19 + Sunnaas (domain.md §5.1)
    ideell = {t.id for t in trusts.values() if t.kind == "ideell"}
    assert ideell == {"lovisenberg", "diakonhjemmet", "haraldsplass"}
    assert all(trusts[t.rhf].kind == "rhf" for t in trusts.values() if t.rhf)
    assert all(s.health_trust in trusts for s in load.sites_all())


def test_sources_documented() -> None:
    sources = (load.DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("kommuner_2020.csv", "kommuner_2024.csv", "kommune_endringer.csv", "fylker.csv",
                 "samisk_forvaltningsomrade.csv", "kommunenavn_varianter.csv", "helseforetak.csv",
                 "sykehus.csv", "opptaksomrader.csv", "tvetydige_navn.csv"):
        assert f"## {name}" in sources or name in sources
        assert (load.DATA_DIR / name).exists()
