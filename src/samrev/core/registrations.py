"""Every component registration in one place (kind, name, dotted path).

Adding a reader, coder or detector is one line here plus its module.  Kinds:
``language_detector``, ``coder``, ``reader``, … (see docs/architecture.md).
"""

from __future__ import annotations

from samrev.core.components import register

# language detectors (samrev.text)
register("language_detector", "lingua_markers", "samrev.text.language:LinguaMarkerDetector")

# coders (samrev.coding)
register("coder", "lexicon", "samrev.coding.lexicon:LexiconCoder")
