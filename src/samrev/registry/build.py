"""Derive the 2024 municipality structure from the 2020 one, by documented rules.

``kommuner_2024.csv`` and ``kommune_endringer.csv`` are *generated* from
``kommuner_2020.csv`` by the rules below, so every 2024 row can be traced to a 2020 row plus a
rule.  Regenerate after changing a rule with::

    .venv/bin/python -m samrev.registry.build

The test ``tests/registry/test_data.py`` fails when the committed files differ from what these
rules produce.

Rules (valid from 1 January 2024):

- Viken (30) was split into Østfold (31), Akershus (32) and Buskerud (33); Vestfold og Telemark
  (38) into Vestfold (39) and Telemark (40); Troms og Finnmark (54) into Troms (55) and
  Finnmark (56).  Every municipality in these counties got a new number (``RENUMBERED``).
- Haram (1580) was re-established out of Ålesund; the remaining Ålesund got the new number 1508.
- All other municipalities kept number and name.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
VALID_FROM_2024 = "2024-01-01"

#: 2024 counties created by the splits: number → name.
NEW_COUNTIES: dict[str, str] = {
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "39": "Vestfold",
    "40": "Telemark",
    "55": "Troms",
    "56": "Finnmark",
}

#: number 2020 → number 2024 for every municipality in a split county.
RENUMBERED: dict[str, str] = {
    # Viken → Østfold
    "3001": "3101", "3002": "3103", "3003": "3105", "3004": "3107", "3011": "3110",
    "3017": "3112", "3018": "3114", "3015": "3116", "3014": "3118", "3016": "3120",
    "3013": "3122", "3012": "3124",
    # Viken → Akershus
    "3024": "3201", "3025": "3203", "3030": "3205", "3020": "3207", "3033": "3209",
    "3023": "3212", "3022": "3214", "3019": "3216", "3021": "3218", "3028": "3220",
    "3029": "3222", "3027": "3224", "3026": "3226", "3034": "3228", "3032": "3230",
    "3031": "3232", "3054": "3234", "3053": "3236", "3036": "3238", "3035": "3240",
    "3037": "3242",
    # Viken → Buskerud
    "3005": "3301", "3006": "3303", "3007": "3305", "3038": "3310", "3049": "3312",
    "3048": "3314", "3047": "3316", "3046": "3318", "3039": "3320", "3040": "3322",
    "3041": "3324", "3042": "3326", "3043": "3328", "3044": "3330", "3045": "3332",
    "3050": "3334", "3051": "3336", "3052": "3338",
    # Vestfold og Telemark → Vestfold
    "3801": "3901", "3802": "3903", "3803": "3905", "3804": "3907", "3805": "3909",
    "3811": "3911",
    # Vestfold og Telemark → Telemark
    "3806": "4001", "3807": "4003", "3808": "4005", "3812": "4010", "3813": "4012",
    "3814": "4014", "3815": "4016", "3816": "4018", "3817": "4020", "3820": "4022",
    "3819": "4024", "3818": "4026", "3821": "4028", "3822": "4030", "3823": "4032",
    "3824": "4034", "3825": "4036",
    # Troms og Finnmark → Troms
    "5401": "5501", "5402": "5503", "5411": "5510", "5412": "5512", "5413": "5514",
    "5414": "5516", "5415": "5518", "5416": "5520", "5417": "5522", "5418": "5524",
    "5419": "5526", "5420": "5528", "5421": "5530", "5422": "5532", "5423": "5534",
    "5424": "5536", "5425": "5538", "5426": "5540", "5427": "5542", "5428": "5544",
    "5429": "5546",
    # Troms og Finnmark → Finnmark
    "5403": "5601", "5406": "5603", "5444": "5605", "5405": "5607", "5437": "5610",
    "5430": "5612", "5432": "5614", "5433": "5616", "5434": "5618", "5435": "5620",
    "5436": "5622", "5438": "5624", "5439": "5626", "5441": "5628", "5440": "5630",
    "5443": "5632", "5404": "5634", "5442": "5636",
}

#: Splits: number 2020 → [(number 2024, name 2024, names 2024)].  The first item is the continuation.
SPLITS: dict[str, list[tuple[str, str, str]]] = {
    "1507": [("1508", "Ålesund", "Ålesund(Norwegian)"), ("1580", "Haram", "Haram(Norwegian)")],
}

FIELDS_2020 = ["kommunenummer", "kommunenavn", "gyldige_navn", "fylkesnummer", "fylkesnavn",
               "samisk_forvaltningsomrade"]
FIELDS_2024 = [*FIELDS_2020, "gyldig_fra"]
FIELDS_CHANGES = ["kommunenummer_2020", "kommunenavn_2020", "kommunenummer_2024", "kommunenavn_2024",
                  "endring"]


def read_2020() -> list[dict[str, str]]:
    with (DATA_DIR / "kommuner_2020.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The 2024 rows and the 2020→2024 change rows, derived from the 2020 file."""
    rows_2024: list[dict[str, str]] = []
    changes: list[dict[str, str]] = []
    for row in read_2020():
        number = row["kommunenummer"]
        if number in SPLITS:
            for new_number, new_name, new_names in SPLITS[number]:
                rows_2024.append({**row, "kommunenummer": new_number, "kommunenavn": new_name,
                                  "gyldige_navn": new_names, "gyldig_fra": VALID_FROM_2024})
                changes.append({"kommunenummer_2020": number, "kommunenavn_2020": row["kommunenavn"],
                                "kommunenummer_2024": new_number, "kommunenavn_2024": new_name,
                                "endring": "split"})
            continue
        new_number = RENUMBERED.get(number, number)
        county = new_number[:2]
        out = {**row, "kommunenummer": new_number, "gyldig_fra": VALID_FROM_2024}
        if new_number != number:
            out["fylkesnummer"] = county
            out["fylkesnavn"] = NEW_COUNTIES[county]
        rows_2024.append(out)
        changes.append({"kommunenummer_2020": number, "kommunenavn_2020": row["kommunenavn"],
                        "kommunenummer_2024": new_number, "kommunenavn_2024": row["kommunenavn"],
                        "endring": "renumbered" if new_number != number else "unchanged"})
    rows_2024.sort(key=lambda r: r["kommunenummer"])
    changes.sort(key=lambda r: (r["kommunenummer_2020"], r["kommunenummer_2024"]))
    return rows_2024, changes


def to_csv(rows: list[dict[str, str]], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def expected_files() -> dict[str, str]:
    """File name → expected content of every generated file."""
    rows_2024, changes = build()
    return {
        "kommuner_2024.csv": to_csv(rows_2024, FIELDS_2024),
        "kommune_endringer.csv": to_csv(changes, FIELDS_CHANGES),
    }


def main() -> None:
    for name, content in expected_files().items():
        (DATA_DIR / name).write_text(content, encoding="utf-8")
        print(f"skrev {DATA_DIR / name}")


if __name__ == "__main__":
    main()
