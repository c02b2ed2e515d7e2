"""Charts drawn as inline SVG: no script, no network, readable in any browser.

Hand-made rather than a vendored chart library: two chart kinds (stacked bars, lines
over 0..1) are ~100 lines, and the page then opens anywhere, even from a mail attachment.
"""

from __future__ import annotations

from html import escape
from math import floor, log10

from newscrawl.keep.charts import FAILED_COLOR, Chart

WIDTH, HEIGHT = 560, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 8, 30
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MAX_DOTS = 40


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^n at or above ``value`` (an axis' top)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** floor(log10(value))
    return next(step * power for step in (1.0, 2.0, 2.5, 5.0, 10.0) if step * power >= value)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"


def _axes(chart: Chart, top: float) -> list[str]:
    parts = []
    for fraction in (0.0, 0.5, 1.0):
        y = TOP + PLOT_H * (1 - fraction)
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_num(top * fraction)}</text>"
        )
    if chart.columns:
        count = len(chart.columns)
        picks = sorted({0, count // 2, count - 1})
        for index in picks:
            x = LEFT + PLOT_W * (index + 0.5) / count
            anchor = "start" if index == 0 else "end" if index == count - 1 else "middle"
            label = chart.columns[index].strftime("%m-%d %H:%M")
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}">'
                f"{label}</text>"
            )
    return parts


def _alarms(chart: Chart) -> list[str]:
    count = len(chart.columns)
    parts = []
    for index, alarm in enumerate(chart.alarms):
        if alarm:
            x = LEFT + PLOT_W * index / count
            width = max(PLOT_W / count, 2.0)
            parts.append(
                f'<rect class="alarm-band" x="{x:.1f}" y="{TOP}" width="{width:.1f}" '
                f'height="{PLOT_H}" fill="{FAILED_COLOR}" fill-opacity="0.12"/>'
                f'<rect class="alarm" data-column="{index}" x="{x:.1f}" y="{TOP + PLOT_H + 2}" '
                f'width="{width:.1f}" height="5" fill="{FAILED_COLOR}">'
                f"<title>health check failed</title></rect>"
            )
    return parts


def _bars(chart: Chart, top: float) -> list[str]:
    count = len(chart.columns)
    step = PLOT_W / count
    width = min(max(step * 0.8, 1.0), 28.0)
    parts = []
    for index, when in enumerate(chart.columns):
        x = LEFT + step * index + (step - width) / 2
        y = float(TOP + PLOT_H)
        tip = [when.strftime("%Y-%m-%d %H:%M")]
        rects = []
        for series in chart.series:
            value = series.values[index] or 0.0
            if value <= 0:
                continue
            height = PLOT_H * value / top
            y -= height
            tip.append(f"{series.name}: {_num(value)}")
            rects.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'fill="{series.color}"/>'
            )
        total = _num(chart.column_total(index))
        parts.append(
            f'<g class="column" data-column="{index}" data-total="{total}">'
            f"<title>{escape(chr(10).join(tip))}</title>{''.join(rects)}</g>"
        )
    return parts


def _lines(chart: Chart, top: float) -> list[str]:
    count = len(chart.columns)
    parts = []
    for series in chart.series:
        points = [
            (LEFT + PLOT_W * (i + 0.5) / count, TOP + PLOT_H * (1 - value / top), value)
            for i, value in enumerate(series.values)
            if value is not None
        ]
        path, previous = [], None
        for index, value in enumerate(series.values):
            if value is None:
                previous = None
                continue
            x = LEFT + PLOT_W * (index + 0.5) / count
            y = TOP + PLOT_H * (1 - value / top)
            path.append(f"{'L' if previous is not None else 'M'}{x:.1f} {y:.1f}")
            previous = index
        # Dots (with their values on hover) only where they stay apart; a lone point
        # of a line with gaps needs its dot to be seen at all.
        dots = "".join(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.2"><title>{escape(series.name)}: '
            f"{value:.2f}</title></circle>"
            for x, y, value in points
            if count <= MAX_DOTS
        )
        parts.append(
            f'<g class="series" data-series="{escape(series.name)}" fill="{series.color}">'
            f'<path d="{" ".join(path)}" fill="none" stroke="{series.color}" stroke-width="1.6"/>'
            f"{dots}</g>"
        )
    return parts


def render(chart: Chart) -> str:
    """The chart as one ``<svg>`` element with a fixed size."""
    if not chart.columns:
        body = [f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}">no runs</text>']
    else:
        top = chart.y_max or nice_ceiling(
            max((chart.column_total(i) for i in range(len(chart.columns))), default=0.0)
        )
        draw = _bars if chart.kind == "bars" else _lines
        body = [*_alarms(chart), *_axes(chart, top), *draw(chart, top)]
    return (
        f'<svg class="plot" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(chart.title)}">'
        + "".join(body)
        + "</svg>"
    )
