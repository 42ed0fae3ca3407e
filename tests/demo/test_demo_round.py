"""The bundled demo round (``samrev/demo/data/runde``): sources, manifest and labels fit together.

Forty synthetic agreements for Helse Førde HF and its municipalities.  The checks here are about
the round's integrity (every source parses, every manifest row has a source and a label and vice
versa, parties resolve in the registry, label values follow the spec, the format and language
mix is as described in ``data/README.md``), not about how well the engine does on it.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from samrev.agreements.corpus import load_labels, parse_source, render_sources
from samrev.registry import health_trust, match, municipalities_in_catchment, municipality

ROUND = Path(str(resources.files("samrev.demo") / "data" / "runde"))
FIELDS = ["file", "language", "kind", "health_trust", "municipalities", "adopted", "revised", "signature",
          "lms_level", "user_participation_level", "commitment", "statutory_points", "meeting_arenas",
          "good_example", "needs_ocr", "error"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TRUST = "Helse Førde HF"


def _sources() -> list[Any]:
    return [parse_source(path, split="") for path in sorted((ROUND / "src").glob("*.txt"))]


def _manifest() -> list[dict[str, str]]:
    with (ROUND / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _labels() -> list[dict[str, Any]]:
    return load_labels(ROUND / "labels.jsonl")


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.find("\n---", 3) + 4 :] if text.startswith("---") else text


def test_every_source_parses_with_a_valid_id() -> None:
    sources = _sources()
    assert 35 <= len(sources) <= 45
    for source in sources:
        assert re.fullmatch(r"[a-z0-9_]+", source.id)
        assert source.pages and source.pages[0], source.id
        assert source.pages[0][0].kind == "heading", source.id


def test_manifest_sources_and_labels_are_one_to_one() -> None:
    manifest = _manifest()
    assert list(manifest[0]) == ["file", "health_trust", "municipality", "url", "retrieved"]
    rendered = {f"{s.id}.{s.extension}" for s in _sources()}
    in_manifest = [row["file"] for row in manifest]
    in_labels = [row["file"] for row in _labels()]
    assert len(set(in_manifest)) == len(in_manifest) and len(set(in_labels)) == len(in_labels)
    assert set(in_manifest) == rendered == set(in_labels)
    for row in manifest:
        assert row["url"].startswith("https://") and re.match(r"^2026-\d{2}-\d{2}$", row["retrieved"])


def test_manifest_parties_resolve_in_the_registry_and_match_the_labels() -> None:
    catchment = {m.name for m in municipalities_in_catchment(TRUST)}
    labels = {row["file"]: row for row in _labels()}
    for row in _manifest():
        assert health_trust(row["health_trust"]).name == TRUST
        names = row["municipality"].split(";")
        for name in names:
            assert municipality(name).name == name
            assert name in catchment, name
        assert sorted(names) == labels[row["file"]]["municipalities"]


def test_labelled_parties_are_named_in_the_text() -> None:
    """Registry matching on the source text finds the trust and every labelled municipality."""
    labels = {row["file"]: row for row in _labels()}
    for source, path in zip(_sources(), sorted((ROUND / "src").glob("*.txt")), strict=True):
        found = match(_body(path))
        trusts = {m.canonical for m in found if m.kind == "health_trust"}
        places = {m.canonical for m in found if m.kind == "municipality"}
        label = labels[f"{source.id}.{source.extension}"]
        assert label["health_trust"] in trusts, source.id
        assert set(label["municipalities"]) <= places, (source.id, set(label["municipalities"]) - places)


def test_label_values_follow_the_spec() -> None:
    formats = {f"{s.id}.{s.extension}": s.format for s in _sources()}
    for row in _labels():
        assert [k for k in FIELDS if k not in row] == [], row["file"]
        assert row["language"] in ("nb", "nn")
        assert row["kind"] in ("overordnet", "delavtale", "retningslinje", "annet")
        assert row["health_trust"] == TRUST
        assert row["municipalities"] == sorted(row["municipalities"]) and row["municipalities"]
        for key in ("adopted", "revised"):
            assert row[key] is None or DATE.match(row[key]), (row["file"], key)
        assert row["signature"] in ("signed", "unsigned", "unknown")
        assert row["lms_level"] in (0, 1, 2, 3) and row["user_participation_level"] in (0, 1, 2, 3)
        assert row["commitment"] in ("high", "low")
        points = row["statutory_points"]
        assert points == sorted(set(points)) and all(1 <= p <= 13 for p in points)
        assert isinstance(row["meeting_arenas"], bool)
        assert row["good_example"] == (row["lms_level"] == 3 and row["commitment"] == "high")
        assert row["needs_ocr"] == (formats[row["file"]] in ("scan", "mixed"))
        assert row["error"] is None
        assert row.get("notes")
        if row["lms_level"] >= 2:
            assert 2 in points, row["file"]


def test_the_mix_is_as_described() -> None:
    labels = _labels()
    formats = Counter(s.format for s in _sources())
    assert formats["scan"] >= 4 and formats["mixed"] >= 2 and formats["docx"] >= 4
    assert formats["odt"] >= 3 and formats["html"] >= 4 and formats["txt"] >= 2
    assert formats["pdf"] == max(formats.values())
    languages = Counter(row["language"] for row in labels)
    assert 1.5 <= languages["nn"] / languages["nb"] <= 3.0
    assert {row["lms_level"] for row in labels} == {0, 1, 2, 3}
    assert {row["user_participation_level"] for row in labels} == {0, 1, 2, 3}
    assert {row["signature"] for row in labels} == {"signed", "unsigned", "unknown"}
    assert {row["kind"] for row in labels} == {"overordnet", "delavtale", "retningslinje", "annet"}
    assert 2 <= sum(row["good_example"] for row in labels) <= 3
    assert any(row["adopted"] is None and row["signature"] == "unsigned" for row in labels)  # a draft
    assert any(row["adopted"] and row["adopted"] < "2022" for row in labels)  # predates § 6-2 nr. 12-13
    sources = {f"{s.id}.{s.extension}": s for s in _sources()}
    assert any(s.meta.get("digital_signature") for s in sources.values())


def test_some_municipalities_have_no_agreement_in_the_round() -> None:
    covered = {name for row in _labels() for name in row["municipalities"]}
    missing = sorted(m.name for m in municipalities_in_catchment(TRUST) if m.name not in covered)
    assert missing == ["Aurland", "Solund"]


@pytest.mark.slow
def test_the_round_renders(tmp_path: Path) -> None:
    written = render_sources(ROUND / "src", tmp_path)
    assert sorted(p.name for p in written) == sorted(row["file"] for row in _manifest())
    assert all(p.stat().st_size > 0 for p in written)
