"""The author's labels for corpus/blind8 (written before the first measurement); writes labels.jsonl.

Run: .venv/bin/python corpus/blind8/make_labels.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# file, language, kind, health_trust, municipalities, adopted, revised, signature,
# lms, user, commitment, points, meeting_arenas, notes
ROWS = [
    ("tune/m01_overordnet_sor_varanger_finnmarkssykehuset.pdf", "nb", "overordnet", "Finnmarkssykehuset HF",
     ["Sør-Varanger"], "2012-12-12", "2022-03-03", "signed", 1, 2, "high", [1, 12, 13], True,
     "Dates in text: 20.12.2012 (version 1.0 row, also board approval), 15.06.2016 (v2.0 revision), "
     "03.03.2022 (v3.0 revision, newest row; also signing date), 24. juni 2011 and 2. juli 1999 (law dates, rejected), "
     "12.12.2012 (kommunestyret vedtatt, sak 89/12 -> adopted: earliest adoption/approval date of this agreement), "
     "1. januar 2013 (in force, later than adoption), 'våren 2026' (planned revision, rejected), "
     "05.01.2024 in running footer (print date 'utskrift', rejected). Revised = newest version-table row 03.03.2022. "
     "Signed: place/date + typed names and titles at the signature lines. LMS 1: only in the list of delavtaler. "
     "User 2: one brukerrepresentant in SSU (mechanism), no appointment procedure or role in developing offers. "
     "Points: 1 (section 4 responsibilities), 12 (section 5 joint plan), 13 (section 6 barn og unge); the § 6-3 "
     "guidance sentence is restated law, not counted as point 6. Meeting arenas: SSU members and 4 times a year. "
     "Helse Nord RHF (owner) and Kirkenes sykehus (site) not parties."),
    ("tune/m02_tenesteavtale2_gulen_helse_forde.docx", "nn", "delavtale", "Helse Førde HF", ["Gulen"],
     "2013-02-14", "2021-10-11", "signed", 3, 3, "high", [2], False,
     "Dates: 11.10.2021 in the DOCX running header 'sist endra' -> revised (spec: a Sist endret line in a page header "
     "counts). 14.02.2013 kommunestyret vedteke -> adopted (earliest). 15.06.2012 = replaced interim agreement "
     "(rejected). 1. mars 2013 in force (later). 1. desember (recurring deadline, no year). 24. juni 2011 law date "
     "(rejected). 21.02.2013 and 28.02.2013 signing dates (not revisions, later than the council decision). "
     "Signed: names with place/date. LMS 3: named offers (diabetesskule twice a year, KOLS, hjartesvikt), who does "
     "what (LMS course plan by 1 Dec, kommunen follow-up courses in frisklivssentralen, named contact roles, "
     "notat to fastlege, yearly evaluation). User 3: brukarrepresentant appointed by brukarutvalet and by the "
     "council for persons with disabilities, role in planning and evaluating the courses. Point 2 only "
     "(habilitering/rehabilitering/LMS/koordinerande eining); no separate admission guideline (3) or "
     "utskrivingsklare routine (5). 'Faglege samarbeidsutval' not mentioned; no meeting arena described."),
    ("tune/m03_samhandlingsrutine_utskrivning_horten_siv.html", "nb", "retningslinje", "Sykehuset i Vestfold HF",
     ["Horten"], "2019-05-10", "2023-09-14", "unknown", 0, 1, "high", [5], False,
     "Dates: 10.05.2019 godkjent i Samhandlingsutvalget -> adopted; prose 'revidert i 2021 og 2023, sist 14. september "
     "2023' -> revised 2023-09-14; 'september 2025' planned revision (rejected); site footer 'sist oppdatert "
     "02.02.2024' is chrome (rejected). Kind: samhandlingsrutine, not a numbered agreement. No signature block or "
     "statement; 'Dokumentansvarlig' is not a signature -> unknown. LMS 0: 'Lærings- og mestringssenteret – "
     "kurskalender' and 'Brukerutvalget' appear only in the site sidebar (chrome). User 1: patient/next-of-kin "
     "involvement stated as principle. Commitment high: skal with named party (sykehuset/kommunen) in every step. "
     "Point 5 (utskrivningsklare)."),
    ("tune/m04_saksframlegg_tenesteavtale11_fjord_hmr.pdf", "nn", "annet", "Helse Møre og Romsdal HF", ["Fjord"],
     None, None, "unknown", 0, 0, "low", [11], False,
     "Kind annet: a saksframlegg (board/council case) about an agreement. Dates: 28.04.2022 and 12.05.2022 meeting "
     "dates (rejected); 'juni 2013' adoption of the earlier agreement by the former municipalities (date of another "
     "document/version, and the case only proposes approval) ; 1. januar 2020 merger date (rejected); 15.02.2022 "
     "hearing sent and 25.03.2022 hearing deadline (rejected) -> adopted null, revised null. Signature: the case "
     "ends with the saksbehandlar's 'Med helsing' - a letter signature, not a signature of the agreement; no "
     "signature block for the agreement -> unknown. Norddal/Stordal former municipalities, Valldal not parties. "
     "Commitment low: the case's own obligation-like sentences are soft ('bør på sikt vurdere', 'kan vere "
     "aktuelt'); the agreement summary is descriptive. Point 11 given content (mutual notification, coordination of "
     "preparedness plans, roles in the acute chain, joint exercise every other year) - judgement call."),
    ("tune/m05_mal_delavtale5_utskrivningsklare_sthf.txt", "nb", "annet", "Sykehuset Telemark HF", [],
     None, None, "unsigned", 0, 0, "high", [5], False,
     "Kind annet: a template (mal) of an agreement, '[Kommune]' placeholder -> no municipality party. Dates: "
     "'oktober 2020' is when the template was drafted (not adoption of an agreement); '[dato]' placeholders -> "
     "adopted/revised null. Signature unsigned: blank lines, 'Navn:'/'Tittel:' with nothing after. Commitment high: "
     "skal with sykehuset/kommunen named. Point 5 content (notification, criteria, payment)."),
    ("tune/m06_horingsutkast_delavtale9_ikt_bronnoy_somna_helgelandssykehuset.docx", "nb", "delavtale",
     "Helgelandssykehuset HF", ["Brønnøy", "Sømna"], None, None, "unsigned", 0, 0, "high", [9], True,
     "Draft: DOCX header 'HØRINGSUTKAST – ikke vedtatt' -> adopted null and signature unsigned even though names of "
     "ordførere/direktør are typed (no dates, no sign.). Dates: 20.01.2024 draft date, 15. mars 2024 hearing "
     "deadline, 'delavtale 9 av 2013' replaced agreement - all rejected; revised null. Superbrukere/brukerstøtte is "
     "not user participation or LMS -> 0/0. Meeting arenas: IKT contact persons of the three parties meet twice a "
     "year. Point 9. Helgelandssykehuset Sandnessjøen is a site."),
    ("tune/m07_referat_samhandlingsutvalget_aust_agder_sshf.pdf", "nb", "annet", "Sørlandet sykehus HF",
     ["Gjerstad", "Risør", "Tvedestrand", "Vegårshei", "Åmli"], None, None, "unknown", 1, 2, "low", [], True,
     "Kind annet: møtereferat. Parties = the trust and the municipalities of the joint body. Dates: 14.09.2023 "
     "meeting, 08.06.2023 previous meeting, 01.07.2023/01.09.2023 hearing of delavtale 2, 1. desember 2023 deadline, "
     "07.12.2023 next meeting - all meeting/hearing dates -> adopted/revised null. Signature unknown: only "
     "'Referent:'. LMS 1: an orientation from LMS taken to note (mention). User 2: brukerrepresentant from "
     "brukerutvalget sits in the body. Commitment low: no party-bound obligations ('anbefaler'). No statutory point "
     "content (revision of delavtale 2 discussed without content). Meeting arena: members and 4 meetings a year."),
    ("tune/m08_tenesteavtale4_dognopphald_tysnes_helse_fonna.odt", "nn", "delavtale", "Helse Fonna HF",
     ["Tysnes"], "2015-11-10", "2022-03-03", "signed", 0, 0, "high", [4], True,
     "Dates: 10.11.2015 vedteken i kommunestyret -> adopted (earliest); 1. januar 2016 in force (later); prose "
     "'revidert i 2018 og 2020, sist 3. mars 2022' -> revised 2022-03-03. Signed: 'signert elektronisk i Public 360' "
     "statement. Meeting arena: parties meet twice a year, members named by role. Point 4. Stord/Haugesund sjukehus "
     "are sites."),
    ("heldout/m09_overordnet_samarbeidsavtale_ostfold_indre_kommuner_so.pdf", "nb", "overordnet",
     "Sykehuset Østfold HF", ["Aremark", "Hvaler", "Marker", "Rakkestad", "Skiptvet"], "2012-06-20", "2023-11-30",
     "signed", 2, 3, "high", [1, 2, 6, 12], True,
     "Dates: 'tjuende juni 2012 (2012-06-20)' inngått -> adopted; 1. juli 2012 in force (later); revised 2016-02-11 "
     "and 2023-11-30 (latest, also running footer 'Sist endret 2023-11-30'); 24. juni 2011 law date; signing date "
     "2012-06-20 (same as adoption). Signed: '(sign.)' with names for all six parties. LMS 2: responsibilities in "
     "general terms, no named offers. User 3: OSU with two user representatives, appointment by brukerutvalget and "
     "by the council after FFO proposal, role in developing and evaluating offers. Points 1, 2 (via LMS level 2), 6 "
     "(hospitering, fagnettverk), 12 (felles handlingsplan, involvement in plans). OSU members + 4 meetings/year. "
     "Kalnes = site; Helse Sør-Øst RHF owner, not party."),
    ("heldout/m10_delavtale3_innleggelse_ovre_eiker_vestre_viken.docx", "nb", "delavtale", "Vestre Viken HF",
     ["Øvre Eiker"], "2013-03-12", "2023-06", "unsigned", 0, 0, "high", [3], False,
     "Kind delavtale although titled 'Retningslinjer for ...'. Dates: 'Første versjon vedtatt 12.03.13' (two-digit "
     "year) -> adopted 2013-03-12; 'Rev. 02.09.19' earlier revision; 'vedtatt i OSU i juni 2023' this version -> "
     "revised 2023-06 (latest revision). Signature page with only titles and dotted lines, empty 'Sted og dato' -> "
     "unsigned. Drammen sykehus = site. Point 3."),
    ("heldout/m11_overordna_samarbeidsavtale_modalen_helse_bergen.html", "nn", "overordnet", "Helse Bergen HF",
     ["Modalen"], "2012-12-12", "2021-06-07", "signed", 1, 2, "high", [1, 10, 12], True,
     "Dates: 12.12.2012 kommunestyret vedteke (sak 89/12) -> adopted (earliest); 20.12.2012 board approval (later); "
     "revised agreement vedteken 7. juni 2021 -> revised; municipal site footer 'Sida vart sist oppdatert "
     "19.01.2024' is chrome (rejected). Signed: 'Dokumentet er godkjent elektronisk' statement. Haraldsplass has its "
     "own agreement and is not a party here; Haukeland is a site. LMS 1: 'regulert i tenesteavtale 2'. User 2: "
     "brukarrepresentantar attend partnarskapsmøtet. Points 1, 10 (data + fall prevention), 12 (helsefellesskap "
     "planning). Meeting arena: partnarskapsmøtet yearly with members."),
    ("heldout/m12_veileder_laerings_mestringstilbud_helse_stavanger.pdf", "nb", "annet", "Helse Stavanger HF", ["*"],
     "2021", "2024-01", "unknown", 3, 2, "low", [2], True,
     "Kind annet: a veileder, says itself it is not an agreement. Municipalities '*': 'kommunene i Helse Stavangers "
     "opptaksområde' without a list. Dates: 'godkjent av Faglig samarbeidsutvalg våren 2021' -> adopted 2021 (year is "
     "the most precise form for a season); 'oppdatert januar 2024' -> revised 2024-01; footer 'Utskrevet 12.02.2024' "
     "print date (rejected). No signature block -> unknown. LMS 3: named offers (diabetesskole type 1, epilepsy "
     "parents course, Bra liv med KOLS, KiD, pårørendeskole demens), who does what, referral and message routine, "
     "contact persons, network twice a year, evaluation. Commitment low: bør/kan/anbefales throughout. User 2: "
     "brukerrepresentant and likepersoner in course planning (mechanism), no appointment procedure. Meeting arena: "
     "LMS network with members and frequency."),
    ("heldout/m13_prosedyre_hjerterehabilitering_namsos_hnt.pdf", "nb", "retningslinje", "Helse Nord-Trøndelag HF",
     ["Namsos"], "2019-04-03", "2022-10-18", "unsigned", 3, 1, "high", [2], False,
     "Kind retningslinje: felles prosedyre, not a numbered agreement. Dates: version table 1.0 2019-04-03 godkjent -> "
     "adopted; 1.1 2022-10-18 change after first version -> revised; footer 'Utskrift 12.01.2024' print date "
     "(rejected). Signature: 'Underskrift: ____' blank lines -> unsigned. LMS 3: Hjerteskolen (four sessions, spring "
     "and autumn) at LMS Sykehuset Namsos, 'Bra liv med hjertesykdom' in frisklivssentralen, referral before "
     "discharge, message, contact within two weeks, named contacts, yearly evaluation. User 1: principle only. "
     "Sykehuset Namsos = site. Point 2. good_example true."),
    ("heldout/m14_hoyringsfrasegn_overordna_avtale_solund_helse_forde.txt", "nn", "annet", "Helse Førde HF",
     ["Solund"], None, None, "unknown", 1, 1, "low", [], False,
     "Kind annet: høyringsfråsegn (hearing letter). Dates: 20.03.2023 letter date, 10.01.2023 hearing letter, "
     "1. april 2023 hearing deadline, 2012/2019 dates of the current agreement (another document) -> adopted/revised "
     "null. Signature: letter signed by kommunalsjef with saksbehandlar - not a signature of an agreement; no "
     "signature block/statement -> unknown. LMS 1: mentioned as missing/wish. User 1: principle ('må takast betre vare "
     "på'). Commitment low: bør/ønskjer/vurderer, no party-bound obligations. No point content."),
    ("heldout/m15_arsmelding_samhandlingsutvalget_nord_troms_unn.html", "nb", "annet",
     "Universitetssykehuset Nord-Norge HF", ["Kvænangen", "Kåfjord", "Nordreisa", "Skjervøy"], None, None, "unknown",
     1, 2, "low", [], True,
     "Kind annet: årsmelding of a samhandlingsutvalg. Dates: meeting dates 16.02/11.05/14.09/30.11 2023, revision of "
     "delavtale 5 in the meeting 11 May (another agreement), site footer 02.02.2024 (chrome) -> null/null. No "
     "signature -> unknown. LMS 1: discussed, follow-up in 2024 (sidebar 'Lærings- og mestringssenteret - "
     "kurskalender' is chrome). User 2: one representative appointed by brukerutvalget, no role in developing "
     "offers. Commitment low: 'vil prioritere', no obligations. No statutory point content. Meeting arena: members "
     "and four meetings. Sonjatun helsesenter is a venue."),
    ("heldout/m16_tenesteavtale8_jordmor_austrheim_fedje_helse_bergen.docx", "nn", "delavtale", "Helse Bergen HF",
     ["Austrheim", "Fedje"], "2014-05-14", "2022-05-02", "signed", 0, 0, "high", [6, 8], False,
     "Dates: version table 1.0 14.05.2014 'signert av partane' -> adopted (earliest; 'gjeld frå fyrste juli 2014' "
     "later); 1.1 22.11.2018 and 2.0 02.05.2022 -> revised 2022-05-02 (also footer 'Sist endra'); footer 'Utskrive "
     "10.01.2024' print date; 1. februar recurring; 24. juni 2011 law date. Signed: statement in the version table, "
     "no signature block. Points 8 (jordmor/følgjeteneste), 6 (hospitering). Kvinneklinikken/Haukeland = site."),
]


def main() -> None:
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
        for (file, lang, kind, trust, munis, adopted, revised, sig, lms, user, commit, points, meet, notes) in ROWS:
            label = {"file": file, "language": lang, "kind": kind, "health_trust": trust,
                     "municipalities": sorted(munis), "adopted": adopted, "revised": revised, "signature": sig,
                     "lms_level": lms, "user_participation_level": user, "commitment": commit,
                     "statutory_points": sorted(points), "meeting_arenas": meet,
                     "good_example": lms == 3 and commit == "high", "needs_ocr": False, "error": None,
                     "notes": notes}
            out.write(json.dumps(label, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
