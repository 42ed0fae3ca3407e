"""Comparing two rounds, across the 2020 and 2024 municipality structures."""

from __future__ import annotations

from datetime import date

from samrev.agreements.compare import compare
from samrev.agreements.coverage import coverage
from samrev.agreements.summary import DocumentFacts

TODAY = date(2026, 11, 27)
HMR = "Helse Møre og Romsdal HF"


def doc(file: str, municipalities: list[str], **values: object) -> DocumentFacts:
    base: dict[str, object] = {"health_trust": HMR, "municipalities": municipalities, "kind": "overordnet",
                               "lms_level": 1, "user_participation_level": 1, "signature": "unsigned",
                               "adopted": "2019-01-01", "revised": None}
    base.update(values)
    return DocumentFacts(file=file, values=base)


def test_changes_are_found_across_a_municipality_split() -> None:
    # 2020: Ålesund included Haram; 2024: Haram is its own municipality again
    first = coverage([doc("aalesund_2019.pdf", ["Ålesund"]), doc("molde.pdf", ["Molde"])], structure=2020,
                     today=TODAY, health_trusts=[HMR])
    second = coverage([doc("aalesund_2025.pdf", ["Ålesund"], lms_level=3, signature="signed", revised="2025-02-01"),
                       doc("molde.pdf", ["Molde"])], structure=2024, today=TODAY, health_trusts=[HMR])
    result = compare(first, second, names=("Runde 2020", "Runde 2026"))
    rows = {row["municipality"]: row for row in result["rows"]}
    assert set(rows["Ålesund"]["changes"]) == {"newly_signed", "lms_up", "revised"}
    assert rows["Ålesund"]["structure_change"] == "split"
    assert rows["Haram"]["changes"] == ["lost_agreement"] and rows["Haram"]["structure_change"] == "split"
    assert rows["Molde"]["changes"] == ["unchanged"] and rows["Molde"]["structure_change"] == ""
    assert result["counts"]["lms_up"] == 1 and result["counts"]["lost_agreement"] == 1
    assert result["structures"] == [2020, 2024]


def test_a_merger_combines_the_earlier_cells() -> None:
    # the other way round: two 2024 municipalities are one in the 2020 structure
    first = coverage([doc("haram.pdf", ["Haram"], lms_level=2), doc("aalesund.pdf", ["Ålesund"], signature="signed")],
                     structure=2024, today=TODAY, health_trusts=[HMR])
    second = coverage([doc("aalesund.pdf", ["Ålesund"], signature="signed", lms_level=2)], structure=2020,
                      today=TODAY, health_trusts=[HMR])
    rows = {row["municipality"]: row for row in compare(first, second)["rows"]}
    assert rows["Ålesund"]["structure_change"] == "merged"
    assert rows["Ålesund"]["before"]["lms_level"] == 2 and rows["Ålesund"]["before"]["signed"] is True
    assert rows["Ålesund"]["changes"] == ["unchanged"]
