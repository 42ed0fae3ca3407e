"""kind: what the document is — overordnet, delavtale, retningslinje or annet.

The title region decides first (the spec: "kind follows what the document is, not its
heading"): a document-type word that is not an agreement (styresak, saksframlegg, møteinnkalling,
referat, intensjonsavtale, leieavtale, driftsavtale, høringsbrev, årsmelding, mal …) at the top makes it
``annet``; a numbered delavtale/tjenesteavtale/særavtale is a ``delavtale`` even when its heading
says "Retningslinjer for …"; an overordnet/overordna or plain "samarbeidsavtale mellom" is
``overordnet``; a guideline, routine or procedure is ``retningslinje``.  The earliest cue in the
title wins, so "Styresak: godkjenning av delavtale 2" is ``annet``.  Without a title cue, the
body's self-references ("denne delavtalen", "denne retningslinja") are counted.
"""

from __future__ import annotations

import re

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance, Span

_NUM = r"(?:nr\.?\s*)?\d{1,2}(?:\s?[a-c]|-\d)?\b"

# Documents about agreements (cases, letters, minutes, reports, annual reports, replies to a
# hearing): they have no adoption date of their own and bind nobody.
_CASE_WORDS = (
    r"styresak\w*|styrevedtak|saksfr[ae]mlegg\w*|saksutgreiing\w*|saksutredning\w*|særutskrift|saksprotokoll"
    r"|møteprotokoll|protokoll\s+fr[aå]|møteinnkalling\w*|innkalling\s+til|møtebok|møtereferat|referat\s+fr[aå]"
    r"|referat\b|høy?ringsbrev\w*|høy?ringsnotat\w*|høy?ringsuttal\w*|høy?ring\s*(?:av|om|[-–—:])"
    r"|melding\s+om\s+(?:politisk\s+)?vedtak|rapport\b|årsrapport|evalueringsrapport|notat\b|kommunestyresak"
    r"|politisk\s+sak|sak\s+\d+/\d+|saksnr\.?|årsmelding\w*|høy?ringsfr[aå]segn\w*|fråsegn\b"
)
# Non-agreement document types (bokmål and nynorsk): other kinds of agreement, the documents about
# agreements above, a municipal decision, and a template of an agreement ("MAL – DELAVTALE 5",
# "Mal for tenesteavtale").
ANNET = re.compile(
    r"\b(?:intensjonsavtale\w*|(?:hus)?lei(?:e|ge)avtale\w*|lei(?:e|ge)kontrakt\w*|drifts?avtale\w*"
    r"|avtale\s+om\s+(?:lei(?:e|ge)|drift)\b|kontrakt\s+om\s+(?:lei(?:e|ge)|drift)\b"
    rf"|{_CASE_WORDS}|adressater\s*:|vedtak\s+i\s+(?:kommunestyret|bystyret|formannskapet)"
    r"|mal(?:en)?\s*(?:[-–—:]|for\b|til\b))",
    re.IGNORECASE,
)
DELAVTALE = re.compile(
    rf"\b(?:del|tjeneste|teneste|sær|under)avtale\w*\s*{_NUM}|\bta\s?{_NUM}"
    r"|\b(?:del|tjeneste|teneste|sær|under)avtale\w*|\bavtale\s+nr\.?\s*\d",
    re.IGNORECASE,
)
OVERORDNET = re.compile(
    r"\boverordn(?:et|a|ede)\s+(?:samarbeids|samhandlings)?avtal\w*|\brammeavtale\w*|\bhovudavtale|\bhovedavtale"
    r"|\b(?:samarbeids|samhandlings)avtale\w*\s+(?:mellom|for\s+helsefellesskapet|for\s+helsefellesskap)"
    r"|\b(?:felles|generell)\s+samarbeidsavtale",
    re.IGNORECASE,
)
RETNINGSLINJE = re.compile(
    r"\bretningslin(?:je|e)\w*|\bsamhandlingsrutine\w*|\brutine\w*\s+(?:for|ved|om)\b|\bprosedyre\w*"
    r"|\bfelles\s+rutine\w*|\bveileder\b|\brettleiar\b|\bsamarbeidsrutine\w*|\bforløpsbeskrivelse\w*",
    re.IGNORECASE,
)
# A case document's cue (a template is no such document: it holds an agreement's text, with the
# obligations it will put on the parties).
CASE_DOCUMENT = re.compile(rf"\b(?:{_CASE_WORDS}|adressater|mottakere)", re.IGNORECASE)


def is_case_document(doc: AgreementText) -> bool:
    """A case, letter, minutes or report about an agreement: the title's decisive document-type
    cue (the earliest, as for ``kind``) is such a word — so "Overordnet samarbeidsavtale …
    Vedtatt i bystyret (sak 62/22)" is an agreement, and a letter headed "Høring av …" is not."""
    cues = _decisive_cues(doc)
    if not cues:
        return False
    _, kind, start, end = cues[0]
    return kind == "annet" and bool(CASE_DOCUMENT.search(doc.text, start, end))


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("annet", ANNET),
    ("delavtale", DELAVTALE),
    ("overordnet", OVERORDNET),
    ("retningslinje", RETNINGSLINJE),
)
# Body self-references when the title says nothing.
SELF_REFERENCE = {
    "delavtale": re.compile(r"\bdenne\s+(?:del|tjeneste|teneste|sær)avtal(?:en|a)\b", re.IGNORECASE),
    "overordnet": re.compile(r"\bden(?:ne)?\s+overordn(?:ede|a)\s+(?:samarbeids)?avtal(?:en|a)\b", re.IGNORECASE),
    "retningslinje": re.compile(r"\bdenne\s+retningslin(?:jen|ja|a)\b|\bdenne\s+rutinen\b", re.IGNORECASE),
}
RULE_VERSION = "4"
# A cue preceded by one of these refers to another document ("vedlegg til delavtale 2").
_REFERENCE = re.compile(r"(?:vedlegg\s+til|jf\.?|jfr\.?|iht\.?|i\s+henhold\s+til|i\s+samsvar\s+med|etter|under"
                        r"|heimla\s+i|hjemlet\s+i|forankra\s+i|forankret\s+i|med\s+grunnlag\s+i|med\s+grunnlag\s+i|om|av)\s+(?:\w+\s+){0,2}$",
                        re.IGNORECASE)


def _title_cues(doc: AgreementText) -> list[tuple[int, str, int, int]]:
    title = doc.title_text
    found = []
    for kind, pattern in _CUES:
        for match in pattern.finditer(title):
            found.append((match.start(), kind, match.start(), match.end()))
    return sorted(found)


def _decisive_cues(doc: AgreementText) -> list[tuple[int, str, int, int]]:
    """Title cues in text order, without those that refer to another document (found once per
    document: ``kind`` and :func:`is_case_document`, asked by the dates, both read them; callers
    do not change the list)."""
    found = doc.memo.get("decisive_cues")
    if found is None:
        found = doc.memo["decisive_cues"] = [
            c for c in _title_cues(doc)
            if not (c[1] != "annet" and _REFERENCE.search(doc.text, max(0, c[2] - 30), c[2]))]
    return found  # type: ignore[no-any-return]


def judge(doc: AgreementText) -> Judgement:
    cues = _decisive_cues(doc)
    if cues:
        _, kind, start, end = cues[0]
        # A numbered sub-agreement titled "Retningslinjer for …" stays a delavtale (its number
        # stands in the heading itself, not as a reference such as "vedlegg til delavtale 2").
        if kind == "retningslinje":
            numbered = [(s, e) for _, k, s, e in cues if k == "delavtale" and re.search(r"\d", doc.text[s:e])
                        and "\n" not in doc.text[start:s]]
            if numbered:
                kind = "delavtale"
                start, end = numbered[0]
        evidence: tuple[Span, ...] = (doc.span(start, end),)
        return Judgement("kind", kind, Provenance.rule(f"kind.title.{kind}", RULE_VERSION),
                         evidence=evidence, confidence=0.85, note="dokumenttype i tittelen")
    counts: dict[str, list[Span]] = {}
    for kind, pattern in SELF_REFERENCE.items():
        for match in pattern.finditer(doc.text):
            counts.setdefault(kind, []).append(doc.span(match.start(), match.end()))
    if counts:
        kind = max(counts, key=lambda k: len(counts[k]))
        return Judgement("kind", kind, Provenance.rule(f"kind.body.{kind}", RULE_VERSION),
                         evidence=tuple(counts[kind][:3]), confidence=0.6,
                         note="dokumentet omtaler seg selv slik")
    # Last resort: any agreement word anywhere in the text.
    for kind, pattern in _CUES[1:]:
        anywhere = pattern.search(doc.text)
        if anywhere:
            return Judgement("kind", kind, Provenance.rule(f"kind.anywhere.{kind}", RULE_VERSION),
                             evidence=(doc.span(anywhere.start(), anywhere.end()),), confidence=0.4,
                             note="ingen tittel; første avtaleord i teksten")
    return Judgement("kind", "annet", Provenance.rule("kind.none", RULE_VERSION), confidence=0.4,
                     note="ingen kjennetegn på samarbeidsavtale")
