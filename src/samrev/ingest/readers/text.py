"""Plain text in any common encoding (see :mod:`samrev.ingest.encoding`)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from samrev.ingest.encoding import decode_bytes
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page


class TextReader:
    """Plain text (.txt): UTF-8 with or without BOM, UTF-16, Windows-1252, ISO-8859-1/15 …

    Plain text has no signature bytes, so it is chosen by extension only.
    """

    name: ClassVar[str] = "text"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Ren tekst (TXT, alle vanlige tegnsett)"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        return False

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        decoded = decode_bytes(load(path, data))
        metadata: dict[str, object] = {"encoding": decoded.encoding}
        if decoded.repaired_mojibake:
            metadata["repaired_mojibake"] = decoded.repaired_mojibake
        return single_page("text", decoded.text, **metadata)
