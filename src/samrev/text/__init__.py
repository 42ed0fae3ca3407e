"""Norwegian text toolkit: bokmål/nynorsk/English detection, normalisation, hyphen-ellipsis
compounds, segmentation, lemmas, dates and obligation (modal verb) strength.

Offset convention for every function here: Python ``str`` indices (code points), end-exclusive,
into the text given to the function (``text[start:end]``).  :func:`normalise` also returns the
map from normalised indices back to the original text.

Importing this package is cheap: lingua and simplemma are imported and their models loaded on
first use (lingua's detector once per process, restricted to nb, nn and en).
"""

from __future__ import annotations

from samrev.text.dates import DateMention, find_dates
from samrev.text.ellipsis import (
    ElidedFragment,
    EllipsisCompound,
    expand_ellipsis_compounds,
    find_ellipsis_compounds,
)
from samrev.text.language import (
    LanguageGuess,
    LinguaMarkerDetector,
    MarkerHit,
    detect_language,
    document_language,
    dominant_language,
    find_markers,
    quick_language,
)
from samrev.text.lemmas import LemmaToken, lemmas, lemmatize
from samrev.text.modals import Obligation, classify_obligation, obligation_summary
from samrev.text.normalise import Normalised, normalise
from samrev.text.segment import SentenceSpan, passages, sentences

__all__ = [
    "DateMention",
    "ElidedFragment",
    "EllipsisCompound",
    "LanguageGuess",
    "LemmaToken",
    "LinguaMarkerDetector",
    "MarkerHit",
    "Normalised",
    "Obligation",
    "SentenceSpan",
    "classify_obligation",
    "detect_language",
    "document_language",
    "dominant_language",
    "expand_ellipsis_compounds",
    "find_dates",
    "find_ellipsis_compounds",
    "find_markers",
    "lemmas",
    "lemmatize",
    "normalise",
    "obligation_summary",
    "passages",
    "quick_language",
    "sentences",
]
