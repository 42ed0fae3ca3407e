"""The author's labels for corpus/blind9 as a table; writes labels.jsonl (spec fields + notes).

Written before the first measurement. Run: .venv/bin/python corpus/blind9/make_labels.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

L = [
    dict(file="tune/t01_vv_kongsbergregionen_utskrivning.pdf", language="nb", kind="delavtale",
         health_trust="Vestre Viken HF", municipalities=["Flesberg", "Kongsberg", "Nore og Uvdal", "Rollag"],
         adopted="2021-03-01", revised="2023-11-15", signature="signed", lms_level=1, user_participation_level=2,
         commitment="high", statutory_points=[5], meeting_arenas=True,
         notes="Parties: the four municipalities named as parties ('inngått mellom Vestre Viken HF og Kongsberg kommune, Flesberg kommune, Rollag kommune og Nore og Uvdal kommune'); Kongsbergregionen is the intermunicipal council that negotiated, not itself a municipality; Notodden and Tinn are members of Kongsbergregionen but the text says they 'er ikke parter'; Sykehuset Telemark HF named only as their trust; Helse Sør-Øst RHF owner, 'ikke part'; Kongsberg sykehus and Drammen sykehus are hospital sites; 'Lund', 'Nes', 'Holte' are signatories' surnames. adopted = 'trer i kraft 1. mars 2021' (signatures undated); revised = 'revidert 15.11.2023'; 'Neste revisjon planlegges høsten 2025' is planned, rejected. signature: names with '(sign.)'. lms 1: only 'regulert i delavtale 2'. user participation 2: principle plus a user representative in the Samarbeidsutvalg (mechanism), no appointment/role -> not 3. meeting_arenas: SU with members and 'fire ganger i året'. Points: only 5 (utskrivningsklare) gets content; SU handling deviations is not given as joint planning (12).")
    ,
    dict(file="tune/t02_lovisenberg_oslo_overordnet.docx", language="nb", kind="overordnet",
         health_trust="Lovisenberg Diakonale Sykehus", municipalities=["Oslo"],
         adopted="2023-01-01", revised="2024-06-05", signature="signed", lms_level=3, user_participation_level=3,
         commitment="high", statutory_points=[1, 2, 5, 6, 12], meeting_arenas=True,
         notes="Parties: 'Lovisenberg Diakonale Sykehus AS (LDS) og Oslo kommune, representert ved bydelene Gamle Oslo, Grünerløkka og St. Hanshaugen' -> private non-profit hospital with catchment is the health_trust; the bydeler are city districts, the municipality party is Oslo. Helse Sør-Øst RHF: operating-agreement owner, 'ikke part'. Oslo universitetssykehus HF 'er ikke part'; bydel Sagene named in passing; Oslo kommunes helseetat mentioned as cooperating unit. adopted = version 1.0 01.01.2023 / 'gjelder fra 1. januar 2023'; revised = version 1.1 05.06.2024. signature: 'Dokumentet er elektronisk signert av partene'. lms 3: named course 'Leve med diabetes' twice a year, who does what, follow-up after 3 months, pårørendeskole, contact persons, annual evaluation. user 3: SU with two user reps, appointed by brukerutvalget and rådet for personer med funksjonsnedsettelse, role in developing/evaluating offers. Points: 1 (oppgave- og ansvarsfordeling), 2 (LMS), 5 (utskrivningsklare), 6 (hospitering, fagdager), 12 (årlig felles handlingsplan). Legal-basis paragraph ignored. good_example true.")
    ,
    dict(file="tune/t03_forde_overordna_helsefellesskap.html", language="nn", kind="overordnet",
         health_trust="Helse Førde HF", municipalities=["*"],
         adopted="2021-11-30", revised="2023-06-14", signature="unknown", lms_level=1, user_participation_level=3,
         commitment="high", statutory_points=[1, 12, 13], meeting_arenas=True,
         notes="Parties: 'Helse Førde HF og alle kommunane i Helse Førde sitt opptaksområde' with no list -> ['*']. Helse Vest RHF owner, 'ikkje part'. Førde sentralsjukehus, Nordfjord sjukehus, Lærdal sjukehus are hospital sites; 'held til i Førde' is a place (Førde is a former municipality, now Sunnfjord) - not a party. Site chrome (menus, cookie banner, 'Lærings- og mestringssenteret – kurskalender' and 'Brukerutvalget' in the sidebar, footer 'sist oppdatert 02.02.2024') ignored. adopted = 'vedteken i partnarskapsmøtet 30. november 2021' (earlier than 'gjeld frå 1. januar 2022'); revised = 'sist revidert 14. juni 2023'. signature unknown: only 'Avtalen skal underskrivast av ...', no block. lms 1: only 'regulert i delavtale 2'. user 3: SSU with two user reps, appointed by brukarutvalet and the councils, role in developing pathways and annual evaluation. Points 1 (oppgåvefordeling with tasks), 12 (felles handlingsplan, SSU follows up), 13 (barn og unge: HF convenes, municipality appoints coordinator within four weeks). 11 only 'regulert i delavtale 11' -> no. commitment: 'skal' with named parties dominates.")
    ,
    dict(file="tune/t04_finnmark_samisk_lms.txt", language="nb", kind="delavtale",
         health_trust="Finnmarkssykehuset HF", municipalities=["Karasjok", "Kautokeino", "Nesseby"],
         adopted="2019-09-03", revised=None, signature="signed", lms_level=3, user_participation_level=3,
         commitment="high", statutory_points=[2], meeting_arenas=True,
         notes="Særavtale -> delavtale. Parties named with Sami names: 'Guovdageainnu suohkan / Kautokeino kommune, Kárášjoga gielda / Karasjok kommune og Unjárgga gielda / Nesseby kommune', also Guovdageaidnu, Kárášjohka, Unjárga -> registry names Kautokeino, Karasjok, Nesseby. Tana (Deatnu): 'nabokommunen ... er ikke part'. Helse Nord RHF owner. Sámi klinihkka/Samisk helsepark i Karasjok, Hammerfest sykehus, Kirkenes sykehus are sites of the HF (Hammerfest also a place in the signing line) - not parties. adopted = 'godkjent av samarbeidsutvalget 3. september 2019' (earlier than 'gjelder fra 1. oktober 2019'); 'neste revisjon innen 2025' planned -> revised null. signature: names '(sign.)' with place/date line. lms 3: named diabetes course in North Sami twice a year, pårørendeskole for dementia, who does what, referral form, answer within three weeks, contact persons, evaluation. user 3: user reps appointed by the Sami brukerråd for two years, role in planning/evaluating each course. meeting: arbeidsgruppe with members, twice a year. Points: 2 (LMS). good_example true.")
    ,
    dict(file="tune/t05_nlsh_vesteralen_innleggelse.pdf", language="nb", kind="retningslinje",
         health_trust="Nordlandssykehuset HF", municipalities=["Andøy", "Bø", "Hadsel", "Sortland", "Øksnes"],
         adopted="2021-10-12", revised="2024-03-08", signature="unknown", lms_level=0, user_participation_level=0,
         commitment="high", statutory_points=[3], meeting_arenas=False,
         notes="Felles retningslinje that implements (is not) tjenesteavtale 3 -> retningslinje. Parties: Nordlandssykehuset HF and 'kommunene i Vesterålen regionråd: Andøy kommune, Bø kommune, Hadsel kommune, Sortland kommune og Øksnes kommune' (regionråd names its members). Lødingen: 'omfattes ikke'; Universitetssykehuset Nord-Norge HF / Harstad named for Lødingen only; Stokmarknes is the town/site of Nordlandssykehuset Vesterålen; Nordlandssykehuset Bodø is a site; Bodø in a postal address; Helse Nord RHF owner; 'Kari Lund' is a person. adopted = 'godkjent 12.10.2021' (earlier than 'gjelder fra 01.11.2021'); revised = page header 'Sist revidert 08.03.2024' (spec: header Sist revidert counts); footer 'Utskrift 02.04.2024' is a print date. signature unknown: no block. lms 0, user 0 (no user participation wording). meeting_arenas false: Samhandlingsutvalget Vesterålen only mentioned in passing. Points: 3 (henvisning og innleggelse). 'innen én time' contains the common word, not Time kommune.")
    ,
    dict(file="tune/t06_hmr_soresunnmore_kad.docx", language="nn", kind="delavtale",
         health_trust="Helse Møre og Romsdal HF", municipalities=["Hareid", "Herøy", "Sande", "Ulstein", "Vanylven"],
         adopted=None, revised=None, signature="unsigned", lms_level=0, user_participation_level=1,
         commitment="high", statutory_points=[4], meeting_arenas=False,
         notes="DOCX header 'UTKAST – til handsaming i SSU 14.03.2024' marks a draft -> adopted null ('gjeld frå 1. juni 2024 når alle partane har vedteke han' is a planned start of a draft), signature unsigned (also blank Namn:/Dato: lines). Parties: 'Helse Møre og Romsdal HF og Hareid kommune, Herøy kommune, Sande kommune, Ulstein kommune og Vanylven kommune' - Herøy and Sande are the Møre og Romsdal municipalities (shared names with Herøy in Nordland and the former Sande in Vestfold). Volda and Ørsta 'er ikkje partar'; Volda sjukehus is a hospital site; Ulsteinvik is a town; Helse Midt-Norge RHF owner. 'erstattar delavtale 4 av 2016' is the replaced agreement's date. user 1: 'Brukarmedverknad skal takast vare på' (principle). lms 0. Points: 4 (ØHD). Quoted § 3-5 obligation is law, not counted. After measurement (tool [3, 4] on 'innlegging'): re-read and kept [4] - 'innlegging' refers to admission to the municipal unit ('før innlegging i ØHD-eininga') and to the target-group description; the one hospital-admission sentence ('Helse Møre og Romsdal HF skal ta imot pasientar frå eininga ved Volda sjukehus når tilstanden forverrar seg, utan ny vurdering i akuttmottaket') is the escalation route of the ØHD offer itself (point 4 content). Borderline; label not changed.")
    ,
    dict(file="tune/t07_diakonhjemmet_intensjon.odt", language="nb", kind="annet",
         health_trust="Diakonhjemmet Sykehus", municipalities=["Oslo"],
         adopted="2022-09-15", revised=None, signature="signed", lms_level=2, user_participation_level=2,
         commitment="low", statutory_points=[2], meeting_arenas=True,
         notes="Intensjonsavtale -> annet. Parties: Diakonhjemmet Sykehus (private non-profit with catchment) and 'Oslo kommune, representert ved bydel Frogner, bydel Ullern og bydel Vestre Aker' -> ['Oslo']. Stiftelsen Diakonhjemmet owner; Helse Sør-Øst RHF via operating agreement; Akershus universitetssykehus HF and bydeler Alna, Grorud, Stovner: 'omfattes ikke'; bydel Ullern's premises are a meeting place; signatories' surnames Hole, Time, Herøy are not municipalities. adopted = 'inngått 15. september 2022'. signature: names at the signature lines with 'Oslo, 15.09.2022'. lms 2: tasks in general terms ('Diakonhjemmet ... vil bidra med faglig kompetanse fra sitt lærings- og mestringssenter, og bydelene vil bidra gjennom sine frisklivssentraler'), no concrete offer/routine. user 2: user reps from the eldreråd invited into the working group (mechanism), no role in evaluation. commitment low: 'vil søke å', 'vil', 'bør vurdere', 'kan vurdere', passive 'skal inviteres'. meeting: working group two per party, monthly. Points: 2 via lms>=2; joint development of one offer is borderline for 12 but there is no general joint-planning content, so not counted.")
    ,
    dict(file="tune/t08_si_oyer_rehabilitering.pdf", language="nb", kind="delavtale",
         health_trust="Sykehuset Innlandet HF", municipalities=["Øyer"],
         adopted="2012-06-21", revised="2016-11-10", signature="unsigned", lms_level=2, user_participation_level=1,
         commitment="low", statutory_points=[2], meeting_arenas=False,
         notes="Numbered Tjenesteavtale 2 titled 'Retningslinjer for ...' -> delavtale. Parties: Sykehuset Innlandet HF and Øyer kommune (also genitive 'Øyer kommunes'). Lillehammer kommune sells beds to Øyer, 'berøres ikke' - not a party; 'Sykehuset Innlandet Lillehammer' and 'Lærings- og mestringssenteret på Lillehammer' are sites; Helse Sør-Øst RHF owner. adopted = 'vedtatt av styret i Sykehuset Innlandet HF 21.06.2012' (earliest; kommunestyre 27.09.2012 later); revised = version 2.0 10.11.2016. signature unsigned: empty Dato:/Underskrift: lines. lms 2: general responsibilities ('har ansvar for lærings- og mestringstilbud knyttet til diagnoser ...', 'har ansvar for frisklivs- og mestringstilbud'), no concrete offers. user 1: 'skal legge til rette for brukermedvirkning' (principle). commitment low: 'skal søke å', 'bør', 'kan tilby', 'bør tilstrebe', 'legge til rette for' outnumber the two 'har ansvar for'. Points: 2 (innleggelse/utskrivning/rehab/LMS).")
    ,
    dict(file="heldout/h01_haraldsplass_overordna.pdf", language="nn", kind="overordnet",
         health_trust="Haraldsplass Diakonale Sykehus",
         municipalities=["Alver", "Austrheim", "Bergen", "Fedje", "Masfjorden", "Modalen", "Osterøy", "Samnanger", "Vaksdal"],
         adopted="2022-06-22", revised=None, signature="signed", lms_level=1, user_participation_level=2,
         commitment="high", statutory_points=[1, 3, 5, 12], meeting_arenas=True,
         notes="Parties: Haraldsplass Diakonale Sykehus AS (non-profit hospital with catchment) and the nine listed municipalities; Bergen 'for bydelane Åsane, Arna og Bergenhus' (bydeler not parties). Helse Bergen HF and Helse Vest RHF 'er ikkje partar'; 'Helse Bergens sekretariat' genitive. Signatories' surnames (Lund, Time, Hole, Nes, Osterøy...) not parties. adopted = 'vedteken av styret i HDS 22. juni 2022' (earlier than 'gjeld frå 1. august 2022' and signing 1 Aug). signature: names '(sign.)' with 'Bergen, 1. august 2022'. lms 1: 'regulert i tenesteavtale 2'. user 2: two user reps in samarbeidsutvalet, no appointment/role. meeting: members and four times a year. Points 1, 3 (innlegging), 5 (utskrivingsklare), 12 (felles årleg handlingsplan).")
    ,
    dict(file="heldout/h02_nlsh_lofoten_kunnskap.docx", language="nb", kind="delavtale",
         health_trust="Nordlandssykehuset HF",
         municipalities=["Flakstad", "Moskenes", "Røst", "Vestvågøy", "Vågan", "Værøy"],
         adopted="2019-05-15", revised="2022-09-20", signature="signed", lms_level=1, user_participation_level=0,
         commitment="high", statutory_points=[6], meeting_arenas=True,
         notes="Parties: Nordlandssykehuset HF and the six municipalities listed ('de seks kommunene i Lofotrådet'); Lofotrådet is the regional council. Leknes, Svolvær (towns), Gravdal / Nordlandssykehuset Lofoten (site), Helse Nord RHF (owner), signatories' surnames not parties. adopted 'inngått 15.05.2019'; revised 'revidert 20.09.2022'. signature: names at signature lines with 'Gravdal, 15.05.2019'. lms 1: LMS only as a venue ('holdes i Lærings- og mestringssenterets lokaler'); fagdager are staff training. user 0: 'Brukere av kanalen' are IT users. meeting: fagnettverk with members, twice a year. Points: 6.")
    ,
    dict(file="heldout/h03_vv_overordnet_html.html", language="nb", kind="overordnet",
         health_trust="Vestre Viken HF",
         municipalities=["Asker", "Bærum", "Drammen", "Flesberg", "Flå", "Gol", "Hemsedal", "Hol", "Hole", "Holmestrand",
                         "Jevnaker", "Kongsberg", "Krødsherad", "Lier", "Modum", "Nesbyen", "Nore og Uvdal", "Ringerike",
                         "Rollag", "Sigdal", "Ål", "Øvre Eiker"],
         adopted="2021-04-22", revised="2023-05-03", signature="unknown", lms_level=1, user_participation_level=2,
         commitment="high", statutory_points=[1, 12], meeting_arenas=True,
         notes="Parties: 'kommunene i Vestre Vikens opptaksområde' followed by an explicit list of 22 -> the list (LABELLING: ['*'] only without a list). Holmestrand is a party ('for innbyggerne i tidligere Sande kommune'): Sande here is a former municipality, not a party (and not Sande in Møre og Romsdal). Hole is a municipality party (common word). Sites Drammen, Bærum, Ringerike, Kongsberg are also municipalities but are listed parties anyway. Helse Sør-Øst RHF owner. adopted = 'godkjent i Partnerskapsmøtet 22.04.2021' (earlier than 'gjelder fra 01.06.2021'); revised = 'Sist endret 03.05.2023' at the top of the article; chrome footer 'sist oppdatert 02.02.2024' ignored. signature unknown. lms 1: only in the list of delavtaler. user 2: user reps in Partnerskapsmøtet and SSU (mechanism). Points 1 and 12.")
    ,
    dict(file="heldout/h04_stavanger_jaeren_psykisk_helse.txt", language="nn", kind="delavtale",
         health_trust="Helse Stavanger HF", municipalities=["Gjesdal", "Hå", "Klepp", "Time"],
         adopted="2017-02-01", revised=None, signature="signed", lms_level=3, user_participation_level=1,
         commitment="high", statutory_points=[2], meeting_arenas=True,
         notes="Underavtale -> delavtale. Parties: Helse Stavanger HF and Klepp, Time, Hå, Gjesdal. Jæren DPS 'er ikkje sjølvstendig avtalepart' (and not a registry trust); Helse Vest RHF owner; Sandnes kommune 'ikkje omfatta'; Sandnes DPS, Bryne (town/venue) not parties. adopted 'inngått 1. februar 2017'. signature: 'Avtalen er underskriven av partane' (statement). lms 3: KiD course twice a year, who does what, follow-up after six weeks, referral form, contact persons, evaluation. user 1: principle only. meeting: leaders meet every third month. Points 2. cp1252 + CRLF. good_example true.")
    ,
    dict(file="heldout/h05_siv_notteroy_tjome_jordmor.pdf", language="nb", kind="delavtale",
         health_trust="Sykehuset i Vestfold HF", municipalities=[],
         adopted="2012-02-01", revised=None, signature="signed", lms_level=0, user_participation_level=0,
         commitment="high", statutory_points=[8], meeting_arenas=False,
         notes="Old (2012) tjenesteavtale 8 whose municipality parties are Nøtterøy kommune and Tjøme kommune, merged into Færder in 2018: both are former municipalities, not in the 2020/2024 registry; spec/LABELLING: 'former municipalities named in the text are not municipality parties' and the text never names a successor -> []. Tønsberg is the hospital site's town (also a municipality) - not a party; Helse Sør-Øst RHF owner; surnames Hole, Nes, Lund. adopted 'gjelder fra 1. februar 2012' (signatures undated). signature '(sign.)' with names. Points 8 (jordmor).")
    ,
    dict(file="heldout/h06_hmr_haram_utskriving.docx", language="nn", kind="delavtale",
         health_trust="Helse Møre og Romsdal HF", municipalities=["Haram"],
         adopted="2024-03-15", revised=None, signature="signed", lms_level=0, user_participation_level=1,
         commitment="high", statutory_points=[5], meeting_arenas=False,
         notes="Parties: Helse Møre og Romsdal HF and Haram kommune (re-established 1.1.2024, in the 2024 registry). Ålesund kommune 'er ikkje part'; Ålesund sjukehus site; Brattvåg postal address; Helse Midt-Norge RHF owner. Split date 1. januar 2024 is a merger/split date, not adopted; adopted 'inngått 15. mars 2024'. signature 'Dokumentet er elektronisk signert'. user 1: patient and relatives 'skal få medverke' (principle). Points 5.")
    ,
    dict(file="heldout/h07_ahus_oslo_bydeler_utskrivning.html", language="nb", kind="retningslinje",
         health_trust="Akershus universitetssykehus HF", municipalities=["Oslo"],
         adopted="2022-02-08", revised="2023-10-30", signature="unknown", lms_level=2, user_participation_level=1,
         commitment="high", statutory_points=[2, 5], meeting_arenas=False,
         notes="Samhandlingsrutine -> retningslinje. Parties: Ahus and 'Oslo kommune ved bydel Alna, bydel Grorud og bydel Stovner' -> ['Oslo'] (bydeler not parties). Diakonhjemmet Sykehus named only for its own routines; Lørenskog in postal address; Helse Sør-Øst RHF owner. adopted 'godkjent ... 08.02.2022', revised 'revidert 30.10.2023'. signature unknown. lms 2: general information duties for LMS/frisklivssentral, no concrete offers. user 1: 'Pasienten skal involveres i planleggingen' (principle, individual level). Samarbeidsutvalget Ahus–Oslo only mentioned -> meeting false. Points 2 (lms>=2) and 5.")
    ,
    dict(file="heldout/h08_so_moss_rade_valer_lms.pdf", language="nb", kind="delavtale",
         health_trust="Sykehuset Østfold HF", municipalities=["Moss", "Råde", "Våler"],
         adopted="2018-04", revised="2020", signature="unsigned", lms_level=2, user_participation_level=1,
         commitment="low", statutory_points=[2], meeting_arenas=False,
         notes="Særavtale -> delavtale. Parties: Sykehuset Østfold HF and Moss, Råde, 'Våler kommune (Østfold)' (shared name with Våler in Innlandet). Kalnes site, Sarpsborg its location; Helse Sør-Øst RHF owner. adopted 'inngått i april 2018' -> 2018-04; revised 'sist endret i 2020' -> 2020. signature unsigned: blank Navn:/Dato:. lms 2: general responsibility, no concrete offers. user 1: 'bør legge til rette for brukermedvirkning'. commitment low: bør, skal søke å, kan, bør vs one 'har ansvar for'. Points 2. needs_ocr false: a text PDF (every page has a text layer; LABELLING: true only for scan/mixed sources); the tool said true after measurement - label kept.")
    ,
]


def main() -> None:
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
        for row in L:
            row = dict(row)
            row["municipalities"] = row["municipalities"] if row["municipalities"] == ["*"] else sorted(row["municipalities"])
            row["good_example"] = row["lms_level"] == 3 and row["commitment"] == "high"
            row["needs_ocr"] = False
            row["error"] = None
            notes = row.pop("notes")
            row["notes"] = notes
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
