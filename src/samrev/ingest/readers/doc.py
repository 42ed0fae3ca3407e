"""Legacy Word (.doc, Word 97–2003) by ``antiword`` (Debian package ``antiword``).

Why antiword: it is a small packaged command that reads Word 97–2003 binaries to UTF-8 text
offline; LibreOffice headless reads more but is some 300 MB, and ``catdoc`` gives no better text.
Without the command, a .doc file is ``unsupported`` with a message saying what to install.

The same OLE2 container also wraps password-protected Office files (an ``EncryptedPackage``
stream): those are ``encrypted``, whatever their extension says.  Other OLE2 files (Excel,
PowerPoint, Outlook) are ``unsupported``.  Running headers and footers are not in antiword's text
(so a draft marker there is not seen, unlike DOCX/ODT); tables come out as tab-separated rows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import ClassVar

from samrev.core.errors import EncryptedFile, UnreadableFile, UnsupportedFormat
from samrev.ingest.model import RawDocument
from samrev.ingest.readers.base import load, single_page

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
ANTIWORD_TIMEOUT_S = 120.0


class DocReader:
    """Word 97–2003 (.doc) by the antiword command; recognises encrypted Office files."""

    name: ClassVar[str] = "doc"
    version: ClassVar[str] = "1"
    label: ClassVar[str] = "Eldre Word-dokument (DOC, via antiword)"
    extensions: ClassVar[tuple[str, ...]] = (".doc", ".dot")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(OLE2_MAGIC)

    def read(self, path: Path, data: bytes | None = None) -> RawDocument:
        data = load(path, data)
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedFile(path=str(path))
        if _WORD_STREAM not in data:
            raise UnsupportedFormat(path=str(path), detail="en Office-fil som ikke er et Word-dokument")
        exe = shutil.which("antiword")
        if exe is None:
            raise UnsupportedFormat(path=str(path),
                                    detail="eldre Word-format (.doc); programmet antiword mangler")
        with tempfile.TemporaryDirectory(prefix="samrev-doc-") as tmp:
            source = Path(path) if Path(path).is_file() else Path(tmp) / "input.doc"
            if source != Path(path):
                source.write_bytes(data)
            env = dict(os.environ, LC_ALL="C.UTF-8")
            try:
                proc = subprocess.run(  # noqa: S603
                    [exe, "-m", "UTF-8.txt", "-w", "0", str(source)],
                    capture_output=True, check=False, timeout=ANTIWORD_TIMEOUT_S, env=env,
                )
            except subprocess.TimeoutExpired:
                raise UnreadableFile(path=str(path), detail="antiword brukte for lang tid") from None
        message = proc.stderr.decode("utf-8", "replace").strip()
        if proc.returncode != 0:
            if "encrypt" in message.lower() or "password" in message.lower():
                raise EncryptedFile(path=str(path))
            last = message.splitlines()[-1] if message else "ukjent feil"
            raise UnreadableFile(path=str(path), detail=f"antiword: {last}")
        text = _tables_as_tabs(proc.stdout.decode("utf-8", "replace"))
        return single_page("doc", text, converter="antiword")


def _tables_as_tabs(text: str) -> str:
    """antiword draws table rows as ``|cell   |cell   |``; make them tab-separated like other readers."""
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            line = "\t".join(cell.strip() for cell in stripped[1:-1].split("|")).rstrip("\t")
        lines.append(line)
    return "\n".join(lines)
