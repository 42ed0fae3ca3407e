"""Which reader reads a file: its content first, its name second.

1. Every reader sniffs the first bytes (in the order of :data:`~samrev.ingest.readers.READERS`);
   the first that recognises its format reads the file, whatever the file is called.
2. Content of a known format nobody reads (images, archives, programs) → ``unsupported``, even
   under a name like ``avtale.pdf``.
   A ZIP container that no reader recognised from its first bytes is opened to look at its parts
   (``word/document.xml`` → DOCX, an OpenDocument text ``mimetype`` → ODT).
3. Otherwise the extension decides (plain text has no signature; a broken ZIP called ``.docx``
   goes to the DOCX reader, which reports it ``unreadable``).
4. Otherwise ``unsupported``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samrev.core.errors import UnsupportedFormat
from samrev.ingest.ocr import OCR_DPI, OCR_LANG
from samrev.ingest.readers import READERS
from samrev.ingest.readers.base import Reader

FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "et PNG-bilde"),
    (b"\xff\xd8\xff", "et JPEG-bilde"),
    (b"GIF87a", "et GIF-bilde"),
    (b"GIF89a", "et GIF-bilde"),
    (b"II*\x00", "et TIFF-bilde"),
    (b"MM\x00*", "et TIFF-bilde"),
    (b"RIFF", "en RIFF-fil (lyd, video eller bilde)"),
    (b"%!PS", "PostScript"),
    (b"\x1f\x8b", "et gzip-arkiv"),
    (b"7z\xbc\xaf\x27\x1c", "et 7z-arkiv"),
    (b"Rar!\x1a\x07", "et RAR-arkiv"),
    (b"\x7fELF", "et program"),
    (b"\x00asm", "et program"),
)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Settings of one ingestion run (picklable: sent to every worker process)."""

    ocr: bool = True
    ocr_lang: str = OCR_LANG
    ocr_dpi: int = OCR_DPI
    ocr_cache_dir: Path | None = None
    use_ocr_cache: bool = True

    def reader_params(self, name: str) -> dict[str, Any]:
        if name == "pdf":
            return {"ocr": self.ocr, "ocr_lang": self.ocr_lang, "ocr_dpi": self.ocr_dpi,
                    "ocr_cache_dir": self.ocr_cache_dir, "use_ocr_cache": self.use_ocr_cache}
        return {}


def reader_class(name: str) -> type[Any]:
    module_name, _, attr = READERS[name].partition(":")
    cls: type[Any] = getattr(importlib.import_module(module_name), attr)
    return cls


def supported_extensions() -> frozenset[str]:
    """Every file name extension some reader claims (lower case, with the dot)."""
    return frozenset(ext for name in READERS for ext in reader_class(name).extensions)


def foreign_content(head: bytes) -> str | None:
    """What the bytes are when they are a known format no reader takes (``"et PNG-bilde"``)."""
    for magic, what in FOREIGN_MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and b"opendocument" in head[38:120]:
        kind = head[38:120].split(b"opendocument.")[-1].split(b"PK")[0][:20].decode("ascii", "replace")
        if not kind.startswith("text"):
            return f"et OpenDocument-dokument av typen «{kind.strip()}»"
    return None


def zip_document_kind(data: bytes) -> str | None:
    """``"docx"`` or ``"odt"`` for a ZIP whose parts say so, whatever the file is called."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and "mimetype" in names:
                mimetype = archive.read("mimetype")
                return "odt" if mimetype.strip() == b"application/vnd.oasis.opendocument.text" else None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return None
    return None


class Dispatcher:
    """Holds one instance of each reader (built with the run's options) and picks one per file."""

    def __init__(self, options: IngestOptions | None = None) -> None:
        self.options = options or IngestOptions()
        self._readers: dict[str, Reader] = {}

    def reader(self, name: str) -> Reader:
        if name not in self._readers:
            self._readers[name] = reader_class(name)(**self.options.reader_params(name))
        return self._readers[name]

    def choose(self, path: Path, head: bytes, *, shown: str | None = None,
               data: bytes | None = None) -> Reader:
        for name in READERS:
            reader = self.reader(name)
            if reader.sniff(head):
                return reader
        if data is not None and head.startswith(b"PK\x03\x04"):
            kind = zip_document_kind(data)
            if kind is not None:
                return self.reader(kind)
        suffix = path.suffix.lower()
        what = foreign_content(head)
        if what is not None:
            named = f" selv om navnet slutter på «{suffix}»" if suffix else ""
            raise UnsupportedFormat(path=shown or str(path), detail=f"innholdet er {what}{named}")
        for name in READERS:
            reader = self.reader(name)
            if suffix in reader.extensions:
                return reader
        detail = f"filtypen «{suffix}»" if suffix else "filen har ingen filendelse og et ukjent innhold"
        raise UnsupportedFormat(path=shown or str(path), detail=detail)
