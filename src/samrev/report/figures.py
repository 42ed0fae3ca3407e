"""Figures for reports: a :class:`~samrev.report.blocks.Chart` drawn with matplotlib.

:func:`svg` gives an inline SVG (text drawn as paths, so it looks the same in every browser and in
the PDF; ids prefixed so that several SVGs can live in one HTML file), :func:`png` a PNG for DOCX.
Both draw the same picture.  matplotlib's object API is used (no pyplot, no global state), with
the Agg backend, and output is deterministic (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

import io
import re
from typing import Any

from samrev.report.blocks import Chart, Flow
from samrev.report.format import number

#: Sequential blues for levels 0–3 (light to dark), readable in greyscale too.
LEVEL_COLOURS = ("#d9dde2", "#a9c6de", "#4a86b8", "#1c4e7d")
PAIR_COLOURS = ("#1c4e7d", "#c9d3de")
BAR_COLOUR = "#4a86b8"
ACCENT = "#b5523b"
TEXT = "#1f2933"
GRID = "#d0d5db"
WIDTH_IN = 6.3  # the text width of an A4 page with 2,2 cm margins
FONT = ["Nimbus Sans", "Helvetica", "Arial", "Liberation Sans", "DejaVu Sans"]


def _pct(value: float, _pos: Any = None) -> str:
    return f"{number(value * 100)}\u00a0%"


def _count(value: float, _pos: Any = None) -> str:
    return number(value)


def _setup() -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rcParams

    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = FONT
    rcParams["svg.hashsalt"] = "samrev"
    rcParams["svg.fonttype"] = "path"


def draw(chart: Chart | Flow) -> Any:
    """A matplotlib Figure for ``chart`` (a chart or a flow diagram)."""
    _setup()
    if isinstance(chart, Flow):
        return _draw_flow(chart)
    if chart.type == "heatmap":
        return _draw_heatmap(chart)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    horizontal = chart.type in ("stacked_barh", "interval")
    rows = len(chart.categories)
    height = max(1.6, 0.26 * rows + 1.1) if horizontal else 2.7
    fig = Figure(figsize=(WIDTH_IN, height), dpi=100)
    ax = fig.add_subplot()
    ax.tick_params(labelsize=7.5, colors=TEXT, length=0)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    formatter = FuncFormatter(_pct if chart.percent else _count)
    if chart.type == "stacked_barh":
        positions = list(range(rows))
        left = [0.0] * rows
        colours = LEVEL_COLOURS if len(chart.series) == 4 else PAIR_COLOURS
        for index, series in enumerate(chart.series):
            colour = colours[index % len(colours)]
            ax.barh(positions, series.values, left=left, color=colour, height=0.68, label=series.name,
                    edgecolor="white", linewidth=0.4)
            dark = index >= len(colours) // 2 if len(colours) == 4 else index == 0
            for y, (start, value) in enumerate(zip(left, series.values, strict=True)):
                if value >= 0.12:
                    ax.text(start + value / 2, y, _pct(value), ha="center", va="center", fontsize=6.5,
                            color="white" if dark else TEXT)
            left = [a + b for a, b in zip(left, series.values, strict=True)]
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(formatter)
        ax.set_yticks(positions, chart.categories)
        ax.invert_yaxis()
        ax.legend(loc="lower center", bbox_to_anchor=(0.42, 1.0), ncol=len(chart.series), frameon=False,
                  fontsize=7.5, handlelength=1.2, columnspacing=1.2)
        ax.grid(axis="x", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
    elif chart.type == "interval":
        series = chart.series[0]
        positions = list(range(rows))
        errors = [[max(v - lo, 0.0) for v, lo in zip(series.values, series.low, strict=True)],
                  [max(hi - v, 0.0) for v, hi in zip(series.values, series.high, strict=True)]]
        if len(chart.band) == 2:
            ax.axvspan(chart.band[0], chart.band[1], color=ACCENT, alpha=0.08, linewidth=0)
        ax.errorbar(series.values, positions, xerr=errors, fmt="o", color=BAR_COLOUR, ecolor="#7a9cbc",
                    elinewidth=1.4, capsize=2.5, markersize=4.5, clip_on=False, zorder=3)
        if chart.reference is not None:
            ax.axvline(chart.reference, color=ACCENT, linestyle="--", linewidth=1)
            ax.text(chart.reference, -0.9, chart.reference_label, color=ACCENT, fontsize=7, ha="center",
                    va="bottom", bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
        ax.set_xlim(-0.015, 1.015)
        ax.set_ylim(rows - 0.5, -1.2)
        ax.xaxis.set_major_formatter(formatter)
        ax.set_yticks(positions, chart.categories)
        ax.grid(axis="x", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
    else:  # bar, histogram
        series = chart.series[0]
        positions = list(range(rows))
        bar_colours = [ACCENT if category in chart.highlight else BAR_COLOUR for category in chart.categories]
        bars = ax.bar(positions, series.values, color=bar_colours, width=0.72 if chart.type == "bar" else 0.9)
        for bar, value in zip(bars, series.values, strict=True):
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), _count(value), ha="center",
                    va="bottom", fontsize=7, color=TEXT)
        ax.set_xticks(positions, chart.categories)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        ax.yaxis.set_major_formatter(formatter)
        ax.grid(axis="y", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        top = max(series.values, default=0.0)
        ax.set_ylim(0, max(1.0, top * 1.15))
        if chart.type == "bar":
            ax.set_xlabel("Punkt i § 6-2 første ledd", fontsize=7.5, color=TEXT)
    if chart.axis_label:
        if horizontal:
            ax.set_xlabel(chart.axis_label, fontsize=7.5, color=TEXT)
        else:
            ax.set_ylabel(chart.axis_label, fontsize=7.5, color=TEXT)
    fig.tight_layout(pad=0.4)
    return fig


def _draw_heatmap(chart: Chart) -> Any:
    """Counts in a grid: rows are ``chart.categories``, columns the series; empty cells show «–»
    on white, cells of at most ``chart.thin`` get an accent outline."""
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    rows, columns = len(chart.categories), len(chart.series)
    values = [[chart.series[j].values[i] for j in range(columns)] for i in range(rows)]
    top = max((v for row in values for v in row), default=0.0) or 1.0
    height = max(1.8, 0.27 * rows + 1.0)
    fig = Figure(figsize=(WIDTH_IN, height), dpi=100)
    ax = fig.add_subplot()
    cmap = LinearSegmentedColormap.from_list("samrev", ["#eef3f8", *LEVEL_COLOURS[1:]])
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            colour = "white" if value == 0 else cmap(0.15 + 0.85 * value / top)
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=colour, edgecolor=GRID, linewidth=0.6))
            label = "–" if value == 0 else _count(value)
            dark = value > 0 and value / top > 0.55
            ax.text(j + 0.5, i + 0.5, label, ha="center", va="center", fontsize=7.5,
                    color="white" if dark else ("#8a949e" if value == 0 else TEXT))
            if chart.thin and 0 < value <= chart.thin:
                ax.add_patch(Rectangle((j + 0.04, i + 0.08), 0.92, 0.84, facecolor="none", edgecolor=ACCENT,
                                       linewidth=1.1, linestyle="--"))
    ax.set_xlim(0, columns)
    ax.set_ylim(rows, 0)
    ax.set_xticks([j + 0.5 for j in range(columns)], [s.name for s in chart.series])
    ax.set_yticks([i + 0.5 for i in range(rows)], chart.categories)
    ax.xaxis.tick_top()
    ax.tick_params(labelsize=7.5, colors=TEXT, length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if chart.axis_label:
        ax.set_xlabel(chart.axis_label, fontsize=7.5, color=TEXT)
    fig.tight_layout(pad=0.4)
    return fig


FLOW_LINE_IN = 0.155  # height of one text line in a flow box (inches, 7 pt type)


def _draw_flow(flow: Flow) -> Any:
    """Boxes in rows (main column left, side column right), arrows between them, phase labels on the
    far left: the PRISMA 2020 layout."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    n_rows = max((b.row for b in flow.boxes), default=0) + 1
    pad, gap = 0.09, 0.22
    heights = [max((len(b.lines) for b in flow.boxes if b.row == r), default=1) * FLOW_LINE_IN + 2 * pad
               for r in range(n_rows)]
    total = sum(heights) + gap * (n_rows - 1) + 0.1
    fig = Figure(figsize=(WIDTH_IN, total), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH_IN)
    ax.set_ylim(total, 0)
    ax.axis("off")
    phase_w, main_x, main_w, side_x = 0.32, 0.45, 2.75, 3.55
    side_w = WIDTH_IN - side_x - 0.05
    tops: list[float] = []
    y = 0.05
    for h in heights:
        tops.append(y)
        y += h + gap
    frames: dict[str, tuple[float, float, float, float]] = {}
    for box in flow.boxes:
        x, w = (main_x, main_w) if box.column == 0 else (side_x, side_w)
        top, h = tops[box.row], heights[box.row]
        frames[box.id] = (x, top, w, h)
        ax.add_patch(FancyBboxPatch((x, top), w, h, boxstyle="square,pad=0", facecolor="white",
                                    edgecolor=PAIR_COLOURS[0], linewidth=0.9))
        for k, line in enumerate(box.lines):
            indent = 0.18 if line.startswith("  ") else 0.0
            ax.text(x + pad + indent, top + pad + (k + 0.5) * FLOW_LINE_IN, line.strip(), ha="left", va="center",
                    fontsize=7, color=TEXT, fontweight="bold" if k == 0 and box.column == 0 else "normal")
    for phase in flow.phases:
        top = tops[phase.first]
        bottom = tops[phase.last] + heights[phase.last]
        ax.add_patch(FancyBboxPatch((0.05, top), phase_w, bottom - top, boxstyle="round,pad=0,rounding_size=0.05",
                                    facecolor="#a9c6de", edgecolor="none"))
        ax.text(0.05 + phase_w / 2, (top + bottom) / 2, phase.label, rotation=90, ha="center", va="center",
                fontsize=7.5, fontweight="bold", color=PAIR_COLOURS[0])
    for arrow in flow.arrows:
        sx, sy, sw, sh = frames[arrow.source]
        tx, ty, tw, _ = frames[arrow.target]
        if abs(sx - tx) < 1e-6:  # down the same column
            start, end = (sx + sw / 2, sy + sh), (tx + tw / 2, ty)
        else:  # across to the side column
            start, end = (sx + sw, sy + sh / 2), (tx, sy + sh / 2)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=8, color=PAIR_COLOURS[0],
                                     linewidth=0.9, shrinkA=0, shrinkB=0))
    return fig


def svg(chart: Chart | Flow, prefix: str) -> str:
    """An inline ``<svg>`` element (no XML declaration), scaled to its container's width."""
    fig = draw(chart)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'id="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', text)
    text = re.sub(r'(href|xlink:href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}-{m.group(2)}"', text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", text)
    text = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1', text, count=1)
    return text.replace("<svg", '<svg class="chart" preserveAspectRatio="xMinYMin meet"', 1)


def standalone_svg(chart: Chart | Flow) -> str:
    """A complete SVG file (XML declaration, fixed size) for saving next to the report."""
    fig = draw(chart)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def png(chart: Chart | Flow, dpi: int = 200) -> bytes:
    """The same figure as PNG bytes."""
    fig = draw(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def width_inches(chart: Chart | Flow) -> float:
    return WIDTH_IN
