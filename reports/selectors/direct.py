"""The share of direct workers (người lao động trực tiếp) among individuals rewarded.

Luật 2022 Điều 5 gives them priority, and the plans of Hà Nội and Hai Bà Trưng
(articles 1 and 2) ask the share to rise every year. The target is the dated
parameter ``direct_worker_share_target``: the organisation's own value (scoped to
its unit) wins over the default shipped with the app.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from orgs.db import reporting_alias
from orgs.models import ParameterValue, Unit
from orgs.scoping import Scope
from orgs.vn import decimal_vi
from reports.filters import (
    DIRECT_Q,
    SUBJECT_Q,
    Filters,
    award_q,
    branch_of,
    default_unit,
    year_field,
)
from reports.selectors.awards import branch_keys, branches, records
from reports.tables import Cell, Row, Table, drill_url

TARGET_CODE = "direct_worker_share_target"


@dataclass
class Target:
    value: Fraction | None
    own: bool  # set by the organisation (scoped to its unit or an ancestor)
    basis: str = ""


def targets(unit: Unit | None, years: list[int]) -> dict[int, Target]:
    """The target in force on 31 December of each year, in one query.

    Same precedence as ``orgs.selectors.parameter_value_record``: a value scoped to
    the unit or its nearest ancestor wins over the national default.
    """
    ancestors = unit.ancestor_ids if unit is not None and unit.path else []
    rows = list(
        ParameterValue.objects.using(reporting_alias())
        .filter(parameter__code=TARGET_CODE, key="")
        .filter(Q(scope_unit__isnull=True) | Q(scope_unit_id__in=ancestors))
        .select_related("parameter", "legal_basis")
    )
    depth = {unit_id: index for index, unit_id in enumerate(ancestors)}
    result = {}
    for year in years:
        day = datetime.date(year, 12, 31)
        in_force = [
            row
            for row in rows
            if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day)
        ]
        in_force.sort(
            key=lambda r: -depth.get(r.scope_unit_id, -1) if r.scope_unit_id else 1
        )
        if not in_force:
            result[year] = Target(None, False)
            continue
        best = in_force[0]
        basis = str(best.legal_basis) if best.legal_basis_id else best.note
        result[year] = Target(
            Fraction(best.typed_value), best.scope_unit_id is not None, basis
        )
    return result


def _counts(scope: Scope, filters: Filters, group: Any = None) -> dict[Any, dict]:
    name = year_field(filters)
    query = records(scope).filter(award_q(filters) & SUBJECT_Q["individual"])
    fields = [name]
    if group is not None:
        query = query.annotate(branch=group)
        fields = ["branch", name]
    return {
        tuple(row[f] for f in fields): row
        for row in query.values(*fields)
        .annotate(individuals=Count("pk"), direct=Count("pk", filter=DIRECT_Q))
        .order_by()
    }


def share(direct: int, individuals: int) -> Fraction | None:
    return Fraction(direct, individuals) if individuals else None


def by_year(scope: Scope, filters: Filters) -> tuple[Table, dict[int, Target]]:
    """Rows: years — individuals, direct workers, share, target, change on last year."""
    unit = filters.unit or default_unit(scope)
    counts = _counts(scope, filters)
    goal = targets(unit, filters.years)
    table = Table(
        key="direct_by_year",
        title=_("Tỷ lệ người lao động trực tiếp trong số cá nhân được khen thưởng"),
        row_header=_("Năm"),
        columns=[
            _("Cá nhân được khen thưởng"),
            _("Người lao động trực tiếp"),
            _("Tỷ lệ"),
            _("Chỉ tiêu"),
            _("So với năm trước"),
        ],
    )
    previous: Fraction | None = None
    for year in filters.years:
        found = counts.get((year,), {})
        individuals, direct = found.get("individuals", 0), found.get("direct", 0)
        ratio = share(direct, individuals)
        params = filters.params(year=year, year_from=None, year_to=None)
        target = goal[year]
        change = _change(previous, ratio)
        row = Row(
            str(year),
            [
                Cell(
                    individuals,
                    drill_url("awards", {**params, "subject": "individual"}),
                ),
                Cell(direct, drill_url("awards", {**params, "direct": "1"})),
                Cell(ratio),
                Cell(target.value),
                Cell(None, text=change),
            ],
            css=_css(ratio, target.value, previous),
        )
        table.rows.append(row)
        previous = ratio if ratio is not None else previous
    return table, goal


def _change(previous: Fraction | None, current: Fraction | None) -> str:
    if previous is None or current is None:
        return ""
    points = (current - previous) * 100
    if points > 0:
        return _("tăng %(n)s điểm %%") % {"n": _points(points)}
    if points < 0:
        return _("giảm %(n)s điểm %%") % {"n": _points(-points)}
    return _("không đổi")


def _points(value: Fraction) -> str:
    return decimal_vi(value, 1)


def _css(
    ratio: Fraction | None, target: Fraction | None, previous: Fraction | None
) -> str:
    if ratio is None:
        return ""
    if (target is not None and ratio < target) or (
        previous is not None and ratio < previous
    ):
        return "below"
    return ""


def by_unit(scope: Scope, filters: Filters) -> tuple[Table, Unit | None]:
    """Rows: branches of the chosen unit; columns: the share of each year, then the
    trend (rose every year or not)."""
    root = filters.unit or default_unit(scope)
    years = filters.years
    table = Table(
        key="direct_by_unit",
        title=_("Tỷ lệ người lao động trực tiếp theo đơn vị"),
        row_header=_("Đơn vị"),
        columns=[str(year) for year in years] + [_("Tăng đều hằng năm")],
    )
    if root is None:
        return table, None
    scoped = replace(filters, unit=root, own=False)
    counts = _counts(scope, scoped, branch_of(root))
    present = {key[0] for key in counts}
    for key, label, params in branch_keys(root, branches(scope, root), present):
        row_params = params if key else {"unit": str(root.pk), "own": "1"}
        cells, ratios = [], []
        for year in years:
            found = counts.get((key, year), {})
            individuals, direct = found.get("individuals", 0), found.get("direct", 0)
            ratio = share(direct, individuals)
            ratios.append(ratio)
            url = drill_url(
                "awards",
                scoped.params(
                    year=year, year_from=None, year_to=None, direct=True, **row_params
                ),
            )
            text = (
                _("%(share)s (%(direct)s/%(all)s)")
                % {
                    "share": Cell(ratio).text,
                    "direct": direct,
                    "all": individuals,
                }
                if ratio is not None
                else "–"
            )
            cells.append(Cell(ratio, url, text))
        cells.append(Cell(None, text=_trend(ratios)))
        table.rows.append(Row(label, cells))
    return table, root


def _trend(ratios: list[Fraction | None]) -> str:
    known = [r for r in ratios if r is not None]
    if len(known) < 2:
        return _("chưa đủ số liệu")
    rising = all(b >= a for a, b in itertools.pairwise(known))
    return _("có") if rising else _("không")
