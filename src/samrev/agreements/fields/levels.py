"""lms_level and user_participation_level: how concretely the text covers learning-and-coping
work, and user participation (spec: levels 0–3).

The document is read passage by passage.  Rules find the passages that touch the topic (a
*signal*: a term in either written standard) and grade each one:

* 1 — mentioned only: the signal stands in a title, a list of delavtaler, a legal-basis
  sentence, a contact list, as a venue, or "regulated in another agreement"; or no task is
  attached to it;
* 2 — a task or responsibility is put on a party in general terms;
* 3 — concrete: named offers or target groups and who does what and how (routines, named
  contact points, frequency, evaluation); for user participation: named bodies, how users are
  appointed, and their role in developing or evaluating offers.

A trained passage model (:mod:`samrev.agreements.passage_model`) scores the same passages; the
rules bound it (a passage without a signal is 0, a mention-only context is at most 1) and the
document's level is the highest level a passage supports.  The passages that decided are the
evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from samrev.agreements.context import AgreementText
from samrev.core.model import Judgement, Passage, Provenance, Span
from samrev.text.prefilter import prefilter

RULE_VERSION = "10"
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Topic:
    field: str
    signal: re.Pattern[str]
    mention_only: re.Pattern[str]  # contexts that keep a passage at level 1
    task: re.Pattern[str]  # general task or mechanism (level 2)
    concrete: tuple[re.Pattern[str], ...]  # level 3 needs two different concrete kinds


_PARTY_DUTY = (
    r"(?:skal|må|bør|kan|har\s+ansvar\w*|har\s+hovudansvar\w*|har\s+hovedansvar\w*|er\s+ansvarleg|er\s+ansvarlig"
    r"|forplikt\w*|sørg(?:er|jer)\s+for|syt(?:er)?\s+for|tilbyr|tilbyd|gir|gjev|arrangerer|driv(?:er)?|ivaretar"
    r"|tek\s+vare\s+på|bidrar|bidreg|stiller|legg(?:er|jer)\s+til\s+rette)"
)
LMS = Topic(
    field="lms_level",
    signal=re.compile(
        r"\blærings-\s*(?:og|,)\s*m(?:e|ei)string\w*|\blæring\s+og\s+m(?:e|ei)string\w*|\bLMS\b|\bLMT\b"
        r"|\bm(?:e|ei)stringstilb\w*|\bm(?:e|ei)stringssent\w*|\bm(?:e|ei)stringskurs\w*|\bfrisklivs\w*"
        r"|\bpasient-\s+og\s+pårør\w*|\bpasientopplæring\w*|\bpårør(?:ende|ande)opplæring\w*"
        r"|\bopplæring\s+av\s+(?:pasient\w*|pårør\w*|brukar\w*|bruker\w*)|\bgruppeopplæring\w*|\bpasientkurs\w*"
        r"|\bpasientskule\w*|\bpasientskole\w*|\bhelsepedagog\w*|\blikeperson\w*"
        r"|\b(?:diabetes|hjerte|hjarte|kols|astma|rygg|revma|lunge|slag|kreft|nyre|epilepsi|pårørende"
        r"|pårørande|foreldre|overvekt|smerte|parkinson|demens|psykose)\w*(?:skole|skule|kurs)\w*"
        r"|\bkurs\s+(?:for|til)\s+(?:personar|personer|pasientar|pasienter|pårør\w*|foreldre|ungdom\w*|familie\w*)"
        r"(?:\s+\w+){0,3}\s+(?:med|som)\b|\bKiD\b|\bKIB\b"
        r"|\bm(?:e|ei)string\s+av\s+(?:depresjon|angst|sjukdom|sykdom|kols)",
        _I,
    ),
    mention_only=re.compile(
        r"\b(?:regulert|omtalt|omtala|beskrive[nt]|handsama|behandlet|nærmare\s+omtalt|nærmere\s+beskrevet)\s+i\s+"
        r"(?:egen\s+|eiga\s+|eigen\s+)?(?:del|tjeneste|teneste|sær)?avtal\w*"
        r"|\bjf\.|§\s*6-2|\blokal(?:ene|a|ar)?\s+(?:til|hos|hjå|ved)\b|\bi\s+lokal\w+\s+(?:til|hos|hjå|ved)\b"
        r"|\bmøtet?\s+(?:holdes|haldast|blir\s+halde|finner\s+sted|finn\s+stad|er)\s+(?:i|på|hos|hjå)\b"
        r"|\btlf\.?|\btelefon\b|\be-?post\b|@|\bvedlegg\s+\d|\bdelavtale\s+\d+\s*[:–-]",
        _I,
    ),
    task=re.compile(
        rf"\b(?:kommun\w*|helseforetak\w*|helseføretak\w*|sykehus\w*|sjukehus\w*|part\w*|HF|LMS|senteret"
        rf"|frisklivssentral\w*|klinikk\w*|avdeling\w*|spesialisthelsetjenest\w*|spesialisthelsetenest\w*)\b"
        rf"[^.]{{0,80}}\b{_PARTY_DUTY}\b|\b{_PARTY_DUTY}\b[^.]{{0,60}}\b(?:kommun\w*|helseforetak\w*|helseføretak\w*"
        rf"|part\w*)\b|\bansvar(?:et)?\s+for\b|\boppgåv\w*|\boppgav\w*",
        _I,
    ),
    concrete=(
        # named offers / target groups
        re.compile(
            r"\b(?:diabetes|hjerte|hjarte|kols|astma|rygg|revma|lunge|slag|kreft|nyre|epilepsi|pårørende|pårørande"
            r"|foreldre|overvekt|smerte|parkinson|demens|psykose|angst|depresjon|søvn|ernæring)\w*"
            r"|\bkurs\s+(?:for|til|i)\s+\w+|\bpårør\w*skole\w*|\bpårør\w*skule\w*|\bmålgrupp\w*|\bKiD\b|\bKIB\b"
            r"|\bsykelig\s+overvekt|\bsjukleg\s+overvekt|\bdiagnose\w*",
            _I,
        ),
        # routines, contact points, frequency, evaluation, timelines
        re.compile(
            r"\bhenvis\w*|\btilvis\w*|\bkontaktperson\w*|\bkoordinator\w*|\bfast\s+kontakt\w*|\bnavngitt\w*"
            r"|\bnamngjeve\w*|\bnamngitt\w*|\b(?:\w+|\d+)\s+g[ao]ng(?:er)?\s+(?:i|per|pr\.?)\s+(?:året|år|halvåret|semesteret)"
            r"|\bårlig\w*|\bårleg\w*|\bhalvårl(?:ig|eg)\w*|\bkvartalsvis|\bevaluer\w*|\bpåmelding\w*|\bkursplan\w*"
            r"|\bkurskalender\w*|\bkursholder\w*|\bkurshaldar\w*|\brutine\w*|\bhvert\s+(?:år|halvår|semester)"
            r"|\bkvart\s+(?:år|halvår|semester)|\binnan\s+\d|\binnen\s+\d|\bsamlinger\b|\bsamlingar\b|\bvarighet\w*"
            r"|\bvarigheit\w*",
            _I,
        ),
    ),
)
_APPOINT = (r"\b(?:oppnevn\w*|oppnemn\w*|utpek\w*|utpeik\w*|velg(?:es|ast)\b|vel(?:jast|st)\b|foreslås\s+av"
            r"|føreslått\s+av|foreslått\s+av|valgt\s+av|vald\s+av|velger|vel\b)")
# who users are in a collaboration: their representatives, organisations and councils
_USER_ACTOR = (r"\w*bruk(?:er|ar)\w*|\w*pasientorganisasjon\w*|pasientrepresentant\w*|\w*FFO\b|\bSAFO\b"
               r"|\w*eldreråd\w*|\w*ungdomsråd\w*|\bråd\w*\s+for\s+\w+\s+med\s+\w+|likeperson\w*"
               r"|erfaringskonsulent\w*|pårør(?:ende|ande)\w*|funksjonshemmede\w*|funksjonsnedsett\w*")

UPL = Topic(
    field="user_participation_level",
    signal=re.compile(
        r"\bbrukermedvirk\w*|\bbrukarmedverk\w*|\bbrukerrepresentant\w*|\bbrukarrepresentant\w*|\bbrukerutval\w*"
        r"|\bbrukarutval\w*|\bbrukerorganisasjon\w*|\bbrukarorganisasjon\w*|\bbrukerråd\w*|\bbrukarråd\w*"
        r"|\bpasient-\s+og\s+bruk(?:er|ar)(?!\w*rett)\w*|\bbruker-\s+og\s+pasient(?!\w*rett)\w*"
        r"|\bbrukar-\s+og\s+pasient(?!\w*rett)\w*"
        r"|\bpasientorganisasjon\w*|\bFFO\b|\bSAFO\b|\bråd(?:et)?\s+for\s+(?:personer|personar|menneske|mennesker)"
        r"\s+med\s+(?:funksjonsnedsett\w*|nedsett\w*)|\beldreråd\w*|\bungdomsråd\w*|\berfaringskonsulent\w*"
        r"|\bbrukerperspektiv\w*|\bbrukarperspektiv\w*|\bbrukerstemme\w*|\bbrukarstemme\w*|\bmedvirkning\b|\bmedverknad\b"
        r"|\bbrukerinvolvering\w*|\bbrukarinvolvering\w*|\bbrukere\s+og\s+pårørende\s+(?:skal\s+)?involver\w*"
        r"|\bbrukarar\s+og\s+pårørande\s+(?:skal\s+)?involver\w*"
        r"|\bpasientmedvirk\w*|\bpasientmedverk\w*|\berfarne?\s+bruk(?:er|ar)\w*"
        # peers from the patient organisations, who bring users' experience into the offers
        r"|\blikeperson\w*"
        # participation of the patient in their own care, stated as a principle ("Pasienten og
        # pårørande skal få vere med på å planleggje utskrivinga", "skal bli hørt når tilbudet
        # evalueres", "Pasienten sitt syn skal leggjast vekt på")
        r"|\b(?:pasient\w*|bruk(?:er|ar)(?:en|ne|ane)?|pårør(?:ende|ande))\s+(?:og\s+(?:deira\s+|deres\s+)?"
        r"(?:pårør(?:ende|ande)|bruk(?:er|ar)\w*)\s+)?skal\s+(?:få\s+)?(?:(?:være|vere)\s+med\s+(?:på|i)\s+(?:å\s+)?"
        r"(?:planlegg\w*|planleggj\w*|utform\w*|evaluer\w*|bestem\w*|avgj[eø]r\w*|beslut\w*)"
        r"|(?:bli\s+)?(?:hørt|høyrd|høyrt|lyttet\s+til|lytta\s+til)|involver(?:es|ast)|medvirke|medverke)"
        r"|\b(?:pasient|bruk(?:er|ar))(?:en|ens)?\s+(?:sitt\s+|sine\s+|sin\s+)?(?:syn|meining|mening|ønske\w*"
        r"|e(?:i)?g(?:n)?e\s+mål)\s+skal\s+(?:legg(?:es|jast|ast)|vektlegg\w*|tilleggj?\w*)",
        _I,
    ),
    mention_only=re.compile(
        r"\b(?:orienter\w*|informer\w*|til\s+orientering|kopi\s+til)\b[^.]{0,60}\b(?:bruker|brukar)\w*"
        r"|\bjf\.|§\s*[34]-1|\bpasient-\s+og\s+brukerrettighetsloven|\bpasient-\s+og\s+brukarrettslova"
        # only considering whether to involve users ("bør vurdere om brukerorganisasjonene skal
        # inviteres") describes no mechanism
        r"|\bvurder\w*\s+(?:om|å|korleis|hvordan)\b[^.]{0,80}\b(?:bruk(?:er|ar)\w*|pasientorganisasjon\w*)",
        _I,
    ),
    # a mechanism: user actors (representatives, organisations, councils) doing something in
    # the collaboration, or being heard
    task=re.compile(
        r"\b(?:bruk(?:er|ar)represent\w*|bruk(?:er|ar)organisasjon\w*|bruk(?:er|ar)utval\w*|bruk(?:er|ar)råd\w*"
        r"|pasientorganisasjon\w*|erfaringskonsulent\w*|likeperson\w*|FFO|SAFO|eldreråd\w*|ungdomsråd\w*"
        r"|erfarne?\s+bruk(?:er|ar)\w*"
        r"|råd(?:et)?\s+for\s+\w+\s+med\s+\w+|representant\w*)\b[^.]{0,120}?\b(?:delta\w*|deltek|oppnevn\w*|oppnemn\w*"
        r"|utpek\w*|utpeik\w*|involver\w*|medverk\w*|medvirk\w*|sitt?er|sit|har\s+plass|er\s+representert|høres"
        r"|høyrast|uttal\w*|evaluer\w*|planlegg\w*|utvikl\w*|bidra\w*|bidreg|innspel\w*|innspill\w*|møter|møt(?:er|ast)"
        r"|med\s+i|inngår|inngår|velg\w*|vel(?:jast|st)|foreslå\w*|føreslå\w*)"
        r"|\b(?:delta\w*|deltek|oppnevn\w*|oppnemn\w*|sitt?er|sit|er\s+representert|har\s+plass|involver\w*"
        r"|ledes|leies|leiast|leidd|ledet|leia)\b[^.]{0,80}?"
        r"\b(?:bruk(?:er|ar)\w*|pasientorganisasjon\w*|erfaringskonsulent\w*|likeperson\w*)"
        r"|\b(?:høres|høyrast|uttale\s+seg|innspel\w*|innspill\w*|høring\w*|høyring\w*)\b",
        _I,
    ),
    concrete=(
        # appointment, of users: the appointing words and a user actor in one line and sentence
        # (not "• én representant for fastlegene, oppnevnt av praksiskonsulentordningen" in a list
        # whose next item is the user representatives)
        re.compile(
            rf"(?:{_USER_ACTOR})[^.\n]{{0,120}}?{_APPOINT}|{_APPOINT}[^.\n]{{0,120}}?(?:{_USER_ACTOR})",
            _I,
        ),
        # role in developing or evaluating offers
        re.compile(
            r"\butvikl\w*|\bevaluer\w*|\bplanlegg\w*|\butform\w*|\bkvalitetssikr\w*|\bgjennomføring\w*"
            r"|\bgjennomfør\w*|\bmedansvar\w*|\bmedarrang\w*|\bsidestilt\w*|\blikeverdig\w*",
            _I,
        ),
    ),
)
TOPICS = {"lms_level": LMS, "user_participation_level": UPL}

#: A sentence that refers the topic to another agreement ("Pasientkurs er regulert i
#: tjenesteavtale 2", "jf. delavtale 3", "sjå tenesteavtale 2 for tilvising"): whatever offers and
#: routines it names, it states no task of this agreement (spec: "with the words that it is
#: regulated in another agreement is level 1").  Such sentences are blanked before grading.
REFERENCE = re.compile(
    r"\b(?:regulert|regulerast|regulerte|omtalt|omtala|beskrive[nt]|skildra|handsama|behandla|behandlet|avtalt"
    r"|fastsatt|fastsett|nærmare\s+omtalt|nærmere\s+beskrevet|nærmere\s+regulert|nærmare\s+regulert)\s+"
    r"(?:i|gjennom|av)\s+(?:ein\s+|en\s+)?"
    r"(?:(?:egen|eiga|eigen|eigne|egne|anna|annan|annen|separat|eige)\s+\w*avtal\w*|\w*avtal\w*\s+(?:nr\.?\s*)?\d+)"
    r"|\b(?:jf\.?|jfr\.?|se|sjå|viser\s+til|følger\s+av|følgjer\s+av)\s+\w*avtal\w*\s+(?:nr\.?\s*)?\d+",
    _I,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+|$)|\n\s*\n")


def _blank_sentences(text: str, blank: Callable[[int, int], bool]) -> str:
    """``text`` with every sentence ``text[start:end]`` for which ``blank(start, end)`` holds
    replaced by spaces (line breaks and other white space kept, so offsets hold)."""
    out = list(text)
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end <= start:
            continue
        if blank(start, end):
            for i in range(start, end):
                if not text[i].isspace():
                    out[i] = " "
        start = end
    return "".join(out)


def without_references(text: str, low: str | None = None) -> str:
    """``text`` with every sentence that refers the matter to another agreement blanked out
    (replaced by spaces, so offsets hold).  ``low`` (optional) is ``folded(text)``, for the
    literal prefilter."""
    if not prefilter(REFERENCE).search(text, low):
        return text
    return _blank_sentences(text, lambda start, end: REFERENCE.search(text, start, end) is not None)


#: A sentence where a learning-and-coping centre is only where meetings are held («Møta blir haldne
#: … i møterom ved lærings- og meistringssenteret»): the centre as a venue is no learning-and-coping
#: work (level 1), unless the sentence speaks of courses or offers held there.
_LMS_VENUE = re.compile(
    r"\b(?:ved|i|på)\s+(?:[\w-]+\s+){0,2}?(?:lærings-\s*og\s*m(?:e|ei)string\w*|LMS\b|m(?:e|ei)stringssent\w*)", _I)
# (compounds too: "Samarbeidsmøtet kan haldast i lokala til lærings- og meistringssenteret")
_MEETING = re.compile(r"\b\w*(?:møte|møter|møtet|møta|møtene|møtane|møtes|møtast|møtest)\b|\bmøterom\w*"
                      r"|\bmøtestad|\bmøtested", _I)
_OFFER = re.compile(r"kurs|opplæring|tilbod|tilbud|skole|skule|gruppe|undervis", _I)


#: Courses for the parties' staff (helsepedagogikk for kommunalt ansatte, fagdagar for tilsette):
#: training of staff is no learning-and-coping work (spec), even when the centre gives it.
_STAFF = re.compile(r"\b(?:\w*ansatte|\w*tilsette|helsepersonell\w*|personell\w*|medarbeider\w*|medarbeidar\w*"
                    r"|fagfolk|sjukepleiarar|sykepleiere|fastleg(?:ar|er|ane|ene)|legar|leger)\b", _I)
_PATIENTS = re.compile(r"pasient|pårør|brukar|bruker|innbyggj|innbygg|deltakar|deltaker|foreld|føresett|barn", _I)


def without_venues(text: str) -> str:
    """``text`` with every sentence blanked (offsets kept) that names a learning-and-coping centre
    only as the place where meetings are held (:data:`_LMS_VENUE`), or only as a teacher of the
    parties' staff (:data:`_STAFF`, with no patient or next of kin in the sentence)."""
    meetings = bool(_MEETING.search(text) and _LMS_VENUE.search(text))
    staff = bool(_STAFF.search(text))
    if not meetings and not staff:
        return text

    def venue_only(start: int, end: int) -> bool:
        sentence = text[start:end]
        if meetings and _MEETING.search(sentence) and _LMS_VENUE.search(sentence) and not _OFFER.search(sentence):
            return True
        return bool(staff and _STAFF.search(sentence) and _OFFER.search(sentence) and not _PATIENTS.search(sentence)
                    and LMS.signal.search(sentence))

    return _blank_sentences(text, venue_only)


@dataclass(frozen=True, slots=True)
class PassageGrade:
    passage: Passage
    level: int
    rule: str
    signal: tuple[int, int]  # first signal span, in document offsets


def grade_passage(topic: Topic, passage: Passage, lms_context: bool = False,
                  low: str | None = None, doc: AgreementText | None = None) -> PassageGrade | None:
    """Rule grade of one passage (None when it has no signal).  ``low`` (optional) is
    ``samrev.text.prefilter.folded(passage.text)``, for the literal prefilters; ``doc`` (optional)
    the document the passage is a stretch of, whose literal index then finds the patterns."""
    text = passage.text
    # (the signal is looked for in every passage: through the document's literal index)
    signal = doc.search(topic.signal, passage) if doc is not None else prefilter(topic.signal).search(text, low)
    if not signal:
        return None
    span = (passage.start + signal.start(), passage.start + signal.end())
    level, rule, own = _text_grade(topic, text, low)
    if own is not None:  # graded (and scored by a model) on what the passage says itself
        passage = Passage(start=passage.start, end=passage.end, text=own, page=passage.page,
                          language=passage.language, index=passage.index)
    return PassageGrade(passage, level, rule, span)


_TEXT_GRADES: dict[int, tuple[Topic, dict[str, tuple[int, str, str | None]]]] = {}
_MAX_TEXT_GRADES = 16384


def _text_grade(topic: Topic, text: str, low: str | None) -> tuple[int, str, str | None]:
    """:func:`_read_grade`, remembered per topic and text: templated agreements repeat whole
    passages from one document to the next.  (Topics are looked up by identity: hashing one
    hashes its compiled patterns.)"""
    entry = _TEXT_GRADES.get(id(topic))
    if entry is None or entry[0] is not topic:
        entry = _TEXT_GRADES[id(topic)] = (topic, {})
    grades = entry[1]
    found = grades.get(text)
    if found is None:
        if len(grades) >= _MAX_TEXT_GRADES:
            grades.clear()
        found = grades[text] = _read_grade(topic, text, low)
    return found


def _read_grade(topic: Topic, text: str, low: str | None) -> tuple[int, str, str | None]:
    """(level, rule, the text with references blanked when the grade reads that) of a passage
    text that holds the topic's signal."""

    def search(pattern: re.Pattern[str]) -> re.Match[str] | None:
        return prefilter(pattern).search(text, low)

    own = without_references(text, low)
    if topic.field == "lms_level":
        own = without_venues(own)
    graded: str | None = None
    if own is not text:
        if not topic.signal.search(own):
            return 1, "mention_context", None
        # grade (and let a model score) only what the passage says itself
        text, low, graded = own, None, own
    task = search(topic.task) is not None
    if not task and search(topic.mention_only):
        return 1, "mention_context", graded
    if not task:
        return 1, "mention", graded
    concrete = sum(1 for pattern in topic.concrete if search(pattern))
    if concrete == len(topic.concrete):
        return 3, "concrete", graded
    return 2, "task", graded


def grade_passages(doc: AgreementText, topic: Topic) -> list[PassageGrade]:
    grades = []
    for passage in doc.passages:
        if passage.end <= doc.title_end:
            signal = doc.search(topic.signal, passage)
            if signal:
                grades.append(PassageGrade(passage, 1, "title",
                                           (passage.start + signal.start(), passage.start + signal.end())))
            continue
        grade = grade_passage(topic, passage, low=doc.folded_slice(passage.start, passage.end), doc=doc)
        if grade:
            grades.append(grade)
    return grades


MAX_SECTION = 3000
MAX_SCORED = 8


def section_grades(doc: AgreementText, topic: Topic, passage_levels: list[tuple[PassageGrade, int]]) -> list[
        tuple[int, list[PassageGrade]]]:
    """Level 3 read over a whole numbered section: a section whose text holds the signal, a task
    and every kind of concrete detail (who is appointed, and the role; or the offer and the
    routine) reaches 3 when one of its passages already reaches 2 — real agreements spread
    "how users are appointed" and "what they do" over neighbouring paragraphs."""
    out = []
    for section in doc.sections:
        if section.end - section.start > MAX_SECTION or section.end <= doc.title_end:
            continue
        inside = [(g, level) for g, level in passage_levels
                  if section.start <= g.passage.start < section.end and g.rule not in ("title", "mention_context")]
        if not inside or max(level for _, level in inside) < 2:
            continue
        as_passage = Passage(start=section.start, end=section.end, text=section.text)
        grade = grade_passage(topic, as_passage, low=doc.folded_slice(section.start, section.end), doc=doc)
        if grade is not None and grade.level == 3:
            out.append((3, [g for g, _ in inside]))
    return out


def judge(doc: AgreementText, field: str, scorer: object | None = None) -> Judgement:
    """The document level for ``field`` with the deciding passages as evidence.

    ``scorer`` (optional) is a trained passage model with ``levels(texts) -> list[(level, p)]``;
    when given, a passage's level is the model's, bounded by the rules: no signal → 0; a
    mention-only context → at most 1; never more than one level above or below the rule grade
    (a model trained on one corpus's wording must not overrule a clear rule reading of new
    wording by two levels).
    """
    topic = TOPICS[field]
    grades = grade_passages(doc, topic)
    if not grades:
        return Judgement(field, 0, Provenance.rule(f"{field}.no_signal", RULE_VERSION), confidence=0.8,
                         note="temaet er ikke nevnt")
    levels = [g.level for g in grades]
    probabilities: list[float | None] = [None] * len(grades)
    provenance = Provenance.rule(f"{field}.passages", RULE_VERSION)
    if scorer is not None:
        # The model can move a passage at most one level above its rule grade, so only passages
        # within one level of the best rule grade can decide the document (at most MAX_SCORED).
        top = max(levels)
        candidates = [i for i, g in enumerate(grades)
                      if g.level >= top - 1 and g.rule not in ("mention_context", "title")][:MAX_SCORED]
        scored = scorer.levels([grades[i].passage.text for i in candidates])  # type: ignore[attr-defined]
        for index, (model_level, p) in zip(candidates, scored, strict=True):
            grade = grades[index]
            cap = 1 if grade.rule in ("mention_context", "title") else min(3, grade.level + 1)
            floor = max(1, grade.level - 1)
            levels[index] = max(floor, min(cap, model_level))
            probabilities[index] = p
        provenance = Provenance.model(scorer.name, scorer.version)  # type: ignore[attr-defined]
    best = max(levels)
    deciding = [(g, p) for g, level, p in zip(grades, levels, probabilities, strict=True) if level == best]
    if best < 3:
        sections = section_grades(doc, topic, list(zip(grades, levels, strict=True)))
        if sections:
            best = 3
            deciding = [(g, None) for g in sections[0][1]]
            provenance = Provenance.rule(f"{field}.section", RULE_VERSION)
    evidence: list[Span] = [doc.seg_span(g.passage) for g, _ in deciding[:3]]
    confidence = max((p for _, p in deciding if p is not None), default=0.7)  # type: ignore[type-var]
    note = (f"{len(grades)} avsnitt om temaet; høyeste nivå {best} i {len(deciding)} avsnitt "
            f"(regel: {deciding[0][0].rule})")
    return Judgement(field, best, provenance, evidence=tuple(evidence), confidence=round(float(confidence), 3),
                     note=note)
