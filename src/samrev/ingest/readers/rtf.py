"""RTF by striprtf (pure Python, on PyPI): text with the file's ANSI code page.

RTF is 7-bit text; characters above ASCII come as ``\\'e6`` escapes in the code page the header
declares (``\\ansicpg1252``) or as ``\\uN`` escapes.  Tables come out as cells separated by ``|``
(striprtf's convention), rows on their own lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from samrev.core.errors import UnreadableFile
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


class RtfReader:
    """Rich Text Format (.rtf) by striprtf."""

    name: ClassVar[str] = "rtf"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Rik tekst (RTF)"
    extensions: ClassVar[tuple[str, ...]] = (".rtf",)

    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \r\n").startswith(b"{\\rtf")

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        from striprtf.striprtf import rtf_to_text

        data = load(path, data)
        match = _CODEPAGE.search(data[:4096])
        encoding = f"cp{int(match.group(1))}" if match else "cp1252"
        try:
            "".encode(encoding)
        except LookupError:
            encoding = "cp1252"
        try:
            source = data.decode("latin-1")
            text: str = rtf_to_text(source, encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
        except Exception as exc:
            detail = f"RTF-koden kan ikke tolkes ({type(exc).__name__})"
            raise UnreadableFile(path=str(path), detail=detail) from None
        return single_page("rtf", text, encoding=encoding)
