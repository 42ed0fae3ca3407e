"""Spreadsheets of a round: coverage (XLSX), and verification out to Excel/CSV and back.

Verification round trip: :func:`export_verifications` writes one row per (document, field) with
the value the report uses now and an empty ``new_value`` column; a team fills ``new_value``
(a value, or ``ok`` to confirm), ``verified_by`` and ``note`` in Excel; :func:`import_verifications`
reads it back.  Each filled row becomes a person's judgement (the machine's stays).  Nothing is
lost or silently dropped:

- a row whose value someone else changed since the export (the store's current value is no
  longer the exported ``current_value``) is a **conflict**: reported, not applied, and kept in the
  audit log with the sheet's value, so it can be settled by hand;
- two rows of one sheet for the same field with different values: the second is a conflict;
- re-reading the same sheet changes nothing (a value already in place is ``unchanged``);
- a bad row (unknown id, a value outside the spec, no verifier) is an error naming the row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from samrev.core.errors import InputError

COLUMNS = ("judgement_id", "round", "file", "content_hash", "field", "machine_value", "current_value",
           "current_source", "confidence", "evidence", "new_value", "verified_by", "note")
CONFIRM = {"ok", "bekreft", "bekreftet", "stadfest", "confirm", "confirmed", "x", "✓"}
_HEADER_HELP = ("Fyll inn new_value (ny verdi, eller «ok» for å bekrefte), verified_by og eventuelt note. "
                "Ikke endre de andre kolonnene.")


def export_rows(round_name: str, *, include_verified: bool = False) -> list[dict[str, Any]]:
    """The rows to verify in ``round_name``: least certain first (see :func:`review.queue`)."""
    from samrev.agreements import review
    from samrev.store import models

    items = review.queue(round_name, include_verified=include_verified)
    # every judgement of these documents, once: (value, what it supersedes) by id
    chain = {pk: (value, supersedes) for pk, value, supersedes in models.Judgement.objects.filter(
        item_type=review.ITEM_TYPE, item_id__in={item.content_hash for item in items},
    ).values_list("pk", "value", "supersedes_id")}
    rows = []
    for item in items:
        value, supersedes = chain.get(item.judgement_id, (item.value, None))
        while supersedes is not None and supersedes in chain:  # back to the machine's judgement
            value, supersedes = chain[supersedes]
        quote = " | ".join(" ".join(str(e.get("text", "")).split())[:200] for e in item.evidence[:2])
        rows.append({
            "judgement_id": item.judgement_id, "round": round_name, "file": item.file,
            "content_hash": item.content_hash, "field": item.field,
            "machine_value": review.value_text(value),
            "current_value": review.value_text(item.value),
            "current_source": review._source_of(item.provenance), "confidence": item.confidence,
            "evidence": quote, "new_value": "", "verified_by": "", "note": "",
        })
    return rows


def export_verifications(round_name: str, target: Path, *, include_verified: bool = False) -> int:
    """Write the round's rows to ``target`` (.xlsx or .csv); returns the number of rows."""
    rows = export_rows(round_name, include_verified=include_verified)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    if suffix != ".xlsx":
        raise InputError(detail=f"{target}: bruk .xlsx eller .csv")
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.create_sheet("Verifisering", 0)
    book.remove(book.worksheets[1])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font = bold
    editable = {COLUMNS.index(c) + 1 for c in ("new_value", "verified_by", "note")}
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if cell.column in editable:
                cell.fill = fill
    widths = {"file": 40, "evidence": 80, "field": 24, "current_value": 20, "new_value": 20, "note": 30}
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = widths.get(name, 14)
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("Veiledning")
    help_sheet.append([_HEADER_HELP])
    book.save(target)
    return len(rows)


def _read_rows(source: Path) -> list[tuple[int, dict[str, str]]]:
    """(sheet row number, row by column name) from a .csv or .xlsx verification sheet."""
    if not source.is_file():
        raise InputError(detail=f"finner ikke filen {source}")
    suffix = source.suffix.lower()
    if suffix == ".csv":
        raw = source.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        rows = [(index, {k.strip(): (v or "").strip() for k, v in row.items() if k})
                for index, row in enumerate(reader, start=2)]
        header = [h.strip() for h in reader.fieldnames or []]
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(source, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise InputError(detail=f"{source}: kan ikke leses som et Excel-ark ({exc})") from None
        sheet = book["Verifisering"] if "Verifisering" in book.sheetnames else book.worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        book.close()
        if not values:
            raise InputError(detail=f"{source}: arket er tomt")
        header = [str(h).strip() if h is not None else "" for h in values[0]]
        rows = []
        for index, line in enumerate(values[1:], start=2):
            rows.append((index, {header[i]: "" if v is None else str(v).strip()
                                 for i, v in enumerate(line) if i < len(header) and header[i]}))
    else:
        raise InputError(detail=f"{source}: bruk .xlsx eller .csv")
    missing = [c for c in ("judgement_id", "field", "current_value", "new_value") if c not in header]
    if missing:
        raise InputError(detail=f"{source}: mangler kolonnene {', '.join(missing)}")
    return rows


def import_verifications(source: Path, *, default_by: str | None = None) -> dict[str, Any]:
    """Apply a filled verification sheet (see the module docstring); returns what happened."""
    from samrev.agreements import review
    from samrev.store import actions, models

    result: dict[str, Any] = {"file": str(source), "applied": 0, "confirmed": 0, "corrected": 0, "unchanged": 0,
                              "conflicts": [], "errors": []}
    seen: dict[tuple[str, str], tuple[int, Any]] = {}
    for number, row in _read_rows(source):
        new_text = row.get("new_value", "").strip()
        if not new_text:
            continue
        try:
            target = models.Judgement.objects.filter(pk=int(float(row.get("judgement_id", "")))).first()
        except ValueError:
            target = None
        if target is None:
            result["errors"].append({"row": number, "message": f"ukjent judgement_id «{row.get('judgement_id')}»"})
            continue
        field_name = target.subject
        if row.get("field") and row["field"] != field_name:
            result["errors"].append({"row": number, "message": (
                f"feltet «{row['field']}» stemmer ikke med vurdering {target.pk} ({field_name})")})
            continue
        by = row.get("verified_by", "").strip() or (default_by or "")
        if not by:
            result["errors"].append({"row": number, "message": "mangler verified_by (hvem som verifiserte)"})
            continue
        round_id = target.round_id
        if row.get("round"):
            found = models.ReviewRound.objects.filter(name=row["round"]).first()
            round_id = found.pk if found else round_id
        current, source_now = review.current_row(target.item_id, field_name, round_id)
        exported = row.get("current_value", "")
        try:
            value = current.value if new_text.lower() in CONFIRM else review.parse_value(field_name, new_text)
            if new_text.lower() in CONFIRM and exported and review.value_text(current.value) != exported:
                value = review.parse_value(field_name, exported)
        except InputError as exc:
            result["errors"].append({"row": number, "message": exc.message})
            continue
        key = (target.item_id, field_name)
        if key in seen and seen[key][1] != value:
            result["conflicts"].append(_conflict(number, row, field_name, value, seen[key][1],
                                                 f"rad {seen[key][0]} i samme ark gir en annen verdi"))
            continue
        seen[key] = (number, value)
        changed_meanwhile = exported != "" and review.value_text(current.value) != exported
        if source_now == "person" and current.value == value:
            result["unchanged"] += 1
            continue
        if changed_meanwhile and current.value != value:
            result["conflicts"].append(_conflict(number, row, field_name, value, current.value,
                                                 f"verdien er endret til «{review.value_text(current.value)}» "
                                                 f"siden arket ble laget (var «{exported}»)"))
            continue
        actions.verify(current.pk, by, value=value, note=row.get("note", ""))
        result["applied"] += 1
        result["confirmed" if value == current.value else "corrected"] += 1
    for conflict in result["conflicts"]:  # kept for a person to settle: nothing typed is lost
        actions.append_audit_event("verification.conflict", actor=conflict["verified_by"] or "samrev",
                                   object_type="document", object_id=conflict["content_hash"], data=conflict)
    return result


def _conflict(number: int, row: dict[str, str], field_name: str, value: Any, store_value: Any,
              why: str) -> dict[str, Any]:
    from samrev.agreements.review import value_text

    return {"row": number, "file": row.get("file", ""), "content_hash": row.get("content_hash", ""),
            "field": field_name, "sheet_value": value_text(value), "store_value": value_text(store_value),
            "verified_by": row.get("verified_by", ""), "note": row.get("note", ""),
            "message": f"{row.get('file', '')} {field_name}: {why}"}


def write_coverage(result: dict[str, Any], target: Path) -> None:
    """The coverage matrix as an XLSX workbook: cells, municipalities without agreement, and
    documents that could not be placed."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from samrev.agreements.coverage import coverage_rows

    book = Workbook()
    sheet = book.create_sheet("Dekning", 0)
    book.remove(book.worksheets[1])
    rows = coverage_rows(result)
    headers = list(rows[0]) if rows else ["Helseforetak", "Kommunenr", "Kommune"]
    sheet.append(headers)
    for row in rows:
        sheet.append([row[h] for h in headers])
    missing = book.create_sheet("Uten avtale")
    missing.append(["Helseforetak", "Kommunenr", "Kommune", "Del av kommunen"])
    for item in result["missing"]:
        missing.append([item["health_trust"], item["municipality_number"], item["municipality"], item["part"]])
    unplaced = book.create_sheet("Ikke plassert")
    unplaced.append(["Fil", "Helseforetak", "Kommuner", "Årsak"])
    for item in result["unplaced_documents"]:
        unplaced.append([item["file"], item["health_trust"], "; ".join(item["municipalities"]), item["reason"]])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    book.save(target)
