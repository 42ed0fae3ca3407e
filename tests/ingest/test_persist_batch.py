"""Issue 4: ``persist_many`` stores a batch in a few statements, with ``persist``'s outcome per file."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import pytest

from samrev.core.errors import StoreIntegrityError
from samrev.core.model import Passage
from samrev.ingest import IngestedDocument, ingest_file
from samrev.ingest.fixtures import text_pdf
from samrev.ingest.locate import locate

pytestmark = [pytest.mark.django_db, pytest.mark.issue(4)]


@pytest.fixture(scope="module")
def located(tmp_path_factory: pytest.TempPathFactory) -> list[IngestedDocument]:
    from samrev.ingest.fixture_texts import NB_PAGES, NN_PAGES

    folder = tmp_path_factory.mktemp("persist-batch")
    documents = []
    for i in range(6):
        pages = [[*page, f"Avtale nr. {i}"] for page in (NB_PAGES if i % 2 else NN_PAGES)]
        document = ingest_file(text_pdf(folder / f"avtale_{i}.pdf", pages))
        locate(document)
        assert document.error is None and document.derived["passages"]
        documents.append(document)
    return documents


def changed(document: IngestedDocument, suffix: str, path: str | None = None) -> IngestedDocument:
    other = copy.deepcopy(document)
    other.text += suffix
    other.content_hash = hashlib.sha256(other.text.encode()).hexdigest()
    other.path = path or other.path
    return other


def moved(document: IngestedDocument, path: str) -> IngestedDocument:
    other = copy.deepcopy(document)
    other.path = path
    return other


def store_state() -> dict[str, Any]:
    from samrev.store import models

    return {
        "documents": list(models.Document.objects.order_by("id").values_list("content_hash", "text", "language")),
        "sources": [(s.document.content_hash, s.path, s.previous_version.content_hash if s.previous_version else None)
                    for s in models.DocumentSource.objects.order_by("id")],
        "passages": list(models.Passage.objects.order_by("document_id", "index").values_list(
            "document__content_hash", "index", "start", "end", "page", "language", "text")),
        "audit": list(models.AuditEvent.objects.order_by("id").values_list("action", "object_id", "data")),
    }


def scenario(store: Any, docs: list[IngestedDocument]) -> list[Any]:
    """Fresh files, the same again, copies, new versions, a repeated file, a bad passage."""
    outcomes: list[Any] = []

    def run(batch: list[IngestedDocument]) -> None:
        try:
            outcomes.append([(saved.content_hash, created) for saved, created in store(batch)])
        except StoreIntegrityError as error:
            outcomes.append(str(error))

    run(docs[:4])
    run(docs[:4])
    run([moved(d, d.path + ".kopi") for d in docs[:2]] + [docs[4]])
    run([changed(d, "\nRevidert.") for d in docs[:3]])
    run([docs[5], docs[5], moved(docs[0], docs[1].path)])
    bad = changed(docs[2], "\nEndret igjen.")
    bad.derived["passages"] = [*bad.derived["passages"], Passage(start=0, end=10**9, text="x", index=999)]
    run([changed(docs[3], "\nA."), bad, changed(docs[3], "\nB.")])
    return outcomes


def test_a_batch_ends_as_one_file_after_the_other(located: list[IngestedDocument]) -> None:
    from django.db import transaction

    from samrev.ingest.persist import persist, persist_many

    def one_by_one(batch: list[IngestedDocument]) -> list[Any]:
        return [persist(d) for d in batch]

    with transaction.atomic():
        expected = scenario(one_by_one, located), store_state()
        transaction.set_rollback(True)
    with transaction.atomic():
        got = scenario(persist_many, located), store_state()
        transaction.set_rollback(True)
    assert got == expected
    outcomes, state = got
    assert [created for _, created in outcomes[0]] == [True] * 4 and not any(c for _, c in outcomes[1])
    assert isinstance(outcomes[-1], str) and "utenfor teksten" in outcomes[-1]
    assert [a for a, _, _ in state["audit"][:4]] == ["document.created", "passages.saved"] * 2
    # new versions: three, a copy at a path that holds another document, "A" and the bad file (stored,
    # as persist stores it, before its passages are refused)
    assert sum(1 for _, _, previous in state["sources"] if previous) == 6


def test_a_batch_of_new_files_costs_a_few_statements(located: list[IngestedDocument]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samrev.ingest.persist import persist_many

    with CaptureQueriesContext(connection) as queries:
        results = persist_many(located)
    assert [created for _, created in results] == [True] * len(located)
    assert len(queries.captured_queries) <= 10, [q["sql"][:60] for q in queries.captured_queries]


def test_sources_keep_their_paths(located: list[IngestedDocument], tmp_path: Path) -> None:
    from samrev.ingest.persist import persist_many
    from samrev.store import models

    persist_many([moved(located[0], str(tmp_path / "a.pdf")), moved(located[1], str(tmp_path / "b.pdf"))])
    assert sorted(models.DocumentSource.objects.values_list("path", flat=True)) == [
        str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf")]
