"""commitment, statutory_points and meeting_arenas on short texts in both written standards."""

from __future__ import annotations

from samrev.agreements import AgreementText
from samrev.agreements.fields import commitment, meetings, statutory

HEAD = "Delavtale 5 mellom Lillesand kommune og Sørlandet sykehus HF\n\n"


def value(module: object, text: str) -> object:
    return module.judge(AgreementText.from_text(HEAD + text)).value  # type: ignore[attr-defined]


def test_binding_phrasing_with_named_parties_is_high() -> None:
    text = ("1. Ansvar\nSSHF skal varsle kommunen innen 24 timer. Kommunen skal ta imot pasienten samme dag.\n"
            "Den parten som mottar avviket, skal svare skriftlig innen tre uker. Kommunen har ansvar for oppfølging.\n"
            "Partene bør møtes årlig.\n")
    assert value(commitment, text) == "high"


def test_soft_phrasing_is_low_in_both_standards() -> None:
    nb = ("1. Ansvar\nPartene bør samarbeide om kurs. Kommunen bør vurdere egne tilbud. Det skal utarbeides rutiner.\n"
          "Partene skal søke å etablere felles kurs. Helseforetaket kan tilby veiledning ved behov.\n")
    nn = ("1. Ansvar\nPartane bør samarbeide om kurs. Kommunen bør vurdere eigne tilbod. "
          "Det skal utarbeidast rutinar.\n"
          "Partane skal søkje å etablere felles kurs. Helseføretaket kan tilby rettleiing ved behov.\n")
    assert value(commitment, nb) == "low" and value(commitment, nn) == "low"


def test_points_need_content_and_the_own_number_counts() -> None:
    text = ("1. Utskrivningsklare pasienter\nSSHF skal melde pasienten utskrivningsklar via PLO-melding. Kommunen "
            "skal svare innen to timer om den kan ta imot pasienten.\n2. Andre avtaler\nDelavtale 9: IKT-løsninger.\n")
    assert value(statutory, text) == [5]


def test_a_toc_or_a_passing_mention_is_not_a_point() -> None:
    text = ("Innhold: Delavtale 3 – henvisning og innleggelse; Delavtale 11 – beredskap.\n"
            "1. Utskrivningsklare pasienter\nKommunen skal ta imot utskrivningsklare pasienter samme dag. "
            "Helseforetaket skal varsle om utskrivningsklare pasienter så tidlig som mulig. Betalingsplikt "
            "for kommunen gjelder fra dag to.\n")
    assert value(statutory, text) == [5]


def test_meeting_arena_needs_members_or_frequency() -> None:
    described = "1. Samarbeid\nSamarbeidsutvalget har fire medlemmer fra hver part og møtes fire ganger i året.\n"
    nynorsk = "1. Samarbeid\nPartane set ned ei arbeidsgruppe. Gruppa består av to representantar frå kvar part.\n"
    passing = ("1. Samarbeid\nSaker om avtalen legges fram for SSU.\n"
               "Kommunen kan be om et samarbeidsmøte om pasienten.\n")
    assert value(meetings, described) is True
    assert value(meetings, nynorsk) is True
    assert value(meetings, passing) is False


def test_the_parties_people_meeting_at_a_frequency_is_an_arena() -> None:
    nb = ("1. Kontaktpersoner\nHver part skal utpeke en kontaktperson. Kontaktpersonene skal møtes minst to ganger i "
          "året for å planlegge kurs.\n")
    nn = "1. Kontaktpersonar\nKontaktpersonane skal møtast kvart halvår og gå gjennom avvika.\n"
    no_detail = "1. Kontaktpersoner\nKontaktpersonene møtes ved behov.\n"
    assert value(meetings, nb) is True
    assert value(meetings, nn) is True
    assert value(meetings, no_detail) is False


UMBRELLA = "Overordnet samarbeidsavtale mellom Frøya kommune og St. Olavs hospital HF\n\n"


def umbrella_points(text: str) -> object:
    return statutory.judge(AgreementText.from_text(UMBRELLA + text), kind="overordnet").value


def test_an_umbrella_section_headed_by_a_topic_with_content_counts() -> None:
    text = ("1. Parter\nAvtalen er inngått mellom Frøya kommune og St. Olavs hospital HF.\n"
            "9. Kunnskapsoverføring og kompetanse\nSt. Olavs hospital skal tilby kommunens ansatte plass på "
            "interne fagdager innen geriatri og palliasjon.\n"
            "10. Felles planlegging og utvikling av tenester\nPartane skal kvart år lage ein felles plan med "
            "prioriterte tiltak for befolkninga.\n")
    assert umbrella_points(text) == [6, 12]
    # the same headings without the umbrella kind need the usual number of content sentences
    assert statutory.judge(AgreementText.from_text(UMBRELLA + text), kind="delavtale").value == []


def test_a_numbered_list_of_sub_agreements_gives_no_point_even_its_last_item() -> None:
    text = ("1. Delavtaler\nPartene har inngått disse delavtalene:\n"
            "6. Kunnskapsoverføring og hospitering\n"
            "7. Forskning og utdanning\n"
            "11. Beredskap\nDelavtalene skal gjennomgås av partene hvert fjerde år.\n")
    assert umbrella_points(text) == []


def test_a_research_and_development_committee_is_an_arena() -> None:
    nb = ("1. Forskning\nPartene har et felles FoU-utvalg med to representanter fra hver part. Utvalget møtes "
          "fire ganger i året.\n")
    nn = ("1. Forsking\nForskings- og utviklingsutvalet har tre medlemar frå kommunane og tre frå "
          "helseføretaket.\n")
    passing = "1. Forsking\nSøknader om midlar kan sendast til FoU-utvalet.\n"
    assert value(meetings, nb) is True
    assert value(meetings, nn) is True
    assert value(meetings, passing) is False


def test_generalised_names_are_those_a_name_pattern_finds() -> None:
    """The named parties are replaced exactly where ``(?<!\\w)name s? (kommune|HF …)? (?!\\w)`` matches."""
    import random
    import re

    rnd = random.Random(5)  # noqa: S311 (test data)
    pieces = ["Gjøvik", "Gjøvik kommune", "Gjøviks", "kommunes", " HF", "SI", "SIs", "SISI", "_SI", "xSI",
              "Helse Førde", "helseføretak", " ", "  ", "\n", ".", ",", "skal", "og", "Gjøvikkommune"]
    names = [("Helse Førde", "Helseforetaket"), ("Gjøvik", "Kommunen"), ("SI", "Helseforetaket")]
    for _ in range(3000):
        sentence = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        expected = sentence
        for name, generic in names:
            tail = r"s?(?:\s+(?:kommune|kommunes|HF|helseforetak|helseføretak))?(?!\w)"
            pattern = re.compile(rf"(?<!\w){re.escape(name)}{tail}")
            expected = pattern.sub(generic, expected)
        assert commitment.generalise(sentence, names) == expected


def test_a_routine_elaborating_a_numbered_agreement_takes_its_number() -> None:
    """One content sentence makes the point of the agreement a routine says it elaborates (as a
    number in the title would), in both written standards; a mere reference does not."""
    body = ("2. Framgangsmåte\nNår pasienten er utskrivingsklar, skal sjukehuset sende melding til kommunen.\n"
            "Kommunen bør svare same dag.\n")
    nn = ("Samhandlingsrutine for utskriving frå Sykehuset Innlandet til kommunane i Valdres\n\n"
          "1. Formål\nRutinen utdjupar tenesteavtale 5 om utskrivingsklare pasientar.\n" + body)
    nb = ("Samhandlingsrutine utskrivning – St. Olavs hospital og Trondheim kommune\n\n"
          "1. Hensikt\nRutinen utfyller delavtale 5 om utskrivningsklare pasienter.\n" + body)
    plain = ("Samhandlingsrutine utskrivning – St. Olavs hospital og Trondheim kommune\n\n"
             "1. Referanser\nSe også delavtale 5 og delavtale 9.\n" + body)
    judge = statutory.judge
    assert judge(AgreementText.from_text(nn)).value == [5]
    assert judge(AgreementText.from_text(nb)).value == [5]
    assert judge(AgreementText.from_text(plain)).value == []


def test_a_title_naming_the_topic_gives_that_point() -> None:
    text = ("Revidert delavtale om utskrivningsklare pasienter mellom Oslo kommune og Lovisenberg Diakonale "
            "Sykehus\n\n1. Melding\nSykehuset skal melde pasienten utskrivningsklar via PLO-melding.\n")
    assert statutory.judge(AgreementText.from_text(text)).value == [5]
    other = text.replace("Revidert delavtale om utskrivningsklare pasienter", "Revidert delavtale")
    assert statutory.judge(AgreementText.from_text(other)).value == []


def test_nynorsk_frequency_and_a_body_referred_to_as_utvalet() -> None:
    text = ("1. Samarbeid\nSamarbeidsutvalet for Vossaregionen er samarbeidsorganet for partane.\n"
            "2. Møteplan\nUtvalet møtest fire gonger i året, vekselvis på sjukehuset og i kommunane.\n")
    assert value(meetings, text) is True
    passing = "1. Samarbeid\nSaka vart send til utvalet.\n"
    assert value(meetings, passing) is False


def test_nynorsk_follow_up_is_a_task_word() -> None:
    nn = "1. Oppfølging\nFastlegen og heimetenesta fylgjer opp utskrivingsklare pasientar etter heimkomsten.\n"
    nb = "1. Oppfølging\nFastlegen og hjemmetjenesten følger opp utskrivningsklare pasienter etter hjemkomsten.\n"
    assert value(statutory, nn) == value(statutory, nb) == [5]


def test_nynorsk_emergency_day_care_is_point_4() -> None:
    nn = ("1. Øyeblikkeleg hjelp\nKommunen skal gje tilbod om øyeblikkeleg hjelp døgn til pasientar som treng det. "
          "Legevakta skal vurdere om pasienten kan leggjast inn på øyeblikkeleg hjelp døgn. "
          "Helseføretaket skal gje rettleiing til tilsette ved øyeblikkeleg hjelp døgn.\n")
    nb = ("1. Øyeblikkelig hjelp\nKommunen skal gi tilbud om øyeblikkelig hjelp døgn til pasienter som trenger det. "
          "Legevakten skal vurdere om pasienten kan legges inn på øyeblikkelig hjelp døgn. "
          "Helseforetaket skal gi veiledning til ansatte ved øyeblikkelig hjelp døgn.\n")
    assert 4 in value(statutory, nn) and value(statutory, nn) == value(statutory, nb)  # type: ignore[operator]


def test_nynorsk_deputies_are_members() -> None:
    nn = "1. Samarbeid\nI samarbeidsmøtet møter kommunalsjefane og deira stadfortredarar.\n"
    nb = "1. Samarbeid\nI samarbeidsmøtet møter kommunalsjefene og deres stedfortredere.\n"
    assert value(meetings, nn) is value(meetings, nb) is True


def test_nynorsk_soft_phrases_without_a_modal_are_counted_and_law_quotes_are_not() -> None:
    def strengths(text: str) -> list[str]:
        return [s for *_, s in commitment.counted_sentences(AgreementText.from_text(HEAD + text))]

    nn = "1. Samarbeid\nPartane søkjer å finne felles løysingar. Kommunen leggjer til rette for kurs.\n"
    nb = "1. Samarbeid\nPartene søker å finne felles løsninger. Kommunen legger til rette for kurs.\n"
    assert strengths(nn) == strengths(nb) == ["soft", "soft"]
    nn = "1. Lov\nI medhald av helse- og omsorgstenestelova skal kommunen tilby kurs til innbyggjarane.\n"
    nb = "1. Lov\nI medhold av helse- og omsorgstjenesteloven skal kommunen tilby kurs til innbyggerne.\n"
    assert strengths(nn) == strengths(nb) == []


def test_a_routine_that_nynorsk_follows_up_a_numbered_agreement_takes_its_number() -> None:
    body = ("2. Framgangsmåte\nNår pasienten er utskrivingsklar, skal sjukehuset sende melding til kommunen.\n"
            "Kommunen bør svare same dag.\n")
    nn = ("Samhandlingsrutine for Sykehuset Innlandet og kommunane i Valdres\n\n"
          "1. Formål\nRutinen følgjer opp tenesteavtale 5 om utskrivingsklare pasientar.\n" + body)
    nb = nn.replace("følgjer opp", "følger opp")
    assert statutory.judge(AgreementText.from_text(nn)).value == statutory.judge(
        AgreementText.from_text(nb)).value == [5]


def test_nynorsk_minutes_listing_members_present() -> None:
    nn = ("Referat frå møte i samarbeidsutvalet 12. mars 2021\n\nMedlemar til stades: Kari Nordmann, Ola Nordmann\n\n"
          "Sak 1/21 Godkjenning av innkalling\n")
    nb = ("Referat fra møte i samarbeidsutvalget 12. mars 2021\n\nMedlemmer til stede: Kari Nordmann, Ola Nordmann\n\n"
          "Sak 1/21 Godkjenning av innkalling\n")
    for text in (nn, nb):
        judgement = meetings.judge(AgreementText.from_text(text))
        assert judgement.value is True
        assert str(judgement.provenance).startswith("rule:meetings.minutes_with_attendees")


def test_the_own_point_counts_on_soft_wording() -> None:
    # a delavtale 6 whose sentences on its topic are all soft: still what it agrees on
    text = ("Delavtale 6 mellom Trondheim kommune og St. Olavs hospital HF\n"
            "Kunnskapsoverføring, faglige nettverk og hospitering\n\n"
            "1. Faglige nettverk\nPartene bør legge til rette for faglige nettverk innen prioriterte områder.\n"
            "2. Hospitering\nPartene bør tilstrebe at hospiteringen har et klart læringsmål.\n")
    assert statutory.judge(AgreementText.from_text(text)).value == [6]
    # another point, mentioned softly once, does not count
    other = ("1. Forebygging\nPartene bør legge til rette for forebyggende arbeid i kommunen.\n")
    assert value(statutory, other) == []


def test_a_professional_network_meeting_each_semester_is_an_arena() -> None:
    text = ("1. Faglige nettverk\nPartene bør legge til rette for faglige nettverk innen sårbehandling og "
            "palliasjon.\n2. Nettverkene har deltakere fra begge parter. Hvert nettverk møtes to ganger per "
            "semester.\n")
    assert value(meetings, text) is True
    assert value(meetings, "1. Nettverk\nPartene bør legge til rette for faglige nettverk.\n") is False


def test_two_named_units_meeting_twice_a_year_is_an_arena() -> None:
    nb = "1. Samarbeid\nLMS SiV og Frisklivs- og mestringssenteret skal møtes to ganger i året for å planlegge kurs.\n"
    nn = "1. Samarbeid\nKommunen og helseføretaket skal møtast årleg for å gå gjennom tilbodet.\n"
    assert value(meetings, nb) is True
    assert value(meetings, nn) is True
    assert value(meetings, "1. Samarbeid\nKommunen og helseforetaket skal møtes ved behov.\n") is False


def test_nynorsk_networks_joint_meetings_and_a_yearly_evaluation_meeting_are_arenas() -> None:
    network = ("1. Nettverk\nDet faglege nettverket for sjukepleiarar møtest to gonger i året, med ein "
               "representant frå kvar kommune.\n")
    joint = "1. Evaluering\nLMS og kommunene skal gå gjennom evalueringene i et felles møte hver høst.\n"
    yearly = ("1. Evaluering\nPartane skal ha eit årleg evalueringsmøte mellom KAD-eininga, kommuneoverlegen "
              "og medisinsk klinikk.\n")
    assert value(meetings, network) is True
    assert value(meetings, joint) is True
    assert value(meetings, yearly) is True


def test_contact_persons_named_by_their_parties_meeting_twice_a_year_is_an_arena() -> None:
    text = ("1. Kontaktpersoner\nIKT-kontaktpersonene fra Brønnøy kommune, Sømna kommune og Helgelandssykehuset HF "
            "møtes to ganger i året for å gå gjennom avvik.\n")
    assert value(meetings, text) is True


def test_units_named_with_their_places_meeting_twice_a_year_are_an_arena() -> None:
    text = ("1. Samarbeid\nKoordinerende enheter i kommunene og ved Helgelandssykehuset møtes to ganger i året, "
            "med leder og en fagperson fra hver part.\n")
    assert value(meetings, text) is True


def test_beds_for_emergency_admission_are_point_4() -> None:
    text = ("Tenesteavtale 4 mellom Smøla kommune og Helse Møre og Romsdal HF\n\n1. Tilbodet\n"
            "Smøla kommune skal ha to senger for øyeblikkeleg hjelp ved Smøla sjukeheim.\n")
    assert statutory.judge(AgreementText.from_text(text)).value == [4]
