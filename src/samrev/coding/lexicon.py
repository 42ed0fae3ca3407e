"""The lexicon coder: codebook seed terms → theme Judgements with evidence spans.

All themes' seed terms (all three written standards together, since texts mix them) are
indexed once in a :class:`~samrev.coding.matcher.TermIndex`, which gives the same matches as
one case-insensitive regex per theme but in one pass over the text.  Elided
compound fragments ("lærings- og mestringstilbud", "samarbeidsavtaler og -rutiner") are
expanded by :func:`samrev.text.find_ellipsis_compounds` and their candidate full words matched.
Every hit carries a polarity guess from cue words in its clause or sentence (sentences from
:func:`samrev.text.sentences`, clauses and cues from :mod:`samrev.coding.polarity`).

Offsets are ``str`` indices into the given text (``text[start:end] == surface``); pass
``offset`` (and ``page``) to :meth:`LexiconCoder.code` to place spans in a whole document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.coding.matcher import TermIndex
from samrev.coding.polarity import Cue, PolarityGuesser, sentence_index
from samrev.core.model import Judgement, Provenance, Span
from samrev.text import find_ellipsis_compounds, sentences

THEME_SUBJECT_PREFIX = "theme:"
RULE_PREFIX = "lexicon."


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """One match of a theme's seed term.

    ``expanded`` is the full compound behind an elided fragment ("læringstilbud" for
    "lærings-"), else ``None``.  ``polarity`` is the guess for the hit's clause or sentence.
    """

    theme: str
    start: int
    end: int
    surface: str
    term: str
    expanded: str | None = None
    polarity: str | None = None
    cues: tuple[Cue, ...] = ()

    def span(self, offset: int = 0, page: int | None = None) -> Span:
        return Span(self.start + offset, self.end + offset, self.surface, page)

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "term": self.term,
            "expanded": self.expanded,
            "polarity": self.polarity,
            "cues": [{"polarity": c.polarity, "start": c.start, "end": c.end, "surface": c.surface,
                      "negated": c.negated} for c in self.cues],
        }


def _drop_contained(hits: list[ThemeHit]) -> list[ThemeHit]:
    """Hits of one theme, sorted, without hits lying inside an earlier (longer) hit."""
    kept: list[ThemeHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if kept and hit.start >= kept[-1].start and hit.end <= kept[-1].end:
            continue
        kept.append(hit)
    return kept


class LexiconCoder:
    """Rule coder: finds the codebook's themes in a text by seed terms, with polarity guesses.

    The value of each Judgement is the polarity id (``facilitator``, ``barrier``,
    ``proposal``), or ``None`` when no cue word decides it.  ``version`` is the version of the
    matching rules; provenances carry the codebook version (``rule:lexicon.<theme>@<version>``).
    """

    name = "lexicon"
    version = "1"
    label = "Leksikonkoder (søkeord og polaritetsmarkører fra kodeboken)"

    def __init__(self, codebook: Codebook | None = None, codebook_path: str | Path | None = None) -> None:
        self.codebook = codebook if codebook is not None else load_codebook(codebook_path)
        self._index = TermIndex({theme.id: theme.all_terms for theme in self.codebook.themes})
        self._polarity = PolarityGuesser(self.codebook)

    @property
    def codebook_version(self) -> str:
        return self.codebook.version

    def hits(self, text: str) -> list[ThemeHit]:
        """Every theme hit in ``text``, in codebook theme order, then text order."""
        matches = self._index.find(text)
        expanded = [(fragment, candidate, self._index.match_word(candidate))
                    for compound in find_ellipsis_compounds(text) for fragment in compound.fragments
                    for candidate in fragment.candidates]
        spans = [(sentence.start, sentence.end) for sentence in sentences(text)] or [(0, len(text))]
        starts = [start for start, _ in spans]
        cues = self._polarity.find_cues(text)
        out: list[ThemeHit] = []
        for theme_id in self.codebook.theme_ids:
            found = [ThemeHit(theme_id, m.start, m.end, text[m.start:m.end], m.pattern)
                     for m in matches.get(theme_id, ())]
            done: set[int] = set()
            for fragment, candidate, themes in expanded:
                if theme_id in themes and fragment.start not in done:
                    done.add(fragment.start)
                    found.append(ThemeHit(theme_id, fragment.start, fragment.end, fragment.text,
                                          themes[theme_id], expanded=candidate))
            for hit in _drop_contained(found):
                sentence = spans[sentence_index(starts, hit.start)]
                polarity, hit_cues = self._polarity.guess(text, sentence, hit.start, hit.end, found=cues)
                out.append(ThemeHit(hit.theme, hit.start, hit.end, hit.surface, hit.term, hit.expanded,
                                    polarity, hit_cues))
        return out

    def code(self, text: str, *, offset: int = 0, page: int | None = None) -> list[Judgement]:
        """One Judgement per theme found in ``text`` (subject ``theme:<id>``), in codebook order."""
        by_theme: dict[str, list[ThemeHit]] = {}
        for hit in self.hits(text):
            by_theme.setdefault(hit.theme, []).append(hit)
        return [self._judgement(theme_id, hits, offset, page) for theme_id, hits in by_theme.items()]

    def absent_themes(self, judgements: list[Judgement]) -> list[str]:
        """Codebook theme ids with no Judgement among ``judgements`` (absent themes are findings)."""
        present = {j.subject.removeprefix(THEME_SUBJECT_PREFIX) for j in judgements}
        return [theme_id for theme_id in self.codebook.theme_ids if theme_id not in present]

    def _judgement(self, theme_id: str, hits: list[ThemeHit], offset: int, page: int | None) -> Judgement:
        votes = Counter(hit.polarity for hit in hits if hit.polarity)
        polarity: str | None = None
        if votes:
            best = max(votes.values())
            polarity = next(hit.polarity for hit in hits if hit.polarity and votes[hit.polarity] == best)
        distinct = {(hit.expanded or hit.surface).casefold() for hit in hits}
        confidence = 0.5 + 0.1 * (min(len(distinct), 4) - 1)
        if any(len(hit.term.split()) > 1 for hit in hits):
            confidence += 0.05
        if polarity:
            confidence += 0.1
        terms = ", ".join(f"«{hit.surface}»" for hit in hits[:5]) + (" …" if len(hits) > 5 else "")
        cue_words = sorted({cue.surface.lower() for hit in hits if hit.polarity == polarity
                            for cue in hit.cues})
        why = (f"polaritet fra {', '.join(f'«{w}»' for w in cue_words)}" if polarity
               else "ingen polaritetsmarkør")
        return Judgement(
            subject=f"{THEME_SUBJECT_PREFIX}{theme_id}",
            value=polarity,
            provenance=Provenance.rule(f"{RULE_PREFIX}{theme_id}", self.codebook.version),
            evidence=tuple(hit.span(offset, page) for hit in hits),
            confidence=round(min(confidence, 0.95), 2),
            note=f"{len(hits)} treff: {terms}; {why}",
        )
