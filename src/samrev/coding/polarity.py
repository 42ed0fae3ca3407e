"""Clauses and a polarity guess from the codebook's cue words.

Sentences come from :func:`samrev.text.sentences`; the guess for a theme hit looks at the clause
around the hit (the sentence split at "men", ", og", "but", ";" …), and at the whole sentence
when the clause has no cue:

1. a proposal cue (bør, burde, ønsker/ønskjer, foreslår/føreslår, should …) → ``proposal``;
2. otherwise facilitator cues against barrier cues; a negation (ikke/ikkje, ingen, aldri, not,
   never) up to two words before a cue flips it ("ikke godt" is a barrier, "ingen problemer"
   a facilitator); a negation that flips nothing counts as a barrier cue itself;
3. the larger count wins; a tie goes to the cue nearest the hit; no cue → ``None``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from samrev.coding.codebook import Codebook
from samrev.coding.matcher import TermIndex

NEGATORS = frozenset({"ikke", "ikkje", "ingen", "inga", "aldri", "not", "never", "none"})
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s+[–—-]\s+|,?\s+(?:men|mens|but|whereas|however|although|selv om|sjølv om)\s+"
    r"|,\s+(?:og|and|så|so)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_FLIP = {"facilitator": "barrier", "barrier": "facilitator", "proposal": "proposal"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word found in the text; ``negated`` when a negation flipped its polarity."""

    polarity: str
    start: int
    end: int
    surface: str
    negated: bool = False


def clause_span(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    """The clause of ``sentence`` that contains ``position``."""
    start, end = sentence
    clause_start = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > position:
            return clause_start, match.start()
        clause_start = match.end()
    return clause_start, end


class PolarityGuesser:
    """Finds cue words and guesses a polarity; the cue patterns are indexed once."""

    def __init__(self, codebook: Codebook) -> None:
        self._index = TermIndex({polarity.id: polarity.all_cues for polarity in codebook.polarities})

    def find_cues(self, text: str) -> list[Cue]:
        """Every cue word in ``text`` (before negation), in text order."""
        found = [Cue(m.key, m.start, m.end, text[m.start:m.end]) for ms in self._index.find(text).values()
                 for m in ms]
        found.sort(key=lambda cue: (cue.start, -cue.end))
        return found

    def cues(self, text: str, start: int, end: int, found: list[Cue] | None = None) -> list[Cue]:
        """The cues in ``text[start:end]`` with negations applied, in text order.

        ``found`` is :meth:`find_cues` of the whole text, to avoid searching it again.
        """
        every = found if found is not None else self.find_cues(text)
        low = bisect.bisect_left(every, start, key=_cue_start)
        high = bisect.bisect_left(every, end, lo=low, key=_cue_start)
        raw = [cue for cue in every[low:high] if cue.end <= end]
        negators = [cue for cue in raw if cue.surface.lower() in NEGATORS]
        used: set[int] = set()
        out: list[Cue] = []
        for cue in raw:
            if cue in negators:
                continue
            negator = next(
                (n for n in reversed(negators) if n.end <= cue.start and _close(text, n.end, cue.start)), None
            )
            if negator is not None:
                used.add(negator.start)
                out.append(Cue(_FLIP[cue.polarity], cue.start, cue.end, cue.surface, negated=True))
            else:
                out.append(cue)
        out.extend(Cue("barrier", n.start, n.end, n.surface) for n in negators if n.start not in used)
        out.sort(key=lambda cue: cue.start)
        return out

    def guess(
        self, text: str, sentence: tuple[int, int], hit_start: int, hit_end: int,
        found: list[Cue] | None = None,
    ) -> tuple[str | None, tuple[Cue, ...]]:
        """The polarity for a hit in ``sentence`` and the cues it rests on."""
        every = found if found is not None else self.find_cues(text)
        clause = clause_span(text, sentence, hit_start)
        cues = self.cues(text, *clause, found=every) or self.cues(text, *sentence, found=every)
        if not cues:
            return None, ()
        proposals = [cue for cue in cues if cue.polarity == "proposal"]
        if proposals:
            return "proposal", tuple(proposals)
        facilitators = [cue for cue in cues if cue.polarity == "facilitator"]
        barriers = [cue for cue in cues if cue.polarity == "barrier"]
        if len(facilitators) != len(barriers):
            winner = facilitators if len(facilitators) > len(barriers) else barriers
            return winner[0].polarity, tuple(winner)
        nearest = min(cues, key=lambda cue: min(abs(cue.start - hit_end), abs(hit_start - cue.end)))
        return nearest.polarity, (nearest,)


def _cue_start(cue: Cue) -> int:
    return cue.start


def _close(text: str, left: int, right: int) -> bool:
    """Whether at most two words and no punctuation lie between ``left`` and ``right``."""
    between = text[left:right]
    return len(_WORD.findall(between)) <= 2 and not re.search(r"[,.;:!?]", between)


def sentence_index(starts: list[int], position: int) -> int:
    """Index of the sentence containing ``position``, given the sorted sentence ``starts``."""
    return max(0, bisect.bisect_right(starts, position) - 1)
