"""HTML: the main content only; menus, cookie banners, breadcrumbs, sidebars and footers dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.ingest import ingest_file
from samrev.ingest.fixtures import HTML_BOILERPLATE, HTML_MAIN, html_page


def test_main_content_only(files: dict[str, Path]) -> None:
    document = ingest_file(files["html"])
    assert document.error is None and document.format == "html"
    for line in HTML_MAIN:
        assert line in document.text
    for noise in HTML_BOILERPLATE:
        assert noise not in document.text
    assert "Askøy kommune\tFrisklivssentral" in document.text  # table row as tab-separated cells
    assert document.metadata["title"] == "Tenesteavtale 2 – Askøy kommune"


def test_declared_latin1_page(tmp_path: Path) -> None:
    document = ingest_file(html_page(tmp_path / "side.htm", encoding="iso-8859-1"))
    assert document.error is None and "pårørande" in document.text
    assert document.metadata["encoding"] == "cp1252"


def test_fallback_when_trafilatura_finds_nothing(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    document = ingest_file(files["html"])
    assert document.metadata["extractor"] == "fallback"
    for line in HTML_MAIN:
        assert line in document.text
    for noise in HTML_BOILERPLATE:
        assert noise not in document.text
