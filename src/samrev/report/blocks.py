"""The building blocks of a report, shared by every renderer (pure dataclasses).

A report is a title page plus numbered :class:`Section` s holding blocks: paragraphs, bullet
lists, tables, figures and quotes.  Every number in a block is already formatted (Norwegian
style, :mod:`samrev.report.format`), so HTML, PDF and DOCX show the same text: a renderer only
lays blocks out, it never computes or formats a number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(slots=True)
class Paragraph:
    text: str
    #: ``lead`` (a lead-in, slightly larger), ``note`` (small print), ``warning`` (a caveat the
    #: reader must not miss: framed, bold lead), "" (body)
    style: str = ""
    kind: Literal["paragraph"] = "paragraph"


@dataclass(slots=True)
class BulletList:
    items: list[str]
    kind: Literal["bullets"] = "bullets"


@dataclass(slots=True)
class Table:
    id: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    #: per column: ``l`` (text) or ``r`` (numbers)
    align: list[str] = field(default_factory=list)
    #: a last row in bold (``Hele landet``), or empty
    total: list[str] = field(default_factory=list)
    note: str = ""
    #: relative column widths (renderers may ignore them)
    widths: list[float] = field(default_factory=list)
    #: the unformatted values behind ``rows`` and ``total`` (same shape), for spreadsheets; empty
    #: when the table has only text (see :mod:`samrev.report.tables`)
    values: list[list[Any]] = field(default_factory=list)
    total_values: list[Any] = field(default_factory=list)
    #: per column, what ``values`` hold (``text``, ``int``, ``share``, ``range`` …), or empty
    kinds: list[str] = field(default_factory=list)
    number: int = 0
    kind: Literal["table"] = "table"

    @property
    def small(self) -> bool:
        """Small enough to keep on one page (renderers avoid breaking it)."""
        return len(self.rows) <= 15

    def alignment(self, index: int) -> str:
        return self.align[index] if index < len(self.align) else "l"


@dataclass(slots=True)
class Series:
    name: str
    values: list[float]
    #: lower and upper error bounds (same unit as values), for interval charts
    low: list[float] = field(default_factory=list)
    high: list[float] = field(default_factory=list)


@dataclass(slots=True)
class Chart:
    """What a figure shows; :mod:`samrev.report.figures` draws it."""

    #: ``stacked_barh`` (shares per category, one bar each), ``interval`` (point with error bars
    #: per category), ``bar`` (vertical bars), ``histogram`` (values in bins given as categories),
    #: ``heatmap`` (counts in a grid: categories are rows, each series a column; empty cells marked,
    #: cells of at most ``thin`` outlined),
    #: ``diverging`` (shares of an ordered scale per category, low values left of zero, high right,
    #: the ``center`` series split across zero; ``aside`` drawn in a panel of its own)
    type: str
    categories: list[str]
    series: list[Series]
    axis_label: str = ""
    #: a reference line (e.g. the national share) on the value axis, and its label
    reference: float | None = None
    reference_label: str = ""
    #: a shaded band on the value axis (e.g. the national confidence interval), or empty
    band: list[float] = field(default_factory=list)
    #: value axis shows per cent (values are shares 0–1)
    percent: bool = False
    #: categories to draw in the accent colour (bar charts)
    highlight: list[str] = field(default_factory=list)
    #: heatmap: cells with at least one and at most this many are outlined as thin (0 = none)
    thin: int = 0
    #: diverging charts: the index of the neutral series (centred on zero), or None for an even scale
    center: int | None = None
    #: diverging charts: shares kept apart from the scale (e.g. «Vet ikke»), in a panel to the right
    aside: list[Series] = field(default_factory=list)
    aside_label: str = ""


@dataclass(slots=True)
class FlowBox:
    """A box of a flow diagram: text lines, placed in a grid row and column (0 = main column)."""

    id: str
    lines: list[str]
    row: int
    column: int = 0


@dataclass(slots=True)
class FlowArrow:
    source: str
    target: str


@dataclass(slots=True)
class FlowPhase:
    """A label beside rows ``first``–``last`` (PRISMA: Identifikasjon, Screening, Inkludert)."""

    label: str
    first: int
    last: int


@dataclass(slots=True)
class Flow:
    """A box-and-arrow diagram (e.g. the PRISMA flow); :mod:`samrev.report.figures` draws it."""

    boxes: list[FlowBox]
    arrows: list[FlowArrow]
    phases: list[FlowPhase] = field(default_factory=list)
    type: str = "flow"

    def box(self, box_id: str) -> FlowBox:
        return next(b for b in self.boxes if b.id == box_id)


@dataclass(slots=True)
class Figure:
    id: str
    caption: str
    chart: Chart | Flow
    note: str = ""
    #: a short text alternative for screen readers
    alt: str = ""
    number: int = 0
    kind: Literal["figure"] = "figure"


@dataclass(slots=True)
class Quote:
    text: str
    #: where it comes from, e.g. ``side 5``
    source: str = ""
    language: str | None = None
    kind: Literal["quote"] = "quote"


Block = Paragraph | BulletList | Table | Figure | Quote


@dataclass(slots=True)
class Section:
    id: str
    title: str
    #: ``2`` or ``2.1``; empty for unnumbered sections (Sammendrag)
    number: str = ""
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    def walk(self) -> Iterator[Section]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(slots=True)
class Document:
    """A rendered-ready report: title page, colophon lines and sections."""

    title: str
    subtitle: str
    round_name: str
    date_text: str
    #: short lines for the title page's foot (who made it, from what)
    colophon: list[str]
    sections: list[Section]
    language: str = "nb"

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def blocks(self) -> Iterator[Block]:
        for section in self.walk():
            yield from section.blocks

    def tables(self) -> list[Table]:
        return [b for b in self.blocks() if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks() if isinstance(b, Figure)]

    def number_items(self) -> None:
        """Number tables and figures in reading order (Tabell 1, Figur 1 …)."""
        for index, table in enumerate(self.tables(), 1):
            table.number = index
        for index, figure in enumerate(self.figures(), 1):
            figure.number = index

    def plain_text(self) -> str:
        """Every text of the document in reading order (for tests and search)."""
        out = [self.title, self.subtitle, self.round_name, self.date_text, *self.colophon]
        for section in self.walk():
            out.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    out.append(block.text)
                elif isinstance(block, BulletList):
                    out.extend(block.items)
                elif isinstance(block, Table):
                    out.append(block.caption)
                    out.append(" | ".join(block.columns))
                    out.extend(" | ".join(row) for row in [*block.rows, block.total] if row)
                    out.append(block.note)
                elif isinstance(block, Figure):
                    out.extend((block.caption, block.note))
                else:
                    out.extend((block.text, block.source))
        return "\n".join(text for text in out if text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
