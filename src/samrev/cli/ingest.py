"""`samrev ingest`: read agreement files into text with page and character locations."""

from __future__ import annotations

import atexit
import gc
from typing import Annotated, Any

import typer

STORE_BATCH = 16  # documents stored per transaction


def _setup_store() -> None:
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()
    import samrev.ingest.persist
    import samrev.store.actions  # noqa: F401  (and with it Django's models)

    gc.freeze()  # Django's modules and settings, as the CLI's own in the command (see there)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Filer, mapper eller ZIP-arkiver.")],
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: jsonl (én linje per fil) eller table.")]
    = "jsonl",
    no_store: Annotated[bool, typer.Option("--no-store", help="Ikke lagre dokumentene i databasen.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Antall prosesser (standard: antall kjerner).")
    ] = None,
    no_ocr: Annotated[bool, typer.Option("--no-ocr", help="Ikke kjør tekstgjenkjenning på skannede sider.")] = False,
) -> None:
    """Les filer til tekst med side- og tegnposisjoner: én post per fil (fil, format, sider, språk,
    OCR, tegn, feil), lagret etter innholdshash slik at samme fil to ganger ikke endrer noe."""
    from samrev.core.errors import InputError

    if format not in ("jsonl", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk jsonl eller table)")
    # What is loaded by now (the CLI, Typer, Rich) lives until the command ends: out of the garbage
    # collector's reach, its collections only walk what the batch allocates (see _setup_store too).
    # Back in reach afterwards (for a caller in the same process, a test say); frozen again at
    # exit, where the collection that walks all of it would cost a tenth of a second for nothing.
    gc.freeze()
    try:
        _ingest(paths, format, no_store, workers, no_ocr)
    finally:
        gc.unfreeze()
        atexit.register(gc.freeze)


def _ingest(paths: list[str], format: str, no_store: bool, workers: int | None, no_ocr: bool) -> None:
    from pathlib import Path

    from samrev.cli._common import err, out, print_jsonl, progress_bar
    from samrev.ingest import IngestOptions, expand_paths, ingest_many
    from samrev.ingest.locate import detect_language, locate

    found = {p: expand_paths([p]) for p in paths}
    empty = [p for p in paths if Path(p).is_dir() and not found[p]]
    rows: list[dict[str, Any]] = []
    waiting: list[tuple[Any, dict[str, Any]]] = []  # records read, not yet stored
    failed = total = new = 0

    def emit(record: dict[str, Any]) -> None:
        if format == "jsonl":
            print_jsonl(record)
        else:
            rows.append(record)

    def flush() -> None:
        """Store the waiting documents in one transaction, then print their records in order."""
        nonlocal new
        from samrev.ingest.persist import persist_many

        stored = [document for document, _ in waiting if document.error is None]
        new += sum(created for _, created in persist_many(stored))
        for _, record in waiting:
            emit(record)
        waiting.clear()

    progress = progress_bar()
    with progress:
        task = progress.add_task("Leser filer", total=None)

        def step(done: int, count: int, record: object) -> None:
            progress.update(task, completed=done, total=count)

        options = IngestOptions(ocr=not no_ocr)
        # The store (Django) is set up once the workers have their first files, while they read.
        stream = ingest_many([f for p in paths for f in found[p]], workers=workers, progress=step,
                             options=options, after=detect_language if no_store else locate, expand=False,
                             started=None if no_store else _setup_store)
        for document in stream:
            total += 1
            record: dict[str, Any] = {
                "file": document.path, "format": document.format, "pages": len(document.pages),
                "language": document.derived.get("language"), "needs_ocr": document.needs_ocr,
                "characters": len(document.text), "error": document.error_record(),
                "content_hash": document.content_hash, "passages": len(document.derived.get("passages", [])),
                "page_ranges": [[p.start, p.end] for p in document.pages],
                "signatures": [s.to_dict() for s in document.signatures],
            }
            if document.error is not None:
                failed += 1
                err.print(f"[yellow]{document.path}[/]: {document.error.message}", markup=True, highlight=False)
            if no_store:
                emit(record)
                continue
            # Documents are stored a batch at a time (a few statements per batch, not a dozen per
            # file); a record is printed once its document is stored.
            waiting.append((document, record))
            if len(waiting) >= STORE_BATCH:
                flush()
        if waiting:
            flush()
    if format == "table":
        from rich.table import Table

        table = Table(title="Innleste filer")
        for column in ("Fil", "Format", "Sider", "Språk", "OCR", "Tegn", "Feil"):
            table.add_column(column)
        for r in rows:
            table.add_row(str(r["file"]), str(r["format"] or "–"), str(r["pages"]), str(r["language"] or "–"),
                          "ja" if r["needs_ocr"] else "nei", str(r["characters"]),
                          r["error"]["code"] if r["error"] else "")
        out.print(table)
    for folder in empty:
        err.print(f"Mappen «{folder}» inneholder ingen filer samrev kan lese.", highlight=False)
    if not no_store and total:
        err.print(f"{new} nye dokumenter lagret; {total - failed - new} fantes fra før.", highlight=False)
    if total == 0 or failed == total:
        raise typer.Exit(1)
