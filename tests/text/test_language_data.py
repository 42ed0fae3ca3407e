"""The labelled language evaluation set: size, fields, and a split fixed by a seeded hash."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from samrev.text._markers import STEM_RULES, WORD_MARKERS

Rows = list[dict[str, Any]]
SOURCE_KINDS = {"agreement", "survey", "user_org", "abstract", "heading", "list_item", "hard_case"}


def expected_split(passage_id: str) -> str:
    """The split rule: even first 32 bits of sha256("samrev-language-split-v1:<id>") → tune."""
    digest = hashlib.sha256(f"samrev-language-split-v1:{passage_id}".encode()).hexdigest()
    return "tune" if int(digest[:8], 16) % 2 == 0 else "heldout"


def test_size_and_languages(language_rows: Rows) -> None:
    rows = language_rows
    counts = Counter(row["lang"] for row in rows)
    assert len(rows) >= 360
    assert counts["nb"] >= 150 and counts["nn"] >= 150 and counts["en"] >= 50
    assert set(counts) == {"nb", "nn", "en"}


def test_fields_ids_and_texts_are_unique(language_rows: Rows) -> None:
    rows = language_rows
    for row in rows:
        assert set(row) == {"id", "text", "lang", "split", "source_kind"}
        assert row["text"].strip() == row["text"] and row["text"]
        assert row["source_kind"] in SOURCE_KINDS
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["text"] for row in rows}) == len(rows)


def test_split_is_the_seeded_hash_of_the_id_and_about_half(language_rows: Rows) -> None:
    rows = language_rows
    assert all(row["split"] == expected_split(row["id"]) for row in rows)
    for lang in ("nb", "nn", "en"):
        splits = Counter(row["split"] for row in rows if row["lang"] == lang)
        share = splits["heldout"] / (splits["heldout"] + splits["tune"])
        assert 0.35 <= share <= 0.65, (lang, splits)


def test_variety_of_sources_and_lengths(language_rows: Rows) -> None:
    rows = language_rows
    kinds = Counter(row["source_kind"] for row in rows)
    assert kinds["survey"] >= 60 and kinds["heading"] + kinds["list_item"] >= 40
    assert kinds["hard_case"] >= 15 and kinds["abstract"] >= 40
    short = [row for row in rows if len(row["text"].split()) <= 8 and row["lang"] != "en"]
    assert len(short) >= 60


def test_detector_lexicon_holds_no_passage(language_rows: Rows) -> None:
    """Markers are single word forms and stem rules; no passage is written into them.

    (A one-word heading such as «Brukarmedverknad» may itself be a general marker word.)
    """
    texts = {row["text"].lower() for row in language_rows if len(row["text"].split()) > 1}
    assert all(" " not in marker for marker in WORD_MARKERS)
    assert not texts & set(WORD_MARKERS)
    assert all(" " not in rule.pattern.pattern and r"\s" not in rule.pattern.pattern for rule in STEM_RULES)
