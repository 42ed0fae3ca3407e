"""The spec's comparison key for column names, group values, scale and missing labels, and the
test for an empty open answer."""

from __future__ import annotations

import html
import re
import unicodedata

_DASHES = re.compile(r"[‐‑‒–—―−﹘﹣－]")
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")

EMPTY_ANSWERS = ("-", "x", "vet ikke", "veit ikkje", "vet ikkje", "ikke relevant", "ikkje relevant",
                 "ingen kommentar", "ingen kommentarer", "ingen merknader", "n/a")


def match_key(text: object) -> str:
    """NFC, HTML entities decoded, dashes → ``-``, whitespace collapsed, case folded, no final full stop."""
    value = "" if text is None else str(text)
    value = unicodedata.normalize("NFC", html.unescape(value))
    value = _DASHES.sub("-", value)
    value = _SPACE.sub(" ", value).strip().casefold()
    if value.endswith("."):
        value = value[:-1].rstrip()
    return value


def _bare(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", match_key(text))).strip()


_EMPTY_KEYS = frozenset(_bare(value) for value in EMPTY_ANSWERS)


def is_empty_answer(text: str) -> bool:
    """Blank, or one of the spec's no-content answers once normalised and without punctuation."""
    return _bare(text) in _EMPTY_KEYS
