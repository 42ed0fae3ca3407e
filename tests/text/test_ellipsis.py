"""Expansion of hyphen-ellipsis compounds («lærings- og mestringstilbud»)."""

from __future__ import annotations

import pytest

from samrev.text import expand_ellipsis_compounds, find_ellipsis_compounds


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("frisklivs-, lærings- og mestringstilbud",
         ["frisklivstilbud", "læringstilbud", "mestringstilbud"]),
        ("frisklivs-, lærings- og meistringstilbod",
         ["frisklivstilbod", "læringstilbod", "meistringstilbod"]),
        ("pasient- og pårørendeopplæring", ["pasientopplæring", "pårørendeopplæring"]),
        ("pasient- og pårørandeopplæring", ["pasientopplæring", "pårørandeopplæring"]),
        ("helse- og omsorgstjenester", ["helsetjenester", "omsorgstjenester"]),
        ("helse- og omsorgstenester", ["helsetenester", "omsorgstenester"]),
        ("kommune- og spesialisthelsetjenesten", ["kommunehelsetjenesten", "spesialisthelsetjenesten"]),
        ("lærings- eller mestringssentre", ["læringssentre", "mestringssentre"]),
        ("diabetes- og hjertekurs", ["diabeteskurs", "hjertekurs"]),
    ],
)
def test_expansion(text: str, forms: list[str]) -> None:
    assert list(expand_ellipsis_compounds(text)) == forms


def test_spans_in_running_text() -> None:
    text = ("Kommunen gir frisklivs-, lærings- og mestringstilbud, "
            "og sykehuset gir pasient- og pårørendeopplæring.")
    found = find_ellipsis_compounds(text)
    assert [text[c.start:c.end] for c in found] == [
        "frisklivs-, lærings- og mestringstilbud", "pasient- og pårørendeopplæring"]
    assert found[0].head == "tilbud"


def test_no_expansion_without_ellipsis() -> None:
    assert list(expand_ellipsis_compounds("Sør-Øst og e-helse, mestringstilbud og kurs.")) == []
