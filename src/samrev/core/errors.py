"""The one error tree of samrev.

Every error a user can meet is a :class:`SamrevError` subclass with a stable ``code``
(``INGEST_ENCRYPTED`` …), structured ``data_fields`` and a message in bokmål built from a
template.  Edges (CLI, web, batch records) render errors through :meth:`SamrevError.to_dict`
or :func:`render_message`; nothing else turns exceptions into text.

A bad item in a batch is data, not a crash: batch services catch ``SamrevError`` per item and
store ``to_dict()`` on the item's record, then go on.

Adding an error: subclass the closest family, set ``code`` (UPPER_SNAKE, unique),
``template`` (bokmål, ``{field}`` placeholders) and optionally ``hint``.  The catalogue test
(tests/core/test_errors.py) checks uniqueness, that every placeholder is a declared field and
that every code is documented in docs/errors.md.
"""

from __future__ import annotations

import string
from typing import Any, ClassVar


class SamrevError(Exception):
    """Base of every error samrev reports to a user."""

    code: ClassVar[str] = "SAMREV_ERROR"
    template: ClassVar[str] = "Ukjent feil."
    hint: ClassVar[str] = ""
    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 400

    def __init__(self, **data_fields: Any) -> None:
        self.data_fields: dict[str, Any] = data_fields
        super().__init__(self.message)

    @classmethod
    def placeholders(cls) -> set[str]:
        """Names used in the message template."""
        return {name for _, name, _, _ in string.Formatter().parse(cls.template) if name}

    @property
    def message(self) -> str:
        """The user-facing message in bokmål."""
        fields = {name: self.data_fields.get(name, "?") for name in self.placeholders()}
        return self.template.format(**fields)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: code, message, hint and the structured fields."""
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        for key, value in self.data_fields.items():
            out.setdefault(key, value if isinstance(value, str | int | float | bool | None) else str(value))
        return out


# --- input and usage -------------------------------------------------------------------------


class InputError(SamrevError):
    """Something the user gave us cannot be used."""

    code = "INPUT_INVALID"
    template = "Ugyldig inndata: {detail}"
    exit_code = 2


class InputNotFound(InputError):
    code = "INPUT_NOT_FOUND"
    template = "Finner ikke filen eller mappen «{path}»."
    hint = "Sjekk stien og at du står i riktig mappe."


class InputFormatError(InputError):
    """A file exists but its content is not what the command expects (bad CSV, bad YAML …)."""

    code = "INPUT_FORMAT"
    template = "Kan ikke lese «{path}»: {detail}"


class MissingColumnError(InputError):
    code = "INPUT_MISSING_COLUMN"
    template = "Filen «{path}» mangler kolonnen «{column}» (fant: {found})."


class ComponentNotFound(InputError):
    code = "COMPONENT_UNKNOWN"
    template = "Ukjent {kind} «{name}». Gyldige navn: {valid}."


# --- configuration and storage ---------------------------------------------------------------


class ConfigError(SamrevError):
    code = "CONFIG_INVALID"
    template = "Ugyldig innstilling {setting}: {detail}"
    exit_code = 3


class StoreError(SamrevError):
    code = "STORE_UNAVAILABLE"
    template = "Kan ikke bruke databasen ({database}): {detail}"
    hint = "Sjekk SAMREV_DATABASE_URL, eller fjern den for å bruke SQLite i SAMREV_HOME."
    exit_code = 3
    http_status = 503


class StoreIntegrityError(StoreError):
    code = "STORE_INTEGRITY"
    template = "Lagring avvist: {detail}"
    hint = ""
    http_status = 409


# --- registry --------------------------------------------------------------------------------


class RegistryError(SamrevError):
    code = "REGISTRY_ERROR"
    template = "Feil i organisasjonsregisteret: {detail}"


class UnknownMunicipality(RegistryError):
    code = "REGISTRY_UNKNOWN_MUNICIPALITY"
    template = "Fant ingen kommune «{query}» i {structure}-strukturen."
    hint = "Bruk kommunenummer (f.eks. 4601) eller navn; se `samrev registry kommuner`."
    exit_code = 2
    http_status = 404


class UnknownHealthTrust(RegistryError):
    code = "REGISTRY_UNKNOWN_HEALTH_TRUST"
    template = "Fant ikke helseforetaket «{query}»."
    hint = "Se `samrev registry helseforetak` for gyldige navn."
    exit_code = 2
    http_status = 404


# --- codebook --------------------------------------------------------------------------------


class CodebookError(SamrevError):
    code = "CODEBOOK_INVALID"
    template = "Kodeboken «{path}» er ugyldig: {detail}"
    exit_code = 2


class ReliabilityInputError(InputError):
    code = "RELIABILITY_INPUT"
    template = "Kan ikke beregne reliabilitet fra «{path}»: {detail}"


# --- ingestion (per file; stored on the file's record in a batch) ----------------------------


class IngestError(SamrevError):
    """A file that cannot be turned into text.  ``short_code`` is the spec's error code."""

    code = "INGEST_FAILED"
    short_code: ClassVar[str] = "unreadable"
    template = "Kan ikke lese «{path}»: {detail}"


class UnreadableFile(IngestError):
    code = "INGEST_UNREADABLE"
    short_code = "unreadable"
    template = "«{path}» er skadet eller ufullstendig og kan ikke leses: {detail}"


class MissingFile(IngestError):
    code = "INGEST_NOT_FOUND"
    short_code = "unreadable"
    template = "«{path}» finnes ikke."
    hint = "Sjekk stien og at du står i riktig mappe."


class EncryptedFile(IngestError):
    code = "INGEST_ENCRYPTED"
    short_code = "encrypted"
    template = "«{path}» er passordbeskyttet (kryptert) og kan ikke leses."
    hint = "Be avsenderen om en utgave uten passord."


class EmptyDocument(IngestError):
    code = "INGEST_EMPTY"
    short_code = "empty"
    template = "«{path}» inneholder ingen tekst{detail}."


class UnsupportedFormat(IngestError):
    code = "INGEST_UNSUPPORTED"
    short_code = "unsupported"
    template = "«{path}» har et filformat samrev ikke leser ({detail})."
    hint = "Støttede formater: PDF, DOCX, ODT, HTML og ren tekst."


# --- agreement manifests and downloads -------------------------------------------------------


class ManifestError(InputError):
    """A manifest (CSV: file,health_trust,municipality,url,retrieved) that cannot be used as given."""

    code = "MANIFEST_INVALID"
    template = "Manifestet «{path}», linje {line}: {detail}"


class ManifestUnreadable(ManifestError):
    code = "MANIFEST_UNREADABLE"
    template = "Kan ikke lese manifestet «{path}»: {detail}"


class ManifestMissingColumn(ManifestError):
    code = "MANIFEST_MISSING_COLUMN"
    template = "Manifestet «{path}» mangler kolonnen «{column}» i overskriftslinjen (linje {line}; fant: {found})."
    hint = "Første linje skal være overskriftene: file,health_trust,municipality,url,retrieved."


class ManifestEmpty(ManifestError):
    code = "MANIFEST_EMPTY"
    template = "Manifestet «{path}» har ingen rader{detail}."
    hint = "Én rad per avtale under overskriftslinjen: file,health_trust,municipality,url,retrieved."


class CollectError(SamrevError):
    """A download in ``samrev agreements collect`` that failed (stored on the row's record)."""

    code = "COLLECT_FAILED"
    template = "Nedlastingen av {url} mislyktes: {detail}"


class DownloadHttpStatus(CollectError):
    code = "COLLECT_HTTP_STATUS"
    template = "{url} svarte med HTTP-status {http_status} ({detail})."


class DownloadEmpty(CollectError):
    code = "COLLECT_EMPTY"
    template = "{url} svarte uten innhold (0 byte); ingen fil ble lagret."


class DownloadTimeout(CollectError):
    code = "COLLECT_TIMEOUT"
    template = "{url} svarte ikke innen {timeout} sekunder ({detail})."
    hint = "Prøv igjen senere, eller gi lengre tid med --timeout."


class DownloadConnectionError(CollectError):
    code = "COLLECT_CONNECTION"
    template = "Fikk ikke kontakt med {url}: {detail}"


class DownloadRedirects(CollectError):
    code = "COLLECT_REDIRECTS"
    template = "{url} videresender for mange ganger ({detail})."


class DownloadBadUrl(CollectError):
    code = "COLLECT_BAD_URL"
    template = "Ugyldig adresse «{url}» (linje {line}): {detail}"
    hint = "Bare http- og https-adresser kan lastes ned."


class UnsafeFileName(CollectError):
    code = "COLLECT_UNSAFE_NAME"
    template = "Filnavnet «{file}» (linje {line}) er ikke trygt: {detail}. {url} ble ikke lastet ned."
    hint = "Bruk et filnavn (eventuelt med undermapper) innenfor målmappen, uten «..» og uten absolutt sti."


class DownloadTargetExists(CollectError):
    code = "COLLECT_FILE_EXISTS"
    template = "«{path}» finnes fra før med annet innhold enn det {url} leverte; samrev skriver ikke over den."
    hint = "Flytt eller slett filen (eller gi raden et annet filnavn) og kjør på nytt."


class DownloadWriteError(CollectError):
    code = "COLLECT_WRITE"
    template = "Kan ikke lagre {url} som «{path}»: {detail}"


# --- survey (samrev survey analyse): ``short_code`` is the spec's error code ------------------


class SurveyError(InputError):
    """A survey export, frame or config that cannot be analysed."""

    code = "SURVEY_INVALID"
    short_code: ClassVar[str] = "bad_config"
    template = "Kan ikke analysere spørreundersøkelsen: {detail}"


class SurveyUnknownColumn(SurveyError):
    code = "SURVEY_UNKNOWN_COLUMN"
    short_code = "unknown_column"
    template = ("Innstillingen {key} i «{config}» viser til kolonnen «{column}», som ikke finnes i «{path}». "
                "Mest like overskrifter: {similar}.")
    hint = "Kopier overskriften nøyaktig fra eksportfilen inn i konfigurasjonen."


class SurveyBadConfig(SurveyError):
    code = "SURVEY_BAD_CONFIG"
    short_code = "bad_config"
    template = "Konfigurasjonen «{config}» er ugyldig: {detail}"
    hint = "Se docs/survey.md for gyldige nøkler og verdier."


class SurveyUnreadable(SurveyError):
    code = "SURVEY_UNREADABLE"
    short_code = "unreadable"
    template = "Kan ikke lese «{path}»: {detail}"
    exit_code = 1


class SurveyEmpty(SurveyError):
    code = "SURVEY_EMPTY"
    short_code = "empty"
    template = "«{path}» har ingen datarader (bare overskrifter eller ingenting)."
    exit_code = 1


# --- literature ------------------------------------------------------------------------------


class LiteratureError(SamrevError):
    code = "LITERATURE_ERROR"
    template = "Feil i litteraturdelen: {detail}"
    exit_code = 2


class UnknownPriorRecord(LiteratureError):
    code = "LITERATURE_UNKNOWN_PRIOR"
    template = "Posten «{record_id}» (oppgitt med {option}) finnes ikke i «{path}»."
    hint = "Bruk verdier fra kolonnen record_id i datasettet."


class PriorLabelMismatch(LiteratureError):
    code = "LITERATURE_PRIOR_LABEL"
    template = "Posten «{record_id}» er oppgitt med {option}, men har label_included={label} i «{path}»."
    hint = "Inkluderte priorer gis med --prior-included, ekskluderte med --prior-excluded."


class DuplicatePrior(LiteratureError):
    code = "LITERATURE_DUPLICATE_PRIOR"
    template = "Posten «{record_id}» er oppgitt som prior mer enn én gang."


class NoInclusions(LiteratureError):
    code = "LITERATURE_NO_INCLUSIONS"
    template = "«{path}» har {detail}; en simulering trenger minst én inkludert og én ekskludert post."


class LiteratureFileUnreadable(LiteratureError):
    """A reference export that cannot be read at all (the other files of the import go on)."""

    code = "LITERATURE_FILE_UNREADABLE"
    template = "Kan ikke lese referansefilen «{path}»: {detail}"
    hint = "Støttede formater: RIS, PubMed/MEDLINE (.nbib), BibTeX, CSV, XLSX og OpenAlex-JSON."


class LiteratureMergeNotFound(LiteratureError):
    code = "LITERATURE_MERGE_NOT_FOUND"
    template = "Fant ingen duplikatkobling med nummer {merge_id}{detail}."
    hint = "Se numrene med `samrev literature dedup --format table`."


class UnknownScreeningRecord(LiteratureError):
    code = "LITERATURE_UNKNOWN_RECORD"
    template = "Posten «{record_id}» finnes ikke i screeningen i prosjektet «{project}»."
    hint = "Bruk record_id slik den står i kildefilen; `samrev literature conflicts` viser postene."


class NotIncludedForFullText(LiteratureError):
    code = "LITERATURE_NOT_INCLUDED"
    template = "Posten «{record_id}» i prosjektet «{project}» kan ikke vurderes i fulltekst: {detail}."
    hint = ("Bare poster som er inkludert på tittel og sammendrag vurderes i fulltekst; "
            "`samrev literature fulltext` viser dem.")


class PrismaMismatch(LiteratureError):
    """The counts of a PRISMA flow do not add up."""

    code = "LITERATURE_PRISMA_MISMATCH"
    template = "PRISMA-tallene i {source} går ikke opp: {detail}"
    hint = "Rett tallene (eller beslutningene de regnes fra): hvert trinn er forrige trinn minus det som ble tatt ut."


class ReviewStateInvalid(LiteratureError):
    """A review-state JSON file (the literature report's input) is malformed."""

    code = "LITERATURE_STATE_INVALID"
    template = "Ugyldig gjennomgangsfil «{path}»: {detail}"
    hint = "Formatet er beskrevet i docs/literature.md (avsnittet «Gjennomgangsfilen»)."


def all_error_classes() -> list[type[SamrevError]]:
    """Every error class in the tree (for the catalogue test and docs)."""
    seen: list[type[SamrevError]] = []
    stack: list[type[SamrevError]] = [SamrevError]
    while stack:
        cls = stack.pop(0)
        seen.append(cls)
        stack.extend(cls.__subclasses__())
    return seen


def render_message(error: SamrevError) -> str:
    """Message plus hint, as one text for a terminal or a log."""
    return f"{error.message}\n{error.hint}" if error.hint else error.message
