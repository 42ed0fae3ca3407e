"""lms_level and user_participation_level: rules alone and with the trained passage models."""

from __future__ import annotations

import pytest

from samrev.agreements import AgreementText
from samrev.agreements.fields import levels
from samrev.agreements.passage_model import trained_model

HEAD = "Delavtale 2 mellom Gjøvik kommune og Sykehuset Innlandet HF\n\n"
LMS_TEXTS = {
    0: "1. Kompetanse\nPartene skal samarbeide om opplæring av ansatte og superbrukere i journalsystemet.\n",
    1: "1. Andre avtaler\nLærings- og mestringstilbud er regulert i delavtale 2. Møtet holdes i lokalene til LMS.\n",
    2: "1. Ansvar\nKommunen har ansvar for lærings- og mestringstilbud til egne innbyggere, og helseforetaket "
       "skal samarbeide med kommunen om pasient- og pårørendeopplæring.\n",
    3: "1. Kurs\nSykehuset Innlandet HF og Frisklivssentralen i Gjøvik skal arrangere en felles diabetesskole for "
       "personer med diabetes type 2 to ganger i året. Fastlegen henviser, og kommunen har en fast kontaktperson "
       "som koordinerer påmelding. Kurset evalueres hvert år av partene.\n",
}
UPL_TEXTS = {
    0: "1. IKT\nBrukerstøtte og brukernavn til fagsystemet gis av kommunens IT-avdeling.\n",
    1: "1. Brukermedvirkning\nPartene skal sikre brukermedvirkning i utviklingen av tjenestene.\n",
    2: "1. Brukermedvirkning\nBrukerrepresentanter deltar i samarbeidsutvalget, og brukerorganisasjonene høres "
       "ved revisjon av avtalen.\n",
    3: "1. Brukarmedverknad\nBrukarutvalet i helseføretaket og rådet for personar med funksjonsnedsetting oppnemner "
       "kvar sin brukarrepresentant til samarbeidsutvalet for to år. Brukarrepresentantane tek del i å utvikle og "
       "evaluere lærings- og meistringstilboda.\n",
}


@pytest.mark.parametrize(("field", "level", "text"), [
    *[("lms_level", k, v) for k, v in LMS_TEXTS.items()],
    *[("user_participation_level", k, v) for k, v in UPL_TEXTS.items()],
])
@pytest.mark.parametrize("with_model", [False, True])
def test_levels(field: str, level: int, text: str, with_model: bool) -> None:
    scorer = trained_model(field) if with_model else None
    judgement = levels.judge(AgreementText.from_text(HEAD + text), field, scorer)
    assert judgement.value == level
    if level:
        assert judgement.evidence and all(HEAD + text for _ in judgement.evidence)
        if with_model and level >= 2:
            assert str(judgement.provenance).startswith(("model:", "rule:"))


def test_model_provenance_names_model_and_version() -> None:
    model = trained_model("lms_level")
    assert model is not None
    judgement = levels.judge(AgreementText.from_text(HEAD + LMS_TEXTS[2]), "lms_level", model)
    assert str(judgement.provenance) == f"model:lms_passages@{model.version}"
    assert judgement.confidence is not None and 0 < judgement.confidence <= 1


def test_considering_whether_to_involve_users_is_not_a_mechanism() -> None:
    text = "1. Utredning\nPartene bør vurdere om brukerorganisasjonene skal inviteres inn i utredningsarbeidet.\n"
    for scorer in (None, trained_model("user_participation_level")):
        assert levels.judge(AgreementText.from_text(HEAD + text), "user_participation_level", scorer).value == 1


def test_the_model_moves_a_passage_at_most_one_level_below_the_rules() -> None:
    class Pessimist:
        name, version = "pessimist", "1"

        def levels(self, texts: list[str]) -> list[tuple[int, float]]:
            return [(0, 0.9) for _ in texts]

    text = UPL_TEXTS[3]
    judgement = levels.judge(AgreementText.from_text(HEAD + text), "user_participation_level", Pessimist())
    assert judgement.value >= 2


def test_patient_participation_and_experienced_users_are_signals() -> None:
    text = ("1. Kurs\nKolsskolen har seks samlinger med fysioterapeut og en erfaren bruker fra "
            "brukerorganisasjonen.\n2. Pasientmedvirkning\nPasientens egne mål legges til grunn.\n")
    assert levels.judge(AgreementText.from_text(HEAD + text), "user_participation_level").value >= 1


REFERRED = [
    # bokmål: offers, target groups and a routine named, but only as what another agreement regulates
    "1. Lærings- og mestring\nPartenes ansvar for lærings- og mestringstilbud, som kurs for personer med "
    "hjertesvikt og KOLS, og rutiner for henvisning til kursene, er regulert i tjenesteavtale 2.\n",
    # nynorsk
    "1. Læring og meistring\nAnsvaret for pasientkurs og tilvising til lærings- og meistringstilbod for personar "
    "med revmatisk sjukdom er nærmare omtalt i tenesteavtale 2.\n",
]


@pytest.mark.parametrize("text", REFERRED)
@pytest.mark.parametrize("with_model", [False, True])
def test_offers_only_referred_to_another_agreement_stay_at_level_1(text: str, with_model: bool) -> None:
    scorer = trained_model("lms_level") if with_model else None
    assert levels.judge(AgreementText.from_text(HEAD + text), "lms_level", scorer).value == 1


def test_a_reference_does_not_hide_the_agreements_own_concrete_offer() -> None:
    own = ("1. Kurs\nKommunen skal tilby kurs for personar med diabetes type 2 ved frisklivssentralen. Fastlegen "
           "tilviser, og kurset blir evaluert kvart år. Andre lærings- og meistringstilbod er regulert i "
           "tenesteavtale 2.\n")
    assert levels.judge(AgreementText.from_text(HEAD + own), "lms_level").value == 3
    assert "regulert" not in levels.without_references(own) and "tilviser" in levels.without_references(own)


VENUE = [
    # nynorsk: the centre is where the committees meet
    "6. Samarbeidsstruktur\nSekretariatet sender ut innkalling seinast éin veke før møtet, og Helseføretaket har "
    "ansvar for protokollen. Møta i FSU blir haldne digitalt eller i møterom ved lærings- og meistringssenteret "
    "(LMS) ved sjukehuset.\n",
    # bokmål
    "6. Samarbeidsutvalg\nUtvalget møtes fire ganger i året på lærings- og mestringssenteret, og partene har "
    "ansvar for sekretariatet etter tur.\n",
    # a compound for the meeting ("samarbeidsmøtet") held in the centre's rooms
    "5. Pasient og pårørande\nSamarbeidsmøtet kan haldast i lokala til lærings- og meistringssenteret dersom "
    "pasienten ønskjer det.\n",
]


@pytest.mark.parametrize("text", VENUE)
@pytest.mark.parametrize("with_model", [False, True])
def test_a_centre_named_only_as_a_meeting_venue_is_a_mention(text: str, with_model: bool) -> None:
    scorer = trained_model("lms_level") if with_model else None
    assert levels.judge(AgreementText.from_text(HEAD + text), "lms_level", scorer).value == 1


def test_courses_held_at_the_centre_are_no_venue() -> None:
    text = ("1. Kurs\nKommunen skal tilby kurs for personer med diabetes, og kursene holdes i møterom ved "
            "lærings- og mestringssenteret. Fastlegen henviser, og kurset evalueres hvert år.\n")
    assert levels.without_venues(text) == text
    assert levels.judge(AgreementText.from_text(HEAD + text), "lms_level").value >= 2


def test_a_nynorsk_frequency_is_a_concrete_detail() -> None:
    nn = "1. Kurs\nKommunen skal tilby kurs for personar med diabetes to gonger i året.\n"
    nb = "1. Kurs\nKommunen skal tilby kurs for personer med diabetes to ganger i året.\n"
    assert levels.judge(AgreementText.from_text(HEAD + nn), "lms_level").value == levels.judge(
        AgreementText.from_text(HEAD + nb), "lms_level").value == 3


@pytest.mark.parametrize(("field", "nn", "nb"), [
    # a signal: coping with illness
    ("lms_level", "1. Kurs\nKommunen skal gje tilbod om kurs i meistring av sjukdom til innbyggjarane.\n",
     "1. Kurs\nKommunen skal gi tilbud om kurs i mestring av sykdom til innbyggerne.\n"),
    # concrete details: a frequency, a duration
    ("lms_level", "1. Kurs\nKommunen skal tilby diabeteskurs halvårleg.\n",
     "1. Kurs\nKommunen skal tilby diabeteskurs halvårlig.\n"),
    ("lms_level", "1. Kurs\nKommunen skal tilby diabeteskurs. Kursa har ei varigheit på fire veker.\n",
     "1. Kurs\nKommunen skal tilby diabeteskurs. Kursene har en varighet på fire uker.\n"),
    # the centre only as the venue of a committee's meetings
    ("lms_level", "1. Samarbeidsutval\nUtvalet møtest på lærings- og meistringssenteret, og partane har ansvar "
     "for sekretariatet etter tur.\n",
     "1. Samarbeidsutvalg\nUtvalget møtes på lærings- og mestringssenteret, og partene har ansvar for "
     "sekretariatet etter tur.\n"),
    # a signal: users and next of kin involved
    ("user_participation_level", "1. Samarbeid\nBrukarar og pårørande skal involverast i arbeidet med avtalen.\n",
     "1. Samarbeid\nBrukere og pårørende skal involveres i arbeidet med avtalen.\n"),
])
def test_nynorsk_forms_grade_as_their_bokmaal_forms(field: str, nn: str, nb: str) -> None:
    assert levels.judge(AgreementText.from_text(HEAD + nn), field).value == levels.judge(
        AgreementText.from_text(HEAD + nb), field).value


@pytest.mark.parametrize(("nn", "nb"), [
    ("Møtet finn stad hjå LMS.", "Møtet finner sted hos LMS."),
    ("Sekretariatet held til i lokala hjå LMS.", "Sekretariatet holder til i lokalene hos LMS."),
    ("Lærings- og meistringstilbod er omtala i delavtalen om utskriving.",
     "Lærings- og mestringstilbud er omtalt i delavtalen om utskrivning."),
])
def test_nynorsk_mention_contexts_are_mention_contexts(nn: str, nb: str) -> None:
    def rules(sentence: str) -> list[str]:
        doc = AgreementText.from_text(HEAD + "1. Andre forhold\n" + sentence + "\n")
        return [g.rule for g in levels.grade_passages(doc, levels.LMS)]

    assert rules(nn) == rules(nb) == ["mention_context"]


@pytest.mark.parametrize("sentence", [
    "Pasienter og pårørende skal bli hørt når tilbudet evalueres.",
    "Pasienten sitt syn skal leggjast vekt på i planlegginga.",
    "Pasienten og pårørande skal få vere med på å planleggje utskrivinga.",
    "Pasientens egne mål skal legges til grunn for oppfølgingen.",
])
def test_the_patients_say_in_their_own_care_is_a_principle(sentence: str) -> None:
    doc = AgreementText.from_text(HEAD + "4. Utskriving\nKommunen skal ta imot pasienten. " + sentence + "\n")
    assert levels.judge(doc, "user_participation_level").value == 1


def test_informing_the_patient_is_no_participation() -> None:
    doc = AgreementText.from_text(HEAD + "4. Utskriving\nPasienten skal få informasjon om tilbudet i kommunen.\n")
    assert levels.judge(doc, "user_participation_level").value == 0


def test_a_meeting_compound_held_at_the_centre_is_blanked_as_a_venue() -> None:
    text = ("5. Pasient og pårørande\nSamarbeidsmøtet kan haldast i lokala til Lærings- og meistringssenteret på "
            "Stord dersom pasienten ønskjer det.\n")
    assert "meistringssenteret" not in levels.without_venues(text)


def test_appointing_another_members_representative_is_no_user_appointment() -> None:
    # the GP representative is appointed; the user representatives next in the list are not said to be
    text = ("6. Strategisk samarbeidsutvalg (SSU)\nSSU er sammensatt slik:\n"
            " • fire representanter fra HNT,\n"
            " • én representant for fastlegene, oppnevnt av praksiskonsulentordningen,\n"
            " • to brukerrepresentanter med tale- og forslagsrett, som deltar i utvalgets arbeid.\n"
            "SSU skal utvikle og evaluere samarbeidet og møtes fire ganger i året.\n")
    assert levels.judge(AgreementText.from_text(HEAD + text), "user_participation_level").value == 2
    appointed = text.replace("med tale- og forslagsrett", "oppnevnt av brukerutvalget, med tale- og forslagsrett")
    assert levels.judge(AgreementText.from_text(HEAD + appointed), "user_participation_level").value == 3


def test_a_peer_from_a_patient_organisation_teaching_the_course_is_a_mechanism() -> None:
    text = "2. Kurs\nKommunen skal tilby KOLS-kurs. En likeperson fra LHL deltar som kursholder på hvert kurs.\n"
    assert levels.judge(AgreementText.from_text(HEAD + text), "user_participation_level").value == 2


def test_courses_for_staff_are_no_learning_and_coping_work() -> None:
    staff = ("3. Kunnskapsoverføring\nLærings- og mestringssenteret ved UNN kan tilby kommunens ansatte kurs i "
             "helsepedagogikk.\n")
    patients = ("3. Kurs\nLærings- og mestringssenteret ved UNN skal tilby kurs for pasienter og pårørende, og "
                "kommunens ansatte kan delta.\n")
    assert levels.judge(AgreementText.from_text(HEAD + staff), "lms_level").value == 1
    assert levels.judge(AgreementText.from_text(HEAD + patients), "lms_level").value >= 2
