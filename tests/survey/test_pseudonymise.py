"""Pseudonymisation: adversarial names, numbers that look like IDs, and no PII in any output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samrev.survey.pseudonymise import Pseudonymiser, valid_fnr
from tests.survey.conftest import CONFIG, HEADERS, write_csv


def _fnr(birth: str, individual: str, *, rule2032: bool = False) -> str:
    """A number with valid check digits for ``birth`` (DDMMYY), the first individual number from
    ``individual`` upwards that has them (under today's rule, or only under the 2032 rule)."""
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    for serial in range(int(individual), 1000):
        digits = [int(c) for c in f"{birth}{serial:03d}"]
        base = sum(w * d for w, d in zip(w1, digits, strict=True))
        wanted = (1, 2, 3) if rule2032 else (0,)
        k1 = next((k for k in range(10) if (base + k) % 11 in wanted), None)
        if k1 is None:
            continue
        k2 = (11 - sum(w * d for w, d in zip(w2, [*digits, k1], strict=True)) % 11) % 11
        if k2 < 10:
            return f"{birth}{serial:03d}{k1}{k2}"
    raise ValueError("no valid number")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ta kontakt med Dag Rønningen, han svarar kvar dag.", "Ta kontakt med [NAVN], han svarar kvar dag."),
    ("Koordinatoren vår, Liv Sørbø, gir pasientane eit godt liv.",
     "Koordinatoren vår, [NAVN], gir pasientane eit godt liv."),
    ("Per i dag har vi ingen avtale.", "Per i dag har vi ingen avtale."),
    ("Liv og helse er tema på kurset.", "Liv og helse er tema på kurset."),
    ("Bjørk og furu står utenfor.", "Bjørk og furu står utenfor."),
    ("Hilsen Bjørk", "Hilsen [NAVN]"),
    ("Spør etter Per på LMS.", "Spør etter [NAVN] på LMS."),
    ("Per Hansen ringte fra St Olav.", "[NAVN] ringte fra St Olav."),
    ("Kari ringte i går.", "[NAVN] ringte i går."),
    ("Helse Fonna og Sørlandet sykehus deltar.", "Helse Fonna og Sørlandet sykehus deltar."),
    ("Mail til kari.nordmann@helse-bergen.no i dag.", "Mail til [EPOST] i dag."),
    ("Ring 482 19 307, 48219307, 48 21 93 07 eller +47 482 19 307.",
     "Ring [TELEFON], [TELEFON], [TELEFON] eller [TELEFON]."),
    ("Svensk nummer: +46 70 123 45 67.", "Svensk nummer: [TELEFON]."),
    ("Referanse 0046701234567.", "Referanse 0046701234567."),
    ("Vi fikk 24 500 000 kroner innen 15.09.2025.", "Vi fikk 24 500 000 kroner innen 15.09.2025."),
    ("Saksnummer 20240311457 og orgnr. 974 749 025.", "Saksnummer 20240311457 og orgnr. 974 749 025."),
    ("Bor i Storgata 12, 0155 Oslo.", "Bor i [ADRESSE]."),
    ("Møtet er i Kong Oscars gate 5B.", "Møtet er i [ADRESSE]."),
    ("Det var 12 deltakere i 2024.", "Det var 12 deltakere i 2024."),
    ("Ring Ole på +4748219307.", "Ring [NAVN] på [TELEFON]."),
    ("Vi har kurs to ganger per år, og Dag og natt er like.", "Vi har kurs to ganger per år, og Dag og natt er like."),
    ("Storm og regn stengte veien.", "Storm og regn stengte veien."),
    ("Hans kollega ringte. Finn ut hvem som har ansvar.", "Hans kollega ringte. Finn ut hvem som har ansvar."),
    ("Ved Tangen skole og i Nordre Land.", "Ved Tangen skole og i Nordre Land."),
    ("Hans Olsen og Finn Berg svarte.", "[NAVN] og [NAVN] svarte."),
    ("Anne-Lise svarer på e-post.", "[NAVN] svarer på e-post."),
    ("Kontakt: anne-lise.berg+lms@sshf.no", "Kontakt: [EPOST]"),
    ("Møtet er 12.03.2025 kl. 10.00 i Helse Bergen.", "Møtet er 12.03.2025 kl. 10.00 i Helse Bergen."),
])
def test_replacements(text: str, expected: str) -> None:
    assert Pseudonymiser()(text) == expected


def test_fodselsnummer_needs_valid_date_and_check_digits() -> None:
    assert valid_fnr("03129957483")  # the example's number, born 1899
    number = _fnr("150385", "123")
    assert valid_fnr(number)
    assert not valid_fnr(number[:-1] + str((int(number[-1]) + 1) % 10))  # check digit off by one
    assert not valid_fnr("20240311457")  # a case number: no valid date
    assert valid_fnr(_fnr("550385", "123"))  # D-number: day + 40
    assert valid_fnr(_fnr("154385", "123"))  # H-number: month + 40
    assert not valid_fnr(_fnr("155385", "123"))  # month 53 is neither a month nor an H-month
    assert not valid_fnr(_fnr("320385", "123"))  # day 32
    assert not valid_fnr(_fnr("300285", "123"))  # 30 February
    new_rule = _fnr("150385", "123", rule2032=True)
    from stdnum.no import fodselsnummer

    assert not fodselsnummer.is_valid(new_rule)  # only the 2032 rule accepts it
    assert valid_fnr(new_rule)


def test_fnr_in_text_with_and_without_space() -> None:
    number = _fnr("150385", "123")
    p = Pseudonymiser()
    assert p(f"fnr {number[:6]} {number[6:]}, og {number}.") == "fnr [FNR], og [FNR]."
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert p(f"sak {wrong[:6]} {wrong[6:]}.") == f"sak {wrong[:6]} {wrong[6:]}."
    assert p.totals()["FNR"] == 2


def test_d_number_in_text_and_checksum_valid_number_without_a_date() -> None:
    d_number = _fnr("410170", "200")
    assert Pseudonymiser()(f"D-nr. {d_number}.") == "D-nr. [FNR]."
    no_date = _fnr("001070", "200")  # day 00: check digits alone do not make a fødselsnummer
    assert Pseudonymiser()(f"Sak {no_date}.") == f"Sak {no_date}."


def test_counts_per_kind() -> None:
    p = Pseudonymiser()
    p("Dag Rønningen, tlf. 482 19 307, dag.ronningen@example.no")
    assert p.totals() == {"NAVN": 1, "TELEFON": 1, "EPOST": 1, "FNR": 0, "ADRESSE": 0}


PII = ["Marit Hansen", "48219307", "ola.nordmann@kinn.kommune.no", "03129957483", "Storgata 12"]


def test_no_input_pii_in_json_or_table_output(tmp_path: Path) -> None:
    rows = [
        ["1", "x", "Kommune", "4", "Snakk med Marit Hansen, hun kan alt.", "1"],
        ["2", "x", "Kommune", "Marit Hansen", "Send til ola.nordmann@kinn.kommune.no eller ring 48219307.", "1"],
        ["3", "x", "Helseforetak / sykehus", "3", "Pasient 03129957483 bor i Storgata 12.", "1"],
        ["4", "x", "Helseforetak / sykehus", "5", "Faste møter fungerer.", "1"],
    ]
    responses = write_csv(tmp_path / "svar.csv", HEADERS, rows)
    config = tmp_path / "survey.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    outputs = []
    for fmt in ("json", "table"):
        done = subprocess.run(
            [sys.executable, "-m", "samrev.cli.app", "survey", "analyse", str(responses), "--config", str(config),
             "--format", fmt],
            capture_output=True, text=True, env={"COLUMNS": "250", "PATH": "", "SAMREV_HOME": str(tmp_path)},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout + done.stderr)
    result = json.loads(outputs[0])
    assert result["pseudonymisation"]["NAVN"] == 2 and result["pseudonymisation"]["EPOST"] == 1
    assert result["likert"]["S1"]["unparsed_values"] == {"[NAVN]": 1}
    for output in outputs:
        for item in PII:
            assert item not in output, item
        assert "[NAVN]" in output


@pytest.mark.parametrize(("text", "expected"), [
    # names that are also words (or place names): alone they stay, with a surname or a cue they go
    ("Sol og regn hele uka, men kurset gikk fint.", "Sol og regn hele uka, men kurset gikk fint."),
    ("Kurset ledes av Sol Hansen.", "Kurset ledes av [NAVN]."),
    ("Vi har en hage ved sykehjemmet. Hage og park er fint.", "Vi har en hage ved sykehjemmet. Hage og park er fint."),
    ("Kontakt Bjørg Hage på sykehuset.", "Kontakt [NAVN] på sykehuset."),
    ("Bjørg på LMS svarer alltid raskt.", "[NAVN] på LMS svarer alltid raskt."),
    ("Berg kommune og Per i dag.", "Berg kommune og Per i dag."),
    ("Per Berg ringte i går.", "[NAVN] ringte i går."),
    ("Helgelandssykehuset Mo i Rana deltar.", "Helgelandssykehuset Mo i Rana deltar."),
    ("Ingvild Sætre og Torstein Aamodt var med.", "[NAVN] og [NAVN] var med."),
    # phone numbers in every Norwegian form, and numbers that are not phone numbers
    ("Ring +47 48219307, 0047 482 19 307, 48 21 93 07 eller 22 33 44 55.",
     "Ring [TELEFON], [TELEFON], [TELEFON] eller [TELEFON]."),
    ("Telefon 12345678 er ikke et nummer, heller ikke 1234 5678.",
     "Telefon 12345678 er ikke et nummer, heller ikke 1234 5678."),
    # e-mail and street addresses
    ("Send til ola.nordmann@stolav.no.", "Send til [EPOST]."),
    ("Møt opp i Storgata 12 B klokka ni.", "Møt opp i [ADRESSE] klokka ni."),
    ("Adressen er Storgata 12 B, 0155 Oslo.", "Adressen er [ADRESSE]."),
    # eleven digits that fail the checks stay
    ("Fnr 12345678901 er ugyldig, og saksnr 20231199123 også.",
     "Fnr 12345678901 er ugyldig, og saksnr 20231199123 også."),
])
def test_adversarial_replacements(text: str, expected: str) -> None:
    assert Pseudonymiser()(text) == expected


def test_d_numbers_with_valid_and_invalid_check_digits() -> None:
    d_number = _fnr("410185", "100")  # day 01 + 40
    assert valid_fnr(d_number)
    broken = d_number[:-1] + str((int(d_number[-1]) + 1) % 10)
    p = Pseudonymiser()
    assert p(f"D-nummer {d_number}, feil {broken}.") == f"D-nummer [FNR], feil {broken}."
    assert p.totals()["FNR"] == 1


def test_the_extended_name_list_is_read() -> None:
    from samrev.survey.pseudonymise import _names

    given, surnames = _names()
    assert len(given) >= 270 and len(surnames) >= 170
    assert {"Ingvild", "Torstein", "Bjørg"} <= given and {"Sætre", "Aamodt"} <= surnames
    assert not {"Mo", "Nes", "Sand", "Foss"} & surnames  # place names too short to be safe surnames
