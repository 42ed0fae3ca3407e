"""Documents: stored once per content hash; sources and versions; passages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from samrev.core.errors import InputError, StoreIntegrityError
from samrev.core.model import Passage
from samrev.store import actions, repository
from samrev.store.models import AuditEvent, Document, DocumentSource
from samrev.store.models import Passage as PassageRow

from .conftest import TEXT, sha

pytestmark = pytest.mark.django_db


def test_reimport_is_a_no_op(save_doc: Callable[..., Any]) -> None:
    document, created = save_doc()
    again, created_again = save_doc()

    assert created is True
    assert created_again is False
    assert again.pk == document.pk
    assert Document.objects.count() == 1
    assert DocumentSource.objects.count() == 1
    assert [e.action for e in AuditEvent.objects.all()] == ["document.created"]


def test_document_fields_are_stored(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc(metadata={"title": "Avtale"}, language="nb", needs_ocr=False)
    document.refresh_from_db()

    assert document.content_hash == sha(TEXT)
    assert document.text == TEXT
    assert document.characters == len(TEXT)
    assert document.page_ranges == [[0, len(TEXT)]]
    assert document.metadata == {"title": "Avtale"}
    assert document.error is None
    assert repository.get_document(sha(TEXT).upper()) == document


def test_same_content_at_a_new_path_adds_only_a_source(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc(path="avtaler/bodo.pdf")
    same, created = save_doc(path="kopi/bodo.pdf")

    assert created is False
    assert same.pk == document.pk
    assert Document.objects.count() == 1
    assert sorted(document.sources.values_list("path", flat=True)) == ["avtaler/bodo.pdf", "kopi/bodo.pdf"]
    assert [e.action for e in AuditEvent.objects.all()] == ["document.created", "document.seen"]


def test_same_content_in_a_new_round_adds_a_source(save_doc: Callable[..., Any], review_round: Any) -> None:
    save_doc()
    save_doc(round=review_round)
    save_doc(round=review_round)

    assert DocumentSource.objects.count() == 2
    assert DocumentSource.objects.filter(round=review_round).count() == 1


def test_changed_file_at_the_same_path_is_a_new_version(save_doc: Callable[..., Any]) -> None:
    first, _ = save_doc(TEXT, path="avtaler/bodo.pdf")
    second, created = save_doc(TEXT + "\nRevidert 2025.", path="avtaler/bodo.pdf")

    assert created is True
    assert second.pk != first.pk
    source = second.sources.get()
    assert source.previous_version == first
    assert repository.versions_at("avtaler/bodo.pdf") == [first, second]
    event = AuditEvent.objects.get(object_id=second.content_hash)
    assert event.data["previous_version"] == first.content_hash


def test_a_malformed_hash_is_refused() -> None:
    with pytest.raises(InputError):
        actions.save_document(content_hash="abc", format="txt", text="x", path="x.txt")
    assert Document.objects.count() == 0


def test_a_round_less_source_is_unique_in_the_database(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentSource.objects.create(document=document, path="avtaler/bodo.pdf", round=None)


def _passages(text: str) -> list[Passage]:
    out = []
    start = 0
    for index, line in enumerate(text.split("\n")):
        out.append(Passage(start=start, end=start + len(line), text=line, page=1, language="nb", index=index))
        start += len(line) + 1
    return out


def test_passages_are_stored_and_mapped_back(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    passages = _passages(TEXT)

    actions.save_passages(document, passages, actor="alice")

    assert repository.document_passages(document) == passages
    for passage in repository.document_passages(document):
        assert document.text[passage.start : passage.end] == passage.text


def test_saving_the_same_passages_again_writes_nothing(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    actions.save_passages(document, _passages(TEXT))
    events = AuditEvent.objects.count()
    ids = list(PassageRow.objects.values_list("pk", flat=True))

    actions.save_passages(document, _passages(TEXT))

    assert AuditEvent.objects.count() == events
    assert list(PassageRow.objects.values_list("pk", flat=True)) == ids


def test_new_passages_replace_the_old_set(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    actions.save_passages(document, _passages(TEXT))
    whole = [Passage(start=0, end=len(TEXT), text=TEXT, page=1, index=0)]

    actions.save_passages(document, whole)

    assert repository.document_passages(document) == whole
    last = AuditEvent.objects.filter(action="passages.saved").order_by("id").last()
    assert last is not None
    assert last.data == {"count": 1, "replaced": 3}


def test_passages_outside_the_text_are_refused(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    with pytest.raises(StoreIntegrityError):
        actions.save_passages(document, [Passage(start=0, end=len(TEXT) + 5, text=TEXT)])
    with pytest.raises(StoreIntegrityError):
        actions.save_passages(
            document, [Passage(start=0, end=1, text="S"), Passage(start=1, end=2, text="a")]
        )
    assert PassageRow.objects.count() == 0


def test_the_database_refuses_start_after_end(save_doc: Callable[..., Any]) -> None:
    document, _ = save_doc()
    with pytest.raises(IntegrityError), transaction.atomic():
        PassageRow.objects.create(document=document, index=0, start=5, end=2, text="")
