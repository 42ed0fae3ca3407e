"""Issue 4 (ingest speed): the faster measures and batches give what the plain ones gave."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from samrev.ingest import batch, ingest_many
from samrev.ingest.fixtures import text_pdf
from samrev.ingest.normalise import normalise_text
from samrev.ingest.quality import _BAD, _CLASSES, TextQuality, assess

pytestmark = pytest.mark.issue(4)


def reference_assess(text: str) -> TextQuality:
    """The measures as first written: one regex over the class string per measure."""
    classes = text.encode("latin-1", "replace").translate(_CLASSES)
    visible = len(classes) - classes.count(b" ")
    if visible == 0:
        return TextQuality(0, 0.0, 0.0, 0.0)
    letters = sum(classes.count(kind) for kind in (b"l", b"v", b"L", b"V"))
    words = len(re.findall(rb"[lvLV]+", classes))
    odd = len(re.findall(rb"(?<![lvLV])[lL]{2,}(?![lvLV])", classes)) + len(re.findall(rb"[lv][LV]", classes))
    bad = sum(map(len, _BAD.findall(text))) + classes.count(b"x")
    return TextQuality(visible, letters / visible, min(1.0, bad / visible),
                       max(0, words - odd) / words if words else 0.0)


PIECES = [*"abcdefghijklmnopqrstuvwxyzæøåABCXYZÆØÅéÉ  \n\t\r0123456789.,;:-/()$§«»–",
          "\x00", "\x07", "\x0b", "\x1c", "\x1f", "\x7f", "\x85", "\x9f", "\xa0", "\xad", "\ufffd", "\ue000",
          "\uf8ff", "\ufffe", "\u2010", "\u200b", "\u2003", "\ufb01", "\u2028", "\u2029", "Ω",
          "(cid:12)", "/g17", "/uni00E5", "/uniZZZZ", "(cid:)", "ll", "LL", "aB", "helse-\nforetaket",
          "IKT-\nsystem", " \n", "\t\n", "\n\n\n", "lærings-\nog", "e\u0301"]


def random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 150))) for _ in range(count)]


def test_assess_equals_the_reference_measures() -> None:
    for text in random_texts(20000, 1):
        assert assess(text) == reference_assess(text), repr(text)


def reference_normalise(text: str) -> str:
    """``normalise_text`` as first written: every regex run on every page."""
    import unicodedata

    from samrev.ingest import normalise as n

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = n._LIGATURE.sub(lambda m: n._LIGATURES[m.group()], text)
        text = n._DROP.sub("", n.dehyphenate(n._SPACES.sub(" ", text)))
    else:
        text = n._DROP.sub("", n.dehyphenate(text))
    return n._BLANK_RUNS.sub("\n\n", n._TRAILING_SPACE.sub("\n", text)).strip()


def test_normalise_equals_the_reference() -> None:
    for text in random_texts(20000, 2):
        assert normalise_text(text) == reference_normalise(text), repr(text)


def test_chunks_shrink_towards_the_end() -> None:
    jobs = [(str(i), str(i)) for i in range(200)]
    chunks = batch._chunks(jobs, 2, None)
    sizes = [len(chunk) for chunk in chunks]
    assert [job for chunk in chunks for job in chunk] == jobs
    assert max(sizes) == 16 and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    assert [len(chunk) for chunk in batch._chunks(jobs, 2, 7)][:2] == [7, 7]


@pytest.mark.parametrize("workers", [1, 2])
def test_started_runs_once_before_the_first_record(tmp_path: Path, workers: int) -> None:
    paths = [text_pdf(tmp_path / f"avtale_{i}.pdf") for i in range(5)]
    events: list[str] = []
    stream = ingest_many(paths, workers=workers, started=lambda: events.append("started"))
    for record in stream:
        events.append(record.path)
    assert events == ["started", *map(str, paths)]
