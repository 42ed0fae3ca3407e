"""Sentence segmentation: abbreviations, numbered clauses, dates, list items and headings."""

from __future__ import annotations

import pytest

from samrev.text import sentences


def split(text: str) -> list[str]:
    spans = sentences(text)
    for span in spans:
        piece = text[span.start:span.end]
        assert piece == piece.strip() and piece
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    return [text[span.start:span.end] for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Avtalen gjelder bl.a. kurs. Partene skal f.eks. møtes årlig.",
         ["Avtalen gjelder bl.a. kurs.", "Partene skal f.eks. møtes årlig."]),
        ("Dette følger av avtalen, jf. Helse- og omsorgstjenesteloven § 6-2. Kommunen skal bistå.",
         ["Dette følger av avtalen, jf. Helse- og omsorgstjenesteloven § 6-2.", "Kommunen skal bistå."]),
        ("Se pkt. 4 og avtale nr. 2. Kommunen har ca. 20 plasser, dvs. nok.",
         ["Se pkt. 4 og avtale nr. 2.", "Kommunen har ca. 20 plasser, dvs. nok."]),
        ("Det gjelder evt. også pårørende iht. avtalen. Neste punkt.",
         ["Det gjelder evt. også pårørende iht. avtalen.", "Neste punkt."]),
        ("Møtet er kl. 10.00 på St. Olavs hospital. Ring tlf. 73 86 00 00.",
         ["Møtet er kl. 10.00 på St. Olavs hospital.", "Ring tlf. 73 86 00 00."]),
        ("Dette gjelder hjelpemidler, kurs mv. Kommunen skal melde fra.",
         ["Dette gjelder hjelpemidler, kurs mv.", "Kommunen skal melde fra."]),
        ("Det gjelder kurs, møter osv. Partene avtaler resten.",
         ["Det gjelder kurs, møter osv.", "Partene avtaler resten."]),
        ("Deltakere er kommunen m.fl. Helseforetaket leder.",
         ["Deltakere er kommunen m.fl.", "Helseforetaket leder."]),
        ("Avtalen er godkjent av «Helse Sør-Øst RHF». Partene signerer.",
         ["Avtalen er godkjent av «Helse Sør-Øst RHF».", "Partene signerer."]),
        ("Avtalen trer i kraft 1. januar 2019. Den erstatter avtalen av 01.01.2012. Slutt.",
         ["Avtalen trer i kraft 1. januar 2019.", "Den erstatter avtalen av 01.01.2012.", "Slutt."]),
        ("Kontakt K. Hansen ved LMS. Han svarer.", ["Kontakt K. Hansen ved LMS.", "Han svarer."]),
        ("Se Meld. St. 9 (2023–2024) og Prop. 102 L. Kommunen følger opp.",
         ["Se Meld. St. 9 (2023–2024) og Prop. 102 L.", "Kommunen følger opp."]),
        ("Tilbodet vert gitt t.d. i grupper, m.a. for KOLS. Kommunen har ansvaret.",
         ["Tilbodet vert gitt t.d. i grupper, m.a. for KOLS.", "Kommunen har ansvaret."]),
        ("Hva fungerer? Vet ikke! Samarbeidet er bra... Men lite ressurser.",
         ["Hva fungerer?", "Vet ikke!", "Samarbeidet er bra...", "Men lite ressurser."]),
        ("Results were mixed (see Fig. 2). Most agreements, e.g. in Vest, were short.",
         ["Results were mixed (see Fig. 2).", "Most agreements, e.g. in Vest, were short."]),
        ("Meldingar går vha. NHN. Kommunen og sjukehuset har resp. Nav og LMS som kontakt.",
         ["Meldingar går vha. NHN.", "Kommunen og sjukehuset har resp. Nav og LMS som kontakt."]),
    ],
)
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_numbered_clauses_and_headings() -> None:
    text = ("1. Formål\nAvtalen skal sikre gode tjenester.\n\n2.1 Kommunens ansvar\n"
            "Kommunen har ansvar for tilbudet.\n§ 6-2. Innhold\n2.1.3. Rutiner for henvisning")
    assert split(text) == [
        "1. Formål", "Avtalen skal sikre gode tjenester.", "2.1 Kommunens ansvar",
        "Kommunen har ansvar for tilbudet.", "§ 6-2. Innhold", "2.1.3. Rutiner for henvisning"]


def test_list_items_without_final_punctuation() -> None:
    text = ("Partane skal:\n• informere kvarandre\n• delta i møte\n- evaluere avtalen\n"
            "a) felles kurs\n2) rutinar")
    assert split(text) == ["Partane skal:", "• informere kvarandre", "• delta i møte", "- evaluere avtalen",
                           "a) felles kurs", "2) rutinar"]


def test_wrapped_lines_stay_in_one_sentence() -> None:
    text = ("Kommunen skal sørge for at pasienter som skrives ut fra\nsykehuset får tilbud om "
            "opplæring. Dette gjelder\nogså pårørende.")
    assert split(text) == [
        "Kommunen skal sørge for at pasienter som skrives ut fra\nsykehuset får tilbud om opplæring.",
        "Dette gjelder\nogså pårørende."]


def test_heading_line_before_paragraph() -> None:
    text = "Delavtale om samarbeid om pasient- og pårørendeopplæring\nAvtalen er inngått mellom partene."
    assert split(text) == ["Delavtale om samarbeid om pasient- og pårørendeopplæring",
                           "Avtalen er inngått mellom partene."]


def test_offsets_point_into_the_given_text() -> None:
    text = "  Første setning.   Andre setning!\n\n  Tredje  "
    spans = sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 17), (20, 34), (38, 44)]


def test_sentences_keep_abbreviations_and_dates_together() -> None:
    # moved from tests/coding/test_lexicon_polarity.py (the polarity guess uses these sentences)
    text = "Se f.eks. pkt. 4 i avtalen fra 1. januar. Neste setning!\n\nEt nytt avsnitt"
    spans = [text[s.start:s.end] for s in sentences(text)]
    assert spans == ["Se f.eks. pkt. 4 i avtalen fra 1. januar.", "Neste setning!", "Et nytt avsnitt"]


def test_one_pass_over_the_text_gives_the_sentences_of_each_unit() -> None:
    """``sentences`` (candidate ends found once for the whole text) equals segmenting unit by unit,
    on random texts made of the tokens that decide sentence ends."""
    import random

    from samrev.text.segment import _unit_sentences, _units, sentence_bounds, sentences

    tokens = ["Avtalen", "skal", "jf.", "f.eks.", "Dr.", "K.", "1.", "2.1.", "§", "6-2.", "osv.", "mv.",
              "...", "…", "!", "?", "«Sitat.»", "(se", "pkt.", "3)", "Nord-Norge.", "og", "e.", "i)",
              "•", "-", ":", "\n", "\n", "\n\n", "  ", "\t", "Helse.", "\u00a0", "»", ".\n", "?\n\n"]
    rng = random.Random(7)  # noqa: S311  (test data, not secrets)
    for _ in range(400):
        text = " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 60)))
        reference = [span for start, end in _units(text) for span in _unit_sentences(text, start, end)]
        assert sentence_bounds(text) == reference, repr(text)
        assert [(s.start, s.end) for s in sentences(text)] == reference, repr(text)
