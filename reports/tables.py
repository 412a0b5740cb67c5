"""Tables of figures: one shape for the page, the chart, the spreadsheet and the PDF.

Every cell keeps its value (for the spreadsheet and the chart), its Vietnamese text
(for the page and the print) and the address of the records it counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from orgs import charts, vn

Number = int | float | Decimal | Fraction | None


def fmt(value: Number) -> str:
    """Vietnamese number text: 1.234 for counts, 12,5 for decimals, "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, Fraction):
        return vn.percent_vi(value, 1)
    if isinstance(value, int):
        return vn.group_thousands(value)
    return vn.decimal_vi(value, 1)


def drill_url(dataset: str, params: Mapping[str, Any]) -> str:
    """The drill-down page listing the records behind a figure."""
    query = urlencode(sorted((k, str(v)) for k, v in params.items() if v != ""))
    return f"{reverse('reports:drill', args=[dataset])}?{query}"


@dataclass
class Cell:
    value: Number
    url: str = ""
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            self.text = fmt(self.value)

    @property
    def plain(self) -> Any:
        """The value a spreadsheet cell holds (a ratio as a percentage number)."""
        if isinstance(self.value, Fraction):
            return round(float(self.value) * 100, 2)
        if isinstance(self.value, Decimal):
            return float(self.value)
        return self.value


@dataclass
class Row:
    label: str
    cells: list[Cell]
    url: str = ""  # the label's own link (e.g. open the unit's children)
    css: str = ""
    note: str = ""


@dataclass
class Table:
    key: str
    title: str
    row_header: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    note: str = ""
    unit_label: str = ""

    def xlsx(self) -> tuple[list[str], list[list[Any]]]:
        headers = [self.row_header, *self.columns]
        lines = [[row.label, *(cell.plain for cell in row.cells)] for row in self.rows]
        if self.total is not None:
            lines.append([self.total.label, *(cell.plain for cell in self.total.cells)])
        return headers, lines

    def column(self, index: int) -> list[Cell]:
        return [row.cells[index] for row in self.rows]


@dataclass
class SafeSeries:
    name: str
    color: str
    path: str
    points: list[tuple[object, object, str, str]]


def _num(value: object) -> object:
    return f"{value:.1f}" if isinstance(value, float) else value


def svg_safe(chart: dict[str, object]) -> dict[str, object]:
    """Write the chart's coordinates as plain text.

    Django localises floats in templates, and Vietnamese writes "74,5": an SVG
    attribute with a decimal comma is invalid and the browser drops the shape. The
    geometry from ``orgs.charts`` is therefore turned into "74.5" strings first.
    """
    safe = dict(chart)
    safe["ticks"] = [(_num(y), label) for y, label in chart.get("ticks", [])]
    if "labels" in chart:
        safe["labels"] = [(_num(x), label) for x, label in chart["labels"]]
    for bar in chart.get("bars", []):
        for name in ("x", "y", "width", "height"):
            setattr(bar, name, _num(getattr(bar, name)))
    if "series" in chart:
        safe["series"] = [
            SafeSeries(
                name=line.name,
                color=line.color,
                path=line.path,
                points=[(_num(x), _num(y), t, u) for x, y, t, u in line.points],
            )
            for line in chart["series"]
        ]
    for name in ("baseline", "label_y", "left", "right", "width", "height"):
        if name in chart:
            safe[name] = _num(chart[name])
    return safe


def bar_chart(*args: object, **kwargs: object) -> dict[str, object]:
    return svg_safe(charts.bar_chart(*args, **kwargs))  # type: ignore[arg-type]


def line_chart(*args: object, **kwargs: object) -> dict[str, object]:
    return svg_safe(charts.line_chart(*args, **kwargs))  # type: ignore[arg-type]


def bar_from(table: Table, index: int = -1, *, title: str = "") -> dict[str, object]:
    """A bar per row of ``table`` from column ``index`` (the total column by default)."""
    cells = table.column(index)
    return bar_chart(
        [
            (row.label, float(cell.value or 0))
            for row, cell in zip(table.rows, cells, strict=False)
        ],
        urls=[cell.url for cell in cells],
        title=title or table.title,
        unit=table.unit_label,
    )


def bars_over_columns(
    table: Table, row: Row, *, title: str = "", columns: Sequence[int] | None = None
) -> dict[str, object]:
    """A bar per column of one row (e.g. the total of each year)."""
    picked = list(columns) if columns is not None else list(range(len(table.columns)))
    return bar_chart(
        [(table.columns[i], float(row.cells[i].value or 0)) for i in picked],
        urls=[row.cells[i].url for i in picked],
        title=title or table.title,
        unit=table.unit_label,
    )


def lines_from(
    table: Table, *, title: str = "", columns: Sequence[int] | None = None
) -> dict[str, object]:
    """A line per row of ``table`` over its columns (years)."""
    picked = list(columns) if columns is not None else list(range(len(table.columns)))
    series: dict[str, list[float]] = {}
    urls: dict[str, list[str]] = {}
    for row in table.rows:
        values = [row.cells[i].value for i in picked]
        series[row.label] = [
            float(v) * (100 if isinstance(v, Fraction) else 1) if v is not None else 0
            for v in values
        ]
        urls[row.label] = [row.cells[i].url for i in picked]
    return line_chart(
        [table.columns[i] for i in picked],
        series,
        urls=urls,
        title=title or table.title,
        unit=table.unit_label,
    )
