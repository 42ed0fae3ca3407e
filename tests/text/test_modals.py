"""Obligation strength of sentences in bokmål and nynorsk (≥ 40 labelled sentences)."""

from __future__ import annotations

import pytest

from samrev.text import classify_obligation, obligation_summary

# sentence, strength, party named?, negated
LABELLED: list[tuple[str, str, bool, bool]] = [
    # binding: skal/må with a named party as the doer
    ("Kommunen skal tilby kurs for pårørende.", "binding", True, False),
    ("Helseforetaket skal gi råd og veiledning til kommunens helsepersonell.", "binding", True, False),
    ("Partane skal møtast minst to gonger i året.", "binding", True, False),
    ("Sykehuset Innlandet HF skal sende epikrise samme dag.", "binding", True, False),
    ("LMS skal koordinere kurstilbudet i opptaksområdet.", "binding", True, False),
    ("Ved utskriving skal helseføretaket sende epikrise til fastlegen.", "binding", True, False),
    ("Kommunen og helseforetaket skal i fellesskap evaluere avtalen.", "binding", True, False),
    ("Helseføretaket og kommunane skal utveksle informasjon om planlagde endringar.", "binding", True, False),
    ("Gjøvik kommune skal oppnevne en kontaktperson for lærings- og mestringstilbud.",
     "binding", True, False),
    ("Kommunen må sørge for tolketjeneste ved behov.", "binding", True, False),
    ("• Helseforetaket skal gi veiledning til kommunens ansatte", "binding", True, False),
    ("Kommunen skal også informere fastlegene om tilbudet.", "binding", True, False),
    ("Frisklivssentralen skal gje tilbod om samtale innan to veker.", "binding", True, False),
    # binding: obligation phrases
    ("Kommunen forplikter seg til å tilby kurs.", "binding", True, False),
    ("Partane forpliktar seg til å samarbeide om opplæring.", "binding", True, False),
    ("Helseforetaket har ansvar for diagnosespesifikke opplæringstilbud.", "binding", True, False),
    ("Kommunen har ansvar for å tilby frisklivs-, lærings- og meistringstilbod.", "binding", True, False),
    ("Kommunen er ansvarleg for oppfølginga etter utskriving.", "binding", True, False),
    ("Sjukehuset er ansvarleg for opplæring av pasientar med sjeldne diagnosar.", "binding", True, False),
    ("Kommunen plikter å tilby døgnopphold for øyeblikkelig hjelp.", "binding", True, False),
    ("Det er kommunen som har ansvaret for oppfølgingen.", "binding", True, False),
    ("Ansvaret for koordinering ligger hos koordinerende enhet i kommunen.", "binding", True, False),
    ("Partane har eit felles ansvar for at pasientforløpa vert opplevde samanhengande.",
     "binding", True, False),
    # binding, negated
    ("Kommunen skal ikke avvise utskrivningsklare pasienter.", "binding", True, True),
    ("Helseføretaket skal ikkje krevje eigenbetaling for kursa.", "binding", True, True),
    # soft
    ("Kommunen bør ha en kontaktperson for lærings- og mestringstilbud.", "soft", True, False),
    ("Partane bør streve etter at tilboda heng saman.", "soft", True, False),
    ("Kommunen kan tilby kurs i samarbeid med frisklivssentralen.", "soft", True, False),
    ("Helseføretaket kan bistå kommunane ved oppstart av nye tilbod.", "soft", True, False),
    ("Partene skal søke å finne felles løsninger.", "soft", True, False),
    ("Partane skal søkje å finne felles løysingar.", "soft", True, False),
    ("Helseforetaket skal vurdere behovet for felles kurs.", "soft", True, False),
    ("Kommunen skal leggje til rette for likepersonsarbeid.", "soft", True, False),
    ("Partene skal legge til rette for hospitering.", "soft", True, False),
    ("Uenighet skal ved behov drøftes i samarbeidsutvalget.", "soft", False, False),
    ("Avtalen skal bidra til bedre tjenester for pasientene.", "soft", False, False),
    ("Det skal utarbeides felles rutiner for henvisning.", "soft", False, False),
    ("Det skal utarbeidast felles rutinar for tilvising.", "soft", False, False),
    ("Pasienten skal få tilbud om opplæring.", "soft", False, False),
    ("Partene tilstreber at tilbudene oppleves som helhetlige.", "soft", True, False),
    ("Kommunen skal så langt det er mulig gi tilbudet lokalt.", "soft", True, False),
    ("Partene vil samarbeide om digitale kurs.", "soft", True, False),
    ("Tilboda skal utviklast i samarbeid med brukarorganisasjonane.", "soft", False, False),
    # none
    ("Tilstanden kan endre seg raskt.", "none", False, False),
    ("Pasienter kan henvises til lærings- og mestringssenteret.", "none", False, False),
    ("Kommunen kan ha behov for veiledning.", "none", True, False),
    ("Avtalen gjelder fra 1. januar 2019.", "none", False, False),
    ("Samarbeidsutvalet møtest fire gonger i året.", "none", False, False),
    ("Skal kommunen gi tilbud til alle?", "none", False, False),
    ("Det vil bli arrangert kurs til hausten.", "none", False, False),
    ("Tilbodet kan variere mellom kommunane.", "none", False, False),
]


def test_enough_labelled_sentences_in_both_standards() -> None:
    assert len(LABELLED) >= 40
    nynorsk_forms = ("ikkje", "ane", "føretak", "tilbod", "skal gje", "ansvarleg", "søkje", "leggje", "ast")
    nynorsk = [s for s, *_ in LABELLED if any(form in s for form in nynorsk_forms)]
    assert len(nynorsk) >= 15


@pytest.mark.parametrize(("sentence", "strength", "has_party", "negated"), LABELLED)
def test_classify(sentence: str, strength: str, has_party: bool, negated: bool) -> None:
    result = classify_obligation(sentence)
    assert result.strength == strength
    assert (result.party is not None) == has_party
    assert result.negated == negated
    if result.cue_span is not None:
        cue_text = sentence[result.cue_span[0]:result.cue_span[1]]
        assert " ".join(cue_text.lower().split()) == result.cue


def test_party_and_cue() -> None:
    result = classify_obligation("Ved utskriving skal helseføretaket sende epikrise.")
    assert result.party == "helseføretaket" and result.cue == "skal"
    result = classify_obligation("Partene skal søke å finne løsninger.")
    assert result.cue == "skal søke å" and result.party == "Partene"
    named = classify_obligation("Sykehuset Innlandet HF skal sende epikrise.")
    assert named.party == "Sykehuset Innlandet HF"


def test_strongest_cue_wins() -> None:
    result = classify_obligation("Helseforetaket kan bistå, men kommunen skal gi tilbudet.")
    assert result.strength == "binding" and result.party == "kommunen"


def test_summary() -> None:
    sentences = [sentence for sentence, *_ in LABELLED]
    expected_binding = sum(1 for _, strength, *_ in LABELLED if strength == "binding")
    expected_soft = sum(1 for _, strength, *_ in LABELLED if strength == "soft")
    assert obligation_summary(sentences) == (expected_binding, expected_soft)
    assert obligation_summary([classify_obligation("Kommunen skal gi kurs.")]) == (1, 0)


@pytest.mark.parametrize(("nn", "nb", "cue"), [
    # a-infinitives of the soft verbs
    ("Partane skal søkja å etablere felles kurs.", "Partene skal søke å etablere felles kurs.", "skal søk"),
    ("Kommunen skal leggja til rette for kurs.", "Kommunen skal legge til rette for kurs.", "skal legg"),
    ("Helseføretaket skal jobba for felles kurs.", "Helseforetaket skal jobbe for felles kurs.", "skal jobb"),
    ("Kommunen skal etterstreba felles kurs.", "Kommunen skal etterstrebe felles kurs.", "skal etterstreb"),
    # a hedge: when it is appropriate
    ("Kommunen skal når det er føremålstenleg tilby kurs.", "Kommunen skal når det er hensiktsmessig tilby kurs.",
     "skal når det er"),
    ("Kommunen skal der det er tenleg tilby kurs.", "Kommunen skal der det er hensiktsmessig tilby kurs.",
     "skal der det er"),
])
def test_nynorsk_soft_forms_are_soft(nn: str, nb: str, cue: str) -> None:
    for sentence in (nn, nb):
        result = classify_obligation(sentence)
        assert result.strength == "soft" and result.cue.startswith(cue) and result.party is not None


def test_nynorsk_plural_of_a_district_is_a_party() -> None:
    assert classify_obligation("Bydelane skal tilby kurs.").strength == "binding"
    assert classify_obligation("Bydelene skal tilby kurs.").strength == "binding"


@pytest.mark.parametrize(("nn", "nb", "strength"), [
    # «snarast» is an adverb, not a passive verb
    ("Kommunen skal snarast gje beskjed til sjukehuset.", "Kommunen skal snarest gi beskjed til sykehuset.", "binding"),
    # «kan koma til å» describes a possibility
    ("Kommunen kan koma til å trenge hjelp.", "Kommunen kan komme til å trenge hjelp.", "none"),
])
def test_nynorsk_adverb_and_a_infinitive_read_as_their_bokmaal_forms(nn: str, nb: str, strength: str) -> None:
    assert classify_obligation(nn).strength == classify_obligation(nb).strength == strength
