"""language: the dominant written standard (bokmål or nynorsk) of the agreement's own text.

:func:`samrev.text.document_language` (lingua + separating-word markers) reads the document's
longest passages; the separating words of the winning standard are the evidence.
"""

from __future__ import annotations

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance, Span

MAX_EVIDENCE = 6


def judge(doc: AgreementText) -> Judgement:
    from samrev.text import LinguaMarkerDetector, document_language, iter_markers, quick_language

    quick = quick_language(doc.text)
    if quick is not None:
        spans: list[Span] = []
        words: set[str] = set()
        for hit in iter_markers(doc.text[:2500]):  # (read only as far as the evidence needs)
            word = hit.token.casefold()
            if hit.lang == quick and not hit.discounted and word not in words:
                words.add(word)
                spans.append(doc.span(hit.start, hit.end))
            if len(spans) >= MAX_EVIDENCE:
                break
        return Judgement("language", quick, Provenance.rule("language.separating_words", "1"),
                         evidence=tuple(spans), confidence=0.95,
                         note="avgjort av ord som skiller bokmål og nynorsk")
    guess = document_language(doc.passages)
    if guess.confidence <= 0.0:
        return Judgement("language", None, Provenance.rule("language.no_text"), confidence=0.0,
                         note="ingen tekst å avgjøre språket fra")
    evidence: list[Span] = []
    seen: set[str] = set()
    for marker in guess.markers:
        word = doc.text[marker.start:marker.end].casefold()
        if marker.lang == guess.lang and not marker.discounted and word not in seen:
            seen.add(word)
            evidence.append(doc.span(marker.start, marker.end))
        if len(evidence) >= MAX_EVIDENCE:
            break
    return Judgement(
        subject="language",
        value=guess.lang,
        provenance=Provenance.model(LinguaMarkerDetector.name, LinguaMarkerDetector.version),
        evidence=tuple(evidence),
        confidence=round(guess.confidence, 3),
        note=", ".join(f"{lang} {score:.2f}" for lang, score in sorted(guess.scores.items())),
    )
