"""Coding and data extraction for included research records (suggestions a person confirms).

For one record (title, abstract, keywords, year, journal, language, affiliations) the
:class:`LiteratureCoder` suggests

* **themes** of the shared codebook with a polarity (``facilitator``, ``barrier``, ``proposal``
  or ``neutral`` when no cue word decides), found by the same
  :class:`~samrev.coding.lexicon.LexiconCoder` as agreements and survey answers, plus the
  literature rules in ``data/record_rules.yaml`` (phrases of research abstracts, terms that carry
  no theme there, e.g. *clinical guidelines* are not agreements);
* **study characteristics**: country (``norway``, ``nordic``, ``other``, ``unclear``), setting
  (``sykehus``, ``kommune``, ``begge``, ``uklart``), design, population, year, and whether
  learning-and-coping (patient education, self-management, «lærings- og mestring», LMS …) is
  addressed explicitly.

Every suggestion is a :class:`~samrev.core.model.Judgement` with evidence spans and a
``rule:literature.<what>@<version>`` provenance; a person confirms or corrects it with a
``person:<user>`` Judgement (:func:`person_judgement`, or ``samrev.store.actions.verify`` in the
store, item type ``literature_record``), and :func:`effective_values` gives what reports use.

Offsets of evidence spans are ``str`` indices into :attr:`RecordText.text`: the title, a blank
line, the abstract, a blank line, the keywords joined with ``"; "``, a blank line, the
affiliations joined with ``"; "`` (see :func:`record_text`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.coding.matcher import TermIndex, TermMatch
from samrev.coding.polarity import PolarityGuesser, sentence_index
from samrev.core.model import Judgement, Provenance, Span, effective

ITEM_TYPE = "literature_record"
THEME_PREFIX = "theme:"
STUDY_PREFIX = "study:"
NEUTRAL = "neutral"
#: A person's value for a theme the machine suggested but the record does not touch.
THEME_ABSENT = "absent"
CHARACTERISTICS = ("country", "setting", "design", "population", "year", "lms_explicit")

COUNTRY = {"norway": "Norge", "nordic": "Norden ellers", "other": "Andre land", "unclear": "Uklart"}
SETTING = {"sykehus": "Sykehus", "kommune": "Kommune", "begge": "Begge", "uklart": "Uklart"}
DESIGN = {
    "rct": "Randomisert kontrollert studie", "quasi_experimental": "Kvasieksperimentell / før–etter",
    "cohort": "Kohort / registerstudie", "survey": "Spørreundersøkelse / tverrsnitt", "qualitative": "Kvalitativ",
    "mixed_methods": "Blandede metoder", "case_study": "Casestudie", "systematic_review": "Systematisk oversikt",
    "review": "Annen litteraturoversikt", "economic": "Økonomisk evaluering", "document_analysis": "Dokumentanalyse",
    "other": "Annet / uklart",
}
POPULATION = {
    "chronic_disease": "Kronisk sykdom", "older_adults": "Eldre", "children_youth": "Barn og unge",
    "mental_health": "Psykisk helse og rus", "next_of_kin_users": "Pårørende og brukere",
    "health_personnel": "Helsepersonell og ledere", "general": "Pasienter generelt",
    "none": "Ingen (dokumenter)",
}
LMS = {True: "Ja", False: "Nei"}
POLARITY = {"facilitator": "Fremmer", "barrier": "Hemmer", "proposal": "Forslag", NEUTRAL: "Nøytral"}
#: bokmål labels of every characteristic's values (reports, tables, the screener)
VALUE_LABELS: dict[str, Mapping[Any, str]] = {"country": COUNTRY, "setting": SETTING, "design": DESIGN,
                                              "population": POPULATION, "lms_explicit": LMS}
CHARACTERISTIC_LABELS = {"country": "Land", "setting": "Setting", "design": "Design", "population": "Populasjon",
                         "year": "År", "lms_explicit": "Lærings- og mestring eksplisitt", "theme": "Tema"}


@dataclass(frozen=True, slots=True)
class LiteratureRecord:
    """An included record as the coder sees it (plain data; the store maps its rows to this)."""

    record_id: str
    title: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    year: int | None = None
    journal: str = ""
    language: str | None = None
    affiliations: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LiteratureRecord:
        year = data.get("year")
        return cls(
            record_id=str(data.get("record_id") or data.get("id") or ""),
            title=str(data.get("title") or ""), abstract=str(data.get("abstract") or ""),
            keywords=tuple(str(k) for k in data.get("keywords") or ()),
            year=int(year) if isinstance(year, int | str) and str(year).strip().isdigit() else None,
            journal=str(data.get("journal") or ""), language=data.get("language") or None,
            affiliations=tuple(str(a) for a in data.get("affiliations") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "title": self.title, "abstract": self.abstract,
                "keywords": list(self.keywords), "year": self.year, "journal": self.journal,
                "language": self.language, "affiliations": list(self.affiliations)}


@dataclass(frozen=True, slots=True)
class RecordText:
    """The one text of a record that evidence spans point into, with each field's range."""

    text: str
    fields: dict[str, tuple[int, int]]

    def field_of(self, position: int) -> str:
        for name, (start, end) in self.fields.items():
            if start <= position < end:
                return name
        return ""

    def part(self, name: str) -> str:
        start, end = self.fields[name]
        return self.text[start:end]


def record_text(record: LiteratureRecord) -> RecordText:
    """Title, abstract, keywords and affiliations joined by blank lines (see the module docstring)."""
    parts = [("title", record.title.strip()), ("abstract", record.abstract.strip()),
             ("keywords", "; ".join(k.strip() for k in record.keywords if k.strip())),
             ("affiliations", "; ".join(a.strip() for a in record.affiliations if a.strip()))]
    text = ""
    fields: dict[str, tuple[int, int]] = {}
    for name, value in parts:
        if text:
            text += "\n\n"
        fields[name] = (len(text), len(text) + len(value))
        text += value
    return RecordText(text, fields)


@dataclass(frozen=True, slots=True)
class RecordCoding:
    """The machine's suggestions for one record: theme and characteristic Judgements."""

    record_id: str
    judgements: tuple[Judgement, ...]
    run_key: str = ""

    def value(self, name: str) -> Any:
        """The suggested value of a characteristic (``country`` …) or None."""
        for judgement in self.judgements:
            if judgement.subject == STUDY_PREFIX + name:
                return judgement.value
        return None

    def themes(self) -> dict[str, str]:
        """Theme id → polarity, in codebook order."""
        return {j.subject.removeprefix(THEME_PREFIX): j.value for j in self.judgements
                if j.subject.startswith(THEME_PREFIX)}

    def to_dict(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "run_key": self.run_key,
                "judgements": [j.to_dict() for j in self.judgements]}


@cache
def _rules() -> dict[str, Any]:
    import yaml

    raw = resources.files("samrev.literature").joinpath("data/record_rules.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise TypeError("record_rules.yaml must hold a mapping")
    return data


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface: str
    term: str
    polarity: str | None = None


@dataclass(slots=True)
class _Scored:
    score: float = 0.0
    hits: list[TermMatch] = field(default_factory=list)


class LiteratureCoder:
    """Rule coder for included research records: codebook themes with polarity, study characteristics."""

    name = "literature_rules"
    version = "1"  # raise on any change to data/record_rules.yaml or to this class
    label = "Regler for forskningsposter (temaer med polaritet, land, setting, design, populasjon, LMS)"

    def __init__(self, codebook: Codebook | None = None) -> None:
        from samrev.coding.lexicon import LexiconCoder

        self.codebook = codebook if codebook is not None else load_codebook()
        self._lexicon = LexiconCoder(self.codebook)
        self._polarity = PolarityGuesser(self.codebook)
        rules = _rules()
        themes = {t: spec or {} for t, spec in (rules.get("themes") or {}).items() if t in self.codebook.theme_ids}

        def index(key: str) -> TermIndex:
            return TermIndex({t: tuple(spec[key]) for t, spec in themes.items() if spec.get(key)})

        self._extra = index("terms")
        self._not = index("not")
        self._ignore = {t: set(spec.get("ignore_terms") or ()) for t, spec in themes.items()}
        threshold = rules.get("theme_threshold") or {}
        self._title_weight = float(threshold.get("title_weight", 2))
        self._min_score = float(threshold.get("min_score", 2))
        chars = rules["characteristics"]
        self._country = TermIndex({k: tuple(v) for k, v in chars["country"].items()})
        self._setting = TermIndex({k: tuple(v) for k, v in chars["setting"].items()})
        design = chars["design"]
        self._design_order = [d for d in design["order"] if design.get(d)]
        self._design = TermIndex({d: tuple(design[d]) for d in [*self._design_order, "quantitative"]})
        population = chars["population"]
        self._population_order = list(population["order"])
        self._population = TermIndex({p: tuple(population[p]) for p in self._population_order if population.get(p)})
        self._participants = TermIndex({"participants": tuple(population["participant_words"])})
        self._lms = TermIndex({"lms": tuple(chars["lms_explicit"])})

    @property
    def provenance_version(self) -> str:
        return f"{self.version}.{self.codebook.version}"

    def _provenance(self, what: str) -> Provenance:
        return Provenance.rule(f"literature.{what}", self.provenance_version)

    def run_key(self, record: LiteratureRecord) -> str:
        """Hash of the coder, codebook and record text: the same key gives the same suggestions."""
        payload = json.dumps([self.name, self.provenance_version, record.to_dict()], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    # -- the record as a whole ------------------------------------------------------------------

    def code_record(self, record: LiteratureRecord) -> RecordCoding:
        """Theme and characteristic suggestions for ``record``."""
        rt = record_text(record)
        judgements = [*self.themes(rt), *self.characteristics(record, rt)]
        return RecordCoding(record.record_id, tuple(judgements), self.run_key(record))

    def code_records(self, records: Iterable[LiteratureRecord]) -> list[RecordCoding]:
        return [self.code_record(record) for record in records]

    # -- themes -----------------------------------------------------------------------------------

    def _weight(self, rt: RecordText, position: int) -> float:
        return self._title_weight if rt.field_of(position) in ("title", "keywords") else 1.0

    def themes(self, rt: RecordText) -> list[Judgement]:
        """One Judgement per theme whose evidence reaches the threshold, in codebook order."""
        end = rt.fields["keywords"][1]
        text = rt.text[:end]
        blocked = {t for t, ms in self._not.find(text).items() if ms}
        found: dict[str, list[_Hit]] = {}
        for hit in self._lexicon.hits(text):
            if hit.theme in blocked or hit.term in self._ignore.get(hit.theme, ()):
                continue
            found.setdefault(hit.theme, []).append(_Hit(hit.start, hit.end, hit.surface, hit.term, hit.polarity))
        extra = self._extra.find(text)
        if extra:
            cues = self._polarity.find_cues(text)
            spans = [(s.start, s.end) for s in _sentences(text)] or [(0, len(text))]
            starts = [start for start, _ in spans]
            for theme, matches in extra.items():
                if theme in blocked:
                    continue
                known = {(h.start, h.end) for h in found.get(theme, [])}
                for m in matches:
                    if any(s <= m.start < e for s, e in known):
                        continue
                    polarity, _ = self._polarity.guess(text, spans[sentence_index(starts, m.start)], m.start, m.end,
                                                       found=cues)
                    found.setdefault(theme, []).append(_Hit(m.start, m.end, text[m.start:m.end], m.pattern, polarity))
        out: list[Judgement] = []
        for theme in self.codebook.theme_ids:
            hits = sorted(found.get(theme, []), key=lambda h: h.start)
            if not hits:
                continue
            best: dict[str, float] = {}
            for one in hits:
                key = one.surface.casefold()
                best[key] = max(best.get(key, 0.0), self._weight(rt, one.start))
            score = sum(best.values())
            if score < self._min_score:
                continue
            out.append(self._theme_judgement(theme, hits, score))
        return out

    def _theme_judgement(self, theme: str, hits: list[_Hit], score: float) -> Judgement:
        votes = Counter(hit.polarity for hit in hits if hit.polarity)
        polarity = NEUTRAL
        if votes:
            top = max(votes.values())
            polarity = next(h.polarity for h in hits if h.polarity and votes[h.polarity] == top) or NEUTRAL
        terms = ", ".join(f"«{h.surface}»" for h in hits[:5]) + (" …" if len(hits) > 5 else "")
        return Judgement(
            subject=THEME_PREFIX + theme, value=polarity, provenance=self._provenance(f"theme.{theme}"),
            evidence=tuple(Span(h.start, h.end, h.surface) for h in hits),
            confidence=round(min(0.9, 0.35 + 0.1 * score), 2),
            note=f"{len(hits)} treff (vekt {score:g}): {terms}",
        )

    # -- characteristics ------------------------------------------------------------------------

    def characteristics(self, record: LiteratureRecord, rt: RecordText) -> list[Judgement]:
        """Country, setting, design, population, year and the learning-and-coping flag."""
        return [self._country_judgement(record, rt), self._setting_judgement(rt), self._design_judgement(rt),
                self._population_judgement(rt), self._year_judgement(record), self._lms_judgement(rt)]

    def _judgement(self, what: str, value: Any, matches: Sequence[TermMatch], text: str, confidence: float,
                   note: str) -> Judgement:
        spans = tuple(Span(m.start, m.end, text[m.start:m.end]) for m in sorted(matches, key=lambda m: m.start)[:8])
        return Judgement(subject=STUDY_PREFIX + what, value=value, provenance=self._provenance(what), evidence=spans,
                         confidence=round(confidence, 2), note=note)

    def _scores(self, rt: RecordText, found: Mapping[str, list[TermMatch]],
                skip: Sequence[tuple[int, int]] = ()) -> dict[str, _Scored]:
        out: dict[str, _Scored] = {}
        for key, matches in found.items():
            scored = out.setdefault(key, _Scored())
            for m in matches:
                if any(s <= m.start < e for s, e in skip):
                    continue
                weight = 2.0 if rt.field_of(m.start) in ("title", "keywords", "affiliations") else 1.0
                scored.score += weight
                scored.hits.append(m)
        return out

    def _country_judgement(self, record: LiteratureRecord, rt: RecordText) -> Judgement:
        text = rt.text
        scores = self._scores(rt, self._country.find(text))
        places = _norwegian_places(text, rt)
        if places:
            norway = scores.setdefault("norway", _Scored())
            for m in places:
                norway.score += 2.0 if rt.field_of(m.start) in ("title", "affiliations") else 1.0
                norway.hits.append(m)
        n = scores.get("norway", _Scored()).score
        nordic_hits = scores.get("nordic", _Scored()).hits
        nordic_countries = {_country_key(text[m.start:m.end]) for m in nordic_hits}
        o = scores.get("nordic", _Scored()).score
        region = scores.get("nordic_region", _Scored()).score
        x = scores.get("other", _Scored()).score
        hits: list[TermMatch] = []
        if (region and x < max(n, o, 1)) or (n and len(nordic_countries) >= 2) or (len(nordic_countries) >= 3):
            value, hits = "nordic", [*scores.get("nordic_region", _Scored()).hits, *nordic_hits,
                                     *scores.get("norway", _Scored()).hits]
        elif n or o or x:
            best = max((n, "norway"), (o, "nordic"), (x, "other"))
            value = best[1]
            hits = scores[{"norway": "norway", "nordic": "nordic", "other": "other"}[value]].hits
        elif record.language in ("nb", "nn"):
            return self._judgement("country", "norway", [], text, 0.5,
                                   "ingen stedsnavn; norskspråklig post, antatt Norge")
        else:
            return self._judgement("country", "unclear", [], text, 0.5, "ingen land eller stedsnavn funnet")
        total = n + o + x + region
        top = max(n, o, x, region)
        confidence = 0.5 + 0.4 * (top / total if total else 0)
        words = ", ".join(sorted({f"«{text[m.start:m.end]}»" for m in hits})[:5])
        return self._judgement("country", value, hits, text, confidence, f"stedsord: {words}")

    def _setting_judgement(self, rt: RecordText) -> Judgement:
        text = rt.text[:rt.fields["keywords"][1]]
        found = self._setting.find(text)
        skip = [(m.start, m.end) for m in found.get("not", [])]
        scores = self._scores(rt, {k: v for k, v in found.items() if k != "not"}, skip)
        h = scores.get("sykehus", _Scored())
        m = scores.get("kommune", _Scored())
        bridge = scores.get("bridge", _Scored())
        if h.score and m.score:
            ratio = min(h.score, m.score) / max(h.score, m.score)
            if bridge.score or ratio >= 0.3:
                value, hits = "begge", [*h.hits, *m.hits, *bridge.hits]
            else:
                value, hits = ("sykehus", h.hits) if h.score > m.score else ("kommune", m.hits)
        elif h.score or m.score:
            value, hits = ("sykehus", h.hits) if h.score else ("kommune", m.hits)
            if bridge.score >= 2:
                value, hits = "begge", [*hits, *bridge.hits]
        else:
            return self._judgement("setting", "uklart", [], text, 0.5, "ingen ord om sykehus eller kommune")
        confidence = 0.55 + 0.1 * min(len(hits), 3)
        words = ", ".join(sorted({f"«{text[x.start:x.end]}»" for x in hits})[:6])
        return self._judgement("setting", value, hits, text, confidence,
                               f"sykehus {h.score:g}, kommune {m.score:g}, bro {bridge.score:g}: {words}")

    def _design_judgement(self, rt: RecordText) -> Judgement:
        text = rt.text[:rt.fields["keywords"][1]]
        found = self._design.find(text)
        title_end = rt.fields["title"][1]
        for where in ("title", "abstract"):
            for design in self._design_order:
                if design == "economic" and where != "title":
                    continue
                matches = [m for m in found.get(design, []) if (m.start < title_end) == (where == "title")]
                if not matches:
                    continue
                if design == "qualitative" and where == "abstract":
                    quantitative = [q for q in found.get("quantitative", []) if q.start >= title_end]
                    if quantitative:
                        return self._judgement("design", "mixed_methods", [*matches, *quantitative], text, 0.6,
                                               "kvalitative og kvantitative data")
                confidence = 0.85 if where == "title" else 0.7
                place = "tittel" if where == "title" else "sammendrag"
                first = text[matches[0].start:matches[0].end]
                return self._judgement("design", design, matches, text, confidence, f"{place}: «{first}»")
        return self._judgement("design", "other", [], text, 0.4, "ingen designord funnet")

    def _population_judgement(self, rt: RecordText) -> Judgement:
        text = rt.text[:rt.fields["keywords"][1]]
        design = self._design.find(text)
        counted = _counted_words(text)
        people = [m for ms in self._population.find(text).values() for m in ms if m.start in counted]
        if design.get("document_analysis") and not self._participants.find(text) and not people:
            return self._judgement("population", "none", design["document_analysis"], text, 0.6,
                                   "dokumentanalyse uten deltakere")
        found = self._population.find(text)
        scores: dict[str, float] = {}
        hits: dict[str, list[TermMatch]] = {}
        for key, matches in found.items():
            for m in matches:
                weight = 3.0 if rt.field_of(m.start) in ("title", "keywords") else 1.0
                if key == "health_personnel" and weight == 1.0:
                    weight = 0.5  # staff are named in most abstracts; they are the population when counted
                if m.start in counted:
                    weight += 4.0
                scores[key] = scores.get(key, 0.0) + weight
                hits.setdefault(key, []).append(m)
        if not scores:
            return self._judgement("population", "general", [], text, 0.4, "ingen bestemt gruppe nevnt")
        order = {key: index for index, key in enumerate(self._population_order)}
        value = max(scores, key=lambda k: (scores[k], -order.get(k, 99)))
        total = sum(scores.values())
        return self._judgement("population", value, hits[value], text, 0.4 + 0.5 * scores[value] / total,
                               ", ".join(f"{k} {v:g}" for k, v in sorted(scores.items(), key=lambda kv: -kv[1])))

    def _year_judgement(self, record: LiteratureRecord) -> Judgement:
        if record.year is None:
            return Judgement(STUDY_PREFIX + "year", None, self._provenance("year"), confidence=None,
                             note="år mangler i posten")
        return Judgement(STUDY_PREFIX + "year", record.year, self._provenance("year"), confidence=1.0,
                         note="fra postens metadata")

    def _lms_judgement(self, rt: RecordText) -> Judgement:
        text = rt.text[:rt.fields["keywords"][1]]
        matches = self._lms.find(text).get("lms", [])
        if not matches:
            return self._judgement("lms_explicit", False, [], text, 0.6, "ingen ord om læring og mestring")
        prominent = [m for m in matches if rt.field_of(m.start) in ("title", "keywords")]
        if not prominent and len(matches) < 2:
            return self._judgement("lms_explicit", False, matches, text, 0.55,
                                   f"bare nevnt én gang i sammendraget («{text[matches[0].start:matches[0].end]}»)")
        words = ", ".join(sorted({f"«{text[m.start:m.end]}»" for m in matches})[:5])
        return self._judgement("lms_explicit", True, matches, text, min(0.95, 0.6 + 0.1 * len(matches)), words)


def _sentences(text: str) -> list[Any]:
    from samrev.text import sentences

    return list(sentences(text))


def _counted_words(text: str) -> set[int]:
    """Start offsets of words that follow a number closely («24 nurses», «412 pasienter over 75 år»)."""
    out: set[int] = set()
    for match in re.finditer(r"\b\d[\d .,]*\d\b|\b\d\b", text):
        tail = text[match.end():match.end() + 40]
        for word in re.finditer(r"[^\W\d_][\w-]*", tail):
            out.add(match.end() + word.start())
            if word.start() > 25:
                break
    return out


_NORDIC_KEYS = {"den": "denmark", "dan": "denmark", "swe": "sweden", "sve": "sweden", "sven": "sweden",
                "fin": "finland", "ice": "iceland", "isl": "iceland", "far": "faroe", "fær": "faroe"}


def _country_key(surface: str) -> str:
    low = surface.casefold()
    for prefix in sorted(_NORDIC_KEYS, key=len, reverse=True):
        if low.startswith(prefix):
            return _NORDIC_KEYS[prefix]
    return low


def _norwegian_places(text: str, rt: RecordText) -> list[TermMatch]:
    """Health trusts, hospitals and municipalities of the registry named in the record."""
    from samrev.registry.match import match

    out: list[TermMatch] = []
    for entity in match(text):
        if entity.ambiguous or entity.score < 100:
            continue
        if entity.kind == "municipality" and rt.field_of(entity.start) not in ("affiliations", "title", "abstract"):
            continue
        out.append(TermMatch("norway", entity.start, entity.end, f"register:{entity.kind}"))
    return out


# -- people confirm or correct ------------------------------------------------------------------


def person_judgement(subject: str, value: Any, user: str, note: str = "",
                     evidence: Sequence[Span] = ()) -> Judgement:
    """A person's confirmation or correction of one suggestion (``theme:<id>`` or ``study:<name>``).

    For a theme, ``value`` is a polarity, or :data:`THEME_ABSENT` to say the record does not
    touch it."""
    return Judgement(subject=subject, value=value, provenance=Provenance.person(user), evidence=tuple(evidence),
                     note=note)


def effective_values(judgements: Sequence[Judgement]) -> dict[str, Any]:
    """Subject → the value reports use: the latest person's judgement, else the machine's.

    Themes a person marked :data:`THEME_ABSENT` are left out."""
    by_subject: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        by_subject.setdefault(judgement.subject, []).append(judgement)
    out: dict[str, Any] = {}
    for subject, items in by_subject.items():
        chosen = effective(items)
        if chosen is None:
            continue
        if subject.startswith(THEME_PREFIX) and chosen.value == THEME_ABSENT:
            continue
        out[subject] = chosen.value
    return out
