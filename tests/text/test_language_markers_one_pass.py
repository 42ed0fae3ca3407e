"""The marker scan finds names in the same pass: the same discounts as a separate name scan."""

from __future__ import annotations

from typing import Any

from samrev.text import language
from samrev.text.language import _find_markers, _foreign_regions, _name_spans

TEXTS = [
    "Lærings- og meistringssenteret i Helse Bergen skal tilby kurs. Kommunen skal også ha ansvar.\n"
    "Tenestene skal vere «heilskaplege og koordinerte for pasientane» etter lova.",
    "Avtalen gjelder mellom Gjøvik kommune og Sykehuset Innlandet HF. Partene er enige om at "
    "Lærings- og Mestringssenteret - og Frisklivssentralen - skal samarbeide. Det er ikkje avklart.",
    "ÉN Ærlig Østlending ønsker ikke. Hun sa at Ålesund og Ørsta er med, jf. helse- og omsorgstjenesteloven.",
]


def two_passes(text: str) -> list[tuple[Any, ...]]:
    """The hits as a separate name scan would discount them."""
    names = {start for start, _ in _name_spans(text)}
    regions = _foreign_regions(text)
    return [(h.start, h.end, h.token, h.marker, h.lang, h.weight,
             h.start in names or any(a <= h.start < b for a, b in regions)
             or bool(language._LAW_NAME_RE.search(h.token.lower())))
            for h in _find_markers.__wrapped__(text)]


def test_one_pass_discounts_names_as_the_name_scan_does(language_rows: list[dict[str, Any]]) -> None:
    texts = TEXTS + [row["text"] for row in language_rows[:300]]
    for text in texts:
        hits = _find_markers.__wrapped__(text)
        assert [(h.start, h.end, h.token, h.marker, h.lang, h.weight, h.discounted) for h in hits] == two_passes(text)
    assert any(h.discounted for text in TEXTS for h in _find_markers.__wrapped__(text))
