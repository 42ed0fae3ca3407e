"""No personal data from the inputs reaches any output: the analysis JSON, the report's JSON, HTML,
DOCX, XLSX and the PDF's text.  The export carries names, phone numbers, e-mail addresses, valid
fødselsnummer and D-numbers and street addresses in open answers (bokmål and nynorsk), in the
organisation column and in a Likert cell that fits no label."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.survey.conftest import write_csv


def _fnr(day: int, month: int, year: int, individual: int) -> str:
    """A valid fødselsnummer (check digits from python-stdnum)."""
    from stdnum.no import fodselsnummer

    for candidate in range(individual, individual + 100):
        base = f"{day:02d}{month:02d}{year % 100:02d}{candidate:03d}"
        first = fodselsnummer.calc_check_digit1(base)
        number = base + first + fodselsnummer.calc_check_digit2(base + first)
        if len(number) == 11 and fodselsnummer.is_valid(number):
            return number
    raise AssertionError("no valid number")


FNR = _fnr(14, 3, 1979, 123)
FNR_SPACED = (lambda n: f"{n[:6]} {n[6:]}")(_fnr(2, 11, 1956, 402))
D_NUMBER = _fnr(41 + 3, 5, 1988, 217)  # day + 40
PERSONAL = {
    "names": ["Marit Hansen", "Ola Nordmann", "Ingrid Solberg", "Kari Bakken", "Sigrid Haugen", "Per Olsen"],
    "phones": ["48219307", "+47 915 23 456", "22 33 44 55", "0047 41234567"],
    "emails": ["marit.hansen@lms-bergen.no", "ola.nordmann@kommune.example.no"],
    "ids": [FNR, FNR_SPACED, D_NUMBER],
    "addresses": ["Storgata 12, 6800 Førde", "Fjordvegen 3B", "Kirkegata 45"],
}
HEADERS = ["$submission_id", "Hvem svarer du på vegne av?", "Navn på virksomhet", "Vi samarbeider godt.",
           "Hva fungerer bra?", "Hva bør endres?"]
GOOD = [
    "Faste møter med LMS fungerer godt. Kontakt Marit Hansen på 48219307 for referat.",
    "Vi har eit fast samarbeidsmøte kvart halvår; spør etter Ola Nordmann, tlf. +47 915 23 456.",
    f"Sykehuset ringer før utskrivning. En pasient med fnr. {FNR} fikk god oppfølging.",
    "Kursoversikten på nettsiden er lett å bruke, skriv til marit.hansen@lms-bergen.no.",
    "Nettverket for kurshaldarar møtest jamleg i Storgata 12, 6800 Førde.",
    "Brukerrepresentanter er med og planlegger kursene. Hilsen Ingrid Solberg",
    f"Gode rutinar ved utskriving; pasienten ({FNR_SPACED}) fekk ringe 22 33 44 55.",
    "Likepersoner deltar på kursene. Kontaktperson er Kari Bakken, Fjordvegen 3B.",
    "LMS gir oss veiledning når vi starter nye kurs, takk til Sigrid Haugen.",
    f"Vi samarbeider godt om kurs. D-nummer {D_NUMBER} ble registrert feil, men det ble rettet.",
    "Digitale kurs på Teams fungerer bra. Per Olsen på ola.nordmann@kommune.example.no vet mer.",
    "Møtene i Kirkegata 45 er nyttige; ring 0047 41234567.",
]
PROPOSALS = [
    "Det bør finnes én oversikt over alle kurs. Spør Marit Hansen.",
    "Kommunane treng øyremerkte midlar; ring Ola Nordmann på 48219307.",
    "", "Vet ikke", "Vi ønsker et felles nettverk, kontakt marit.hansen@lms-bergen.no.",
    f"Brukarorganisasjonane bør vere med frå starten ({FNR}).", "-", "",
    "Lag en felles nettside.", "Det bør opprettes et fast møte.", "", "Ingen merknader.",
]
LIKERT = ["4", "5", "3", "4 – Delvis enig", "ring meg på 48219307", "2", "5", "4", "Vet ikke", "3", "1", "2"]
ORGS = ["Bergen kommune", "Marit Hansen", "Askvoll kommune", "Helse Bergen HF", "Helse Førde HF", "Helse Bergen",
        "Kinn kommune", "Ola Nordmann, Storgata 12", "Helse Førde", "Sogndal kommune", "Helse Bergen HF",
        "Helse Førde HF"]
CONFIG = """\
id_column: "$submission_id"
group:
  column: "Hvem svarer du på vegne av?"
  values: {"Kommune": kommune, "Helseforetak": helseforetak}
organisation_column: "Navn på virksomhet"
frame:
  group_column: kategori
  group_values: {KOM: kommune, HF: helseforetak}
  organisation_column: virksomhet
likert:
  scale: {"1 – Helt uenig": 1, "2 – Delvis uenig": 2, "3 – Verken eller": 3, "4 – Delvis enig": 4,
          "5 – Helt enig": 5}
  items:
    S1: {column: "Vi samarbeider godt.", label: "Godt samarbeid"}
open_questions:
  good: "Hva fungerer bra?"
  proposal: "Hva bør endres?"
thresholds: {min_group_n: 3, min_n_test: 3}
"""
FRAME = [["kategori", "virksomhet"], *[["KOM", f"{name} kommune"] for name in
                                       ("Bergen", "Askvoll", "Kinn", "Sogndal", "Stad", "Luster", "Gloppen")],
         ["HF", "Helse Bergen HF"], ["HF", "Helse Førde HF"], ["HF", "Helse Stavanger HF"]]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("privacy")
    groups = ["Kommune", "Helseforetak"] * 6
    rows = [[str(100 + i), groups[i], ORGS[i], LIKERT[i], GOOD[i], PROPOSALS[i]] for i in range(12)]
    responses = write_csv(folder / "svar.csv", HEADERS, rows)
    frame = write_csv(folder / "utvalg.csv", FRAME[0], FRAME[1:], delimiter=",", quote_all=False)
    config = folder / "survey.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    return {"responses": responses, "frame": frame, "config": config, "folder": folder}


@pytest.fixture(scope="module")
def outputs(inputs: dict[str, Path]) -> dict[str, Any]:
    from samrev.core import components
    from samrev.report.service import survey_report_for_files

    report = survey_report_for_files(inputs["responses"], inputs["config"], inputs["frame"],
                                     today=date(2026, 11, 27))
    rendered = {fmt: components.create("report_format", fmt).render(report) for fmt in ("json", "html", "docx",
                                                                                          "xlsx")}
    return {"report": report, "rendered": rendered,
            "analysis": json.dumps(report.analysis, ensure_ascii=False)}


def _zip_text(data: bytes) -> str:
    """Every XML part of a DOCX or XLSX, with the tags removed (text split across runs rejoined)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist()
                 if name.endswith((".xml", ".rels"))]
    return "\n".join(re.sub(r"<[^>]+>", "", part) for part in parts)


def _variants(value: str) -> list[str]:
    """The value as written, and its digits without spaces (a phone number written another way)."""
    out = [value]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 8 and not re.search(r"[A-Za-zÆØÅæøå]", value):
        out.append(digits[-8:] if value.startswith(("+47", "0047")) else digits)
    return out


def _assert_clean(name: str, text: str) -> None:
    flat = " ".join(text.replace("\u00a0", " ").split())
    squeezed = re.sub(r"\s", "", flat)
    for kind, values in PERSONAL.items():
        for value in values:
            for variant in _variants(value):
                assert variant not in flat, f"{kind} «{variant}» in {name}"
                if variant.isdigit():
                    assert variant not in squeezed, f"{kind} «{variant}» (spaced) in {name}"
    for surname in ("Hansen", "Nordmann", "Solberg", "Bakken", "Haugen", "Olsen"):
        assert not re.search(rf"\b{surname}\b", flat), f"name «{surname}» in {name}"


def test_the_inputs_do_hold_the_personal_data(inputs: dict[str, Path]) -> None:
    text = inputs["responses"].read_text(encoding="utf-8")
    for values in PERSONAL.values():
        for value in values:
            assert value in text


def test_pseudonymisation_counts_every_kind(outputs: dict[str, Any]) -> None:
    counts = outputs["report"].analysis["pseudonymisation"]
    assert all(counts[kind] > 0 for kind in ("NAVN", "TELEFON", "EPOST", "FNR", "ADRESSE")), counts
    # the placeholders do reach the report: quotes come from the pseudonymised answers
    html = outputs["rendered"]["html"].decode("utf-8")
    assert "[NAVN]" in html or "[TELEFON]" in html or "[EPOST]" in html


def test_no_personal_data_in_json(outputs: dict[str, Any]) -> None:
    _assert_clean("analyse JSON", outputs["analysis"])
    _assert_clean("report JSON", outputs["rendered"]["json"].decode("utf-8"))


def test_no_personal_data_in_html(outputs: dict[str, Any]) -> None:
    import html

    _assert_clean("HTML", html.unescape(re.sub(r"<[^>]+>", " ", outputs["rendered"]["html"].decode("utf-8"))))


def test_no_personal_data_in_docx_and_xlsx(outputs: dict[str, Any]) -> None:
    import html

    _assert_clean("DOCX", html.unescape(_zip_text(outputs["rendered"]["docx"])))
    _assert_clean("XLSX", html.unescape(_zip_text(outputs["rendered"]["xlsx"])))


def test_no_personal_data_in_the_cli_outputs(inputs: dict[str, Path]) -> None:
    """The command itself: every file it writes, and what it prints."""
    from typer.testing import CliRunner

    from samrev.cli.app import app

    out = inputs["folder"] / "ut"
    result = CliRunner().invoke(app, ["report", "survey", str(inputs["responses"]), "--config",
                                      str(inputs["config"]), "--frame", str(inputs["frame"]), "-f", "html", "-f",
                                      "xlsx", "-f", "json", "--out", str(out), "--today", "2026-11-27"])
    assert result.exit_code == 0, result.output
    _assert_clean("CLI output", result.output)
    assert sorted(p.name for p in out.iterdir()) == ["undersokelsesrapport.html", "undersokelsesrapport.json",
                                                     "undersokelsesrapport.xlsx"]
    _assert_clean("HTML file", (out / "undersokelsesrapport.html").read_text(encoding="utf-8"))
    _assert_clean("XLSX file", _zip_text((out / "undersokelsesrapport.xlsx").read_bytes()))


@pytest.mark.slow
def test_no_personal_data_in_pdf_text(outputs: dict[str, Any]) -> None:
    import pypdfium2

    from samrev.core import components

    pdf = pypdfium2.PdfDocument(components.create("report_format", "pdf").render(outputs["report"]))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Godt samarbeid" in text  # the text layer is there
    _assert_clean("PDF", text.replace("\r", " ").replace("\ufffe", ""))
