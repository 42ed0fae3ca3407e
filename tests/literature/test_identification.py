"""PRISMA identification counts from records and duplicate links (pure function)."""

from __future__ import annotations

from samrev.literature.identification import groups, identification_counts


def test_counts_add_up_with_groups_of_three_and_unknown_links() -> None:
    records = [("1", "MEDLINE"), ("2", "MEDLINE"), ("3", "Embase"), ("4", "Embase"), ("5", "Scopus"), ("6", "Scopus")]
    links = [("1", "3"), ("3", "5"), ("2", "4"), ("6", "99")]  # 1=3=5 (two removed), 2=4 (one), 99 unknown
    counts = identification_counts(records, links, skipped_on_import=2)
    assert counts.per_database == {"Embase": 2, "MEDLINE": 2, "Scopus": 2}
    assert counts.identified == sum(counts.per_database.values()) == 6
    assert counts.duplicates_removed == 3 and counts.after_dedup == 3
    assert counts.identified - counts.duplicates_removed == counts.after_dedup
    assert counts.to_dict()["skipped_on_import"] == 2


def test_groups_without_links() -> None:
    assert groups(["a", "b"], []) == [["a"], ["b"]]
    counts = identification_counts([], [])
    assert (counts.identified, counts.duplicates_removed, counts.after_dedup) == (0, 0, 0)
