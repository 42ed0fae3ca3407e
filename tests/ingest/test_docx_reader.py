"""DOCX: body and tables in document order; headers/footers kept apart, draft marker available."""

from __future__ import annotations

from pathlib import Path

from samrev.ingest import ingest_file
from samrev.ingest.fixtures import DOCX_BODY, DOCX_FOOTER, DOCX_HEADER, docx_document


def test_body_and_table_in_order(files: dict[str, Path]) -> None:
    document = ingest_file(files["docx"])
    assert document.error is None and document.format == "docx" and document.pages == []
    assert document.text == "\n".join(DOCX_BODY)
    assert document.text.index("Part\tAnsvar") < document.text.index("Avtalen gjeld")


def test_headers_and_footers_are_metadata_not_text(files: dict[str, Path]) -> None:
    document = ingest_file(files["docx"])
    assert document.metadata["headers"] == [DOCX_HEADER]
    assert document.metadata["footers"] == [DOCX_FOOTER]
    assert document.metadata["draft_markers"] == ["UTKAST"]
    assert "UTKAST" not in document.text and "side 1" not in document.text
    assert document.metadata["title"] == DOCX_BODY[0]


def test_final_version_has_no_draft_marker(tmp_path: Path) -> None:
    document = ingest_file(docx_document(tmp_path / "endeleg.docx", draft=False))
    assert document.metadata["draft_markers"] == []


def test_tracked_changes_and_watermark(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    path = docx_document(tmp_path / "spor.docx", draft=False)
    document = docx.Document(str(path))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = parse_xml(
        f"<w:p {w}><w:r><w:t xml:space=\"preserve\">Kommunen </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>kan</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>skal</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space=\"preserve\"> tilby kurs.</w:t></w:r></w:p>"
    )
    document.element.body.insert(0, paragraph)
    header = document.sections[0].header._element
    header.append(parse_xml(
        f'<w:p {w} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
        '<v:shape><v:textpath string="UTKAST"/></v:shape></w:pict></w:r></w:p>'
    ))
    document.save(str(path))
    ingested = ingest_file(path)
    assert ingested.text.startswith("Kommunen skal tilby kurs.\n")
    assert "UTKAST" in ingested.metadata["headers"][0] and ingested.metadata["draft_markers"] == ["UTKAST"]
