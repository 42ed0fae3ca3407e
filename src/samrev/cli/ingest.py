"""`samrev ingest`: read agreement files into text with page and character locations."""

from __future__ import annotations

from typing import Annotated, Any

import typer


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
    import itertools
    from pathlib import Path

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from samrev.cli._common import err, out, print_jsonl
    from samrev.core.errors import InputError
    from samrev.ingest import IngestOptions, expand_paths, ingest_many
    from samrev.ingest.locate import detect_language, locate

    if format not in ("jsonl", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk jsonl eller table)")
    empty = [p for p in paths if Path(p).is_dir() and not expand_paths([p])]
    rows: list[dict[str, Any]] = []
    failed = total = new = 0
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("Leser filer", total=None)

        def step(done: int, count: int, record: object) -> None:
            progress.update(task, completed=done, total=count)

        options = IngestOptions(ocr=not no_ocr)
        stream = ingest_many(paths, workers=workers, progress=step, options=options,
                             after=detect_language if no_store else locate)
        # The workers start with the first record; the store (Django) is set up after that, while
        # they read the next files, so its start-up cost overlaps with theirs.
        first = next(stream, None)
        if not no_store:
            from samrev.store.bootstrap import ensure_ready

            ensure_ready()
            from samrev.ingest.persist import persist
        for document in itertools.chain([first] if first is not None else [], stream):
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
            elif not no_store:
                _, created = persist(document)
                new += created
            if format == "jsonl":
                print_jsonl(record)
            else:
                rows.append(record)
    if format == "table":
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
