"""De-duplication: each rule and guard on small records, and precision/recall on the labelled set
(tests/literature/fixtures/dedup, built by tests/literature/dedup_set.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from samrev.literature.dedup import explain, find_duplicates, record_kind
from samrev.literature.readers import read_references
from samrev.literature.reference import Reference

DEDUP = Path(__file__).parent / "fixtures" / "dedup"
TITLE = "Patient education in the transition from hospital to municipality: a scoping review"


def ref(**fields: object) -> Reference:
    base: dict[str, object] = {"title": TITLE, "authors": ["Hansen, Lars"], "year": 2021}
    base.update(fields)
    return Reference(**base).finish()  # type: ignore[arg-type]


def linked(a: Reference, b: Reference) -> str | None:
    result = find_duplicates([("a", a), ("b", b)])
    return result.links[0].rule if result.links else None


def test_doi_rule_ignores_prefix_and_case() -> None:
    assert linked(ref(doi="https://doi.org/10.1186/S12913-021-07123-4"),
                  ref(doi="10.1186/s12913-021-07123-4", title=TITLE.upper(), year=2020)) == "doi"


def test_a_shared_doi_links_records_typed_differently_unless_the_title_says_erratum() -> None:
    assert linked(ref(doi="10.1234/x", record_type="Letter"), ref(doi="10.1234/x", record_type="Article")) == "doi"
    assert linked(ref(doi="10.1234/x"), ref(doi="10.1234/x", title="Erratum: " + TITLE)) is None


def test_pmid_rule() -> None:
    assert linked(ref(pmid="34670551", title="[" + TITLE + "]."), ref(pmid="PMID: 34670551")) == "pmid"


def test_same_doi_but_unrelated_titles_is_not_a_duplicate() -> None:
    assert linked(ref(doi="10.1007/978-3-030-1"),
                  ref(doi="10.1007/978-3-030-1", title="Chapter 7: Knee cartilage")) is None


def test_title_year_author_rule_and_fuzzy_variants() -> None:
    assert linked(ref(), ref(authors=["Hansen L"], title=TITLE + ".")) == "title_year_author"
    assert linked(ref(), ref(title="<i>Patient</i> education in the transition from hospital to municipality – a "
                             "scoping review")) == "title_year_author"
    assert linked(ref(), ref(title=TITLE.replace("municipality", "muncipality"))) == "fuzzy_title"
    assert linked(ref(), ref(title=TITLE[:60])) == "fuzzy_title"  # truncated, same author and year
    assert linked(ref(), ref(year=2022)) == "fuzzy_title"  # epub vs print, same first author
    long = "Osteochondritis dissecans lesions of the knee restored by bone marrow concentrate: results in 18 patients"
    assert linked(ref(title=long), ref(title=long[:70])) == "fuzzy_title"  # the cut-off part held the number
    assert linked(ref(title=long, authors=[], pages="1352-65"), ref(title=long[:80], pages="1352")) == "fuzzy_title"


@pytest.mark.parametrize(("other", "why"), [
    ({"title": "Erratum: " + TITLE}, "erratum"),
    ({"title": "Comment on: " + TITLE, "authors": ["Smith, John"], "year": 2022}, "comment"),
    ({"title": "Reply to: " + TITLE}, "reply by the same author"),
    ({"record_type": "Conference Abstract", "journal": "Int J Integr Care"}, "conference abstract"),
    ({"journal": "Abstracts of the 2021 Annual Meeting"}, "conference by journal name"),
    ({"year": 2024, "doi": ""}, "updated review: same title, three years later"),
    ({"year": 2022, "authors": ["Berg, Åse"]}, "other first author a year later"),
    ({"authors": ["Berg, Åse"]}, "other first author"),
    ({"title": TITLE + ": part 2"}, "a later part of a series"),
    ({"doi": "10.1234/other"}, "two different DOIs"),
    ({"pages": "101-110"}, "other start page"),
    ({"issue": "4"}, "other issue"),
    ({"title": TITLE.replace("municipality", "nursing home")}, "one word changed"),
])
def test_guards_keep_look_alikes_apart(other: dict[str, object], why: str) -> None:
    assert linked(ref(doi="10.1234/first", pages="1123", issue="1"), ref(**other)) is None, why


def test_short_titles_need_the_same_journal_and_page() -> None:
    editorial = {"title": "Editorial", "authors": ["Berg, Åse"], "year": 2020, "journal": "Sykepleien Forskning"}
    assert linked(ref(**editorial, pages="5"), ref(**editorial, pages="77")) is None
    assert linked(ref(**editorial), ref(**editorial)) is None  # nothing but the title and the author
    assert linked(ref(**editorial, pages="5"), ref(**editorial, pages="5-6")) == "title_year_author"


def test_a_blocked_pair_is_never_joined_even_through_a_third_record() -> None:
    records = [("a", ref(doi="10.1234/x")), ("b", ref(doi="10.1234/x")), ("c", ref())]
    assert len(find_duplicates(records).clusters[0].members) == 3
    result = find_duplicates(records, blocked=[frozenset(("a", "b"))])
    assert all({"a", "b"} - set(cluster.members) for cluster in result.clusters)
    assert result.refused >= 1


def test_kept_record_is_the_most_complete_and_links_are_explained() -> None:
    sparse = ref(doi="10.1234/x")
    full = ref(doi="10.1234/x", abstract="Background.", pmid="123456", journal="BMC", keywords=["a"])
    result = find_duplicates([("sparse", sparse), ("full", full)])
    assert result.clusters[0].kept == "full" and result.clusters[0].duplicates == ("sparse",)
    assert explain(result.links[0]) == "samme DOI; DOI 10.1234/x"
    fuzzy = find_duplicates([("a", ref()), ("b", ref(title=TITLE[:60]))]).links[0]
    assert fuzzy.compared["truncated"] is True and fuzzy.compared["first_author"] == ["hansen", "hansen"]
    assert explain(fuzzy).startswith("nesten lik tittel; titellikhet") and "år 2021" in explain(fuzzy)


def test_record_kind() -> None:
    assert record_kind(ref(title="Correction to: X")) == "notice"
    assert record_kind(ref(record_type="Published Erratum")) == "notice"
    assert record_kind(ref(record_type="CONF")) == "conference"
    assert record_kind(ref(record_type="JOUR")) == "article"


def labelled_set() -> tuple[list[tuple[str, Reference]], dict[str, str]]:
    truth = {}
    with (DEDUP / "truth.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[f"{row['file']}#{row['position']}"] = row["work_id"]
    records: list[tuple[str, Reference]] = []
    for name in sorted({key.split("#")[0] for key in truth}):
        result = read_references(DEDUP / name)
        assert not result.problems
        records += [(f"{name}#{item.position}", item) for item in result.references]
    return records, truth


def true_pairs(truth: dict[str, str]) -> set[frozenset[str]]:
    by_work: dict[str, list[str]] = {}
    for key, work in truth.items():
        by_work.setdefault(work, []).append(key)
    return {frozenset((a, b)) for keys in by_work.values() for i, a in enumerate(keys) for b in keys[i + 1:]}


def test_precision_and_recall_on_the_labelled_set() -> None:
    records, truth = labelled_set()
    expected = true_pairs(truth)
    assert len(records) == len(truth) >= 400 and len(expected) >= 120
    assert len({record.source_database or key.split("#")[0] for key, record in records}) == 6
    found = find_duplicates(records).pairs()
    true_positive = len(found & expected)
    precision, recall = true_positive / len(found), true_positive / len(expected)
    assert precision >= 0.99, sorted(map(sorted, found - expected))[:5]
    assert recall >= 0.95, sorted(map(sorted, expected - found))[:5]


def test_the_hard_negatives_are_in_the_set_and_stay_apart() -> None:
    records, truth = labelled_set()
    kinds = {row["work_id"]: row["kind"] for row in csv.DictReader((DEDUP / "truth.csv").open(encoding="utf-8"))}
    counted = {kind: sum(1 for value in kinds.values() if value == kind) for kind in set(kinds.values())}
    assert all(counted.get(kind, 0) >= 8 for kind in ("erratum", "comment", "conference", "update", "lookalike"))
    clusters = find_duplicates(records).clusters
    for cluster in clusters:
        works = {truth[key] for key in cluster.members}
        assert len(works) == 1, [truth[key] for key in cluster.members]


def test_the_committed_set_is_what_the_generator_builds(tmp_path: Path) -> None:
    from . import dedup_set

    if not (dedup_set.SHARED / dedup_set.SOURCES[0]).is_file():
        pytest.skip("shared/data/literature is not next to this checkout")
    dedup_set.build(tmp_path)
    for path in sorted(DEDUP.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_norwegian_notices() -> None:
    assert record_kind(ref(title="Rettelse: Læring og mestring i kommunene")) == "notice"
    assert record_kind(ref(title="Kommentar til «Læring og mestring i kommunene»")) == "notice"
