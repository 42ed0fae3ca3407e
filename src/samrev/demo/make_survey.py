"""Generator of the bundled demo survey (``data/undersokelse/``): seeded, so a re-run writes the
same CSV, frame and config byte for byte, and an XLSX with the same cells.

Run ``.venv/bin/python -m samrev.demo.make_survey`` after changing it and commit the files.
The data are invented: a national follow-up survey of the collaboration on learning-and-coping
services, answered by municipal leaders (``kommune``), clinic leaders and LMS leaders in the
health trusts (``helseforetak``) and user organisations (``brukerorganisasjon``).  The export has
the shape of a Nettskjema CSV (``;``, every field quoted, CRLF, a byte-order mark) and is messy the
way real exports are: blank lines, the same submission twice, scale cells that fit no label, stray
whitespace, a group label with a typo and rows without a group, answers from the nynorsk version
of the form, and open answers with names, phone numbers, e-mail addresses, fødselsnummer and
street addresses that the analysis must pseudonymise.  The user organisations answer far less
often than the others (a low response rate the report must state).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "undersokelse"

GROUP_COLUMN = "Hvem svarer du på vegne av?"
ROLE_COLUMN = "Hvilken stilling har du?"
ORG_COLUMN = "Navn på kommune, helseforetak eller organisasjon"
GOOD = "Gi gjerne eksempler på samarbeid om lærings- og mestringstilbud som fungerer bra."
POOR = "Hvor svikter samarbeidet?"
PROPOSAL = "Hva bør endres? Kom gjerne med forslag."
ITEMS = {
    "S1": ("Vi har faste rutiner for å henvise pasienter og pårørende mellom sykehusets og kommunens tilbud.",
           "Faste henvisningsrutiner"),
    "S2": ("Kommunen blir tatt med tidlig når nye tilbud til pasienter og pårørende skal planlegges.",
           "Kommunen med tidlig i planleggingen"),
    "S3": ("Det er lett å finne informasjon om lærings- og mestringstilbudene til den andre parten.",
           "Lett å finne informasjon om tilbud"),
    "S4": ("Brukerrepresentanter er med når tilbudene planlegges og evalueres.", "Brukere med i planlegging"),
    "S5": ("Samarbeidsavtalen brukes aktivt i det daglige arbeidet.", "Avtalen brukes aktivt"),
    "S6": ("Vi har nok ressurser til å gi gode lærings- og mestringstilbud.", "Nok ressurser"),
}
SCALE_NB = ["1 – Helt uenig", "2 – Delvis uenig", "3 – Verken enig eller uenig", "4 – Delvis enig", "5 – Helt enig"]
SCALE_NN = ["1 – Heilt ueinig", "2 – Delvis ueinig", "3 – Verken einig eller ueinig", "4 – Delvis einig",
            "5 – Heilt einig"]
MISSING_NB = {"vet_ikke": "Vet ikke", "ikke_relevant": "Ikke relevant"}
MISSING_NN = {"vet_ikke": "Veit ikkje", "ikke_relevant": "Ikkje relevant"}
GROUP_LABEL = {("kommune", "nb"): "Kommune", ("kommune", "nn"): "Kommune",
               ("helseforetak", "nb"): "Helseforetak / sykehus", ("helseforetak", "nn"): "Helseføretak / sjukehus",
               ("brukerorganisasjon", "nb"): "Bruker- eller pasientorganisasjon",
               ("brukerorganisasjon", "nn"): "Brukar- eller pasientorganisasjon"}
#: latent mean per item (1–5) and group: the health trusts are more positive than the municipalities
#: on referral routines and early planning; the user organisations doubt user participation
MEANS = {
    "kommune": {"S1": 2.6, "S2": 2.2, "S3": 2.7, "S4": 3.1, "S5": 2.8, "S6": 2.1},
    "helseforetak": {"S1": 3.8, "S2": 3.6, "S3": 3.1, "S4": 3.3, "S5": 3.0, "S6": 2.3},
    "brukerorganisasjon": {"S1": 2.6, "S2": 2.7, "S3": 2.1, "S4": 1.9, "S5": 2.6, "S6": 2.2},
}
#: share answering «Vet ikke» and «Ikke relevant» per group
DONT_KNOW = {"kommune": 0.05, "helseforetak": 0.05, "brukerorganisasjon": 0.18}
NOT_RELEVANT = {"kommune": 0.02, "helseforetak": 0.03, "brukerorganisasjon": 0.08}
#: invited and responding units per group (user organisations: a low response rate)
INVITED = {"kommune": 190, "helseforetak": 150, "brukerorganisasjon": 120}
RESPONDING = {"kommune": 136, "helseforetak": 98, "brukerorganisasjon": 23}
NYNORSK = {"kommune": 0.4, "helseforetak": 0.3, "brukerorganisasjon": 0.2}
ANSWER_RATE = {"good": 0.62, "poor": 0.55, "proposal": 0.45}

USER_ORGS = ["LHL", "Diabetesforbundet", "Mental Helse", "Kreftforeningen", "Norges Astma- og Allergiforbund",
             "Norsk Revmatikerforbund", "Hjernerådet", "Landsforeningen for hjerte- og lungesyke", "Pårørendealliansen",
             "Norsk Epilepsiforbund", "Foreningen for hjertesyke barn", "Autismeforeningen", "ADHD Norge",
             "Funksjonshemmedes Fellesorganisasjon", "Norges Handikapforbund", "Blindeforbundet",
             "Hørselshemmedes Landsforbund", "Norsk Forbund for Utviklingshemmede", "Parkinsonforbundet",
             "Nasjonalforeningen for folkehelsen", "Rådet for psykisk helse", "Cerebral Parese-foreningen",
             "Ryggforeningen", "Norsk Cøliakiforening"]
REGIONS = ["Agder", "Vestland", "Rogaland", "Trøndelag", "Nordland", "Troms", "Innlandet", "Viken", "Oslo",
           "Møre og Romsdal", "Vestfold og Telemark", "Finnmark"]
FIRST_NAMES = ["Kari", "Ingrid", "Anne", "Marit", "Solveig", "Ole", "Lars", "Jon", "Knut", "Silje", "Torunn",
               "Hege", "Eirik", "Sigrid", "Bjørn", "Randi"]
SURNAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Solberg", "Bakken", "Lunde", "Moen",
            "Nygård", "Eide", "Strand", "Dahl"]
STREETS = ["Storgata", "Kirkegata", "Fjordvegen", "Parkveien", "Strandgata", "Skulevegen", "Sjøgata"]
PLACES = [("6800", "Førde"), ("5003", "Bergen"), ("4610", "Kristiansand"), ("7030", "Trondheim"),
          ("8006", "Bodø"), ("6900", "Florø"), ("2317", "Hamar")]

# --- open answers: statements per theme and kind, in bokmål (nb) and nynorsk (nn) ------------------
# Written for this demo: each says one thing about one theme, as people write in open answers.
GOOD_TEXTS: dict[str, dict[str, list[str]]] = {
    "meeting_arenas": {
        "nb": ["Vi har et fast samarbeidsmøte med LMS to ganger i året, og der tar vi opp nye kurs.",
               "Fagnettverket for kursholdere i kommunene og på sykehuset fungerer godt.",
               "Det årlige dialogmøtet mellom kommunene og helseforetaket er nyttig."],
        "nn": ["Vi har eit fast samarbeidsmøte med LMS kvart halvår, og der blir nye kurs drøfta.",
               "Nettverket for kurshaldarar frå kommunane og sjukehuset møtest jamleg, og mange kjem."],
    },
    "relations_trust": {
        "nb": ["Vi kjenner hverandre godt, og det er lett å ta en telefon når noe må løses.",
               "Godt personlig samarbeid med koordinatoren på sykehuset gjør mye."],
        "nn": ["Vi kjenner kvarandre godt, og det er lett å ringje når noko må løysast.",
               "Godt samarbeid med dei tilsette på LMS, dei er alltid hjelpsame."],
    },
    "complementary_offers": {
        "nb": ["Sykehuset gir kurs rett etter diagnosen, og kommunen følger opp med mestringskurs lokalt.",
               "Pasientene får et sammenhengende forløp fra sykehusets kurs til frisklivssentralen."],
        "nn": ["Sjukehuset har kurs tett på diagnosen, og kommunen følgjer opp med meistringskurs heime.",
               "Tilboda heng godt saman: først kurs på sjukehuset, så oppfølging i frisklivssentralen."],
    },
    "discharge_transitions": {
        "nb": ["Gode rutiner ved utskrivning, og sykehuset ringer alltid før pasienten reiser hjem.",
               "Overgangen fra sykehus til kommune fungerer bra når vi får epikrisen samme dag."],
        "nn": ["Gode rutinar ved utskriving, og sjukehuset ringjer alltid før pasienten reiser heim."],
    },
    "user_participation": {
        "nb": ["Brukerrepresentanter er med og planlegger kursene sammen med fagfolkene.",
               "Likepersoner fra brukerorganisasjonene deltar på kursene, og det setter deltakerne pris på."],
        "nn": ["Brukarrepresentantar er med og planlegg kursa saman med fagfolka.",
               "Likepersonar frå brukarorganisasjonane er med på kursa, og det blir godt motteke."],
    },
    "competence_guidance": {
        "nb": ["LMS gir oss veiledning når vi skal starte nye kurs i kommunen.",
               "Sykehuset har lært opp våre sykepleiere i kursledelse, og det har gitt et løft."],
        "nn": ["LMS gjev oss rettleiing raskt når vi skal starte nye kurs.",
               "Opplæringa i kursleiing frå sjukehuset har vore til god hjelp for dei tilsette våre."],
    },
    "offer_information": {
        "nb": ["Kursoversikten på nettsiden til LMS er oppdatert og lett å bruke.",
               "Vi får jevnlig informasjon om hvilke kurs som tilbys, og det gjør det lett å henvise."],
        "nn": ["Kursoversikta på nettsida til LMS er oppdatert og lett å bruke."],
    },
    "ict_communication": {
        "nb": ["Digitale kurs på Teams har gjort det mulig for folk i distriktet å delta.",
               "Meldingsutvekslingen mellom fastlege, sykehus og kommune fungerer godt."],
        "nn": ["Digitale kurs på Teams har gjort det mogleg for folk i distriktet å vere med."],
    },
    "mutual_knowledge": {
        "nb": ["Hospitering har gitt oss bedre kjennskap til hva den andre parten faktisk gjør."],
        "nn": ["Hospitering har gjeve oss betre kjennskap til kva den andre parten faktisk gjer."],
    },
    "agreement_content": {
        "nb": ["Delavtalen beskriver tydelig hvem som har ansvar for hvilke tilbud."],
        "nn": ["Tenesteavtalen seier tydeleg kven som har ansvar for kva tilbod."],
    },
}
POOR_TEXTS: dict[str, dict[str, list[str]]] = {
    "funding_resources": {
        "nb": ["Vi har ikke ressurser til å holde kurs, og tilbudet står og faller på ildsjeler.",
               "Det finnes ingen finansiering for kommunens andel av kursene.",
               "Kursene er avhengige av prosjektmidler, og når midlene tar slutt, stopper tilbudet."],
        "nn": ["Vi har ikkje ressursar til å halde kurs, og tilbodet står og fell på eldsjeler.",
               "Det manglar finansiering, og kommunen har ikkje tid til å prioritere dette."],
    },
    "offer_information": {
        "nb": ["Det er vanskelig å finne ut hvilke kurs sykehuset har til enhver tid.",
               "Fastlegene vet ikke om tilbudene, så pasientene blir ikke henvist."],
        "nn": ["Det er vanskeleg å få oversikt over kva kurs sjukehuset har.",
               "Fastlegane kjenner ikkje til tilboda, så pasientane blir ikkje tilvist."],
    },
    "mutual_knowledge": {
        "nb": ["Sykehuset kjenner for dårlig til hva kommunen faktisk kan tilby.",
               "Vi vet lite om hva LMS gjør, og de vet lite om oss."],
        "nn": ["Sjukehuset kjenner for dårleg til kva kommunen faktisk kan tilby."],
    },
    "equal_partnership": {
        "nb": ["Samarbeidet er ikke likeverdig; sykehuset bestemmer og kommunen skal bare gjennomføre.",
               "Kommunen blir ofte trukket inn for sent, når alt allerede er bestemt."],
        "nn": ["Samarbeidet er ikkje likeverdig, sjukehuset bestemmer og kommunen skal berre gjennomføre.",
               "Kommunen blir ofte teken med for seint, når alt alt er bestemt."],
    },
    "meeting_arenas": {
        "nb": ["Det finnes ingen arena der kommunene og sykehuset kan drøfte tilbudene sammen."],
        "nn": ["Kommunane og sjukehuset har ingen stad der tilboda kan drøftast."],
    },
    "terminology": {
        "nb": ["Begrepene i avtalen er uklare: lærings- og mestringsvirksomhet, pasientopplæring og "
               "mestringskurs brukes om hverandre."],
        "nn": ["Omgrepa i avtalen er uklare. Lærings- og meistringsverksemd, pasientopplæring og "
               "meistringskurs blir brukte om kvarandre."],
    },
    "user_participation": {
        "nb": ["Brukerne blir spurt for sent, når kurset allerede er ferdig planlagt.",
               "Brukerrepresentantene får ikke dekket reise og tapt arbeidsinntekt, så få stiller."],
        "nn": ["Brukarane blir spurde for seint, når kurset alt er ferdig planlagt."],
    },
    "discharge_transitions": {
        "nb": ["Pasientene skrives ut uten at kommunen vet at de har vært på kurs.",
               "Epikrisen kommer for sent, og oppfølgingen etter kurset glipper."],
        "nn": ["Pasientane blir skrivne ut utan at kommunen veit at dei har vore på kurs."],
    },
    "ict_communication": {
        "nb": ["Vi har ikke felles journal, og meldinger om kurs kommer ikke fram.",
               "Det er tungvint å melde på pasienter fordi påmeldingen bare går på papir."],
        "nn": ["Vi har ikkje felles journal, og meldingar om kurs kjem ikkje fram."],
    },
    "agreement_content": {
        "nb": ["Avtalen sier nesten ingenting om lærings- og mestringstilbud.",
               "Avtalen er for generell og brukes ikke i praksis."],
        "nn": ["Avtalen seier nesten ingenting om lærings- og meistringstilbod."],
    },
    "leadership_anchoring": {
        "nb": ["Samarbeidet er ikke forankret i ledelsen, så det blir personavhengig."],
        "nn": ["Samarbeidet er ikkje forankra i leiinga, så det blir personavhengig."],
    },
    "competence_guidance": {
        "nb": ["Vi mangler kompetanse på å lede grupper og får lite veiledning fra sykehuset."],
        "nn": ["Vi manglar kompetanse på å leie grupper og får lite rettleiing frå sjukehuset."],
    },
}
PROPOSAL_TEXTS: dict[str, dict[str, list[str]]] = {
    "meeting_arenas": {
        "nb": ["Det bør opprettes et fast møte mellom kommunene og LMS minst en gang i året.",
               "Vi ønsker et felles nettverk for alle som holder kurs i regionen."],
        "nn": ["Det bør skipast eit fast møte mellom kommunane og LMS minst ein gong i året.",
               "Eit årleg møte mellom partane hadde vore nok."],
    },
    "offer_information": {
        "nb": ["Lag en felles oversikt over alle kurs i kommunene og på sykehuset.",
               "Det bør finnes én nettside der pasienter og fastleger finner alle tilbudene."],
        "nn": ["Lag ei felles oversikt over alle kurs i kommunane og på sjukehuset."],
    },
    "funding_resources": {
        "nb": ["Kommunene trenger øremerkede midler til lærings- og mestringstilbud.",
               "Det bør følge penger med når oppgaver flyttes fra sykehuset til kommunen."],
        "nn": ["Kommunane treng øyremerkte midlar til lærings- og meistringstilbod."],
    },
    "user_participation": {
        "nb": ["Brukerorganisasjonene bør være med fra starten når nye tilbud planlegges.",
               "Brukerrepresentanter bør få honorar og dekket reise."],
        "nn": ["Brukarorganisasjonane bør vere med frå starten når nye tilbod blir planlagde."],
    },
    "agreement_content": {
        "nb": ["Avtalen bør si konkret hvem som gjør hva og når tilbudene skal evalueres."],
        "nn": ["Avtalen bør seie konkret kven som gjer kva, og når tilboda skal evaluerast."],
    },
    "competence_guidance": {
        "nb": ["Sykehuset bør tilby kursholderopplæring for ansatte i kommunene."],
        "nn": ["Sjukehuset bør tilby kurshaldaropplæring for tilsette i kommunane."],
    },
    "equal_partnership": {
        "nb": ["Kommunen må tas med som likeverdig part når tilbudene planlegges."],
        "nn": ["Kommunen må takast med som likeverdig part når tilboda blir planlagde."],
    },
    "ict_communication": {
        "nb": ["Vi trenger elektronisk henvisning til kursene, ikke papirskjema."],
        "nn": ["Vi treng elektronisk tilvising til kursa, ikkje papirskjema."],
    },
    "terminology": {
        "nb": ["Bruk de samme begrepene i alle avtaler og på alle nettsider."],
        "nn": ["Bruk dei same omgrepa i alle avtalar og på alle nettsider."],
    },
    "leadership_anchoring": {
        "nb": ["Ledelsen på begge sider må følge opp at avtalen faktisk brukes."],
        "nn": ["Leiinga på begge sider må følgje opp at avtalen faktisk blir brukt."],
    },
}
#: how often a theme is picked per group (higher = more often); themes not listed are not used
WEIGHTS = {
    "kommune": {"funding_resources": 5, "equal_partnership": 4, "offer_information": 3, "meeting_arenas": 3,
                "complementary_offers": 3, "competence_guidance": 3, "discharge_transitions": 2,
                "relations_trust": 2, "mutual_knowledge": 2, "agreement_content": 2, "ict_communication": 2,
                "terminology": 1, "user_participation": 1, "leadership_anchoring": 1},
    "helseforetak": {"meeting_arenas": 4, "complementary_offers": 3, "offer_information": 3, "funding_resources": 3,
                     "discharge_transitions": 3, "ict_communication": 3, "relations_trust": 2,
                     "mutual_knowledge": 2, "user_participation": 2, "competence_guidance": 2,
                     "agreement_content": 1, "terminology": 1, "leadership_anchoring": 1, "equal_partnership": 1},
    "brukerorganisasjon": {"user_participation": 6, "offer_information": 3, "complementary_offers": 2,
                           "discharge_transitions": 1, "funding_resources": 1, "relations_trust": 1},
}
EMPTY_ANSWERS = ["Vet ikke", "-", "Ingen kommentar", "Ingen merknader.", "Veit ikkje", "x"]
OPENERS = {"nb": ["", "", "", "", "Hos oss: ", "Kort sagt: "],
           "nn": ["", "", "", "", "Hos oss: ", "Kort sagt: "]}


@dataclass(slots=True)
class Person:
    group: str
    role: str
    subgroup_role: str
    organisation: str
    language: str


def _fnr(rng: random.Random) -> str:
    """A valid fødselsnummer (date, individual number, both check digits)."""
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 50))
        digits = [int(c) for c in birth.strftime("%d%m%y")] + [int(c) for c in f"{rng.randrange(0, 500):03d}"]
        k1 = 11 - sum(a * b for a, b in zip(w1, digits, strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = 11 - sum(a * b for a, b in zip(w2, digits, strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, [*digits, k2]))


def _phone(rng: random.Random) -> str:
    number = f"{rng.choice('49')}{rng.randrange(0, 10**7):07d}"
    style = rng.randrange(3)
    if style == 0:
        return number
    if style == 1:
        return f"{number[:2]} {number[2:4]} {number[4:6]} {number[6:]}"
    return f"{number[:3]} {number[3:5]} {number[5:]}"


def personal_data(rng: random.Random, person: Person) -> str:
    """One sentence with personal data, as people leave it in open answers."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    nn = person.language == "nn"
    kind = rng.randrange(6)
    if kind == 0:
        return f"Ta gjerne kontakt med meg, {first} {last}, på {_phone(rng)}."
    if kind == 1:
        return f"Kontakt: {first.lower()}.{last.lower().replace('ø', 'o').replace('å', 'a')}@example.no"
    if kind == 2:
        street = rng.choice(STREETS)
        code, place = rng.choice(PLACES)
        return (f"Kurset holdes i {street} {rng.randrange(1, 60)}, {code} {place}." if not nn else
                f"Kurset blir halde i {street} {rng.randrange(1, 60)}, {code} {place}.")
    if kind == 3:
        return (f"En pasient (fnr. {_fnr(rng)}) fikk ikke plass på kurset." if not nn else
                f"Ein pasient (fnr. {_fnr(rng)}) fekk ikkje plass på kurset.")
    if kind == 4:
        return f"Spør etter {first} {last} på LMS, tlf. {_phone(rng)}."
    return (f"Koordinator {first} {last} har gjort en stor jobb." if not nn else
            f"Koordinator {first} {last} har gjort ein stor jobb.")


def decoy(rng: random.Random) -> str:
    """Numbers that look like personal data but are not (they must stay)."""
    kind = rng.randrange(3)
    if kind == 0:
        return f"Vi søkte om {rng.randrange(2, 30)} {rng.randrange(100, 999)} 000 kroner, men fikk avslag."
    if kind == 1:
        return f"Se saksnummer 24/{rng.randrange(1000, 9999)} i kommunens arkiv."
    return f"Avtalen fra 01.0{rng.randrange(1, 9)}.20{rng.randrange(15, 24)} er ikke revidert."


def _answer(rng: random.Random, person: Person, texts: dict[str, dict[str, list[str]]]) -> str:
    weights = WEIGHTS[person.group]
    themes = [t for t in weights if t in texts]
    chosen = rng.choices(themes, weights=[weights[t] for t in themes], k=1 if rng.random() < 0.6 else 2)
    parts = []
    for theme in dict.fromkeys(chosen):
        options = texts[theme].get(person.language) or texts[theme]["nb"]
        parts.append(rng.choice(options))
    opener = rng.choice(OPENERS[person.language])
    if opener and parts:
        parts[0] = opener + parts[0]
    text = " ".join(parts)
    roll = rng.random()
    if roll < 0.09:
        text += " " + personal_data(rng, person)
    elif roll < 0.12:
        text += " " + decoy(rng)
    if rng.random() < 0.04:
        text = "  " + text + " "  # stray whitespace
    return text


def _likert(rng: random.Random, group: str, item: str, language: str) -> str:
    roll = rng.random()
    missing = MISSING_NN if language == "nn" else MISSING_NB
    dont_know = DONT_KNOW[group] * (2.0 if item == "S5" and group == "brukerorganisasjon" else 1.0)
    if roll < 0.02:
        return ""
    if roll < 0.02 + dont_know:
        return missing["vet_ikke"]
    if roll < 0.02 + dont_know + NOT_RELEVANT[group]:
        return missing["ikke_relevant"]
    value = min(5, max(1, round(rng.gauss(MEANS[group][item], 1.0))))
    labels = SCALE_NN if language == "nn" else SCALE_NB
    style = rng.random()
    if style < 0.04:
        return labels[value - 1].replace("–", "-")
    if style < 0.06:
        return f" {labels[value - 1].lower()} "
    if style < 0.08:
        return str(value)
    return labels[value - 1]


def frame_and_people(rng: random.Random) -> tuple[list[list[str]], list[Person]]:
    """The sampling frame (one row per invited unit) and the people who answered."""
    from samrev.registry.load import health_trusts_all, municipalities_of

    municipalities = [m for m in municipalities_of(2024) if m.name != "Oslo"]
    trusts = [t for t in health_trusts_all() if t.kind == "hf" and t.name != "Sunnaas sykehus HF"]
    frame: list[list[str]] = []
    units: dict[str, list[tuple[str, str, str]]] = {g: [] for g in INVITED}
    number = 1000
    for municipality in rng.sample(municipalities, INVITED["kommune"]):
        number += 1
        role = rng.choice(["Kommunalsjef helse", "Helse- og omsorgssjef", "Kommuneoverlege",
                           "Leder for frisklivssentral"])
        name = f"{municipality.name} kommune"
        frame.append([str(number), "KOM", role, name, municipality.county_name])
        units["kommune"].append((role, "", name))
    clinics = ["medisinsk klinikk", "kirurgisk klinikk", "klinikk for psykisk helsevern", "barneklinikken",
               "hjerte- og lungeklinikken", "kreftklinikken", "nevroklinikken"]
    per_trust = INVITED["helseforetak"] // len(trusts)
    for index in range(INVITED["helseforetak"]):
        trust = trusts[index % len(trusts)]
        number += 1
        lms = index // len(trusts) == per_trust - 1
        role = "LMS-leder" if lms else f"Klinikkleder, {clinics[(index // len(trusts)) % len(clinics)]}"
        frame.append([str(number), "HF", role, trust.name, ""])
        units["helseforetak"].append((role, "lms_leder" if lms else "klinikkleder", trust.name))
    orgs = [f"{org} {region}" for org in USER_ORGS for region in REGIONS]
    for name in rng.sample(orgs, INVITED["brukerorganisasjon"]):
        number += 1
        frame.append([str(number), "BRUK", "Leder", name, ""])
        units["brukerorganisasjon"].append(("Leder", "", name))
    people = []
    for group, count in RESPONDING.items():
        for role, sub, organisation in rng.sample(units[group], count):
            language = "nn" if rng.random() < NYNORSK[group] else "nb"
            if sub == "klinikkleder":
                role_text = "Klinikksjef/klinikkleiar" if language == "nn" else "Klinikksjef/klinikkleder"
            elif sub == "lms_leder":
                role_text = ("Leiar for lærings- og meistringssenter (LMS)" if language == "nn"
                             else "Leder for lærings- og mestringssenter (LMS)")
            else:
                role_text = role
            typed = organisation
            if rng.random() < 0.15:
                short = typed.replace(" kommune", "").replace(" HF", "")
                typed = short.lower() if rng.random() < 0.5 else typed.upper()
            people.append(Person(group, role_text, sub, typed, language))
    rng.shuffle(people)
    return frame, people


def build(rng: random.Random) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """Headers, response rows (blank lines as empty lists) and frame rows."""
    frame, people = frame_and_people(rng)
    headers = ["$submission_id", "$created", GROUP_COLUMN, ROLE_COLUMN, ORG_COLUMN,
               "Hvor lenge har du hatt stillingen?", *[column for column, _ in ITEMS.values()], GOOD, POOR, PROPOSAL,
               "$answer_time_ms"]
    rows: list[list[str]] = []
    ident = 41_200_000
    created = datetime(2025, 10, 6, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    for person in people:
        ident += rng.randrange(40, 900)
        created += timedelta(minutes=rng.randrange(5, 240))
        row = [str(ident), created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(10**9):09d}+02:00",
               GROUP_LABEL[(person.group, person.language)], person.role, person.organisation,
               rng.choice(["Under 2 år", "2–5 år", "Mer enn 5 år"])]
        row.extend(_likert(rng, person.group, item, person.language) for item in ITEMS)
        for kind, texts in (("good", GOOD_TEXTS), ("poor", POOR_TEXTS), ("proposal", PROPOSAL_TEXTS)):
            roll = rng.random()
            if roll < ANSWER_RATE[kind]:
                row.append(_answer(rng, person, texts))
            elif roll < ANSWER_RATE[kind] + 0.08:
                row.append(rng.choice(EMPTY_ANSWERS))
            else:
                row.append("")
        row.append(str(rng.randrange(60_000, 1_500_000)))
        rows.append(row)
    _mess(rng, rows)
    return headers, rows, frame


def _mess(rng: random.Random, rows: list[list[str]]) -> None:
    """What real exports contain: unparseable scale cells, a typo in the group, rows without a
    group, stray whitespace, the same submission twice and blank lines."""
    first_item = 6
    for value in ("3,5", "Både og", "4?", "6 – Svært enig", "ja"):
        row = rng.choice(rows)
        row[first_item + rng.randrange(len(ITEMS))] = value
    rows[rng.randrange(len(rows))][2] = "Kommmune"  # a typo: no group, rejected and reported
    rows[rng.randrange(len(rows))][2] = "Helsforetak"
    for _ in range(2):
        rows[rng.randrange(len(rows))][2] = ""
    for _ in range(3):
        row = rng.choice(rows)
        row[2] = f"  {row[2]} "
    for _ in range(4):  # a double click: the same submission twice, right after itself
        index = rng.randrange(len(rows))
        rows.insert(index + 1, list(rows[index]))
    for _ in range(3):
        rows.insert(rng.randrange(len(rows)), [])


def survey_yaml() -> str:
    """The config that maps the export and the frame to meaning."""
    items = "\n".join(f'    {key}: {{column: "{column}", label: "{label}"}}' for key, (column, label) in ITEMS.items())
    scale = "\n".join(f'    "{label}": {i}' for labels in (SCALE_NB, SCALE_NN) for i, label in enumerate(labels, 1))
    return f"""# Demo survey (invented data): maps svar.csv / svar.xlsx and utvalg.csv to meaning.
# Format: shared/spec/survey.md.  Generated by samrev.demo.make_survey.
id_column: "$submission_id"
group:
  column: "{GROUP_COLUMN}"
  values:
    "Kommune": kommune
    "Helseforetak / sykehus": helseforetak
    "Helseføretak / sjukehus": helseforetak
    "Bruker- eller pasientorganisasjon": brukerorganisasjon
    "Brukar- eller pasientorganisasjon": brukerorganisasjon
  order: [kommune, helseforetak, brukerorganisasjon]
subgroup:
  column: "{ROLE_COLUMN}"
  values:
    "Klinikksjef/klinikkleder": klinikkleder
    "Klinikksjef/klinikkleiar": klinikkleder
    "Leder for lærings- og mestringssenter (LMS)": lms_leder
    "Leiar for lærings- og meistringssenter (LMS)": lms_leder
organisation_column: "{ORG_COLUMN}"
frame:
  id_column: nr
  group_column: kategori
  group_values: {{KOM: kommune, HF: helseforetak, BRUK: brukerorganisasjon}}
  subgroup_column: stilling
  subgroup_values: {{"Klinikkleder*": klinikkleder, "LMS-leder*": lms_leder}}
  organisation_column: virksomhet
likert:
  scale:
{scale}
  missing:
    "Vet ikke": vet_ikke
    "Veit ikkje": vet_ikke
    "Ikke relevant": ikke_relevant
    "Ikkje relevant": ikke_relevant
  items:
{items}
open_questions:
  good: {{column: "{GOOD}", kind: good}}
  poor: {{column: "{POOR}", kind: poor}}
  forslag: {{column: "{PROPOSAL}", kind: proposal}}
compare: [[klinikkleder, kommune]]
thresholds: {{min_group_n: 10, min_n_test: 5, low_response_rate: 0.30, high_missing: 0.20, alpha: 0.05}}
"""


def _csv(headers: list[str], rows: list[list[str]], *, delimiter: str, quote_all: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    for row in rows:
        if row:
            writer.writerow(row)
        else:
            buffer.write("\r\n")
    return buffer.getvalue()


def _xlsx(headers: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Svar"
    sheet.append(headers)
    for row in rows:
        sheet.append([int(c) if i in (0, len(headers) - 1) and c.isdigit() else c for i, c in enumerate(row)]
                     if row else [None])
    fixed = datetime(2025, 11, 1, 12, 0)  # noqa: DTZ001 - openpyxl stores naive times
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(folder: Path = OUT) -> dict[str, int]:
    """Write svar.csv, svar.xlsx, utvalg.csv and survey.yaml to ``folder``; returns row counts."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not a secret
    headers, rows, frame = build(rng)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "svar.csv").write_bytes(
        ("\ufeff" + _csv(headers, rows, delimiter=";", quote_all=True)).encode("utf-8"))
    (folder / "svar.xlsx").write_bytes(_xlsx(headers, rows))
    (folder / "utvalg.csv").write_text(_csv(["nr", "kategori", "stilling", "virksomhet", "fylke"], frame,
                                            delimiter=",", quote_all=False), encoding="utf-8", newline="")
    (folder / "survey.yaml").write_text(survey_yaml(), encoding="utf-8")
    return {"rows": sum(1 for r in rows if r), "blank_lines": sum(1 for r in rows if not r), "frame": len(frame)}


if __name__ == "__main__":  # pragma: no cover - a maintenance script
    print(write())
