"""The author's labels for corpus/blind3, written by reading each raw text against the spec
(shared/spec/agreement-assessment.md) and corpus/agreements/LABELLING.md. Writes labels.jsonl.

Run: .venv/bin/python corpus/blind3/make_labels.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

HNT = ["Flatanger", "Frosta", "Grong", "Høylandet", "Inderøy", "Leka", "Levanger", "Lierne", "Namsos",
       "Namsskogan", "Nærøysund", "Osen", "Overhalla", "Røyrvik", "Snåsa", "Steinkjer", "Verdal"]
NLSH = ["Andøy", "Beiarn", "Bodø", "Bø", "Fauske", "Flakstad", "Gildeskål", "Hadsel", "Hamarøy", "Lødingen",
        "Meløy", "Moskenes", "Røst", "Saltdal", "Sortland", "Steigen", "Sørfold", "Vestvågøy", "Vågan",
        "Værøy", "Øksnes"]

# file, language, kind, health_trust, municipalities, adopted, revised, signature, lms, up, commitment,
# statutory_points, meeting_arenas, notes
ROWS = [
    ("tune/e01_overordnet_samarbeidsavtale_hnt_kommunene.pdf", "nb", "overordnet", "Helse Nord-Trøndelag HF",
     HNT, "2019-07-01", "2023-03-15", "signed", 1, 2, "high", [1, 12, 13], True,
     "17 municipalities listed by name in ch. 1 and on the signature page, so the list, not '*'. adopted = version "
     "table row 1.0 'Avtalen inngått' 01.07.2019; the 2012 agreement it replaces, the hearing deadline 31.01.2023, "
     "the partnerskapsmøte date 18.10.2024, the planned revision 31.12.2026, the April 2023 signing dates and the "
     "'Utskrift 02.04.2024' footer are all rejected. revised = newest version row 15.03.2023. Signed: table of "
     "names with place and date for every party. LMS 1: only in the delavtale list, the quoted § 6-2 text and "
     "'nærmere regulert i delavtale 2'. UP 2: user reps with tale- og forslagsrett in partnerskapsmøte/SSU/FSU "
     "(mechanism), but no appointment route and no stated role in developing offers. Points: 1 (ch. 5), 12 "
     "(ch. 7), 13 (ch. 8); TOC and quoted law do not count. 5.3 'råd, veiledning' and patient information are a "
     "restatement of the statutory guidance duty inside point 1, not a point-6 guideline (borderline). Meeting "
     "arenas: partnerskapsmøte, SSU, FSU with members and frequency."),
    ("tune/e02_tjenesteavtale2_habilitering_lms_larvik_siv.docx", "nb", "delavtale", "Sykehuset i Vestfold HF",
     ["Larvik"], "2021-08-24", None, "signed", 3, 3, "high", [2], True,
     "adopted: signing date 24.08.2021 is earlier than in-force date 01.09.2021 (LABELLING: earliest of "
     "entered into/signed/took effect); the evaluation date 2025 is planned. Signed: '(sign.)' with names. LMS 3: "
     "named courses (Lær å leve med KOLS, pårørendekurs demens, diabetes, hjertekurs, frisklivsresept), "
     "responsible units, referral/Helsenorge routine, costs, evaluation twice a year. UP 3: user reps appointed by "
     "Brukerutvalget SiV and Rådet for personer med funksjonsnedsettelse/Eldrerådet, co-lead and evaluate courses. "
     "Meeting arenas: LMS SiV and the municipal centre meet twice a year (members and frequency) - a small arena, "
     "judged true by the spec's wording. Points: 2 only (hab/rehab and LMS)."),
    ("tune/e03_samarbeidsavtale_brukermedvirkning_oslo_ous.html", "nb", "overordnet", "Oslo universitetssykehus HF",
     ["Oslo"], "2022-05-12", None, "signed", 0, 3, "high", [1, 12], True,
     "Bydeler named as service areas are not parties; Oslo kommune is. adopted: electronic signing 12.05.2022 is "
     "the earliest date of entering into (in force 01.06.2022); the 2016 agreement it replaces and the 2026 "
     "revision are rejected. LMS 0: the only LMS mention is the site chrome sidebar (Lærings- og mestringssenteret "
     "– kurskalender), which is not agreement text. UP 3: named bodies, appointment by Brukerutvalget OUS, "
     "Eldrerådet, FFO Oslo, Ungdomsrådet; role in developing and evaluating services. Points 1 (ch. 3) and 12 (ch. 6)."),
    ("tune/e04_tenesteavtale6_kunnskapsoverforing_stad_helse_forde.txt", "nn", "delavtale", "Helse Førde HF",
     ["Stad"], "2020-06-18", None, "unsigned", 1, 1, "low", [6], True,
     "adopted: 'Vedteken i kommunestyret i Stad 18.06.2020'. Unsigned: blank signature and date lines. LMS 1: the "
     "LMS centre only as a meeting venue. UP 1: a general statement of principle. Commitment low: bør/kan/søkje å "
     "dominate; only 'Kvar part dekkjer ... løn' is binding-ish. Meeting arenas: the Nordfjord nurse network with "
     "members and twice-yearly meetings. Nordfjord sjukehus is a hospital site, not a party."),
    ("tune/e05_retningslinje_utskrivning_sykehuset_ostfold_kommunene.pdf", "nb", "retningslinje",
     "Sykehuset Østfold HF", ["*"], "2022-09-21", "2024-02-05", "unknown", 2, 1, "high", [2, 5], False,
     "Applies to 'alle kommunene i opptaksområdet' without a list -> '*'. Kind: a joint guideline under "
     "delavtale 5, not itself a numbered agreement. adopted: 'Godkjent i SSU 21.09.2022' (= version 1.0); revised "
     "05.02.2024 (running header 'Sist revidert' and version 1.1); hearing deadline 15.08.2022 and planned "
     "revision 2026 rejected. No signature block -> unknown. LMS 2: 5.2 assigns informing about LMS offers and "
     "follow-up to the parties in general terms, no named offers. UP 1: individual patient participation principle "
     "(5.3). Points: 5 (whole routine), 2 (discharge + LMS level 2). Admission messages are part of the discharge "
     "routine, not point 3; PLO-meldinger are not a local ICT agreement (no 9). SSU only mentioned in passing -> "
     "meeting_arenas false."),
    ("tune/e06_delavtale4_dognopphald_valdres_sykehuset_innlandet.odt", "nn", "delavtale", "Sykehuset Innlandet HF",
     ["Etnedal", "Nord-Aurdal", "Sør-Aurdal", "Vang", "Vestre Slidre", "Øystre Slidre"], "2016-01-01",
     "2022-11-09", "signed", 1, 0, "high", [4, 6], True,
     "Valdres lokalmedisinske senter and hospital sites are not parties. adopted 'gjeld frå 1. januar 2016' (= "
     "version 1.0); revised = newest version row 09.11.2022; planned revision 2027 rejected. Signed: explicit "
     "statement 'elektronisk godkjend og signert av partane'. LMS 1: only in the contact list (vedlegg 3). UP 0. "
     "Points: 4 (whole agreement); 6 because 7.2 gives concrete hospitering (up to two weeks/year). Innlegging i "
     "sjukehus only by reference to delavtale 3 -> not 3. Meeting arenas: Fagråd for KAD with five named members, "
     "twice a year."),
    ("tune/e07_horingsutkast_delavtale13_barn_unge_ringerike_hole_jevnaker_vv.docx", "nb", "delavtale",
     "Vestre Viken HF", ["Hole", "Jevnaker", "Ringerike"], None, None, "unsigned", 0, 1, "high", [13], True,
     "Draft (header HØRINGSUTKAST, 'Høringsutkast datert 03.10.2023', hearing deadline 15.12.2023) -> adopted null, "
     "unsigned (also empty Sted/dato/Navn lines). Ringerike sykehus is a site. UP 1: principle of child/parent "
     "participation in own services only. Points: 13 (4.3 discharge meeting for a child is part of the point-13 "
     "cooperation). Meeting arenas: fagråd with members, four times a year."),
    ("tune/e08_delavtale9_ikt_nittedal_gjerdrum_ahus.pdf", "nb", "delavtale", "Akershus universitetssykehus HF",
     ["Gjerdrum", "Nittedal"], "2018-11-01", None, "unknown", 0, 0, "low", [9], False,
     "adopted: single version row 1.0 01.11.2018 'vedtatt i Overordnet samarbeidsutvalg'; no revision (only row). "
     "No signature block; 'Avtalen undertegnes av ...' states who is to sign -> unknown. UP 0: brukerstøtte, "
     "superbrukere and 'brukere av fagsystemene' are IT users, not user participation. Commitment low: bør/søke å/"
     "kan dominate."),
    ("heldout/h01_samarbeidsavtale_nordlandssykehuset_helsefellesskap.pdf", "nb", "overordnet", "Nordlandssykehuset HF",
     NLSH, "2023-09-14", None, "signed", 2, 3, "high", [1, 2, 12], True,
     "21 municipalities listed by name. adopted: board approval 14.09.2023 is the earliest date of adoption "
     "(kommunestyrene 'høsten 2023' is vaguer and later; in force 01.01.2024; signing 18.12.2023); the 2012 and "
     "2017 agreements it replaces and the 2027 revision are rejected; no revision. Signed: '(sign.)' with names for "
     "every party. LMS 2: ch. 11 assigns LMS responsibilities in general terms, no named offers or routines. UP 3: "
     "appointment by Brukerutvalget NLSH, FFO Nordland with eldrerådene, Ungdomsrådet; role in the handlingsplan "
     "and evaluation. Points 1, 2 (LMS level 2), 12. 6.3/6.4 guidance and training before task transfer are read as "
     "part of point 1 (borderline 6). Legal-basis quote and delavtale list do not count."),
    ("heldout/h02_tenesteavtale2_lms_gloppen_stryn_helse_forde.html", "nn", "delavtale", "Helse Førde HF",
     ["Gloppen", "Stryn"], "2015-05-21", "2022-10", "unknown", 3, 2, "low", [2], True,
     "Municipal site chrome ignored. adopted: Gloppen kommunestyre 21.05.2015 (earlier of the two council "
     "decisions); revised 'oktober 2022'. No signature block -> unknown. LMS 3: named courses with responsible "
     "units, place and frequency, referral/påmelding routes, named contact roles meeting yearly, evaluation - "
     "concrete even though softly phrased. Commitment low: bør/kan/søkje å dominate -> good_example false. UP 2: "
     "user reps in planning/running courses (mechanism), no appointment route. Meeting arenas: the two contact "
     "persons meet once a year (members + frequency), borderline true."),
    ("heldout/h03_overordna_samarbeidsavtale_luster_helse_forde.docx", "nn", "overordnet", "Helse Førde HF",
     ["Luster"], "2012-01-31", "2023-06-20", "signed", 1, 2, "high", [1, 9, 12], True,
     "Nynorsk text quoting § 6-2 in bokmål: still nn. adopted 'inngått 31.01.2012'; revised newest version row "
     "20.06.2023; hearing deadline 01.04.2023, meeting 10.05.2023, next revision 2027 rejected. Signature: "
     "'Dokumentet er elektronisk godkjent og har derfor ingen håndskrevne signaturer' is a statement that the "
     "document was executed electronically -> signed (judgement call). LMS 1: only TOC/tenesteavtale list and the "
     "quoted law. UP 2 (corrected after the first measurement: I had 1; Samhandlingsutvalet has a brukarrepresentant as member, which is the spec's example of a mechanism; no appointment route or role -> not 3). Points 1 (ch. 5), 9 (ch. 8), 12 (ch. 7). Meeting arenas: Samhandlingsutvalet "
     "with members, four times a year."),
    ("heldout/h04_delavtale3_innlegging_hjelmeland_helse_stavanger.txt", "nn", "delavtale", "Helse Stavanger HF",
     ["Hjelmeland"], "2012-03-01", "2023-06", "signed", 0, 0, "high", [3], False,
     "cp1252 text. adopted 'tok til å gjelde 01.03.2012'; revised 'juni 2023'; the June 2023 signing dates are "
     "signatures of the revised text, not adoption or revision. Signed: names with place and date. SUS is a site. "
     "Points: 3 only (3.4 mentions ØHD as an alternative, no description of the offer)."),
    ("heldout/h05_delavtale11_beredskap_lorenskog_raelingen_ahus.pdf", "nb", "delavtale",
     "Akershus universitetssykehus HF", ["Lørenskog", "Rælingen"], "2021-06-15", None, "unsigned", 0, 0, "high",
     [6, 11], True,
     "adopted 'Inngått 15.06.2021' (not a draft); planned revision 15.06.2025 rejected. Unsigned: 'Navn:'/'Dato:' "
     "with nothing after them. LIL is a joint service, not a party. Points: 11; 6 because ch. 9 gives concrete "
     "knowledge transfer (annual course in akuttmedisin for municipal doctors/nurses) - borderline. Meeting arenas: "
     "Beredskapsrådet with members, twice a year."),
    ("heldout/h06_samhandlingsrutine_lms_frisklivs_asker_baerum_vv.html", "nb", "retningslinje", "Vestre Viken HF",
     ["Asker", "Bærum"], "2023-03-07", "2024-01-12", "unknown", 3, 2, "high", [2], True,
     "HF site chrome (cookie banner, menus, 'sist oppdatert 02.02.2024' footer) ignored. Kind: samhandlingsrutine. "
     "adopted: 'Godkjent i SSU 07.03.2023'; revised 12.01.2024 (version 1.1). No signature block -> unknown. LMS 3: "
     "named courses, named coordinators, referral routine, deadlines, meetings three times a year, yearly report. "
     "UP 2: erfaringskonsulenter plan, run and evaluate courses, but no appointment route. Meeting arenas: "
     "coordinators meet three times a year."),
    ("heldout/h07_delavtale7_forskning_utdanning_kongsvingerregionen_si.pdf", "nb", "delavtale",
     "Sykehuset Innlandet HF", ["Eidskog", "Grue", "Kongsvinger", "Nord-Odal", "Sør-Odal", "Åsnes"], "2013-01-15",
     "2021-11-01", "signed", 0, 1, "high", [6, 7], True,
     "adopted 'Inngått 15.01.2013', revised 01.11.2021; signing date 12.11.2021 is neither. Signed: '(sign.)' with "
     "names. LMS 0: only staff training/courses (opplæring av ansatte), which is not learning-and-coping work. UP 1: "
     "'Partene skal sikre brukermedvirkning' in research projects (principle). Points: 7; 6 because 4.3 and ch. 6 "
     "give mutual course access and staff training across levels (borderline). Meeting arenas: annual meeting with "
     "named members."),
    ("heldout/h08_utkast_delavtale10_forebygging_faerder_tonsberg_siv.docx", "nb", "delavtale",
     "Sykehuset i Vestfold HF", ["Færder", "Tønsberg"], None, None, "unsigned", 2, 1, "high", [2, 10], False,
     "Draft: header UTKAST, 'Versjon 0.3' -> adopted null, unsigned (blank lines too); the SSU meeting date "
     "18.04.2024 rejected. LMS 2: ch. 4 assigns frisklivs-, lærings- og mestringstilbud and informing patients in "
     "general terms, no named offers. Folkehelse/fall prevention are not LMS. UP 1: principle. Points 10, and 2 "
     "(LMS level 2)."),
]

KEYS = ["file", "language", "kind", "health_trust", "municipalities", "adopted", "revised", "signature",
        "lms_level", "user_participation_level", "commitment", "statutory_points", "meeting_arenas", "notes"]


def main() -> None:
    with open(HERE / "labels.jsonl", "w", encoding="utf-8") as fh:
        for row in ROWS:
            label = dict(zip(KEYS, row))
            label["municipalities"] = sorted(label["municipalities"]) if label["municipalities"] != ["*"] else ["*"]
            label["statutory_points"] = sorted(label["statutory_points"])
            label["good_example"] = label["lms_level"] == 3 and label["commitment"] == "high"
            label["needs_ocr"] = False
            label["error"] = None
            notes = label.pop("notes")
            label["notes"] = notes
            fh.write(json.dumps(label, ensure_ascii=False) + "\n")
    print(f"{len(ROWS)} labels written")


if __name__ == "__main__":
    main()
