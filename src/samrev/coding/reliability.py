"""Inter-rater reliability of two coders against the codebook.

Input rows are ``(item, theme, polarity)``: coder X gave ``item`` the ``theme`` with that
polarity.  Every item that at least one coder coded anything for is a unit of comparison; for
each (item, theme) a coder's decision is the polarity they gave, or ``absent``.

* per theme: Cohen's κ (scikit-learn) over the items with categories absent / facilitator /
  barrier / proposal, the number of items and the percent agreement.  κ is undefined
  (``None`` with a reason) when there are no items or when both coders used one and the same
  category for every item (expected agreement 1).  Two coders who are each constant but
  disagree get κ = 0, which is what the formula gives.
* overall: Krippendorff's α (nominal, the ``krippendorff`` package) over every (item, theme)
  unit, and a presence-only α (theme coded or not, polarity ignored).

The themes compared are the ones passed (the CLI passes the codebook's), plus any other theme
found in the rows.  scikit-learn is imported only when κ is computed.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.core.errors import InputNotFound, MissingColumnError, ReliabilityInputError

ABSENT = "absent"
CATEGORIES: tuple[str, ...] = (ABSENT, "facilitator", "barrier", "proposal")
COLUMNS: tuple[str, ...] = ("item", "theme", "polarity")
COLUMN_ALIASES: Mapping[str, tuple[str, ...]] = {
    "item": ("item", "enhet"),
    "theme": ("theme", "tema"),
    "polarity": ("polarity", "polaritet"),
}


@dataclass(frozen=True, slots=True)
class CodingRow:
    """One code of one coder; ``line`` is the line in the coder's file, when read from one."""

    item: str
    theme: str
    polarity: str
    line: int | None = None


RowLike = CodingRow | tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class ThemeReliability:
    """Agreement on one theme; ``agreement`` is a proportion (0–1), ``kappa`` Cohen's κ."""

    theme: str
    n_items: int
    agreement: float | None
    kappa: float | None
    kappa_reason: str | None = None

    @property
    def percent_agreement(self) -> float | None:
        return None if self.agreement is None else 100.0 * self.agreement

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "n_items": self.n_items,
            "agreement": self.agreement,
            "percent_agreement": self.percent_agreement,
            "kappa": self.kappa,
            "kappa_reason": self.kappa_reason,
        }


@dataclass(frozen=True, slots=True)
class ReliabilityReport:
    """Per-theme κ and overall α (with and without polarity) for two coders."""

    themes: tuple[ThemeReliability, ...]
    n_items: int
    n_units: int
    agreement: float | None
    alpha: float | None
    alpha_reason: str | None
    alpha_presence: float | None
    alpha_presence_reason: str | None

    def theme(self, theme_id: str) -> ThemeReliability:
        for theme in self.themes:
            if theme.theme == theme_id:
                return theme
        raise KeyError(theme_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_items": self.n_items,
            "n_units": self.n_units,
            "agreement": self.agreement,
            "alpha": self.alpha,
            "alpha_reason": self.alpha_reason,
            "alpha_presence": self.alpha_presence,
            "alpha_presence_reason": self.alpha_presence_reason,
            "categories": list(CATEGORIES),
            "themes": [theme.to_dict() for theme in self.themes],
        }


# --- statistics ------------------------------------------------------------------------------


def _as_row(row: RowLike) -> CodingRow:
    return row if isinstance(row, CodingRow) else CodingRow(*row)


def _decisions(rows: Iterable[RowLike], who: str) -> dict[tuple[str, str], CodingRow]:
    out: dict[tuple[str, str], CodingRow] = {}
    for raw in rows:
        row = _as_row(raw)
        if row.polarity not in CATEGORIES[1:]:
            raise ReliabilityInputError(
                path=who, detail=f"ukjent polaritet «{row.polarity}» for enheten «{row.item}»"
            )
        key = (row.item, row.theme)
        earlier = out.get(key)
        if earlier is not None and earlier.polarity != row.polarity:
            where = f" (linje {earlier.line} og {row.line})" if earlier.line and row.line else ""
            raise ReliabilityInputError(
                path=who,
                detail=f"enheten «{row.item}» har temaet «{row.theme}» med to polariteter, "
                f"«{earlier.polarity}» og «{row.polarity}»{where}",
            )
        out.setdefault(key, row)
    return out


def _kappa(a: list[str], b: list[str]) -> tuple[float | None, str | None]:
    if not a:
        return None, "ingen enheter å sammenligne"
    used = set(a) | set(b)
    if len(used) == 1:
        only = next(iter(used))
        return None, (f"begge kodere brukte bare «{only}» for alle {len(a)} enheter, "
                      "så κ er udefinert (forventet enighet er 1)")
    from sklearn.metrics import cohen_kappa_score  # heavy: imported only here

    value = float(cohen_kappa_score(a, b, labels=list(CATEGORIES)))
    if math.isnan(value):
        return None, "κ er udefinert for disse dataene"
    return value, None


def _alpha(a: list[int], b: list[int], what: str) -> tuple[float | None, str | None]:
    if not a:
        return None, "ingen enheter å sammenligne"
    if len(set(a) | set(b)) == 1:
        return None, f"alle {len(a)} enheter har samme verdi hos begge kodere, så α ({what}) er udefinert"
    import krippendorff
    import numpy as np

    value = float(krippendorff.alpha(reliability_data=np.array([a, b], dtype=float),
                                     level_of_measurement="nominal"))
    if math.isnan(value):
        return None, f"α ({what}) er udefinert for disse dataene"
    return value, None


def reliability(
    coder_a_rows: Iterable[RowLike],
    coder_b_rows: Iterable[RowLike],
    *,
    themes: Sequence[str] | None = None,
    coder_a: str = "koder A",
    coder_b: str = "koder B",
) -> ReliabilityReport:
    """Per-theme Cohen's κ and overall Krippendorff's α for two coders' rows.

    ``themes`` fixes which themes are compared and in what order (default: every theme in the
    rows, sorted); themes found in the rows but not listed are added at the end.
    ``coder_a``/``coder_b`` name the coders in error messages (e.g. their file names).
    """
    decided_a = _decisions(coder_a_rows, coder_a)
    decided_b = _decisions(coder_b_rows, coder_b)
    items = list(dict.fromkeys(item for item, _ in [*decided_a, *decided_b]))
    seen_themes = sorted({theme for _, theme in [*decided_a, *decided_b]})
    compared = list(dict.fromkeys([*(themes or ()), *seen_themes]))

    per_theme: list[ThemeReliability] = []
    all_a: list[str] = []
    all_b: list[str] = []
    for theme in compared:
        a = [decided_a[(item, theme)].polarity if (item, theme) in decided_a else ABSENT for item in items]
        b = [decided_b[(item, theme)].polarity if (item, theme) in decided_b else ABSENT for item in items]
        agree = sum(x == y for x, y in zip(a, b, strict=True))
        kappa, reason = _kappa(a, b)
        share = agree / len(items) if items else None
        per_theme.append(ThemeReliability(theme, len(items), share, kappa, reason))
        all_a.extend(a)
        all_b.extend(b)

    codes = {category: index for index, category in enumerate(CATEGORIES)}
    alpha, alpha_reason = _alpha([codes[x] for x in all_a], [codes[x] for x in all_b], "med polaritet")
    presence, presence_reason = _alpha([int(x != ABSENT) for x in all_a], [int(x != ABSENT) for x in all_b],
                                       "bare tilstedeværelse")
    overall = sum(x == y for x, y in zip(all_a, all_b, strict=True)) / len(all_a) if all_a else None
    return ReliabilityReport(
        themes=tuple(per_theme),
        n_items=len(items),
        n_units=len(all_a),
        agreement=overall,
        alpha=alpha,
        alpha_reason=alpha_reason,
        alpha_presence=presence,
        alpha_presence_reason=presence_reason,
    )


# --- coder files -----------------------------------------------------------------------------


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _column_index(header: list[str], column: str) -> int | None:
    names = [cell.strip().lstrip("\ufeff").casefold() for cell in header]
    for alias in COLUMN_ALIASES[column]:
        if alias in names:
            return names.index(alias)
    return None


def read_coder_csv(path: str | Path, codebook: Codebook | None = None) -> list[CodingRow]:
    """The rows of one coder's CSV file, checked against the codebook.

    The file has a header with ``item``, ``theme`` and ``polarity`` (any case; also
    ``enhet``, ``tema``, ``polaritet``), comma-, semicolon- or tab-separated, UTF-8 with or
    without BOM.  Polarity may be an id or a label in any language ("Hemmer", "barrier").
    A row with neither theme nor polarity is skipped.  Problems raise
    :class:`InputNotFound`, :class:`MissingColumnError` or :class:`ReliabilityInputError`
    naming the file, the line and the bad value.
    """
    file = Path(path)
    name = str(path)
    if not file.is_file():
        raise InputNotFound(path=name)
    book = codebook if codebook is not None else load_codebook()
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"filen er ikke UTF-8 (feil ved byte {exc.start})"
        raise ReliabilityInputError(path=name, detail=detail) from exc
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise ReliabilityInputError(path=name, detail="filen er tom")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
        indexes: dict[str, int] = {}
        for column in COLUMNS:
            index = _column_index(header, column)
            if index is None:
                raise MissingColumnError(path=name, column=column,
                                         found=", ".join(cell.strip() for cell in header) or "ingen")
            indexes[column] = index
        rows: list[CodingRow] = []
        seen: dict[tuple[str, str], CodingRow] = {}
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            row = _parse_record(record, indexes, line, name, book)
            if row is None:
                continue
            earlier = seen.get((row.item, row.theme))
            if earlier is not None:
                if earlier.polarity != row.polarity:
                    raise ReliabilityInputError(
                        path=name,
                        detail=f"linje {line}: enheten «{row.item}» har temaet «{row.theme}» med polariteten "
                        f"«{row.polarity}», men linje {earlier.line} gir «{earlier.polarity}»",
                    )
                continue
            seen[(row.item, row.theme)] = row
            rows.append(row)
    except csv.Error as exc:
        detail = f"linje {reader.line_num}: ugyldig CSV ({exc})"
        raise ReliabilityInputError(path=name, detail=detail) from exc
    except StopIteration as exc:
        raise ReliabilityInputError(path=name, detail="filen har ingen overskriftslinje") from exc
    return rows


def _parse_record(
    record: list[str], indexes: Mapping[str, int], line: int, name: str, book: Codebook
) -> CodingRow | None:
    def cell(column: str) -> str:
        index = indexes[column]
        return record[index].strip() if index < len(record) else ""

    item, theme_raw, polarity_raw = cell("item"), cell("theme"), cell("polarity")
    if not theme_raw and not polarity_raw:
        return None
    if not item:
        raise ReliabilityInputError(path=name, detail=f"linje {line}: mangler verdi i kolonnen «item»")
    if not theme_raw:
        raise ReliabilityInputError(path=name, detail=f"linje {line}: mangler tema for enheten «{item}»")
    theme = theme_raw.casefold()
    if not book.has_theme(theme):
        close = difflib.get_close_matches(theme, book.theme_ids, n=1)
        hint = f"; mente du «{close[0]}»?" if close else "; se gyldige temaer med `samrev codebook show`"
        raise ReliabilityInputError(path=name, detail=f"linje {line}: ukjent tema «{theme_raw}»{hint}")
    if not polarity_raw:
        raise ReliabilityInputError(path=name, detail=f"linje {line}: mangler polaritet for temaet «{theme}»")
    polarity = book.polarity_id(polarity_raw)
    if polarity is None:
        valid = ", ".join(book.polarity_ids)
        raise ReliabilityInputError(
            path=name, detail=f"linje {line}: ukjent polaritet «{polarity_raw}» (gyldige: {valid})"
        )
    return CodingRow(item, theme, polarity, line)
