"""Active learning for open answers: an analyst codes some answers, the model proposes the rest,
least certain first, and is trained again on the analyst's codes.

Pure library code: answers come in pseudonymised (:class:`QueueAnswer`), the analyst's codes as a
mapping from answer key to a set of ``theme:polarity`` codes.  Storing both is the store's job
(:mod:`samrev.store.survey`), asking the analyst the CLI's (``samrev survey code``).

- The model (:class:`samrev.survey.model.AnswerModel`) is trained on the bundled tuning labels
  (``base``) plus every answer the analyst has coded; ``retrain`` does it again after new codes.
- A proposal is the hybrid coder's codes (rules first, then the model) with evidence and provenance.
- Uncertainty of an answer: the largest closeness to 0.5 of the model's theme probabilities for
  the whole answer (``1 - |2p - 1|``; 1 = a coin toss for some theme, 0 = sure of every theme);
  the queue is the uncoded answers, most uncertain first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from samrev.survey.analyse import CodedStatement
from samrev.survey.model import AnswerModel, Example, bundled_examples


@dataclass(frozen=True, slots=True)
class QueueAnswer:
    """One pseudonymised open answer to be coded."""

    key: str  # content hash: survey, id, question and text
    id: str
    question: str
    kind: str
    text: str
    group: str = ""
    subgroup: str = ""


def answer_key(survey: str, answer_id: str, question: str, text: str) -> str:
    """SHA-256 of the survey name, the answer's id and question and its pseudonymised text."""
    return hashlib.sha256(f"{survey}\x1f{answer_id}\x1f{question}\x1f{text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Proposal:
    answer: QueueAnswer
    codes: tuple[CodedStatement, ...]
    uncertainty: float

    @property
    def code_set(self) -> frozenset[str]:
        return frozenset(f"{c.theme}:{c.polarity}" for c in self.codes)


def parse_codes(value: str, theme_ids: Sequence[str]) -> frozenset[str]:
    """``theme:polarity;…`` (or ``-`` / blank for "no theme") checked against the codebook."""
    from samrev.core.errors import InputError

    codes = set()
    for part in value.replace(",", ";").split(";"):
        part = part.strip()
        if not part or part == "-":
            continue
        theme, _, polarity = part.partition(":")
        theme, polarity = theme.strip(), polarity.strip()
        if theme not in theme_ids:
            raise InputError(detail=f"ukjent tema «{theme}» i kodene «{value}»")
        if polarity not in ("facilitator", "barrier", "proposal"):
            raise InputError(detail=f"ukjent polaritet «{polarity}» for {theme} (bruk facilitator, barrier "
                                    "eller proposal)")
        codes.add(f"{theme}:{polarity}")
    return frozenset(codes)


@dataclass(slots=True)
class ActiveCoder:
    """The coding session's state: answers, the analyst's codes so far and the current model."""

    answers: list[QueueAnswer]
    person_codes: dict[str, frozenset[str]] = field(default_factory=dict)
    base: list[Example] | None = None  # None: the bundled tuning labels; [] for none
    use_rules: bool = True
    calibrate: bool = True
    model: AnswerModel | None = None
    _coder: Any = None

    def __post_init__(self) -> None:
        if self.base is None:
            self.base = bundled_examples("tuning")
        self.retrain()

    @property
    def theme_ids(self) -> list[str]:
        from samrev.coding.codebook import load_codebook

        return list(load_codebook().theme_ids)

    def training_examples(self) -> list[Example]:
        by_key = {a.key: a for a in self.answers}
        coded = [Example(by_key[k].text, by_key[k].kind, codes, k) for k, codes in self.person_codes.items()
                 if k in by_key]
        return [*(self.base or []), *coded]

    def retrain(self) -> None:
        """Train the model on the base labels and the analyst's codes (rules only when there are none)."""
        from samrev.survey.coding import HybridAnswerCoder, SurveyAnswerCoder

        examples = self.training_examples()
        rules = SurveyAnswerCoder()
        self.model = AnswerModel(list(rules.theme_ids), calibrate=self.calibrate).fit(examples) if examples else None
        if self.model is None:
            self._coder = rules
        elif self.use_rules:
            self._coder = HybridAnswerCoder(rules, self.model)
        else:
            self._coder = _ModelOnly(self.model)

    def record(self, key: str, codes: Iterable[str]) -> None:
        self.person_codes[key] = frozenset(codes)

    def uncertainty(self, answers: Sequence[QueueAnswer]) -> list[float]:
        if self.model is None:
            return [1.0 for _ in answers]
        proba = self.model.theme_proba([a.text for a in answers])
        return [float((1 - abs(2 * row - 1)).max()) for row in proba]

    def propose(self, answer: QueueAnswer, uncertainty: float | None = None) -> Proposal:
        codes = tuple(self._coder.code_answer(answer.text, answer.kind))
        if uncertainty is None:
            uncertainty = self.uncertainty([answer])[0]
        return Proposal(answer, codes, uncertainty)

    def queue(self, limit: int | None = None) -> list[Proposal]:
        """Proposals for the answers the analyst has not coded, least certain first."""
        open_answers = [a for a in self.answers if a.key not in self.person_codes]
        scores = self.uncertainty(open_answers)
        order = sorted(range(len(open_answers)), key=lambda i: (-scores[i], open_answers[i].key))
        if limit is not None:
            order = order[:limit]
        return [self.propose(open_answers[i], scores[i]) for i in order]

    def progress(self) -> tuple[int, int]:
        keys = {a.key for a in self.answers}
        return len(keys & set(self.person_codes)), len(keys)


class _ModelOnly:
    """The model alone as an answer coder (for measuring what the analyst's codes teach it)."""

    def __init__(self, model: AnswerModel, threshold: float = 0.5) -> None:
        self.model = model
        self.threshold = threshold

    def code_answer(self, text: str, kind: str) -> list[CodedStatement]:
        proba = self.model.theme_proba([text])[0]
        themes = [t for j, t in enumerate(self.model.theme_ids) if proba[j] >= self.threshold]
        polarity = self.model.polarity_proba([text], [kind])[0]
        best = max(polarity, key=lambda p: polarity[p])
        return [CodedStatement(t, best, 0, len(text), self.model.provenance, round(float(proba[j]), 4))
                for j, t in enumerate(self.model.theme_ids) if t in themes]


def simulate(examples: Sequence[Example], steps: Sequence[int], *, seed_size: int = 10,
             use_rules: bool = False, batch: int = 10, calibrate: bool = True) -> list[dict[str, Any]]:
    """Replay an analyst who codes ``examples`` in the order the queue asks (least certain first),
    starting from the first ``seed_size``; after each number of codes in ``steps`` the theme
    micro-F1 on the answers not yet coded.  No bundled labels: only the simulated analyst's codes."""
    answers = [QueueAnswer(f"sim{i}", str(i), "q", e.kind, e.text) for i, e in enumerate(examples)]
    truth = {a.key: e.codes for a, e in zip(answers, examples, strict=True)}
    coder = ActiveCoder(answers, {a.key: truth[a.key] for a in answers[:seed_size]}, base=[], use_rules=use_rules,
                        calibrate=calibrate)
    out = []
    for target in sorted(steps):
        while len(coder.person_codes) < min(target, len(answers)):
            for proposal in coder.queue(limit=max(1, min(batch, target - len(coder.person_codes)))):
                coder.record(proposal.answer.key, truth[proposal.answer.key])
            coder.retrain()
        rest = [a for a in answers if a.key not in coder.person_codes]
        tp = fp = fn = 0
        for answer in rest:
            got = {c.split(":")[0] for c in coder.propose(answer, 0.0).code_set}  # uncertainty unused here
            want = {c.split(":")[0] for c in truth[answer.key]}
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        out.append({"coded": len(coder.person_codes), "evaluated": len(rest), "theme_f1": f1})
    return out

