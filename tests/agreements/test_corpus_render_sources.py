"""``render_sources``: a flat folder of corpus sources rendered into a flat folder of files."""

from __future__ import annotations

import zipfile
from pathlib import Path

from samrev.agreements.corpus import render_sources

SOURCE = """---
format: {fmt}
---
# Delavtale 2 mellom Testvik kommune og Helse Test HF

Avtalen gjeld frå 1. mars 2023.

| Versjon | Dato |
|---|---|
| 1.0 | 01.03.2023 |
"""


def test_render_sources_writes_one_file_per_source(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for fmt in ("docx", "odt", "html", "txt"):
        (src / f"a_{fmt}.txt").write_text(SOURCE.format(fmt=fmt), encoding="utf-8")
    (src / "notes.md").write_text("not a source", encoding="utf-8")
    out = tmp_path / "out"
    written = render_sources(src, out)
    assert [p.name for p in written] == ["a_docx.docx", "a_html.html", "a_odt.odt", "a_txt.txt"]
    assert all(p.parent == out for p in written)
    assert "gjeld frå 1. mars 2023" in (out / "a_txt.txt").read_text(encoding="utf-8")
    assert "<h1>Delavtale 2" in (out / "a_html.html").read_text(encoding="utf-8")
    assert zipfile.is_zipfile(out / "a_docx.docx") and zipfile.is_zipfile(out / "a_odt.odt")


def test_render_sources_is_repeatable(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "b.txt").write_text(SOURCE.format(fmt="odt"), encoding="utf-8")
    first = render_sources(src, tmp_path / "one")[0].read_bytes()
    second = render_sources(src, tmp_path / "two")[0].read_bytes()
    assert first == second
