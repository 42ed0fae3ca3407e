"""The demo round: bundled agreement texts and open survey answers through the whole chain.

For every agreement text: the full assessment of the spec (language, kind, parties, dates,
signature, learning-and-coping and user-participation levels, commitment, § 6-2 points, meeting
arenas) and the codebook themes (lexicon coder).  For every open answer: its
language and themes.  Each result is a Judgement with evidence and provenance, stored in the
store (documents by content hash, so a re-run changes nothing), and compared with the labels
that ship with the data (``data/labels.json``).  Themes that no source touches are reported.

:func:`analyse` is pure (texts in, results out); :func:`run_demo` adds the store and the files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from samrev import __version__
from samrev.core.model import Judgement, Provenance, Span

DATA = resources.files("samrev.demo") / "data"
AGREEMENT_DIR = "avtaler"
SURVEY_FILE = "sporreundersokelse/apne_svar.csv"
MAX_EVIDENCE = 8

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class DemoText:
    """One bundled text: an agreement (``kind="document"``) or an open answer."""

    key: str  # path under data/ for agreements, answer id for survey answers
    kind: str  # "document" | "survey_answer"
    text: str
    group: str = ""
    question: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class DemoItemResult:
    text: DemoText
    judgements: list[Judgement] = field(default_factory=list)
    passages: int = 0

    def value(self, subject: str) -> Any:
        return next((j.value for j in self.judgements if j.subject == subject), None)

    @property
    def themes(self) -> list[str]:
        return sorted(j.subject.removeprefix("theme:") for j in self.judgements
                      if j.subject.startswith("theme:"))


@dataclass(slots=True)
class DemoResult:
    items: list[DemoItemResult]
    absent_themes: dict[str, list[str]]
    checks: dict[str, dict[str, int]]
    stored: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "samrev": __version__,
            "items": [
                {
                    "key": item.text.key,
                    "kind": item.text.kind,
                    "passages": item.passages,
                    "judgements": [j.to_dict() for j in item.judgements],
                }
                for item in self.items
            ],
            "absent_themes": self.absent_themes,
            "checks": self.checks,
            "stored": self.stored,
        }


def load_texts() -> list[DemoText]:
    """The bundled agreements (sorted by name) and open answers (in file order)."""
    texts = [
        DemoText(key=f"{AGREEMENT_DIR}/{entry.name}", kind="document", text=entry.read_text(encoding="utf-8"))
        for entry in sorted(DATA.joinpath(AGREEMENT_DIR).iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".txt")
    ]
    rows = csv.DictReader(io.StringIO(DATA.joinpath(SURVEY_FILE).read_text(encoding="utf-8")))
    texts.extend(
        DemoText(key=row["svar_id"], kind="survey_answer", text=row["svar"], group=row["gruppe"],
                 question=row["sporsmal"])
        for row in rows
    )
    return texts


def load_labels() -> dict[str, Any]:
    labels: dict[str, Any] = json.loads(DATA.joinpath("labels.json").read_text(encoding="utf-8"))
    return labels


def _language_judgement(text: str, languages: tuple[str, ...]) -> Judgement:
    from samrev.text import LinguaMarkerDetector, dominant_language

    guess = dominant_language([text], languages=languages)
    evidence = tuple(Span(m.start, m.end, text[m.start:m.end]) for m in guess.markers
                     if m.lang == guess.lang)[:MAX_EVIDENCE]
    return Judgement(
        subject="language",
        value=guess.lang,
        provenance=Provenance.model(LinguaMarkerDetector.name, LinguaMarkerDetector.version),
        evidence=evidence,
        confidence=round(guess.confidence, 3),
        note=", ".join(f"{lang} {score:.2f}" for lang, score in sorted(guess.scores.items())),
    )


def analyse(texts: Iterable[DemoText], progress: Progress | None = None) -> list[DemoItemResult]:
    """Language, parties and themes for each text (pure: no store, no files)."""
    from samrev.agreements import AgreementText, assess_text
    from samrev.agreements.passage_model import scorers
    from samrev.coding.lexicon import LexiconCoder
    from samrev.text import normalise

    coder = LexiconCoder()
    models = scorers()
    results = []
    for item in texts:
        if progress:
            progress(item.key)
        text = normalise(item.text).text
        item = DemoText(item.key, item.kind, text, item.group, item.question)
        result = DemoItemResult(item)
        if item.kind == "document":
            agreement = AgreementText.from_text(text, path=item.key)
            result.passages = len(agreement.passages)
            result.judgements.extend(assess_text(agreement, models).judgements.values())
        else:
            result.judgements.append(_language_judgement(text, ("nb", "nn")))
        result.judgements.extend(coder.code(text))
        results.append(result)
    return results


def absent_themes(results: list[DemoItemResult]) -> dict[str, list[str]]:
    """Per source (agreements, survey), the codebook themes that no item touches."""
    from samrev.coding.codebook import load_codebook

    ids = load_codebook().theme_ids
    by_source: dict[str, set[str]] = {"avtaler": set(), "sporreundersokelse": set()}
    for result in results:
        source = "avtaler" if result.text.kind == "document" else "sporreundersokelse"
        by_source[source].update(result.themes)
    out = {source: [t for t in ids if t not in seen] for source, seen in by_source.items()}
    out["alle_kilder"] = [t for t in ids if all(t not in seen for seen in by_source.values())]
    return out


def check_against_labels(results: list[DemoItemResult], labels: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Counts of agreement with the bundled labels: language, parties, themes (hits/misses/extra)."""
    survey_labels = labels.get(SURVEY_FILE, {})
    checks: dict[str, dict[str, int]] = {
        "language": {"right": 0, "wrong": 0},
        "parties": {"right": 0, "wrong": 0},
        "themes": {"found": 0, "missed": 0, "extra": 0},
    }
    for result in results:
        key = result.text.key
        label = labels.get(key) if result.text.kind == "document" else survey_labels.get(key)
        if not label:
            continue
        checks["language"]["right" if result.value("language") == label["language"] else "wrong"] += 1
        if "municipalities" in label:
            same = (result.value("health_trust") == label["health_trust"]
                    and result.value("municipalities") == sorted(label["municipalities"]))
            checks["parties"]["right" if same else "wrong"] += 1
        expected, got = set(label["themes"]), set(result.themes)
        checks["themes"]["found"] += len(expected & got)
        checks["themes"]["missed"] += len(expected - got)
        checks["themes"]["extra"] += len(got - expected)
    return checks


def _run_key(item: DemoText) -> str:
    from samrev.agreements.service import run_key
    from samrev.coding.lexicon import LexiconCoder
    from samrev.text import LinguaMarkerDetector

    config = f"{item.content_hash}|lexicon@{LexiconCoder.version}|{LinguaMarkerDetector.version}|{run_key()}"
    return hashlib.sha256(config.encode("utf-8")).hexdigest()[:32]


def store_results(results: list[DemoItemResult]) -> dict[str, int]:
    """Persist documents, passages and judgements; a re-run with the same inputs writes nothing."""
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()
    from samrev.store import actions, models
    from samrev.text import passages

    project = models.Project.objects.filter(slug="demo").first() or actions.create_project(
        "Demo: Helse Førde-regionen", "demo", "Syntetiske eksempeldata som følger med samrev.")
    round_ = (models.ReviewRound.objects.filter(project=project, name="Demo 2026").first()
              or actions.create_round(project, "Demo 2026", 2026))
    counts = {"documents_new": 0, "judgements_new": 0}
    for result in results:
        item = result.text
        if item.kind == "document":
            language = result.value("language") or ""
            document, created = actions.save_document(
                content_hash=item.content_hash, format="txt", text=item.text, path=item.key,
                characters=len(item.text), language=language, round=round_, actor="demo",
            )
            if created:
                counts["documents_new"] += 1
                actions.save_passages(document, passages(item.text), actor="demo")
        before = models.Judgement.objects.count()
        actions.record_judgements(item.kind, item.content_hash if item.kind == "document" else item.key,
                                  result.judgements, run_key=_run_key(item), round=round_, actor="demo")
        counts["judgements_new"] += models.Judgement.objects.count() - before
    counts["documents_total"] = models.Document.objects.count()
    counts["judgements_total"] = models.Judgement.objects.count()
    return counts


def run_demo(output_dir: Path, progress: Progress | None = None, *, store: bool = True) -> DemoResult:
    """Analyse the bundled texts, store the judgements, and write ``resultat.json`` to ``output_dir``."""
    results = analyse(load_texts(), progress)
    demo = DemoResult(items=results, absent_themes=absent_themes(results),
                      checks=check_against_labels(results, load_labels()))
    if store:
        demo.stored = store_results(results)
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "resultat.json").write_text(json.dumps(demo.to_dict(), ensure_ascii=False, indent=2),
                                              encoding="utf-8")
    return demo
