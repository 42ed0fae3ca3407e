"""`samrev survey analyse --format table`: the analysis for people (rich tables, bokmål)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from samrev.cli._common import out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


def print_table(result: dict[str, Any]) -> None:
    info = result["input"]
    out.print(f"[bold]{info['file']}[/] ({info['format']}, {info['rows']} rader): {result['n_responses']} svar "
              f"analysert, {len(result['rejected_rows'])} holdt utenfor.", markup=True)
    rates = Table(title="Svarprosent (95 % Wilson-intervall)")
    for head in ("gruppe", "inviterte", "svar", "svarprosent", "intervall"):
        rates.add_column(head)
    rows = [*result["response_rates"].items(), *result.get("subgroup_response_rates", {}).items()]
    for group, rate in rows:
        ci = rate["ci95"]
        rates.add_row(group, str(rate["invited"] if rate["invited"] is not None else "–"), str(rate["responded"]),
                      _pct(rate["rate"]), f"{_pct(ci[0])}–{_pct(ci[1])}" if ci else "–")
    out.print(rates)
    for item_id, item in result["likert"].items():
        table = Table(title=f"{item_id}: {item['label']}")
        for head in ("gruppe", "n", "snitt", "median", "manglende", "fordeling"):
            table.add_column(head)
        for group, cell in [*item["by_group"].items(), *item["by_subgroup"].items()]:
            missing = ", ".join(f"{k} {v}" for k, v in cell["missing"].items() if v) or "–"
            table.add_row(group, str(cell["n"]), _num(cell["mean"]), _num(cell["median"], 1), missing,
                          " ".join(f"{k}:{v}" for k, v in cell["distribution"].items()))
        out.print(table)
        for verdict in item.get("verdicts", []):
            out.print(f"  {verdict}")
    themes = Table(title="Temaer i åpne svar (antall svar)")
    themes.add_column("tema")
    for qid, q in result["open_questions"].items():
        themes.add_column(f"{qid} (n={q['answered']})")
    for theme in next(iter(result["themes"].values()), {}):
        themes.add_row(theme, *[str(result["themes"][qid][theme]["answers"]) for qid in result["themes"]])
    if result["themes"]:
        out.print(themes)
        out.print("Ingen nevner: " + (", ".join(result["absent_themes"]["all"]) or "–"))
    counts = ", ".join(f"{k} {v}" for k, v in result["pseudonymisation"].items())
    out.print(f"Pseudonymisert: {counts}")
    if result["caveats"]:
        out.print("[bold]Forbehold[/]", markup=True)
        for caveat in result["caveats"]:
            out.print(f"  • {caveat['message']}")
