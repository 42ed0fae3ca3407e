"""The author's labels for blind12, written before the first measurement. Writes labels.jsonl."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
F = ["file", "language", "kind", "health_trust", "municipalities", "adopted", "revised", "signature",
     "lms_level", "user_participation_level", "commitment", "statutory_points", "meeting_arenas"]
ROWS = [
 ("tune/u01_overordnet_samarbeidsavtale_nome_drangedal_sthf.pdf", "nb", "overordnet", "Sykehuset Telemark HF", ["Drangedal", "Nome"],
  "2012-07-01", "2022-11-22", "signed", 1, 2, "high", [1, 12], True,
  "LMS only in the legal-basis paragraph and the list of delavtaler -> 1. User participation: user reps in SSU, appointed by Brukerutvalget/råd, but no role in developing/evaluating offers -> 2. adopted = 'trådte i kraft 1. juli 2012' (= version 1.0); revised = newest version row 22.11.2022. Signed: '(sign.)' with names, no date. Points: 1 (partenes ansvar), 12 (felles planlegging, annual action plan, 6-month notice); 'kommunalt akutt døgnopphold' only in a list of municipal services, not point 4; delavtale list gives nothing. Meeting: SSU 4+4+2 members, four times a year. 'Helse Sør-Øst RHF' is owner, not party."),
 ("tune/u02_tenesteavtale2_lms_utsira_helse_fonna.docx", "nn", "delavtale", "Helse Fonna HF", ["Utsira"],
  "2012-12-13", "2019-05-05", "signed", 3, 3, "high", [2], True,
  "Named courses (Leve med KOLS, diabetes, pårørandekurs), who does what, referral routine, 10-day confirmation, yearly evaluation -> LMS 3. Brukarutvalet appoints a rep who takes part in planning and evaluation of LMS offers -> 3. Signed: names with place and date 13.12.2012 at signature lines (also version 1.0 date) -> adopted; revised = version 1.1 05.05.2019. Haugesund sjukehus is a hospital site, not a municipality party. Meeting: contact person and LMS adviser meet every autumn (frequency) -> true; borderline."),
 ("tune/u03_delavtale5_utskrivningsklare_alstahaug_leirfjord_helgelandssykehuset.txt", "nb", "delavtale", "Helgelandssykehuset HF", ["Alstahaug", "Leirfjord"],
  "2014-04-02", "2023-10-10", "unknown", 2, 1, "high", [2, 5], False,
  "LMS: one general task ('sykehuset skal informere pasienten om relevante lærings- og mestringstilbud') -> 2, hence point 2 by the spec rule; judgement call (could be read as 1). adopted: 'godkjent av Overordnet samarbeidsutvalg 02.04.2014' is earlier than 'gjelder fra 1. mai 2014' -> earliest. 'Sist revidert 10.10.2023'. Signature: only a sentence saying who is to sign -> unknown. User participation: involving patient/pårørende in planning = principle -> 1. Electronic message mention is not point 9 content. Sandnessjøen / Mo i Rana are hospital sites."),
 ("tune/u04_retningslinje_parorendeskole_demens_holmestrand_siv.html", "nb", "retningslinje", "Sykehuset i Vestfold HF", ["Holmestrand"],
  "2021-09-01", None, "unknown", 3, 3, "low", [2], True,
  "Concrete pårørendeskole (target group, 5 sessions, twice a year, LMS coordinates, demenskoordinator teaches, påmelding to LMS, evaluation form) -> 3, but obligations are soft ('bør', 'kan', 'bør søke å', 'bør tilstrebe') -> low, so good_example false. Brukerutvalget appoints a rep who takes part in yearly evaluation and revision -> 3. Footer 'Innholdet ble sist oppdatert 02.02.2024' is site chrome, not a revision -> revised null. No signature block -> unknown. Working group with members, twice a year -> meeting true."),
 ("tune/u05_saksframlegg_revidert_delavtale2_gausdal_si.pdf", "nb", "annet", "Sykehuset Innlandet HF", ["Gausdal"],
  None, None, "unknown", 1, 1, "low", [], False,
  "Board case (saksframlegg) -> annet. Dates: meeting dates (04.03.2025, 20.03.2025) and the draft date (desember 2024) are neither adopted nor revised; 'dagens delavtale er fra 2012' is the agreement being replaced -> null/null. LMS only named in the title of the delavtale and 'se vedlegg' -> 1. Råd for personer med funksjonsnedsettelse only informed -> 1. No obligations on parties; only the recommendation ('kommunestyret godkjenner') -> low (judgement). No signature block -> unknown."),
 ("tune/u06_horingsutkast_overordna_samarbeidsavtale_sunndal_hmr.pdf", "nn", "overordnet", "Helse Møre og Romsdal HF", ["Sunndal"],
  None, None, "unsigned", 2, 2, "high", [1, 2, 12, 13], True,
  "Draft ('UTKAST – til høyring' header, version 0.3) with blank Namn/Dato lines -> unsigned, adopted null; 12.01.2025 is a draft date and 1. mars 2025 a hearing deadline. LMS: general responsibilities for both parties, no concrete offers -> 2, so point 2. User rep sits in Samhandlingsutvalet -> 2. Points 1, 2, 12 (felles planlegging, handlingsplan), 13 (koordinator, ansvarsgruppe for barn og unge). Meeting: SU 3+3+1, at least four times a year."),
 ("heldout/v07_overordnet_samarbeidsavtale_malselv_unn.docx", "nb", "overordnet", "Universitetssykehuset Nord-Norge HF", ["Målselv"],
  "2021-05-03", None, "signed", 1, 3, "high", [1, 10, 12], True,
  "Signed electronically 03.05.2021 (earlier than 'gjelder fra 1. juni 2021') -> adopted 2021-05-03; the replaced 2012 agreement is not adopted. No revision. LMS only in the list/legal basis of delavtale 2 -> 1; folkehelsearbeid is not LMS. Users: Brukerutvalget UNN and råd appoint reps for two years, they take part in developing and evaluating services -> 3. Points 1, 10 (forebygging tasks), 12. Bardufoss is a place. Samarbeidsutvalget 3+3+2, at least three times a year."),
 ("heldout/v08_delavtale2_farsund_lyngdal_sshf.pdf", "nb", "delavtale", "Sørlandet sykehus HF", ["Farsund", "Lyngdal"],
  "2012-05-31", "2020-03-09", "unsigned", 2, 1, "high", [2], False,
  "Pure template LMS: general responsibilities, no offers -> 2. Brukermedvirkning only as principle -> 1. adopted: earliest approval (SSHF board 31.05.2012); revised: 'Revidert versjon godkjent ... 09.03.2020'. Signature lines are blank underscores -> unsigned despite approval dates."),
 ("heldout/v09_delavtale4_dognopphold_rakkestad_sykehuset_ostfold.txt", "nb", "delavtale", "Sykehuset Østfold HF", ["Rakkestad"],
  "2016-01-14", "2018-09-30", "signed", 0, 0, "high", [4], False,
  "cp1252 TXT. Names with place and date at signature lines -> signed; adopted 14.01.2016 (version 1.0, signing), revised version 1.1 30.09.2018. Kalnes is the hospital site. No LMS, no user participation."),
 ("heldout/v10_tenesteavtale6_kunnskapsoverforing_fjaler_hyllestad_helse_forde.pdf", "nn", "delavtale", "Helse Førde HF", ["Fjaler", "Hyllestad"],
  "2012-11-16", "2018-11", "signed", 1, 0, "low", [6], True,
  "LMS centre only as a venue for staff training -> 1. Obligations soft ('bør', 'kan', 'bør søkje å', 'bør tilstrebe') -> low. adopted = earliest approval (Helse Førde board 16.11.2012); 'Revidert november 2018' -> 2018-11. '(sign.)' with names -> signed. Fagnettverk with a contact person from each party, twice a year -> meeting true (borderline: a professional network). Førde sentralsjukehus is a site."),
 ("heldout/v11_delavtale10_forebygging_naeroysund_leka_hnt.html", "nb", "delavtale", "Helse Nord-Trøndelag HF", ["Leka", "Nærøysund"],
  "2021-03-01", None, "signed", 3, 1, "high", [2, 10], False,
  "Frisklivs-, lærings- og mestringstilbud are LMS by the spec: named offers (Bra mat, røykeslutt, joint heart course twice a year with LMS), frisklivsresept referral routine, 2-week contact, evaluation -> 3; LMS >= 2 gives point 2 besides 10. 'Avtalen er signert elektronisk' -> signed. Site footer date is chrome. Brukermedvirkning principle only -> 1. Namsos sykehus is a site. good_example true."),
 ("heldout/v12_samhandlingsrutine_innlegging_psykisk_helsevern_aukra_hmr.docx", "nn", "retningslinje", "Helse Møre og Romsdal HF", ["Aukra"],
  "2019-06-12", "2023-02-14", "unknown", 0, 1, "high", [3], False,
  "Samhandlingsrutine -> retningslinje. 'Sist revidert 14.02.2023' in the DOCX page header counts as revised (spec). Approved in Samhandlingsutvalet 12.06.2019 -> adopted. No signature block -> unknown. Patient/pårørande involvement is a principle -> 1. Point 3 (tilvising and innlegging routines). Molde/DPS Molde are sites."),
]


def main() -> None:
    with open(HERE / "labels.jsonl", "w", encoding="utf-8") as out:
        for row in ROWS:
            d = dict(zip(F, row[:-1]))
            d["good_example"] = d["lms_level"] == 3 and d["commitment"] == "high"
            d["needs_ocr"] = False
            d["error"] = None
            d["notes"] = row[-1]
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
