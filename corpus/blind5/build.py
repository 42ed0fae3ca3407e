"""Render the fifth blind set (corpus/blind5/raw/<split>/<id>.txt) to sources/<split>/.

Messy documents "as they come off web sites and scanners".  The raw format and the text-PDF,
DOCX and TXT renderers are those of corpus/blind2/build.py, imported with importlib (not copied).
Added here:

- ``format: scan``: every page an image (200 dpi, grey, skewed, noisy, JPEG) -> needs OCR.
- ``format: mixed``: text pages, the LAST page an image.  ``{{h:text}}`` inside a line is drawn
  in a handwriting-like font (URW Z003) on image pages (names and dates at signature lines).
- ``format: html`` with ``chrome: heavy`` (municipal site: cookie text, menus, breadcrumbs,
  "Del denne siden", related links, footer with addresses and phone numbers) or
  ``chrome: accordion`` (HF site whose agreement text sits in collapsed accordion panels).

Run: .venv/bin/python corpus/blind5/build.py
"""

from __future__ import annotations

import html
import importlib.util
import io
import random
import re
import zlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "sources"


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B2 = _load("blind2_build", HERE.parent / "blind2" / "build.py")
parse = B2.parse
blocks = B2.blocks

HAND_FONT = "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf"
TYPE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
HAND = re.compile(r"\{\{h:(.*?)\}\}")


# ---------------------------------------------------------------- page layout (borrowed from blind2's to_pdf)
def page_lines(meta: dict[str, str], body: str) -> list[list[str]]:
    """Lay the body out in pages of lines exactly as blind2's text PDFs are laid out."""
    import samrev.ingest.fixtures_pdf as F

    captured: dict[str, Any] = {}
    original = F.write_pdf

    def fake(path: Path, pages: Any, **kwargs: Any) -> Path:
        captured["pages"] = list(pages)
        return path

    F.write_pdf = fake  # type: ignore[assignment]
    try:
        B2.to_pdf(meta, body, HERE / "_layout_dummy.pdf")
    finally:
        F.write_pdf = original  # type: ignore[assignment]
    return [list(lines) for _kind, lines in captured["pages"]]


# ---------------------------------------------------------------- scanned page images
def scan_image(lines: list[str], rng: random.Random, dpi: int = 200, noise: float = 5.0) -> Any:
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    import samrev.ingest.fixtures_pdf as F

    width, height = round(F.A4[0] / 72 * dpi), round(F.A4[1] / 72 * dpi)
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    typed = ImageFont.truetype(TYPE_FONT, round(10 * dpi / 72))
    hand = ImageFont.truetype(HAND_FONT, round(17 * dpi / 72))
    x0 = round(F.MARGIN_X * dpi / 72) + rng.randint(-8, 8)
    y = round((F.A4[1] - F.TOP_Y) * dpi / 72) + rng.randint(-6, 10)
    step = round(F.LEADING * dpi / 72)
    for line in lines:
        x = x0
        pos = 0
        for m in HAND.finditer(line):
            seg = line[pos:m.start()]
            if seg:
                draw.text((x, y), seg, fill=30, font=typed)
                x += draw.textlength(seg, font=typed)
            word = m.group(1)
            draw.text((x + rng.randint(2, 10), y - round(step * 0.15) + rng.randint(-3, 3)), word,
                      fill=rng.randint(45, 80), font=hand)
            x += draw.textlength(word, font=hand) + 12
            pos = m.end()
        rest = line[pos:]
        if rest:
            draw.text((x, y), rest, fill=30, font=typed)
        y += step
    image = image.rotate(rng.uniform(-1.3, 1.3), resample=Image.Resampling.BICUBIC, fillcolor=250)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    gen = np.random.default_rng(rng.randrange(2**32))
    px = np.asarray(image, dtype=np.float32)
    px += gen.normal(0.0, noise, px.shape).astype(np.float32)
    specks = gen.random(px.shape) < 0.0004
    px[specks] = gen.uniform(0, 140, int(specks.sum()))
    # a darker left margin band, as from a copier lid
    px[:, : rng.randint(10, 30)] *= 0.55
    return Image.fromarray(np.clip(px, 0, 255).astype(np.uint8), mode="L")


def write_pages(path: Path, pages: list[tuple[str, list[str]]], title: str, seed: int) -> None:
    from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    import samrev.ingest.fixtures_pdf as F

    rng = random.Random(seed)  # noqa: S311
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=F.A4, invariant=1)
    canvas.setTitle(title)
    for kind, lines in pages:
        if kind == "text":
            F._draw_text_page(canvas, [HAND.sub(r"\1", x) for x in lines], "Helvetica")
        else:
            buffer = io.BytesIO()
            scan_image(lines, rng).save(buffer, format="JPEG", quality=38, optimize=True)
            buffer.seek(0)
            canvas.drawImage(ImageReader(buffer), 0, 0, width=F.A4[0], height=F.A4[1])
        canvas.showPage()
    canvas.save()


def to_scan(meta: dict[str, str], body: str, path: Path) -> None:
    pages = page_lines(meta, body)
    write_pages(path, [("scan", p) for p in pages], meta.get("title", "Skannet dokument"), zlib.crc32(path.stem.encode()))


def to_mixed(meta: dict[str, str], body: str, path: Path) -> None:
    pages = page_lines(meta, body)
    kinds = ["text"] * (len(pages) - 1) + ["scan"]
    write_pages(path, list(zip(kinds, pages)), meta.get("title", "Samarbeidsavtale"), 7)


def to_pdf(meta: dict[str, str], body: str, path: Path) -> None:
    B2.to_pdf(meta, body, path)


# ---------------------------------------------------------------- HTML
def _html_blocks(body: str) -> list[str]:
    parts: list[str] = []
    for kind, payload in blocks(body):
        if kind in ("h1", "h2"):
            parts.append(f"<{kind}>{html.escape(str(payload))}</{kind}>")
        elif kind == "p":
            parts.append("<p>" + "<br>\n".join(html.escape(x) for x in str(payload).split("\n")) + "</p>")
        elif kind == "ul":
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in payload) + "</ul>")  # type: ignore[attr-defined]
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            cells = ["<tr>" + "".join(f"<{'th' if n == 0 else 'td'}>{html.escape(c)}</{'th' if n == 0 else 'td'}>"
                                      for c in row) + "</tr>" for n, row in enumerate(rows)]
            parts.append("<table class=\"tbl\">" + "\n".join(cells) + "</table>")
    return parts


HEAVY_TOP = """<div id="cookie-banner" class="cookie" role="dialog" aria-live="polite">
<h2>Vi bruker informasjonskapsler</h2>
<p>{site} bruker informasjonskapsler (cookies) for å få nettstedet til å fungere, for statistikk og for å forbedre innholdet.
Nødvendige informasjonskapsler kan ikke slås av. Du kan når som helst endre samtykket ditt.</p>
<button>Godta alle</button> <button>Bare nødvendige</button> <a href="/personvern">Les mer om personvern</a></div>
<a class="skiplink" href="#hovedinnhold">Gå til hovedinnhold</a>
<header class="site-header"><a class="logo" href="/"><img src="/logo.svg" alt="{site} – forsiden"></a>
<nav aria-label="Hovedmeny"><ul>
<li><a href="/barnehage-og-skole">Barnehage og skole</a></li><li><a href="/helse-og-omsorg">Helse og omsorg</a></li>
<li><a href="/helse-og-omsorg/laering-og-mestring">Lærings- og mestringstilbud</a></li>
<li><a href="/plan-bygg-og-eiendom">Plan, bygg og eiendom</a></li><li><a href="/kultur-og-fritid">Kultur og fritid</a></li>
<li><a href="/politikk">Politikk og organisasjon</a></li><li><a href="/naring">Næringsliv</a></li><li><a href="/jobb">Ledige stillinger</a></li>
</ul></nav>
<form role="search" action="/sok"><label for="q">Søk</label><input id="q" name="q" placeholder="Hva leter du etter?"><button>Søk</button></form>
<a href="/min-side">Min side</a> <a href="/en">English</a> <a href="/lettlest">Lettlest</a></header>
<nav class="breadcrumbs" aria-label="Brødsmuler"><a href="/">Forside</a> › <a href="/helse-og-omsorg">Helse og omsorg</a> ›
<a href="/helse-og-omsorg/samhandling">Samhandling med sykehuset</a> › <span>Avtaler</span></nav>
<div class="share">Del denne siden: <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">E-post</a> <a href="#" onclick="print()">Skriv ut</a></div>
"""

HEAVY_BOTTOM = """<p class="meta">Publisert 04.03.2020 · Sist oppdatert 12.09.2024 · Ansvarlig: Helse og mestring, kommunalområde helse og omsorg</p>
<div class="feedback"><h2>Fant du det du lette etter?</h2><button>Ja</button> <button>Nei</button>
<p>Tilbakemeldingen brukes til å forbedre nettsidene. Du får ikke svar på henvendelsen.</p></div>
<aside class="related"><h2>Relaterte sider</h2><ul>
<li><a href="/helse-og-omsorg/laering-og-mestring">Lærings- og mestringssenteret (LMS) – kurs for pasienter og pårørende</a></li>
<li><a href="/helse-og-omsorg/frisklivssentralen">Frisklivssentralen – kurs i bedre søvn og kurs for deg med diabetes type 2</a></li>
<li><a href="/politikk/radene">Eldrerådet og rådet for personer med funksjonsnedsettelse</a></li>
<li><a href="/helse-og-omsorg/tildelingskontoret">Tildelingskontoret – søk om helse- og omsorgstjenester</a></li>
<li><a href="/helse-og-omsorg/samhandling/alle-delavtaler">Alle delavtaler med Sykehuset Telemark (1–13)</a></li>
</ul></aside>
<footer class="site-footer">
<div><h2>Kontakt oss</h2><p>{site}<br>Postboks 128, 3901 Porsgrunn<br>Besøksadresse: Rådhusgata 7<br>
Sentralbord: 35 00 00 00 (hverdager 08.00–15.30)<br>E-post: postmottak@kommunen.example</p></div>
<div><h2>Legevakt</h2><p>Ring 116 117 · Ved fare for liv: 113</p></div>
<div><h2>Om nettstedet</h2><p><a href="#">Personvernerklæring</a> · <a href="#">Informasjonskapsler</a> · <a href="#">Tilgjengelighetserklæring (uustatus)</a> · <a href="#">Nettstedskart</a></p>
<p>Org.nr. 939 000 000 · Ansvarlig redaktør: kommunedirektøren</p></div>
<p>Følg oss: <a href="#">Facebook</a> <a href="#">Instagram</a> <a href="#">LinkedIn</a></p></footer>
"""


def _heavy(meta: dict[str, str], body: str) -> str:
    site = meta.get("site", "")
    return (HEAVY_TOP.format(site=site) + '<main id="hovedinnhold"><article class="content">\n'
            + "\n".join(_html_blocks(body)) + "\n</article>\n" + HEAVY_BOTTOM.format(site=site).split("<footer")[0]
            + "</main>\n<footer" + HEAVY_BOTTOM.format(site=site).split("<footer", 1)[1])


ACC_TOP = """<div class="cookie-consent"><p>Vi bruker informasjonskapsler for å analysere trafikken og forbedre tjenestene. <a href="#">Les mer</a></p>
<button>Godta</button><button>Avvis</button></div>
<header><a href="/" class="logo">{site}</a><nav><a href="/behandlinger">Behandlinger</a> <a href="/steder">Steder</a>
<a href="/fag">For helsepersonell</a> <a href="/om-oss">Om oss</a> <a href="/kontakt">Kontakt</a></nav></header>
<ol class="breadcrumb"><li><a href="/">Forside</a></li><li><a href="/fag">For helsepersonell</a></li>
<li><a href="/fag/samhandling">Samhandling</a></li><li>Delavtaler</li></ol>
"""

ACC_BOTTOM = """<aside><h2>Kontakt</h2><p>Samhandlingsavdelingen<br>Telefon 38 00 00 00<br>samhandling@sshf.example</p>
<p><a href="#">Praksiskonsulentordningen</a> · <a href="#">Brukerutvalget</a> · <a href="#">Alle delavtaler</a></p></aside>
<footer><p>{site} · Postboks 416, 4604 Kristiansand · Sentralbord 38 00 00 00</p>
<p><a href="#">Personvern</a> · <a href="#">Tilgjengelighet</a> · Sist oppdatert 06.02.2024</p></footer>
<script>document.querySelectorAll('.accordion__toggle').forEach(function(b){{b.addEventListener('click',function(){{
var p=document.getElementById(b.getAttribute('aria-controls'));p.hidden=!p.hidden;b.setAttribute('aria-expanded',String(!p.hidden));}});}});</script>
"""


def _accordion(meta: dict[str, str], body: str) -> str:
    """Text before the first '## ' heading is the page intro; every '## ' section becomes a collapsed panel."""
    site = meta.get("site", "")
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for kind, payload in blocks(body):
        if kind == "h2":
            sections.append((str(payload), []))
            continue
        target = sections[-1][1] if sections else intro
        target.extend(_html_blocks_one(kind, payload))
    panels = []
    for n, (title, content) in enumerate(sections, start=1):
        panels.append(f'<div class="accordion__item"><h2 class="accordion__heading"><button class="accordion__toggle" '
                      f'aria-expanded="false" aria-controls="panel-{n}">{html.escape(title)}'
                      f'<span class="icon" aria-hidden="true">+</span></button></h2>\n'
                      f'<div class="accordion__panel" id="panel-{n}" hidden>\n' + "\n".join(content) + "\n</div></div>")
    return (ACC_TOP.format(site=site) + '<main><article>\n' + "\n".join(intro)
            + '\n<div class="accordion">\n' + "\n".join(panels) + "\n</div></article></main>\n"
            + ACC_BOTTOM.format(site=site))


def _html_blocks_one(kind: str, payload: Any) -> list[str]:
    if kind == "h1":
        return [f"<h1>{html.escape(str(payload))}</h1>"]
    if kind == "p":
        return ["<p>" + "<br>\n".join(html.escape(x) for x in str(payload).split("\n")) + "</p>"]
    if kind == "ul":
        return ["<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in payload) + "</ul>"]
    if kind == "table":
        rows = payload
        return ["<table>" + "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                                      for r in rows) + "</table>"]
    return []


def to_html(meta: dict[str, str], body: str, path: Path) -> None:
    inner = _accordion(meta, body) if meta.get("chrome") == "accordion" else _heavy(meta, body)
    title = html.escape(meta.get("title", "Samarbeidsavtale"))
    lang = "nn" if meta.get("lang") == "nn" else "nb"
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/assets/main.css"></head><body>\n' + inner + "\n</body></html>\n")
    path.write_text(page, encoding="utf-8")


def main() -> None:
    renderers = {"txt": B2.to_txt, "docx": B2.to_docx, "html": to_html, "pdf": to_pdf,
                 "scan": to_scan, "mixed": to_mixed}
    for raw in sorted(RAW.glob("*/*.txt")):
        meta, body = parse(raw)
        fmt = meta.get("format", "txt")
        ext = "pdf" if fmt in ("pdf", "scan", "mixed") else fmt
        target = OUT / raw.parent.name / (raw.stem + "." + ext)
        target.parent.mkdir(parents=True, exist_ok=True)
        renderers[fmt](meta, body, target)
        print(target.relative_to(HERE), target.stat().st_size)
    dummy = HERE / "_layout_dummy.pdf"
    if dummy.exists():
        dummy.unlink()


if __name__ == "__main__":
    main()
