"""Two rounds side by side: what changed per health trust and municipality (pure).

:func:`compare` takes the coverage of each round (:func:`samrev.agreements.coverage.coverage`)
and reports, per (health trust, municipality) of the later round's structure: agreements found
now or no longer, newly signed or no longer signed, learning-and-coping and user-participation
levels up or down, and whether an agreement was adopted or revised since.

Municipality structures: when the rounds use different structures (2020 and 2024), the earlier
round's cells are carried into the later structure with the registry's mapping.  Merged
municipalities (several earlier cells in one later one) are combined: best levels, signed if any
was, the most recent date; a municipality that was split gives its earlier values to each part.
Such rows say so (``structure_change``: ``merged`` or ``split``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

REVISION_TOLERANCE_YEARS = 0.01


def _to_structure(number: str, source: int, target: int) -> list[str]:
    if source == target:
        return [number]
    from samrev.registry import to_2020, to_2024

    mapped = to_2024(number) if target == 2024 else to_2020(number)
    return [m.number for m in mapped]


def _merge(cells: Sequence[dict[str, Any]]) -> dict[str, Any]:
    levels = {name: [c[name] for c in cells if c[name] is not None]
              for name in ("lms_level", "user_participation_level")}
    ages = [c["years_since_revision"] for c in cells if c["years_since_revision"] is not None]
    return {
        "n_documents": sum(c["n_documents"] for c in cells),
        "documents": sorted({d for c in cells for d in c["documents"]}),
        "kinds": sorted({k for c in cells for k in c["kinds"]}),
        "lms_level": max(levels["lms_level"]) if levels["lms_level"] else None,
        "user_participation_level": max(levels["user_participation_level"])
        if levels["user_participation_level"] else None,
        "signed": any(c["signed"] for c in cells),
        "years_since_revision": min(ages) if ages else None,
        "municipalities": sorted({f"{c['municipality_number']} {c['municipality']}" for c in cells}),
    }


def _direction(before: int | None, after: int | None) -> str:
    if before == after:
        return "same"
    if before is None:
        return "new"
    if after is None:
        return "gone"
    return "up" if after > before else "down"


def compare(first: dict[str, Any], second: dict[str, Any], *, names: tuple[str, str] = ("A", "B"),
            elapsed_years: float = 0.0) -> dict[str, Any]:
    """Changes from round ``first`` to round ``second`` (coverage results; see module docstring).

    ``elapsed_years``: the time between the rounds' reference dates, so that "revised since"
    compares ages on one clock (an unchanged agreement is ``elapsed_years`` older in the later
    round).  With both coverages computed on the same ``today`` it is 0.
    """
    source, target = int(first["structure"]), int(second["structure"])
    earlier: dict[tuple[str, str], list[dict[str, Any]]] = {}
    sources_per_cell: dict[tuple[str, str], int] = {}
    targets_per_cell: dict[tuple[str, str], int] = {}
    for cell in first["cells"]:
        numbers = _to_structure(cell["municipality_number"], source, target)
        targets_per_cell[(cell["health_trust"], cell["municipality_number"])] = len(numbers)
        for number in numbers:
            earlier.setdefault((cell["health_trust"], number), []).append(cell)
    for key, cells in earlier.items():
        sources_per_cell[key] = len({c["municipality_number"] for c in cells})
    later = {(c["health_trust"], c["municipality_number"]): c for c in second["cells"]}
    rows: list[dict[str, Any]] = []
    counts = {"new_agreement": 0, "lost_agreement": 0, "newly_signed": 0, "no_longer_signed": 0, "lms_up": 0,
              "lms_down": 0, "user_participation_up": 0, "user_participation_down": 0, "revised": 0,
              "unchanged": 0}
    for key in sorted(set(earlier) | set(later)):
        trust, number = key
        now = later.get(key)
        before = _merge(earlier[key]) if key in earlier else None
        after = _merge([now]) if now is not None else None
        had = bool(before and before["n_documents"])
        has = bool(after and after["n_documents"])
        change: list[str] = []
        if has and not had:
            change.append("new_agreement")
        if had and not has:
            change.append("lost_agreement")
        signed_before = bool(before and before["signed"])
        signed_after = bool(after and after["signed"])
        if signed_after and not signed_before:
            change.append("newly_signed")
        if signed_before and not signed_after and has:
            change.append("no_longer_signed")
        lms = _direction(before["lms_level"] if before else None, after["lms_level"] if after else None)
        upl = _direction(before["user_participation_level"] if before else None,
                         after["user_participation_level"] if after else None)
        if had and has and lms in ("up", "down"):
            change.append(f"lms_{lms}")
        if had and has and upl in ("up", "down"):
            change.append(f"user_participation_{upl}")
        age_before = before["years_since_revision"] if before else None
        age_after = after["years_since_revision"] if after else None
        revised = (age_after is not None and (age_before is None or age_after
                                              < age_before + elapsed_years - REVISION_TOLERANCE_YEARS))
        if had and has and revised:
            change.append("revised")
        if not change:
            change.append("unchanged")
        for name in change:
            counts[name] += 1
        structure_change = ""
        if key in earlier and sources_per_cell.get(key, 1) > 1:
            structure_change = "merged"
        elif key in earlier and any(targets_per_cell.get((trust, c["municipality_number"]), 1) > 1
                                    for c in earlier[key]):
            structure_change = "split"
        rows.append({
            "health_trust": trust, "municipality_number": number,
            "municipality": now["municipality"] if now else (before or {}).get("municipalities", [""])[0],
            "changes": change, "structure_change": structure_change,
            "before": before, "after": after,
        })
    return {"rounds": list(names), "structures": [source, target], "counts": counts, "rows": rows}
