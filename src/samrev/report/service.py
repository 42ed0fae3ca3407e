"""Reports from what is on disk or in the store: a round in the store (the one place the report
package touches the store) and a survey export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from samrev.report.agreements import AgreementReport, RoundInfo, build_agreement_report
from samrev.report.survey import SurveyInfo, SurveyReport, build_survey_report


def agreement_report_for_round(round_name: str, *, today: date,
                               health_trusts: Sequence[str] | None = None) -> AgreementReport:
    """The agreement report of the round ``round_name`` (values as :func:`round_facts` picks them:
    verified before manifest before machine).  Call :func:`samrev.store.bootstrap.ensure_ready` first."""
    from samrev import __version__
    from samrev.agreements.review import get_round, round_facts

    review_round = get_round(round_name)
    info = RoundInfo(name=review_round.name, year=review_round.year, structure=review_round.registry_structure,
                     project=review_round.project.name)
    return build_agreement_report(round_facts(round_name), round=info, today=today, health_trusts=health_trusts,
                                  version=__version__)


def survey_report_for_files(responses: str | Path, config: str | Path, frame: str | Path | None = None, *,
                            today: date, name: str = "") -> SurveyReport:
    """The survey report of one export: ``samrev survey analyse``'s JSON (the one source of its
    numbers), made into a report."""
    from samrev import __version__
    from samrev.survey.service import analyse_files, load_config

    analysis = analyse_files(responses, config, frame)
    info = SurveyInfo(name=name or f"Spørreundersøkelse: {Path(responses).name}")
    return build_survey_report(analysis, load_config(config), today=today, info=info, version=__version__)
