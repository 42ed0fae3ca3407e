"""Django models of the store (app label ``store``).

Offsets (``Passage.start/end``, evidence ``start/end``) are Python ``str`` indices into
``Document.text``, the one normalised text of a document, end-exclusive (see
:mod:`samrev.core.model`).

Two tables are append-only: :class:`Judgement` (a change is a new judgement that supersedes the
old one) and :class:`AuditEvent`.  Both refuse ``save()`` of an existing row, ``delete()`` and the
QuerySet's ``update()``/``delete()``/``bulk_update()`` with :class:`StoreIntegrityError`; the
database refuses UPDATE (and, for the audit log, DELETE) too, through triggers created by
migration 0002.

Write through :mod:`samrev.store.actions`, read through :mod:`samrev.store.repository`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn, TypeVar

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from samrev.core.errors import InputError, StoreIntegrityError
from samrev.core.model import Provenance

_M = TypeVar("_M", bound=models.Model)


class Project(models.Model):
    """A review programme (e.g. the national LMS review); it holds rounds."""

    name = models.CharField("navn", max_length=200)
    slug = models.SlugField("kortnavn", max_length=100, unique=True)
    description = models.TextField("beskrivelse", blank=True)
    created_at = models.DateTimeField("opprettet", default=timezone.now)

    class Meta:
        verbose_name = "prosjekt"
        verbose_name_plural = "prosjekter"
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class RegistryStructure(models.IntegerChoices):
    """Which municipality structure a round's registry look-ups use."""

    Y2020 = 2020, "2020-strukturen"
    Y2024 = 2024, "2024-strukturen"


class ReviewRound(models.Model):
    """One round of a review (e.g. «Kartlegging 2025»); later rounds are compared with it."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="rounds", verbose_name="prosjekt"
    )
    name = models.CharField("navn", max_length=200)
    year = models.PositiveSmallIntegerField("år")
    registry_structure = models.PositiveSmallIntegerField(
        "kommunestruktur", choices=RegistryStructure.choices, default=RegistryStructure.Y2024
    )
    created_at = models.DateTimeField("opprettet", default=timezone.now)

    class Meta:
        verbose_name = "runde"
        verbose_name_plural = "runder"
        ordering = ("project", "year", "name")
        constraints = (
            models.UniqueConstraint(fields=["project", "name"], name="store_round_unique_name"),
            models.CheckConstraint(
                condition=Q(registry_structure__in=[2020, 2024]), name="store_round_registry_structure"
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Document(models.Model):
    """A file's content, identified by its SHA-256: the same bytes are stored once."""

    content_hash = models.CharField("innholdshash (SHA-256)", max_length=64, unique=True)
    format = models.CharField("format", max_length=20)
    pages = models.PositiveIntegerField("sider", default=0)
    characters = models.PositiveIntegerField("tegn", default=0)
    language = models.CharField("språk", max_length=8, blank=True)
    needs_ocr = models.BooleanField("trenger OCR", default=False)
    text = models.TextField("tekst", blank=True, help_text="Den normaliserte teksten som belegg peker inn i.")
    page_ranges = models.JSONField(
        "sidegrenser", default=list, blank=True, help_text="Liste av [start, slutt] per side i teksten."
    )
    metadata = models.JSONField("metadata", default=dict, blank=True)
    error = models.JSONField("feil", null=True, blank=True)
    created_at = models.DateTimeField("opprettet", default=timezone.now)

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokumenter"
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.format} {self.content_hash[:12]}"


class DocumentSource(models.Model):
    """Where a document was seen.  A changed file at a known path is a new Document whose
    source row points at the predecessor (``previous_version``)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="sources", verbose_name="dokument"
    )
    path = models.CharField("sti", max_length=1024)
    round = models.ForeignKey(
        ReviewRound,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_sources",
        verbose_name="runde",
    )
    url = models.URLField("nettadresse", max_length=2048, blank=True)
    retrieved = models.DateTimeField("hentet", null=True, blank=True)
    previous_version = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
        verbose_name="forrige versjon",
    )
    created_at = models.DateTimeField("først sett", default=timezone.now)

    class Meta:
        verbose_name = "dokumentkilde"
        verbose_name_plural = "dokumentkilder"
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["path"], name="store_docsource_path"),)
        # SQL treats NULLs as distinct, so a plain unique (document, path, round) would let
        # round-less duplicates in: two partial unique indexes close that gap on both vendors.
        constraints = (
            models.UniqueConstraint(
                fields=["document", "path", "round"],
                condition=Q(round__isnull=False),
                name="store_docsource_unique_in_round",
            ),
            models.UniqueConstraint(
                fields=["document", "path"],
                condition=Q(round__isnull=True),
                name="store_docsource_unique_no_round",
            ),
        )

    def __str__(self) -> str:
        return self.path


class Passage(models.Model):
    """A segment of a document's text with its location (``text == document.text[start:end]``
    as produced by the segmenter)."""

    # No index of its own: the unique (document, index) constraint's index serves every lookup
    # by document, and one index less to keep up makes storing a national round's passages cheaper.
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="passages", verbose_name="dokument", db_index=False
    )
    index = models.PositiveIntegerField("nummer")
    start = models.PositiveIntegerField("start")
    end = models.PositiveIntegerField("slutt")
    page = models.PositiveIntegerField("side", null=True, blank=True)
    language = models.CharField("språk", max_length=8, blank=True)
    text = models.TextField("tekst")

    class Meta:
        verbose_name = "tekstavsnitt"
        verbose_name_plural = "tekstavsnitt"
        ordering = ("document", "index")
        constraints = (
            models.UniqueConstraint(fields=["document", "index"], name="store_passage_unique_index"),
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="store_passage_start_lte_end"),
        )

    def __str__(self) -> str:
        return f"{self.document_id}#{self.index}"


# --- append-only tables ----------------------------------------------------------------------


def _refuse(what: str) -> NoReturn:
    raise StoreIntegrityError(detail=what)


class AppendOnlyQuerySet(models.QuerySet[_M]):
    """A QuerySet whose rows can be added and read, never changed or removed."""

    def update(self, **kwargs: Any) -> int:
        _refuse(f"{self.model._meta.verbose_name_plural} kan ikke endres")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse(f"{self.model._meta.verbose_name_plural} kan ikke slettes")

    def bulk_update(self, objs: Iterable[_M], fields: Iterable[str], batch_size: int | None = None) -> int:
        _refuse(f"{self.model._meta.verbose_name_plural} kan ikke endres")


class ProvenanceKind(models.TextChoices):
    RULE = "rule", "regel"
    MODEL = "model", "modell"
    PERSON = "person", "person"


def provenance_kind_of(provenance: str) -> str:
    """The kind (``rule``/``model``/``person``) of a provenance string; refuses a malformed one.

    A person's name is everything after ``person:`` (user names may contain ``@``).
    """
    kind, _, name = provenance.partition(":")
    if kind == ProvenanceKind.PERSON and name.strip() and name == name.strip():
        return ProvenanceKind.PERSON.value
    try:
        parsed = Provenance.parse(provenance)
    except (InputError, ValueError) as exc:
        raise StoreIntegrityError(detail=f"ugyldig opphav «{provenance}»") from exc
    return parsed.kind.value


class JudgementQuerySet(AppendOnlyQuerySet["Judgement"]):
    def bulk_create(self, objs: Iterable[Judgement], *args: Any, **kwargs: Any) -> list[Judgement]:
        objs = list(objs)
        for obj in objs:
            obj.derive_kind()
        return super().bulk_create(objs, *args, **kwargs)

    def for_item(self, item_type: str, item_id: str) -> JudgementQuerySet:
        return self.filter(item_type=item_type, item_id=item_id)

    def for_subject(self, item_type: str, item_id: str, subject: str) -> JudgementQuerySet:
        return self.filter(item_type=item_type, item_id=item_id, subject=subject)

    def chronological(self) -> JudgementQuerySet:
        return self.order_by("created_at", "id")


class Judgement(models.Model):
    """A value for a field or theme of one item, with evidence, provenance and confidence.

    A person's verification is a new Judgement with ``person:`` provenance whose
    ``supersedes`` points at the judgement it confirms or corrects.
    """

    item_type = models.CharField(
        "elementtype", max_length=40, help_text="F.eks. document, survey_answer, literature_record."
    )
    item_id = models.CharField("element", max_length=255, help_text="Nøkkelen, f.eks. dokumentets hash.")
    subject = models.CharField("felt eller tema", max_length=255)
    value = models.JSONField("verdi", null=True, blank=True)
    evidence = models.JSONField(
        "belegg",
        default=list,
        blank=True,
        help_text="Liste av {page, start, end, text} inn i dokumentteksten.",
    )
    provenance = models.CharField("opphav", max_length=255)
    provenance_kind = models.CharField(
        "opphavstype", max_length=10, choices=ProvenanceKind.choices, editable=False
    )
    confidence = models.FloatField("sikkerhet", null=True, blank=True)
    run_key = models.CharField(
        "kjøringsnøkkel",
        max_length=128,
        blank=True,
        help_text="Hash av kjøringens oppsett og modellversjon; samme nøkkel gir samme resultat.",
    )
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name="erstatter",
    )
    note = models.TextField("merknad", blank=True)
    created_by = models.CharField("registrert av", max_length=150, blank=True)
    created_at = models.DateTimeField("tidspunkt", default=timezone.now)
    round = models.ForeignKey(
        ReviewRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="judgements",
        verbose_name="runde",
    )

    objects = JudgementQuerySet.as_manager()

    class Meta:
        verbose_name = "vurdering"
        verbose_name_plural = "vurderinger"
        ordering = ("created_at", "id")
        indexes = (
            models.Index(fields=["item_type", "item_id", "subject"], name="store_judg_item_subject"),
            models.Index(fields=["item_type", "item_id", "run_key"], name="store_judg_item_run"),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0.0, confidence__lte=1.0),
                name="store_judgement_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(provenance_kind__in=[kind.value for kind in ProvenanceKind]),
                name="store_judgement_provenance_kind",
            ),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | Q(provenance_kind=ProvenanceKind.PERSON.value),
                name="store_judgement_only_person_supersedes",
            ),
        )

    def __str__(self) -> str:
        return f"{self.item_type}:{self.item_id} {self.subject} = {self.value!r} ({self.provenance})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("en vurdering endres aldri; registrer en ny som erstatter den")
        self.derive_kind()
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse("en vurdering slettes aldri")

    def derive_kind(self) -> None:
        """Set ``provenance_kind`` from ``provenance`` (refuses a malformed provenance)."""
        self.provenance_kind = provenance_kind_of(self.provenance)

    @property
    def is_verification(self) -> bool:
        return self.provenance_kind == ProvenanceKind.PERSON and self.supersedes_id is not None


class AuditEventQuerySet(AppendOnlyQuerySet["AuditEvent"]):
    pass


class AuditEvent(models.Model):
    """One appended row per change in the store."""

    at = models.DateTimeField("tidspunkt", default=timezone.now)
    actor = models.CharField("utført av", max_length=150)
    action = models.CharField("handling", max_length=100)
    object_type = models.CharField("objekttype", max_length=100, blank=True)
    object_id = models.CharField("objekt-id", max_length=255, blank=True)
    data = models.JSONField("data", default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "logghendelse"
        verbose_name_plural = "logghendelser"
        ordering = ("at", "id")
        indexes = (
            models.Index(fields=["object_type", "object_id"], name="store_audit_object"),
            models.Index(fields=["at"], name="store_audit_at"),
        )

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("loggen kan bare utvides, ikke endres")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse("loggen kan bare utvides, ikke slettes")


class SurveyAnswer(models.Model):
    """One open survey answer, pseudonymised before it gets here (the original text is never stored).

    ``content_hash`` is the SHA-256 of survey, answer id, question and the pseudonymised text, so
    importing the same export again finds the same rows.  An analyst's codes for the answer are
    :class:`Judgement` rows with ``item_type="survey_answer"`` and ``item_id=content_hash``.
    """

    content_hash = models.CharField("innholdshash (SHA-256)", max_length=64, unique=True)
    survey = models.CharField("undersøkelse", max_length=200)
    answer_id = models.CharField("svar-id", max_length=255)
    question = models.CharField("spørsmål", max_length=100)
    kind = models.CharField("spørsmålstype", max_length=20)
    group = models.CharField("gruppe", max_length=100, blank=True)
    subgroup = models.CharField("undergruppe", max_length=100, blank=True)
    text = models.TextField("pseudonymisert tekst")
    created_at = models.DateTimeField("opprettet", default=timezone.now)

    class Meta:
        verbose_name = "åpent svar"
        verbose_name_plural = "åpne svar"
        ordering = ("survey", "answer_id", "question")
        indexes = (models.Index(fields=["survey"], name="store_surveyanswer_survey"),)

    def __str__(self) -> str:
        return f"{self.survey} {self.answer_id}/{self.question}"


# --- literature ------------------------------------------------------------------------------


class LiteratureSearch(models.Model):
    """One search in one database, imported as one batch (kept for the PRISMA flow).

    ``content_hash`` is the SHA-256 over the sorted hashes of the batch's files: the same files
    again make no new batch (and a file already imported in the project is never read twice).
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="literature_searches", verbose_name="prosjekt"
    )
    database = models.CharField("database", max_length=100)
    search_date = models.DateField("søkedato")
    query = models.TextField("søkestreng", blank=True)
    content_hash = models.CharField("innholdshash (SHA-256)", max_length=64)
    records_identified = models.PositiveIntegerField("poster funnet", default=0)
    records_skipped = models.PositiveIntegerField("poster hoppet over", default=0)
    created_by = models.CharField("importert av", max_length=150, blank=True)
    created_at = models.DateTimeField("importert", default=timezone.now)

    class Meta:
        verbose_name = "litteratursøk"
        verbose_name_plural = "litteratursøk"
        ordering = ("project", "created_at", "id")
        constraints = (
            models.UniqueConstraint(fields=["project", "content_hash"], name="store_litsearch_unique_hash"),
        )

    def __str__(self) -> str:
        return f"{self.database} {self.search_date:%Y-%m-%d}"


class LiteratureImportFile(models.Model):
    """One export file of a search: its hash, format and the problems met reading it."""

    search = models.ForeignKey(
        LiteratureSearch, on_delete=models.CASCADE, related_name="files", verbose_name="søk"
    )
    path = models.CharField("sti", max_length=1024)
    content_hash = models.CharField("innholdshash (SHA-256)", max_length=64)
    format = models.CharField("format", max_length=20)
    encoding = models.CharField("tegnsett", max_length=40, blank=True)
    record_count = models.PositiveIntegerField("poster", default=0)
    problems = models.JSONField(
        "problemer", default=list, blank=True, help_text="Liste av {position, line, message, skipped}."
    )
    created_at = models.DateTimeField("importert", default=timezone.now)

    class Meta:
        verbose_name = "importfil"
        verbose_name_plural = "importfiler"
        ordering = ("search", "id")
        indexes = (models.Index(fields=["content_hash"], name="store_litfile_hash"),)
        constraints = (
            models.UniqueConstraint(fields=["search", "content_hash"], name="store_litfile_unique_in_search"),
        )

    def __str__(self) -> str:
        return self.path


class LiteratureRecord(models.Model):
    """One bibliographic record as exported, normalised; ``raw`` keeps the parser's record.

    Screening decisions are :class:`Judgement` rows with ``item_type="literature_record"`` and
    ``item_id`` = this row's id (see :mod:`samrev.store.literature`).
    """

    search = models.ForeignKey(
        LiteratureSearch, on_delete=models.CASCADE, related_name="records", verbose_name="søk"
    )
    file = models.ForeignKey(
        LiteratureImportFile, on_delete=models.CASCADE, related_name="records", verbose_name="fil"
    )
    position = models.PositiveIntegerField("nummer i filen")
    line = models.PositiveIntegerField("linje", default=0)
    title = models.TextField("tittel", blank=True)
    abstract = models.TextField("sammendrag", blank=True)
    authors = models.JSONField("forfattere", default=list, blank=True)
    year = models.PositiveSmallIntegerField("år", null=True, blank=True)
    journal = models.CharField("tidsskrift", max_length=500, blank=True)
    volume = models.CharField("volum", max_length=50, blank=True)
    issue = models.CharField("nummer", max_length=50, blank=True)
    pages = models.CharField("sider", max_length=50, blank=True)
    doi = models.CharField("DOI", max_length=255, blank=True)
    pmid = models.CharField("PMID", max_length=20, blank=True)
    keywords = models.JSONField("emneord", default=list, blank=True)
    language = models.CharField("språk", max_length=50, blank=True)
    record_type = models.CharField("publikasjonstype", max_length=100, blank=True)
    accession = models.CharField("aksesjonsnummer", max_length=255, blank=True)
    url = models.CharField("nettadresse", max_length=2048, blank=True)
    source_database = models.CharField("database", max_length=100)
    raw = models.JSONField("rå post", default=dict, blank=True)
    created_at = models.DateTimeField("importert", default=timezone.now)

    class Meta:
        verbose_name = "litteraturpost"
        verbose_name_plural = "litteraturposter"
        ordering = ("search", "file", "position")
        indexes = (
            models.Index(fields=["doi"], name="store_litrec_doi"),
            models.Index(fields=["pmid"], name="store_litrec_pmid"),
        )
        constraints = (
            models.UniqueConstraint(fields=["file", "position"], name="store_litrec_unique_position"),
        )

    def __str__(self) -> str:
        return f"{self.source_database} #{self.position}: {self.title[:60]}"


class DuplicateLink(models.Model):
    """Two records found to be the same work: which rule, its score and the fields compared.

    A link is never deleted: undoing it sets ``undone_at``/``undone_by``, and the pair is then
    kept apart by later de-duplication runs (a person's «not a duplicate»).
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="duplicate_links", verbose_name="prosjekt"
    )
    record_a = models.ForeignKey(
        LiteratureRecord, on_delete=models.CASCADE, related_name="+", verbose_name="post A"
    )
    record_b = models.ForeignKey(
        LiteratureRecord, on_delete=models.CASCADE, related_name="+", verbose_name="post B"
    )
    rule = models.CharField("regel", max_length=40)
    score = models.FloatField("skår")
    compared = models.JSONField("sammenlignet", default=dict, blank=True)
    explanation = models.TextField("forklaring", blank=True)
    created_by = models.CharField("registrert av", max_length=150, blank=True)
    created_at = models.DateTimeField("registrert", default=timezone.now)
    undone_at = models.DateTimeField("opphevet", null=True, blank=True)
    undone_by = models.CharField("opphevet av", max_length=150, blank=True)
    undo_note = models.TextField("begrunnelse for oppheving", blank=True)

    class Meta:
        verbose_name = "duplikatkobling"
        verbose_name_plural = "duplikatkoblinger"
        ordering = ("project", "id")
        constraints = (
            models.UniqueConstraint(fields=["record_a", "record_b"], name="store_duplink_unique_pair"),
            models.CheckConstraint(condition=Q(record_a__lt=F("record_b")), name="store_duplink_ordered_pair"),
        )

    def __str__(self) -> str:
        return f"{self.record_a_id} = {self.record_b_id} ({self.rule})"

    @property
    def active(self) -> bool:
        return self.undone_at is None
