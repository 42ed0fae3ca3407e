"""Assess one agreement: every field of the spec as a Judgement with evidence and provenance.

Pure: an :class:`AgreementText` (or an ingested document) in, an :class:`Assessment` out.
Storage, batching and output formats are in :mod:`samrev.agreements.service` and the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from samrev.agreements.context import AgreementText
from samrev.agreements.fields import commitment, dates, kind, language, levels, meetings, parties, signature, statutory
from samrev.agreements.model import Assessment

if TYPE_CHECKING:
    from samrev.ingest.model import IngestedDocument

#: Bumped whenever a rule changes what it decides: part of the reuse key of stored assessments.
ENGINE_VERSION = "22"


def assess_text(doc: AgreementText, scorers: dict[str, Any] | None = None) -> Assessment:
    """Every judged field of the spec for one agreement text."""
    scorers = scorers or {}
    result = Assessment(file=doc.path, needs_ocr=doc.needs_ocr, content_hash=doc.content_hash)
    put = result.judgements
    put["language"] = language.judge(doc)
    put["kind"] = kind.judge(doc)
    put["health_trust"], put["municipalities"] = parties.judge(doc)
    put["adopted"], put["revised"] = dates.judge(doc)
    put["signature"] = signature.judge(doc)
    put["lms_level"] = levels.judge(doc, "lms_level", scorers.get("lms_level"))
    put["user_participation_level"] = levels.judge(doc, "user_participation_level",
                                                   scorers.get("user_participation_level"))
    put["commitment"] = commitment.judge(doc)
    put["statutory_points"] = statutory.judge(doc, lms_level=put["lms_level"].value, kind=put["kind"].value)
    put["meeting_arenas"] = meetings.judge(doc)
    return result


# A short agreement that goes through every field's rules (title, parties, dates, obligations,
# both levels with their models, statutory topics, a meeting arena, a signature block).
_WARM_UP_TEXT = """Delavtale 2 mellom Gjøvik kommune og Sykehuset Innlandet HF
Vedtatt i samarbeidsutvalet 1. januar 2019. Revidert 12.03.2022.

1. Parter
Avtalen er inngått mellom Gjøvik kommune og Sykehuset Innlandet HF (SI).

2. Lærings- og mestringstilbud
Kommunen skal tilby lærings- og mestringstilbud til pasienter med diabetes, og SI har ansvar for kurs
for pårørende. Partene skal evaluere tilbudet årlig, og kontaktpersonen koordinerer påmelding.

3. Brukermedvirkning
Brukerrepresentanter oppnevnes av brukerutvalget og deltar i samarbeidsutvalget når tjenestene
skal utvikles og evalueres. Partene bør søke å involvere brukerorganisasjonene.

4. Samarbeidsutvalg
Samarbeidsutvalget består av fire medlemmer fra hver part og møtes to ganger i året.

5. Oppgaver
Kommunen bør sikre rutiner for innleggelse, utskrivningsklare pasienter, beredskap og forebygging.
Helseforetaket kan bidra ved behov, jf. § 6-2. Det skal utarbeides en felles handlingsplan.
«Denne avtalen erstatter avtalen vedtatt 1. juli 2012 mellom partene.»

For Gjøvik kommune                For Sykehuset Innlandet HF
Kari Nordmann (sign.)             Ola Hansen
Gjøvik, 12. mai 2021
"""


def warm_up(scorers: dict[str, Any] | None = None) -> None:
    """Assess a short sample once, so that what the rules build on first use (literal
    prefilters, the registry's name index, compiled patterns) is built in this process: worker
    processes forked from it then start with all of it instead of each building it again."""
    try:
        assess_text(AgreementText.from_text(_WARM_UP_TEXT, path="<oppvarming>"), scorers)
    except Exception:  # a warm-up must never stop the batch
        return


def assess_ingested(ingested: IngestedDocument, scorers: dict[str, Any] | None = None) -> Assessment:
    """An ingested file to its assessment; a file that could not be read keeps its error."""
    if ingested.error is not None:
        return Assessment(file=ingested.path, needs_ocr=ingested.needs_ocr, error=ingested.error_record(),
                          content_hash=ingested.content_hash)
    return assess_text(AgreementText.from_ingested(ingested), scorers)
