"""Render the blind set's raw sources (corpus/blind/raw/<split>/<id>.txt) to sources/<split>/.

Written independently of the project's corpus builder (samrev.agreements.corpus), so that the
blind set does not share that builder's layout, HTML chrome or DOCX conventions.  Only the PDF
drawing reuses samrev.ingest.fixtures_pdf.write_pdf (plain reportlab pages).

Raw format: a first block of ``key: value`` lines (format, header, footer, title), a line ``---``,
then the body: ``# `` / ``## `` headings, ``| a | b |`` table rows, ``- `` list items, blank lines
between paragraphs, ``<<<side>>>`` page breaks (PDF only; other formats ignore them).

Run: .venv/bin/python corpus/blind/build.py
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "sources"


def parse(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return meta, body.strip("\n")


def blocks(body: str) -> list[tuple[str, object]]:
    """Split the body into ('h1'|'h2'|'p'|'ul'|'table'|'page', payload) blocks."""
    out: list[tuple[str, object]] = []
    para: list[str] = []
    table: list[list[str]] = []
    items: list[str] = []

    def flush() -> None:
        nonlocal para, table, items
        if para:
            out.append(("p", "\n".join(para)))
        if table:
            out.append(("table", [r for r in table if not set("".join(r)) <= set("-: ")]))
        if items:
            out.append(("ul", items))
        para, table, items = [], [], []

    for line in body.splitlines():
        stripped = line.strip()
        if stripped == "<<<side>>>":
            flush()
            out.append(("page", None))
        elif not stripped:
            flush()
        elif stripped.startswith("## "):
            flush()
            out.append(("h2", stripped[3:]))
        elif stripped.startswith("# "):
            flush()
            out.append(("h1", stripped[2:]))
        elif stripped.startswith("|"):
            if para or items:
                flush()
            table.append([c.strip() for c in stripped.strip("|").split("|")])
        elif stripped.startswith("- "):
            if para or table:
                flush()
            items.append(stripped[2:])
        else:
            if table or items:
                flush()
            para.append(line.rstrip())
    flush()
    return out


def to_txt(meta: dict[str, str], body: str, path: Path) -> None:
    text = body.replace("<<<side>>>\n", "\f").replace("<<<side>>>", "\f")
    encoding = meta.get("encoding", "utf-8")
    path.write_bytes(text.encode(encoding) + b"\n")


def to_docx(meta: dict[str, str], body: str, path: Path) -> None:
    import docx  # python-docx

    document = docx.Document()
    if meta.get("header"):
        document.sections[0].header.paragraphs[0].text = meta["header"]
    if meta.get("footer"):
        document.sections[0].footer.paragraphs[0].text = meta["footer"]
    for kind, payload in blocks(body):
        if kind == "h1":
            document.add_heading(str(payload), level=1)
        elif kind == "h2":
            document.add_heading(str(payload), level=2)
        elif kind == "p":
            document.add_paragraph(str(payload))
        elif kind == "ul":
            for item in payload:  # type: ignore[attr-defined]
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        elif kind == "page":
            document.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


CHROME_TOP = """<header class="site-header"><a href="/">{site}</a>
<nav><ul><li><a href="/pasient">Pasient og pårørende</a></li><li><a href="/fag">Fag og forskning</a></li>
<li><a href="/samhandling">Samhandling</a></li><li><a href="/om-oss">Om oss</a></li><li><a href="/sok">Søk</a></li></ul></nav>
<div class="cookie">Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet. <button>Godta alle</button> <button>Bare nødvendige</button></div>
</header>
<nav class="breadcrumb"><a href="/">Forside</a> › <a href="/fag">Fag og forskning</a> › <a href="/samhandling">Samhandling</a> › Avtaler</nav>
<aside class="related"><h3>Relaterte sider</h3><ul><li><a href="#">Praksiskonsulentordningen</a></li>
<li><a href="#">Kontaktinformasjon for kommuner</a></li><li><a href="#">Alle delavtaler</a></li></ul></aside>
"""
CHROME_BOTTOM = """<footer class="site-footer"><p>{site} · Postboks 100 · Sentralbord 05000</p>
<p><a href="/personvern">Personvern</a> · <a href="/tilgjengelighet">Tilgjengelighetserklæring</a> · Redaktør: Kommunikasjonssjef</p>
<p>Sist oppdatert av nettredaksjonen</p></footer>"""


def to_html(meta: dict[str, str], body: str, path: Path) -> None:
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
            parts.append("<table>" + "\n".join(cells) + "</table>")
    site = meta.get("site", "")
    title = html.escape(meta.get("title", "Samarbeidsavtale"))
    lang = "nn" if meta.get("lang") == "nn" else "nb"
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>\n'
            + (CHROME_TOP.format(site=site) if site else "")
            + '<main><article>\n' + "\n".join(parts) + "\n</article></main>\n"
            + (CHROME_BOTTOM.format(site=site) if site else "") + "\n</body></html>\n")
    path.write_text(page, encoding="utf-8")


def to_pdf(meta: dict[str, str], body: str, path: Path) -> None:
    from samrev.ingest.fixtures_pdf import write_pdf

    pages: list[list[str]] = [[]]
    for kind, payload in blocks(body):
        if kind == "page":
            pages.append([])
            continue
        lines = pages[-1]
        if kind in ("h1", "h2"):
            lines += ["", str(payload).upper() if kind == "h1" else str(payload), ""]
        elif kind == "p":
            for raw in str(payload).split("\n"):
                lines += textwrap.wrap(raw, 88) or [""]
            lines.append("")
        elif kind == "ul":
            for item in payload:  # type: ignore[attr-defined]
                wrapped = textwrap.wrap(item, 84)
                lines += ["  • " + wrapped[0]] + ["    " + w for w in wrapped[1:]]
            lines.append("")
        elif kind == "table":
            for row in payload:  # type: ignore[attr-defined]
                lines.append("   ".join(c.ljust(14) for c in row).rstrip())
            lines.append("")
    # flow long pages onto further pages (48 body lines each), then add header/footer lines
    flowed: list[list[str]] = []
    for lines in pages:
        while lines and not lines[0]:
            lines = lines[1:]
        for i in range(0, max(len(lines), 1), 46):
            flowed.append(lines[i:i + 46])
    total = len(flowed)
    final: list[tuple[str, list[str]]] = []
    for n, lines in enumerate(flowed, start=1):
        head = [meta["header"], ""] if meta.get("header") else []
        foot = ["", meta["footer"].replace("{page}", str(n)).replace("{pages}", str(total))] if meta.get("footer") else []
        final.append(("text", head + lines + foot))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pdf(path, final, title=meta.get("title", "Samarbeidsavtale"))  # type: ignore[arg-type]


def main() -> None:
    for raw in sorted(RAW.glob("*/*.txt")):
        meta, body = parse(raw)
        fmt = meta.get("format", "txt")
        target = OUT / raw.parent.name / (raw.stem + "." + fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        {"txt": to_txt, "docx": to_docx, "html": to_html, "pdf": to_pdf}[fmt](meta, body, target)
        print(target.relative_to(HERE))


if __name__ == "__main__":
    main()
