"""The shared codebook, the lexicon coder and inter-rater reliability.

* :mod:`samrev.coding.codebook` – themes, polarities, loading and validating the YAML codebook
* :mod:`samrev.coding.patterns` – the pattern syntax of seed terms and cue words
* :mod:`samrev.coding.matcher` – all patterns indexed for one pass over a text
* :mod:`samrev.coding.polarity` – clauses and the polarity guess from cue words
* :mod:`samrev.coding.lexicon` – :class:`~samrev.coding.lexicon.LexiconCoder` (rules → Judgements)
* :mod:`samrev.coding.reliability` – Cohen's κ per theme, Krippendorff's α, coder CSV files

Text analysis (sentences, hyphen-ellipsis compounds) comes from :mod:`samrev.text`.
Importing this package is light: scikit-learn is imported only when κ is computed.
"""

from __future__ import annotations

from samrev.coding.codebook import (
    FIXED_THEME_IDS,
    POLARITY_IDS,
    Codebook,
    Polarity,
    Problem,
    Theme,
    load_codebook,
    validate_codebook,
)
from samrev.coding.lexicon import LexiconCoder, ThemeHit
from samrev.coding.reliability import (
    CodingRow,
    ReliabilityReport,
    ThemeReliability,
    read_coder_csv,
    reliability,
)

__all__ = [
    "FIXED_THEME_IDS",
    "POLARITY_IDS",
    "Codebook",
    "CodingRow",
    "LexiconCoder",
    "Polarity",
    "Problem",
    "ReliabilityReport",
    "Theme",
    "ThemeHit",
    "ThemeReliability",
    "load_codebook",
    "read_coder_csv",
    "reliability",
    "validate_codebook",
]
