"""A small round in the store for the report tests: a good example (bokmål), a draft (nynorsk),
an agreement without learning-and-coping content, and an empty file that cannot be read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.agreements.round_texts import DRAFT
from tests.agreements.round_texts import SIGNED as GOOD

ROUND = "Rapportrunde 2026"
TODAY = date(2026, 11, 27)

PLAIN = """Delavtale 5 mellom Bremanger kommune og Helse Førde HF om utskrivningsklare pasienter

Helse Førde HF skal varsle kommunen når en pasient er utskrivningsklar. Kommunen skal ta imot pasienten
samme dag. Avtalen gjelder fra 01.09.2023.
"""


@pytest.fixture
def round_files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "runde"
    folder.mkdir()
    (folder / "delavtale2_kinn.txt").write_text(GOOD, encoding="utf-8")
    (folder / "ta10_sunnfjord.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "delavtale5_bremanger.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    return [str(folder)]


@pytest.fixture
def report_round(round_files: list[str], db: Any) -> Iterator[str]:
    """The round's name, imported into the test database."""
    from samrev.agreements.review import import_round

    result = import_round(round_files, ROUND, workers=1)
    assert result.files == 4 and result.failed == 1
    yield ROUND
