"""Written-standard detection: bokmål (``nb``), nynorsk (``nn``) or English (``en``).

Offsets (in :class:`MarkerHit`): Python ``str`` indices (code points), end-exclusive, into the
text given to :func:`detect_language`.

Two sources of evidence are combined:

* **lingua** (``lingua-language-detector``), restricted to Bokmål, Nynorsk and English and built
  once per process (cached).  It decides English against Norwegian and gives a log-odds for
  nynorsk against bokmål from character n-grams.
* **A marker lexicon** (:mod:`samrev.text._markers`) of forms that separate the two standards
  (and a few English function words), each with a weight.  Markers are the transparent evidence:
  every hit is returned with its span.  Markers in text that is not the writer's own are
  discounted (weight × ``name_discount``, tuned to 0, so they are ignored): proper names written
  with a capital inside a sentence (``Sykehuset Innlandet``, ``Lærings- og meistringssenteret``),
  «quoted» titles, law names (``helse- og omsorgstjenesteloven``) and the words after ``lov
  om``/``forskrift om``.  Quoted titles and ``lov om`` titles are also hidden from lingua.  Bokmål
  law names quoted inside nynorsk text are the common case.

Two log-odds, each ``lingua_weight × lingua's log-odds + marker_weight × marker balance``, decide
English against Norwegian and then nynorsk against bokmål.  The weights (2.0 and 1.5) were chosen
on the tuning split of ``tests/text/data/language_passages.jsonl`` (``tests/text/tune_language.py``:
tuning accuracy 0.996 against 0.929 for lingua alone) and are checked on its held-out split by
``tests/text/test_language_accuracy.py`` (0.986).  Confidence below about 0.75 marks the rare
errors: short headings without a marker and English sentences dominated by a Norwegian name.

Cost: building lingua with its three models takes 0.4–1.5 s once per process (depending on load);
a one-sentence passage then takes about 0.3–1 ms and a 1,200-character paragraph about 4–5 ms.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from samrev.text._markers import NB, NN, bigram_marker, token_marker

if TYPE_CHECKING:
    from lingua import LanguageDetector

    from samrev.core.model import Passage

EN = "en"
LANGUAGES: tuple[str, ...] = (NB, NN, EN)

# Tuned on the tuning split (see module docstring); change only together with a version bump.
DEFAULT_LINGUA_WEIGHT = 2.0
DEFAULT_MARKER_WEIGHT = 1.5
DEFAULT_NAME_DISCOUNT = 0.0

_TOKEN_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_QUOTE_RE = re.compile(r"«[^»\n]{1,400}»|“[^”\n]{1,400}”|\"[^\"\n]{1,400}\"")
_LAW_TITLE_RE = re.compile(r"\b(?:lov|lova|loven|forskrift|forskrifta|forskriften)\s+om\b[^.;:()\n]{0,120}",
                           re.IGNORECASE)
_LAW_NAME_RE = re.compile(r"....(?:loven|lovens|lova|lovas|forskriften|forskrifta)$")
_SENTENCE_OPENERS = frozenset(".!?:;•·*–—-«\"“”»()[]§/")
_LOG_CLIP = 30.0


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """One marker found in a text: ``text[start:end] == token``."""

    start: int
    end: int
    token: str
    marker: str  # the lexicon entry or rule that matched (``"ikkje"``, ``"-leg"``)
    lang: str  # "nb" or "nn"
    weight: float
    discounted: bool  # inside a proper name, quotation or law name


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detected language of a text with the evidence behind it.

    ``scores`` holds a probability per language (summing to 1); ``confidence`` is the winner's.
    A text without letters gets confidence 0.0 and equal scores.
    """

    lang: str
    confidence: float
    scores: dict[str, float] = field(default_factory=dict)
    markers: tuple[MarkerHit, ...] = ()

    @property
    def decided(self) -> bool:
        return self.confidence > 0.0


@dataclass(frozen=True, slots=True)
class MarkerEvidence:
    """Summed marker weights per language, split into full-weight and discounted hits."""

    nb_full: float = 0.0
    nb_discounted: float = 0.0
    nn_full: float = 0.0
    nn_discounted: float = 0.0
    en_full: float = 0.0
    en_discounted: float = 0.0

    def balance(self, name_discount: float) -> float:
        """nynorsk against bokmål: positive for nynorsk, negative for bokmål."""
        nn = self.nn_full + name_discount * self.nn_discounted
        nb = self.nb_full + name_discount * self.nb_discounted
        return nn - nb

    def english_balance(self, name_discount: float) -> float:
        """English against Norwegian: positive for English."""
        en = self.en_full + name_discount * self.en_discounted
        norwegian = (self.nb_full + self.nn_full
                     + name_discount * (self.nb_discounted + self.nn_discounted))
        return en - norwegian


# --- markers -------------------------------------------------------------------------------------


def _foreign_regions(text: str) -> list[tuple[int, int]]:
    """Stretches that are not the writer's own words: quotations and law titles."""
    regions = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    quoted = sum(end - start for start, end in regions)
    if quoted > 0.9 * len(text.strip()):
        regions = []  # the whole text is a quotation: it is the text to judge
    regions.extend((m.start(), m.end()) for m in _LAW_TITLE_RE.finditer(text))
    return regions


def _inside_sentence_capital(text: str, start: int, token: str) -> bool:
    """A capitalised token that does not open a sentence, line or list item (likely a name)."""
    if not token[0].isupper() or (len(token) > 1 and token.isupper()):
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] == "\n":
        return False
    previous = text[i]
    return not (previous in _SENTENCE_OPENERS or previous.isdigit())


_NAME_ELLIPSIS_RE = re.compile(r"-\s+(?:og|eller|and)\s+", re.IGNORECASE)


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Capitalised words inside a sentence (names), continued through a hyphen-ellipsis.

    ``Lærings- og meistringssenteret`` is one name: the word after ``- og`` belongs to it.
    """
    spans: list[tuple[int, int]] = []
    continue_at = -1
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if start == continue_at or _inside_sentence_capital(text, start, match.group()):
            spans.append((start, end))
            ellipsis = _NAME_ELLIPSIS_RE.match(text, end)
            continue_at = ellipsis.end() if ellipsis else -1
    return spans


def find_markers(text: str) -> list[MarkerHit]:
    """Every marker of the lexicon in ``text``, in order."""
    return list(_find_markers(text))


@lru_cache(maxsize=8)
def _find_markers(text: str) -> tuple[MarkerHit, ...]:
    """:func:`find_markers`, remembered for the last few texts."""
    return tuple(iter_markers(text))


def iter_markers(text: str) -> Iterator[MarkerHit]:
    """The markers of :func:`find_markers`, one after another (a caller that needs only the first
    few stops early).  One pass over the tokens finds both the markers and the names
    (:func:`_name_spans`) that discount them."""
    regions = _foreign_regions(text)
    previous = ""
    continue_at = -1  # where a name continues after a hyphen-ellipsis (as in _name_spans)
    normalize = unicodedata.normalize
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        start = match.start()
        if start == continue_at or (token[0].isupper() and _inside_sentence_capital(text, start, token)):
            is_name = True
            ellipsis = _NAME_ELLIPSIS_RE.match(text, match.end())
            continue_at = ellipsis.end() if ellipsis else -1
        else:
            is_name = False
        lower = token.lower()
        if not lower.isascii():
            lower = normalize("NFC", lower)
        found = token_marker(lower) or (bigram_marker(previous, lower) if previous else None)
        previous = lower
        if found is None:
            continue
        name, lang, weight = found
        discounted = (
            is_name
            or any(a <= start < b for a, b in regions)
            or bool(_LAW_NAME_RE.search(lower))
        )
        yield MarkerHit(start, match.end(), token, name, lang, weight, discounted)


def marker_evidence(hits: Iterable[MarkerHit]) -> MarkerEvidence:
    sums: dict[tuple[str, bool], float] = {}
    for hit in hits:
        sums[(hit.lang, hit.discounted)] = sums.get((hit.lang, hit.discounted), 0.0) + hit.weight
    return MarkerEvidence(
        *(sums.get((lang, discounted), 0.0) for lang in (NB, NN, EN) for discounted in (False, True))
    )


# --- lingua --------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _lingua_detector(languages: tuple[str, ...]) -> LanguageDetector:
    """Build lingua once per language set; its models load here (about 0.4 s for nb+nn+en)."""
    from lingua import Language, LanguageDetectorBuilder

    by_code = {NB: Language.BOKMAL, NN: Language.NYNORSK, EN: Language.ENGLISH}
    chosen = [by_code[code] for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_preloaded_language_models().build()


def lingua_scores(text: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, float]:
    """lingua's probability per language code (0.0 for each when it cannot tell)."""
    detector = _lingua_detector(languages)
    codes = {"BOKMAL": NB, "NYNORSK": NN, "ENGLISH": EN}
    scores = dict.fromkeys(languages, 0.0)
    for value in detector.compute_language_confidence_values(text):
        code = codes.get(value.language.name)
        if code in scores:
            scores[code] = float(value.value)
    return scores


def _mask(text: str, regions: Sequence[tuple[int, int]]) -> str:
    if not regions:
        return text
    chars = list(text)
    for start, end in regions:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# --- combination ---------------------------------------------------------------------------------


def _clipped_log_odds(p: float, q: float) -> float:
    if p <= 0.0 and q <= 0.0:
        return 0.0
    return max(-_LOG_CLIP, min(_LOG_CLIP, math.log(p + 1e-12) - math.log(q + 1e-12)))


def _sigmoid(z: float) -> float:
    z = max(-_LOG_CLIP, min(_LOG_CLIP, z))
    return 1.0 / (1.0 + math.exp(-z))


def combine(
    lingua: dict[str, float],
    evidence: MarkerEvidence,
    *,
    lingua_weight: float = DEFAULT_LINGUA_WEIGHT,
    marker_weight: float = DEFAULT_MARKER_WEIGHT,
    name_discount: float = DEFAULT_NAME_DISCOUNT,
    languages: tuple[str, ...] = LANGUAGES,
) -> dict[str, float]:
    """Final probabilities per language from lingua's scores and the marker evidence.

    Two log-odds, each ``lingua_weight * lingua's log-odds + marker_weight * marker balance``:
    English against Norwegian, then nynorsk against bokmål.
    """
    p_nb, p_nn, p_en = lingua.get(NB, 0.0), lingua.get(NN, 0.0), lingua.get(EN, 0.0)
    p_english = 0.0
    if EN in languages:
        z_en = (lingua_weight * _clipped_log_odds(p_en, p_nb + p_nn)
                + marker_weight * evidence.english_balance(name_discount))
        p_english = _sigmoid(z_en)
    z_nn = lingua_weight * _clipped_log_odds(p_nn, p_nb) + marker_weight * evidence.balance(name_discount)
    q_nn = _sigmoid(z_nn)
    scores = {NB: (1.0 - p_english) * (1.0 - q_nn), NN: (1.0 - p_english) * q_nn, EN: p_english}
    return {code: scores[code] for code in languages}


class LinguaMarkerDetector:
    """lingua restricted to nb/nn/en, combined with the nb/nn marker lexicon."""

    name: ClassVar[str] = "lingua_markers"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Lingua (nb/nn/en) kombinert med markørleksikon for bokmål og nynorsk"

    def __init__(
        self,
        languages: Sequence[str] = LANGUAGES,
        lingua_weight: float = DEFAULT_LINGUA_WEIGHT,
        marker_weight: float = DEFAULT_MARKER_WEIGHT,
        name_discount: float = DEFAULT_NAME_DISCOUNT,
    ) -> None:
        unknown = [code for code in languages if code not in LANGUAGES]
        if unknown or not languages:
            raise ValueError(f"languages must be among {LANGUAGES}, got {list(languages)}")
        self.languages = tuple(code for code in LANGUAGES if code in languages)
        self.lingua_weight = lingua_weight
        self.marker_weight = marker_weight
        self.name_discount = name_discount

    def get_params(self) -> dict[str, Any]:
        return {
            "languages": list(self.languages),
            "lingua_weight": self.lingua_weight,
            "marker_weight": self.marker_weight,
            "name_discount": self.name_discount,
        }

    def detect(self, text: str) -> LanguageGuess:
        """The language of one passage (a heading, a sentence, a paragraph)."""
        if not _TOKEN_RE.search(text):
            even = 1.0 / len(self.languages)
            return LanguageGuess(self.languages[0], 0.0, dict.fromkeys(self.languages, even))
        hits = find_markers(text)
        lingua_languages = tuple(code for code in self.languages if code in (NB, NN, EN))
        if self.lingua_weight > 0.0 or EN in self.languages:
            from_lingua = lingua_scores(_mask(text, _foreign_regions(text)), lingua_languages)
        else:
            from_lingua = {NB: 0.5, NN: 0.5}
        scores = combine(
            from_lingua,
            marker_evidence(hits),
            lingua_weight=self.lingua_weight,
            marker_weight=self.marker_weight,
            name_discount=self.name_discount,
            languages=self.languages,
        )
        lang = max(scores, key=lambda code: scores[code])
        return LanguageGuess(lang, scores[lang], scores, tuple(hits))

    def dominant(self, passages: Iterable[str | Passage]) -> LanguageGuess:
        """The dominant language of a document: each passage's probabilities weighted by its letters.

        Weighting by length lets a nynorsk document that quotes bokmål law names or a bokmål
        appendix still come out as nynorsk when nynorsk carries most of the text.
        """
        totals = dict.fromkeys(self.languages, 0.0)
        hits: list[MarkerHit] = []
        for passage in passages:
            text = passage if isinstance(passage, str) else passage.text
            letters = sum(1 for char in text if char.isalpha())
            if not letters:
                continue
            guess = self.detect(text)
            for code, score in guess.scores.items():
                totals[code] += letters * score
            hits.extend(guess.markers)
        weight = sum(totals.values())
        if weight <= 0.0:
            even = 1.0 / len(self.languages)
            return LanguageGuess(self.languages[0], 0.0, dict.fromkeys(self.languages, even))
        shares = {code: value / weight for code, value in totals.items()}
        lang = max(shares, key=lambda code: shares[code])
        return LanguageGuess(lang, shares[lang], shares, tuple(hits))


@lru_cache(maxsize=8)
def default_detector(languages: tuple[str, ...] = LANGUAGES) -> LinguaMarkerDetector:
    """A shared detector with the tuned parameters."""
    return LinguaMarkerDetector(languages)


def detect_language(text: str, languages: Sequence[str] = LANGUAGES) -> LanguageGuess:
    """The language (``nb``, ``nn`` or ``en``) of one passage, from a single sentence upwards."""
    return default_detector(tuple(languages)).detect(text)


def dominant_language(
    passages: Iterable[str | Passage], languages: Sequence[str] = LANGUAGES
) -> LanguageGuess:
    """The dominant language of a document given as passages (texts or :class:`Passage`).

    Pass ``languages=("nb", "nn")`` for the written standard of a Norwegian document.
    """
    return default_detector(tuple(languages)).dominant(passages)


def document_language(passages: Sequence[Passage], languages: Sequence[str] = ("nb", "nn"),
                      sample: int = 4, letters_enough: int = 1200) -> LanguageGuess:
    """A document's written standard from its longest passages — at most ``sample`` of them, and
    no more once ``letters_enough`` letters are read (a fixed cost per document however long it
    is; a page of running prose decides a written standard) — each weighted by its letters.  The
    markers of the result are moved to document offsets (``passage.start + offset``)."""
    detector = default_detector(tuple(languages))
    chosen: list[Passage] = []
    seen = 0
    for passage in sorted(passages, key=lambda p: len(p.text), reverse=True)[:sample]:
        chosen.append(passage)
        seen += sum(1 for char in passage.text if char.isalpha())
        if seen >= letters_enough:
            break
    totals = dict.fromkeys(detector.languages, 0.0)
    hits: list[MarkerHit] = []
    for passage in chosen:
        letters = sum(1 for char in passage.text if char.isalpha())
        if not letters:
            continue
        guess = detector.detect(passage.text)
        for code, score in guess.scores.items():
            totals[code] += letters * score
        hits.extend(MarkerHit(passage.start + m.start, passage.start + m.end, m.token, m.marker, m.lang, m.weight,
                              m.discounted) for m in guess.markers)
    weight = sum(totals.values())
    if weight <= 0.0:
        even = 1.0 / len(detector.languages)
        return LanguageGuess(detector.languages[0], 0.0, dict.fromkeys(detector.languages, even))
    shares = {code: value / weight for code, value in totals.items()}
    lang = max(shares, key=lambda code: shares[code])
    return LanguageGuess(lang, shares[lang], shares, tuple(hits))


def quick_language(text: str, languages: Sequence[str] = ("nb", "nn"), max_chars: int = 2500,
                   min_weight: float = 3.0, min_share: float = 0.8) -> str | None:
    """The written standard of a long text from its separating words alone (no model), or None
    when the markers in its first ``max_chars`` characters do not decide it clearly (too few, or
    no standard with ``min_share`` of their weight).  Cheap enough to run on every ingested file;
    callers fall back to :func:`document_language` when it returns None."""
    # Most documents say which standard they are written in within their first lines: when the
    # opening's markers are many and all of one standard, the rest of the window is not read.
    opening = max_chars // 3
    if len(text) > opening:
        totals = _marker_totals(text[:opening], languages)
        weight = sum(totals.values())
        lang = max(totals, key=lambda code: totals[code])
        if weight >= 2 * min_weight and totals[lang] == weight:
            return lang
    totals = _marker_totals(text[:max_chars], languages)
    weight = sum(totals.values())
    if weight < min_weight:
        return None
    lang = max(totals, key=lambda code: totals[code])
    return lang if totals[lang] / weight >= min_share else None


def _marker_totals(text: str, languages: Sequence[str]) -> dict[str, float]:
    """The weight of the undiscounted markers of each of ``languages`` in ``text``."""
    totals = dict.fromkeys(languages, 0.0)
    for hit in find_markers(text):
        if hit.lang in totals and not hit.discounted:
            totals[hit.lang] += hit.weight
    return totals
