"""language: the dominant written standard (bokmål or nynorsk) of the agreement's own text.

The detector (lingua + separating-word markers, :mod:`samrev.text.language`) runs on the
longest passages only (up to ``SAMPLE`` of them): enough text to decide a standard, and a fixed
cost per document however long it is.  Each passage's scores are weighted by its letters.
"""

from __future__ import annotations

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance, Span

SAMPLE = 10
MAX_EVIDENCE = 6


def judge(doc: AgreementText) -> Judgement:
    from samrev.text.language import LinguaMarkerDetector, default_detector

    detector = default_detector(("nb", "nn"))
    sample = sorted(doc.passages, key=lambda p: len(p.text), reverse=True)[:SAMPLE]
    totals = {"nb": 0.0, "nn": 0.0}
    markers: list[tuple[str, int, int]] = []
    for passage in sample:
        letters = sum(1 for char in passage.text if char.isalpha())
        if not letters:
            continue
        guess = detector.detect(passage.text)
        for code, score in guess.scores.items():
            totals[code] = totals.get(code, 0.0) + letters * score
        markers.extend((m.lang, passage.start + m.start, passage.start + m.end)
                       for m in guess.markers if not m.discounted)
    weight = sum(totals.values())
    if weight <= 0:
        return Judgement("language", None, Provenance.rule("language.no_text"), confidence=0.0,
                         note="ingen tekst å avgjøre språket fra")
    lang = max(totals, key=lambda code: totals[code])
    evidence: list[Span] = []
    seen: set[str] = set()
    for marker_lang, start, end in markers:
        word = doc.text[start:end].casefold()
        if marker_lang == lang and word not in seen:
            seen.add(word)
            evidence.append(doc.span(start, end))
        if len(evidence) >= MAX_EVIDENCE:
            break
    return Judgement(
        subject="language",
        value=lang,
        provenance=Provenance.model(LinguaMarkerDetector.name, LinguaMarkerDetector.version),
        evidence=tuple(evidence),
        confidence=round(totals[lang] / weight, 3),
        note=f"nb {totals['nb'] / weight:.2f}, nn {totals['nn'] / weight:.2f} "
             f"({len(sample)} lengste avsnitt)",
    )
