"""The trained classifier for open answers: themes one-vs-rest and polarity.

Features: word (1–2) and character (3–5, within word boundaries) TF-IDF over the text as
:func:`samrev.survey.folding.fold` gives it, so bokmål and nynorsk share features.  Per codebook
theme a class-balanced logistic regression, calibrated with sigmoid scaling in 3-fold
cross-validation when the theme has enough positive answers (else the plain regression); for
polarity one multinomial logistic regression over the same features plus the question's kind.

The model is trained at run time (about a second) from labelled answers: by default the tuning part
of the labelled set that ships with samrev (``data/labels/tuning.csv``; the held-out part is never
used), plus whatever codes an analyst has made (:mod:`samrev.survey.active`).  Its version string
is ``<code version>.<hash of the training examples>``, so a judgement names the exact training data
it came from.  Evidence for a prediction: the features that pushed it up most, and where their
words occur in the text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from samrev.survey.folding import fold, fold_word

MODEL_NAME = "survey_tfidf_lr"
CODE_VERSION = "1"
POLARITIES = ("facilitator", "barrier", "proposal")
KINDS = ("good", "poor", "proposal", "other")
LABEL_FILES = {"tuning": "tuning.csv", "heldout": "heldout.csv"}
_MIN_CALIBRATED = 6  # positive answers a theme needs for a cross-validated calibration
_TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_WORDS = r"(?u)\b\w+\b"  # word features: one-letter words too («å», «i»)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled answer: its (pseudonymised) text, the question's kind and its codes."""

    text: str
    kind: str
    codes: frozenset[str]  # "theme:polarity"
    key: str = ""

    @property
    def themes(self) -> frozenset[str]:
        return frozenset(code.split(":", 1)[0] for code in self.codes)


def kind_of(question: str) -> str:
    return question if question in ("good", "poor", "proposal") else "other"


def examples_from_rows(rows: Iterable[dict[str, str]], kinds: dict[str, str] | None = None) -> list[Example]:
    """Examples from label rows (``text`` column required; ``codes`` or ``themes``+``polarity``)."""
    out = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if not text:
            continue
        question = (row.get("question") or "").strip()
        codes = {c.strip() for c in (row.get("codes") or "").split(";") if c.strip()}
        if not codes and row.get("themes"):
            polarity = [p for p in (row.get("polarity") or "").split(";") if p.strip()]
            codes = {f"{t.strip()}:{polarity[0].strip() if polarity else 'facilitator'}"
                     for t in row["themes"].split(";") if t.strip()}
        key = f"{(row.get('id') or row.get('submission_id') or '').strip()}/{question}"
        out.append(Example(text, (kinds or {}).get(question, kind_of(question)), frozenset(codes), key))
    return out


def bundled_examples(part: str = "tuning") -> list[Example]:
    """The labelled answers that ship with samrev (``tuning`` or ``heldout``)."""
    raw = resources.files("samrev.survey").joinpath(f"data/labels/{LABEL_FILES[part]}").read_text(encoding="utf-8")
    return examples_from_rows(csv.DictReader(io.StringIO(raw)))


def fold_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded form) of every word of ``text``: features back to places in the text."""
    return [(m.start(), m.end(), fold_word(m.group(0).casefold())) for m in _TOKEN.finditer(text)]


def training_hash(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for example in sorted(examples, key=lambda e: (e.text, e.kind, sorted(e.codes))):
        digest.update(f"{example.text}\x1f{example.kind}\x1f{';'.join(sorted(example.codes))}\x1e".encode())
    return digest.hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Feature:
    """A feature that pushed a prediction up, and where its words are in the text."""

    feature: str
    weight: float
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"feature": self.feature, "weight": round(self.weight, 4),
                "spans": [{"start": s, "end": e, "text": text[s:e]} for s, e in self.spans]}


@dataclass(slots=True)
class AnswerModel:
    """Theme (one-vs-rest) and polarity classifiers over folded TF-IDF features."""

    theme_ids: list[str]
    seed: int = 0
    c: float = 4.0
    calibrate: bool = True  # False: plain regressions (faster; for simulations)
    version: str = ""
    n_examples: int = 0
    _features: Any = None
    _weights: Any = None
    _bias: Any = None
    _platt: Any = None
    _constant: dict[str, float] = field(default_factory=dict)
    _polarity: Any = None
    _names: Any = None

    @property
    def name(self) -> str:
        return MODEL_NAME

    @property
    def provenance(self) -> str:
        return f"model:{MODEL_NAME}@{self.version}"

    def _vectoriser(self, n: int) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        return FeatureUnion([
            ("w", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=_WORDS)),
            # character n-grams seen in one answer only are noise, once there are answers enough
            ("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2 if n >= 20 else 1,
                                  sublinear_tf=True)),
        ])

    def _matrix(self, texts: Sequence[str]) -> Any:
        return self._features.transform([fold(t) for t in texts])

    def _with_kind(self, matrix: Any, kinds: Sequence[str]) -> Any:
        import numpy as np
        from scipy import sparse

        onehot = np.zeros((len(kinds), len(KINDS)))
        for row, kind in enumerate(kinds):
            onehot[row, KINDS.index(kind if kind in KINDS else "other")] = 1.0
        return sparse.hstack([matrix, sparse.csr_matrix(onehot)]).tocsr()

    def fit(self, examples: Sequence[Example]) -> AnswerModel:
        import numpy as np

        if not examples:
            raise ValueError("no labelled answers to train on")
        self.version = f"{CODE_VERSION}.{training_hash(examples)}"
        self.n_examples = len(examples)
        self._features = self._vectoriser(len(examples)).fit([fold(e.text) for e in examples])
        self._names = self._features.get_feature_names_out()
        x = self._matrix([e.text for e in examples])
        self._weights = np.zeros((x.shape[1], len(self.theme_ids)))
        self._bias = np.zeros(len(self.theme_ids))
        self._platt = np.tile([1.0, 0.0], (len(self.theme_ids), 1))
        self._constant = {}
        for column, theme in enumerate(self.theme_ids):
            y = np.array([theme in e.themes for e in examples], dtype=int)
            positives = int(y.sum())
            if positives == 0 or positives == len(y):
                # one class only: the theme's smoothed rate, not a certainty
                self._constant[theme] = (positives + 1) / (len(y) + 2)
                continue
            enough = min(positives, len(y) - positives) >= _MIN_CALIBRATED
            self._fit_theme(column, x, y, calibrate=self.calibrate and enough)
        self._fit_polarity(examples, x)
        return self

    def _regression(self, c: float | None = None, balanced: bool = True) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.c if c is None else c, class_weight="balanced" if balanced else None,
                                  solver="liblinear", max_iter=1000, random_state=self.seed)

    def _fit_theme(self, column: int, x: Any, y: Any, *, calibrate: bool) -> None:
        """Weights of one theme's regression; with ``calibrate``, sigmoid (Platt) scaling of its
        scores fitted on 3-fold cross-validated scores (scikit-learn's ``CalibratedClassifierCV``
        with ``ensemble=False``, computed here so that scoring is one matrix product)."""
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        if calibrate:
            folds = StratifiedKFold(3, shuffle=True, random_state=self.seed)
            scores = cross_val_predict(self._regression(), x, y, cv=folds, method="decision_function")
            platt = self._regression(c=1e4, balanced=False).fit(scores.reshape(-1, 1), y)
            self._platt[column] = [float(platt.coef_[0][0]), float(platt.intercept_[0])]
        model = self._regression().fit(x, y)
        self._weights[:, column] = model.coef_[0]
        self._bias[column] = float(model.intercept_[0])

    def _fit_polarity(self, examples: Sequence[Example], x: Any) -> None:
        from sklearn.linear_model import LogisticRegression

        rows, labels, kinds = [], [], []
        for index, example in enumerate(examples):
            polarities = {code.split(":", 1)[1] for code in example.codes if ":" in code}
            if len(polarities) == 1:
                rows.append(index)
                labels.append(polarities.pop())
                kinds.append(example.kind)
        self._polarity = None
        if len(set(labels)) >= 2:
            matrix = self._with_kind(x[rows], kinds)
            self._polarity = LogisticRegression(C=self.c, max_iter=1000, random_state=self.seed).fit(matrix, labels)

    def theme_proba(self, texts: Sequence[str]) -> Any:
        """(len(texts), len(theme_ids)) probabilities."""
        import numpy as np

        if not texts:
            return np.zeros((0, len(self.theme_ids)))
        scores = np.asarray(self._matrix(texts) @ self._weights) + self._bias
        out = 1.0 / (1.0 + np.exp(-(scores * self._platt[:, 0] + self._platt[:, 1])))
        for theme, value in self._constant.items():
            out[:, self.theme_ids.index(theme)] = value
        return out

    def polarity_proba(self, texts: Sequence[str], kinds: Sequence[str]) -> list[dict[str, float]]:
        """Per text a probability per polarity (uniform when the model has none)."""
        if not texts:
            return []
        if self._polarity is None:
            return [dict.fromkeys(POLARITIES, 1 / 3) for _ in texts]
        import sklearn

        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            proba = self._polarity.predict_proba(self._with_kind(self._matrix(texts), kinds))
        classes = list(self._polarity.classes_)
        return [{p: float(row[classes.index(p)]) if p in classes else 0.0 for p in POLARITIES} for row in proba]

    def explain(self, text: str, theme: str, top: int = 3) -> list[Feature]:
        """The word features (else character features) that raised ``theme`` most for ``text``."""
        if theme in self._constant or theme not in self.theme_ids:
            return []
        coef = self._weights[:, self.theme_ids.index(theme)]
        row = self._matrix([text]).tocsr()
        contributions = sorted(((float(value * coef[col]), int(col)) for col, value in zip(row.indices, row.data,
                                                                                           strict=True)),
                               reverse=True)
        positive = [(w, c) for w, c in contributions if w > 0]
        words = [(w, c) for w, c in positive if str(self._names[c]).startswith("w__")]
        chosen = (words or positive)[:top]
        tokens = fold_tokens(text)
        out = []
        for weight, col in chosen:
            name = str(self._names[col])
            kind, _, feature = name.partition("__")
            spans: list[tuple[int, int]] = []
            if kind == "w":
                parts = feature.split()
                for i in range(len(tokens) - len(parts) + 1):
                    if [t[2] for t in tokens[i:i + len(parts)]] == parts:
                        spans.append((tokens[i][0], tokens[i + len(parts) - 1][1]))
            else:
                needle = feature.strip()
                spans = [(s, e) for s, e, folded in tokens if needle and needle in folded][:1]
            out.append(Feature(feature, weight, tuple(spans)))
        return out


@lru_cache(maxsize=4)
def bundled_model(theme_ids: tuple[str, ...]) -> AnswerModel:
    """The model trained on the bundled tuning labels: once per process, and kept in
    ``SAMREV_HOME/models`` under a key of the labels' hash, :data:`CODE_VERSION`, the themes and
    the scikit-learn version, so a later process loads it instead of training (raise
    :data:`CODE_VERSION` on any change to this module or to :mod:`samrev.survey.folding`)."""
    import os
    from importlib import metadata

    import joblib

    from samrev.core.settings import samrev_home

    data = resources.files("samrev.survey").joinpath(f"data/labels/{LABEL_FILES['tuning']}").read_bytes()
    digest = hashlib.sha256(data + "\x1f".join(theme_ids).encode()).hexdigest()[:16]
    name = f"{MODEL_NAME}-{CODE_VERSION}-{digest}-sk{metadata.version('scikit-learn')}.joblib"
    cache = samrev_home() / "models" / name
    if cache.is_file():
        try:
            loaded = joblib.load(cache)
        except Exception:  # a broken or foreign cache file is made again
            cache.unlink(missing_ok=True)
            loaded = None
        if isinstance(loaded, AnswerModel) and loaded.theme_ids == list(theme_ids):
            return loaded
    model = AnswerModel(list(theme_ids)).fit(bundled_examples("tuning"))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        joblib.dump(model, tmp)
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: train again next time
    return model
