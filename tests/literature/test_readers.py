"""Reading the export flavours in tests/literature/fixtures/import (hand-written, realistic files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samrev.core.errors import LiteratureFileUnreadable
from samrev.literature.readers import abstract_from_inverted_index, read_references
from samrev.literature.reference import Reference, author_surname, clean_title, normalise_doi, normalise_title

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SCOPING = "Patient education in the transition from hospital to municipality: a scoping review"


def read(name: str) -> tuple[list[Reference], list[str]]:
    result = read_references(FIXTURES / name)
    return result.references, [problem.describe() for problem in result.problems]


def by_title(refs: list[Reference], start: str) -> Reference:
    return next(ref for ref in refs if ref.title.startswith(start))


def test_ovid_medline_ris_uses_t1_a1_y1_n2_jf_and_an_as_pmid() -> None:
    refs, problems = read("ovid_medline.ris")
    assert len(refs) == 3
    first = refs[0]
    assert first.title == SCOPING  # trailing full stop dropped
    assert first.authors == ["Hansen, Lars", "Eide, Tone"]
    assert first.year == 2021 and first.pmid == "34670551" and first.journal == "BMC Health Services Research"
    assert first.abstract.startswith("Background: Patients discharged") and first.keywords[0] == "Patient Discharge"
    translated = refs[1]
    assert translated.title == "Learning and coping centres in Norwegian hospitals"  # «[…].» removed
    assert translated.authors[1] == "Øvrebø, Marit" and translated.pages == "290-293"
    assert (translated.position, translated.line) == (2, 21)
    # the orphan lines between records are reported with their line, the record after them is read
    assert problems == ["utenfor postene, linje 37: tekst uten TY-linje foran ER-linjen ble hoppet over"]
    assert refs[2].position == 3 and refs[2].title.startswith("Discharge planning")


def test_embase_ris_in_windows_1252_with_crlf_conference_and_erratum_types() -> None:
    result = read_references(FIXTURES / "embase.ris")
    assert result.encoding == "cp1252" and result.format == "ris"
    refs = result.references
    norwegian = by_title(refs, "Læring og mestring")
    assert norwegian.authors == ["Nilsen K.", "Hågensen Ø.", "Berg Å."]
    assert norwegian.doi == "10.4220/sykepleienf.2019.79321" and norwegian.pmid == ""  # 10-digit Embase AN
    assert norwegian.language == "Norwegian" and norwegian.keywords == ["læring og mestring", "kommunehelsetjeneste"]
    assert by_title(refs, "Patient education").record_type == "Conference Abstract"
    assert by_title(refs, "Erratum to").record_type == "Erratum"
    assert [p.describe() for p in result.problems] == [
        "post 4, linje 50: posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"]


def test_scopus_ris_with_bom_reads_pmid_from_notes_and_reports_a_bad_year() -> None:
    result = read_references(FIXTURES / "scopus.ris")
    assert result.encoding == "utf-8-sig"
    refs = result.references
    assert refs[0].title.startswith("Patient education") and refs[0].pmid == "34670551"
    assert refs[0].journal == "BMC Health Services Research" and refs[0].authors == ["Hansen, L.", "Eide, T."]
    assert refs[2].year is None
    assert [p.describe() for p in result.problems] == ["post 3, linje 35: ugyldig årstall «202O»; året er tomt"]
    assert not result.problems[0].skipped


def test_ris_pmid_sources(tmp_path: Path) -> None:
    path = tmp_path / "embase_c5.ris"
    path.write_text("TY  - JOUR\nT1  - A title\nC5  - 30123456\nDB  - Embase\nER  - \n"
                    "TY  - JOUR\nTI  - Another title\nC5  - 30123456\nER  - \n"
                    "TY  - JOUR\nTI - Third title\nN1 - PMID: 29000001\nER  - \n", encoding="utf-8")
    refs = read_references(path).references
    assert [ref.pmid for ref in refs] == ["30123456", "", "29000001"]  # C5 only in Embase's flavour
    assert refs[2].title == "Third title"  # «TI - x» with one space read too


def test_wos_endnote_and_zotero_ris_flavours() -> None:
    wos, _ = read("wos.ris")
    assert wos[0].accession == "WOS:000571234500001" and wos[0].pmid == ""
    assert wos[0].journal == "INTERNATIONAL JOURNAL OF INTEGRATED CARE" and wos[1].pages == "290-293"
    endnote, _ = read("endnote.ris")
    assert endnote[0].title == "Læring og mestring i kommunehelsetjenesten – en kvalitativ studie"
    assert endnote[0].doi == "10.4220/sykepleienf.2019.79321"  # «doi:» prefix dropped
    assert endnote[0].pmid == ""  # EndNote's ID is a record number, not a PMID
    assert endnote[1].abstract == "" and endnote[1].language == "nn"
    zotero, _ = read("zotero.ris")
    assert zotero[0].doi == "10.1186/s12913-021-07123-4" and zotero[0].year == 2021
    assert zotero[1].year == 2022  # DA 2022/// and PY


def test_pubmed_nbib_multiline_fields_doi_from_lid_and_publication_types() -> None:
    refs, problems = read("pubmed.nbib")
    assert [ref.pmid for ref in refs] == ["34670551", "28225234", "35000001"]
    first = refs[0]
    assert first.title == SCOPING
    assert first.doi == "10.1186/s12913-021-07123-4" and first.year == 2021
    assert first.authors == ["Hansen, Lars", "Eide, Tone"]  # FAU before AU
    assert "learning-and-coping" in first.abstract and "  " not in first.abstract
    assert first.record_type == "Journal Article" and first.language == "en"
    assert refs[1].title == "Learning and coping centres in Norwegian hospitals" and refs[1].language == "no"
    assert refs[1].raw["translated_title"].startswith("Lærings- og mestringssentre")
    assert refs[2].record_type == "Published Erratum"
    assert problems == ["post 4, linje 64: ugyldig PMID «abc»",
                        "post 4, linje 64: posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"]


def test_wos_plain_text_through_rispys_wok_parser() -> None:
    refs, problems = read("wos_plain.txt")
    assert len(refs) == 1 and not problems
    assert refs[0].title == "Discharge planning and care coordination for older adults: a systematic review"
    assert refs[0].pmid == "32999999" and refs[0].doi == "10.5334/ijic.5432" and refs[0].record_type == "Review"


def test_bibtex_decodes_latex_and_reports_the_broken_entry_with_its_line() -> None:
    refs, problems = read("references.bib")
    assert [ref.position for ref in refs] == [1, 2, 4]
    assert refs[1].title == "Læring og mestring i kommunehelsetjenesten: en kvalitativ studie"
    assert refs[1].authors == ["Nilsen, Kari", "Hågensen, Øystein", "Berg, Åse"]
    assert refs[0].keywords == ["patient education", "transitional care"]
    assert refs[2].record_type == "inproceedings" and refs[2].journal == "International Conference on Integrated Care"
    assert len(problems) == 1 and problems[0].startswith("post 3, linje 24: BibTeX-posten kan ikke tolkes")


def test_csv_exports_scopus_wos_covidence_zotero_and_the_screening_csv() -> None:
    scopus, problems = read("scopus.csv")
    assert scopus[0].authors == ["Hansen, Lars", "Eide, Tone"]  # full names, Scopus author ids dropped
    assert scopus[0].pmid == "34670551" and scopus[0].keywords[:2] == ["Patient education", "Transitional care"]
    assert scopus[1].abstract == ""  # «[No abstract available]»
    assert scopus[1].pages == "101-114"
    assert problems == ["post 3, linje 5: posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"]
    wos, _ = read("wos_savedrecs.txt")
    assert wos[0].authors == ["Olsen, Bjørn"] and wos[0].pmid == "32999999" and wos[0].accession.startswith("WOS:")
    covidence = read_references(FIXTURES / "covidence.csv")
    assert covidence.encoding == "cp1252"
    assert covidence.references[0].title.startswith("Læring og mestring")
    assert covidence.references[0].authors == ["Nilsen, K.", "Hågensen, Ø.", "Berg, Å."]
    assert covidence.references[1].accession == "#102"
    zotero, _ = read("zotero.csv")
    assert zotero[0].record_type == "journalArticle" and zotero[0].authors == ["Hansen, Lars", "Eide, Tone"]
    screening, problems = read("screening.csv")
    assert [ref.accession for ref in screening] == ["1", "2"] and screening[0].raw["label_included"] == "1"
    assert problems == ["post 3, linje 4: posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"]


def test_an_id_column_is_an_identifier_except_in_web_of_science(tmp_path: Path) -> None:
    path = tmp_path / "egen.csv"
    path.write_text("ID;Title;Year\n17;Læring og mestring;2020\n", encoding="utf-8")
    ref = read_references(path).references[0]
    assert ref.accession == "17" and ref.keywords == [] and ref.year == 2020


def test_xlsx_export(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Article Title", "Author Full Names", "Publication Year", "Source Title", "DOI", "Abstract"])
    sheet.append(["Korleis kommunane organiserer lærings- og meistringstilbod", "Aasen, Torill", 2022,
                  "Tidsskrift for omsorgsforskning", "https://doi.org/10.1234/ABC", None])
    sheet.append([None, None, None, None, None, None])
    sheet.append([None, "Nobody", 2021, "X", None, None])
    path = tmp_path / "wos.xlsx"
    book.save(path)
    result = read_references(path)
    assert result.format == "xlsx" and len(result.references) == 1
    ref = result.references[0]
    assert ref.year == 2022 and ref.doi == "10.1234/abc" and ref.authors == ["Aasen, Torill"] and ref.line == 2
    assert [p.describe() for p in result.problems] == [
        "post 2, linje 4: posten har verken tittel, sammendrag, DOI eller PMID og ble hoppet over"]


def test_openalex_response_and_work_list_rebuild_the_abstract() -> None:
    refs, problems = read("openalex_response.json")
    assert refs[0].abstract.startswith("Objective: To assess the effect of discharge planning")
    assert refs[0].pmid == "32999999" and refs[0].doi == "10.5334/ijic.5432" and refs[0].accession == "W3087654321"
    assert refs[0].authors == ["Bjørn Olsen"] and refs[0].journal == "International Journal of Integrated Care"
    assert refs[1].abstract == "" and refs[1].pages == "101-114"
    assert problems == ["post 3: elementet er ikke et OpenAlex-verk (et JSON-objekt)"]
    works, _ = read("openalex_works.json")
    assert works[0].title == refs[0].title
    assert abstract_from_inverted_index({"b": [1], "a": [0, 2]}) == "a b a"


def test_csl_json_from_zotero(tmp_path: Path) -> None:
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps([{
        "id": "http://zotero.org/users/1/items/ABCD", "type": "article-journal",
        "title": "Læring og mestring i kommunehelsetjenesten", "container-title": "Sykepleien Forskning",
        "author": [{"family": "Nilsen", "given": "Kari"}, {"literal": "LMS-gruppen"}],
        "issued": {"date-parts": [[2019, 5, 3]]}, "DOI": "10.4220/Sykepleienf.2019.79321", "page": "e-79321",
        "PMID": "31000003", "keyword": "læring; mestring",
    }], ensure_ascii=False), encoding="utf-8")
    ref = read_references(path).references[0]
    assert (ref.title, ref.journal, ref.year, ref.doi, ref.pmid) == (
        "Læring og mestring i kommunehelsetjenesten", "Sykepleien Forskning", 2019,
        "10.4220/sykepleienf.2019.79321", "31000003")
    assert ref.authors == ["Nilsen, Kari", "LMS-gruppen"] and ref.keywords == ["læring", "mestring"]


def test_json_lines_report_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl"
    good = json.dumps({"title": "Læring og mestring", "publication_year": 2020})
    path.write_text(f"{good}\n{{not json\n{good}\n", encoding="utf-8")
    result = read_references(path)
    assert len(result.references) == 2
    assert result.problems[0].describe().startswith("post 2, linje 2: ugyldig JSON")


@pytest.mark.parametrize(("name", "content", "detail"), [
    ("notat.txt", b"Dette er bare et notat.\nIngen tagger her.\n", "gjenkjenner ikke formatet"),
    ("tom.ris", b"  \n", "filen er tom"),
    ("bare_feil.ris", b"TY  - JOUR\nPY  - 2020\nER  - \n", "fant ingen lesbare poster"),
    ("ødelagt.xlsx", b"PK\x03\x04 not really a zip", "ugyldig Excel-fil"),
    ("tabell.csv", b"navn;alder\nKari;40\n", "fant ingen kolonne for tittel"),
])
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, content: bytes, detail: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LiteratureFileUnreadable) as caught:
        read_references(path)
    assert str(path) in caught.value.message and detail in caught.value.message


def test_missing_file() -> None:
    with pytest.raises(LiteratureFileUnreadable, match="finnes ikke"):
        read_references(FIXTURES / "finnes_ikke.ris")


def test_normalisation_helpers() -> None:
    assert normalise_doi("https://doi.org/10.1186/S12913-019-4000-1.") == "10.1186/s12913-019-4000-1"
    assert normalise_doi("doi: 10.1234/X [doi]") == "10.1234/x" and normalise_doi("no doi") == ""
    assert clean_title("[Lærings- og mestringssentre i sykehus].") == "Lærings- og mestringssentre i sykehus"
    assert clean_title("Learning in hospitals (Norwegian)") == "Learning in hospitals"
    assert normalise_title("TNFα inhibitors &amp; <i>biosimilars</i> — a review") == \
        normalise_title("TNF-alpha inhibitors and biosimilars - a review")
    assert author_surname("de Vries J.") == author_surname("de Vries, Jan") == "vries"
    assert author_surname("Øvrebø M") == author_surname("Marit Ovrebo") == "ovrebo"
