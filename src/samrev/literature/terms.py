"""Inclusion and exclusion terms for the screener: found in a text, with character positions.

The default lists (``data/screening_terms.yaml``) come from the review question and the shared
codebook, in bokmål, nynorsk and English; a project can bring its own file with the same keys
(``include:`` and ``exclude:``, lists of terms).  A term matches whole words, case-insensitively;
``*`` at the end of a word matches any ending, and a space matches spaces or hyphens.  Offsets are
``str`` indices into the text, end-exclusive; overlapping hits keep the earliest, then longest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from samrev.core.errors import InputFormatError, InputNotFound

DEFAULT_TERMS = "screening_terms.yaml"


@dataclass(frozen=True, slots=True)
class TermHit:
    start: int
    end: int
    kind: str  # "include" or "exclude"
    term: str


def _pattern(term: str) -> str:
    words = term.strip().split()
    parts = []
    for word in words:
        wildcard = word.endswith("*")
        core = re.escape(word.rstrip("*"))
        parts.append(core + (r"\w*" if wildcard else ""))
    return r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)"


@dataclass(frozen=True)
class TermLists:
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    source: str = "standard"

    @cached_property
    def _compiled(self) -> list[tuple[str, str, re.Pattern[str]]]:
        out = []
        for kind, terms in (("include", self.include), ("exclude", self.exclude)):
            for term in terms:
                if term.strip().rstrip("*"):
                    out.append((kind, term, re.compile(_pattern(term), re.IGNORECASE)))
        return out

    def find(self, text: str) -> list[TermHit]:
        """Every term found in ``text``, in text order, without overlaps."""
        found = [
            TermHit(match.start(), match.end(), kind, term)
            for kind, term, pattern in self._compiled
            for match in pattern.finditer(text)
        ]
        found.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        kept: list[TermHit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept

    def score(self, text: str) -> int:
        """Inclusion hits minus exclusion hits (distinct terms): orders records before the model can."""
        hits = self.find(text)
        return len({h.term for h in hits if h.kind == "include"}) - len({h.term for h in hits if h.kind == "exclude"})


def _terms(data: Any, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, []) if isinstance(data, dict) else None
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputFormatError(path=where, detail=f"«{key}» må være en liste med termer")
    return tuple(item for item in value if item.strip())


def load_terms(path: str | Path | None = None) -> TermLists:
    """The default term lists, or those of a YAML file with ``include`` and ``exclude`` lists."""
    import yaml

    if path is None:
        text = resources.files("samrev.literature").joinpath("data", DEFAULT_TERMS).read_text(encoding="utf-8")
        where = "standard"
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputNotFound(path=where) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputFormatError(path=where, detail=str(exc)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputFormatError(path=where, detail=f"ugyldig YAML ({exc})") from None
    if not isinstance(data, dict) or not ({"include", "exclude"} & set(data)):
        raise InputFormatError(path=where, detail="ventet nøklene «include» og/eller «exclude»")
    return TermLists(_terms(data, "include", where), _terms(data, "exclude", where), source=where)
