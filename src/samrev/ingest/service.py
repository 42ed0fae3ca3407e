"""Ingesting one file: read it once, hash it, pick a reader, normalise, lay out the pages.

:func:`ingest_file` never raises for a bad file.  It returns an :class:`IngestedDocument` whose
``error`` is an :class:`~samrev.core.errors.IngestError` (``short_code`` is the spec's code):

- ``unreadable``: the path does not exist or cannot be read, the file is corrupt or truncated,
  or a reader failed on it in an unforeseen way;
- ``encrypted``: a password is needed to open it;
- ``empty``: zero bytes, or no text (after OCR, where pages needed it);
- ``unsupported``: a format no reader takes (judged by content first, then by name).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from samrev.core.errors import EmptyDocument, IngestError, MissingFile, UnreadableFile, UnsupportedFormat
from samrev.ingest.dispatch import Dispatcher, IngestOptions
from samrev.ingest.model import PAGE_SEPARATOR, IngestedDocument, PageInfo, RawDocument
from samrev.ingest.normalise import normalise_text
from samrev.ingest.readers.base import HEAD_BYTES

_DISPATCHERS: dict[IngestOptions, Dispatcher] = {}


def dispatcher_for(options: IngestOptions | None) -> Dispatcher:
    """One dispatcher (and so one set of reader instances) per options, per process."""
    key = options or IngestOptions()
    if key not in _DISPATCHERS:
        _DISPATCHERS[key] = Dispatcher(key)
    return _DISPATCHERS[key]


def assemble(record: IngestedDocument, raw: RawDocument) -> None:
    """Fill ``record`` from a reader's output: normalised text, page ranges, signatures, metadata."""
    texts = [normalise_text(page.text) for page in raw.pages]
    record.format = raw.format
    record.signatures = list(raw.signatures)
    record.metadata.update(raw.metadata)
    if not raw.paged:
        record.text = "\n\n".join(t for t in texts if t)
        record.pages = []
        record.needs_ocr = any(page.ocr for page in raw.pages)
        return
    pages: list[PageInfo] = []
    position = 0
    for number, (text, page) in enumerate(zip(texts, raw.pages, strict=True), start=1):
        if number > 1:
            position += len(PAGE_SEPARATOR)
        pages.append(PageInfo(number=number, start=position, end=position + len(text), ocr=page.ocr))
        position += len(text)
    record.text = PAGE_SEPARATOR.join(texts)
    record.pages = pages
    record.needs_ocr = any(page.ocr for page in pages)


def _empty_detail(record: IngestedDocument) -> str:
    if record.needs_ocr:
        return " selv etter tekstgjenkjenning (OCR)"
    unavailable = record.metadata.get("ocr_unavailable")
    if unavailable:
        return f" (sidene er skannet, men tekstgjenkjenning er ikke tilgjengelig: {unavailable})"
    if record.format == "pdf":
        return " (PDF-en har verken tekst eller skannede sider)"
    return ""


def ingest_file(path: str | Path, *, options: IngestOptions | None = None,
                shown: str | None = None) -> IngestedDocument:
    """Read one file into an :class:`IngestedDocument`; a bad file gives a record with ``error``.

    ``shown`` is the name to report (``path`` as given when omitted); an archive member is read
    from its extracted copy and shown as ``archive.zip!inner/file.pdf``.
    """
    shown = shown if shown is not None else str(path)
    record = IngestedDocument(path=shown)
    try:
        file = Path(path)
        data = _read_bytes(file, shown)
        record.content_hash = hashlib.sha256(data).hexdigest()
        record.metadata["size"] = len(data)
        if not data:
            raise EmptyDocument(path=shown, detail=" (filen er tom: 0 byte)")
        if file.suffix.lower() == ".zip":
            raise archive_error(shown, data)
        reader = dispatcher_for(options).choose(file, data[:HEAD_BYTES], shown=shown, data=data)
        record.format = reader.name
        record.reader = f"{reader.name}@{reader.version}"
        assemble(record, reader.read(file, data))
        if not record.text.strip():
            raise EmptyDocument(path=shown, detail=_empty_detail(record))
    except IngestError as error:
        fail(record, error)
    except Exception as error:  # a reader or library bug on a malformed file: still one record
        detail = f"uventet feil under lesing ({type(error).__name__}: {error})"
        fail(record, UnreadableFile(path=shown, detail=detail))
    return record


def fail(record: IngestedDocument, error: IngestError) -> IngestedDocument:
    """Mark ``record`` as failed with ``error`` (its path set to the record's), dropping any text."""
    error.data_fields["path"] = record.path
    error.args = (error.message,)
    record.error = error
    record.text = ""
    record.pages = []
    return record


def archive_error(shown: str, data: bytes) -> IngestError:
    """A ZIP archive handed to :func:`ingest_file` itself (archives are opened by ``expand_paths``)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)):
            pass
    except (zipfile.BadZipFile, OSError, EOFError):
        return UnreadableFile(path=shown, detail="ZIP-arkivet er skadet og kan ikke pakkes ut")
    detail = "et ZIP-arkiv; filene i det leses når arkivet gis til samrev ingest"
    return UnsupportedFormat(path=shown, detail=detail)


def _read_bytes(file: Path, shown: str) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise MissingFile(path=shown) from None
    except IsADirectoryError:
        raise UnreadableFile(path=shown, detail="dette er en mappe, ikke en fil") from None
    except PermissionError:
        raise UnreadableFile(path=shown, detail="ingen tilgang til å lese filen") from None
    except OSError as exc:
        raise UnreadableFile(path=shown, detail=exc.strerror or type(exc).__name__) from None
