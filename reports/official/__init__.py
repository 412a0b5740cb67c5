"""The yearly statistical forms of TT 02/2023/TT-BNV for emulation and commendation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardRecord, Movement
from orgs.db import reporting_alias
from orgs.models import Unit
from orgs.scoping import Scope
from reports.filters import Filters, unit_q
from reports.tables import drill_url

from .awards_forms import form_0602, form_0603
from .base import Column, FormCell, FormRow, FormSpec, Line
from .movements_form import form_0601, movement_rows, movements_in_year

__all__ = [
    "FORM_CODES",
    "FilledForm",
    "cell_movement_ids",
    "cell_records",
    "fill",
    "form",
    "line_and_column",
]

FORM_CODES = ("0601", "0602", "0603")


@cache
def _build(code: str) -> FormSpec:
    return {"0601": form_0601, "0602": form_0602, "0603": form_0603}[code]()


def form(code: str) -> FormSpec:
    if code not in FORM_CODES:
        raise Http404(_("Không có biểu mẫu này."))
    return _build(code)


@dataclass
class FilledForm:
    spec: FormSpec
    year: int
    unit: Unit
    rows: list[FormRow]

    @property
    def receiver(self) -> str:
        """Who receives the report: the ministry for a province, else the parent unit."""
        if self.unit.kind == Unit.Kind.PROVINCE or self.unit.parent_id is None:
            return _("Bộ Nội vụ")
        return self.unit.parent.name

    @property
    def period(self) -> str:
        return _("Năm %(year)s (từ ngày 01/01/%(year)s đến ngày 31/12/%(year)s)") % {
            "year": self.year
        }


def award_base(scope: Scope, filters: Filters) -> QuerySet[AwardRecord]:
    """Valid records of the reporting unit's subtree decided in the report year."""
    return (
        AwardRecord.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(unit_q(filters), status=AwardRecord.Status.VALID)
        .filter(decision_date__year=filters.year)
    )


def movement_base(scope: Scope, filters: Filters) -> QuerySet[Movement]:
    movements = (
        Movement.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(unit_q(filters, "launched_by"))
    )
    return movements_in_year(movements, filters.year or timezone.localdate().year)


def _cell_params(spec: FormSpec, filters: Filters, line: Line, column: Column) -> dict:
    params = {"form": spec.code, "row": line.code, "col": column.key}
    return filters.params(extra=params, basis="decision")


def fill(code: str, scope: Scope, filters: Filters) -> FilledForm:
    """Compute every cell of form ``code`` for the chosen unit and year."""
    spec = form(code)
    if spec.classify is not None:
        figures = spec.figures_from_rows(movement_rows(movement_base(scope, filters)))
    else:
        figures = spec.figures(award_base(scope, filters))
    rows = []
    for line in spec.lines:
        row = FormRow(line)
        if not line.is_heading:
            for column in spec.all_columns:
                if not column.accepts(line):
                    row.cells.append(FormCell(None))
                    continue
                url = drill_url(spec.dataset, _cell_params(spec, filters, line, column))
                row.cells.append(FormCell(figures.get((line.code, column.key), 0), url))
        rows.append(row)
    assert filters.unit is not None and filters.year is not None
    return FilledForm(spec, filters.year, filters.unit, rows)


def line_and_column(filters: Filters) -> tuple[FormSpec, Line, Column]:
    """The form cell a drill-down link names (``form``, ``row``, ``col``)."""
    spec = form(filters.extra.get("form", ""))
    line = spec.line(filters.extra.get("row", ""))
    column = spec.column(filters.extra.get("col", ""))
    if line is None or line.is_heading or column is None or not column.accepts(line):
        raise Http404(_("Không có ô này trong biểu."))
    return spec, line, column


def cell_records(scope: Scope, filters: Filters) -> QuerySet[AwardRecord]:
    spec, line, column = line_and_column(filters)
    return award_base(scope, filters).filter(spec.cell_q(line, column))


def cell_movement_ids(scope: Scope, filters: Filters) -> list[int]:
    spec, line, column = line_and_column(filters)
    rows = movement_rows(movement_base(scope, filters))
    return spec.ids_in_cell(rows, line, column)


def form_context(filled: FilledForm) -> dict[str, Any]:
    """Plain data for the page, the PDF and the spreadsheet."""
    return {"filled": filled, "spec": filled.spec}
