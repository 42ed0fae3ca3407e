"""`samrev registry`: organisasjonsregisteret – kommuner, fylker, helseforetak og navnegjenkjenning.

Only Typer is imported at module level; the registry is imported inside each command.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from samrev.registry.model import CatchmentEntry, Municipality

app = typer.Typer(
    help=(
        "Organisasjonsregisteret: kommuner (2020- og 2024-struktur), fylker, helseforetak, "
        "opptaksområder og navnegjenkjenning i fritekst."
    ),
    no_args_is_help=True,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


_KIND_LABELS = {
    "municipality": "kommune",
    "county": "fylke",
    "health_trust": "helseforetak",
    "rhf": "regionalt helseforetak",
    "site": "sykehus (sted)",
    "private_hospital": "ideelt sykehus",
}
_TRUST_KIND_LABELS = {"rhf": "RHF", "hf": "HF", "ideell": "ideelt sykehus", "support": "støtteforetak"}
_CONFIDENCE_LABELS = {"source": "kilde", "known": "kjent", "inferred": "antatt"}
_LANGUAGE_LABELS = {
    "nor": "norsk", "sme": "nordsamisk", "sma": "sørsamisk", "smj": "lulesamisk", "fkv": "kvensk",
}

YEAR_HELP = "Kommunestruktur: 2020 (2020–2023) eller 2024 (fra 2024); andre år gir strukturen som gjaldt da."
FORMAT_HELP = "Utdata: table (tabell) eller json."

Year = Annotated[int, typer.Option("--year", "-y", help=YEAR_HELP)]
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]


def _table(title: str | None = None, columns: tuple[str, ...] = ()) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for header in columns:
        table.add_column(header, overflow="fold")  # never cut a name with «…»
    return table


def _print(renderable: Any) -> None:
    from samrev.cli._common import out

    out.print(renderable)


def _note(message: str) -> None:
    from samrev.cli._common import err

    err.print(f"[yellow]Merk:[/] {message}", markup=True)


def _catchment_text(entries: list[CatchmentEntry]) -> list[str]:
    lines = []
    for entry in entries:
        parts = [entry.health_trust.name]
        if entry.part:
            parts.append(f"– {entry.part}")
        if entry.scope != "alle":
            parts.append(f"({entry.scope})")
        parts.append(f"[{_CONFIDENCE_LABELS[entry.confidence]}]")
        lines.append(" ".join(parts))
    return lines


def _read_text(text_or_file: str) -> str:
    """The argument itself, standard input for ``-``, or the content of an existing text file."""
    from pathlib import Path

    from samrev.core.errors import InputFormatError

    if text_or_file == "-":
        return sys.stdin.read()
    if "\n" not in text_or_file and len(text_or_file) < 1024:
        path = Path(text_or_file)
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputFormatError(path=str(path), detail=str(exc)) from exc
    return text_or_file


@app.command("match")
def match_command(
    text_or_file: Annotated[
        str, typer.Argument(help="Tekst å søke i, en tekstfil (UTF-8) eller - for standard inn.")
    ],
    year: Year = 2024,
    output: Format = OutputFormat.table,
    fuzzy: Annotated[bool, typer.Option("--fuzzy", help="Tillat små skrivefeil (OCR-støy).")] = False,
) -> None:
    """Finn kommuner, fylker, helseforetak og sykehus som nevnes i en tekst."""
    from samrev.registry import match

    found = match(_read_text(text_or_file), year, fuzzy=fuzzy)
    if output is OutputFormat.json:
        from samrev.cli._common import print_json

        print_json([m.to_dict() for m in found])
        return
    if not found:
        _print("Fant ingen organisasjoner i teksten.")
        return
    table = _table(columns=("Type", "Navn", "Nr./id", "Posisjon", "Tekst", "Regel"))
    for m in found:
        name = m.canonical + (" (tvetydig)" if m.ambiguous else "")
        score = f" ({m.score:g})" if m.score < 100 else ""
        table.add_row(_KIND_LABELS[m.kind], name, m.id, f"{m.start}–{m.end}", m.surface, m.rule + score)
    _print(table)


def _resolve_municipality(query: str, year: int) -> tuple[Municipality, str | None]:
    """The municipality in the structure of ``year``; falls back to the other structure with a note."""
    from samrev.core.errors import UnknownMunicipality
    from samrev.registry import municipality, structure_for_year

    try:
        return municipality(query, year), None
    except UnknownMunicipality:
        other = 2020 if structure_for_year(year) == 2024 else 2024
        try:
            found = municipality(query, other)
        except UnknownMunicipality:
            raise UnknownMunicipality(query=query, structure=structure_for_year(year)) from None
        structure = structure_for_year(year)
        return found, f"«{query}» finnes ikke i {structure}-strukturen; viser {other}-strukturen."


@app.command("kommune")
def municipality_command(
    query: Annotated[str, typer.Argument(help="Kommunenummer eller navn (alle offisielle navneformer).")],
    year: Year = 2024,
    output: Format = OutputFormat.table,
) -> None:
    """Vis én kommune: navn, fylke, samisk område, opptaksområde og nummer i den andre strukturen."""
    from samrev.registry import catchment_entries, counterparts, sami_area_entry

    m, note = _resolve_municipality(query, year)
    if note:
        _note(note)
    entries = catchment_entries(m.number, m.structure_year)
    others = counterparts(m)
    sami = sami_area_entry(m)
    if output is OutputFormat.json:
        from samrev.cli._common import print_json

        data = m.to_dict()
        data["catchment"] = [e.to_dict() for e in entries]
        data["counterparts"] = [{"number": o.number, "name": o.name, "structure_year": o.structure_year}
                                for o in others]
        data["sami_area_source"] = sami.source if sami else None
        print_json(data)
        return
    table = _table(f"{m.number} {m.name} ({m.structure_year}-strukturen)", ("Felt", "Verdi"))
    table.add_row("Kommunenummer", m.number)
    table.add_row("Navn", m.name)
    table.add_row("Offisielle navn", "\n".join(f"{n} ({_LANGUAGE_LABELS[lang]})" for n, lang in m.names))
    table.add_row("Fylke", f"{m.county_number} {m.county_name}")
    if m.sami_area:
        since = m.sami_area_since.strftime("%d.%m.%Y") if m.sami_area_since else "ukjent dato"
        table.add_row("Samisk forvaltningsområde", f"ja, fra {since}")
    else:
        table.add_row("Samisk forvaltningsområde", "nei")
    table.add_row("Helseforetak (opptaksområde)", "\n".join(_catchment_text(entries)) or "–")
    other_year = 2020 if m.structure_year == 2024 else 2024
    table.add_row(f"I {other_year}-strukturen", ", ".join(o.label() for o in others) or "–")
    _print(table)


@app.command("kommuner")
def municipalities_command(
    year: Year = 2024,
    county: Annotated[str | None, typer.Option("--fylke", help="Bare kommuner i dette fylket.")] = None,
    trust: Annotated[
        str | None, typer.Option("--helseforetak", help="Bare kommuner i helseforetakets opptaksområde.")
    ] = None,
    output: Format = OutputFormat.table,
) -> None:
    """List kommunene i en struktur, eventuelt i ett fylke eller ett helseforetaks opptaksområde."""
    from samrev.registry import (
        catchment,
        county_members,
        health_trust,
        municipalities,
        municipalities_in_catchment,
    )
    from samrev.registry import county as find_county

    selected = municipalities(year)
    if county:
        c = find_county(county, year)
        members = county_members(c.number, selected[0].structure_year)
        selected = [m for m in selected if m.number in members]
    if trust:
        served = {m.number for m in municipalities_in_catchment(health_trust(trust), year)}
        selected = [m for m in selected if m.number in served]
    if output is OutputFormat.json:
        from samrev.cli._common import print_json

        print_json([m.to_dict() for m in selected])
        return
    structure = selected[0].structure_year if selected else year
    table = _table(f"{len(selected)} kommuner ({structure}-strukturen)",
                   ("Nr.", "Navn", "Fylke", "Samisk", "Helseforetak"))
    for m in selected:
        trusts = dict.fromkeys(t.short_name for t, _ in catchment(m.number, m.structure_year))
        table.add_row(m.number, m.name, m.county_name, "ja" if m.sami_area else "", ", ".join(trusts))
    _print(table)


@app.command("helseforetak")
def trusts_command(
    name: Annotated[str | None, typer.Argument(help="Navn, forkortelse eller id; tomt gir alle.")] = None,
    year: Year = 2024,
    output: Format = OutputFormat.table,
) -> None:
    """List helseforetakene, eller vis ett med kommunene i opptaksområdet."""
    from samrev.registry import catchment_of_trust, health_trust, health_trusts, sites

    if name is None:
        trusts = health_trusts()
        if output is OutputFormat.json:
            from samrev.cli._common import print_json

            print_json([t.to_dict() for t in trusts])
            return
        table = _table("Helseforetak og ideelle sykehus",
                       ("Id", "Navn", "Type", "RHF", "Forkortelser", "Opptaksområde"))
        for t in trusts:
            abbreviations = ", ".join((*t.abbreviations, *t.weak_abbreviations))
            table.add_row(t.id, t.name, _TRUST_KIND_LABELS[t.kind], t.rhf or "", abbreviations,
                          "ja" if t.has_catchment else "nei")
        _print(table)
        return
    trust = health_trust(name)
    rows = catchment_of_trust(trust, year)
    if output is OutputFormat.json:
        from samrev.cli._common import print_json

        data = trust.to_dict()
        data["catchment"] = [{"number": m.number, "name": m.name, **e.to_dict()} for m, e in rows]
        data["sites"] = [s.name for s in sites(trust.id)]
        print_json(data)
        return
    header = _table(trust.name, ("Felt", "Verdi"))
    header.add_row("Id", trust.id)
    header.add_row("Type", _TRUST_KIND_LABELS[trust.kind])
    header.add_row("RHF", trust.rhf or "–")
    header.add_row("Andre navn", ", ".join(trust.aliases) or "–")
    header.add_row("Forkortelser", ", ".join((*trust.abbreviations, *trust.weak_abbreviations)) or "–")
    header.add_row("Sykehus", ", ".join(s.name for s in sites(trust.id)) or "–")
    if trust.note:
        header.add_row("Merknad", trust.note)
    _print(header)
    if not rows:
        _print("Ingen kommuner i opptaksområdet.")
        return
    year_label = rows[0][0].structure_year
    count = len({m.number for m, _ in rows})
    table = _table(f"Opptaksområde: {count} kommuner ({year_label}-strukturen)",
                   ("Nr.", "Kommune", "Del", "Omfang", "Sikkerhet"))
    for m, entry in rows:
        confidence = _CONFIDENCE_LABELS[entry.confidence]
        table.add_row(m.number, m.name, entry.part or "hele", entry.scope, confidence)
    _print(table)


@app.command("fylker")
def counties_command(
    year: Year = 2024,
    output: Format = OutputFormat.table,
) -> None:
    """List fylkene i en struktur med antall kommuner."""
    from samrev.registry import counties, municipalities

    rows = counties(year)
    munis = municipalities(year)
    if output is OutputFormat.json:
        from samrev.cli._common import print_json

        print_json([c.to_dict() for c in rows])
        return
    table = _table(f"{len(rows)} fylker", ("Nr.", "Navn", "Kommuner", "Gyldig fra", "Gyldig til"))
    for c in rows:
        count = sum(1 for m in munis if m.county_number == c.number)
        table.add_row(c.number, c.name, str(count), c.valid_from.isoformat() if c.valid_from else "",
                      c.valid_to.isoformat() if c.valid_to else "")
    _print(table)
