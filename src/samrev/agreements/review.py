"""A review round in the store: import, the values a report uses, the verification queue.

The thin layer between the pure summary/coverage functions and the store:

- :func:`import_round` ingests and assesses files into a round (idempotent by content hash: a
  file already assessed with the same engine and models is reused, a file already in the round
  adds nothing), records the manifest's parties as ``rule:manifest`` judgements of that round and
  each file's URL and retrieval time.
- :func:`round_facts` / :func:`facts_for_document` give each document's :class:`DocumentFacts`:
  per field the latest person's verification, else the round's manifest (parties only), else the
  latest machine judgement.  Nothing is overwritten anywhere: verifications are new judgements.
- :func:`queue` lists the machine judgements of a round that no person has verified, least
  certain first; :func:`verify_field` records a person's confirmation or correction.

Import the store (:func:`samrev.store.bootstrap.ensure_ready`) before calling these.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samrev.agreements.model import COMMITMENTS, FIELDS, KINDS, SIGNATURES
from samrev.agreements.summary import DocumentFacts
from samrev.core.errors import InputError, UnknownHealthTrust

if TYPE_CHECKING:
    from samrev.agreements.manifest import ManifestRow
    from samrev.agreements.model import Assessment
    from samrev.store import models

ITEM_TYPE = "document"
PROJECT_SLUG = "samrev"
PROJECT_NAME = "Nasjonal gjennomgang av samarbeidsavtaler"
MANIFEST_RULE = "manifest"
LINK_BATCH = 200  # files linked to the round per transaction


# --- rounds ------------------------------------------------------------------------------------


def get_round(name: str) -> models.ReviewRound:
    """The round called ``name`` (a clear error naming the known rounds when there is none)."""
    from samrev.store import models

    found = models.ReviewRound.objects.filter(name=name).select_related("project").first()
    if found is None:
        known = ", ".join(models.ReviewRound.objects.order_by("name").values_list("name", flat=True)) or "ingen"
        raise InputError(detail=f"finner ingen runde som heter «{name}» (kjente runder: {known})")
    return found


def ensure_round(name: str, *, year: int | None = None, structure: int = 2024) -> models.ReviewRound:
    """The round ``name``, created (in the default project) when it does not exist."""
    from samrev.store import actions, models

    found = models.ReviewRound.objects.filter(name=name).first()
    if found is not None:
        if found.registry_structure != structure:
            raise InputError(detail=(f"runden «{name}» bruker kommunestrukturen {found.registry_structure}, "
                                     f"ikke {structure}"))
        return found
    project = models.Project.objects.filter(slug=PROJECT_SLUG).first() or actions.create_project(
        PROJECT_NAME, PROJECT_SLUG)
    return actions.create_round(project, name, year or datetime.now(tz=UTC).year, structure)


# --- import ------------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportResult:
    """What an import did."""

    round: str
    files: int = 0
    new_in_round: int = 0
    already_in_round: int = 0
    reused: int = 0
    assessed: int = 0
    failed: int = 0
    manifest_rows: int = 0
    manifest_matched: int = 0
    manifest_unmatched: list[str] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self.__slots__ if key != "records"}  # type: ignore[attr-defined]


def _manifest_lookup(rows: Sequence[ManifestRow]) -> Callable[[str], ManifestRow | None]:
    """A function from an assessed file's path to its manifest row (by the longest known tail of the
    path: see :func:`samrev.agreements.manifest.manifest_lookup`)."""
    from samrev.agreements.manifest import manifest_index, manifest_lookup

    index = manifest_index(rows)
    return lambda shown: manifest_lookup(index, shown)


def _retrieved(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time(12, 0), tzinfo=UTC)


def _manifest_judgements(row: ManifestRow) -> list[Any]:
    from samrev.core.model import Judgement, Provenance

    provenance = Provenance.rule(MANIFEST_RULE)
    note = f"fra manifestet, linje {row.line}"
    out = []
    if row.health_trust:
        from samrev.registry import health_trust as find_trust

        try:
            trust_name = find_trust(row.health_trust_code or row.health_trust).name
        except UnknownHealthTrust:
            trust_name = row.health_trust.strip()
        out.append(Judgement(subject="health_trust", value=trust_name, provenance=provenance,
                             confidence=1.0, note=note))
    if row.municipality.strip():
        names = list(row.municipality_names)
        if row.municipality_codes and len(row.municipality_codes) >= len(names):
            from samrev.registry import municipality

            value = sorted({municipality(code, 2024).name for code in row.municipality_codes})
        else:
            value = _municipality_names(names)
        out.append(Judgement(subject="municipalities", value=value, provenance=provenance,
                             confidence=1.0, note=note))
    return out


def _municipality_names(names: Sequence[str]) -> list[str]:
    """Registry names (without «kommune») for manifest names; ``*`` and unknown names kept."""
    from samrev.registry import find_municipalities

    out: list[str] = []
    for name in names:
        if name.strip() in {"*", "alle"}:
            return ["*"]
        bare = name.strip().removesuffix(" kommune").removesuffix(" kommune".title())
        found = find_municipalities(bare, 2024) or find_municipalities(bare, 2020)
        out.append(found[0].name if found else bare)
    return sorted(set(out))


def import_round(paths: list[str], round_name: str, *, manifest: Sequence[ManifestRow] = (),
                 structure: int = 2024, year: int | None = None,
                 workers: int | None = None, progress: Callable[[int, int, str], None] | None = None,
                 actor: str = "samrev") -> ImportResult:
    """Ingest, assess and store ``paths`` into the round ``round_name`` (see the module docstring)."""
    from django.db import transaction

    from samrev.agreements.service import BatchResult, assess_paths

    review_round = ensure_round(round_name, year=year, structure=structure)
    result = ImportResult(round=review_round.name, manifest_rows=len(manifest))
    find = _manifest_lookup(manifest)
    matched: set[int] = set()
    batch = BatchResult(given=list(paths))
    done: list[tuple[Assessment, ManifestRow | None]] = []
    for assessment in assess_paths(paths, store=True, workers=workers, progress=progress, result=batch):
        result.files += 1
        row = find(assessment.file)
        if row is not None:
            matched.add(row.line)
        record = assessment.to_record()
        record["content_hash"] = assessment.content_hash
        result.records.append(record)
        done.append((assessment, row))
    # Linked to the round once the batch is over: assess_paths stores documents a batch at a time,
    # so a document is certainly in the store only when the stream has ended.
    for start in range(0, len(done), LINK_BATCH):
        with transaction.atomic():
            for assessment, row in done[start : start + LINK_BATCH]:
                _link(assessment, row, review_round, result, actor)
    result.reused, result.assessed = batch.reused, batch.assessed
    result.manifest_matched = len(matched)
    result.manifest_unmatched = [row.file for row in manifest if row.line not in matched]
    return result


def _link(assessment: Assessment, row: ManifestRow | None, review_round: models.ReviewRound,
          result: ImportResult, actor: str) -> None:
    """Add one imported file to the round, with its manifest row's URL, time and parties."""
    from samrev.store import actions, models

    if assessment.error is not None:
        result.failed += 1
        actions.append_audit_event("round.import_failed", actor=actor, object_type="round",
                                   object_id=review_round.pk, data={"file": assessment.file, "error": assessment.error})
        document = _store_failed(assessment, actor)
        if document is None:  # (no bytes to key it by: a path that does not exist)
            return
    else:
        content_hash = assessment.content_hash or _hash_of(assessment.file)
        document = models.Document.objects.filter(content_hash=content_hash).first()
        if document is None:  # (stored by assess_paths; absent only if the store was bypassed)
            return
    created = actions.add_to_round(document, path=assessment.file, round=review_round,
                                   url=row.url if row else "", retrieved=_retrieved(row.retrieved) if row else None,
                                   actor=actor)
    if row is not None and document.error is None:
        judgements = _manifest_judgements(row)
        if judgements:
            digest = hashlib.sha256(json.dumps([[j.subject, j.value] for j in judgements],
                                               ensure_ascii=False).encode()).hexdigest()[:16]
            actions.record_judgements(ITEM_TYPE, document.content_hash, judgements,
                                      run_key=f"manifest:{review_round.pk}:{digest}", round=review_round, actor=actor)
    if created:
        result.new_in_round += 1
    else:
        result.already_in_round += 1


def _store_failed(assessment: Assessment, actor: str) -> models.Document | None:
    """A file that could not be read, kept in the store with its error (so the round's report
    counts it), keyed by the hash of its bytes."""
    from samrev.store import actions

    path = assessment.file.split("!", 1)[0]
    try:
        content_hash = assessment.content_hash or _hash_of(path)
    except OSError:
        return None
    document, _ = actions.save_document(content_hash=content_hash, format=Path(path).suffix.lstrip(".").lower()
                                        or "ukjent", text="", path=assessment.file, error=assessment.error,
                                        actor=actor)
    return document


def _hash_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- the values a report uses ------------------------------------------------------------------


def _source_of(provenance: str) -> str:
    if provenance.startswith("person:"):
        return "person"
    if provenance == f"rule:{MANIFEST_RULE}" or provenance.startswith(f"rule:{MANIFEST_RULE}@"):
        return "manifest"
    return "machine"


def pick(rows: Sequence[Any], round_id: int | None = None) -> tuple[Any, str] | None:
    """The row a report uses among one subject's judgement rows (oldest first), and its source:
    the latest person's, else the latest manifest row (of ``round_id`` when given), else the latest
    machine row."""
    persons = [r for r in rows if _source_of(r.provenance) == "person"]
    if persons:
        return persons[-1], "person"
    manifests = [r for r in rows if _source_of(r.provenance) == "manifest"
                 and (round_id is None or r.round_id == round_id)]
    if manifests:
        return manifests[-1], "manifest"
    machines = [r for r in rows if _source_of(r.provenance) == "machine"]
    return (machines[-1], "machine") if machines else None


def facts_for_documents(documents: Sequence[tuple[str, models.Document]], round_id: int | None = None,
                        ) -> list[DocumentFacts]:
    """:class:`DocumentFacts` for ``(shown file, document)`` pairs (two queries in all)."""
    from samrev.store import models

    hashes = [document.content_hash for _, document in documents]
    rows_by_item: dict[str, dict[str, list[Any]]] = {}
    for row in models.Judgement.objects.filter(item_type=ITEM_TYPE, item_id__in=hashes).order_by("created_at", "id"):
        rows_by_item.setdefault(row.item_id, {}).setdefault(row.subject, []).append(row)
    out: list[DocumentFacts] = []
    for shown, document in documents:
        facts = DocumentFacts(file=shown, content_hash=document.content_hash, needs_ocr=document.needs_ocr,
                              error=document.error)
        for subject, rows in rows_by_item.get(document.content_hash, {}).items():
            chosen = pick(rows, round_id)
            if chosen is None:
                continue
            row, source = chosen
            facts.values[subject] = row.value
            facts.sources[subject] = source
            facts.evidence[subject] = list(row.evidence or [])
            facts.confidence[subject] = row.confidence
        if facts.error is None and not all(name in facts.values for name in FIELDS):
            facts.error = {"code": "not_assessed", "message": "dokumentet er ikke vurdert"}
        out.append(facts)
    return out


def round_documents(review_round: models.ReviewRound) -> list[tuple[str, models.Document]]:
    """The round's documents, each once, by the path it was first imported under."""
    from samrev.store import models

    seen: dict[int, tuple[str, models.Document]] = {}
    for source in (models.DocumentSource.objects.filter(round=review_round).select_related("document")
                   .order_by("created_at", "id")):
        seen.setdefault(source.document_id, (source.path, source.document))
    return sorted(seen.values(), key=lambda pair: pair[0])


def round_facts(round_name: str) -> list[DocumentFacts]:
    review_round = get_round(round_name)
    return facts_for_documents(round_documents(review_round), review_round.pk)


def facts_for_assessments(assessments: Sequence[Assessment],
                          manifest_find: Callable[[str], ManifestRow | None] | None = None) -> list[DocumentFacts]:
    """Facts for fresh assessments: stored verifications where the store has the document, and
    the manifest's parties (given rows override the text's)."""
    from samrev.agreements.summary import facts_from_record
    from samrev.store import models

    stored = {d.content_hash: d for d in models.Document.objects.filter(
        content_hash__in=[a.content_hash for a in assessments if a.content_hash])}
    in_store = [(a.file, stored[a.content_hash]) for a in assessments
                if a.error is None and a.content_hash in stored]
    from_store = iter(facts_for_documents(in_store))  # (one query for all, in the same order)
    out: list[DocumentFacts] = []
    for assessment in assessments:
        if assessment.error is None and assessment.content_hash in stored:
            facts = next(from_store)
        else:
            facts = facts_from_record(assessment.to_record())
        row = manifest_find(assessment.file) if manifest_find else None
        if row is not None and facts.ok:
            for judgement in _manifest_judgements(row):
                if facts.sources.get(judgement.subject) != "person":
                    facts.values[judgement.subject] = judgement.value
                    facts.sources[judgement.subject] = "manifest"
                    facts.evidence[judgement.subject] = []
        out.append(facts)
    return out


# --- verification ------------------------------------------------------------------------------


def parse_value(field_name: str, text: str) -> Any:
    """A value typed by a person for ``field_name``, checked against the spec's values."""
    raw = text.strip()
    lowered = raw.lower()
    if lowered in {"null", "ingen", "none", ""}:
        if field_name in ("adopted", "revised", "health_trust"):
            return None
        if field_name in ("municipalities", "statutory_points"):
            return []
    if field_name in ("lms_level", "user_participation_level"):
        if lowered in {"0", "1", "2", "3"}:
            return int(lowered)
        raise InputError(detail=f"{field_name} må være 0, 1, 2 eller 3, ikke «{raw}»")
    if field_name == "meeting_arenas":
        if lowered in {"true", "ja", "yes", "1", "sann"}:
            return True
        if lowered in {"false", "nei", "no", "0", "usann"}:
            return False
        raise InputError(detail=f"meeting_arenas må være ja eller nei, ikke «{raw}»")
    choices = {"signature": SIGNATURES, "commitment": COMMITMENTS, "kind": KINDS, "language": ("nb", "nn")}
    if field_name in choices:
        if lowered in choices[field_name]:
            return lowered
        raise InputError(detail=f"{field_name} må være én av {', '.join(choices[field_name])}, ikke «{raw}»")
    if field_name == "statutory_points":
        try:
            points = sorted({int(p) for p in raw.strip("[]").replace(";", ",").split(",") if p.strip()})
        except ValueError:
            raise InputError(detail=f"statutory_points må være tall 1–13 skilt med komma, ikke «{raw}»") from None
        if any(not 1 <= p <= 13 for p in points):
            raise InputError(detail=f"statutory_points må ligge mellom 1 og 13, ikke «{raw}»")
        return points
    if field_name == "municipalities":
        if raw.startswith("["):
            try:
                names = [str(n) for n in json.loads(raw)]
            except ValueError:
                raise InputError(detail=f"ugyldig kommuneliste «{raw}»") from None
        else:
            from samrev.agreements.manifest import split_municipalities

            names = list(split_municipalities(raw))
        return _municipality_names(names)
    if field_name in ("adopted", "revised"):
        from samrev.agreements.summary import parse_partial

        if parse_partial(raw) is None:
            raise InputError(detail=f"{field_name} må være ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, ikke «{raw}»")
        return raw
    if field_name == "health_trust":
        from samrev.registry import health_trust as find_trust

        try:
            return find_trust(raw).name
        except UnknownHealthTrust:
            raise InputError(detail=f"finner ikke helseforetaket «{raw}» i registeret") from None
    raise InputError(detail=f"ukjent felt «{field_name}» (felt: {', '.join(FIELDS)})")


def value_text(value: Any) -> str:
    """A value as a person types it (the inverse of :func:`parse_value`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) if value and isinstance(value[0], str) else ", ".join(
            str(v) for v in value)
    return str(value)


def find_document(file: str, review_round: models.ReviewRound | None = None) -> tuple[str, models.Document]:
    """The stored document a person means by ``file``: a path as imported, a file name, or a file
    on disk (by its content hash).  Ambiguous names are refused with the candidates."""
    from samrev.store import models

    sources = models.DocumentSource.objects.select_related("document")
    if review_round is not None:
        sources = sources.filter(round=review_round)
    exact = list(sources.filter(path=file))
    if not exact:
        exact = [s for s in sources.filter(path__endswith=Path(file).name) if Path(s.path).name == Path(file).name]
    documents = {s.document_id: (s.path, s.document) for s in exact}
    if not documents and Path(file).is_file():
        document = models.Document.objects.filter(content_hash=_hash_of(file)).first()
        if document is not None:
            return file, document
    if not documents:
        raise InputError(detail=f"finner ikke «{file}» blant de lagrede dokumentene"
                                + (f" i runden «{review_round.name}»" if review_round else ""))
    if len(documents) > 1:
        paths = ", ".join(sorted(path for path, _ in documents.values()))
        raise InputError(detail=f"«{file}» kan være flere dokumenter: {paths}; oppgi hele stien")
    return next(iter(documents.values()))


@dataclass(frozen=True, slots=True)
class QueueItem:
    judgement_id: int
    file: str
    content_hash: str
    field: str
    value: Any
    confidence: float | None
    provenance: str
    evidence: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"judgement_id": self.judgement_id, "file": self.file, "content_hash": self.content_hash,
                "field": self.field, "value": self.value, "confidence": self.confidence,
                "provenance": self.provenance, "evidence": list(self.evidence)}


def queue(round_name: str, *, fields: Sequence[str] = FIELDS, include_verified: bool = False) -> list[QueueItem]:
    """The machine judgements of the round that a person has not verified, least certain first
    (judgements without a confidence after those with one; then by file and the spec's field order)."""
    from samrev.store import models

    review_round = get_round(round_name)
    documents = round_documents(review_round)
    by_hash = {document.content_hash: shown for shown, document in documents}
    rows: dict[str, dict[str, list[Any]]] = {}
    for row in models.Judgement.objects.filter(item_type=ITEM_TYPE, item_id__in=list(by_hash)).order_by(
            "created_at", "id"):
        rows.setdefault(row.item_id, {}).setdefault(row.subject, []).append(row)
    items: list[QueueItem] = []
    for content_hash, subjects in rows.items():
        for subject, history in subjects.items():
            if subject not in fields:
                continue
            chosen = pick(history, review_round.pk)
            if chosen is None:
                continue
            row, source = chosen
            if source == "person" and not include_verified:
                continue
            items.append(QueueItem(row.pk, by_hash[content_hash], content_hash, subject, row.value, row.confidence,
                                   row.provenance, tuple(row.evidence or ())))
    order = {name: index for index, name in enumerate(FIELDS)}
    items.sort(key=lambda item: (item.confidence is None, item.confidence if item.confidence is not None else 0.0,
                                 item.file, order.get(item.field, 99)))
    return items


def current_row(content_hash: str, field_name: str, round_id: int | None = None) -> tuple[Any, str]:
    """The judgement row a report uses now for (document, field), and its source."""
    from samrev.store import models

    history = list(models.Judgement.objects.filter(item_type=ITEM_TYPE, item_id=content_hash, subject=field_name)
                   .order_by("created_at", "id"))
    chosen = pick(history, round_id)
    if chosen is None:
        raise InputError(detail=f"dokumentet har ingen vurdering av «{field_name}»")
    return chosen


def verify_field(file: str, field_name: str, value_text_: str, *, by: str, note: str = "",
                 round_name: str | None = None) -> dict[str, Any]:
    """A person confirms (the same value) or corrects (another) a document's field; both stay."""
    from samrev.store import actions

    if field_name not in FIELDS:
        raise InputError(detail=f"ukjent felt «{field_name}» (felt: {', '.join(FIELDS)})")
    review_round = get_round(round_name) if round_name else None
    shown, document = find_document(file, review_round)
    value = parse_value(field_name, value_text_)
    row, source = current_row(document.content_hash, field_name, review_round.pk if review_round else None)
    stored = actions.verify(row.pk, by, value=value, note=note)
    return {"file": shown, "field": field_name, "old": row.value, "old_source": source, "new": value,
            "confirmed": value == row.value, "judgement_id": stored.id, "supersedes": row.pk, "by": by}

