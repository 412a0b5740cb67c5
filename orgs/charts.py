"""Server-side charts as inline SVG: no JavaScript, no external library, readable in
print, and every bar or point can link to the records it counts.

The functions return plain geometry for ``includes/_bar_chart.html`` and
``includes/_line_chart.html``; SVG presentation attributes (fill, stroke) are used
instead of style attributes so the Content-Security-Policy stays strict.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from orgs.vn import decimal_vi, group_thousands

PALETTE = ["#a3151b", "#1d5c9c", "#1e7a3c", "#9a6200", "#5d3c8c", "#2f6f73", "#7a7a7a"]
WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 72


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    text: str
    url: str = ""
    color: str = PALETTE[0]


@dataclass
class Series:
    name: str
    color: str
    points: list[tuple[float, float, str, str]] = field(
        default_factory=list
    )  # x, y, text, url

    @property
    def path(self) -> str:
        return " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}"
            for i, (x, y, _t, _u) in enumerate(self.points)
        )


def nice_max(value: float) -> float:
    """Round a maximum up to 1, 2, 2.5 or 5 × 10ⁿ so the axis ticks are readable."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _format(value: float) -> str:
    return (
        group_thousands(int(value))
        if float(value).is_integer()
        else decimal_vi(value, 1)
    )


def _ticks(top: float) -> list[tuple[float, str]]:
    plot = HEIGHT - TOP - BOTTOM
    return [(TOP + plot - plot * i / 4, _format(top * i / 4)) for i in range(5)]


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    urls: Sequence[str] | None = None,
    title: str = "",
    unit: str = "",
) -> dict[str, object]:
    """Return the geometry of a vertical bar chart of ``items`` (label, value)."""
    top = nice_max(max((v for _l, v in items), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(items), 1)
    bars = []
    for index, (label, value) in enumerate(items):
        height = plot_h * (value / top) if top else 0
        bars.append(
            Bar(
                label=label,
                value=value,
                x=LEFT + index * slot + slot * 0.15,
                y=TOP + plot_h - height,
                width=slot * 0.7,
                height=height,
                text=_format(value),
                url=(urls or [""] * len(items))[index],
            )
        )
    return {
        "title": title,
        "unit": unit,
        "bars": bars,
        "ticks": _ticks(top),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "baseline": TOP + plot_h,
        "right": WIDTH - RIGHT,
        "label_y": TOP + plot_h + 16,
    }


def line_chart(
    x_labels: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    urls: dict[str, Sequence[str]] | None = None,
    title: str = "",
    unit: str = "",
) -> dict[str, object]:
    """Return the geometry of a line chart: one line per series over ``x_labels``."""
    top = nice_max(max((v for values in series.values() for v in values), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(x_labels) - 1, 1)
    lines = []
    for index, (name, values) in enumerate(series.items()):
        line = Series(name=name, color=PALETTE[index % len(PALETTE)])
        links = (urls or {}).get(name, [""] * len(values))
        for position, value in enumerate(values):
            x = LEFT + position * step
            y = TOP + plot_h - (plot_h * value / top if top else 0)
            line.points.append(
                (x, y, _format(value), links[position] if position < len(links) else "")
            )
        lines.append(line)
    labels = [(LEFT + i * step, label) for i, label in enumerate(x_labels)]
    return {
        "title": title,
        "unit": unit,
        "series": lines,
        "labels": labels,
        "ticks": _ticks(top),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "baseline": TOP + plot_h,
        "right": WIDTH - RIGHT,
        "label_y": TOP + plot_h + 16,
    }
