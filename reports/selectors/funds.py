"""Reward money by fund and year, read from the append-only fund ledger.

A fund belongs to a deciding level (the unit whose head signs the decisions) and a
year. The balance is never stored: budget − spent + recovered, summed from the
ledger's rows, so every money cell opens the entries it adds up.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from awards.models import Fund, FundEntry
from orgs.db import reporting_alias
from orgs.models import Unit
from orgs.scoping import Scope
from reports.filters import Filters, unit_q
from reports.tables import Cell, Row, Table, drill_url

KINDS = [
    (FundEntry.Kind.SPENT, _("Đã chi tiền thưởng")),
    (FundEntry.Kind.TO_RECOVER, _("Phải thu hồi")),
    (FundEntry.Kind.RECOVERED, _("Đã thu hồi")),
]


def funds(scope: Scope, filters: Filters) -> QuerySet[Fund]:
    years = filters.years
    return (
        Fund.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(unit_q(filters), year__gte=years[0], year__lte=years[-1])
    )


def entry_q(filters: Filters) -> Q:
    """The ledger rows a money cell counts (the same conditions as its drill-down)."""
    years = filters.years
    query = unit_q(filters, "fund__unit") & Q(
        fund__year__gte=years[0], fund__year__lte=years[-1]
    )
    kind = filters.extra.get("fund", "")
    if kind in FundEntry.Kind.values:
        query &= Q(kind=kind)
    return query


def entries(scope: Scope, filters: Filters) -> QuerySet[FundEntry]:
    return (
        FundEntry.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(entry_q(filters))
    )


def _cell(filters: Filters, value: int, **changes: object) -> Cell:
    extra = {**filters.extra, "fund": changes.pop("kind", "")}
    params = filters.params(extra=extra, **changes)
    return Cell(value, drill_url("fund", params))


def by_year(scope: Scope, filters: Filters) -> Table:
    """Rows: years; columns: budget, spent, to recover, recovered, balance."""
    years = filters.years
    budgets = {
        row["year"]: row["total"] or 0
        for row in funds(scope, filters)
        .values("year")
        .annotate(total=Sum("budget"))
        .order_by()
    }
    sums = {
        (row["fund__year"], row["kind"]): row["total"] or 0
        for row in entries(scope, filters)
        .values("fund__year", "kind")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    table = Table(
        key="fund_by_year",
        title=_("Quỹ thi đua, khen thưởng: dự toán, chi và thu hồi theo năm"),
        row_header=_("Năm"),
        columns=[_("Dự toán"), *(str(label) for _k, label in KINDS), _("Còn lại")],
        unit_label=_("đồng"),
        note=_(
            "Còn lại = dự toán − đã chi + đã thu hồi. Số phải thu hồi chưa nộp không "
            "được tính vào quỹ."
        ),
    )
    totals = [0] * 5
    for year in years:
        budget = budgets.get(year, 0)
        moved = [sums.get((year, kind), 0) for kind, _label in KINDS]
        values = [budget, *moved, budget - moved[0] + moved[2]]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        cells = [Cell(budget)]
        cells += [
            _cell(filters, value, kind=kind, year=year, year_from=None, year_to=None)
            for (kind, _label), value in zip(KINDS, moved, strict=True)
        ]
        cells.append(Cell(values[-1]))
        table.rows.append(Row(str(year), cells))
    table.total = Row(
        _("Cộng"),
        [Cell(totals[0])]
        + [
            _cell(filters, value, kind=kind)
            for (kind, _label), value in zip(KINDS, totals[1:4], strict=True)
        ]
        + [Cell(totals[4])],
    )
    return table


def by_level(scope: Scope, filters: Filters) -> Table:
    """Rows: the deciding levels (one per fund unit); columns: money spent per year."""
    years = filters.years
    spent = {
        (row["fund__unit"], row["fund__year"]): row["total"] or 0
        for row in entries(scope, filters)
        .filter(kind=FundEntry.Kind.SPENT)
        .values("fund__unit", "fund__year")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    unit_ids = {unit_id for unit_id, _year in spent} | set(
        funds(scope, filters).values_list("unit", flat=True)
    )
    units = Unit.objects.using(reporting_alias()).filter(pk__in=unit_ids)
    table = Table(
        key="fund_by_level",
        title=_("Tiền thưởng đã chi theo cấp quyết định"),
        row_header=_("Cấp quyết định"),
        columns=[str(y) for y in years] + [_("Cộng")],
        unit_label=_("đồng"),
    )
    sums = [0] * len(years)
    kind = FundEntry.Kind.SPENT
    for unit in units.order_by("path"):
        values = [spent.get((unit.pk, year), 0) for year in years]
        sums = [a + b for a, b in zip(sums, values, strict=True)]
        cells = [
            _cell(
                filters,
                value,
                kind=kind,
                unit=unit,
                own=True,
                year=year,
                year_from=None,
                year_to=None,
            )
            for value, year in zip(values, years, strict=True)
        ]
        cells.append(_cell(filters, sum(values), kind=kind, unit=unit, own=True))
        table.rows.append(Row(unit.name, cells))
    table.total = Row(
        _("Cộng"),
        [
            _cell(filters, value, kind=kind, year=year, year_from=None, year_to=None)
            for value, year in zip(sums, years, strict=True)
        ]
        + [_cell(filters, sum(sums), kind=kind)],
    )
    return table


def entry_rows(scope: Scope, filters: Filters) -> QuerySet[FundEntry]:
    return (
        entries(scope, filters)
        .select_related("fund__unit", "decision")
        .order_by("-fund__year", "entry_date", "pk")
    )
