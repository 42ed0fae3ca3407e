"""The after-hook of ingest_many runs in the worker that read each file; its failures are data."""

from __future__ import annotations

from pathlib import Path

import pytest

from samrev.ingest import ingest_many
from samrev.ingest.fixtures_pdf import text_pdf
from samrev.ingest.model import IngestedDocument


def count_words(document: IngestedDocument) -> None:
    document.derived["words"] = len(document.text.split())


def fail_on_second(document: IngestedDocument) -> None:
    if document.path.endswith("avtale_1.pdf"):
        raise RuntimeError("hook broke")
    document.derived["ok"] = True


@pytest.mark.parametrize("workers", [1, 2])
def test_hook_results_come_back_in_order(tmp_path: Path, workers: int) -> None:
    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(4)]
    records = list(ingest_many(paths, workers=workers, after=count_words, chunk_size=1))
    assert [r.path for r in records] == [str(p) for p in paths]
    assert all(r.derived["words"] == len(r.text.split()) > 20 for r in records)


def test_a_failing_hook_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(3)]
    records = list(ingest_many(paths, workers=2, after=fail_on_second, chunk_size=1))
    assert records[1].derived == {"after_error": "RuntimeError: hook broke"}
    assert records[0].derived == {"ok": True} and records[2].derived == {"ok": True}
    assert all(r.error is None for r in records)


def odd_passages(document: IngestedDocument) -> None:
    """Passages whose texts are not the slices they claim to be (travel as they are)."""
    from samrev.core.model import Passage

    document.derived["passages"] = [Passage(start=0, end=4, text="ikke slik", index=0)]


def test_passages_come_back_from_the_workers_as_they_were_made(tmp_path: Path) -> None:
    from samrev.ingest.locate import locate

    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(3)]
    in_workers = list(ingest_many(paths, workers=2, after=locate, chunk_size=1))
    here = list(ingest_many(paths, workers=1, after=locate))
    assert all(len(r.derived["passages"]) > 3 for r in in_workers)
    assert [r.derived["passages"] for r in in_workers] == [r.derived["passages"] for r in here]
    assert all(p.text == r.text[p.start:p.end] and p.page for r in in_workers for p in r.derived["passages"])
    odd = list(ingest_many(paths[:2], workers=2, after=odd_passages, chunk_size=1))
    assert [r.derived["passages"][0].text for r in odd] == ["ikke slik", "ikke slik"]
