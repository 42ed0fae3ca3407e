"""Ingestion: every file an agreement comes in, turned into one text with page and character locations.

Public API::

    ingest_file(path, *, options=None, shown=None) -> IngestedDocument     # never raises for a bad file
    ingest_many(paths, *, workers=None, progress=None, options=None) -> Iterator[IngestedDocument]
    expand_paths(paths) -> list[Path]                                    # folders and ZIP archives
    IngestOptions(ocr=True, ocr_lang="nor", ocr_dpi=300, ocr_cache_dir=None, use_ocr_cache=True)

Readers (one component per format, kind ``reader``) are listed in :mod:`samrev.ingest.readers`.
Libraries are imported by the readers when they read, so importing this package is cheap.
"""

from __future__ import annotations

from samrev.ingest.batch import ProgressCallback, ingest_many
from samrev.ingest.dispatch import IngestOptions, supported_extensions
from samrev.ingest.model import (
    PAGE_SEPARATOR,
    IngestedDocument,
    PageInfo,
    RawDocument,
    RawPage,
    SignatureInfo,
)
from samrev.ingest.paths import expand_paths, resolve
from samrev.ingest.service import ingest_file

__all__ = [
    "PAGE_SEPARATOR",
    "IngestOptions",
    "IngestedDocument",
    "PageInfo",
    "ProgressCallback",
    "RawDocument",
    "RawPage",
    "SignatureInfo",
    "expand_paths",
    "ingest_file",
    "ingest_many",
    "resolve",
    "supported_extensions",
]
