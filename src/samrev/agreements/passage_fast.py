"""The fitted passage pipeline's ``predict_proba``, computed with NumPy alone.

:func:`samrev.agreements.passage_model.build_pipeline` fits word (1–2) and char_wb (3–5) TF-IDF
features, a logistic regression and its sigmoid calibration.  Running that pipeline through
scikit-learn costs about 5 ms per call in input validation and dispatch, plus the import of
scikit-learn and SciPy (over a second) in every process that scores.  :class:`FastScorer` holds
the fitted numbers (vocabularies, idf, coefficients, calibration) and repeats the same
arithmetic in the same order:

* features as scikit-learn's analyzers make them (lower-cased text; ``(?u)\\b\\w\\w+\\b`` tokens and
  their bigrams; character 3–5-grams of each space-padded word, a word no longer than n counted
  once), counted per feature;
* ``log(count) + 1`` times idf, divided by the row's L2 norm (squares summed in feature order);
* the two blocks side by side, the decision function summed in feature order from zero, plus the
  intercept;
* each class's ``expit(-(a·d + b))``, divided by their sum.

:meth:`FastScorer.from_pipeline` accepts only the configuration above, and
:func:`samrev.agreements.passage_model.trained_model` uses a scorer only after it has given
bit-for-bit the same probabilities as the pipeline on the model's own training passages, so a
scikit-learn release that computes differently falls back to the pipeline.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when the stored form below changes
_MAX_CACHED_WORDS = 200_000
_MAX_CACHED_DECISIONS = 8192


class FastScorer:
    """Probabilities per class (in :attr:`classes` order) for a list of passage texts."""

    def __init__(self, params: dict[str, Any]) -> None:
        import numpy as np

        self.params = params
        self.word_vocab: dict[str, int] = params["word_vocab"]
        self.char_vocab: dict[str, int] = params["char_vocab"]
        self.word_idf = np.asarray(params["word_idf"], dtype=np.float64)
        self.char_idf = np.asarray(params["char_idf"], dtype=np.float64)
        self.coef_t = np.ascontiguousarray(params["coef_t"], dtype=np.float64)
        self.intercept = np.asarray(params["intercept"], dtype=np.float64)
        self.a = [float(x) for x in params["a"]]
        self.b = [float(x) for x in params["b"]]
        # scikit-learn's calibrated classes are sorted (a LabelEncoder's), and so are these columns
        self.classes = sorted(params["classes"])
        self.columns = [self.classes.index(c) for c in params["estimator_classes"]]
        self.token = re.compile(params["token_pattern"])
        self.n_words = len(self.word_vocab)
        self._char_cache: dict[str, list[int]] = {}
        self._decision_cache: dict[str, tuple[float, ...]] = {}

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> FastScorer | None:
        """The scorer for a fitted :func:`build_pipeline` pipeline, or None for any other shape."""
        import numpy as np

        try:
            features = pipeline.named_steps["features"]
            calibrated = pipeline.named_steps["classifier"]
            parts = dict(features.transformer_list)
            words, chars = parts["words"], parts["chars"]
            if [name for name, _ in features.transformer_list] != ["words", "chars"]:
                return None
            if features.transformer_weights is not None or len(pipeline.steps) != 2:
                return None
            for vectorizer, analyzer in ((words, "word"), (chars, "char_wb")):
                if not (vectorizer.analyzer == analyzer and vectorizer.lowercase is True
                        and vectorizer.preprocessor is None and vectorizer.tokenizer is None
                        and vectorizer.strip_accents is None and vectorizer.stop_words is None
                        and vectorizer.input == "content" and vectorizer.binary is False
                        and vectorizer.norm == "l2" and vectorizer.use_idf and vectorizer.sublinear_tf
                        and np.dtype(vectorizer.dtype) == np.float64):
                    return None
            if words.ngram_range != (1, 2) or chars.ngram_range != (3, 5):
                return None
            if calibrated.method != "sigmoid" or len(calibrated.calibrated_classifiers_) != 1:
                return None
            inner = calibrated.calibrated_classifiers_[0]
            estimator = inner.estimator
            if len(calibrated.classes_) < 3 or estimator.coef_.shape[0] != len(inner.calibrators):
                return None
            vocabularies = (words.vocabulary_, chars.vocabulary_)
            if any("\n" in key for vocabulary in vocabularies for key in vocabulary):
                return None  # (stored one per line)
            if not all(isinstance(c, int | np.integer) for c in calibrated.classes_):
                return None
            params = {
                "format": FORMAT,
                "word_vocab": {str(k): int(v) for k, v in words.vocabulary_.items()},
                "char_vocab": {str(k): int(v) for k, v in chars.vocabulary_.items()},
                "word_idf": words.idf_.astype("float64"),
                "char_idf": chars.idf_.astype("float64"),
                "token_pattern": words.token_pattern,
                "coef_t": estimator.coef_.T.astype("float64"),
                "intercept": estimator.intercept_.astype("float64"),
                "a": [float(c.a_) for c in inner.calibrators],
                "b": [float(c.b_) for c in inner.calibrators],
                "classes": [int(x) for x in calibrated.classes_],
                "estimator_classes": [int(x) for x in estimator.classes_],
            }
        except (AttributeError, KeyError, TypeError, ValueError):
            return None
        return cls(params)

    # -- storage (NumPy arrays only: no pickle) ------------------------------------------------

    def save(self, path: Path) -> None:
        import numpy as np

        params = self.params
        arrays: dict[str, Any] = {"format": np.array(FORMAT)}
        for name in ("word", "char"):
            vocab: dict[str, int] = params[f"{name}_vocab"]
            keys = list(vocab)
            arrays[f"{name}_keys"] = np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8)
            arrays[f"{name}_values"] = np.array([vocab[k] for k in keys], dtype=np.int64)
            arrays[f"{name}_idf"] = np.asarray(params[f"{name}_idf"], dtype=np.float64)
        arrays["token_pattern"] = np.frombuffer(params["token_pattern"].encode("utf-8"), dtype=np.uint8)
        for name in ("coef_t", "intercept", "a", "b"):
            arrays[name] = np.asarray(params[name], dtype=np.float64)
        for name in ("classes", "estimator_classes"):
            arrays[name] = np.asarray(params[name], dtype=np.int64)
        with path.open("wb") as fh:
            np.savez(fh, **arrays)

    @classmethod
    def load(cls, path: Path) -> FastScorer:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                raise ValueError("another format")
            params: dict[str, Any] = {"format": FORMAT}
            for name in ("word", "char"):
                keys = bytes(data[f"{name}_keys"]).decode("utf-8").split("\n")
                values = data[f"{name}_values"].tolist()
                if len(keys) != len(values):
                    raise ValueError("vocabulary and indices differ in length")
                params[f"{name}_vocab"] = dict(zip(keys, values, strict=True))
                params[f"{name}_idf"] = data[f"{name}_idf"]
            params["token_pattern"] = bytes(data["token_pattern"]).decode("utf-8")
            for name in ("coef_t", "intercept", "a", "b"):
                params[name] = data[name]
            for name in ("classes", "estimator_classes"):
                params[name] = data[name].tolist()
        return cls(params)

    # -- features -----------------------------------------------------------------------------

    def _chars_of(self, word: str) -> list[int]:
        """Feature indices of the char_wb n-grams of one (lower-cased) word, in analyzer order."""
        cached = self._char_cache.get(word)
        if cached is not None:
            return cached
        vocab = self.char_vocab
        padded = f" {word} "
        size = len(padded)
        found: list[int] = []
        for n in (3, 4, 5):
            if size <= n:  # a short word is one n-gram, counted once
                gram = padded[:n]
                if gram in vocab:
                    found.append(vocab[gram])
                break
            for i in range(size - n + 1):
                gram = padded[i:i + n]
                if gram in vocab:
                    found.append(vocab[gram])
        if len(self._char_cache) >= _MAX_CACHED_WORDS:
            self._char_cache.clear()
        self._char_cache[word] = found
        return found

    def _word_features(self, low: str) -> list[int]:
        vocab = self.word_vocab
        tokens = self.token.findall(low)
        found = [vocab[t] for t in tokens if t in vocab]
        for first, second in itertools.pairwise(tokens):
            bigram = f"{first} {second}"
            if bigram in vocab:
                found.append(vocab[bigram])
        return found

    @staticmethod
    def _tfidf(indices: list[int], idf: Any) -> tuple[Any, Any]:
        """(sorted feature indices, L2-normalised sublinear tf-idf values) of one row."""
        import numpy as np

        if not indices:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        unique, counts = np.unique(np.asarray(indices, dtype=np.int64), return_counts=True)
        data = counts.astype(np.float64)
        np.log(data, out=data)
        data += 1.0
        data *= idf[unique]
        squares = np.cumsum(data * data)  # summed in feature order, as scikit-learn does
        total = float(squares[-1])
        if total != 0.0:
            data /= math.sqrt(total)
        return unique, data

    # -- scoring ------------------------------------------------------------------------------

    def decision(self, text: str) -> list[float]:
        """The logistic regression's decision values for one passage (remembered per text: both
        level fields score the passages that mention both topics, and templated agreements repeat
        whole passages from one document to the next)."""
        cached = self._decision_cache.get(text)
        if cached is None:
            if len(self._decision_cache) >= _MAX_CACHED_DECISIONS:
                self._decision_cache.clear()
            cached = self._decision_cache[text] = tuple(self._decide(text))
        return list(cached)

    def _decide(self, text: str) -> list[float]:
        import numpy as np

        low = text.lower()
        word_idx, word_data = self._tfidf(self._word_features(low), self.word_idf)
        chars: list[int] = []
        for word in low.split():
            chars.extend(self._chars_of(word))
        char_idx, char_data = self._tfidf(chars, self.char_idf)
        indices = np.concatenate([word_idx, char_idx + self.n_words])
        data = np.concatenate([word_data, char_data])
        if len(indices):
            sums = np.cumsum(data[:, None] * self.coef_t[indices], axis=0)[-1]
        else:
            sums = np.zeros(self.coef_t.shape[1])
        return [float(x) for x in sums + self.intercept]

    def predict_proba(self, texts: list[str]) -> Any:
        """Calibrated probabilities, one row per text, columns in :attr:`classes` (sorted) order."""
        import numpy as np

        n_classes = len(self.classes)
        out = np.zeros((len(texts), n_classes))
        for row, text in enumerate(texts):
            proba = [0.0] * n_classes
            for column, value, a, b in zip(self.columns, self.decision(text), self.a, self.b, strict=True):
                # scikit-learn: expit(-(a·d + b)) = 1 / (1 + exp(a·d + b)), negation being exact
                proba[column] = 1.0 / (1.0 + math.exp(a * value + b))
            total = 0.0
            for p in proba:
                total += p
            if total != 0.0:
                proba = [p / total for p in proba]
            else:
                proba = [1 / n_classes] * n_classes
            out[row] = [1.0 if 1.0 < p <= 1.0 + 1e-5 else p for p in proba]
        return out
