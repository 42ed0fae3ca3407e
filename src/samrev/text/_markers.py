"""The marker lexicon that separates bokmål (nb) from nynorsk (nn).

Offsets: Python ``str`` indices (code points), end-exclusive, into the text given.

Each marker is evidence for one written standard (or, for a short list of English function
words, for English against Norwegian) with a weight: 3 for forms that occur in only
one standard and are frequent (``ikkje``/``ikke``), 2 for forms that are typical but have a rarer
valid use in the other standard or another reading (``dei``, ``veit``), 1 for weak hints
(``sjukehus`` and ``blei`` are valid bokmål too).  Forms valid in both standards (``kan``,
``skal``, ``blir``, ``etter avtale``) are deliberately absent.

The lexicon was written from the rules of the two standards (Norsk rettskrivning, Nynorskordboka
and Bokmålsordboka), not from any evaluation passage.  Besides whole words there are a few
transparent rules over stems and suffixes (``tenest-`` vs ``tjenest-``, ``-leg`` vs ``-lig``,
``-heit`` vs ``-het``, ``-ingar`` vs ``-inger``, a-infinitive after ``å``, s-passive after a
modal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NB = "nb"
NN = "nn"
EN = "en"


def _words(lang: str, weight: float, words: str) -> dict[str, tuple[str, float]]:
    return {word: (lang, weight) for word in words.split()}


# --- whole-word markers ---------------------------------------------------------------------------

WORD_MARKERS: dict[str, tuple[str, float]] = {
    # nynorsk, strong: function words and frequent forms that bokmål does not have
    **_words(NN, 3, """
        ikkje eg frå korleis kva kvifor kven kvar kvart kvarandre berre òg meir mykje heile heilt
        vore vert gje gjev eit ein nokon noko nokre fleire desse deira dykk dykkar hennar
        eigen eige eigne sjølv sjølve saman utan innan enno medan elles hjå attende fyrst anten
        vere vera verte verta gjere gjera kjem seier trur synest ønskjer følgjer sørgjer syter
        byggjer leggje fekk gjekk vidare framleis gjeldande kome difor sidan tidlegare seinare
        betre leiar leiarar leiaren leiarane leiing leiinga rettleiing
        rettleiinga høyring høyringa tilvising tilvisinga medverknad brukarmedverknad
        eining einingar eininga pasientar pasientane avtalar avtalane rutinar rutinane planar
        planane oppgåve oppgåver oppgåvene oppgåva kvardag kvardagen mogleg moglege
        mogelegheit moglegheit moglegheiter dessutan anna særleg
    """),
    # nynorsk, medium: typical, but with a rarer valid reading elsewhere
    **_words(NN, 2, """
        dei ho veit gjer tek ligg gjeld treng kor heim heime stad skule skulen vart tilsette tilsett
        innlegging undersøking
    """),
    # nynorsk, weak: also valid bokmål, or another word in English
    **_words(NN, 1, "sjukehus sjukehuset blei no me"),
    # bokmål, strong
    **_words(NB, 3, """
        ikke jeg hun fra hvordan hva hvor hvorfor hvem hvis hvilke hvilken hvilket hver hvert
        hverandre bare mer mye hele være vært noen noe flere disse deres hennes egen eget
        egne selv selve sammen uten innen ennå ellers kommer finnes gjør gjøre sier
        tror vet synes ligger gjelder gjeldende kommet fikk gikk videre fremdeles ble dem
        tidligere senere bedre leder ledere lederen lederne ledelse ledelsen veiledning
        veiledningen henvisning henvisningen innleggelse innleggelsen medvirkning
        brukermedvirkning enhet enheter enheten pasienter pasientene avtaler avtalene rutiner
        rutinene planer planene oppgave oppgaver oppgavene oppgaven undersøkelse undersøkelsen
        hverdag hverdagen mulig mulige mulighet muligheter muligheten annet annen særlig
    """),
    # bokmål, medium
    **_words(NB, 2, """
        de dere en et helt også mens enten bygger dessuten ansatte ønsker følger sørger trenger
        sykehus sykehuset nå kun hjem hjemme sted skole skolen frem
    """),
    # bokmål, weak
    **_words(NB, 1, "gi gir tar utskrivning bruker komme"),
    # English function words that are not Norwegian words (``at``, ``by``, ``is``, ``to``, ``her``
    # and ``for`` are, so they are left out).  They weigh English against Norwegian only.
    **_words(EN, 2, """
        the of with were was are which this that these those has been we our their they its who
        what how into than also such there would should could will may about within among each
        from between using based
    """),
    **_words(EN, 1, "and have not or an on in"),
}


# --- stem and suffix rules ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    lang: str
    weight: float
    pattern: re.Pattern[str]


def _rule(name: str, lang: str, weight: float, pattern: str) -> _Rule:
    return _Rule(name, lang, weight, re.compile(pattern))


# Rules are tried in order on a lower-cased token that is not a whole-word marker; the first hit
# wins, so the more specific rules come first.
STEM_RULES: tuple[_Rule, ...] = (
    _rule("tjenest-", NB, 3, r"tjenest"),
    _rule("tenest-", NN, 3, r"(?<!j)tenest"),
    _rule("foretak", NB, 3, r"(?<!ø)foretak"),
    _rule("føretak", NN, 3, r"føretak"),
    _rule("mestring", NB, 3, r"(?<!i)mestring"),
    _rule("meistring", NN, 3, r"meistring"),
    _rule("tilbud", NB, 3, r"tilbud"),
    _rule("tilbod", NN, 3, r"tilbod"),
    _rule("pårørende", NB, 3, r"pårørende"),
    _rule("pårørande", NN, 3, r"pårørande"),
    _rule("brukar-", NN, 3, r"^brukar"),
    _rule("bruker-", NB, 3, r"^bruker(?:e|ne|en|medvirk|utvalg|repres|organ|råd|perspektiv)"),
    _rule("kommunane", NN, 3, r"^kommun(?:ane|ar)$"),
    _rule("kommunene", NB, 3, r"^kommun(?:ene|er)$"),
    _rule("partane", NN, 3, r"^(?:avtale)?part(?:ane|ar|nar|narane)$"),
    _rule("partene", NB, 3, r"^(?:avtale)?part(?:ene|er)$"),
    _rule("-ingar", NN, 3, r"..ing(?:ar|ane)$"),
    _rule("-inger", NB, 2, r"..ing(?:er|ene)$"),
    _rule("-heit", NN, 3, r"...heit(?:a|en|er|ar|ane)?$"),
    _rule("-het", NB, 3, r"...het(?:en|er|ene)?$"),
    _rule("-leg", NN, 2, r"...leg(?:e|t|are|ast)?$"),
    _rule("-lig", NB, 2, r"...lig(?:e|t|ere|st|ste)?$"),
    _rule("-ande", NN, 2, r"...ande$"),
    _rule("-ende", NB, 1, r"....ende$"),
    _rule("-else", NB, 1, r"...else(?:n|r|ne)?$"),
    _rule("-ane", NN, 1, r"....ane$"),
)


# --- two-word rules -------------------------------------------------------------------------------

MODALS = frozenset({"skal", "kan", "må", "bør", "vil", "skulle", "kunne", "måtte", "burde", "ville"})


def bigram_marker(previous: str, token: str) -> tuple[str, str, float] | None:
    """A marker from a pair of lower-cased tokens: (rule name, language, weight) or None."""
    if previous == "å" and len(token) >= 4 and token.endswith("a") and not token.endswith("ia"):
        return ("å + a-infinitiv", NN, 2)
    if previous in MODALS and len(token) >= 6:
        if token.endswith("ast"):
            return ("modal + -ast", NN, 2)
        if token.endswith("es") and not token.endswith("ses"):
            return ("modal + -es", NB, 2)
    return None


@lru_cache(maxsize=65536)
def token_marker(token: str) -> tuple[str, str, float] | None:
    """A marker for one lower-cased token: (rule name, language, weight) or None (memoised: the
    same words recur in every document)."""
    hit = WORD_MARKERS.get(token)
    if hit is not None:
        return (token, hit[0], hit[1])
    if len(token) < 5:
        return None
    for rule in STEM_RULES:
        if rule.pattern.search(token):
            return (rule.name, rule.lang, rule.weight)
    return None
