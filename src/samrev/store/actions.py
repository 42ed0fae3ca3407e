"""Write use cases of the store: one function per use case, called by CLI, web and tasks alike.

Each runs in one ``transaction.atomic()``, appends an :class:`~samrev.store.models.AuditEvent`
for every change it makes, and turns database failures into samrev errors
(:class:`StoreIntegrityError`, :class:`StoreError`).  A call that changes nothing writes nothing,
not even an audit event.  Call :func:`samrev.store.bootstrap.ensure_ready` before importing.

``actor`` names who acted (a user name); left empty, it is the operating-system user.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from samrev.core import model as core
from samrev.core.errors import InputError, StoreIntegrityError
from samrev.store import models
from samrev.store.bootstrap import translate_db_errors
from samrev.store.repository import (
    StoredJudgement,
    evidence_to_json,
    judgements_for_run,
    judgements_for_runs,
    to_stored,
)

_P = ParamSpec("_P")
_R = TypeVar("_R")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _use_case(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` in one transaction and report database failures as samrev errors."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with translate_db_errors(), transaction.atomic():
            return func(*args, **kwargs)

    return wrapper


@contextlib.contextmanager
def one_transaction() -> Iterator[None]:
    """Several use cases in one transaction (each of theirs becomes a savepoint): all or nothing,
    database failures reported as samrev errors."""
    with translate_db_errors(), transaction.atomic():
        yield


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "ukjent"


def _actor(actor: str | AbstractBaseUser) -> str:
    if isinstance(actor, AbstractBaseUser):
        return actor.get_username()
    return actor.strip() or default_actor()


def append_audit_event(
    action: str,
    *,
    actor: str | AbstractBaseUser = "",
    object_type: str = "",
    object_id: str | int = "",
    data: dict[str, Any] | None = None,
) -> models.AuditEvent:
    """Append one event to the audit log (inside the caller's transaction)."""
    return models.AuditEvent.objects.create(
        actor=_actor(actor),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        data=data or {},
    )


# --- projects and rounds ---------------------------------------------------------------------


@_use_case
def create_project(name: str, slug: str, description: str = "", *, actor: str = "") -> models.Project:
    project = models.Project.objects.create(name=name, slug=slug, description=description)
    append_audit_event(
        "project.created", actor=actor, object_type="project", object_id=project.pk, data={"slug": slug}
    )
    return project


@_use_case
def create_round(
    project: models.Project,
    name: str,
    year: int,
    registry_structure: int = models.RegistryStructure.Y2024,
    *,
    actor: str = "",
) -> models.ReviewRound:
    if registry_structure not in models.RegistryStructure.values:
        raise InputError(detail=f"kommunestruktur må være 2020 eller 2024, ikke {registry_structure}")
    review_round = models.ReviewRound.objects.create(
        project=project, name=name, year=year, registry_structure=registry_structure
    )
    append_audit_event(
        "round.created",
        actor=actor,
        object_type="round",
        object_id=review_round.pk,
        data={"project": project.slug, "name": name, "year": year, "registry_structure": registry_structure},
    )
    return review_round


# --- documents and passages ------------------------------------------------------------------


def _checked_hash(content_hash: str) -> str:
    content_hash = content_hash.strip().lower()
    if not _SHA256.match(content_hash):
        raise InputError(detail=f"innholdshash må være SHA-256 i heksadesimal, ikke «{content_hash}»")
    return content_hash


@_use_case
def save_document(
    *,
    content_hash: str,
    format: str,
    text: str,
    path: str,
    pages: int = 0,
    characters: int | None = None,
    language: str = "",
    needs_ocr: bool = False,
    page_ranges: Sequence[tuple[int, int] | list[int]] = (),
    metadata: dict[str, Any] | None = None,
    error: dict[str, Any] | None = None,
    round: models.ReviewRound | None = None,
    url: str = "",
    retrieved: datetime | None = None,
    actor: str = "",
) -> tuple[models.Document, bool]:
    """Store an ingested document once per content hash, and record where it was seen.

    Returns ``(document, created)``.  The same content again is a no-op; the same content at a
    new ``path`` (or in a new round) adds only a source row.  New content at a path that held
    another document becomes a new Document whose source row links to that predecessor.
    """
    content_hash = _checked_hash(content_hash)
    path = str(path)
    # get_or_create: two workers importing the same file at once end with one row, no error.
    document, created = models.Document.objects.get_or_create(
        content_hash=content_hash,
        defaults={
            "format": format,
            "pages": pages,
            "characters": len(text) if characters is None else characters,
            "language": language,
            "needs_ocr": needs_ocr,
            "text": text,
            "page_ranges": [[int(start), int(end)] for start, end in page_ranges],
            "metadata": metadata or {},
            "error": error,
        },
    )
    if models.DocumentSource.objects.filter(document=document, path=path, round=round).exists():
        return document, created
    latest_here = (
        models.DocumentSource.objects.filter(path=path)
        .exclude(document=document)
        .order_by("-created_at", "-id")
        .first()
    )
    previous = latest_here.document if latest_here is not None else None
    _source, source_created = models.DocumentSource.objects.get_or_create(
        document=document,
        path=path,
        round=round,
        defaults={"url": url, "retrieved": retrieved, "previous_version": previous},
    )
    if not source_created:
        return document, created
    append_audit_event(
        "document.created" if created else "document.seen",
        actor=actor,
        object_type="document",
        object_id=content_hash,
        data={
            "path": path,
            "round": round.pk if round is not None else None,
            "format": format,
            "previous_version": previous.content_hash if previous is not None else None,
        },
    )
    return document, created


@_use_case
def add_to_round(
    document: models.Document,
    *,
    path: str,
    round: models.ReviewRound,
    url: str = "",
    retrieved: datetime | None = None,
    actor: str = "",
) -> bool:
    """Record that ``document`` belongs to ``round`` (seen at ``path``); False when it already did.

    The predecessor at the same path (in any round) becomes the source row's ``previous_version``,
    as in :func:`save_document`; a manifest's URL and retrieval time are kept with the row.
    """
    path = str(path)
    if models.DocumentSource.objects.filter(document=document, path=path, round=round).exists():
        return False
    latest_here = (
        models.DocumentSource.objects.filter(path=path).exclude(document=document)
        .order_by("-created_at", "-id").first()
    )
    models.DocumentSource.objects.create(
        document=document, path=path, round=round, url=url, retrieved=retrieved,
        previous_version=latest_here.document if latest_here is not None else None,
    )
    append_audit_event(
        "round.document_added",
        actor=actor,
        object_type="document",
        object_id=document.content_hash,
        data={"path": path, "round": round.pk, "url": url,
              "retrieved": retrieved.isoformat() if retrieved else None},
    )
    return True


@_use_case
def save_passages(document: models.Document, passages: Sequence[core.Passage], *, actor: str = "") -> int:
    """Store a document's passages; identical passages again are a no-op, different ones replace
    the old set (evidence points into the document text, not at passages, so nothing dangles).
    Returns how many passages the document has.  Rows go in with one ``executemany`` (a national
    round stores hundreds of thousands of passages; building a model object per row cost more
    than the rest of ingestion)."""
    wanted = _passage_rows(passages)
    existing = list(document.passages.order_by("index").values_list(
        "index", "start", "end", "page", "language", "text"))
    if existing == wanted:
        return len(existing)
    _check_passage_ranges(passages, len(document.text))
    replaced = len(existing)
    if replaced:
        document.passages.all().delete()
    _insert_passages([(document.pk, *row) for row in wanted])
    append_audit_event(
        "passages.saved",
        actor=actor,
        object_type="document",
        object_id=document.content_hash,
        data={"count": len(wanted), "replaced": replaced},
    )
    return len(wanted)


PassageRow = tuple[int, int, int, int | None, str, str]  # index, start, end, page, language, text


def _passage_rows(passages: Sequence[core.Passage]) -> list[PassageRow]:
    """The rows to store, by index (two passages with one index are refused)."""
    indices = [p.index for p in passages]
    if len(set(indices)) != len(indices):
        raise StoreIntegrityError(detail="to tekstavsnitt har samme nummer (index)")
    return sorted(
        ((p.index, p.start, p.end, p.page, p.language or "", p.text) for p in passages),
        key=lambda row: row[0],
    )


def _check_passage_ranges(passages: Sequence[core.Passage], size: int) -> None:
    for p in passages:
        if not 0 <= p.start <= p.end <= size:
            raise StoreIntegrityError(
                detail=f"tekstavsnitt {p.index} ({p.start}..{p.end}) ligger utenfor teksten (0..{size})"
            )


def _insert_passages(rows: Sequence[tuple[Any, ...]]) -> None:
    """(document id, *PassageRow) rows in one ``executemany``."""
    _insert_rows(models.Passage, ("document", "index", "start", "end", "page", "language", "text"), rows)


def _insert_rows(model: type[Model], names: Sequence[str], rows: Sequence[Sequence[Any]], *,
                 returning: bool = False) -> list[int]:
    """Insert ``rows`` (values of the fields ``names``, already as the database driver takes them)
    into ``model``'s table: one ``executemany``, or with ``returning`` multi-row ``INSERT …
    RETURNING`` statements, and then the new ids in the order of ``rows``.

    Django's ``bulk_create`` does the same, but turns every value of every row into SQL through
    the field (a few microseconds each: more than the rest of storing a batch).  Callers adapt
    only the values that need it (JSON, datetimes: :func:`_db_json`, :func:`_db_datetime`).
    """
    if not rows:
        return []
    meta = model._meta
    quote = connection.ops.quote_name
    fields = [meta.get_field(name) for name in names]
    columns = ", ".join(quote(str(getattr(field, "column", name))) for field, name in zip(fields, names, strict=True))
    head = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "  # noqa: S608 (names from _meta)
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connection.cursor() as cursor:
        if not returning:
            cursor.executemany(head + one, [tuple(row) for row in rows])
            return []
        # as many rows per statement as the backend takes parameters (PostgreSQL: at most 65535)
        size = max(1, min(connection.ops.bulk_batch_size(fields, rows), 65535 // len(names)))
        ids: list[int] = []
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(f"{head}{', '.join([one] * len(chunk))} RETURNING {quote(meta.pk.column)}",
                           [value for row in chunk for value in row])
            # Ids are handed out in the order of the VALUES list (a sequence, or SQLite's next rowid,
            # row after row), but neither database promises RETURNING's order: sorted, they line up.
            ids.extend(sorted(int(found[0]) for found in cursor.fetchall()))
        return ids


def _db_json(value: Any) -> Any:
    """A JSONField's value as the driver takes it (None is SQL NULL, as JSONField stores it)."""
    return None if value is None else connection.ops.adapt_json_value(value, None)


def _db_datetime(value: datetime) -> Any:
    """An aware datetime as the driver takes it (what DateTimeField.get_db_prep_save gives)."""
    return connection.ops.adapt_datetimefield_value(value)


_DOCUMENT_FIELDS = ("format", "pages", "characters", "language", "needs_ocr", "page_ranges", "metadata",
                    "error")


@_use_case
def save_documents(records: Sequence[Mapping[str, Any]], *, actor: str = "") -> list[tuple[models.Document, bool]]:
    """Several :func:`save_document` calls in one transaction, each new document's ``passages``
    (an optional key of its record) stored as by :func:`save_passages`.

    Each record holds :func:`save_document`'s keyword arguments (``content_hash``, ``format``,
    ``text``, ``path``, …).  Rows, audit events (in the same order) and the returned
    ``(document, created)`` pairs are those of the calls made one after the other; a batch of
    distinct files costs a few statements in all instead of a dozen per file.  A batch that names
    a content hash or a path twice, or a round, is stored by those calls themselves.  On
    PostgreSQL a file stored by another process meanwhile makes the batch fail with
    :class:`StoreIntegrityError` (a unique key); store it again, one file at a time.
    """
    items = [dict(record) for record in records]
    for item in items:
        item["content_hash"] = _checked_hash(str(item["content_hash"]))
        item["path"] = str(item["path"])
    hashes = [item["content_hash"] for item in items]
    paths = [item["path"] for item in items]
    if (len(set(hashes)) < len(items) or len(set(paths)) < len(items)
            or any(item.get("round") is not None for item in items)
            or not connection.features.can_return_rows_from_bulk_insert):
        return [_save_one(item, actor) for item in items]
    who = _actor(actor)
    found = {d.content_hash: d for d in models.Document.objects.filter(content_hash__in=hashes)}
    fresh = [
        models.Document(
            content_hash=item["content_hash"],
            text=item["text"],
            **{
                **{"pages": 0, "language": "", "needs_ocr": False, "metadata": {}, "error": None},
                **{name: item[name] for name in _DOCUMENT_FIELDS if name in item},
                "characters": len(item["text"]) if item.get("characters") is None else item["characters"],
                "page_ranges": [[int(start), int(end)] for start, end in item.get("page_ranges", ())],
                "metadata": item.get("metadata") or {},
            },
        )
        for item in items
        if item["content_hash"] not in found
    ]
    models.Document.objects.bulk_create(fresh)
    documents = {**found, **{d.content_hash: d for d in fresh}}
    # a known document already seen at the same path (and no round): nothing to do
    known = set(models.DocumentSource.objects.filter(
        document__in=list(found.values()), path__in=paths, round__isnull=True,
    ).values_list("document_id", "path")) if found else set()
    todo = [item for item in items if (documents[item["content_hash"]].pk, item["path"]) not in known]
    # each path's documents, latest first: the predecessor is the latest other document there
    at_path: dict[str, list[tuple[int, str]]] = {}
    for path, document_id, content_hash in models.DocumentSource.objects.filter(
        path__in=[item["path"] for item in todo]
    ).order_by("-created_at", "-id").values_list("path", "document_id", "document__content_hash"):
        at_path.setdefault(path, []).append((document_id, content_hash))
    sources: list[models.DocumentSource] = []
    events: list[models.AuditEvent] = []
    rows: list[tuple[Any, ...]] = []
    for item in todo:
        document = documents[item["content_hash"]]
        created = item["content_hash"] not in found
        previous = next(((pk, digest) for pk, digest in at_path.get(item["path"], []) if pk != document.pk),
                        None)
        sources.append(models.DocumentSource(
            document=document, path=item["path"], round=None, url=item.get("url", ""),
            retrieved=item.get("retrieved"), previous_version_id=previous[0] if previous else None,
        ))
        events.append(models.AuditEvent(
            actor=who, action="document.created" if created else "document.seen", object_type="document",
            object_id=document.content_hash,
            data={"path": item["path"], "round": None, "format": item["format"],
                  "previous_version": previous[1] if previous else None},
        ))
        passages = item.get("passages") or ()
        if created and passages:
            wanted = _passage_rows(passages)
            _check_passage_ranges(passages, len(document.text))
            rows.extend((document.pk, *row) for row in wanted)
            events.append(models.AuditEvent(
                actor=who, action="passages.saved", object_type="document", object_id=document.content_hash,
                data={"count": len(wanted), "replaced": 0},
            ))
    models.DocumentSource.objects.bulk_create(sources)
    _insert_passages(rows)
    models.AuditEvent.objects.bulk_create(events)
    return [(documents[h], h not in found) for h in hashes]


def _save_one(item: dict[str, Any], actor: str) -> tuple[models.Document, bool]:
    arguments = {key: value for key, value in item.items() if key != "passages"}
    document, created = save_document(**arguments, actor=actor)
    if created and item.get("passages"):
        save_passages(document, item["passages"], actor=actor)
    return document, created


# --- judgements ------------------------------------------------------------------------------


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return timezone.now()
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@_use_case
def record_judgements(
    item_type: str,
    item_id: str,
    judgements: Sequence[core.Judgement],
    run_key: str,
    round: models.ReviewRound | None = None,
    *,
    actor: str = "",
) -> list[StoredJudgement]:
    """Store the judgements one run made about one item.

    A run is recorded once: if judgements for (item, ``run_key``) exist, they are returned and
    nothing is written (callers should ask :func:`~samrev.store.repository.judgements_for_run`
    first and skip the computation).  An empty ``run_key`` (hand-made entries) always writes.
    """
    return _record_judgements(item_type, item_id, judgements, run_key, round, _actor(actor))


def _record_judgements(item_type: str, item_id: str, judgements: Sequence[core.Judgement], run_key: str,
                       round: models.ReviewRound | None, who: str) -> list[StoredJudgement]:
    if run_key:
        stored = judgements_for_run(item_type, item_id, run_key)
        if stored:
            return stored
    if not judgements:
        return []
    rows = models.Judgement.objects.bulk_create(_judgement_rows(item_type, item_id, judgements, run_key, round, who))
    _judgements_event(item_type, item_id, run_key, rows, who).save()
    return [to_stored(row) for row in rows]


def _judgement_rows(item_type: str, item_id: str, judgements: Sequence[core.Judgement], run_key: str,
                    round: models.ReviewRound | None, who: str) -> list[models.Judgement]:
    return [
        models.Judgement(
            item_type=item_type,
            item_id=item_id,
            subject=j.subject,
            value=j.value,
            evidence=evidence_to_json(j.evidence),
            provenance=str(j.provenance),
            confidence=j.confidence,
            run_key=run_key,
            note=j.note,
            created_by=who,
            created_at=_aware(j.created_at),
            round=round,
        )
        for j in judgements
    ]


def _judgements_event(item_type: str, item_id: str, run_key: str, rows: Sequence[models.Judgement],
                      who: str) -> models.AuditEvent:
    """The audit event for one item's recorded judgements (not yet saved)."""
    return models.AuditEvent(
        actor=who,
        action="judgements.recorded",
        object_type=item_type,
        object_id=str(item_id),
        data={
            "run_key": run_key,
            "count": len(rows),
            "ids": [row.pk for row in rows],
            "subjects": sorted({row.subject for row in rows}),
            "provenance": sorted({row.provenance for row in rows}),
        },
    )


_JUDGEMENT_COLUMNS = ("item_type", "item_id", "subject", "value", "evidence", "provenance", "provenance_kind",
                      "confidence", "run_key", "supersedes", "note", "created_by", "created_at", "round")
_EVENT_COLUMNS = ("at", "actor", "action", "object_type", "object_id", "data")


def _event_row(who: str, action: str, object_type: str, object_id: str, data: dict[str, Any]) -> tuple[Any, ...]:
    """An audit event as :func:`_insert_events` takes it, dated now (as AuditEvent(...) would be)."""
    return (_db_datetime(timezone.now()), who, action, object_type, str(object_id), _db_json(data))


def _insert_events(rows: Sequence[tuple[Any, ...]]) -> None:
    """Audit events (from :func:`_event_row`) in one ``executemany``, ids in the order given."""
    _insert_rows(models.AuditEvent, _EVENT_COLUMNS, rows)


@_use_case
def record_judgements_many(
    item_type: str,
    items: Sequence[tuple[str, Sequence[core.Judgement]]],
    run_key: str,
    round: models.ReviewRound | None = None,
    *,
    actor: str = "",
    returning: bool = True,
) -> list[list[StoredJudgement]]:
    """:func:`record_judgements` for each ``(item_id, judgements)`` of ``items``, in one transaction.
    With ``returning=False`` nothing is returned (an empty list): a caller that only stores saves
    turning every row back into a :class:`StoredJudgement`.

    Rows, audit events (one per item that gets judgements, in the order of ``items``) and the
    returned lists are those of the calls made one after the other, but a batch costs three
    statements in all (which items the run already recorded, the judgements, the audit events)
    instead of three per item.  A batch that names an item twice, or a database that cannot
    return the ids of bulk-inserted rows, is stored by those calls themselves.
    """
    who = _actor(actor)
    ids = [str(item_id) for item_id, _ in items]
    if len(set(ids)) < len(ids) or not run_key or not connection.features.can_return_rows_from_bulk_insert:
        one_by_one = [_record_judgements(item_type, item_id, judgements, run_key, round, who)
                      for item_id, judgements in items]
        return one_by_one if returning else []
    recorded = judgements_for_runs(item_type, ids, run_key)
    # Rows as the driver takes them (see _insert_rows): the values Judgement(...) and bulk_create
    # would store, without a model object per row.
    kinds: dict[str, str] = {}
    rows: list[tuple[Any, ...]] = []
    made: list[tuple[core.Judgement, list[dict[str, Any]], datetime]] = []  # for the returned judgements
    counts: list[int] = []
    round_id = round.pk if round is not None else None
    for item_id, (_, judgements) in zip(ids, items, strict=True):
        fresh = [] if recorded.get(item_id) else list(judgements)
        counts.append(len(fresh))
        for j in fresh:
            provenance = str(j.provenance)
            kind = kinds.get(provenance)
            if kind is None:
                kind = kinds[provenance] = models.provenance_kind_of(provenance)
            evidence = evidence_to_json(j.evidence)
            moment = _aware(j.created_at)
            rows.append((item_type, item_id, j.subject, _db_json(j.value), _db_json(evidence), provenance, kind,
                         None if j.confidence is None else float(j.confidence), run_key, None, j.note, who,
                         _db_datetime(moment), round_id))
            if returning:
                made.append((j, evidence, moment))
    new_ids = _insert_rows(models.Judgement, _JUDGEMENT_COLUMNS, rows, returning=True)
    events: list[tuple[Any, ...]] = []
    start = 0
    for item_id, count in zip(ids, counts, strict=True):
        if count:
            mine = rows[start : start + count]
            events.append(_event_row(who, "judgements.recorded", item_type, item_id, {
                "run_key": run_key,
                "count": count,
                "ids": new_ids[start : start + count],
                "subjects": sorted({row[2] for row in mine}),
                "provenance": sorted({row[5] for row in mine}),
            }))
        start += count
    _insert_events(events)
    if not returning:
        return []
    out: list[list[StoredJudgement]] = []
    start = 0
    for item_id, count in zip(ids, counts, strict=True):
        if not count:
            out.append(recorded[item_id])
            continue
        out.append([to_stored(models.Judgement(
            id=pk, item_type=item_type, item_id=item_id, subject=j.subject, value=j.value, evidence=evidence,
            provenance=row[5], provenance_kind=row[6], confidence=j.confidence, run_key=run_key, note=j.note,
            created_by=who, created_at=moment, round=round,
        )) for pk, row, (j, evidence, moment) in zip(new_ids[start : start + count], rows[start : start + count],
                                                     made[start : start + count], strict=True)])
        start += count
    return out


@_use_case
def verify(
    judgement_id: int,
    user: str | AbstractBaseUser,
    value: Any = None,
    note: str = "",
    *,
    evidence: Sequence[core.Span] | None = None,
) -> StoredJudgement:
    """A person confirms (``value`` None) or corrects (a new ``value``) a judgement.

    Creates a ``person:<user>`` judgement that supersedes the given one; the old one stays.
    ``evidence`` defaults to the superseded judgement's.
    """
    target = models.Judgement.objects.filter(pk=judgement_id).select_related("round").first()
    if target is None:
        raise InputError(detail=f"finner ingen vurdering med id {judgement_id}")
    username = _actor(user)
    if not username.strip() or username != username.strip():
        raise InputError(detail=f"ugyldig brukernavn «{username}»")
    confirmed = value is None or value == target.value
    row = models.Judgement(
        item_type=target.item_type,
        item_id=target.item_id,
        subject=target.subject,
        value=target.value if value is None else value,
        evidence=target.evidence if evidence is None else evidence_to_json(evidence),
        provenance=str(core.Provenance.person(username)),
        confidence=None,
        run_key="",
        supersedes=target,
        note=note,
        created_by=username,
        round=target.round,
    )
    row.save()
    append_audit_event(
        "judgement.confirmed" if confirmed else "judgement.corrected",
        actor=username,
        object_type="judgement",
        object_id=row.pk,
        data={
            "supersedes": target.pk,
            "item_type": target.item_type,
            "item_id": target.item_id,
            "subject": target.subject,
            "old": target.value,
            "new": row.value,
        },
    )
    return to_stored(row)


# --- users -----------------------------------------------------------------------------------


@_use_case
def create_user(
    username: str, password: str, *, email: str = "", superuser: bool = True, actor: str = ""
) -> User:
    """Create a web user (a superuser by default) after Django's password checks."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    username = username.strip()
    if not username:
        raise InputError(detail="brukernavnet kan ikke være tomt")
    if User.objects.filter(username=username).exists():
        raise InputError(detail=f"brukeren «{username}» finnes allerede")
    try:
        validate_password(password, user=User(username=username, email=email))
    except ValidationError as exc:
        raise InputError(detail=" ".join(str(message) for message in exc.messages)) from None
    create = User.objects.create_superuser if superuser else User.objects.create_user
    user = create(username=username, email=email, password=password)
    append_audit_event(
        "user.created",
        actor=actor,
        object_type="user",
        object_id=username,
        data={"superuser": superuser},
    )
    return user
