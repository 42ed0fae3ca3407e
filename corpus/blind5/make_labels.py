"""The author's labels for corpus/blind5 as a table; writes labels.jsonl (run after editing)."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

L = [
    dict(file="tune/g01_tjenesteavtale4_ohd_halden_sykehuset_ostfold.pdf", language="nb", kind="delavtale",
         health_trust="Sykehuset Østfold HF", municipalities=["Halden"], adopted="2016-01-14", revised="2019-05-22",
         signature="signed", lms_level=0, user_participation_level=1, commitment="high", statutory_points=[4],
         meeting_arenas=True, needs_ocr=True,
         notes="Scanned, 3 pages. Version table: 1.0 14.01.2016 'vedtatt' = adopted (same date as the signatures); "
               "1.1 22.05.2019 = revised. Signed: names with '(sign.)' and place/date. User participation: only the "
               "patient's own wishes in the KAD decision = principle (1). Meeting arena: follow-up meeting twice a "
               "year with named members. No LMS. Kalnes / Halden helsehus are sites. Only point 4 (KAD criteria are "
               "about admission to the municipal unit, not to hospital)."),
    dict(file="tune/g02_saeravtale_lms_etne_vindafjord_helse_fonna.pdf", language="nn", kind="delavtale",
         health_trust="Helse Fonna HF", municipalities=["Etne", "Vindafjord"], adopted="2021-03-02", revised=None,
         signature="signed", lms_level=3, user_participation_level=3, commitment="high", statutory_points=[2],
         meeting_arenas=True, needs_ocr=True,
         notes="Scanned særavtale (-> delavtale). Adopted = vedteken i samhandlingsutvalet 2.3.2021 (gjeld frå "
               "1.4.2021 is later). Ølen is a former municipality / place, Haugesund sjukehus a site. LMS 3: named "
               "courses, who does what, referral, contact persons, evaluation. UP 3: brukarutvalet and rådet for "
               "personar med funksjonsnedsetjing appoint two reps who plan and evaluate courses. Arbeidsgruppe with "
               "members meets twice a year."),
    dict(file="tune/g03_overordnet_samarbeidsavtale_sandnes_helse_stavanger.pdf", language="nb", kind="overordnet",
         health_trust="Helse Stavanger HF", municipalities=["Sandnes"], adopted="2021-12-13", revised=None,
         signature="signed", lms_level=1, user_participation_level=2, commitment="high", statutory_points=[1, 12],
         meeting_arenas=True, needs_ocr=True,
         notes="Mixed PDF: 3 text pages + scanned signature page with handwritten names and dates (20.12.2021, "
               "21.12.21) -> signed. Adopted = earliest approval (bystyret 13.12.2021; HF board 16.12.2021; gjelder "
               "fra 1.1.2022); 2012 = replaced agreement; 'revideres innen 2025' = planned. Helse Vest RHF named as "
               "owner, not party. LMS 1: only in the list of delavtaler and 'regulert i delavtale 2'. UP 2: two user "
               "representatives in SSU, nothing on appointment or role. Points 1 (task division) and 12 (annual "
               "joint action plan, involvement in each other's plans); other points only in the list."),
    dict(file="tune/g04_delavtale5_utskrivningsklare_porsgrunn_sthf.html", language="nb", kind="delavtale",
         health_trust="Sykehuset Telemark HF", municipalities=["Porsgrunn"], adopted="2020-03-01", revised="2023-06-15",
         signature="unknown", lms_level=0, user_participation_level=1, commitment="high", statutory_points=[5],
         meeting_arenas=False, needs_ocr=False,
         notes="Municipal web page with heavy chrome: cookie banner, menu with 'Lærings- og mestringstilbud', related "
               "links to LMS and frisklivssentral courses, 'Eldrerådet og rådet for personer med funksjonsnedsettelse', "
               "'Publisert 04.03.2020 · Sist oppdatert 12.09.2024', footer with address/phones. None of it is "
               "agreement content -> LMS 0, dates from the body only (gjelder fra 1.3.2020, revidert 15.06.2023). "
               "No signature block or statement -> unknown. UP 1: patient and next of kin involved in planning the "
               "discharge = principle. Passing mention of faglig samarbeidsutvalg -> no arena. PLO messages are part "
               "of the discharge routine (point 5), not local ICT content."),
    dict(file="tune/g05_tenesteavtale13_barn_unge_ulstein_hareid_hmr_utkast.docx", language="nn", kind="delavtale",
         health_trust="Helse Møre og Romsdal HF", municipalities=["Hareid", "Ulstein"], adopted=None, revised=None,
         signature="unsigned", lms_level=2, user_participation_level=2, commitment="high", statutory_points=[2, 13],
         meeting_arenas=True, needs_ocr=False,
         notes="Draft: DOCX header 'UTKAST 2 – ikkje til distribusjon', blank signature lines -> unsigned, adopted null. "
               "Rejected dates: høyringsfrist 15.04.2024, working-group meeting 09.02.2024 (in a bracketed remark). "
               "Sande and Herøy appear only in a reviewer comment -> not parties. In-text [Kommentar …] remarks are "
               "not obligations. LMS 2: 'felles ansvar for opplæring og meistringsstøtte', LMS centre and municipal "
               "services shall cooperate, no concrete offers (concrete courses deferred to a særavtale) -> 2, and "
               "therefore point 2 as well as 13. UP 2: youth councils heard before adoption and each revision (a "
               "mechanism, no role in developing offers). Fagnettverk with members, twice a year -> arena."),
    dict(file="tune/g06_delavtale11_beredskap_vadso_finnmarkssykehuset.txt", language="nb", kind="delavtale",
         health_trust="Finnmarkssykehuset HF", municipalities=["Vadsø"], adopted="2013-06-20", revised="2022-02-10",
         signature="signed", lms_level=0, user_participation_level=0, commitment="high", statutory_points=[11],
         meeting_arenas=True, needs_ocr=False,
         notes="TXT copy-pasted from a PDF: broken lines, hyphenation at line ends, repeated running header and "
               "'Side n av 3' mid-text. Version table: first version 20.06.2013 (adopted), newest row 10.02.2022 "
               "(revised); the signing date 10.02.2022 coincides with the newest row. Kirkenes/Hammerfest are hospital "
               "sites. Beredskapsutvalg with named members, at least yearly -> arena. Helseradionett is communications "
               "within the acute chain, not point 9."),
    dict(file="heldout/g07_retningslinje_henvisning_lms_frisklivs_elverum_amot_si.pdf", language="nb",
         kind="retningslinje", health_trust="Sykehuset Innlandet HF", municipalities=["Elverum", "Åmot"],
         adopted="2021-04-12", revised=None, signature="unknown", lms_level=3, user_participation_level=1,
         commitment="low", statutory_points=[2], meeting_arenas=False, needs_ocr=True,
         notes="Scanned joint guideline (not a numbered agreement) -> retningslinje. Adopted = godkjent i LSU "
               "12.04.2021; 'neste revisjon 2024' is planned -> revised null. No signature block -> unknown. LMS 3: "
               "named courses and target groups, referral routes both ways, contact persons, calendar twice a year, "
               "yearly evaluation. Commitment low: nearly every obligation is 'bør', 'kan', 'søke å', 'vurdere'. "
               "UP 1: 'bør utvikles med medvirkning fra brukerne' = principle. LSU named only as approver -> no arena. "
               "Rena, Sykehuset Innlandet Elverum are places/sites."),
    dict(file="heldout/g08_hoyringsfrasegn_overordna_avtale_sogndal_helse_forde.pdf", language="nn", kind="annet",
         health_trust="Helse Førde HF", municipalities=["Sogndal"], adopted=None, revised=None, signature="signed",
         lms_level=1, user_participation_level=1, commitment="low", statutory_points=[], meeting_arenas=False,
         needs_ocr=True,
         notes="Scanned hearing reply (høyringsfråsegn) from Sogndal kommune to Helse Førde HF about a draft "
               "agreement -> annet. Parties taken as the sender municipality and the addressed HF (judgement call). "
               "Dates rejected: letter date 28.09.2023, høyringsbrev 20.06.2023, høyringsfrist 01.10.2023, the "
               "current agreement from 2012 -> adopted/revised null. Signature: 'Marit Hauge (sign.)' -> signed (the "
               "letter itself is not a draft, it comments on one). LMS 1 and UP 1: the letter only asks that these be "
               "covered more clearly, no tasks or mechanisms. Commitment low: 'bør', 'vi ønskjer', 'vi ber om', no "
               "party put under obligation. Points []: a hearing letter gives no agreement content."),
    dict(file="heldout/g09_delavtale2_habilitering_lms_lindesnes_sshf.html", language="nb", kind="delavtale",
         health_trust="Sørlandet sykehus HF", municipalities=["Lindesnes"], adopted="2022-06-16", revised=None,
         signature="signed", lms_level=3, user_participation_level=2, commitment="high", statutory_points=[2],
         meeting_arenas=False, needs_ocr=False,
         notes="HF web page whose agreement text sits in collapsed accordion panels (hidden until clicked) – the "
               "panels are the agreement. 'Sist oppdatert 06.02.2024' in the footer is page chrome. Adopted = "
               "godkjent av kommunestyret 16.06.2022 (gjelder fra 1.7.2022 later). 'signert elektronisk av begge "
               "parter' -> signed. Kristiansand, Flekkefjord, Mandal are LMS sites/town, not parties. LMS 3: two named "
               "joint courses, division of work, contact persons, referral, evaluation. UP 2: user representatives "
               "take part in planning the joint courses; no named body or appointment -> not 3. Points: 2 only "
               "(innleggelse/utskrivning referred to delavtale 3 and 5). No joint body with members/frequency."),
    dict(file="heldout/g10_delavtale6_kunnskapsoverforing_senja_unn.docx", language="nb", kind="delavtale",
         health_trust="Universitetssykehuset Nord-Norge HF", municipalities=["Senja"], adopted="2019-11-01",
         revised="2023-03-03", signature="unsigned", lms_level=1, user_participation_level=0, commitment="low",
         statutory_points=[6], meeting_arenas=True, needs_ocr=False,
         notes="DOCX with tracked-change style bracket remarks ([Slettet 2023: …], [Ny tekst 2023: …], [Kommentar …]) "
               "and footer 'Sist endret 03.03.2023' -> revised. Adopted = trådte i kraft 1.11.2019. Lenvik is the "
               "former municipality, Finnsnes a town. The deleted 'UNN skal gi veiledning innen 48 timer' is not "
               "agreement text. Commitment low: bør/kan/tilstrebe/vurdere throughout. LMS 1: LMS centre only as a "
               "venue for hospitering. Blank Navn:/Dato: -> unsigned. Faglig nettverk: three from each party, twice a "
               "year -> arena."),
    dict(file="heldout/g11_overordnet_samarbeidsavtale_oslo_diakonhjemmet.pdf", language="nb", kind="overordnet",
         health_trust="Diakonhjemmet Sykehus", municipalities=["Oslo"], adopted="2019-07-01", revised="2021-11-24",
         signature="signed", lms_level=2, user_participation_level=3, commitment="high", statutory_points=[1, 2, 12, 13],
         meeting_arenas=True, needs_ocr=False,
         notes="Text PDF with a print header 'Utskrift … 12.02.2024' (print date, rejected). Bydeler Frogner, Ullern, "
               "Vestre Aker are districts, the party is Oslo kommune; Helse Sør-Øst RHF named as not a party; "
               "Diakonhjemmet is a private non-profit hospital with catchment -> health_trust. 'Avtalen er undertegnet i "
               "to eksemplarer' -> signed. LMS 2: general responsibilities (sykehuset: pasient- og pårørendeopplæring; "
               "bydelene: LMS-tilbud), no concrete offers -> point 2. UP 3: reps appointed by Brukerutvalget and "
               "Rådet for personer med funksjonsnedsettelse, role in developing and evaluating. Samarbeidsutvalget "
               "with members, four times a year."),
    dict(file="heldout/g12_tenesteavtale3_tilvising_innlegging_alver_masfjorden_helse_bergen.txt", language="nn",
         kind="delavtale", health_trust="Helse Bergen HF", municipalities=["Alver", "Masfjorden"], adopted="2020-02-01",
         revised=None, signature="unsigned", lms_level=0, user_participation_level=1, commitment="high",
         statutory_points=[3], meeting_arenas=False, needs_ocr=False,
         notes="cp1252 TXT copy-pasted from a PDF: hyphenation at line ends, page numbers and a repeated running "
               "header mid-sentence. Lindås, Meland, Radøy are former municipalities (not parties); 2012 = replaced "
               "agreement. Blank Stad/dato and Underskrift lines -> unsigned. UP 1: principle only. PLO message is "
               "part of the admission routine (point 3)."),
]


def main() -> None:
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for label in L:
            row = dict(label)
            row["good_example"] = row["lms_level"] == 3 and row["commitment"] == "high"
            row["error"] = None
            notes = row.pop("notes")
            row["notes"] = notes
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(L), "labels")


if __name__ == "__main__":
    main()
