"""The author's labels for corpus/blind4 as a table; writes labels.jsonl (spec fields + notes).

Run: .venv/bin/python corpus/blind4/make_labels.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# file, language, kind, health_trust, municipalities, adopted, revised, signature, lms, up, commitment, points, meetings, notes
ROWS = [
    ("tune/f01_overordna_samarbeidsavtale_sogndal_helse_forde.docx", "nn", "overordnet", "Helse Førde HF", ["Sogndal"],
     "2019-03-14", "2023-09-05", "signed", 1, 2, "high", [1, 12, 13], True,
     "Key dates only in the version table (real Word table): first row 1.0 14.03.2019 'vedteken i kommunestyret' = adopted; newest row 2.0 05.09.2023 = revised; the signing date 20.10.2023 is neither. "
     "Signed: names at both signature lines with place and date. Helse Vest RHF named as owner and not a party; Lærdal/Førde sjukehus are sites. "
     "LMS 1: only in the list of tenesteavtalar. User participation 2: two brukarrepresentantar sit in SSU with rights (mechanism), no appointment route or role in developing offers, so not 3. "
     "Points: 1 (sect. 3 ansvar), 12 (sect. 4 felles handlingsplan, follow-up), 13 (sect. 5 barnekoordinator, BUP); the tenesteavtale list gives no content. Meeting arenas: table Organ/Medlemer/Møtefrekvens."),
    ("tune/f02_saeravtale_lms_ulstein_hareid_heroy_hmr.odt", "nn", "delavtale", "Helse Møre og Romsdal HF", ["Hareid", "Herøy", "Ulstein"],
     "2022-01-24", None, "signed", 3, 3, "high", [2], True,
     "Særavtale -> delavtale. Adopted: signed 24.01.2022, 'gjeld frå 1. februar 2022'; LABELLING says the earliest of entered into/signed/took effect, so the signing date. "
     "Signed: '(sign.)' with names and date. Herøy is the Møre og Romsdal Herøy (registry name 'Herøy'); Volda and Ålesund sjukehus are hospital sites, not parties. "
     "LMS 3: named courses in a table, who runs them, tilvising, kontaktpersonar, evaluering with yearly report. UP 3: brukarrepresentantar as kursleiarar appointed by FFO and Brukarutvalet, role in planning and evaluation. "
     "Meeting arenas: koordineringsgruppa with members and twice-yearly meetings."),
    ("tune/f03_samhandlingsrutine_kols_vest_telemark_sthf.txt", "nn", "retningslinje", "Sykehuset Telemark HF", ["Kviteseid", "Seljord", "Tokke", "Vinje"],
     "2021-05-12", "2023-11-02", "unknown", 2, 1, "high", [2, 5], False,
     "cp1252, CRLF. Samhandlingsrutine -> retningslinje. 'godkjend i SSU 12.05.2021' = adopted; 'Sist revidert 02.11.2023' = revised; 'Utskrive 15.01.2024' is a print date. No signature block -> unknown. "
     "LMS 2: parties shall inform about lærings- og meistringstilbod and the municipality is responsible for assessing need and referring - general tasks, no named offer (KOLS is the discharge target group, not an LMS offer). "
     "UP 1: principle. Points 2 (discharge routine + LMS>=2) and 5 (utskrivingsklar melding). SSU only mentioned in passing -> meeting_arenas false."),
    ("tune/f04_tenesteavtale11_beredskap_kinn_helse_forde.pdf", "nn", "delavtale", "Helse Førde HF", ["Kinn"],
     "2012-07-01", "2024-03", "unsigned", 0, 0, "high", [11], True,
     "Version table in PDF as aligned columns: 1.0 01.07.2012 Første versjon = adopted (the text says the agreement was first entered into with Flora and Vågsøy and continued for Kinn, so it is the same agreement, not a replaced one); newest row 'mars 2024' = revised (month precision). "
     "The merger date 1 January 2020 is not a date of the agreement. Flora, Vågsøy (former municipalities), Florø, Måløy (towns) are not parties. Signature lines empty -> unsigned. "
     "Meeting arenas: Beredskapsforum with members, once a year."),
    ("tune/f05_hoyringsbrev_tenesteavtale3_nord_gudbrandsdalen_si.html", "nn", "annet", "Sykehuset Innlandet HF", ["Dovre", "Lesja", "Lom", "Sel", "Skjåk", "Vågå"],
     None, None, "unsigned", 0, 2, "low", [], False,
     "Hearing letter -> annet. HF site chrome (cookie, menu, sidebar with 'Lærings- og mestringssenteret' and 'Brukerutvalget', footer 'sist oppdatert 02.02.2024') ignored. "
     "Dates: letter date, hearing deadline, draft date and 'sidan 2016' (the agreement being revised) are none of adopted/revised. "
     "Signature: a hearing letter about a draft ('høyring', 'høyringsutkast') -> unsigned; the closing 'Med venleg helsing' + name is a letter closing, not an executed agreement (judgement call; unknown would be the alternative). "
     "UP 2: users' councils and Brukarutvalet to be consulted on the revision (LABELLING: consulted on revisions = mechanism). Commitment low: requests ('vi ber om'), 'bør', 'kan'. "
     "Points none: the letter only names topics of the draft (digital tilvising), no content. Lillehammer sjukehus / DPS are sites."),
    ("tune/f06_overordnet_samarbeidsavtale_helsefellesskapet_telemark.html", "nb", "overordnet", "Sykehuset Telemark HF", ["*"],
     "2021-06-09", "2023-12-14", "unknown", 2, 3, "high", [1, 2, 12], True,
     "'alle kommunene i sykehusets opptaksområde' without a list -> ['*']. Adopted: 'Godkjent i partnerskapsmøtet 9. juni 2021' (earlier than 'gjelder fra 1. september 2021'). Revised: 'Sist revidert 14.12.2023'; chrome footer 'sist oppdatert 02.02.2024' ignored. "
     "Signature unknown: only 'Avtalen signeres av ...' (who shall sign). LMS 2: sect. 4 divides responsibility in general terms (common chronic vs rare diagnoses), no offers/routines; chrome sidebar link ignored. "
     "UP 3: user reps in named bodies, appointed by Brukerutvalget and rådene for personer med funksjonsnedsettelse, role in developing and evaluating pathways. Points 1, 2 (LMS>=2), 12."),
    ("tune/f07_tjenesteavtale5_utskrivningsklare_sel_dovre_si.docx", "nb", "delavtale", "Sykehuset Innlandet HF", ["Dovre", "Sel"],
     "2022-09-12", None, "signed", 1, 1, "high", [5], True,
     "Responsibility matrix and signature as real Word tables. 'trer i kraft ved signering' + signature table dated Otta 12.09.2022 -> adopted 2022-09-12; signed (names + date in table). "
     "Lillehammer sykehus, DPS Gudbrandsdalen, Otta are sites/towns. LMS 1: 'regulert i tjenesteavtale 2'. UP 1: patient participation as a principle. "
     "Points: 5 only (discharge-ready patients; the matrix is the point-5 routine). Meeting arenas: dialogmøte twice a year with named participants."),
    ("tune/f08_delavtale7_forskning_utdanning_eigersund_helse_stavanger.txt", "nb", "delavtale", "Helse Stavanger HF", ["Eigersund"],
     "2012", "2022-11", "unknown", 0, 0, "low", [7], False,
     "'Første versjon inngått 2012' -> year precision; 'Revidert november 2022' -> 2022-11. 'Avtalen undertegnes av partenes øverste leder' is who shall sign -> unknown. Egersund is a town. "
     "Commitment low: bør/kan/søke å/tilstrebe/vurdere throughout, 'Avtalen skal bidra' is soft. Samarbeidsutvalget only mentioned -> meeting false."),
    ("heldout/f09_tenesteavtale2_lms_etne_helse_fonna.pdf", "nn", "delavtale", "Helse Fonna HF", ["Etne"],
     "2019-12-18", "2023-06-14", "signed", 3, 1, "high", [2], True,
     "Adopted: signed Etne 18.12.2019, earlier than 'Gjeld frå 01.01.2020' (LABELLING earliest). Revised 14.06.2023. Haugesund/Stord/Valen sjukehus are sites. "
     "LMS 3: named courses, who runs them, tilvising, named contact persons, half-yearly exchange, yearly evaluation. UP 1 principle. Meeting: LMS-nettverket with members, twice a year."),
    ("heldout/f10_tenesteavtale4_dognopphald_hallingdal_vestre_viken.html", "nn", "delavtale", "Vestre Viken HF", ["Gol", "Hemsedal", "Hol", "Ål"],
     "2016-01-01", "2022-03-11", "signed", 0, 0, "high", [4, 6], True,
     "Municipal nynorsk chrome ignored (footer date). 'tok til å gjelde 1. januar 2016' = adopted; 'Revidert versjon godkjend 11.03.2022' = revised. '(sign.)' with names -> signed. "
     "Opplæring av tilsette is staff training, not LMS. Point 6 counted because VV shall offer hospitering and fagdagar twice a year (content). Drammen sjukehus, Hallingdal sjukestugu are sites. "
     "'Tilstanden kan endre seg' is a circumstance, not counted. Meeting: fagråd with members, four times a year."),
    ("heldout/f11_referat_lsu_ulvik_eidfjord_helse_bergen.docx", "nn", "annet", "Helse Bergen HF", ["Eidfjord", "Ulvik"],
     None, None, "unknown", 1, 2, "low", [], True,
     "Meeting minutes -> annet; meeting dates are not adopted/revised. 'Ulvik herad' -> Ulvik. No signature block -> unknown. "
     "LMS 1: LMS orienterte om kurskalender; Ulvik 'vurderer' a course - no task assigned (judgement call: 2 would need a responsibility). UP 2: a brukarrepresentant (FFO) is a member of LSU. "
     "Commitment low: bør/kan/vurderer. Points none: orientations only. Meeting arenas: LSU composition and four meetings a year described."),
    ("heldout/f12_hoyringsutkast_tenesteavtale13_barn_unge_hoyanger_vik_helse_forde.odt", "nn", "delavtale", "Helse Førde HF", ["Høyanger", "Vik"],
     None, None, "unsigned", 2, 1, "high", [2, 13], True,
     "HØYRINGSUTKAST in the ODT header and dotted signature lines -> unsigned, adopted null; draft date and hearing deadline are not dates. "
     "LMS 2: parties shall ensure opplæring og meistringstilbod for children and parents, general. Points 13 and 2 (LMS>=2). UP 1 principle. Meeting: fagnettverk with members, twice a year."),
    ("heldout/f13_tenesteavtale6_kunnskapsoverforing_austevoll_helse_bergen.docx", "nn", "delavtale", "Helse Bergen HF", ["Austevoll"],
     "2013-06-20", "2022-08-01", "signed", 1, 0, "low", [6], False,
     "Version table: 1.0 20.06.2013 vedteken = adopted, 1.1 01.08.2022 = revised. 'Dokumentet er godkjent elektronisk og har derfor ingen signatur' -> signed. "
     "LMS 1: only in the contact table. Commitment low: bør/kan/søkje å/vurdere. Haukeland is a site."),
    ("heldout/f14_overordnet_samarbeidsavtale_numedal_vestre_viken.pdf", "nb", "overordnet", "Vestre Viken HF", ["Flesberg", "Nore og Uvdal", "Rollag"],
     "2019-06", "2023-03-15", "signed", 1, 2, "high", [1, 12], True,
     "Version table: 'juni 2019 vedtatt' -> 2019-06; newest row 15.03.2023 -> revised. Signed with names and date on the last page. Kongsberg/Drammen sykehus, Numedal, Veggli are not parties. "
     "LMS 1: delavtale list only. UP 2: a brukerrepresentant sits in SSU (table) plus a principle. Points 1, 12. Meeting: table of bodies."),
    ("heldout/f15_samhandlingsrutine_slagskole_haugesund_karmoy_helse_fonna.docx", "nb", "retningslinje", "Helse Fonna HF", ["Haugesund", "Karmøy"],
     "2022-10-05", None, "unknown", 3, 2, "low", [2], True,
     "Godkjent i SSU 05.10.2022 = adopted. No signature block. LMS 3: named offer (Slagskolen), target group, roles, henvisning route, contact persons, yearly evaluation. "
     "Commitment low: nearly every task is bør/kan/tilstrebe -> good_example false. UP 2: likeperson from LHL Hjerneslag as co-organiser (mechanism), no appointment route. Meeting: contact persons meet yearly."),
    ("heldout/f16_utkast_delavtale10_forebygging_porsgrunn_bamble_sthf.pdf", "nb", "delavtale", "Sykehuset Telemark HF", ["Bamble", "Porsgrunn"],
     None, None, "unsigned", 2, 0, "low", [2, 10], False,
     "UTKAST in every page header and empty Navn:/Dato: -> unsigned, adopted null; 'Utkast datert' is a draft date. "
     "LMS 2: frisklivstilbud responsibility given to the municipalities in general terms (frisklivs- counts as LMS per spec); staff training and folkehelse are not LMS. Points 10 and 2 (LMS>=2). Commitment low: bør/søke å/tilstrebe/kan dominate."),
]


# Added after the first measurement: labels re-read where the engine disagreed; none changed.
RECHECKED = {
    "f03": "Re-checked after measurement: LMS kept at 2 (no named offer, no referral channel/timeline; informing + assessing need is general); point 5 kept (utskrivingsklar melding and same-day reply).",
    "f05": "Re-checked after measurement: the one-off 'arbeidsgruppe med representantar frå kommunane og sjukehuset' is a passing mention, not a described arena (no named body, no frequency); 'tilvising' appears only as the topic of the draft, so no point 3.",
    "f07": "Re-checked after measurement: the signature table (Part | Navn | Sted og dato) has names and dates -> signed; with 'trer i kraft ved signering' adopted = 2022-09-12.",
    "f09": "Re-checked after measurement: kept.", "f10": "Re-checked after measurement: kept.",
    "f11": "Re-checked after measurement: kept.", "f12": "Re-checked after measurement: kept.",
    "f14": "Re-checked after measurement: kept.", "f15": "Re-checked after measurement: kept.",
}


def main() -> None:
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
        for (file, lang, kind, hf, munis, adopted, revised, sig, lms, up, com, points, meet, notes) in ROWS:
            row = {"file": file, "language": lang, "kind": kind, "health_trust": hf, "municipalities": sorted(munis),
                   "adopted": adopted, "revised": revised, "signature": sig, "lms_level": lms,
                   "user_participation_level": up, "commitment": com, "statutory_points": sorted(points),
                   "meeting_arenas": meet, "good_example": lms == 3 and com == "high",
                   "needs_ocr": False, "error": None,
                   "notes": (notes + " " + RECHECKED.get(file.split("/")[1][:3], "")).strip()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
