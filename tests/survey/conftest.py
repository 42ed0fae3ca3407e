"""Builders for small survey exports in the shapes real tools write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HEADERS = ["$submission_id", "$created", "Hvem svarer du på vegne av?", "Vi samarbeider godt.",
           "Hva fungerer bra?", "$answer_time_ms"]
ROWS = [
    ["1", "2024-11-04T09:12:41+01:00", "Kommune", "4 – Delvis enig", "Faste møter med sykehuset.", "100"],
    ["2", "2024-11-04T09:13:41+01:00", "Kommune", "2", "Kontakt Marit Hansen på 48219307.", "100"],
    ["3", "2024-11-04T09:14:41+01:00", "Helseføretak / sjukehus", "5 - Heilt einig", "Vet ikke", "100"],
    ["4", "2024-11-04T09:15:41+01:00", "Helseforetak / sykehus", "Både og", "Nettverket møtes ofte.", "100"],
    ["5", "2024-11-04T09:16:41+01:00", "Helseforetak / sykehus", "Vet ikke", "", "100"],
    ["6", "2024-11-04T09:17:41+01:00", "Kommune", "7", "Bra.", "100"],
]
CONFIG = """\
id_column: "$submission_id"
group:
  column: "Hvem svarer du på vegne av?"
  values: {"Kommune": kommune, "Helseforetak / sykehus": helseforetak, "Helseføretak / sjukehus": helseforetak}
likert:
  scale: {"1 – Helt uenig": 1, "2 – Delvis uenig": 2, "3 – Verken eller": 3, "4 – Delvis enig": 4,
          "5 – Helt enig": 5, "5 – Heilt einig": 5}
  items:
    S1: "Vi samarbeider godt."
open_questions:
  good: "Hva fungerer bra?"
"""


def write_csv(path: Path, headers: list[str], rows: list[list[str]], *, delimiter: str = ";",
              encoding: str = "utf-8", bom: bool = False, newline: str = "\r\n", quote_all: bool = True) -> Path:
    def cell(value: str) -> str:
        if quote_all or delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    text = newline.join(delimiter.join(cell(v) for v in row) for row in [headers, *rows]) + newline
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


@pytest.fixture
def survey_dir(tmp_path: Path) -> Path:
    (tmp_path / "survey.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest.fixture
def run(survey_dir: Path) -> Callable[..., dict[str, Any]]:
    from samrev.survey.service import analyse_files

    def go(responses: Path, config: Path | None = None, frame: Path | None = None) -> dict[str, Any]:
        return analyse_files(responses, config or survey_dir / "survey.yaml", frame)

    return go
