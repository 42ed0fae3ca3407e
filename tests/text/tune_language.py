"""Choose the combination weights of the language detector on the tuning split.

Run: ``.venv/bin/python tests/text/tune_language.py [--errors] [--heldout]``

It grid-searches ``lingua_weight``, ``marker_weight`` and ``name_discount`` on the passages of
``tests/text/data/language_passages.jsonl`` whose ``split`` is ``tune`` (best accuracy, then lowest
log loss), and prints lingua-only and markers-only baselines.  ``--errors`` lists the tuning
errors of the chosen setting; ``--heldout`` reports the held-out accuracy of the chosen and the
shipped settings (look at it only after the choice is made).  The chosen values are copied by
hand into ``samrev/text/language.py`` (``DEFAULT_*``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

from samrev.text import language as lang_mod

DATA = Path(__file__).parent / "data" / "language_passages.jsonl"
LINGUA_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)  # larger scales only sharpen confidences
MARKER_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
NAME_DISCOUNTS = (0.0, 0.25, 0.5, 1.0)


def load(split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row["split"] == split]


def features(rows: list[dict[str, Any]]) -> list[tuple[dict[str, float], lang_mod.MarkerEvidence]]:
    out = []
    for row in rows:
        text = row["text"]
        masked = lang_mod._mask(text, lang_mod._foreign_regions(text))
        out.append((lang_mod.lingua_scores(masked), lang_mod.marker_evidence(lang_mod.find_markers(text))))
    return out


def evaluate(
    rows: list[dict[str, Any]], feats: list[Any], a: float, b: float, d: float
) -> tuple[float, float, list[Any]]:
    correct, loss, errors = 0, 0.0, []
    for row, (lingua, evidence) in zip(rows, feats, strict=True):
        scores = lang_mod.combine(lingua, evidence, lingua_weight=a, marker_weight=b, name_discount=d)
        guess = max(scores, key=lambda code: scores[code])
        correct += guess == row["lang"]
        loss -= math.log(max(scores[row["lang"]], 1e-9))
        if guess != row["lang"]:
            errors.append((row["id"], row["lang"], guess, round(scores[guess], 3), row["text"]))
    return correct / len(rows), loss / len(rows), errors


def per_language(rows: list[dict[str, Any]], errors: list[Any]) -> dict[str, float]:
    totals = Counter(row["lang"] for row in rows)
    wrong = Counter(error[1] for error in errors)
    return {code: round(1 - wrong[code] / totals[code], 4) for code in sorted(totals)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--heldout", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    lang_mod._lingua_detector(lang_mod.LANGUAGES)
    print(f"lingua build (nb+nn+en, preloaded): {time.perf_counter() - started:.3f} s")

    tune = load("tune")
    feats = features(tune)
    results = []
    for a, b, d in itertools.product(LINGUA_WEIGHTS, MARKER_WEIGHTS, NAME_DISCOUNTS):
        if a == 0.0 and b == 0.0:
            continue
        accuracy, loss, errors = evaluate(tune, feats, a, b, d)
        results.append((accuracy, -loss, a, b, d, errors))
    results.sort(key=lambda r: (r[0], r[1]), reverse=True)
    print(f"tuning split: {len(tune)} passages {dict(Counter(r['lang'] for r in tune))}")
    for accuracy, neg_loss, a, b, d, _ in results[:8]:
        print(f"  acc={accuracy:.4f} logloss={-neg_loss:.4f} "
              f"lingua_weight={a} marker_weight={b} name_discount={d}")
    lingua_only = max((r for r in results if r[3] == 0.0), key=lambda r: (r[0], r[1]))
    markers_only = max((r for r in results if r[2] == 0.0), key=lambda r: (r[0], r[1]))
    print(f"  lingua only : acc={lingua_only[0]:.4f}")
    print(f"  markers only: acc={markers_only[0]:.4f} (lingua still separates English)")
    best = results[0]
    print(f"chosen: lingua_weight={best[2]} marker_weight={best[3]} name_discount={best[4]}")
    print(f"  per language (tune): {per_language(tune, best[5])}")
    if args.errors:
        for error in best[5]:
            print("  ERR", error)
    if args.heldout:
        heldout = load("heldout")
        held_feats = features(heldout)
        shipped = (lang_mod.DEFAULT_LINGUA_WEIGHT, lang_mod.DEFAULT_MARKER_WEIGHT,
                   lang_mod.DEFAULT_NAME_DISCOUNT)
        settings = (("chosen", best[2:5]), ("shipped", shipped), ("lingua only", lingua_only[2:5]))
        for label, (a, b, d) in settings:
            accuracy, _, errors = evaluate(heldout, held_feats, a, b, d)
            print(f"held-out {label} ({a}, {b}, {d}): acc={accuracy:.4f} {per_language(heldout, errors)}")


if __name__ == "__main__":
    main()
