"""health_trust and municipalities: parties only, by registry name."""

from __future__ import annotations

from samrev.agreements import AgreementText
from samrev.agreements.fields import parties


def judge(text: str) -> tuple[object, object]:
    trust, municipalities = parties.judge(AgreementText.from_text(text))
    return trust.value, municipalities.value


def test_parties_from_the_title() -> None:
    text = "Avtale mellom Sykehuset Innlandet HF og Gjøvik kommune og Vestre Toten kommune\n\n1. Formål\n"
    assert judge(text) == ("Sykehuset Innlandet HF", ["Gjøvik", "Vestre Toten"])


def test_places_sites_and_the_rhf_are_not_parties() -> None:
    text = ("Tjenesteavtale 2\n\n1. Parter\nAvtalen er inngått mellom Universitetssykehuset Nord-Norge HF og "
            "Tromsø kommune. UNN har sykehus i Tromsø, Harstad og Narvik.\n\n2. Eierskap\n"
            "Helse Nord RHF eier UNN. Pasienter fra Balsfjord får også tilbud.\n")
    assert judge(text) == ("Universitetssykehuset Nord-Norge HF", ["Tromsø"])


def test_all_municipalities_in_the_area() -> None:
    text = ("Overordna samarbeidsavtale\nmellom Helse Førde HF og alle kommunane i føretaksområdet\n\n"
            "1. Partar\nPartane er Helse Førde HF og kvar einskild kommune.\n")
    assert judge(text) == ("Helse Førde HF", ["*"])


def test_nynorsk_list_and_signature_lines() -> None:
    text = ("Tenesteavtale 10 – Samarbeid om førebygging\nAvtale mellom Helse Førde helseføretak og kommunane "
            "Stad, Stryn og Gloppen\n\n1. Bakgrunn\nTekst.\n\nFor Stad kommune\nKari Nordmann\n")
    assert judge(text) == ("Helse Førde HF", ["Gloppen", "Stad", "Stryn"])


def test_private_hospital_as_the_trust_party() -> None:
    text = "Særavtale mellom Haraldsplass Diakonale Sykehus og Osterøy kommune\n\n1. Formål\n"
    assert judge(text) == ("Haraldsplass Diakonale Sykehus", ["Osterøy"])


def test_a_named_region_or_county_with_its_municipalities_is_the_whole_area() -> None:
    bokmal = ("Samarbeidsavtale\nmellom Sykehuset i Vestfold HF og kommunene i Vestfold\n\n"
              "1. Formål\nPartene skal samarbeide om pasientforløp.\n")
    assert judge(bokmal) == ("Sykehuset i Vestfold HF", ["*"])
    nynorsk = ("Tenesteavtale 7 om kunnskapsoverføring\nHelse Fonna HF og kommunane i Sunnhordland og "
               "Hardanger\n\n1. Føremål\nPartane skal dele kunnskap.\n")
    assert judge(nynorsk) == ("Helse Fonna HF", ["*"])
    compass = ("Delavtale 9\n\n1. Parter\nAvtalen er inngått mellom Sykehuset Østfold HF og kommunene i "
               "Nord-Østfold.\n\n2. Formål\nTekst.\n")
    assert judge(compass)[1] == ["*"]


def test_a_catchment_named_by_the_trust_is_the_whole_area_in_both_standards() -> None:
    bokmal = ("Tjenesteavtale 3\n\n1. Parter\nAvtalen er inngått mellom Sørlandet sykehus HF og de 25 "
              "kommunene i Sørlandet sykehus sitt opptaksområde.\n")
    assert judge(bokmal)[1] == ["*"]
    nynorsk = ("Tenesteavtale 3\n\n1. Partar\nAvtalen er inngått mellom Helse Møre og Romsdal HF og "
               "kommunane i Helse Møre og Romsdal sitt føretaksområde.\n")
    assert judge(nynorsk)[1] == ["*"]


def test_a_region_phrase_does_not_override_named_municipality_parties() -> None:
    text = ("Avtale mellom Sykehuset i Vestfold HF og Tønsberg kommune og Horten kommune\n\n"
            "1. Formål\nKommunene i Vestfold samarbeider også i eget nettverk.\n")
    assert judge(text)[1] == ["Horten", "Tønsberg"]
    # "kommunane i Midt-Telemark" names one municipality, not a region of several
    one = "Avtale mellom Sykehuset Telemark HF og kommunane i Midt-Telemark\n\n1. Formål\nTekst.\n"
    assert judge(one)[1] != ["*"]


def test_the_trusts_area_in_other_words_is_the_whole_area() -> None:
    bokmal = ("Delavtale 2\n\n1. Parter\nAvtalen er inngått mellom Sykehuset Innlandet HF og kommunene i "
              "helseforetakets område.\n")
    nynorsk = ("Tenesteavtale 2\n\n1. Partar\nAvtalen er inngått mellom Helse Fonna HF og kommunane i "
               "sjukehuset sitt nedslagsfelt.\n")
    assert judge(bokmal)[1] == ["*"]
    assert judge(nynorsk)[1] == ["*"]


def test_a_trust_named_once_outside_the_party_section_of_an_intermunicipal_agreement_is_no_party() -> None:
    text = ("Driftsavtale for Follo frisklivssentral\n\n1. Parter\nAvtalen er inngått mellom Frogn kommune, "
            "Vestby kommune og Enebakk kommune.\n2. Oppgaver\nVertskommunen skal samarbeide med Akershus "
            "universitetssykehus HF og med fastlegene om overganger etter sykehusopphold.\n")
    trust, municipalities = judge(text)
    assert trust is None
    assert municipalities == ["Enebakk", "Frogn", "Vestby"]
    # named twice, it is taken as before (a routine without a party section names its trust often)
    twice = text + "Akershus universitetssykehus HF holder kurs for pårørende.\n"
    assert judge(twice)[0] == "Akershus universitetssykehus HF"


def test_the_town_a_hospital_lies_in_is_no_party() -> None:
    text = ("Referat frå møte i samarbeidsutvalet\nMøtestad: Lærings- og meistringssenteret, Sykehuset Telemark, "
            "Notodden\nTil stades: Kommunalsjef, Fyresdal kommune; kommunalsjef, Vinje kommune\n\n"
            "1. Saker\nUtvalet drøfta avtalane.\n")
    assert judge(text)[1] == ["Fyresdal", "Vinje"]
    listed = ("Avtale mellom Helse Fonna HF, Haugesund kommune og Karmøy kommune\n\n1. Formål\n"
              "Partane skal samarbeide.\n")
    assert judge(listed) == ("Helse Fonna HF", ["Haugesund", "Karmøy"])


def test_a_party_sentence_ending_in_a_list_names_every_listed_municipality() -> None:
    names = ["Flatanger", "Frosta", "Grong", "Høylandet", "Inderøy", "Leka", "Levanger", "Lierne", "Namsos"]
    listed = "".join(f" • {name} kommune\n" for name in names)
    with_heading = ("Overordnet samarbeidsavtale\n\n1. Parter\nAvtalen er inngått mellom Helse Nord-Trøndelag HF "
                    "og følgende kommuner,\nsom hver for seg er part i avtalen:\n" + listed +
                    "Sykehusene i Levanger og Namsos er tjenestesteder.\n")
    assert judge(with_heading) == ("Helse Nord-Trøndelag HF", sorted(names))
    without_heading = ("Overordnet samarbeidsavtale\n\nAvtalen er inngått mellom Helse Nord-Trøndelag HF og "
                       "følgende kommuner:\n" + listed + "\n2. Formål\nPasienter fra Stjørdal får også tilbud.\n")
    assert judge(without_heading) == ("Helse Nord-Trøndelag HF", sorted(names))


def test_the_place_of_signing_in_a_signature_line_is_no_party() -> None:
    text = ("Særavtale om lærings- og meistringstilbod mellom Helse Fonna HF og Etne kommune\n\n"
            "1. Partar\nPartane er Helse Fonna HF og Etne kommune.\n\n"
            "For Etne kommune: Kari Hovda (sign.), Etne 02.03.2021\n"
            "For Helse Fonna HF: Liv Kristin Eide (sign.), Haugesund 02.03.2021\n")
    assert judge(text) == ("Helse Fonna HF", ["Etne"])


def test_municipalities_named_only_to_say_they_are_not_parties_are_not() -> None:
    text = ("Tjenesteavtale om utskrivning\n\n1. Parter\nAvtalen er inngått mellom Vestre Viken HF og "
            "kommunene Flesberg, Kongsberg, Nore og Uvdal og Rollag.\nNotodden kommune og Tinn kommune er også "
            "medlemmer av Kongsbergregionen, men hører til Sykehuset Telemark HF sitt opptaksområde og er ikke parter "
            "i denne avtalen.\n")
    assert judge(text) == ("Vestre Viken HF", ["Flesberg", "Kongsberg", "Nore og Uvdal", "Rollag"])
