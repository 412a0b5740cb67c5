"""The shape of a statistical form of TT 02/2023/TT-BNV: coded rows, numbered columns.

A cell counts the records matching its row's condition and its column's condition;
the same two conditions drive the drill-down, so every printed number can be
opened into its list. Award forms compute every cell in one aggregate query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Line:
    """A row of the form. ``q`` None makes a heading row without figures."""

    code: str
    label: str
    q: Any = None
    unit: str = ""  # "Đơn vị tính" printed in column C
    level: int = 0  # 0 total/heading, 1 "- …", 2 "+ …" / "Trong đó"
    subject: str = ""  # individual / collective / household: blanks other columns
    note: str = ""

    @property
    def is_heading(self) -> bool:
        return self.q is None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    q: Any
    number: str = ""
    group: str = ""  # the header spanning several columns ("Huân chương")
    subjects: frozenset[str] = frozenset()  # empty: any subject

    def accepts(self, line: Line) -> bool:
        return not (
            self.subjects and line.subject and line.subject not in self.subjects
        )


@dataclass
class FormCell:
    value: int | None  # None: the cell does not apply (shaded)
    url: str = ""


@dataclass
class FormRow:
    line: Line
    cells: list[FormCell] = field(default_factory=list)


@dataclass
class FormSpec:
    """One statistical form. ``base`` narrows the records the form counts at all."""

    code: str
    number: str  # "0602.N/BNV-TĐKT"
    title: str
    dataset: str
    lines: list[Line]
    columns: list[Column]
    unit_label: str = ""
    landscape: bool = False
    notes: list[str] = field(default_factory=list)
    base: Q = field(default_factory=Q)
    total_label: str = "Tổng số"
    total_number: str = "1"
    # Python forms (movements) classify rows instead of filtering with Q.
    classify: Callable[[dict[str, Any]], set[str]] | None = None

    def line(self, code: str) -> Line | None:
        return next((line for line in self.lines if line.code == code), None)

    def column(self, key: str) -> Column | None:
        if key == "total":
            return Column("total", self.total_label, Q(), self.total_number)
        return next((col for col in self.columns if col.key == key), None)

    @property
    def has_unit_column(self) -> bool:
        """Column C ("Đơn vị tính") when rows count different things."""
        return any(line.unit for line in self.lines)

    @property
    def all_columns(self) -> list[Column]:
        return [
            Column("total", self.total_label, Q(), self.total_number),
            *self.columns,
        ]

    def cell_q(self, line: Line, column: Column) -> Q:
        return self.base & line.q & column.q

    def figures(self, queryset: QuerySet[Any]) -> dict[tuple[str, str], int]:
        """Every cell of the form in one grouped query.

        Each record gets a 0/1 flag per row (the row's own condition) and the key
        of the one column it falls in (columns never overlap); grouping on these
        gives a handful of groups to add up. A cell thus counts exactly the records
        of ``cell_q(line, column)``, the drill-down's condition.
        """
        lines = [line for line in self.lines if not line.is_heading]
        flags = {
            f"l{line.code}": Case(
                When(line.q, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            if line.q
            else Value(1, output_field=IntegerField())  # the total row
            for line in lines
        }
        column_key = Case(
            *[When(column.q, then=Value(column.key)) for column in self.columns],
            default=Value(""),
            output_field=CharField(),
        )
        groups = (
            queryset.filter(self.base)
            .annotate(**flags, column_key=column_key)
            .values(*flags, "column_key")
            .annotate(n=Count("pk"))
            .order_by()
        )
        result = {
            (line.code, column.key): 0
            for line in lines
            for column in self.all_columns
            if column.accepts(line)
        }
        for group in groups:
            for line in lines:
                if not group[f"l{line.code}"]:
                    continue
                result[(line.code, "total")] += group["n"]
                key = (line.code, group["column_key"])
                if key in result:
                    result[key] += group["n"]
        return result

    def figures_from_rows(
        self, rows: list[dict[str, Any]]
    ) -> dict[tuple[str, str], int]:
        """Every cell from classified rows: each row carries the line and column keys
        it belongs to (``classify``)."""
        assert self.classify is not None
        tags = [self.classify(row) for row in rows]
        result = {}
        for line in self.lines:
            if line.is_heading:
                continue
            for column in self.all_columns:
                result[(line.code, column.key)] = sum(
                    1 for tag in tags if _in_cell(tag, line, column)
                )
        return result

    def ids_in_cell(
        self, rows: list[dict[str, Any]], line: Line, column: Column
    ) -> list[int]:
        assert self.classify is not None
        return [row["id"] for row in rows if _in_cell(self.classify(row), line, column)]


def _in_cell(tags: set[str], line: Line, column: Column) -> bool:
    return (line.code == "01" or f"line:{line.code}" in tags) and (
        column.key == "total" or f"col:{column.key}" in tags
    )
