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
from functools import lru_cache

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Provenance

RULE_VERSION = "4"
BINDING_SHARE = 0.4
MAX_EVIDENCE = 6
LAW_CONTEXT = re.compile(
    r"§|\b(?:jf\.|jfr\.|i\s+medhold\s+av|i\s+medhald\s+av|i\s+henhold\s+til\s+lov|følger\s+av|fylgjer\s+av|følgjer\s+av"
    r"|etter\s+lov\w*"
    r"|lovpålagt\w*|lovfest\w*|loven\s+sier|lova\s+seier|forskrift\w*)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]{20,}»|\"[^\"]{20,}\"")


GENERIC = {"municipality": "Kommunen", "health_trust": "Helseforetaket", "private_hospital": "Helseforetaket",
           "site": "Helseforetaket"}


def party_names(doc: AgreementText) -> list[tuple[str, str]]:
    """Named parties of this text (as the registry found them, incl. abbreviations such as SI or
    UNN) with the generic party word that stands for each, longest names first."""
    names: dict[str, str] = {}
    for found in doc.organisations:
        generic = GENERIC.get(found.kind)
        if generic and len(found.surface) >= 2:
            names[found.surface] = generic
    return sorted(names.items(), key=lambda item: len(item[0]), reverse=True)


#: What may follow a party's name in a mention of it: a genitive s and a word for what it is
#: ("Gjøvik kommunes", "Helse Førde HF"), and then no more of the word.
_NAME_TAIL = re.compile(r"s?(?:\s+(?:kommune|kommunes|HF|helseforetak|helseføretak))?(?!\w)")


def _replace_name(sentence: str, name: str, generic: str) -> str:
    """``sentence`` with every mention of ``name`` (not inside a word, case-sensitive, with what
    :data:`_NAME_TAIL` allows after it) replaced by ``generic``, from left to right."""
    parts: list[str] = []
    done = 0
    at = sentence.find(name)
    while at >= 0:
        before = sentence[at - 1] if at > 0 else ""
        tail = None if before.isalnum() or before == "_" else _NAME_TAIL.match(sentence, at + len(name))
        if tail is None:
            at = sentence.find(name, at + 1)
            continue
        parts += (sentence[done:at], generic)
        done = tail.end()
        at = sentence.find(name, done)
    if not parts:
        return sentence
    parts.append(sentence[done:])
    return "".join(parts)


def generalise(sentence: str, names: list[tuple[str, str]]) -> str:
    """The sentence with each named party replaced by its generic party word."""
    for name, generic in names:
        if name in sentence:
            sentence = _replace_name(sentence, name, generic)
    return sentence


# A responsible actor as the subject: a party, a unit or a role of one (both written standards).
AGENT = re.compile(
    r"\b(?:part(?:en|ane|ene|ar|er|nar\w*)?|leiar\w*|leder\w*|tilsett\w*|ansatt\w*|medarbeidar\w*|medarbeider\w*"
    r"|personell\w*|kontaktperson\w*|koordinator\w*|leietak\w*|leigetak\w*|utleier\w*|utleigar\w*|\w*eining(?:a|ane|ar)?|\w*enhet(?:en|ene)?|\w*avdeling(?:a|en|ane|ene)?"
    r"|\w*kontor(?:et)?|\w*tenest(?:a|ene)|\w*tjenest(?:en|ene)|\w*sekretariat(?:et)?|\w*utval(?:et|a)?"
    r"|\w*utvalg(?:et|ene)?|\w*råd(?:et)?|fastleg\w*|leg(?:en|ane|ene)|sjukepleiar\w*|sykepleier\w*"
    r"|\w*representant\w*|direktør\w*|kommunalsjef\w*|\w*klinikk(?:en|ar|er)?|\w*sent(?:er|ra|re)(?:et|a)?"
    r"|\w*sentral(?:en)?|kommun(?:en|ane|ene)|helseføretak(?:et|a)?|helseforetak(?:et|ene)?|sjukehus(?:et)?"
    r"|sykehus(?:et)?|LMS|vertskommun\w*|spesialisthelsetjenest\w*|spesialisthelsetenest\w*|(?:den|dei|de)\s+som)\b",
    re.IGNORECASE,
)
_PASSIVE_AFTER = re.compile(r"^\s+(?:[^\W\d_]+\s+){0,3}?[^\W\d_]+(?:ast|es)\b(?!\s+av\s)", re.IGNORECASE)
_PLAIN_DUTY = ("skal", "må", "har ansvar for", "har ansvaret for", "har hovedansvar for", "har hovudansvar for",
               "har hovedansvaret for", "har hovudansvaret for", "er ansvarlig for", "er ansvarleg for")


def sentence_strength(sentence: str, names: list[tuple[str, str]]) -> str:
    """binding, soft or none for one sentence (named parties generalised first).

    A plain duty (skal, må, har ansvar for) whose subject is a responsible actor — a party, or a
    unit or role of one ("Den parten som mottek avviket", "Kontaktpersonane", "Leiaren for
    eininga") — binds unless the verb after it is passive; the text toolkit's classifier decides
    everything else.
    """
    return _strength(generalise(sentence, names))


@lru_cache(maxsize=16384)
def _strength(text: str) -> str:
    """:func:`sentence_strength` of a sentence whose named parties are generalised (remembered:
    templated agreements repeat their obligation sentences across documents)."""
    from samrev.text import classify_obligation

    obligation = classify_obligation(text)
    if obligation.strength != "soft" or obligation.party or not obligation.cue or obligation.cue_span is None:
        return obligation.strength
    if obligation.cue.lower() not in _PLAIN_DUTY:
        return "soft"
    before, after = text[: obligation.cue_span[0]], text[obligation.cue_span[1]:]
    if AGENT.search(before) and not _PASSIVE_AFTER.match(after):
        return "binding"
    return "soft"


# A sentence without one of these words states no obligation (checked before the classifier).
_OBLIGATION_WORD = re.compile(
    r"\b(?:skal|må|bør|kan|vil|forplikt\w*|ansvar\w*|ansvarl\w*|plikt\w*|søk(?:e|je|er|jer)|tilstreb\w*|vurder\w*"
    r"|legg(?:e|je|er|jer)|bidr\w*|medverk\w*|sikte|sørg\w*|syt\w*)\b",
    re.IGNORECASE,
)


def counted_sentences(doc: AgreementText) -> list[tuple[int, int, str]]:
    """(start, end, strength) of each sentence that states an obligation of the parties."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
    names = party_names(doc)
    out = []
    for sentence in doc.sentences:
        if sentence.end <= doc.title_end:
            continue
        if any(start <= sentence.start and sentence.end <= end for start, end in quoted):
            continue
        if not doc.search(_OBLIGATION_WORD, sentence) or doc.search(LAW_CONTEXT, sentence):
            continue
        strength = sentence_strength(sentence.text, names)
        if strength == "none":
            continue
        out.append((sentence.start, sentence.end, strength))
    return out


def judge(doc: AgreementText) -> Judgement:
    from samrev.agreements.fields.kind import is_case_document

    if is_case_document(doc):
        return Judgement("commitment", "low", Provenance.rule("commitment.case_document", RULE_VERSION),
                         confidence=0.6, note="saksdokument om en avtale: pålegger ingen part plikter selv")
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
