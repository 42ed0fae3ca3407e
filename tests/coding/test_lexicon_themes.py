"""The lexicon coder finds the right themes in short realistic sentences (nb, nn, en)."""

from __future__ import annotations

import pytest

from samrev.coding.lexicon import LexiconCoder

# (text, themes that must be found): survey answers, agreement clauses, abstract sentences.
CASES: list[tuple[str, set[str]]] = [
    # bokmål
    ("Vi har gode erfaringer med felles møteplasser mellom kommunen og helseforetaket.", {"meeting_arenas"}),
    ("Det er for lite tid og ressurser til å delta i samarbeidet.", {"funding_resources"}),
    ("Brukermedvirkning skal ivaretas i planlegging og evaluering av tilbudene.", {"user_participation"}),
    (
        "Kommunen mangler oversikt over hvilke lærings- og mestringstilbud sykehuset har.",
        {"offer_information"},
    ),
    (
        "Utskrivningsklare pasienter sendes hjem uten at kommunen får beskjed i tide.",
        {"discharge_transitions"},
    ),
    ("Partene skal sørge for at avtalen blir revidert hvert annet år.", {"agreement_content"}),
    ("Spesialisthelsetjenesten har veiledningsplikt overfor kommunene.", {"competence_guidance"}),
    (
        "Elektroniske meldinger og PLO-meldinger brukes i all kommunikasjon mellom partene.",
        {"ict_communication"},
    ),
    ("Samarbeidet er godt forankret i ledelsen på begge sider.", {"leadership_anchoring"}),
    ("Det er uklart hva begrepet lærings- og mestringsvirksomhet betyr.", {"terminology"}),
    ("Tilbudet bør tilpasses den samiske befolkningen, og det må være tilgang på tolk.", {"sami_minorities"}),
    ("Under koronapandemien ble alle kurs avlyst.", {"pandemic_capacity"}),
    ("Vi kjenner for lite til hverandres tjenester.", {"mutual_knowledge"}),
    ("Det er god dialog og stor tillit mellom fagfolkene.", {"relations_trust"}),
    (
        "Kommunene opplever at sykehuset setter premissene, og at samarbeidet ikke prioriteres.",
        {"equal_partnership"},
    ),
    ("Pasientforløpene henger ikke sammen, og tilbudene overlapper hverandre.", {"complementary_offers"}),
    (
        "Frisklivssentralen og LMS-tilbudet på sykehuset utfyller hverandre godt.",
        {"offer_information", "complementary_offers"},
    ),
    (
        "Kommunen og helseforetaket har inngått en samarbeidsavtale om lærings- og mestringstilbud.",
        {"agreement_content", "offer_information"},
    ),
    # nynorsk
    ("Brukarmedverknad er godt teke vare på i planlegginga av tilboda.", {"user_participation"}),
    ("Det manglar ei oversikt over lærings- og meistringstilboda i kommunane.", {"offer_information"}),
    ("Utskrivingsklare pasientar vert sende heim utan at kommunen er førebudd.", {"discharge_transitions"}),
    (
        "Helseføretaket har rettleiingsplikt overfor kommunane og skal bidra med kompetanse.",
        {"competence_guidance"},
    ),
    ("Vi treng faste møteplassar med helseføretaket.", {"meeting_arenas"}),
    ("Leiarforankring og eigarskap til samarbeidet er avgjerande.", {"leadership_anchoring"}),
    ("Det er for lite ressursar og finansiering til felles tilbod.", {"funding_resources"}),
    ("Under koronapandemien vart samarbeidet sett på vent.", {"pandemic_capacity"}),
    ("Tilsette i kommunen kjenner ikkje godt nok til kvarandre sine tenester.", {"mutual_knowledge"}),
    ("Pårørande og brukarrepresentantar bør delta i fagrådet.", {"user_participation", "meeting_arenas"}),
    ("Tilbodet må tilpassast samisk språk og kultur.", {"sami_minorities"}),
    ("Omgrepet meistring vert forstått ulikt i kommunen og på sjukehuset.", {"terminology"}),
    ("Partane skal ha ein felles plan for elektronisk meldingsutveksling.", {"ict_communication"}),
    ("Tenesteavtalen vert revidert kvart år.", {"agreement_content"}),
    (
        "Samarbeidet om utskriving vart sett på vent då covid-19 ramma regionen.",
        {"discharge_transitions", "pandemic_capacity"},
    ),
    # English abstracts
    (
        "User involvement in the planning of patient education was limited.",
        {"user_participation", "offer_information"},
    ),
    (
        "Lack of funding and staff shortages hindered collaboration between hospitals and municipalities.",
        {"funding_resources"},
    ),
    (
        "Discharge planning and transitions between levels of care were poorly coordinated.",
        {"discharge_transitions", "complementary_offers"},
    ),
    ("The COVID-19 pandemic led to cancelled courses and suspended collaboration.", {"pandemic_capacity"}),
    ("Managers' anchoring of the collaboration was crucial.", {"leadership_anchoring"}),
    ("Healthcare professionals lacked knowledge of each other's services.", {"mutual_knowledge"}),
    ("Electronic messaging and video conferences facilitated communication.", {"ict_communication"}),
    ("Trust-based relationships between professionals were described as essential.", {"relations_trust"}),
    ("Courses were rarely culturally adapted for immigrants and the Sami population.", {"sami_minorities"}),
    (
        "The health trust and the municipalities were not equal partners when the agreements were "
        "negotiated.",
        {"equal_partnership", "agreement_content"},
    ),
    (
        "Unclear terminology made it hard to compare learning and coping services.",
        {"terminology", "offer_information"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_expected_themes(coder: LexiconCoder, text: str, expected: set[str]) -> None:
    hits = coder.hits(text)
    assert expected <= {hit.theme for hit in hits}
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface


def test_every_fixed_theme_is_exercised() -> None:
    from samrev.coding.codebook import FIXED_THEME_IDS

    covered = set().union(*(themes for _, themes in CASES))
    assert covered == set(FIXED_THEME_IDS)


def test_case_insensitive(coder: LexiconCoder) -> None:
    assert {h.theme for h in coder.hits("BRUKERMEDVIRKNING ER VIKTIG")} == {"user_participation"}
