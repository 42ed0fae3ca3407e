"""Norwegian text toolkit: bokmål/nynorsk/English detection, normalisation, hyphen-ellipsis
compounds, segmentation, lemmas, dates and obligation (modal verb) strength.

Offset convention for every function here: Python ``str`` indices (code points), end-exclusive,
into the text given to the function (``text[start:end]``).  :func:`normalise` also returns the
map from normalised indices back to the original text.

Importing this package is cheap: its submodules are imported when a name of theirs is first used,
and lingua and simplemma are imported and their models loaded on first use (lingua's detector once
per process, restricted to nb, nn and en).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
        iter_markers,
        quick_language,
    )
    from samrev.text.lemmas import LemmaToken, lemmatize
    from samrev.text.modals import Obligation, classify_obligation, obligation_summary
    from samrev.text.normalise import Normalised
    from samrev.text.segment import SentenceSpan, passages, sentences

# Two functions share their module's name: imported now, else the submodule, once something
# imports it, would stand where the function is expected (``samrev.text.normalise(...)``).
from samrev.text.lemmas import lemmas
from samrev.text.normalise import normalise

# Where each name lives: a submodule is imported when one of its names is first used, so a
# process that only segments text (an ingest worker) does not compile the obligation patterns.
_HOME = {
    "DateMention": "dates", "find_dates": "dates",
    "ElidedFragment": "ellipsis", "EllipsisCompound": "ellipsis",
    "expand_ellipsis_compounds": "ellipsis", "find_ellipsis_compounds": "ellipsis",
    "LanguageGuess": "language", "LinguaMarkerDetector": "language", "MarkerHit": "language",
    "detect_language": "language", "document_language": "language", "dominant_language": "language",
    "find_markers": "language", "iter_markers": "language", "quick_language": "language",
    "LemmaToken": "lemmas", "lemmatize": "lemmas",
    "Obligation": "modals", "classify_obligation": "modals", "obligation_summary": "modals",
    "Normalised": "normalise",
    "SentenceSpan": "segment", "passages": "segment", "sentences": "segment",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "iter_markers",
    "lemmas",
    "lemmatize",
    "normalise",
    "obligation_summary",
    "passages",
    "quick_language",
    "sentences",
]
