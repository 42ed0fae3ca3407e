"""`samrev registry …` through the real Typer app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samrev.cli.app import app, main
from samrev.core.errors import RegistryError, UnknownHealthTrust, UnknownMunicipality

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def run(*args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, ["registry", *args], env=WIDE, input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_match_acceptance() -> None:
    output = run("match", "Avtale mellom Sykehuset Innlandet HF og Gjøvik kommune og Vestre Toten kommune")
    for name in ("Sykehuset Innlandet", "Gjøvik", "Vestre Toten", "3407", "3443", "40–46", "58–70"):
        assert name in output


def test_match_json_has_exact_spans() -> None:
    text = "Helse Førde helseføretak og kommunane Stryn og Gloppen"
    data = json.loads(run("match", text, "--format", "json"))
    assert [(d["kind"], d["id"], d["start"], d["end"], d["surface"]) for d in data] == [
        ("health_trust", "helse-forde", 0, 24, "Helse Førde helseføretak"),
        ("municipality", "4651", 38, 43, "Stryn"),
        ("municipality", "4650", 47, 54, "Gloppen"),
    ]


def test_match_year_2020_and_stdin() -> None:
    data = json.loads(run("match", "-", "--year", "2020", "--format", "json", stdin="Drammen kommune"))
    assert [d["id"] for d in data] == ["3005"]


def test_match_nothing_found() -> None:
    assert "Fant ingen organisasjoner" in run("match", "Vi tar tiden til hjelp.")


def test_kommune_by_number_shows_everything() -> None:
    output = run("kommune", "4601")
    for expected in ("4601 Bergen", "46 Vestland", "Helse Bergen HF", "Haraldsplass", "I 2020-strukturen"):
        assert expected in output


def test_kommune_2020_shows_2024_counterpart() -> None:
    output = run("kommune", "3005", "--year", "2020")
    assert "Drammen" in output and "30 Viken" in output and "3301 Drammen" in output


def test_kommune_number_from_other_structure_falls_back_with_note() -> None:
    result = runner.invoke(app, ["registry", "kommune", "3005"], env=WIDE)
    assert result.exit_code == 0
    assert "3301 Drammen" in result.output
    assert "finnes ikke i 2024-strukturen" in result.output


def test_kommune_sami_area_date_and_names() -> None:
    output = run("kommune", "Guovdageaidnu")
    assert "Kautokeino" in output and "nordsamisk" in output and "ja, fra 01.01.1992" in output
    data = json.loads(run("kommune", "Røros", "--format", "json"))
    assert data["sami_area_since"] == "2018-07-01"
    assert data["catchment"][0]["health_trust"] == "st-olav"


def test_kommune_json_for_split_municipality() -> None:
    data = json.loads(run("kommune", "1507", "--year", "2020", "--format", "json"))
    assert [c["number"] for c in data["counterparts"]] == ["1508", "1580"]


def test_kommuner_filters() -> None:
    data = json.loads(run("kommuner", "--fylke", "Vestfold", "--format", "json"))
    assert [d["number"] for d in data] == ["3901", "3903", "3905", "3907", "3909", "3911"]
    data = json.loads(run("kommuner", "--helseforetak", "UNN", "--year", "2020", "--format", "json"))
    assert len(data) == 23 and {d["number"] for d in data} >= {"1806", "1853", "5401"}
    assert "357 kommuner" in run("kommuner")
    assert "Viken" in run("kommuner", "--year", "2021", "--fylke", "Viken")


def test_helseforetak_list_and_one() -> None:
    listing = run("helseforetak")
    for name in ("Helse Sør-Øst RHF", "Lovisenberg Diakonale Sykehus", "Sunnaas sykehus HF"):
        assert name in listing
    one = json.loads(run("helseforetak", "Helse Førde", "--format", "json"))
    assert one["id"] == "helse-forde" and len({c["number"] for c in one["catchment"]}) == 18
    assert "Opptaksområde: 18 kommuner" in run("helseforetak", "Helse Førde")


def test_fylker() -> None:
    assert "15 fylker" in run("fylker")
    assert "11 fylker" in run("fylker", "--year", "2020")


@pytest.mark.parametrize(("args", "error"), [
    (["kommune", "9999"], UnknownMunicipality),
    (["kommune", "Herøy"], RegistryError),
    (["helseforetak", "Helse Atlantis"], UnknownHealthTrust),
])
def test_errors_are_samrev_errors(args: list[str], error: type[Exception]) -> None:
    result = runner.invoke(app, ["registry", *args], env=WIDE)
    assert isinstance(result.exception, error)


def test_main_prints_norwegian_message_without_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["samrev", "registry", "kommune", "9999"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    captured = capsys.readouterr()
    message = " ".join(captured.err.split())  # rich wraps at the terminal width
    assert "Fant ingen kommune «9999» i 2024-strukturen" in message
    assert "Traceback" not in captured.err + captured.out


def test_bad_year_is_an_input_error(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["samrev", "registry", "kommuner", "--year", "2019"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    assert "INPUT_INVALID" in capsys.readouterr().err


def test_match_reads_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "avtale.txt"
    path.write_text("Samarbeidsavtale mellom UNN HF og Tromsø kommune", encoding="utf-8")
    data = json.loads(run("match", str(path), "-f", "json", "-y", "2020"))
    assert [(d["id"], d["surface"]) for d in data] == [("unn", "UNN HF"), ("5401", "Tromsø")]
