"""Theme micro-F1 of the answer coder against hand labels (``samrev survey evaluate``).

Labels are shaped like the shared example's ``open_answer_labels.csv``: ``id`` or
``submission_id``, ``question``, ``themes`` (``;``-separated), ``polarity`` and optional ``codes``
(``theme:polarity;…``).  The texts come either from a ``text`` column in the labels (a labelled set
of one's own) or from the export they label (``responses`` + ``config``).  Scores are micro
averages over (answer, theme) pairs and, where ``codes`` are given, over (answer, theme, polarity).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samrev.core.errors import SurveyBadConfig, SurveyUnreadable
from samrev.survey.matching import is_empty_answer
from samrev.survey.read import decode, sniff_delimiter


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, got: set[str], want: set[str]) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)

    def to_dict(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": precision, "recall": recall, "f1": f1}


@dataclass(slots=True)
class Evaluation:
    answers: int = 0
    themes: Score = field(default_factory=Score)
    codes: Score = field(default_factory=Score)
    per_theme: dict[str, Score] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers, "theme_micro": self.themes.to_dict(), "code_micro": self.codes.to_dict(),
                "per_theme": {t: s.to_dict() for t, s in sorted(self.per_theme.items())}, "errors": self.errors}


def read_labels(path: str | Path) -> list[dict[str, str]]:
    path = Path(path)
    try:
        text, _ = decode(path.read_bytes())
    except OSError as exc:
        raise SurveyUnreadable(path=str(path), detail=exc.strerror or str(exc)) from None
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    if not rows:
        raise SurveyUnreadable(path=str(path), detail="ingen rader med etiketter")
    columns = set(rows[0])
    if not ({"id", "submission_id"} & columns) or not {"question", "themes"} <= columns:
        raise SurveyUnreadable(path=str(path), detail="kolonnene id (eller submission_id), question og themes trengs")
    return rows


def _split(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split(";") if part.strip()}


def evaluate(labels: list[dict[str, str]], predicted: dict[tuple[str, str], set[str]]) -> Evaluation:
    """Compare predicted ``theme:polarity`` codes per (id, question) with the labels."""
    result = Evaluation()
    for row in labels:
        key = ((row.get("id") or row.get("submission_id") or "").strip(), row["question"].strip())
        if key not in predicted:
            continue  # an empty answer: never coded, nothing to score
        got_codes = predicted[key]
        got = {code.split(":")[0] for code in got_codes}
        want = _split(row.get("themes"))
        result.answers += 1
        result.themes.add(got, want)
        if row.get("codes") is not None:
            result.codes.add(got_codes, _split(row.get("codes")))
        for theme in got | want:
            result.per_theme.setdefault(theme, Score()).add(got & {theme}, want & {theme})
        if got != want:
            result.errors.append({"id": key[0], "question": key[1], "predicted": sorted(got), "labelled": sorted(want)})
    return result


def predictions_from_texts(labels: list[dict[str, str]], kinds: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """Code the labels' own ``text`` column (``kinds``: question id → good/poor/proposal/other)."""
    from samrev.survey.coding import SurveyAnswerCoder
    from samrev.survey.pseudonymise import Pseudonymiser

    coder = SurveyAnswerCoder()
    pseudo = Pseudonymiser()
    out: dict[tuple[str, str], set[str]] = {}
    for row in labels:
        text = row.get("text") or ""
        if is_empty_answer(text):
            continue
        question = row["question"].strip()
        kind = kinds.get(question, question if question in ("good", "poor", "proposal") else "other")
        key = ((row.get("id") or row.get("submission_id") or "").strip(), question)
        out[key] = {f"{s.theme}:{s.polarity}" for s in coder.code_answer(pseudo(text.strip()), kind)}
    return out


def evaluate_files(labels_path: str | Path, responses: str | Path | None = None,
                   config: str | Path | None = None) -> Evaluation:
    labels = read_labels(labels_path)
    if "text" in labels[0]:
        return evaluate(labels, predictions_from_texts(labels, {}))
    if responses is None or config is None:
        raise SurveyBadConfig(config=str(labels_path),
                              detail="etikettene har ingen text-kolonne: oppgi --responses og --config")
    from samrev.survey.service import analyse_files

    result = analyse_files(responses, config)
    predicted = {(a["id"], a["question"]): {f"{t['theme']}:{t['polarity']}" for t in a["themes"]}
                 for a in result["answers"]}
    return evaluate(labels, predicted)
