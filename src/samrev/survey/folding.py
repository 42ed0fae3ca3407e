"""Fold nynorsk word forms onto bokmål ones, so that one model serves both written standards.

The survey classifier (:mod:`samrev.survey.model`) sees text through :func:`fold`: NFC, case
folded, the full forms of the text toolkit's hyphen-ellipsis compounds appended (``lærings- og
meistringstilbod`` adds ``læringstilbod``), every word mapped through :data:`WORDS` (frequent function
words and the field's vocabulary, nynorsk → bokmål) and then through the suffix rules of
:data:`_SUFFIXES` on what is left (``-ane`` → ``-ene``, ``-inga`` → ``-ingen`` …), so that
*kommunane/kommunene*, *tilbodet/tilbudet* and *brukarmedverknad/brukermedvirkning* give the same
features.  The folding is lossy on purpose and only used for features, never for what is shown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# nynorsk (and common variant) form -> bokmål form; stems of compounds are handled by _STEMS
WORDS: dict[str, str] = {
    # function words, pronouns, adverbs
    "ikkje": "ikke", "ikkje.": "ikke", "kva": "hva", "kven": "hvem", "kvar": "hver", "kvart": "hvert",
    "kvifor": "hvorfor", "korleis": "hvordan", "kor": "hvor", "kva slags": "hva slags", "eg": "jeg",
    "me": "vi", "oss": "oss", "dei": "de", "deira": "deres", "dykk": "dere", "ho": "hun", "han": "han",
    "eit": "et", "ein": "en", "ei": "en", "nokon": "noen", "noko": "noe", "nokre": "noen", "ingen": "ingen",
    "inga": "ingen", "berre": "bare", "òg": "også", "og": "og", "frå": "fra", "til": "til", "mellom": "mellom",
    "utan": "uten", "sidan": "siden", "då": "da", "no": "nå", "heller": "heller", "enno": "ennå",
    "aldri": "aldri", "alltid": "alltid", "ofte": "ofte", "sjeldan": "sjelden", "lite": "lite", "mykje": "mye",
    "meir": "mer", "mest": "mest", "fleire": "flere", "færre": "færre", "heile": "hele", "heilt": "helt",
    "ikring": "rundt", "kvarandre": "hverandre", "sine": "sine", "hjå": "hos", "saman": "sammen",
    "kanskje": "kanskje", "difor": "derfor", "derfor": "derfor", "fordi": "fordi", "viss": "hvis",
    "dersom": "dersom", "slik": "slik", "sjølv": "selv", "sjølve": "selve", "godt": "godt", "betre": "bedre",
    "best": "best", "dårleg": "dårlig", "dårlegare": "dårligere", "vanskeleg": "vanskelig",
    "tydeleg": "tydelig", "tydelege": "tydelige", "uklare": "uklare", "nyttig": "nyttig", "faste": "faste",
    "gamal": "gammel", "gammal": "gammel", "lenger": "lenger", "lengre": "lengre", "seint": "sent",
    "tidleg": "tidlig", "tidlegare": "tidligere", "årleg": "årlig", "årlege": "årlige", "jamleg": "jevnlig",
    "jamlege": "jevnlige", "jamt": "jevnt", "personleg": "personlig", "personlege": "personlige",
    "eigen": "egen", "eige": "eget", "eigne": "egne", "eiga": "egen", "einskild": "enkelt",
    "einskilde": "enkelte", "eigentleg": "egentlig", "samla": "samlet", "felles": "felles",
    "mange": "mange", "fåe": "få", "store": "store", "stor": "stor", "liten": "liten", "lita": "liten",
    "små": "små", "nye": "nye", "nytt": "nytt", "ny": "ny", "andre": "andre", "anna": "annet", "annan": "annen",
    "same": "samme",
    # verbs
    "er": "er", "vere": "være", "vore": "vært", "vert": "blir", "verte": "bli", "vart": "ble", "blei": "ble",
    "har": "har", "hadde": "hadde", "gjer": "gjør", "gjere": "gjøre", "gjort": "gjort", "seie": "si",
    "seier": "sier", "sa": "sa", "veit": "vet", "vite": "vite", "kjem": "kommer", "kome": "komme",
    "kom": "kom", "tek": "tar", "ta": "ta", "teke": "tatt", "får": "får", "fekk": "fikk", "gjev": "gir",
    "gje": "gi", "gjeve": "gitt", "ligg": "ligger", "søkje": "søke", "spørje": "spørre", "spør": "spør",
    "spurd": "spurt", "spurde": "spurte", "treng": "trenger", "trengst": "trengs", "ønskjer": "ønsker",
    "ynskjer": "ønsker", "ønskje": "ønske", "ynskje": "ønske", "bør": "bør", "burde": "burde", "må": "må",
    "skal": "skal", "vil": "vil", "kan": "kan", "kunne": "kunne", "skulle": "skulle", "ville": "ville",
    "fungerer": "fungerer", "møtest": "møtes", "møtast": "møtes", "samarbeider": "samarbeider",
    "samarbeide": "samarbeide", "halde": "holde", "held": "holder", "heldt": "holdt", "følgje": "følge",
    "følgjer": "følger", "fylgje": "følge", "følgd": "fulgt", "følgt": "fulgt", "byrje": "begynne",
    "byrjar": "begynner", "byrjinga": "begynnelsen", "starta": "startet", "sette": "satte", "setje": "sette",
    "leggje": "legge", "lagt": "lagt", "bruke": "bruke", "brukar": "bruker", "nytte": "bruke",
    "nytta": "brukt", "nytta.": "brukt", "skjønar": "skjønner", "forstår": "forstår", "kjenner": "kjenner",
    "kjenne": "kjenne", "høyrt": "hørt", "høyre": "høre", "høyrer": "hører", "lærer": "lærer",
    "lære": "lære", "rettleie": "veilede", "rettleier": "veileder", "rettleia": "veiledet",
    "ringjer": "ringer", "ringje": "ringe", "melde": "melde", "sende": "sende", "sender": "sender",
    "manglar": "mangler", "mangla": "manglet", "skjer": "skjer", "stoppar": "stopper", "stoppa": "stoppet",
    "forsvann": "forsvant", "fell": "faller", "falle": "falle", "slutta": "sluttet", "endra": "endret",
    "løyse": "løse", "prioritere": "prioritere", "prioriterer": "prioriterer", "kome i gang": "komme i gang",
    "gløymt": "glemt", "gløymde": "glemte", "planlagt": "planlagt", "planleggje": "planlegge",
    "drøfte": "drøfte", "drøftast": "drøftes", "evaluerast": "evalueres", "takast": "tas",
    "lagast": "lages", "tilpassast": "tilpasses", "tilpassa": "tilpasset", "skrivne": "skrevet",
    "skriven": "skrevet", "utskrivne": "utskrevet", "flytta": "flyttet", "oppdatert": "oppdatert",
    # nouns and adjectives of the field
    "sjukehus": "sykehus", "sjukehuset": "sykehuset", "sjukehusa": "sykehusene", "sjukepleiar": "sykepleier",
    "sjukepleiarar": "sykepleiere", "sjukepleiarane": "sykepleierne", "sjukeheim": "sykehjem",
    "sjukdom": "sykdom", "helseføretak": "helseforetak", "helseføretaket": "helseforetaket",
    "tilbod": "tilbud", "tilbodet": "tilbudet", "tilboda": "tilbudene", "teneste": "tjeneste",
    "tenesta": "tjenesten", "tenester": "tjenester", "tenestene": "tjenestene", "meistring": "mestring",
    "brukarar": "brukere", "brukarane": "brukerne", "brukaren": "brukeren", "medverknad": "medvirkning",
    "pårørande": "pårørende", "tilsette": "ansatte", "tilsett": "ansatt", "leiar": "leder", "leiarar": "ledere",
    "leiarane": "lederne", "leiaren": "lederen", "leiing": "ledelse", "leiinga": "ledelsen",
    "verksemd": "virksomhet", "verksemda": "virksomheten", "avgjerd": "avgjørelse", "avgjerder": "avgjørelser",
    "ansvar": "ansvar", "ressursar": "ressurser", "stillingar": "stillinger", "stillinga": "stillingen",
    "pengar": "penger", "midlar": "midler", "tilskot": "tilskudd", "tid": "tid", "møte": "møte",
    "møta": "møtene", "møtestad": "møtested", "stad": "sted", "stader": "steder", "omgrep": "begrep",
    "omgrepa": "begrepene", "ord": "ord", "orda": "ordene", "rettleiing": "veiledning",
    "rettleiinga": "veiledningen", "kunnskap": "kunnskap", "kompetanse": "kompetanse", "opplæring": "opplæring",
    "opplæringa": "opplæringen", "utskriving": "utskrivning", "utskrivinga": "utskrivningen",
    "overgang": "overgang", "overgangen": "overgangen", "overføringa": "overføringen", "heim": "hjem",
    "heime": "hjemme", "heimetenesta": "hjemmetjenesten", "heimetenester": "hjemmetjenester",
    "heimesjukepleia": "hjemmesykepleien", "heimesjukepleie": "hjemmesykepleie", "melding": "melding",
    "meldingar": "meldinger", "meldingane": "meldingene", "meldinga": "meldingen", "avtalar": "avtaler",
    "avtalane": "avtalene", "delavtalar": "delavtaler", "delavtalane": "delavtalene", "partar": "parter",
    "partane": "partene", "kommunar": "kommuner", "kommunane": "kommunene", "pasientar": "pasienter",
    "pasientane": "pasientene", "legar": "leger", "legane": "legene", "fastlegar": "fastleger",
    "fastlegane": "fastlegene", "kurshaldarar": "kursholdere", "kurshaldar": "kursholder",
    "likepersonar": "likepersoner", "språk": "språk", "tolk": "tolk", "samisk": "samisk", "kultur": "kultur",
    "innvandrarar": "innvandrere", "arbeidsinnvandrarar": "arbeidsinnvandrere", "fagfolk": "fagfolk",
    "fagfolka": "fagfolkene", "folka": "folkene", "arena": "arena", "forum": "forum", "nettverk": "nettverk",
    "nettverket": "nettverket", "kartlegging": "kartlegging", "handlingsplan": "handlingsplan",
    "tiltak": "tiltak", "tiltaka": "tiltakene", "mål": "mål", "kvardag": "hverdag", "veke": "uke",
    "veker": "uker", "år": "år", "åra": "årene", "gong": "gang", "gonger": "ganger", "gongen": "gangen",
    "halvår": "halvår", "haust": "høst", "vår": "vår", "sommar": "sommer", "vinter": "vinter",
    "fagsystem": "fagsystem", "journal": "journal", "nettsida": "nettsiden", "nettside": "nettside",
    "heimeside": "hjemmeside", "heimesida": "hjemmesiden", "oversikt": "oversikt", "oversikta": "oversikten",
    "brosjyre": "brosjyre", "informasjon": "informasjon", "kontakt": "kontakt", "kjennskap": "kjennskap",
    "tillit": "tillit", "mistillit": "mistillit", "openheit": "åpenhet", "open": "åpen", "ope": "åpent",
    "samarbeid": "samarbeid", "samarbeidet": "samarbeidet", "samhandling": "samhandling",
    "likeverd": "likeverd", "likeverdig": "likeverdig", "likeverdige": "likeverdige",
    "prioritering": "prioritering", "prioritert": "prioritert", "forankring": "forankring",
    "forankra": "forankret", "pandemien": "pandemien", "korona": "korona", "smitte": "smitte",
    "kapasitet": "kapasitet", "belastning": "belastning", "sjukefråvær": "sykefravær", "fråvær": "fravær",
    "skilnad": "forskjell", "skilnaden": "forskjellen", "ulik": "ulik", "ulike": "ulike", "ulikt": "ulikt",
    "røynsle": "erfaring", "røynsler": "erfaringer", "erfaringar": "erfaringer", "erfaringane": "erfaringene",
    "innspel": "innspill", "løysing": "løsning", "løysingar": "løsninger", "døme": "eksempel",
    "spørsmål": "spørsmål", "spørsmåla": "spørsmålene", "undersøking": "undersøkelse",
    "undersøkinga": "undersøkelsen", "svar": "svar", "plass": "plass", "framover": "fremover",
    "fram": "frem", "heller ikkje": "heller ikke",
}

# word-internal stems (compounds): nynorsk stem -> bokmål stem, longest first, every occurrence
_STEMS: tuple[tuple[str, str], ...] = tuple(sorted({
    "sjukehus": "sykehus", "sjukepleiar": "sykepleier", "sjukepleie": "sykepleie", "sjuk": "syk",
    "helseføretak": "helseforetak", "føretak": "foretak", "tilbod": "tilbud", "teneste": "tjeneste",
    "tenest": "tjenest", "meistring": "mestring", "meistrings": "mestrings", "brukar": "bruker",
    "medverknad": "medvirkning", "leiar": "leder", "leiing": "ledelse", "verksemd": "virksomhet",
    "rettleiing": "veiledning", "rettleie": "veilede", "heime": "hjemme", "heim": "hjem",
    "utskriving": "utskrivning", "omgrep": "begrep", "kurshaldar": "kursholder", "pårørande": "pårørende",
    "røynsl": "erfaring", "løysing": "løsning", "innvandrar": "innvandrer", "samhandlings": "samhandlings",
    "undersøking": "undersøkelse", "fråvær": "fravær", "tilsett": "ansatt", "opplæring": "opplæring",
}.items(), key=lambda pair: -len(pair[0])))

# suffix rules for words not in WORDS (nynorsk ending -> bokmål ending), longest first
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ingane", "ingene"), ("ingar", "inger"), ("inga", "ingen"), ("arane", "erne"), ("arar", "ere"),
    ("aren", "eren"), ("ane", "ene"), ("ar", "er"), ("leg", "lig"), ("lege", "lige"), ("leik", "lighet"),
    ("heit", "het"), ("heita", "heten"), ("ast", "es"),
)
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]", re.UNICODE)
_KEEP_SHORT = 4  # words this short get no suffix rule (``var``, ``har``, ``bar`` …)


@lru_cache(maxsize=20000)
def fold_word(word: str) -> str:
    """One case-folded word in its bokmål form (or as it was)."""
    if word in WORDS:
        return WORDS[word]
    stemmed = word
    for nn, nb in _STEMS:
        if nn in stemmed:
            stemmed = stemmed.replace(nn, nb)
    if stemmed != word:
        return stemmed
    if len(word) > _KEEP_SHORT:
        for nn, nb in _SUFFIXES:
            if word.endswith(nn) and len(word) - len(nn) >= 3:
                return word[: -len(nn)] + nb
    return word


def fold(text: str) -> str:
    """The text as the classifier sees it (see the module doc)."""
    from samrev.text import expand_ellipsis_compounds

    text = unicodedata.normalize("NFC", text)
    words = _TOKEN.findall(text.casefold())
    expanded = [form.casefold() for form in expand_ellipsis_compounds(text)]
    return " ".join(fold_word(w) for w in [*words, *expanded])
