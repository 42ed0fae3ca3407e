"""Held-out accuracy of the language detector on tests/text/data/language_passages.jsonl.

The combination weights were chosen on the ``tune`` split (tests/text/tune_language.py).
Measured on the held-out split at version 1: overall 0.986 (210/213); nb 0.979 (93/95),
nn 1.000 (86/86), en 0.969 (31/32).  Thresholds are these minus a small margin, never below 0.95.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from samrev.text import detect_language

OVERALL_MIN = 0.975
PER_LANGUAGE_MIN = {"nb": 0.96, "nn": 0.98, "en": 0.95}


def test_heldout_accuracy(language_rows: list[dict[str, Any]]) -> None:
    rows = [row for row in language_rows if row["split"] == "heldout"]
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for row in rows:
        totals[row["lang"]] += 1
        correct[row["lang"]] += detect_language(row["text"]).lang == row["lang"]
    overall = sum(correct.values()) / len(rows)
    per_language = {lang: correct[lang] / totals[lang] for lang in totals}
    print(f"held-out accuracy {overall:.4f} over {len(rows)}; per language "
          + ", ".join(f"{lang} {value:.4f} ({correct[lang]}/{totals[lang]})"
                      for lang, value in sorted(per_language.items())))
    assert overall >= OVERALL_MIN
    for lang, minimum in PER_LANGUAGE_MIN.items():
        assert per_language[lang] >= minimum, (lang, per_language[lang])
