"""statutory_points: the points of helse- og omsorgstjenesteloven § 6-2 first paragraph that the
text gives content to (tasks, routines, responsibilities).

Each point has a topic lexicon in both written standards (domain.md § 1.2).  A point counts when
at least ``MIN_SENTENCES`` *content sentences* name its topic: sentences that state an obligation
or a task (classified by :func:`samrev.text.classify_obligation`, or holding a task word such as
ansvar, rutine, sørge for, varsle, tilby).  Titles, tables of contents, lists of delavtaler and
legal-basis sentences (citing § 6-2 or the law) give no content.  Learning-and-coping content at
``lms_level`` ≥ 2 counts as point 2 (spec).  In an overordnet agreement a numbered section whose
heading names a point's topic and whose body gives content counts for that point.  The point a
document is about (its own number, the agreement it says it elaborates, its title's topic)
also counts on a sentence that agrees on it in soft words only (bør, legge til rette for,
kan tilby …): soft wording lowers the commitment, not the content.
"""

from __future__ import annotations

import bisect
import re

from samrev.agreements.context import AgreementText, Segment
from samrev.core.model import Judgement, Provenance, Span
from samrev.text.prefilter import prefilter

RULE_VERSION = "9"
#: A point the document's own number names needs one content sentence; any other point needs
#: ``MIN_SENTENCES`` and at least ``MIN_SHARE`` of the best-covered point's sentences (so that a
#: passing mention of discharge in an LMS agreement does not count as point 5).
MIN_SENTENCES = 3
MIN_SENTENCES_OVERORDNET = 2
MIN_SHARE = 0.3
_OWN_NUMBER = re.compile(
    r"\b(?:del|tjeneste|teneste|sær|under)avtale\s*(?:nr\.?\s*)?(\d{1,2})\b|\bTA\s?(\d{1,2})\b", re.IGNORECASE)

#: A routine or guideline that says which numbered agreement it elaborates («Rutinen utfyller
#: delavtale 5», «utdjupar tenesteavtale 5») takes that number as its own, as a title would give it.
_ELABORATES = re.compile(
    r"\b(?:utfyll\w*|utdyp\w*|utdjup\w*|konkretiser\w*|presiser\w*|følger\s+opp|fylgjer\s+opp|følgjer\s+opp|iverkset\w*)"
    r"\s+(?:[^.\n]{0,40}?\s)?(?:del|tjeneste|teneste|sær|under)avtale\s*(?:nr\.?\s*)?(\d{1,2})\b", re.IGNORECASE)
_ELABORATES_WITHIN = 2000
#: A title that names what the document is about («Revidert delavtale om utskrivningsklare
#: pasienter», «Samhandlingsrutine for utskrivingsklare»): the point of that topic is its own.
_TITLED_TOPIC = re.compile(
    r"(?:avtale|rutine|retningslinje|retningsline|prosedyre)\w*\s+(?:om|for|ved)\s+", re.IGNORECASE)
_TITLE_TOPIC_WITHIN = 80

TOPICS: dict[int, str] = {
    1: r"oppg[aå]ve(?:-|for|fordeling|deling)\w*|ansvarsfordeling\w*|ansvars-\s+og\s+oppg\w+|forvaltningsniv[aå]\w*"
       r"|gr[aå]soner?\w*|helse-\s+og\s+omsorgsoppg[aå]v\w*|hvilke\s+oppgaver|kva\s+oppg[aå]ver|partenes\s+ansvar"
       r"|partane\s+sitt\s+ansvar",
    2: r"habilitering\w*|rehabilitering\w*|individuell\w*\s+plan\w*|koordinerende\s+enhet\w*|koordinerande\s+eining\w*"
       r"|lærings-\s+og\s+m(?:e|ei)string\w*|m(?:e|ei)stringstilb\w*|pasient-\s+og\s+pårør\w*opplæring\w*"
       r"|pasientopplæring\w*|pårør(?:ende|ande)opplæring\w*",
    # admission to hospital: not a referral to a course (that is learning-and-coping work)
    3: r"innleggels\w*|innlegging\w*|innlegge\w*|innleggjing\w*|(?:henvis\w*|tilvis\w*)(?=[^.]{0,60}"
       r"(?:sykehus|sjukehus|spesialisthelsetjenest|spesialisthelsetenest|poliklinik|innlegg|øyeblikkelig|øyeblikkeleg"
       r"|akutt|legevakt|fastleg))",
    4: r"døgnopphold\w*|døgnopphald\w*|døgntilbod\w*|døgntilbud\w*|\bKAD\b|\bØHD\b"
       r"|øyeblikkel(?:ig|eg)\s+hjelp\s+døgn\w*"
       r"|akutt\s+døgnenhet\w*|akutt\s+døgneining\w*|ø\.?\s?hj\.?\s+døgn\w*|\bØH-døgn\w*"
       # beds for emergency admission in the municipality ("to senger for øyeblikkeleg hjelp")
       r"|(?:senger|seng|sengeplass\w*|plasser|plassar)\s+(?:til|for)\s+øyeblikkel(?:ig|eg)\s+hjelp",
    # patients ready for discharge (plain discharge belongs to point 2)
    5: r"utskrivningsklar\w*|utskrivingsklar\w*|meldt\s+utskriv\w*|PLO-?meld\w*|pleie-\s+og\s+omsorgsmeld\w*"
       r"|betalingsplikt\w*|kommunal\w*\s+betaling\w*|betaling\s+for\s+utskriv\w*",
    6: r"kunnskapsoverføring\w*|informasjonsutveksling\w*|hospiter\w*|faglig\w*\s+nettverk\w*|fagleg\w*\s+nettverk\w*"
       r"|kompetanseutveksling\w*|gjensidig\w*\s+kompetanse\w*|veiledningsplikt\w*|rettleiingsplikt\w*"
       r"|kompetanseoverføring\w*",
    7: r"forskning\w*|forsking\w*|praksisplass\w*|praksisstud\w*|læretid\w*|lærling\w*|studenter\w*|studentar\w*"
       r"|utdanning\w*|utdanningsinstitusjon\w*",
    8: r"jordmor\w*|jordmødre\w*|svangerskap\w*|fødsel\w*|fødsle\w*|barsel\w*|følgetjenest\w*|følgeteneste\w*"
       r"|gravid\w*",
    9: r"\bIKT\w*|e-?meld\w*|elektronisk\w*\s+(?:meld\w*|samhandling\w*|kommunikasjon\w*)|meldingsutveksling\w*"
       r"|helsenett\w*|kjernejournal\w*|journalsystem\w*|videokonferans\w*|videomøt\w*",
    10: r"forebygg\w*|førebygg\w*|folkehels\w*|helsefremm\w*|helsefremj\w*|levevan\w*",
    11: r"beredskap\w*|akuttmedisinsk\w*\s+kjed\w*|smittevern\w*|krisehånd\w*|krisehand\w*|katastrof\w*"
        r"|pandemi\w*|\bCBRNE\b",
    12: r"felles\s+planlegging\w*|planlegge\s+og\s+utvikle|planleggje\s+og\s+utvikle|tjenesteutvikling\w*"
        r"|tenesteutvikling\w*|utvikle\s+tjenest\w*|utvikle\s+tenest\w*|helsefellesskap\w*|handlingsplan\w*"
        r"|felles\s+virkelighetsforståelse|felles\s+røyndomsforståing|utviklingsarbeid\w*|felles\s+(?:mål|prioriter\w*)",
    13: r"barn\s+og\s+unge|barnekoordinator\w*|barneverntjenest\w*|barnevernteneste\w*|\bBUP\b|barnehabilitering\w*"
        r"|ungdom\w*\s+med\s+samansette|ungdom\w*\s+med\s+sammensatte",
}
_TOPIC_RE = {point: re.compile(rf"\b(?:{pattern})", re.IGNORECASE) for point, pattern in TOPICS.items()}
TASK_WORD = re.compile(
    r"\b(?:ansvar\w*|rutine\w*|sørge\w*|sørgje\w*|syte\s+for|varsl\w*|meld(?:e|er|ar|ast|es)\b|avklar\w*|utarbeid\w*"
    r"|gjennomfør\w*|etabler\w*|tilby\w*|tilbyr|bidra\w*|samarbeid(?:e|er|ar)\b|skal|må|plikt\w*|forplikt\w*"
    r"|oppnemn\w*|oppnevn\w*|koordiner\w*|(?:følg(?:e|er|je|jer)|fylgj(?:e|er))\s+opp|sikr(?:e|er|ar)\b)",
    re.IGNORECASE,
)
NO_CONTENT = re.compile(
    r"§\s*6-2|\bdelavtale\s+(?:nr\.?\s*)?\d+\s*[:–-]|\btjenesteavtale\s+(?:nr\.?\s*)?\d+\s*[:–-]"
    r"|\btenesteavtale\s+(?:nr\.?\s*)?\d+\s*[:–-]|\.{4,}|\bjf\.\s+(?:lov|helse-)|innholdsfortegnelse|innhaldsliste"
    r"|\bvedlegg\s+\d",
    re.IGNORECASE,
)


#: Soft obligations and offers: content when the document is about the point (its own number or
#: title), where "Partene bør legge til rette for faglige nettverk" is what a delavtale 6 agrees.
SOFT_TASK_WORD = re.compile(
    r"\b(?:bør|kan\s+(?:tilby|gi|gje|arrangere|delta|hospitere|be\s+om)|legg(?:e|je|er|jer)\s+til\s+rette"
    r"|tilstreb\w*|søk(?:e|je)\s+å|arranger\w*|dekk(?:er|jer)|organiser\w*|gjer\s+kjent|gjøre\s+kjent)\b",
    re.IGNORECASE,
)


def _is_content(sentence: Segment, doc: AgreementText | None = None,
                words: re.Pattern[str] = TASK_WORD) -> bool:
    """A sentence that gives content: a full sentence (not a heading or a list fragment) with one
    of ``words`` and no sign of a table of contents or a legal basis.  ``doc``, when given, is the
    document the sentence is a stretch of: its literal index then finds the patterns.  With
    ``words=SOFT_TASK_WORD``: a sentence that agrees on something in soft words."""
    if len(sentence.text) < 25 or ("\n" in sentence.text.strip() and len(sentence.text) < 80):
        return False  # headings and list fragments
    if doc is None:
        return not NO_CONTENT.search(sentence.text) and bool(words.search(sentence.text))
    return not doc.search(NO_CONTENT, sentence) and bool(doc.search(words, sentence))


def _headed_points(doc: AgreementText) -> dict[int, Span]:
    """Points that have a numbered section of their own: the heading names the topic ("9.
    Kunnskapsoverføring og hospitering", "5. Felles planlegging") and the section's body holds a
    content sentence.  An umbrella agreement often gives a point one short section whose
    sentences do not repeat the topic word.  A run of headings with empty bodies (a table of
    contents, a numbered list of delavtaler) gives no point, not even its last item."""
    out: dict[int, Span] = {}
    starts = [sentence.start for sentence in doc.sentences]
    previous_empty = False
    for section in doc.sections:
        if section.end <= doc.title_end:
            continue
        heading_end = doc.text.find("\n", section.start, section.end)
        heading_end = section.end if heading_end < 0 else heading_end
        heading = doc.text[section.start:heading_end]
        first = bisect.bisect_left(starts, heading_end)
        last = bisect.bisect_left(starts, section.end)
        body = doc.sentences[first:last]
        empty = not any(len(s.text.strip()) >= 25 for s in body)
        after_list = previous_empty
        previous_empty = empty
        if empty or after_list:
            continue
        if not any(_is_content(s, doc) for s in body):
            continue
        for point, pattern in _TOPIC_RE.items():
            match = pattern.search(heading)
            if match and point not in out:
                out[point] = doc.span(section.start + match.start(), section.start + match.end())
    return out


def _elaborated(doc: AgreementText) -> set[int]:
    """Numbers of the agreements the opening of the text says it elaborates."""
    head = doc.text[:_ELABORATES_WITHIN]
    return {int(m.group(1)) for m in _ELABORATES.finditer(head) if 1 <= int(m.group(1)) <= 13}


def _titled(doc: AgreementText) -> set[int]:
    """Points whose topic the first title line names as the document's subject."""
    first = doc.lines[0].text if doc.lines else ""
    out: set[int] = set()
    for head in _TITLED_TOPIC.finditer(first):
        window = first[head.end(): head.end() + _TITLE_TOPIC_WITHIN]
        out.update(point for point, pattern in _TOPIC_RE.items() if pattern.match(window))
    return out


def judge(doc: AgreementText, lms_level: int | None = None, kind: str | None = None) -> Judgement:
    found: dict[int, list[Span]] = {}
    content: dict[int, bool] = {}
    counted: set[tuple[int, int]] = set()
    soft: dict[int, Span] = {}  # a point's first sentence with only soft content
    low = doc.folded
    for point, pattern in _TOPIC_RE.items():
        for match in prefilter(pattern).finditer(doc.text, low, doc.title_end):
            sentence = doc.sentence_at(match.start())
            if sentence is None or (point, sentence.start) in counted:
                continue
            if sentence.start not in content:
                content[sentence.start] = _is_content(sentence, doc)
            if content[sentence.start]:
                counted.add((point, sentence.start))
                found.setdefault(point, []).append(doc.span(match.start(), match.end()))
            elif point not in soft and _is_content(sentence, doc, SOFT_TASK_WORD):
                soft[point] = doc.span(match.start(), match.end())
    headed = _headed_points(doc) if kind == "overordnet" else {}
    for point, span in headed.items():
        found.setdefault(point, []).insert(0, span)
    own = {int(n) for m in _OWN_NUMBER.finditer(doc.title_text) for n in m.groups() if n and 1 <= int(n) <= 13}
    own |= _elaborated(doc) | _titled(doc)
    for point in own:  # the document's own point: soft wording is still what it agrees on
        if point not in found and point in soft:
            found[point] = [soft[point]]
    best = max((len(spans) for spans in found.values()), default=0)
    # An overordnet agreement covers many points briefly: two content sentences make a point.
    minimum = MIN_SENTENCES_OVERORDNET if kind == "overordnet" else MIN_SENTENCES
    points = sorted(p for p, spans in found.items()
                    if (p in own and spans) or p in headed
                    or (len(spans) >= minimum and len(spans) >= MIN_SHARE * best))
    evidence = [spans[0] for point, spans in sorted(found.items()) if point in points]
    counts = ", ".join(f"{p}: {len(spans)}" for p, spans in sorted(found.items()))
    listed = ", ".join(map(str, points)) if points else "ingen"
    note = f"punkter med innhold: {listed} (setninger per punkt: {counts})"
    if lms_level is not None and lms_level >= 2 and 2 not in points:
        points = sorted([*points, 2])
        note += "; punkt 2 fra lærings- og mestringsinnhold (nivå ≥ 2)"
    return Judgement("statutory_points", points, Provenance.rule("statutory.topics", RULE_VERSION),
                     evidence=tuple(evidence), confidence=0.7, note=note)
