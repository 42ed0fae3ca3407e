"""Lemmas for bokmål (``nb``), nynorsk (``nn``) and English (``en``).

Offsets (in :class:`LemmaToken`): Python ``str`` indices (code points), end-exclusive, into the
text given to :func:`lemmas`.

simplemma 2 has dictionaries for both ``nb`` and ``nn`` (and ``en``).  A word is lemmatised by,
in order:

1. the domain override table (:data:`OVERRIDES`), for terms simplemma gets wrong;
2. simplemma's dictionary for the requested standard, then for the other standard (texts mix
   them: bokmål law names in nynorsk, nynorsk place names in bokmål);
3. the head of a compound: the longest known suffix is lemmatised and the first part kept
   (``samarbeidsavtalane`` → ``samarbeids`` + ``avtale``), since Norwegian compounds are open-ended;
4. simplemma's rule-based guess, else the lower-cased word.

Lemmas are lower case, except all-capital acronyms (``HF``, ``LMS``), which are kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

SUPPORTED = ("nb", "nn", "en")
_OTHER = {"nb": "nn", "nn": "nb"}
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# form → lemma, per written standard; checked by tests/text/test_lemmas.py
OVERRIDES: dict[str, dict[str, str]] = {
    "nn": {
        "meistringstilbodet": "meistringstilbod", "meistringstilboda": "meistringstilbod",
        "helseføretaka": "helseføretak", "helseføretaket": "helseføretak",
        "helseføretak": "helseføretak", "tenestene": "teneste", "tenesta": "teneste",
        "tenester": "teneste", "brukarane": "brukar", "brukarar": "brukar", "brukaren": "brukar",
        "kommunane": "kommune", "kommunar": "kommune", "samarbeidsavtalane": "samarbeidsavtale",
        "samarbeidsavtalar": "samarbeidsavtale", "tenesteavtalane": "tenesteavtale",
        "tenesteavtalar": "tenesteavtale", "delavtalane": "delavtale", "delavtalar": "delavtale",
        "pårørande": "pårørande", "partane": "part", "partar": "part", "pasientane": "pasient",
        "pasientar": "pasient", "spesialisthelsetenesta": "spesialisthelseteneste",
        "meistring": "meistring", "meistringa": "meistring", "tilboda": "tilbod",
        "tilbodet": "tilbod", "tilbod": "tilbod", "rettleiinga": "rettleiing",
        "brukarmedverknaden": "brukarmedverknad", "samarbeidsutvalet": "samarbeidsutval",
        "helsefellesskapet": "helsefellesskap", "oppgåvene": "oppgåve", "oppgåver": "oppgåve",
    },
    "nb": {
        "tjenesteavtalene": "tjenesteavtale", "tjenesteavtaler": "tjenesteavtale",
        "samarbeidsavtalene": "samarbeidsavtale", "samarbeidsavtaler": "samarbeidsavtale",
        "delavtalene": "delavtale", "delavtaler": "delavtale", "helseforetakene": "helseforetak",
        "helseforetaket": "helseforetak", "helseforetak": "helseforetak",
        "mestringstilbudet": "mestringstilbud", "mestringstilbudene": "mestringstilbud",
        "pårørende": "pårørende", "spesialisthelsetjenesten": "spesialisthelsetjeneste",
        "kommunehelsetjenesten": "kommunehelsetjeneste", "mestring": "mestring",
        "mestringen": "mestring", "brukermedvirkningen": "brukermedvirkning",
        "samarbeidsutvalget": "samarbeidsutvalg", "helsefellesskapet": "helsefellesskap",
        "partene": "part", "parter": "part",
    },
}


class LemmaToken(NamedTuple):
    """A word of a text with its lemma: ``text[start:end] == token``."""

    start: int
    end: int
    token: str
    lemma: str


def _simplemma_known(word: str, lang: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang=lang))


def _simplemma_lemma(word: str, lang: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang))


def _dictionary_lemma(lower: str, lang: str) -> str | None:
    """Override or dictionary lemma for the standard, else None."""
    override = OVERRIDES.get(lang, {}).get(lower)
    if override is not None:
        return override
    if _simplemma_known(lower, lang):
        return _simplemma_lemma(lower, lang).lower()
    return None


def _compound_lemma(lower: str, lang: str) -> str | None:
    """Lemmatise the longest known suffix of a compound and keep its first part."""
    for k in range(2, len(lower) - 3):
        head = lower[k:]
        for code in (lang, _OTHER.get(lang)):
            if code is None:
                continue
            lemma = _dictionary_lemma(head, code)
            if lemma is not None:
                return lower[:k] + lemma
    return None


@lru_cache(maxsize=200_000)
def lemmatize(word: str, lang: str) -> str:
    """The lemma of one word in ``lang`` (``"nb"``, ``"nn"`` or ``"en"``).

    An unsupported language returns the lower-cased word.
    """
    if not word:
        return word
    if len(word) > 1 and word.isupper() and len(word) <= 6:
        return word  # an acronym: HF, LMS, KOLS
    lower = word.lower()
    if lang not in SUPPORTED:
        return lower
    for code in (lang, _OTHER.get(lang)):
        if code is None:
            continue
        lemma = _dictionary_lemma(lower, code)
        if lemma is not None:
            return lemma
    if lang in _OTHER and len(lower) >= 7:
        compound = _compound_lemma(lower, lang)
        if compound is not None:
            return compound
    return _simplemma_lemma(lower, lang).lower()


def lemmas(text: str, lang: str | None = None) -> list[LemmaToken]:
    """Every word of ``text`` with its lemma; ``lang=None`` detects the language first."""
    if lang is None:
        from samrev.text.language import detect_language

        lang = detect_language(text).lang
    return [
        LemmaToken(match.start(), match.end(), match.group(), lemmatize(match.group(), lang))
        for match in _TOKEN_RE.finditer(text)
    ]
