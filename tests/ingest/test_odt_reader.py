"""ODT: paragraphs, lists and tables in order; annotations left out; header markers kept apart."""

from __future__ import annotations

import zipfile
from pathlib import Path

from samrev.ingest import ingest_file
from samrev.ingest.fixtures import DOCX_BODY, DOCX_FOOTER, DOCX_HEADER


def test_body_in_order_without_annotations(files: dict[str, Path]) -> None:
    document = ingest_file(files["odt"])
    assert document.error is None and document.format == "odt"
    assert document.text == "\n".join((*DOCX_BODY, "Merknad"))
    assert "Ikkje med" not in document.text


def test_header_and_footer_apart(files: dict[str, Path]) -> None:
    document = ingest_file(files["odt"])
    assert document.metadata["headers"] == [DOCX_HEADER]
    assert document.metadata["footers"] == [DOCX_FOOTER]
    assert document.metadata["draft_markers"] == ["UTKAST"]


def test_encrypted_odt(tmp_path: Path, files: dict[str, Path]) -> None:
    path = tmp_path / "kryptert.odt"
    with zipfile.ZipFile(files["odt"]) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "META-INF/manifest.xml":
                end = b"</manifest:manifest>"
                data = data.replace(end, b"<manifest:encryption-data/>" + end)
            target.writestr(item, data)
    assert ingest_file(path).error_record()["code"] == "encrypted"  # type: ignore[index]
