"""Trained passage models for lms_level and user_participation_level.

Each model reads one passage and gives a probability per level 0–3.  It is a scikit-learn
pipeline — word (1–2) and character (3–5, within word boundaries, which carries bokmål and
nynorsk spellings alike) TF-IDF features, a class-balanced logistic regression, calibrated with
sigmoid scaling in 3-fold cross-validation — trained on the labelled passages that ship with
samrev (``data/passages_lms.jsonl``, ``data/passages_upl.jsonl``, see ``data/passages_README.md``).

No model is downloaded: the model is trained from the packaged data on first use (about a second)
and cached in ``SAMREV_HOME/models`` under a key made of the data's hash, the model version and
the scikit-learn version, so a changed data file or library retrains it.  The model's version
string (``name@version``) names that key, and every judgement it makes carries it.

Scoring does not go through scikit-learn: beside the pipeline the cache holds its fitted numbers
for :class:`samrev.agreements.passage_fast.FastScorer`, which computes the same probabilities
(checked bit for bit on the training passages when the cache is written) with NumPy alone, so a
process that only scores neither imports scikit-learn nor pays its per-call overhead.  The
pipeline itself is loaded only when something asks for it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from samrev.agreements.passage_fast import FORMAT as FAST_FORMAT
from samrev.agreements.passage_fast import FastScorer

MODEL_VERSION = "2"
DATA_FILES = {"lms_level": "passages_lms.jsonl", "user_participation_level": "passages_upl.jsonl"}
NAMES = {"lms_level": "lms_passages", "user_participation_level": "upl_passages"}
LEVELS = (0, 1, 2, 3)


@dataclass(frozen=True, slots=True)
class LabelledPassage:
    id: str
    text: str
    level: int
    lang: str


def data_path(field: str) -> Any:
    return resources.files("samrev.agreements") / "data" / DATA_FILES[field]


def load_passages(field: str) -> list[LabelledPassage]:
    """The labelled passages for ``field`` (an empty list when the data file is missing)."""
    path = data_path(field)
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(LabelledPassage(str(row["id"]), str(row["text"]), int(row["level"]), str(row.get("lang", ""))))
    return out


def build_pipeline(seed: int = 0) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("chars", TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                  sublinear_tf=True, max_features=60000)),
    ])
    classifier = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)
    return Pipeline([
        ("features", features),
        # ensemble=False: one classifier fitted on all passages, its sigmoid calibration fitted on
        # 3-fold cross-validated scores — one model to run per passage instead of three.
        ("classifier", CalibratedClassifierCV(classifier, method="sigmoid", cv=3, ensemble=False)),
    ])


class PassageLevelModel:
    """A calibrated passage classifier with the scikit-learn contract (fit / predict_proba)."""

    label = "Passasjemodell (TF-IDF ord og tegn, logistisk regresjon, kalibrert)"

    def __init__(self, field: str = "lms_level", seed: int = 0) -> None:
        self.field = field
        self.seed = seed
        self.name = NAMES[field]
        self.version = MODEL_VERSION
        self._pipeline: Any = None
        self._pipeline_file: Path | None = None  # loaded on first use
        self.fast: FastScorer | None = None  # the same probabilities without scikit-learn

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None and self._pipeline_file is not None:
            import joblib

            self._pipeline = joblib.load(self._pipeline_file)
        return self._pipeline

    @pipeline.setter
    def pipeline(self, value: Any) -> None:
        self._pipeline = value
        self._pipeline_file = None
        self.fast = None

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {"field": self.field, "seed": self.seed}

    def fit(self, texts: list[str], levels: list[int]) -> PassageLevelModel:
        self.pipeline = build_pipeline(self.seed).fit(texts, levels)
        return self

    def predict_proba(self, texts: list[str]) -> Any:
        import numpy as np

        if self.fast is not None:
            raw = self.fast.predict_proba(texts)
            classes = list(self.fast.classes)
        else:
            import sklearn

            with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
                raw = self.pipeline.predict_proba(texts)
            classes = list(self.pipeline.classes_)
        out = np.zeros((len(texts), len(LEVELS)))
        for column, level in enumerate(classes):
            out[:, LEVELS.index(int(level))] = raw[:, column]
        return out

    def levels(self, texts: list[str]) -> list[tuple[int, float]]:
        """(most probable level, its probability) per passage."""
        if not texts:
            return []
        proba = self.predict_proba(texts)
        return [(int(row.argmax()), float(row.max())) for row in proba]


def _sklearn_version() -> str:
    """scikit-learn's version, from its package metadata (importing it takes a second)."""
    from importlib import metadata

    try:
        return metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:  # pragma: no cover - an unusual installation
        import sklearn

        return str(sklearn.__version__)


def _cache_key(field: str) -> str:
    digest = hashlib.sha256(data_path(field).read_bytes()).hexdigest()[:16]
    return f"{NAMES[field]}-{MODEL_VERSION}-{digest}-sk{_sklearn_version()}"


def _fast_file(cache: Path) -> Path:
    return cache.with_name(f"{cache.stem}.fast{FAST_FORMAT}.npz")


def _load_fast(path: Path) -> FastScorer | None:
    try:
        return FastScorer.load(path)
    except (OSError, ValueError, EOFError, KeyError, TypeError, UnicodeDecodeError):
        path.unlink(missing_ok=True)  # a broken or foreign file: made again from the pipeline
        return None


def _export_fast(model: PassageLevelModel, path: Path) -> FastScorer | None:
    """The fast scorer of ``model``'s pipeline, stored beside it, when it gives bit for bit the
    pipeline's probabilities on the training passages (else None: the pipeline scores)."""
    import numpy as np
    import sklearn

    exported = FastScorer.from_pipeline(model.pipeline)
    if exported is None:
        return None
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        exported.save(tmp)
        fast = FastScorer.load(tmp)  # checked as later processes will load it
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)
        return None
    texts = [p.text for p in load_passages(model.field)] + ["", "Kommunen skal."]
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        expected = model.pipeline.predict_proba(texts)
    if list(model.pipeline.classes_) != fast.classes or not np.array_equal(fast.predict_proba(texts), expected):
        tmp.unlink(missing_ok=True)
        return None
    tmp.replace(path)
    return fast


@lru_cache(maxsize=4)
def trained_model(field: str) -> PassageLevelModel | None:
    """The model for ``field``, trained on the packaged passages (cached on disk); None without data."""
    from samrev.core.settings import samrev_home

    if not data_path(field).is_file():
        return None
    key = _cache_key(field)
    cache = samrev_home() / "models" / f"{key}.joblib"
    fast_file = _fast_file(cache)
    model = PassageLevelModel(field)
    model.version = f"{MODEL_VERSION}.{key.split('-')[2]}"
    if cache.is_file() and fast_file.is_file():
        fast = _load_fast(fast_file)
        if fast is not None:
            model._pipeline_file = cache  # loaded only if something asks for it
            model.fast = fast
            return model
    if cache.is_file():
        import joblib

        try:
            model.pipeline = joblib.load(cache)
        except (OSError, ValueError, EOFError, AttributeError, ImportError):
            cache.unlink(missing_ok=True)  # a broken or foreign cache file: retrain
    if model.pipeline is None:
        import joblib

        passages = load_passages(field)
        model.fit([p.text for p in passages], [p.level for p in passages])
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(f"{cache}.tmp")
        joblib.dump(model.pipeline, tmp)
        tmp.replace(cache)
    model.fast = _export_fast(model, fast_file)
    return model


def scorers() -> dict[str, PassageLevelModel]:
    """The trained models by field, for :func:`samrev.agreements.assess_text`."""
    out = {}
    for field in DATA_FILES:
        model = trained_model(field)
        if model is not None:
            out[field] = model
    return out
