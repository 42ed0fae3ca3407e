"""Open survey answers → statements → themes of the shared codebook with a polarity.

An answer is split into statements (sentences from :func:`samrev.text.sentences`, then clauses at
``men``/``but`` and ``;``), and each statement is coded on its own, so that one answer can carry
a barrier and a proposal for the same theme ("Ingen møtestad. Eit årleg møte hadde vore nok.").

Themes: the codebook's seed terms (:class:`samrev.coding.lexicon.LexiconCoder`) plus the survey
rules in ``data/answer_rules.yaml`` (phrases people use in open answers, both written standards),
minus the rules' exclusions (``ikke begrep om`` is "no idea", not terminology).  Polarity of a
statement: a proposal cue (*bør, ønsker, trenger, foreslår, hadde vore* …) → ``proposal``; else the
question's kind (``good`` → facilitator, ``poor`` → barrier); else cue words, as in the lexicon
coder.  The source of every coded statement is ``rule:survey.<theme>@<version>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.coding.matcher import TermIndex
from samrev.survey.analyse import CodedStatement

if TYPE_CHECKING:
    from samrev.survey.model import AnswerModel

_PROPOSAL_VERBS = r"(?:bør|burde|trenger|treng|ønsker|ønskjer|må|vil ha)"
_CLAUSE = re.compile(
    rf"\s*;\s*|,?\s+(?:men|but)\s+|,?\s+og\s+(?=(?:(?:det|vi|me|dei|de)\s+)?{_PROPOSAL_VERBS}\b)",
    re.IGNORECASE,
)
RULE_CONFIDENCE = 0.6
_PLACEHOLDER = re.compile(r"\[(?:NAVN|TELEFON|EPOST|FNR|ADRESSE)\]")


@dataclass(frozen=True, slots=True)
class Statement:
    start: int
    end: int
    text: str


def statements(text: str) -> list[Statement]:
    """Sentences, split further at ``;`` and ``men``; offsets into ``text``."""
    from samrev.text import sentences

    out: list[Statement] = []
    spans = [(s.start, s.end) for s in sentences(text)] or [(0, len(text))]
    for start, end in spans:
        cut = start
        for match in _CLAUSE.finditer(text, start, end):
            if text[cut:match.start()].strip():
                out.append(_trimmed(text, cut, match.start()))
            cut = match.end()
        if text[cut:end].strip():
            out.append(_trimmed(text, cut, end))
    return out


def _trimmed(text: str, start: int, end: int) -> Statement:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Statement(start, end, text[start:end])


@cache
def _rules_data() -> dict[str, Any]:
    import yaml

    raw = resources.files("samrev.survey").joinpath("data/answer_rules.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise TypeError("answer_rules.yaml must hold a mapping")
    return data


class SurveyAnswerCoder:
    """Rule coder for open answers (statement splitting, codebook terms + survey rules, polarity)."""

    name = "survey_rules"
    version = "3"  # raise on any change to the rules in data/answer_rules.yaml or to this class
    label = "Regler for åpne svar (kodebokens søkeord, svarfraser og polaritet per utsagn)"

    def __init__(self, codebook: Codebook | None = None) -> None:
        from samrev.coding.lexicon import LexiconCoder

        self.codebook = codebook if codebook is not None else load_codebook()
        self.theme_ids = list(self.codebook.theme_ids)
        data = _rules_data()
        self._lexicon = LexiconCoder(self.codebook)
        themes = {t: spec for t, spec in (data.get("themes") or {}).items() if t in self.theme_ids}

        def index(key: str) -> TermIndex:
            return TermIndex({t: tuple(spec[key]) for t, spec in themes.items() if spec.get(key)})

        self._extra = index("terms")
        self._not = index("not")
        self._ignore = {t: set(spec.get("ignore_terms") or ()) for t, spec in themes.items()}
        self._yields = {t: list(spec.get("yields_to") or ()) for t, spec in themes.items()}
        cues = {p.id: list(p.all_cues) for p in self.codebook.polarities}
        polarity = data["polarity"]
        self._proposal = TermIndex({"proposal": tuple(polarity["proposal"])})
        self._cues = TermIndex({
            "facilitator": tuple(dict.fromkeys([*cues.get("facilitator", []), *polarity["facilitator"]])),
            "barrier": tuple(dict.fromkeys([*cues.get("barrier", []), *polarity["barrier"]])),
        })

    def themes(self, text: str) -> dict[str, tuple[int, int]]:
        """Themes of one statement and the first evidence span of each (placeholders are not words)."""
        text = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
        found: dict[str, tuple[int, int]] = {}
        blocked = {t for t, ms in self._not.find(text).items() if ms}
        for hit in self._lexicon.hits(text):
            if hit.theme not in blocked and hit.term not in self._ignore.get(hit.theme, ()):
                found.setdefault(hit.theme, (hit.start, hit.end))
        for theme, matches in self._extra.find(text).items():
            if matches and theme not in blocked:
                found.setdefault(theme, (matches[0].start, matches[0].end))
        return {t: span for t, span in found.items() if not any(y in found for y in self._yields.get(t, ()))}

    def polarity(self, text: str, kind: str) -> str:
        """``proposal`` on a proposal cue; else the question's kind; else the larger count of cues."""
        if self._proposal.find(text).get("proposal") or kind == "proposal":
            return "proposal"
        if kind == "good":
            return "facilitator"
        if kind == "poor":
            return "barrier"
        found = self._cues.find(text)
        barrier, facilitator = len(found.get("barrier", ())), len(found.get("facilitator", ()))
        return "barrier" if barrier > facilitator else "facilitator"

    def code_answer(self, text: str, kind: str) -> list[CodedStatement]:
        """Coded statements of one answer; a proposal without a theme of its own («Det bør vi gjøre hvert
        år.») takes the themes of the statement before it."""
        out: list[CodedStatement] = []
        previous: dict[str, tuple[int, int]] = {}
        for statement in statements(text):
            polarity = self.polarity(statement.text, kind)
            found = {t: (statement.start + s, statement.start + e) for t, (s, e) in self.themes(statement.text).items()}
            if not found and polarity == "proposal":
                found = previous
            if not found:
                continue
            for theme in self.theme_ids:
                if theme in found:
                    start, end = found[theme]
                    out.append(CodedStatement(theme, polarity, statement.start, statement.end,
                                              f"rule:survey.{theme}@{self.version}", RULE_CONFIDENCE,
                                              ({"start": start, "end": end, "text": text[start:end]},)))
            previous = found
        return out


class HybridAnswerCoder:
    """Rules first, then the trained model (:mod:`samrev.survey.model`) for what the rules leave open.

    Where a rule codes a theme, the code stands (``rule:`` provenance) and its confidence is the
    rule's and the model's probability for that theme in the statement combined (noisy-or).  An
    answer the rules give no theme at all is coded with every theme whose model probability for the
    whole answer reaches ``threshold``, located at the statement with the highest probability for it
    (``model:`` provenance, the probability as confidence, the top features as evidence).  Answers
    are what the model was trained on; its statement-level scores only place the code.  Polarity of
    a model-coded statement: a proposal cue or the question's kind, as for the rules; in an
    ``other`` question the polarity model decides.  ``threshold`` 0.8: cross-validation on the
    tuning labels was flat from 0.6 to 0.9, and at 0.8 the shared example gets no false positive.
    """

    name = "survey_hybrid"
    version = "1"  # raise on any change to how rules and model are combined (each code names its own source)
    label = "Regler for åpne svar, deretter trent klassifikator (TF-IDF, logistisk regresjon)"

    def __init__(self, rules: SurveyAnswerCoder | None = None, model: AnswerModel | None = None,
                 threshold: float = 0.8) -> None:
        self.rules = rules if rules is not None else SurveyAnswerCoder()
        self.theme_ids = self.rules.theme_ids
        self._model = model
        self.threshold = threshold

    @property
    def model(self) -> AnswerModel:
        """The given model, else the bundled one (trained or loaded on first use)."""
        if self._model is None:
            from samrev.survey.model import bundled_model

            self._model = bundled_model(tuple(self.theme_ids))
        return self._model


    def code_answer(self, text: str, kind: str) -> list[CodedStatement]:
        from dataclasses import replace

        ruled = self.rules.code_answer(text, kind)
        parts = statements(text)
        if not parts:
            return ruled
        proba = self.model.theme_proba([p.text for p in parts])
        column = {theme: j for j, theme in enumerate(self.model.theme_ids)}  # the model may know fewer themes
        where = {(p.start, p.end): i for i, p in enumerate(parts)}
        out: list[CodedStatement] = []
        for coded in ruled:
            row, j = where.get((coded.start, coded.end)), column.get(coded.theme)
            p = float(proba[row, j]) if row is not None and j is not None else 0.0
            out.append(replace(coded, confidence=round(1 - (1 - coded.confidence) * (1 - p), 4)))
        if ruled:
            return out
        whole = self.model.theme_proba([text])[0]
        for theme in self.theme_ids:
            j = column.get(theme)
            if j is None or whole[j] < self.threshold:
                continue
            part = parts[int(proba[:, j].argmax())]
            evidence = tuple(_shift(f.to_dict(part.text), part.start) for f in self.model.explain(part.text, theme))
            out.append(CodedStatement(theme, self.polarity(part.text, kind), part.start, part.end,
                                      self.model.provenance, round(float(whole[j]), 4), evidence))
        out.sort(key=lambda c: (c.start, self.theme_ids.index(c.theme)))
        return out

    def polarity(self, text: str, kind: str) -> str:
        if kind != "other" or self.rules._proposal.find(text).get("proposal"):
            return self.rules.polarity(text, kind)
        scores = self.model.polarity_proba([text], [kind])[0]
        return max(scores, key=lambda p: scores[p])


def _shift(evidence: dict[str, Any], offset: int) -> dict[str, Any]:
    spans = [{**s, "start": s["start"] + offset, "end": s["end"] + offset} for s in evidence.get("spans", [])]
    return {**evidence, "spans": spans}
