"""`samrev agreements import|summary|coverage|queue|verify|export-verifications|import-verifications`.

The round commands of the national review; registered on :data:`samrev.cli.agreements.app`
(imported by :mod:`samrev.cli.app`).  Like every CLI module, only Typer at import time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from samrev.cli.agreements import _progress_bar, app

RoundOption = Annotated[str, typer.Option("--round", "-r", help="Rundens navn, f.eks. «Kartlegging 2026».")]
TodayOption = Annotated[
    str | None, typer.Option("--today", help="Dato alder regnes fra (ÅÅÅÅ-MM-DD; standard: i dag).")
]


def _today(text: str | None) -> date:
    from samrev.core.errors import InputError

    if not text:
        return datetime.now(tz=UTC).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(detail=f"ugyldig dato «{text}» (bruk ÅÅÅÅ-MM-DD)") from None


def _read_manifest(path: str | None) -> list[Any]:
    if not path:
        return []
    from samrev.agreements.manifest import read_manifest

    return list(read_manifest(Path(path)))


def _store() -> None:
    from samrev.store.bootstrap import ensure_ready

    ensure_ready()


@app.command("import")
def import_(
    paths: Annotated[list[str], typer.Argument(help="Filer, mapper eller ZIP-arkiver med avtaler.")],
    round_name: RoundOption,
    manifest: Annotated[
        str | None, typer.Option("--manifest", "-m", help="CSV: file,health_trust,municipality,url,retrieved.")
    ] = None,
    structure: Annotated[int, typer.Option("--structure", help="Kommunestruktur: 2020 eller 2024.")] = 2024,
    year: Annotated[int | None, typer.Option("--year", help="Rundens år (standard: i år).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Antall prosesser.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: table eller json.")] = "table",
) -> None:
    """Les inn og vurder avtalene i en runde. Samme fil to ganger endrer ingenting; manifestets
    parter går foran partene funnet i teksten."""
    from samrev.agreements.review import import_round
    from samrev.cli._common import err, out, print_json
    from samrev.core.errors import InputError

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk table eller json)")
    rows = _read_manifest(manifest)
    _store()
    with _progress_bar() as bar:
        task = bar.add_task("Leser inn", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Vurderer {Path(name).name}")

        result = import_round(list(paths), round_name, manifest=rows, structure=structure,
                              year=year, workers=workers, progress=step)
    for record in result.records:
        if record["error"]:
            err.print(f"[yellow]{record['file']}[/]: {record['error']['message']}", markup=True, highlight=False)
    for name in result.manifest_unmatched:
        err.print(f"Manifestet nevner «{name}», men filen var ikke blant dem som ble lest inn.", highlight=False)
    if format == "json":
        print_json(result.to_dict())
    else:
        out.print(
            f"Runde «{result.round}»: {result.files} filer, {result.new_in_round} nye i runden, "
            f"{result.already_in_round} fantes fra før, {result.assessed} vurdert, {result.reused} gjenbrukt, "
            f"{result.failed} feilet. Manifest: {result.manifest_matched} av {result.manifest_rows} rader brukt."
        )
    if result.files == 0 or result.failed == result.files:
        raise typer.Exit(1)


def _facts(paths: list[str], round_name: str | None, manifest: str | None, workers: int | None) -> list[Any]:
    """Facts from a round in the store, or from assessing ``paths`` (stored assessments reused)."""
    from samrev.core.errors import InputError

    if bool(paths) == bool(round_name):
        raise InputError(detail="oppgi enten filer/mapper eller --round (ikke begge)")
    _store()
    from samrev.agreements import review

    if round_name:
        return review.round_facts(round_name)
    from samrev.agreements.service import assess_paths

    rows = _read_manifest(manifest)
    with _progress_bar() as bar:
        task = bar.add_task("Vurderer avtaler", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Vurderer {Path(name).name}")

        assessments = list(assess_paths(list(paths), store=True, workers=workers, progress=step))
    find = review._manifest_lookup(rows) if rows else None
    return review.facts_for_assessments(assessments, find)


@app.command("summary")
def summary(
    paths: Annotated[list[str] | None, typer.Argument(help="Filer eller mapper (eller bruk --round).")] = None,
    round_name: Annotated[str | None, typer.Option("--round", "-r", help="En runde i databasen.")] = None,
    manifest: Annotated[str | None, typer.Option("--manifest", "-m", help="Manifest (CSV) med parter.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json eller table.")] = "json",
    today: TodayOption = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Antall prosesser.")] = None,
) -> None:
    """Nasjonal oppsummering: signert (med 95 % Wilson-intervall), LMS-nivå, brukermedvirkning,
    forpliktelse, lovpunkter, alder, gode eksempler, per helseforetak. Verifiserte verdier går foran."""
    from samrev.agreements.summary import rank_good_examples, summarise
    from samrev.cli._common import print_json
    from samrev.core.errors import InputError

    if format not in ("json", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json eller table)")
    facts = _facts(list(paths or []), round_name, manifest, workers)
    day = _today(today)
    result = summarise(facts, today=day)
    result["good_example_details"] = [e.to_dict() for e in rank_good_examples([f for f in facts if f.ok], today=day)]
    if format == "json":
        print_json(result)
    else:
        _print_summary(result)


def _print_summary(result: dict[str, Any]) -> None:
    from rich.table import Table

    from samrev.cli._common import out
    from samrev.report.format import percent, percent_range

    sig = result["signature"]
    share = sig["share_signed"]
    interval = sig["share_signed_ci95"]
    out.print(f"[bold]{result['n_documents']} dokumenter[/], {result['n_errors']} med feil, "
              f"{result['verification']['documents_with_verified_values']} med verifiserte verdier.", markup=True)
    if share is not None and interval:
        out.print(f"Signert: {percent(share)} (95 % KI {percent_range(*interval)})")
    table = Table(title="Per helseforetak")
    for column in ("Helseforetak", "Dok.", "Signert", "LMS 0/1/2/3", "Brukermedv. 0/1/2/3", "Gode eks."):
        table.add_column(column)
    for trust, part in result.get("by_health_trust", {}).items():
        lms = "/".join(str(part["lms_level"][str(k)]) for k in range(4))
        upl = "/".join(str(part["user_participation_level"][str(k)]) for k in range(4))
        signed = part["signature"]["share_signed"]
        table.add_row(trust, str(part["n_documents"]), percent(signed), lms, upl,
                      str(len(part["good_examples"])))
    out.print(table)


@app.command("coverage")
def coverage(
    round_name: RoundOption,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json, xlsx eller table.")] = "json",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Fil for xlsx (standard: dekning.xlsx).")]
    = None,
    health_trust: Annotated[
        list[str] | None, typer.Option("--health-trust", help="Helseforetak som skal med (standard: dem i runden).")
    ] = None,
    today: TodayOption = None,
) -> None:
    """Helseforetak × kommune: hvilke avtaler finnes, LMS, brukermedvirkning, signert, år siden
    revisjon; kommuner uten avtale listes."""
    from samrev.agreements.coverage import coverage as build
    from samrev.agreements.review import get_round, round_facts
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputError

    if format not in ("json", "xlsx", "table"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json, xlsx eller table)")
    _store()
    review_round = get_round(round_name)
    result = build(round_facts(round_name), structure=review_round.registry_structure, today=_today(today),
                   health_trusts=health_trust or None)
    result["round"] = review_round.name
    if format == "json":
        print_json(result)
    elif format == "xlsx":
        from samrev.agreements.sheets import write_coverage

        target = Path(output or "dekning.xlsx")
        write_coverage(result, target)
        out.print(f"Skrev {target}")
    else:
        from rich.table import Table

        table = Table(title=f"Dekning i «{review_round.name}»")
        for column in ("Helseforetak", "Kommune", "Dok.", "Typer", "LMS", "Brukermedv.", "Signert", "År"):
            table.add_column(column)
        for cell in result["cells"]:
            table.add_row(cell["health_trust"], f"{cell['municipality_number']} {cell['municipality']}",
                          str(cell["n_documents"]), ", ".join(cell["kinds"]), str(cell["lms_level"] or "–"),
                          str(cell["user_participation_level"] or "–"), "ja" if cell["signed"] else "nei",
                          "–" if cell["years_since_revision"] is None else f"{cell['years_since_revision']:.1f}")
        out.print(table)
        out.print(f"{len(result['missing'])} kommuner uten avtale funnet.")


@app.command("queue")
def queue(
    round_name: RoundOption,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: table eller jsonl.")] = "table",
    limit: Annotated[int, typer.Option("--limit", "-n", help="Høyst så mange (0: alle).")] = 50,
    field: Annotated[list[str] | None, typer.Option("--field", help="Bare disse feltene.")] = None,
) -> None:
    """Vurderinger som bør kontrolleres, de mest usikre først (ikke verifiserte)."""
    from samrev.agreements.model import FIELDS
    from samrev.agreements.review import queue as build
    from samrev.agreements.review import value_text
    from samrev.cli._common import out, print_jsonl
    from samrev.core.errors import InputError

    if format not in ("table", "jsonl"):
        raise InputError(detail=f"ukjent format «{format}» (bruk table eller jsonl)")
    unknown = [name for name in field or [] if name not in FIELDS]
    if unknown:
        raise InputError(detail=f"ukjent felt {', '.join(unknown)} (felt: {', '.join(FIELDS)})")
    _store()
    items = build(round_name, fields=field or FIELDS)
    shown = items[:limit] if limit else items
    if format == "jsonl":
        for item in shown:
            print_jsonl(item.to_dict())
        return
    from rich.table import Table

    table = Table(title=f"Til kontroll: {len(shown)} av {len(items)}")
    for column in ("Fil", "Felt", "Verdi", "Sikkerhet", "Opphav", "Belegg"):
        table.add_column(column)
    for item in shown:
        quote = " ".join(str(item.evidence[0].get("text", "")).split())[:80] if item.evidence else ""
        table.add_row(Path(item.file).name, item.field, value_text(item.value),
                      "–" if item.confidence is None else f"{item.confidence:.2f}", item.provenance, quote)
    out.print(table)


@app.command("verify")
def verify(
    file: Annotated[str, typer.Argument(help="Dokumentet (sti som lest inn, filnavn eller fil på disk).")],
    field: Annotated[str, typer.Argument(help="Feltet, f.eks. lms_level eller signature.")],
    value: Annotated[str, typer.Argument(help="Riktig verdi (samme verdi bekrefter).")],
    by: Annotated[str, typer.Option("--by", help="Hvem som verifiserer.")],
    note: Annotated[str, typer.Option("--note", help="Merknad.")] = "",
    round_name: Annotated[str | None, typer.Option("--round", "-r", help="Runden dokumentet hører til.")] = None,
) -> None:
    """Bekreft eller rett en vurdering. Maskinens vurdering blir stående; din kommer i tillegg."""
    from samrev.agreements.review import value_text, verify_field
    from samrev.cli._common import out

    _store()
    result = verify_field(file, field, value, by=by, note=note, round_name=round_name)
    verb = "bekreftet" if result["confirmed"] else "rettet"
    out.print(f"{Path(result['file']).name}: {field} {verb} av {by}: {value_text(result['old'])} → "
              f"{value_text(result['new'])}")


@app.command("export-verifications")
def export_verifications(
    round_name: RoundOption,
    output: Annotated[str, typer.Option("--output", "-o", help="Fil: .xlsx eller .csv.")] = "verifisering.xlsx",
    all_: Annotated[bool, typer.Option("--all", help="Også verifiserte felt.")] = False,
) -> None:
    """Skriv vurderingene til et regneark som kan fylles ut i Excel og leses inn igjen."""
    from samrev.agreements.sheets import export_verifications as export
    from samrev.cli._common import out

    _store()
    count = export(round_name, Path(output), include_verified=all_)
    out.print(f"Skrev {count} rader til {output}")


@app.command("import-verifications")
def import_verifications(
    file: Annotated[str, typer.Argument(help="Utfylt regneark (.xlsx eller .csv).")],
    by: Annotated[str | None, typer.Option("--by", help="Hvem som verifiserte (når arket ikke sier det).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: table eller json.")] = "table",
) -> None:
    """Les inn verifiseringer fra et regneark. Motstridende endringer rapporteres, ingenting går tapt."""
    from samrev.agreements.sheets import import_verifications as load
    from samrev.cli._common import err, out, print_json

    _store()
    result = load(Path(file), default_by=by)
    if format == "json":
        print_json(result)
    else:
        out.print(f"{result['applied']} verifiseringer lagret ({result['confirmed']} bekreftet, "
                  f"{result['corrected']} rettet), {result['unchanged']} rader uten endring, "
                  f"{len(result['conflicts'])} konflikter, {len(result['errors'])} feil.")
    for conflict in result["conflicts"]:
        err.print(f"[yellow]Konflikt[/] rad {conflict['row']}: {conflict['message']}", markup=True, highlight=False)
    for problem in result["errors"]:
        err.print(f"[red]Feil[/] rad {problem['row']}: {problem['message']}", markup=True, highlight=False)
    if result["errors"] and not result["applied"]:
        raise typer.Exit(1)


@app.command("compare")
def compare(
    round_a: Annotated[str, typer.Argument(help="Den første (eldre) runden.")],
    round_b: Annotated[str, typer.Argument(help="Den andre (nyere) runden.")],
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: table eller json.")] = "table",
    all_rows: Annotated[bool, typer.Option("--all", help="Vis også kommuner uten endring.")] = False,
    today: TodayOption = None,
) -> None:
    """Hva endret seg fra én runde til en annen, per helseforetak og kommune (nye og signerte
    avtaler, LMS-nivå opp eller ned, revidert); sammenslåtte og delte kommuner håndteres."""
    from samrev.agreements.compare import compare as build
    from samrev.agreements.coverage import coverage as cover
    from samrev.agreements.review import get_round, round_facts
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputError

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk table eller json)")
    _store()
    first, second = get_round(round_a), get_round(round_b)
    day = _today(today)
    facts_a, facts_b = round_facts(round_a), round_facts(round_b)
    trusts = sorted({str(f.value("health_trust")) for f in [*facts_a, *facts_b] if f.ok and f.value("health_trust")})
    result = build(cover(facts_a, structure=first.registry_structure, today=day, health_trusts=trusts),
                   cover(facts_b, structure=second.registry_structure, today=day, health_trusts=trusts),
                   names=(first.name, second.name))
    if format == "json":
        print_json(result)
        return
    from rich.table import Table

    labels = {"new_agreement": "ny avtale", "lost_agreement": "avtale ikke funnet nå", "newly_signed": "nylig signert",
              "no_longer_signed": "ikke lenger signert", "lms_up": "LMS opp", "lms_down": "LMS ned",
              "user_participation_up": "brukermedvirkning opp", "user_participation_down": "brukermedvirkning ned",
              "revised": "revidert", "unchanged": "uendret"}
    table = Table(title=f"Fra «{first.name}» til «{second.name}»")
    for column in ("Helseforetak", "Kommune", "Endring", "LMS", "Signert", "Struktur"):
        table.add_column(column)
    for row in result["rows"]:
        if row["changes"] == ["unchanged"] and not all_rows:
            continue
        before, after = row["before"] or {}, row["after"] or {}
        table.add_row(row["health_trust"], f"{row['municipality_number']} {row['municipality']}",
                      ", ".join(labels[c] for c in row["changes"]),
                      f"{before.get('lms_level', '–')} → {after.get('lms_level', '–')}",
                      f"{'ja' if before.get('signed') else 'nei'} → {'ja' if after.get('signed') else 'nei'}",
                      {"merged": "slått sammen", "split": "delt"}.get(row["structure_change"], ""))
    out.print(table)
    out.print(", ".join(f"{labels[k]}: {v}" for k, v in result["counts"].items()))
