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
    # polarity accuracy: of the (answer, theme) pairs both sides have, those with the same polarities
    polarity_pairs: int = 0
    polarity_agree: int = 0
    coder: str = ""
    cross_validated: bool = False

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.polarity_agree / self.polarity_pairs if self.polarity_pairs else None
        return {"answers": self.answers, "coder": self.coder, "cross_validated": self.cross_validated,
                "theme_micro": self.themes.to_dict(), "code_micro": self.codes.to_dict(),
                "polarity_accuracy": {"pairs": self.polarity_pairs, "agree": self.polarity_agree,
                                      "accuracy": accuracy},
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


def _polarities(codes: set[str], theme: str) -> set[str]:
    return {code.partition(":")[2] for code in codes if code.partition(":")[0] == theme}


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
            want_codes = _split(row.get("codes"))
            result.codes.add(got_codes, want_codes)
            for theme in got & want:
                result.polarity_pairs += 1
                result.polarity_agree += _polarities(got_codes, theme) == _polarities(want_codes, theme)
        for theme in got | want:
            result.per_theme.setdefault(theme, Score()).add(got & {theme}, want & {theme})
        if got != want:
            result.errors.append({"id": key[0], "question": key[1], "predicted": sorted(got), "labelled": sorted(want)})
    return result


CODERS = ("hybrid", "rules")


def _make_coder(coder: str, model: Any = None) -> Any:
    from samrev.survey.coding import HybridAnswerCoder
    from samrev.survey.service import make_coder

    return HybridAnswerCoder(model=model) if model is not None else make_coder(coder)


def predictions_from_texts(labels: list[dict[str, str]], kinds: dict[str, str],
                           coder: str = "rules") -> tuple[dict[tuple[str, str], set[str]], bool]:
    """Code the labels' own ``text`` column (``kinds``: question id → good/poor/proposal/other).

    With the hybrid coder, no answer is coded by a model that saw it in training: when the labels
    share texts with the bundled training set (the tuning labels themselves), the model is trained
    five times, each time without one fifth of the labels' answers, and codes only that fifth
    (5-fold cross-validation; the second value returned is then True).
    """
    from samrev.survey.model import AnswerModel, bundled_examples, examples_from_rows
    from samrev.survey.pseudonymise import Pseudonymiser

    pseudo = Pseudonymiser()
    rows = [row for row in labels if not is_empty_answer(row.get("text") or "")]

    def key(row: dict[str, str]) -> tuple[str, str]:
        return ((row.get("id") or row.get("submission_id") or "").strip(), row["question"].strip())

    def kind(row: dict[str, str]) -> str:
        question = row["question"].strip()
        return kinds.get(question, question if question in ("good", "poor", "proposal") else "other")

    folds: list[tuple[Any, list[dict[str, str]]]] = []
    cross_validated = False
    if coder == "hybrid":
        training = bundled_examples("tuning")
        seen = {e.text.strip() for e in training}
        if any((row.get("text") or "").strip() in seen for row in rows):
            cross_validated = True
            texts = {(row.get("text") or "").strip() for row in rows}
            rest = [e for e in training if e.text.strip() not in texts]
            from samrev.coding.codebook import load_codebook

            theme_ids = list(load_codebook().theme_ids)
            for index in range(5):
                part = rows[index::5]
                others = [row for i, row in enumerate(rows) if i % 5 != index]
                model = AnswerModel(theme_ids).fit(rest + examples_from_rows(others, kinds))
                folds.append((_make_coder("hybrid", model), part))
    if not folds:
        folds = [(_make_coder(coder), rows)]
    out: dict[tuple[str, str], set[str]] = {}
    for answer_coder, part in folds:
        for row in part:
            text = pseudo((row.get("text") or "").strip())
            out[key(row)] = {f"{s.theme}:{s.polarity}" for s in answer_coder.code_answer(text, kind(row))}
    return out, cross_validated


def bundled_labels(part: str) -> Path:
    """Path of a labelled set that ships with samrev (``tuning`` or ``heldout``)."""
    from importlib import resources

    from samrev.survey.model import LABEL_FILES

    return Path(str(resources.files("samrev.survey").joinpath(f"data/labels/{LABEL_FILES[part]}")))


def evaluate_files(labels_path: str | Path, responses: str | Path | None = None,
                   config: str | Path | None = None, coder: str = "rules") -> Evaluation:
    """Score ``coder`` (``rules`` or ``hybrid``) on one labels file."""
    labels = read_labels(labels_path)
    if "text" in labels[0]:
        predicted, cross_validated = predictions_from_texts(labels, {}, coder)
        result = evaluate(labels, predicted)
        result.coder, result.cross_validated = coder, cross_validated
        return result
    if responses is None or config is None:
        raise SurveyBadConfig(config=str(labels_path),
                              detail="etikettene har ingen text-kolonne: oppgi --responses og --config")
    from samrev.survey.service import analyse_files

    analysed = analyse_files(responses, config, coder=coder)
    predicted = {(a["id"], a["question"]): {f"{t['theme']}:{t['polarity']}" for t in a["themes"]}
                 for a in analysed["answers"]}
    result = evaluate(labels, predicted)
    result.coder = coder
    return result
