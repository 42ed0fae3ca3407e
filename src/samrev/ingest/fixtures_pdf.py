"""Fixture builders for PDFs: text pages, scanned pages, mixed, encrypted, truncated, signed.

Seeded (``random.Random(42)`` unless a generator is passed) and deterministic: reportlab writes
with ``invariant=1`` (no time stamps or random IDs), scans get their skew and noise from the
generator.  Libraries are imported inside the builders: reportlab and Pillow (every PDF),
numpy (scan noise), pypdf (encryption), pyHanko and cryptography (signing).
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from samrev.ingest.fixture_texts import NB_PAGES

A4 = (595.2756, 841.8898)  # points
FONT_SIZE = 11
LEADING = 15
MARGIN_X = 70
TOP_Y = 780
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
)
PageKind = Literal["text", "scan"]


def _rng(rng: random.Random | None) -> random.Random:
    return rng if rng is not None else random.Random(42)  # noqa: S311  (fixtures, not secrets)


def render_scan(lines: Sequence[str], *, rng: random.Random | None = None, dpi: int = 300,
                skew: float | None = None, noise: float = 6.0) -> Any:
    """A page of ``lines`` as a scanned grey image (PIL): 11 pt serif, skew ≤ 1°, light noise."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    rng = _rng(rng)
    width, height = round(A4[0] / 72 * dpi), round(A4[1] / 72 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    size = round(FONT_SIZE * dpi / 72)
    font: Any = None
    for candidate in FONT_PATHS:
        if Path(candidate).exists():
            font = ImageFont.truetype(candidate, size)
            break
    if font is None:
        font = ImageFont.load_default(size)
    x = round(MARGIN_X * dpi / 72)
    y = round((A4[1] - TOP_Y) * dpi / 72)
    for line in lines:
        if line:
            draw.text((x, y), line, fill=25, font=font)
        y += round(LEADING * dpi / 72)
    angle = skew if skew is not None else rng.uniform(-1.0, 1.0)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if noise > 0:
        generator = np.random.default_rng(rng.randrange(2**32))
        pixels = np.asarray(image, dtype=np.float32)
        pixels = pixels + generator.normal(0.0, noise, pixels.shape).astype(np.float32)
        specks = generator.random(pixels.shape) < 0.0005
        pixels[specks] = generator.uniform(0, 120, int(specks.sum()))
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    return image


def _draw_text_page(canvas: Any, lines: Sequence[str], font: str) -> None:
    canvas.setFont(font, FONT_SIZE)
    y = TOP_Y
    for line in lines:
        if line:
            canvas.drawString(MARGIN_X, y, line)
        y -= LEADING


def _draw_scan_page(canvas: Any, image: Any) -> None:
    from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    buffer.seek(0)
    canvas.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])


def write_pdf(path: Path, pages: Sequence[tuple[PageKind, Sequence[str]]], *,
              rng: random.Random | None = None, title: str = "Samarbeidsavtale", dpi: int = 300,
              noise: float = 6.0) -> Path:
    """A PDF whose pages are drawn text (``"text"``) or a scanned image of the lines (``"scan"``)."""
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    rng = _rng(rng)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle(title)
    for kind, lines in pages:
        if kind == "text":
            _draw_text_page(canvas, lines, "Helvetica")
        else:
            _draw_scan_page(canvas, render_scan(lines, rng=rng, dpi=dpi, noise=noise))
        canvas.showPage()
    canvas.save()
    return path


def text_pdf(path: Path, pages: Sequence[Sequence[str]] = NB_PAGES, **kwargs: Any) -> Path:
    return write_pdf(path, [("text", lines) for lines in pages], **kwargs)


def scanned_pdf(path: Path, pages: Sequence[Sequence[str]], **kwargs: Any) -> Path:
    return write_pdf(path, [("scan", lines) for lines in pages], **kwargs)


def encrypted_pdf(path: Path, source: Path, *, password: str = "hemmelig") -> Path:  # noqa: S107
    """``source`` encrypted with an AES-256 user password (pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-eier", algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def truncated_pdf(path: Path, source: Path, *, keep: float = 0.6) -> Path:
    """The first ``keep`` share of ``source``'s bytes (a broken download)."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def signed_pdf(path: Path, source: Path, *, signer: str = "Kari Nordmann", organisation: str = "Bodø kommune",
               field_name: str = "Signatur1", append_after: bool = False) -> Path:
    """``source`` signed by pyHanko with a fresh self-signed certificate (offline, seconds).

    With ``append_after`` an incremental update is added after signing, so the signature no
    longer covers the whole file.
    """
    import datetime as dt

    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # type: ignore[import-untyped]
    from pyhanko.sign import signers  # type: ignore[import-untyped]
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # type: ignore[import-untyped]

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, signer),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    private = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    store: Any = SimpleCertificateStore
    signer_obj = signers.SimpleSigner(signing_cert=cert, signing_key=private,
                                      cert_registry=store.from_certs([cert]))
    with source.open("rb") as fh:
        writer = IncrementalPdfFileWriter(fh)
        meta = signers.PdfSignatureMetadata(field_name=field_name, reason="Godkjent av partene")
        output = signers.sign_pdf(writer, meta, signer=signer_obj)
    data = output.getvalue()
    if append_after:
        appender: Any = IncrementalPdfFileWriter(io.BytesIO(data))
        from pyhanko.pdf_utils.generic import NameObject  # type: ignore[import-untyped]

        appender.root[NameObject("/PageMode")] = NameObject("/UseOutlines")
        appender.update_root()
        buffer = io.BytesIO()
        appender.write(buffer)
        data = buffer.getvalue()
    path.write_bytes(data)
    return path
