"""Accuracy of the literature coder on its labelled development set (``data/coding_devset.jsonl``).

The set holds 87 records: 39 real titles/abstracts from the shared screening datasets (SYNERGY and
the ASReview collection, CC0) and 48 written for samrev in bokmål, nynorsk and English, each
labelled by hand with country, setting, design, population, learning-and-coping flag and themes.
About a third is held out (``split: heldout``, chosen by a hash of the id before any rule was
written); rules are tuned on ``dev`` only.  :func:`evaluate_coding` reports accuracy per
characteristic and micro precision/recall/F1 of the theme sets.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any

from samrev.literature.coding import LiteratureCoder, LiteratureRecord

EVALUATED = ("country", "setting", "design", "population", "lms_explicit")
SPLITS = ("dev", "heldout", "all")
ORIGINS = ("all", "real", "written")
WRITTEN = "skrevet for samrev"


@dataclass(frozen=True, slots=True)
class LabelledRecord:
    record: LiteratureRecord
    labels: dict[str, Any]
    split: str
    source: str

    @property
    def origin(self) -> str:
        """``written`` (made up for samrev) or ``real`` (from a published dataset)."""
        return "written" if self.source == WRITTEN else "real"


def load_devset(text: str | None = None) -> list[LabelledRecord]:
    """The bundled development set (or the JSON lines in ``text``)."""
    raw = text if text is not None else resources.files("samrev.literature").joinpath(
        "data/coding_devset.jsonl").read_text(encoding="utf-8")
    out: list[LabelledRecord] = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        record = LiteratureRecord.from_dict({**data, "record_id": data["id"]})
        out.append(LabelledRecord(record, dict(data["labels"]), str(data.get("split", "dev")),
                                  str(data.get("source", ""))))
    return out


@dataclass(slots=True)
class CharacteristicScore:
    name: str
    n: int
    correct: int
    #: (expected, suggested) → count, for the mistakes only
    confusions: dict[str, int] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


@dataclass(slots=True)
class ThemeScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class CodingEvaluation:
    split: str
    n_records: int
    characteristics: list[CharacteristicScore]
    themes: ThemeScore
    per_theme: dict[str, ThemeScore]
    coder: str
    origin: str = "all"

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split, "origin": self.origin, "n_records": self.n_records, "coder": self.coder,
            "characteristics": {c.name: {"n": c.n, "correct": c.correct, "accuracy": round(c.accuracy, 4),
                                         "confusions": c.confusions} for c in self.characteristics},
            "themes": {"precision": round(self.themes.precision, 4), "recall": round(self.themes.recall, 4),
                       "f1": round(self.themes.f1, 4), **asdict(self.themes)},
            "per_theme": {t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), **asdict(s)}
                          for t, s in self.per_theme.items()},
        }


def evaluate_coding(split: str = "heldout", records: Sequence[LabelledRecord] | None = None,
                    coder: LiteratureCoder | None = None, origin: str = "all") -> CodingEvaluation:
    """Accuracy per characteristic and theme precision/recall on ``split`` (``dev``, ``heldout``, ``all``),
    for the records of ``origin`` (``real``, ``written`` or ``all``)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    if origin not in ORIGINS:
        raise ValueError(f"unknown origin {origin!r}")
    items = [r for r in (records if records is not None else load_devset())
             if (split == "all" or r.split == split) and (origin == "all" or r.origin == origin)]
    coder = coder or LiteratureCoder()
    scores = {name: CharacteristicScore(name, 0, 0) for name in EVALUATED}
    themes = ThemeScore()
    per_theme: dict[str, ThemeScore] = {t: ThemeScore() for t in coder.codebook.theme_ids}
    for item in items:
        coding = coder.code_record(item.record)
        for name in EVALUATED:
            expected, got = item.labels.get(name), coding.value(name)
            score = scores[name]
            score.n += 1
            if expected == got:
                score.correct += 1
            else:
                key = f"{expected} → {got}"
                score.confusions[key] = score.confusions.get(key, 0) + 1
        wanted = set(item.labels.get("themes") or ())
        found = set(coding.themes())
        for theme in coder.codebook.theme_ids:
            one = per_theme[theme]
            if theme in wanted and theme in found:
                themes.true_positives += 1
                one.true_positives += 1
            elif theme in found:
                themes.false_positives += 1
                one.false_positives += 1
            elif theme in wanted:
                themes.false_negatives += 1
                one.false_negatives += 1
    return CodingEvaluation(split, len(items), list(scores.values()), themes, per_theme,
                            f"{coder.name}@{coder.provenance_version}", origin)
