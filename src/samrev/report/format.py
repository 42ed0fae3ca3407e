"""Norwegian number and date formatting for reports (Språkrådet's rules).

- Decimal comma: ``4,2``.
- Space before the per cent sign, a non-breaking one so the two never part: ``39 %``.
- Thousands grouped with a non-breaking space from five digits up: ``12 345`` (four digits stay
  together: ``1234``).
- Ranges with an en dash and no spaces: ``28–51 %``.
- Dates written out: ``27. november 2026``.

Rounding is half up (``0,5`` → ``1``), as a reader expects, not Python's round-half-even.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
DASH = "–"
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")


def _rounded(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def number(value: float | int, decimals: int = 0) -> str:
    """``12345.67`` → ``12 345,7`` (one decimal); integers without decimals."""
    rounded = _rounded(float(value), decimals)
    sign = "−" if rounded < 0 else ""
    text = f"{abs(rounded):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    if len(whole) >= 5:
        groups: list[str] = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = NBSP.join(groups)
    return sign + whole + ("," + fraction if fraction else "")


def percent_value(share: float, decimals: int = 0) -> str:
    """A share (0–1) as a number of per cent without the sign: ``0.3906`` → ``39``."""
    return number(share * 100, decimals)


def percent(share: float | None, decimals: int = 0) -> str:
    """A share (0–1) as per cent: ``0.3906`` → ``39 %``; None → ``–``."""
    if share is None:
        return DASH
    return percent_value(share, decimals) + NBSP + "%"


def percent_range(low: float, high: float, decimals: int = 0) -> str:
    """``(0.2806, 0.5131)`` → ``28–51 %``."""
    return f"{percent_value(low, decimals)}{DASH}{percent_value(high, decimals)}{NBSP}%"


def share_of(part: int, whole: int, decimals: int = 0) -> str:
    """``part`` of ``whole`` as per cent (``–`` when ``whole`` is 0)."""
    return percent(part / whole if whole else None, decimals)


def years(value: float | None, decimals: int = 1) -> str:
    """``4.24`` → ``4,2 år``."""
    return DASH if value is None else f"{number(value, decimals)}{NBSP}år"


def long_date(day: date) -> str:
    """``2026-11-27`` → ``27. november 2026``."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def count_noun(count: int, singular: str, plural: str) -> str:
    """``1 avtale`` / ``3 avtaler``."""
    return f"{number(count)} {singular if count == 1 else plural}"
