"""Fixture files for the ingest tests, built once per run by the package's own seeded builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.ingest.fixture_texts import SCAN_LINES
from samrev.ingest.fixtures import build_all, write_pdf


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every quick fixture (no scans, no signatures) by name; see ``samrev.ingest.fixtures.build_all``."""
    return build_all(tmp_path_factory.mktemp("ingest-fixtures"), scans=False, signed=False)


@pytest.fixture(scope="session")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A one-page scan (300 dpi, ≤ 1° skew, light noise) and a mixed text/scan/text PDF."""
    from samrev.ingest.fixture_texts import NN_PAGES
    from samrev.ingest.fixtures import scanned_pdf

    directory = tmp_path_factory.mktemp("ingest-scans")
    return {
        "scan_pdf": scanned_pdf(directory / "skannet.pdf", [SCAN_LINES]),
        "mixed_pdf": write_pdf(directory / "blandet.pdf",
                               [("text", NN_PAGES[0]), ("scan", SCAN_LINES), ("text", NN_PAGES[1])]),
    }


@pytest.fixture
def ocr_cache(tmp_path: Path) -> Path:
    """An empty OCR cache of the test's own (so OCR really runs)."""
    return tmp_path / "ocr-cache"

