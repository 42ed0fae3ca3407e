"""Digital signature fields of a PDF: signer, signing time, and whether they cover the whole file.

PDFium counts the signatures (cheap, on every PDF); only a signed PDF pays for pyHanko, which
reads each field's name, the signer's certificate (common name) and the claimed signing time, and
judges coverage: ``covers_whole_document`` is pyHanko's ``ENTIRE_FILE`` (nothing appended after
signing).  The certificate chain is not validated: no trust roots exist offline, and the
assessment only asks whether the document was executed.  If pyHanko cannot parse the file,
PDFium's own view is used (time, reason and byte range; no signer, no field name).
"""

from __future__ import annotations

import ctypes
import io
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from samrev.ingest.model import SignatureInfo

_PDF_DATE = re.compile(
    r"D:(?P<y>\d{4})(?P<mo>\d{2})?(?P<d>\d{2})?(?P<h>\d{2})?(?P<mi>\d{2})?(?P<s>\d{2})?"
    r"(?:(?P<z>[Zz])|(?P<sign>[+-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?"
)


def parse_pdf_date(value: str | None) -> datetime | None:
    """``D:20210312101500+01'00'`` → an aware datetime (naive input is taken as UTC)."""
    if not value:
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    g = match.groupdict()
    tz: timezone = UTC
    if g["sign"]:
        offset = timedelta(hours=int(g["oh"]), minutes=int(g["om"] or 0))
        tz = timezone(offset if g["sign"] == "+" else -offset)
    try:
        return datetime(int(g["y"]), int(g["mo"] or 1), int(g["d"] or 1), int(g["h"] or 0),
                        int(g["mi"] or 0), int(g["s"] or 0), tzinfo=tz)
    except ValueError:
        return None


def signature_count(document: Any) -> int:
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    return max(0, int(pdfium_c.FPDF_GetSignatureCount(document)))


def read_signatures(document: Any, data: bytes) -> list[SignatureInfo]:
    """Signatures of an open ``pypdfium2.PdfDocument`` whose file bytes are ``data``."""
    count = signature_count(document)
    if count == 0:
        return []
    try:
        found = _with_pyhanko(data)
        if found:
            return found
    except Exception:  # noqa: S110  (any parse problem: fall back to PDFium's view)
        pass
    return _with_pdfium(document, data, count)


def _with_pyhanko(data: bytes) -> list[SignatureInfo]:
    from pyhanko.pdf_utils.reader import PdfFileReader  # type: ignore[import-untyped]
    from pyhanko.sign.validation.status import SignatureCoverageLevel  # type: ignore[import-untyped]

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    out: list[SignatureInfo] = []
    for signature in reader.embedded_signatures:
        signer: str | None = None
        try:
            subject = signature.signer_cert.subject
            signer = subject.native.get("common_name") or subject.human_friendly
        except Exception:  # noqa: S110  (a signature without a readable certificate still counts)
            pass
        try:
            covers = signature.evaluate_signature_coverage() == SignatureCoverageLevel.ENTIRE_FILE
        except Exception:
            covers = False
        signed_at = signature.self_reported_timestamp
        if signed_at is None:
            signed_at = parse_pdf_date(str(signature.sig_object.get("/M", "")) or None)
        reason = signature.sig_object.get("/Reason")
        out.append(SignatureInfo(
            signer=str(signer) if signer else None,
            signed_at=signed_at,
            covers_whole_document=covers,
            field_name=signature.field_name,
            reason=str(reason) if reason else None,
        ))
    return out


def _pdfium_string(function: Any, handle: Any, encoding: str) -> str | None:
    size = int(function(handle, None, 0))
    if size <= 0:
        return None
    buffer = ctypes.create_string_buffer(size)
    function(handle, buffer, size)
    raw = buffer.raw[:size]
    return raw.decode(encoding, "replace").rstrip("\x00") or None


def _with_pdfium(document: Any, data: bytes, count: int) -> list[SignatureInfo]:
    import pypdfium2.raw as pdfium_c

    out: list[SignatureInfo] = []
    for index in range(count):
        handle = pdfium_c.FPDF_GetSignatureObject(document, index)
        if not handle:
            continue
        when = _pdfium_string(pdfium_c.FPDFSignatureObj_GetTime, handle, "latin-1")
        reason = _pdfium_string(pdfium_c.FPDFSignatureObj_GetReason, handle, "utf-16-le")
        n = int(pdfium_c.FPDFSignatureObj_GetByteRange(handle, None, 0))
        covers = False
        if n == 4:
            ranges = (ctypes.c_int * n)()
            pdfium_c.FPDFSignatureObj_GetByteRange(handle, ranges, n)
            covers = ranges[0] == 0 and ranges[2] + ranges[3] >= len(data.rstrip(b"\r\n\x00 "))
        out.append(SignatureInfo(signer=None, signed_at=parse_pdf_date(when), covers_whole_document=covers,
                                 field_name=None, reason=reason))
    return out
