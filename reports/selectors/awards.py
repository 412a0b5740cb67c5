"""Awards by year, title or form, level, unit and subject type.

Each table is one aggregate query (``values(...).annotate(Count(...))``) on the award
records the viewer sees, read from the reporting database; every cell links to the
drill-down with the same filters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from awards.models import AwardKind, AwardRecord, Subject
from orgs.db import reporting_alias
from orgs.models import Unit
from orgs.scoping import Scope
from reports.filters import (
    SUBJECT_Q,
    Filters,
    award_q,
    branch_of,
    default_unit,
    year_field,
)
from reports.tables import Cell, Row, Table, drill_url

SUBJECTS = [
    (Subject.INDIVIDUAL, _("Cá nhân")),
    (Subject.COLLECTIVE, _("Tập thể")),
    (Subject.HOUSEHOLD, _("Hộ gia đình")),
]


def records(scope: Scope) -> QuerySet[AwardRecord]:
    """Award records the viewer sees, read from the replica when there is one."""
    return AwardRecord.objects.using(reporting_alias()).visible_to(scope)


def _year_params(filters: Filters, year: int, **extra: Any) -> dict[str, str]:
    return filters.params(year=year, year_from=None, year_to=None, **extra)


def by_year(scope: Scope, filters: Filters) -> Table:
    """Rows: years; columns: individuals, collectives, households, total."""
    name = year_field(filters)
    counts = {
        row[name]: row
        for row in records(scope)
        .filter(award_q(filters))
        .values(name)
        .annotate(
            **{key: Count("pk", filter=SUBJECT_Q[key]) for key, _label in SUBJECTS},
            total=Count("pk"),
        )
        .order_by()
    }
    table = Table(
        key="by_year",
        title=_("Khen thưởng theo năm và đối tượng"),
        row_header=_("Năm"),
        columns=[str(label) for _key, label in SUBJECTS] + [_("Tổng số")],
        unit_label=_("lượt"),
    )
    sums = defaultdict(int)
    for year in filters.years:
        found = counts.get(year, {})
        cells = []
        for key, _label in SUBJECTS:
            value = found.get(key, 0)
            sums[key] += value
            url = drill_url("awards", _year_params(filters, year, subject=key))
            cells.append(Cell(value, url))
        sums["total"] += found.get("total", 0)
        url = drill_url("awards", _year_params(filters, year))
        cells.append(Cell(found.get("total", 0), url))
        table.rows.append(Row(str(year), cells))
    table.total = Row(
        _("Cộng"),
        [
            Cell(sums[key], drill_url("awards", filters.params(subject=key)))
            for key, _label in SUBJECTS
        ]
        + [Cell(sums["total"], drill_url("awards", filters.params()))],
    )
    return table


def _pivot(
    filters: Filters,
    keys: list[tuple[Any, str, dict[str, Any]]],
    counts: dict[tuple[Any, int], int],
    table: Table,
) -> Table:
    """Fill ``table`` with one row per key and one column per year, plus totals."""
    years = filters.years
    column_sums = [0] * len(years)
    for key, label, params in keys:
        cells, row_sum = [], 0
        for index, year in enumerate(years):
            value = counts.get((key, year), 0)
            row_sum += value
            column_sums[index] += value
            url = drill_url("awards", _year_params(filters, year, **params))
            cells.append(Cell(value, url))
        cells.append(Cell(row_sum, drill_url("awards", filters.params(**params))))
        table.rows.append(Row(label, cells))
    table.total = Row(
        _("Cộng"),
        [
            Cell(value, drill_url("awards", _year_params(filters, year)))
            for value, year in zip(column_sums, years, strict=False)
        ]
        + [Cell(sum(column_sums), drill_url("awards", filters.params()))],
    )
    return table


def _year_columns(filters: Filters) -> list[str]:
    return [str(year) for year in filters.years] + [_("Cộng")]


def by_kind(scope: Scope, filters: Filters) -> Table:
    """Rows: titles and forms of commendation (highest level first); columns: years."""
    name = year_field(filters)
    rows = list(
        records(scope)
        .filter(award_q(filters))
        .values(
            "award_kind__code",
            "award_kind__name",
            "award_kind__level",
            "award_kind__order",
            name,
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(row["award_kind__code"], row[name]): row["n"] for row in rows}
    kinds = sorted(
        {
            (-r["award_kind__level"], r["award_kind__order"], r["award_kind__name"]): r
            for r in rows
        }.items()
    )
    keys = [
        (r["award_kind__code"], r["award_kind__name"], {"kind": r["award_kind__code"]})
        for _sort, r in kinds
    ]
    table = Table(
        key="by_kind",
        title=_("Khen thưởng theo danh hiệu, hình thức"),
        row_header=_("Danh hiệu, hình thức"),
        columns=_year_columns(filters),
        unit_label=_("lượt"),
    )
    return _pivot(filters, keys, counts, table)


def by_level(scope: Scope, filters: Filters) -> Table:
    """Rows: State, ministry/province, grassroots level; columns: years."""
    name = year_field(filters)
    counts = {
        (row["award_kind__level"], row[name]): row["n"]
        for row in records(scope)
        .filter(award_q(filters))
        .values("award_kind__level", name)
        .annotate(n=Count("pk"))
        .order_by()
    }
    keys = [
        (level, str(label), {"level": level})
        for level, label in sorted(AwardKind.Level.choices, reverse=True)
    ]
    table = Table(
        key="by_level",
        title=_("Khen thưởng theo cấp khen thưởng"),
        row_header=_("Cấp"),
        columns=_year_columns(filters),
        unit_label=_("lượt"),
    )
    return _pivot(filters, keys, counts, table)


def branches(scope: Scope, root: Unit) -> list[Unit]:
    """The children of ``root`` the viewer sees, current ones first by name."""
    return list(
        Unit.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(parent=root)
        .order_by("valid_to", "name")
    )


def branch_keys(
    root: Unit, children: list[Unit], present: set[str]
) -> list[tuple[Any, str, dict[str, Any]]]:
    """Row keys of a by-unit table: the root's own records, then each child's subtree.

    A former unit (valid_to set) is listed only when it holds records.
    """
    keys: list[tuple[Any, str, dict[str, Any]]] = []
    if "" in present:
        keys.append(("", _("%(unit)s (trực tiếp)") % {"unit": root.name}, {"own": "1"}))
    for child in children:
        if child.valid_to is None or str(child.pk) in present:
            keys.append((str(child.pk), child.name, {"unit": str(child.pk)}))
    return keys


def by_unit(scope: Scope, filters: Filters) -> tuple[Table, Unit | None]:
    """Rows: the chosen unit's children (each with its whole subtree); columns: years."""
    root = filters.unit or default_unit(scope)
    table = Table(
        key="by_unit",
        title=_("Khen thưởng theo đơn vị"),
        row_header=_("Đơn vị"),
        columns=_year_columns(filters),
        unit_label=_("lượt"),
    )
    if root is None:
        return table, None
    name = year_field(filters)
    scoped = replace(filters, unit=root, own=False)
    counts = {
        (row["branch"], row[name]): row["n"]
        for row in records(scope)
        .filter(award_q(scoped))
        .annotate(branch=branch_of(root))
        .values("branch", name)
        .annotate(n=Count("pk"))
        .order_by()
    }
    present = {branch for branch, _year in counts}
    keys = branch_keys(root, branches(scope, root), present)
    _pivot(scoped, _unit_params(keys, root), counts, table)
    for row, (key, _label, _params) in zip(table.rows, keys, strict=False):
        if key:
            row.url = "?" + _query(filters.params(unit=key, own=False))
    return table, root


def _unit_params(
    keys: list[tuple[Any, str, dict[str, Any]]], root: Unit
) -> list[tuple[Any, str, dict[str, Any]]]:
    """Drill params of each row: ``own`` keeps the root as the unit."""
    fixed = []
    for key, label, params in keys:
        fixed.append(
            (key, label, {"unit": str(root.pk), "own": "1"} if not key else params)
        )
    return fixed


def _query(params: dict[str, str]) -> str:
    return urlencode(sorted(params.items()))
