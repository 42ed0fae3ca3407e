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

    horizontal = chart.type in ("stacked_barh", "interval", "diverging")
    rows = len(chart.categories)
    height = max(1.6, 0.26 * rows + 1.1) if horizontal else 2.7
    if chart.type == "diverging":
        legend_rows = -(-(len(chart.series) + len(chart.aside)) // 4)
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        fig = Figure(figsize=(WIDTH_IN, height + 0.22 * legend_rows), dpi=100,
                     layout=ConstrainedLayoutEngine(w_pad=0.03, h_pad=0.03, wspace=0.03))
        _diverging(fig, chart)
        return fig
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


def diverging_colours(count: int, center: int | None) -> list[str]:
    """Red (low) to blue (high) for an ordered scale, the neutral value grey."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    cmap = colormaps["RdBu"]
    positions = [0.12 + 0.76 * i / max(count - 1, 1) for i in range(count)]
    colours = [to_hex(cmap(p)) for p in positions]
    if center is not None:
        colours[center] = LEVEL_COLOURS[0]
    return colours


def _dark(colour: str) -> bool:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5


def _style(ax: Any) -> None:
    ax.tick_params(labelsize=7.5, colors=TEXT, length=0)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    ax.grid(axis="x", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def _diverging(fig: Any, chart: Chart) -> None:
    """Shares of an ordered scale per category: values below the middle to the left of zero, above
    it to the right, the neutral value (``chart.center``) split half and half across zero; the
    ``aside`` shares (Vet ikke, Ikke relevant …) in a narrow panel of their own on the right."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rows = len(chart.categories)
    positions = list(range(rows))
    if chart.aside:
        grid = fig.add_gridspec(1, 2, width_ratios=[4.2, 1])
        ax = fig.add_subplot(grid[0])
        side = fig.add_subplot(grid[1], sharey=ax)
    else:
        ax, side = fig.add_subplot(), None
    _style(ax)
    count = len(chart.series)
    center = chart.center
    colours = diverging_colours(count, center)
    split = center if center is not None else count // 2
    starts = []
    for y in positions:
        below = sum(chart.series[i].values[y] for i in range(split))
        half = chart.series[center].values[y] / 2 if center is not None else 0.0
        starts.append(-(below + half))
    left = list(starts)
    for index, series in enumerate(chart.series):
        ax.barh(positions, series.values, left=left, color=colours[index], height=0.68, label=series.name,
                edgecolor="white", linewidth=0.4)
        for y, (start, value) in enumerate(zip(left, series.values, strict=True)):
            if value >= 0.08:
                ax.text(start + value / 2, y, _pct(value), ha="center", va="center", fontsize=6.5,
                        color="white" if _dark(colours[index]) else TEXT)
        left = [a + b for a, b in zip(left, series.values, strict=True)]
    extent = max([abs(v) for v in starts + left] + [0.5])
    limit = min(1.0, extent * 1.05)
    ax.set_xlim(-limit, limit)
    ax.axvline(0, color=TEXT, linewidth=0.8)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _pct(abs(value))))
    ax.set_yticks(positions, chart.categories)
    ax.set_ylim(rows - 0.5, -0.5)
    if chart.axis_label:
        ax.set_xlabel(chart.axis_label, fontsize=7.5, color=TEXT)
    handles, names = ax.get_legend_handles_labels()
    if side is not None:
        _style(side)
        side.tick_params(labelleft=False)
        greys = ("#8a949e", "#c3c9cf", "#e1e5e9", "#5f6a74")
        base = [0.0] * rows
        for index, series in enumerate(chart.aside):
            side.barh(positions, series.values, left=base, color=greys[index % len(greys)], height=0.68,
                      label=series.name, edgecolor="white", linewidth=0.4, hatch="///" if index % 2 else "")
            base = [a + b for a, b in zip(base, series.values, strict=True)]
        for y, value in enumerate(base):
            side.text(value + 0.01, y, _pct(value), ha="left", va="center", fontsize=6.5, color=TEXT)
        side.set_xlim(0, max(0.3, max(base, default=0.0) * 1.45))
        side.xaxis.set_major_formatter(FuncFormatter(_pct))
        side.xaxis.set_major_locator(MaxNLocator(2))
        if chart.aside_label:
            side.set_xlabel(chart.aside_label, fontsize=7.5, color=TEXT)
        extra_handles, extra_names = side.get_legend_handles_labels()
        handles, names = handles + extra_handles, names + extra_names
    columns = min(len(names), 4)
    handles, names = _row_major(handles, names, columns)
    fig.legend(handles, names, loc="outside upper center", ncol=columns, frameon=False, fontsize=7,
               handlelength=1.2, columnspacing=1.0)


def _row_major(handles: list[Any], names: list[str], columns: int) -> tuple[list[Any], list[str]]:
    """Legend entries reordered so that a legend of ``columns`` columns reads row by row
    (matplotlib fills it column by column); gaps get invisible entries."""
    from matplotlib.patches import Patch

    rows = -(-len(names) // columns) if columns else 0
    padded = [*zip(handles, names, strict=True)]
    padded += [(Patch(visible=False), "")] * (rows * columns - len(padded))
    ordered = [padded[row * columns + column] for column in range(columns) for row in range(rows)]
    return [h for h, _ in ordered], [n for _, n in ordered]


#: drawn SVGs and PNGs by the chart's repr: HTML and PDF of one report draw the same figures
_CACHE: dict[str, Any] = {}
_CACHE_SIZE = 64


def _cached(key: str, make: Any) -> Any:
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = make()
    return _CACHE[key]


def svg(chart: Chart | Flow, prefix: str) -> str:
    """An inline ``<svg>`` element (no XML declaration), scaled to its container's width."""
    text: str = _cached(f"svg|{prefix}|{chart!r}", lambda: _svg(chart, prefix))
    return text


def _svg(chart: Chart | Flow, prefix: str) -> str:
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
    data: bytes = _cached(f"png|{dpi}|{chart!r}", lambda: _png(chart, dpi))
    return data


def _png(chart: Chart | Flow, dpi: int) -> bytes:
    fig = draw(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def width_inches(chart: Chart | Flow) -> float:
    return WIDTH_IN
