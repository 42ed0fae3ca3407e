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
from typing import Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.coding.matcher import TermIndex
from samrev.survey.analyse import CodedStatement

_CLAUSE = re.compile(r"\s*;\s*|,?\s+(?:men|but)\s+", re.IGNORECASE)


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
    label = "Regler for åpne svar (kodebokens søkeord, svarfraser og polaritet per utsagn)"

    def __init__(self, codebook: Codebook | None = None) -> None:
        from samrev.coding.lexicon import LexiconCoder

        self.codebook = codebook if codebook is not None else load_codebook()
        self.theme_ids = list(self.codebook.theme_ids)
        data = _rules_data()
        self.version = str(data["version"])
        self._lexicon = LexiconCoder(self.codebook)
        themes = data.get("themes") or {}
        self._extra = TermIndex({t: tuple(spec.get("terms", ())) for t, spec in themes.items()
                                 if t in self.theme_ids and spec.get("terms")})
        self._not = TermIndex({t: tuple(spec.get("not", ())) for t, spec in themes.items()
                               if t in self.theme_ids and spec.get("not")})
        self._drop = TermIndex({t: tuple(spec.get("drop_codebook", ())) for t, spec in themes.items()
                                if t in self.theme_ids and spec.get("drop_codebook")})
        self._proposal = TermIndex({"proposal": tuple(data["polarity"]["proposal"])})
        self._facilitator = TermIndex({"facilitator": tuple(data["polarity"]["facilitator"])})
        self._barrier = TermIndex({"barrier": tuple(data["polarity"]["barrier"])})

    def _themes(self, text: str) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        blocked = {t for t, ms in self._not.find(text).items() if ms}
        dropped = {t for t, ms in self._drop.find(text).items() if ms}
        for hit in self._lexicon.hits(text):
            if hit.theme not in blocked and hit.theme not in dropped:
                found.setdefault(hit.theme, (hit.start, hit.end))
        for theme, matches in self._extra.find(text).items():
            if matches and theme not in blocked:
                found.setdefault(theme, (matches[0].start, matches[0].end))
        return found

    def polarity(self, text: str, kind: str) -> str:
        if self._proposal.find(text).get("proposal"):
            return "proposal"
        if kind == "good":
            return "facilitator"
        if kind == "poor":
            return "barrier"
        barrier = len(self._barrier.find(text).get("barrier", ()))
        facilitator = len(self._facilitator.find(text).get("facilitator", ()))
        if kind == "proposal":
            return "proposal"
        return "barrier" if barrier > facilitator else "facilitator"

    def code_answer(self, text: str, kind: str) -> list[CodedStatement]:
        out: list[CodedStatement] = []
        for statement in statements(text):
            found = self._themes(statement.text)
            if not found:
                continue
            polarity = self.polarity(statement.text, kind)
            for theme in self.theme_ids:
                if theme in found:
                    out.append(CodedStatement(theme, polarity, statement.start, statement.end,
                                              f"rule:survey.{theme}@{self.version}", 0.6))
        return out
