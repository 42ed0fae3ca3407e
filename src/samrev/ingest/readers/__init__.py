"""The format readers, one component per format (kind ``reader`` in :mod:`samrev.core.components`).

:data:`READERS` lists them in sniffing order (name → dotted path).  The same lines are registered
in :mod:`samrev.core.registrations`; a test checks that both agree.
"""

from __future__ import annotations

READERS: dict[str, str] = {
    "pdf": "samrev.ingest.readers.pdf:PdfReader",
    "docx": "samrev.ingest.readers.docx:DocxReader",
    "odt": "samrev.ingest.readers.odt:OdtReader",
    "rtf": "samrev.ingest.readers.rtf:RtfReader",
    "doc": "samrev.ingest.readers.doc:DocReader",
    "html": "samrev.ingest.readers.html:HtmlReader",
    "text": "samrev.ingest.readers.text:TextReader",
}
