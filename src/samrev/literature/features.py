"""Text features for screening, computed once per dataset (no labels are used).

TF-IDF over title + abstract: word unigrams and bigrams with sublinear term frequency, accents
stripped, every term kept (``min_df = 1``) except those in more than 95 % of the records.  Terms
seen in one record only cannot rank another record directly, but they matter to the strongly
regularised SVM: they act as a per-record slack, so a training record the shared terms cannot
place does not pull the shared weights (measured: WSS@95 on nagtegaal_2019 0.68 → 0.74 with the
SVM alone).  Rows are L2-normalised, so a linear model's score is a weighted cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


TITLE_WEIGHT = 1


def screening_texts(titles: Sequence[str], abstracts: Sequence[str], title_weight: int = TITLE_WEIGHT) -> list[str]:
    """Each record's text for the model: the title ``title_weight`` times, then the abstract.

    With sublinear tf a title said twice weighs its terms 1 + ln 2 against the abstract's 1: a
    title names the study's topic, an abstract also names what it is not about.
    """
    return [
        " ".join([*([title] * title_weight if title else []), abstract]).strip()
        for title, abstract in zip(titles, abstracts, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class FeatureSettings:
    ngram_max: int = 2
    min_df: int = 1
    max_df: float = 0.95
    sublinear_tf: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def tfidf_matrix(texts: Sequence[str], settings: FeatureSettings | None = None) -> csr_matrix:
    """The TF-IDF matrix (records × terms, CSR, float64, rows L2-normalised)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    settings = settings or FeatureSettings()
    min_df = settings.min_df if len(texts) >= 20 else 1
    vectorizer = TfidfVectorizer(
        ngram_range=(1, settings.ngram_max),
        min_df=min_df,
        max_df=settings.max_df if len(texts) >= 20 else 1.0,
        sublinear_tf=settings.sublinear_tf,
        strip_accents="unicode",
        lowercase=True,
        dtype=np.float64,
    )
    try:
        matrix = vectorizer.fit_transform(list(texts))
    except ValueError:  # every term pruned (tiny or degenerate input): fall back to all terms
        matrix = TfidfVectorizer(ngram_range=(1, settings.ngram_max), sublinear_tf=settings.sublinear_tf).fit_transform(
            list(texts)
        )
    result: csr_matrix = matrix.tocsr()
    return result
