"""Builders for small screening datasets (seeded, written as real CSV files)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "literature"
if not SHARED.is_dir():  # a worktree next to the project checkout
    SHARED = Path("/work/shared/data/literature")

TOPIC = "collaboration municipality hospital care pathway patient education coping learning".split()
OTHER = "mouse protein receptor gene expression assay kinase membrane cell culture".split()
COMMON = "study results method data analysis effect group outcome report sample".split()


def write_dataset(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    header = header or ["record_id", "title", "abstract", "label_included"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def synthetic_rows(n: int = 120, n_included: int = 12, seed: int = 7) -> list[dict[str, str]]:
    """Included records talk about the topic, excluded ones mostly about something else."""
    rng = random.Random(seed)  # noqa: S311  (the spec draws priors with random.Random)
    rows = []
    included = set(rng.sample(range(n), n_included))
    for i in range(n):
        vocab = TOPIC if i in included else OTHER
        words = [rng.choice(vocab if rng.random() < 0.5 else COMMON) for _ in range(30)]
        rows.append({
            "record_id": f"r{i + 1}",
            "title": " ".join(words[:6]),
            "abstract": " ".join(words[6:]),
            "label_included": "1" if i in included else "0",
        })
    return rows


@pytest.fixture
def small_csv(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "small.csv", synthetic_rows())
