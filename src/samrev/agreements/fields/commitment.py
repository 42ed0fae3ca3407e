"""commitment: among the sentences that put obligations on a party, does binding phrasing with a
named responsible party dominate (``high``) or soft phrasing / no named party (``low``)?

Each sentence is classified by :func:`samrev.text.classify_obligation` (skal/må/forplikter
seg/har ansvar for with a named party → binding; bør, kan in place of a duty, søke å/søkje å,
tilstrebe, vurdere, legge til rette for, "skal ved behov", passive skal → soft; descriptive kan →
none).  Sentences that quote or restate law (inside quotation marks, or citing a § with "jf.",
"etter", "i medhold av", "følger av") state no obligation of this agreement's parties and are
left out, as are running headers and the title region.  ``high`` needs a binding share of at
least ``BINDING_SHARE`` among the counted sentences.
"""

from __future__ import annotations

import re

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance

RULE_VERSION = "1"
BINDING_SHARE = 0.6
MAX_EVIDENCE = 6
LAW_CONTEXT = re.compile(
    r"§|\b(?:jf\.|jfr\.|i\s+medhold\s+av|i\s+henhold\s+til\s+lov|følger\s+av|fylgjer\s+av|etter\s+lov\w*"
    r"|lovpålagt\w*|lovfest\w*|loven\s+sier|lova\s+seier|forskrift\w*)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]{20,}»|\"[^\"]{20,}\"")


def counted_sentences(doc: AgreementText) -> list[tuple[int, int, str]]:
    """(start, end, strength) of each sentence that states an obligation of the parties."""
    from samrev.text import classify_obligation

    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
    out = []
    for sentence in doc.sentences:
        if sentence.end <= doc.title_end:
            continue
        if any(start <= sentence.start and sentence.end <= end for start, end in quoted):
            continue
        if LAW_CONTEXT.search(sentence.text):
            continue
        obligation = classify_obligation(sentence.text)
        if obligation.strength == "none":
            continue
        out.append((sentence.start, sentence.end, obligation.strength))
    return out


def judge(doc: AgreementText) -> Judgement:
    counted = counted_sentences(doc)
    binding = [c for c in counted if c[2] == "binding"]
    soft = [c for c in counted if c[2] == "soft"]
    total = len(binding) + len(soft)
    if total == 0:
        return Judgement("commitment", "low", Provenance.rule("commitment.no_obligations", RULE_VERSION),
                         confidence=0.6, note="ingen setninger som pålegger partene plikter")
    share = len(binding) / total
    value = "high" if share >= BINDING_SHARE else "low"
    chosen = binding if value == "high" else soft or binding
    return Judgement(
        "commitment", value, Provenance.rule("commitment.modal_share", RULE_VERSION),
        evidence=tuple(doc.span(start, end) for start, end, _ in chosen[:MAX_EVIDENCE]),
        confidence=round(min(0.95, 0.55 + abs(share - BINDING_SHARE)), 2),
        note=f"{len(binding)} bindende og {len(soft)} myke pliktsetninger (andel bindende {share:.2f})",
    )
