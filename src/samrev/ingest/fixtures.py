"""Seeded fixture builders: real files in every format ingestion meets, made in code.

Used by the tests (tests/ingest), the ingest benchmark and the demo.  Everything is derived from
the texts in :mod:`samrev.ingest.fixture_texts` and from ``random.Random(42)`` unless another
generator is passed.  :func:`build_all` writes the whole set into a folder and returns the paths
by name; the single builders can be used alone.  PDF builders live in
:mod:`samrev.ingest.fixtures_pdf` and are re-exported here.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from samrev.ingest.fixture_texts import NB_PAGES, NN_PAGES, SCAN_LINES, plain_text
from samrev.ingest.fixtures_pdf import (
    encrypted_pdf,
    render_scan,
    scanned_pdf,
    signed_pdf,
    text_pdf,
    truncated_pdf,
    write_pdf,
)

__all__ = [
    "DOCX_BODY",
    "HTML_MAIN",
    "TEXT_ENCODINGS",
    "broken_docx",
    "build_all",
    "docx_document",
    "empty_docx",
    "encrypted_pdf",
    "html_page",
    "odt_document",
    "png_bytes",
    "render_scan",
    "rtf_document",
    "scanned_pdf",
    "signed_pdf",
    "text_file",
    "text_pdf",
    "truncated_pdf",
    "write_pdf",
    "zip_archive",
]

CP1252_LINE = "Kursavgift: 0 € – «Lærings- og mestringssenteret» har ansvaret."
LATIN1_LINE = "Kursavgift: 0 kroner; «Lærings- og mestringssenteret» har ansvaret."
TEXT_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "iso-8859-1")

DOCX_BODY = (
    "Tenesteavtale 2 om lærings- og meistringstilbod",
    "Partane skal samarbeide om opplæring av pasientar og pårørande.",
    "Kommunen skal ha ein kontaktperson for frisklivs-, lærings- og meistringstilbod.",
    "Part\tAnsvar",
    "Askøy kommune\tFrisklivssentral og kontaktperson",
    "Helse Bergen HF\tKurs for personar med kols",
    "Avtalen gjeld frå 1. mars 2022.",
)
DOCX_HEADER = "UTKAST – til handsaming i samhandlingsutvalet"
DOCX_FOOTER = "Askøy kommune og Helse Bergen HF – side 1"

HTML_MAIN = (
    "Tenesteavtale 2 om lærings- og meistringstilbod",
    "Partane skal samarbeide om opplæring av pasientar og pårørande.",
    "Kommunen skal ha ein kontaktperson for frisklivs-, lærings- og meistringstilbod.",
    "Helseføretaket skal gje tilbod om kurs for personar med kols.",
    "Avtalen gjeld frå 1. mars 2022.",
)
HTML_BOILERPLATE = (
    "informasjonskapsler", "Godta alle", "Heim", "Politikk", "Forside", "Postboks 323", "Relaterte lenker",
)


def _rng(rng: random.Random | None) -> random.Random:
    return rng if rng is not None else random.Random(42)  # noqa: S311  (fixtures, not secrets)


def text_file(path: Path, encoding: str, text: str | None = None) -> Path:
    """The bokmål fixture text (with – € « » where the code page has them) in ``encoding``."""
    if text is None:
        latin1 = encoding.replace("_", "-").lower() in ("iso-8859-1", "latin-1")
        extra = LATIN1_LINE if latin1 else CP1252_LINE
        text = plain_text(NB_PAGES) + extra + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def docx_document(path: Path, *, draft: bool = True) -> Path:
    """DOCX: heading, paragraphs, a 3×2 table, a header (``UTKAST`` when ``draft``) and a footer."""
    import datetime as dt

    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = DOCX_HEADER if draft else "Askøy kommune"
    section.footer.paragraphs[0].text = DOCX_FOOTER
    document.add_heading(DOCX_BODY[0], level=1)
    document.add_paragraph(DOCX_BODY[1])
    document.add_paragraph(DOCX_BODY[2])
    table = document.add_table(rows=3, cols=2)
    for row, line in zip(table.rows, DOCX_BODY[3:6], strict=True):
        for cell, value in zip(row.cells, line.split("\t"), strict=True):
            cell.text = value
    document.add_paragraph(DOCX_BODY[6])
    props = document.core_properties
    props.title = DOCX_BODY[0]
    props.author = "Askøy kommune"
    props.created = props.modified = dt.datetime(2022, 2, 1, 12, 0, tzinfo=dt.UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def empty_docx(path: Path) -> Path:
    import docx

    docx.Document().save(str(path))
    return path


def broken_docx(path: Path, *, rng: random.Random | None = None) -> Path:
    """A ZIP signature followed by noise, named .docx."""
    rng = _rng(rng)
    path.write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(400)))
    return path


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"'
)


def odt_document(path: Path, *, header: str = DOCX_HEADER) -> Path:
    """ODT with the DOCX fixture's body (heading, paragraphs, table) and a master-page header."""

    def p(text: str) -> str:
        return f"<text:p>{escape(text)}</text:p>"

    def row(line: str) -> str:
        cells = "".join(f"<table:table-cell>{p(cell)}</table:table-cell>" for cell in line.split("\t"))
        return f"<table:table-row>{cells}</table:table-row>"

    rows = "".join(row(line) for line in DOCX_BODY[3:6])
    body = (
        f'<text:h text:outline-level="1">{escape(DOCX_BODY[0])}</text:h>'
        + p(DOCX_BODY[1])
        + f"<text:list><text:list-item>{p(DOCX_BODY[2])}</text:list-item></text:list>"
        + '<table:table table:name="Ansvar"><table:table-column table:number-columns-repeated="2"/>'
        + f"{rows}</table:table>"
        + p(DOCX_BODY[6])
        + "<text:p>Merknad<office:annotation><text:p>Ikkje med i teksten</text:p>"
        + "</office:annotation></text:p>"
    )
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    content = (f"{xml}<office:document-content {_ODT_NS}><office:body>"
               f"<office:text>{body}</office:text></office:body></office:document-content>")
    styles = (f"{xml}<office:document-styles {_ODT_NS}><office:master-styles>"
              f'<style:master-page style:name="Standard"><style:header>{p(header)}</style:header>'
              f"<style:footer>{p(DOCX_FOOTER)}</style:footer></style:master-page>"
              "</office:master-styles></office:document-styles>")
    entry = '<manifest:file-entry manifest:full-path="{}" manifest:media-type="{}"/>'
    manifest = (
        f'{xml}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        + entry.format("/", "application/vnd.oasis.opendocument.text")
        + entry.format("content.xml", "text/xml")
        + entry.format("styles.xml", "text/xml")
        + "</manifest:manifest>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        stamp = (2022, 2, 1, 12, 0, 0)
        archive.writestr(zipfile.ZipInfo("mimetype", stamp), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        parts = (("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml", manifest))
        for name, part in parts:
            archive.writestr(zipfile.ZipInfo(name, stamp), part, compress_type=zipfile.ZIP_DEFLATED)
    return path


def html_page(path: Path, *, encoding: str = "utf-8") -> Path:
    """A municipal web page: cookie banner, menu, breadcrumbs, the agreement, a sidebar, a footer."""
    main = (
        f"<h1>{HTML_MAIN[0]}</h1><p>{HTML_MAIN[1]}</p><h2>1. Ansvar</h2><p>{HTML_MAIN[2]}</p>"
        f"<ul><li>{HTML_MAIN[3]}</li></ul>"
        "<table><tr><th>Part</th><th>Ansvar</th></tr>"
        "<tr><td>Askøy kommune</td><td>Frisklivssentral</td></tr></table>"
        f"<p>{HTML_MAIN[4]}</p>"
    )
    html = (
        f'<!DOCTYPE html><html lang="nn"><head><meta charset="{encoding}">'
        "<title>Tenesteavtale 2 &ndash; Askøy kommune</title></head><body>"
        '<div id="cookie-banner" class="cookie-consent">Vi bruker informasjonskapsler.'
        " <button>Godta alle</button></div>"
        '<header><nav><ul><li><a href="/">Heim</a></li><li><a href="/helse">Helse og omsorg</a></li>'
        '<li><a href="/politikk">Politikk</a></li></ul></nav></header>'
        '<nav class="breadcrumb"><a href="/">Forside</a> › <a href="/avtalar">Avtalar</a></nav>'
        f"<main>{main}</main>"
        '<aside><h3>Relaterte lenker</h3><a href="/x">Sjå òg</a></aside>'
        "<footer><p>Askøy kommune · Postboks 323 · 5323 Kleppestø · Personvern</p></footer></body></html>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(html.encode(encoding, errors="xmlcharrefreplace"))
    return path


def rtf_document(path: Path) -> Path:
    """RTF (Windows-1252 escapes) with two nynorsk paragraphs and – € « »."""
    def esc(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\'{c.encode('cp1252')[0]:02x}" for c in text)

    body = "".join(f"{esc(line)}\\par\n" for line in (*NN_PAGES[0][:2], CP1252_LINE))
    path.write_bytes(("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body
                      + "}").encode("ascii"))
    return path


def png_bytes(width: int = 320, height: int = 120) -> bytes:
    """A real PNG: white with a black bar, no text."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), 255)
    ImageDraw.Draw(image).rectangle((20, 40, width - 20, 60), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def zip_archive(path: Path, members: dict[str, Path]) -> Path:
    """A ZIP holding ``members`` (name inside → file)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, source in members.items():
            archive.write(source, name)
    return path


def build_all(directory: Path, *, rng: random.Random | None = None, scans: bool = True,
              signed: bool = True) -> dict[str, Path]:
    """Every fixture in ``directory``; returns name → path.  ``scans``/``signed`` skip the slow ones."""
    rng = _rng(rng)
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    out["nb_pdf"] = text_pdf(d / "delavtale_bokmal.pdf", NB_PAGES, rng=rng)
    out["nn_pdf"] = text_pdf(d / "tenesteavtale_nynorsk.pdf", NN_PAGES, rng=rng)
    if scans:
        out["scan_pdf"] = scanned_pdf(d / "skannet.pdf", [SCAN_LINES], rng=rng)
        out["mixed_pdf"] = write_pdf(d / "blandet.pdf", [("text", NN_PAGES[0]), ("scan", SCAN_LINES),
                                                         ("text", NN_PAGES[1])], rng=rng)
    out["docx"] = docx_document(d / "tenesteavtale.docx")
    out["empty_docx"] = empty_docx(d / "tom.docx")
    out["odt"] = odt_document(d / "tenesteavtale.odt")
    out["html"] = html_page(d / "tenesteavtale.html")
    out["rtf"] = rtf_document(d / "tenesteavtale.rtf")
    for encoding in TEXT_ENCODINGS:
        out[f"txt_{encoding}"] = text_file(d / "tekst" / f"delavtale_{encoding}.txt", encoding)
    out["encrypted_pdf"] = encrypted_pdf(d / "kryptert.pdf", out["nb_pdf"])
    out["truncated_pdf"] = truncated_pdf(d / "avkortet.pdf", out["nb_pdf"])
    (d / "bilde.pdf").write_bytes(png_bytes())
    out["png_as_pdf"] = d / "bilde.pdf"
    out["broken_docx"] = broken_docx(d / "korrupt.docx", rng=rng)
    (d / "notat.xyz").write_bytes(b"Dette er et notat.\n")
    out["xyz"] = d / "notat.xyz"
    (d / "tom.txt").write_bytes(b"")
    out["zero_txt"] = d / "tom.txt"
    out["zip"] = zip_archive(d / "arkiv.zip", {"avtalar/tenesteavtale.pdf": out["nn_pdf"],
                                               "avtalar/notat.txt": out["txt_utf-8"]})
    if signed:
        out["signed_pdf"] = signed_pdf(d / "signert.pdf", out["nb_pdf"])
    return out
