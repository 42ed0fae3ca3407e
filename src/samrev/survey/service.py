"""Files in, the spec's JSON object out: read the export, the frame and survey.yaml, then
:func:`samrev.survey.analyse.analyse`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from samrev.core.errors import SurveyBadConfig, SurveyUnreadable
from samrev.survey.config import SurveyConfig, parse_config


def load_config(path: str | Path) -> SurveyConfig:
    """Read and check survey.yaml (invalid YAML and unknown keys are ``bad_config``)."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SurveyUnreadable(path=str(path), detail="filen finnes ikke") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SurveyUnreadable(path=str(path), detail=str(exc)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (linje {where.line + 1})" if where is not None else ""
        raise SurveyBadConfig(config=str(path), detail=f"ugyldig YAML{line}") from None
    return parse_config(data, source=path.name)


def make_coder(coder: str = "hybrid") -> Any:
    """The answer coder by name: ``hybrid`` (rules, then the trained model) or ``rules``."""
    from samrev.survey.coding import HybridAnswerCoder, SurveyAnswerCoder

    if coder == "rules":
        return SurveyAnswerCoder()
    if coder == "hybrid":
        return HybridAnswerCoder()
    raise SurveyBadConfig(config="--coder", detail=f"ukjent koder «{coder}» (bruk hybrid eller rules)")


def analyse_files(responses: str | Path, config: str | Path, frame: str | Path | None = None,
                  coder: str = "hybrid") -> dict[str, Any]:
    """Analyse one export; see shared/spec/survey.md for the result."""
    from samrev.survey.analyse import analyse
    from samrev.survey.read import read_table

    settings = load_config(config)
    table = read_table(responses)
    frame_table = read_table(frame) if frame is not None else None
    return analyse(table, settings, make_coder(coder), frame_table, responses_path=str(responses),
                   frame_path=str(frame) if frame is not None else "FRAME")


def open_answers(responses: str | Path, config: str | Path, survey: str) -> list[Any]:
    """The export's non-empty open answers, pseudonymised, as :class:`samrev.survey.active.QueueAnswer`
    (accepted rows only, in file order).  The original text goes no further than this function."""
    from samrev.survey.active import QueueAnswer, answer_key
    from samrev.survey.analyse import _accept_rows
    from samrev.survey.config import resolve_column
    from samrev.survey.matching import is_empty_answer
    from samrev.survey.pseudonymise import Pseudonymiser
    from samrev.survey.read import read_table

    settings = load_config(config)
    table = read_table(responses)
    accepted, _, _ = _accept_rows(table, settings, str(responses))
    pseudo = Pseudonymiser()
    out = []
    for question in settings.open_questions:
        col = resolve_column(table, question.column, f"open_questions.{question.id}", settings.source, str(responses))
        for response in accepted:
            raw = response.cells[col]
            if is_empty_answer(raw):
                continue
            text = pseudo(raw.strip())
            out.append(QueueAnswer(answer_key(survey, response.id, question.id, text), response.id, question.id,
                                   question.kind, text, response.group, response.subgroup or ""))
    return out
