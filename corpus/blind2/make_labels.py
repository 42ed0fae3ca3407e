"""Write labels.jsonl for corpus/blind2 (run once; the labels are the author's judgement)."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELG = sorted(["Bindal", "Sømna", "Brønnøy", "Vega", "Vevelstad", "Herøy", "Alstahaug", "Leirfjord", "Vefsn",
               "Grane", "Hattfjelldal", "Dønna", "Nesna", "Hemnes", "Rana", "Lurøy", "Træna", "Rødøy"])
FIELDS = ["file", "language", "kind", "health_trust", "municipalities", "adopted", "revised", "signature",
          "lms_level", "user_participation_level", "commitment", "statutory_points", "meeting_arenas"]
ROWS = [
 ("tune/c01_overordnet_helgelandssykehuset_kommunene.pdf", "nb", "overordnet", "Helgelandssykehuset HF", HELG,
  "2021-02-17", "2023-11-08", "signed", 2, 3, "high", [1, 2, 12, 13], True,
  "All 18 municipalities are listed by name, so the list, not '*'. adopted: version 2.0 approved by Partnerskapsmøtet 17.02.2021 is earlier than the entry into force 1. mars 2021 (footer 'Gyldig fra 01.03.2021'); 2012 is the replaced agreement. revised: newest version-table row 2.1, 08.11.2023. Signed by the closing statement 'elektronisk godkjent'. LMS 2 not 3: responsibilities (HF pasient- og pårørendeopplæring, municipalities LMS/frisklivstilbud, inform each other) but no named offers/routines. UP 3: brukerutvalg + kommunale råd appoint two reps with fixed seat in OSO, ungdomsråd one, role in designing pathways and yearly evaluation. Points: 1 (sec. 5), 2 (via LMS>=2), 12 (sec. 6), 13 (sec. 8); delavtale list 1-11 is a list only. Mo i Rana/Mosjøen/Sandnessjøen are hospital sites."),
 ("tune/c02_tjenesteavtale2_kragero_sthf.docx", "nb", "delavtale", "Sykehuset Telemark HF", ["Kragerø"],
  "2012-12-13", "2022-09-12", "signed", 3, 1, "high", [2], False,
  "adopted: first entered into by Kragerø kommunestyre 13.12.2012 (in force 1.2.2013); the 2022 signatures (20/22.09.2022) sign the revision and are not a revision date. revised: header 'Sist revidert 12.09.2022' and sec. 9. Judgement: one could read 'this version' as 2022, but the spec asks for first entry. LMS 3: named courses (Leve med kols, Hjerteskolen, Bra mat), who runs what, referral routine, contact persons, yearly evaluation. UP 1: principle only. Points: 2 only; admission/discharge refer to TA 3/5 without content. meeting false: samarbeidsutvalget only receives a report (passing mention); the contact persons' yearly review is a task, not a described arena."),
 ("tune/c03_delavtale4_ohd_kristiansund_hmr.txt", "nb", "delavtale", "Helse Møre og Romsdal HF", ["Kristiansund"],
  "2016-01-01", None, "unsigned", 0, 1, "high", [4], False,
  "Windows line endings. Signature block has only blank 'Dato: ____ Underskrift: ____' lines -> unsigned. adopted: judgement call - the text states 'gjelder fra 1. januar 2016' and is not marked as a draft, so the stated effective date is kept although the copy is unsigned. UP 1: 'Pasienter og pårørende skal bli hørt når tilbudet evalueres' is a principle without mechanism. Samarbeidsutvalget is a passing mention (no members/frequency)."),
 ("tune/c04_tenesteavtale9_ikt_vaksdal_helse_bergen.html", "nn", "delavtale", "Helse Bergen HF", ["Vaksdal"],
  "2023-06-14", None, "unknown", 0, 0, "high", [9], True,
  "Municipal web page with menu, cookie bar, breadcrumb and footer ('sist oppdatert 19.01.2024' is site chrome, not a revision). adopted: 'Vedteke i samarbeidsutvalet 14.06.23, sak 12/23' (earlier than 'gjeld frå 1. september 2023'). No signature block and no statement -> unknown. LMS 0 and UP 0: brukarstøtte/superbrukarar/IT-users are not LMS or user participation; staff courses in messaging are staff training. meeting true: fagleg samarbeidsutval for IKT with members and 'to gonger i året'."),
 ("tune/c05_saeravtale_lms_gjovik_toten_si.odt", "nb", "delavtale", "Sykehuset Innlandet HF", ["Gjøvik", "Vestre Toten", "Østre Toten"],
  "2021-11-03", "2023-06", "signed", 3, 3, "high", [2], True,
  "ODT. Særavtale -> delavtale. adopted: approved in Samhandlingsutvalget 3 November 2021 (in force 1.1.2022). revised: 'Revidert juni 2023' (header and sec. 8) -> month precision. '(sign.)' with names -> signed. LMS 3: named courses, division of responsibility, joint Pårørendeskole with employer/cost split, referral, calendar, evaluation report. UP 3: brukerutvalg and municipal councils appoint reps for two years to the working group that plans and evaluates; likepersoner as course leaders. meeting true: working group, members, four times a year. Gjøvik sykehus is a site; Raufoss a town."),
 ("tune/c06_samhandlingsrutine_utskriving_psykisk_helse_kvinnherad_fonna.pdf", "nn", "retningslinje", "Helse Fonna HF", ["Kvinnherad"],
  "2019-05-22", "2024-02-07", "unknown", 1, 1, "low", [5], False,
  "Samhandlingsrutine, not a numbered agreement -> retningslinje. adopted: 'Godkjend ... 2019-05-22'; revised: 'Revidert 2024-02-07' (also header 'Sist endra 07.02.2024' and version 2.0). No signature block -> unknown. commitment low: nearly every obligation is 'bør'; 'skal leggjast vekt på' is passive; only sec. 7 'har ansvar for' is binding. LMS 1: the LMS centre on Stord is only a possible meeting venue (Stord is not a party). Points: 5 (utskrivingsklare pasientar); one could argue 2 (discharge) too, but the text frames itself as supplementing tenesteavtale 5 on discharge-ready patients. Fagleg samarbeidsutval is a passing mention."),
 ("tune/c07_delavtale11_beredskap_grimstad_sshf.html", "nb", "delavtale", "Sørlandet sykehus HF", ["Grimstad"],
  "2018-04-23", "2022-01-15", "signed", 0, 0, "high", [11], True,
  "HF web page with cookie banner/menus/sidebar; the chrome footer date 02.02.2024 is not a revision. adopted: Grimstad bystyre 23.04.2018 (earlier than the signing 3 May 2018). revised: 'Sist endret 15.01.2022'. 'Avtalen er signert av begge parter 3. mai 2018' -> signed. Arendal/Kristiansand are sites/AMK locations, not parties. meeting true: Beredskapsforum with members and at least yearly."),
 ("tune/c08_motereferat_samarbeidsutvalg_harstad_unn.docx", "nb", "annet", "Universitetssykehuset Nord-Norge HF", ["Harstad"],
  None, None, "unknown", 2, 2, "high", [2], True,
  "Minutes of a meeting -> annet. Meeting dates (05.12.2023, 12.09.2023, 12.03.2024) are not adopted/revised. No signature (referent only) -> unknown. LMS 2: decisions assign general tasks (overviews of offers, proposal for division of responsibility) without concrete offers/routines. UP 2: a user representative appointed by UNN's brukerutvalg sits in the committee; no role in developing/evaluating offers described -> not 3. commitment high: the decisions are 'skal' with named parties. Points: only 2 via the LMS rule (discharge statistics are information only). meeting true: members listed, meets four times a year. UNN Harstad is a site."),
 ("tune/c09_tenesteavtale5_utskrivingsklare_sande_hmr.txt", "nn", "delavtale", "Helse Møre og Romsdal HF", ["Sande"],
  "2013-01-30", "2019-11", "signed", 1, 1, "high", [5], False,
  "cp1252 text. adopted: 'første gong inngått 30.01.2013'. revised: 'Revidert november 2019' (the revised version applies from 1.12.2019 - that is an effective date of the revision, so month precision from the revision statement). Names with place and date at the signature lines -> signed (Larsnes/Ålesund are places). LMS 1: only 'regulert i tenesteavtale 2'. UP 1: principle."),
 ("tune/c10_delavtale13_barn_unge_sarpsborg_so.pdf", "nb", "delavtale", "Sykehuset Østfold HF", ["Sarpsborg"],
  "2023-06-21", None, "signed", 2, 3, "high", [2, 13], True,
  "adopted: signed 21.06.2023 (both parties), earlier than 'Gyldig fra 01.09.2023' in header; the version table has only 1.0 -> revised null; 'revideres innen utgangen av 2025' is planned. LMS 2: sec. 6 gives general responsibilities, no named offers or routines. UP 3: both ungdomsråd and brukerutvalg appoint members with fixed seats, role in yearly evaluation and developing routines. Points: 13 (content), 2 via LMS rule. Kalnes is a hospital site."),
 ("tune/c11_overordna_samarbeidsavtale_helse_forde_utkast.docx", "nn", "overordnet", "Helse Førde HF", ["*"],
  None, None, "unsigned", 1, 2, "high", [1, 12], True,
  "Header 'UTKAST 2 – til politisk handsaming' -> draft: adopted null, signature unsigned (also blank signature table). 'kvar einskild kommune i Helse Førde sitt opptaksområde' without a list -> ['*']. 2020 date is the replaced agreement. LMS 1: only in legal-basis paragraph and list of tenesteavtalar. UP 2: two user reps with fixed seat in SSU (mechanism), no appointment/role -> not 3. Points: 1 (sec. 4), 12 (sec. 5); 13 etc. only listed. meeting true: SSU composition and four meetings a year."),
 ("tune/c12_delavtale6_kunnskapsoverforing_trondheim_stolav.html", "nb", "delavtale", "St. Olavs hospital HF", ["Trondheim"],
  "2023-06-14", None, "signed", 1, 0, "low", [6], True,
  "Plain HTML without chrome. adopted: 'Vedtatt i Samarbeidsutvalget (SU) 2023-06-14' (signed 20 June 2023, later). '(sign.)' with names -> signed. commitment low: obligations are bør/kan/legge til rette for/tilstrebe; only 'Hver part dekker lønn' is firm. LMS 1: the LMS centre only appears as provider of a staff course in health pedagogy (staff training is not LMS work). meeting true: faglige nettverk with participants and 'to ganger per semester'."),
 ("heldout/d01_samarbeidsavtale_kongsberg_vestre_viken.pdf", "nb", "overordnet", "Vestre Viken HF", ["Kongsberg"],
  "2012-01-25", "2016-03-10", "signed", 2, 2, "high", [1, 2, 7], True,
  "adopted: earliest signing 25.01.2012 (in force 1.2.2012); revised 10.03.2016 (footer and sec. 9). Drammen is the place of signing, not a party. LMS 2: general responsibilities for patient education/opplæring. UP 2: brukerutvalget has one seat in OSU. Points 1, 2 (LMS rule), 7 (praksisplasser with tasks); predates 12/13. meeting true: OSU 3+3+1, three times a year."),
 ("heldout/d02_tjenesteavtale3_innleggelse_vagan_nlsh.docx", "nb", "delavtale", "Nordlandssykehuset HF", ["Vågan"],
  "2022-04-04", None, "signed", 0, 1, "high", [3], False,
  "Signed electronically 4 April 2022 and takes effect on signing -> adopted 2022-04-04; replaced 2012 agreement rejected. ØH-senger only mentioned (no content for point 4). UP 1 principle (information, patient's wishes)."),
 ("heldout/d03_tenesteavtale8_jordmor_hyllestad_helse_forde.txt", "nn", "delavtale", "Helse Førde HF", ["Hyllestad"],
  "2019-03-21", "2023-05-11", "signed", 0, 1, "high", [6, 8], False,
  "adopted: kommunestyre 21 March 2019 (in force 1.4.2019). revised: 'Rev. 11.05.23'. 'elektronisk godkjent' -> signed. Fjaler is a partner in a staffing arrangement, not a party. Points: 8; 6 because 3.3 gives a concrete hospitering task (judgement). LMS 0."),
 ("heldout/d04_underavtale_lms_hammerfest_finnmarkssykehuset.html", "nb", "delavtale", "Finnmarkssykehuset HF", ["Hammerfest"],
  "2019-11-12", "2022-01", "unknown", 3, 2, "low", [2], True,
  "Underavtale to TA 2 -> delavtale. HF chrome date not a revision. LMS 3 (named courses, referral, group meeting twice a year, evaluation) but commitment low (kan/bør/tilstrebe dominate) -> not a good example. UP 2: a user rep in the group, no appointment/role in design beyond planning -> 2. No signature -> unknown."),
 ("heldout/d05_samhandlingsrutine_lms_bjornafjorden_helse_bergen.pdf", "nn", "retningslinje", "Helse Bergen HF", ["Bjørnafjorden"],
  "2022-10-03", None, "unknown", 3, 3, "high", [2], True,
  "Samhandlingsrutine -> retningslinje. adopted: godkjend 2022-10-03 (header 'Gyldig frå 01.11.2022' later). LMS 3, UP 3 (appointed by brukarutval and råd, two-year term, yearly evaluation). meeting true (twice a year)."),
 ("heldout/d06_delavtale10_forebygging_lillehammer_si_utkast.docx", "nb", "delavtale", "Sykehuset Innlandet HF", ["Lillehammer"],
  None, None, "unsigned", 2, 0, "high", [2, 10], False,
  "Høringsutkast: adopted null (hearing deadline and proposed start date rejected), dotted signature lines -> unsigned. LMS 2: frisklivs-, lærings- og mestringstilbud assigned in general terms, referral in general terms. Points 10 and 2 via LMS rule."),
 ("heldout/d07_tenesteavtale1_ansvar_orsta_hmr.html", "nn", "delavtale", "Helse Møre og Romsdal HF", ["Ørsta"],
  "2012-07-01", "2020-06-18", "signed", 2, 1, "high", [1, 2], False,
  "Municipal page with chrome. adopted 01.07.2012; revised version adopted 18.06.2020; signing dates 29/30.06.2020 are not revisions. LMS 2 general responsibilities. Volda/Ålesund are hospital sites."),
 ("heldout/d08_delavtale12_felles_planlegging_notodden_tinn_hjartdal_sthf.pdf", "nb", "delavtale", "Sykehuset Telemark HF", ["Hjartdal", "Notodden", "Tinn"],
  "2023-03-02", None, "signed", 1, 3, "high", [12], True,
  "'Dokumentet er elektronisk signert' -> signed. LMS 1: only as an innsatsområde in a list. UP 3. Points: 12 only (barn og unge only listed). Rjukan/Notodden sites not parties beyond the municipalities."),
 ("heldout/d09_saksframlegg_saeravtale_lms_ullensvang_fonna.txt", "nn", "annet", "Helse Fonna HF", ["Ullensvang"],
  None, None, "unknown", 2, 2, "low", [2], False,
  "Saksframlegg -> annet. Meeting dates, draft date 02.05.2024 and sak 45/12 rejected. No signature. LMS 2: describes general division of responsibility. commitment low: the document itself imposes nothing and the summarised agreement's soft 'bør' wording dominates. UP 2: user rep in working group."),
 ("heldout/d10_delavtale2b_psykisk_helse_rus_ullensaker_ahus.txt", "nb", "delavtale", "Akershus universitetssykehus HF", ["Ullensaker"],
  "2020-11-12", "2023-04-27", "signed", 3, 2, "high", [2], True,
  "Version 1.0 vedtatt i OSU 12.11.2020 earlier than signatures; revised version 1.1. LMS 3 (Pårørendeskolen, named courses, who does what, contact persons, yearly evaluation). UP 2: two user reps in fagråd without appointment/role. Jessheim/Lørenskog are places."),
 ("heldout/d11_delavtale2_habilitering_rehabilitering_steinkjer_hnt.docx", "nb", "delavtale", "Helse Nord-Trøndelag HF", ["Steinkjer"],
  "2017-06", "2021-03", "unknown", 1, 2, "low", [2], False,
  "LMS 1: 'regulert i egen avtale'. UP 2: user organisations heard on revision. commitment low (bør/kan). No signature. Levanger/Namsos are hospital sites."),
 ("heldout/d12_samarbeidsavtale_narvik_unn.odt", "nb", "overordnet", "Universitetssykehuset Nord-Norge HF", ["Narvik"],
  "2022-06-15", None, "signed", 1, 1, "high", [1, 12, 13], True,
  "adopted: UNN board 15.06.2022 is the earliest approval (bystyre 23.06.2022, in force 1.8.2022). Ballangen/Tysfjord former municipalities; Tromsø place of signing. LMS 1 (list only). UP 1 principle."),
]

with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
    for row in ROWS:
        rec = dict(zip(FIELDS, row[:13]))
        rec["good_example"] = rec["lms_level"] == 3 and rec["commitment"] == "high"
        rec["needs_ocr"] = False
        rec["error"] = None
        rec["notes"] = row[13]
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(len(ROWS))
