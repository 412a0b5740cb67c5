"""Reads of monthly recognition: who was asked, who proposed, who is late."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from awards.models import MonthlyEntry, MonthlyList, MonthlyProposal
from awards.services import monthly as rules
from orgs.models import Unit
from orgs.scoping import CHANGE_ROLES, MANAGE_ROLES, Scope
from orgs.selectors import ParameterSnapshot, parameter_snapshot


@dataclass
class UnitMonth:
    unit: Unit
    proposal: MonthlyProposal | None
    count: int
    state: str  # missing, draft, on_time, late, pending (deadline not passed)

    @property
    def is_late(self) -> bool:
        return self.state in {"missing", "late"}


STATE_LABELS = {
    "pending": "Chưa gửi (còn hạn)",
    "draft": "Đang soạn",
    "missing": "Chưa đề xuất (quá hạn)",
    "late": "Gửi sau hạn",
    "on_time": "Đã gửi đúng hạn",
}


def _state(
    proposal: MonthlyProposal | None,
    count: int,
    minimum: int,
    deadline: datetime.date,
    today: datetime.date,
) -> str:
    submitted = (
        proposal is not None and proposal.status == MonthlyProposal.Status.SUBMITTED
    )
    if submitted and count >= minimum:
        day = timezone.localdate(proposal.submitted_at)
        return "on_time" if day <= deadline else "late"
    if today <= deadline:
        return "draft" if proposal is not None else "pending"
    return "missing"


def monthly_overview(
    organisation: Unit, year: int, month: int, today: datetime.date | None = None
) -> dict[str, Any]:
    """Every unit asked that month, what it proposed and whether it is late."""
    return monthly_overviews([(organisation, year, month)], today=today)[0]


def monthly_overviews(
    months: list[tuple[Unit, int, int]],
    *,
    today: datetime.date | None = None,
    parameters: ParameterSnapshot | None = None,
) -> list[dict[str, Any]]:
    """``monthly_overview`` of one month for each of several organisations, in four
    queries whatever their number."""
    return _read_months(months, today, parameters)[0]


def monthly_card(scope: Scope) -> dict[str, Any] | None:
    """The dashboard card: this month of up to three organisations the viewer's
    secretariat asks (who is late), and the last proposals of the units the viewer
    works for directly — four queries at most, none for a viewer with neither."""
    organisations, parameters = asking_organisations(scope)
    months = [(unit, *current_month(unit)) for unit in organisations[:3]]
    own_units = scope.granted_unit_ids(CHANGE_ROLES)
    own = None
    if own_units:
        own = Q(
            pk__in=MonthlyProposal.objects.filter(unit_id__in=own_units)
            .order_by("-year", "-month", "unit__path")
            .values("pk")[:3]
        )
    overviews, own_rows = _read_months(months, None, parameters, own)
    if not overviews and not own_rows:
        return None
    return {"months": overviews, "own": own_rows}


def _read_months(
    months: list[tuple[Unit, int, int]],
    today: datetime.date | None,
    parameters: ParameterSnapshot | None,
    also: Q | None = None,
) -> tuple[list[dict[str, Any]], list[MonthlyProposal]]:
    """The overviews of ``months``, and the proposals matching ``also`` read with
    theirs in the same query."""
    if not months and also is None:
        return [], []
    today = today or timezone.localdate()
    periods = Q(pk__in=[])
    for organisation, year, month in months:
        periods |= Q(organisation=organisation, year=year, month=month)
    extra = also if also is not None else Q(pk__in=[])
    rows = list(
        MonthlyProposal.objects.filter(periods | extra)
        .select_related("unit", "organisation")
        .annotate(
            entry_count=Count("entries"),
            in_period=ExpressionWrapper(periods, output_field=BooleanField()),
            in_extra=ExpressionWrapper(extra, output_field=BooleanField()),
        )
        .order_by("-year", "-month", "unit__path")
    )
    extra_rows = [row for row in rows if row.in_extra]
    if not months:
        return [], extra_rows
    if parameters is None:
        parameters = rules.monthly_parameters([unit for unit, _y, _m in months])
    children = rules.asked_units(months)
    proposals = {(p.organisation_id, p.unit_id): p for p in rows if p.in_period}
    lists = {
        item.organisation_id: item
        for item in MonthlyList.objects.filter(periods).select_related(
            "decision", "award_kind"
        )
    }
    overviews = [
        _overview(
            organisation,
            year,
            month,
            today,
            parameters,
            children[organisation.pk],
            proposals,
            lists.get(organisation.pk),
        )
        for organisation, year, month in months
    ]
    return overviews, extra_rows


def _overview(
    organisation: Unit,
    year: int,
    month: int,
    today: datetime.date,
    parameters: ParameterSnapshot,
    units: list[Unit],
    proposals: dict[tuple[int, int], MonthlyProposal],
    monthly: MonthlyList | None,
) -> dict[str, Any]:
    minimum = rules.minimum_for(organisation, year, month, parameters)
    deadline = rules.deadline_for(organisation, year, month, parameters)
    rows = []
    for unit in units:
        proposal = proposals.get((organisation.pk, unit.pk))
        count = proposal.entry_count if proposal else 0
        rows.append(
            UnitMonth(
                unit,
                proposal,
                count,
                _state(proposal, count, minimum or 1, deadline, today),
            )
        )
    return {
        "organisation": organisation,
        "year": year,
        "month": month,
        "minimum": minimum,
        "deadline": deadline,
        "rows": rows,
        "late": [row for row in rows if row.is_late],
        "monthly": monthly,
        "deadline_passed": today > deadline,
    }


def month_entries(organisation: Unit, year: int, month: int) -> QuerySet[MonthlyEntry]:
    return (
        MonthlyEntry.objects.filter(
            proposal__organisation=organisation,
            proposal__year=year,
            proposal__month=month,
            proposal__status=MonthlyProposal.Status.SUBMITTED,
        )
        .select_related("proposal__unit", "person")
        .order_by("proposal__unit__path", "order", "pk")
    )


def asking_organisations(scope: Scope) -> tuple[list[Unit], ParameterSnapshot]:
    """The units the viewer manages that ask for monthly proposals (ever), and the
    monthly rules they need, in one query (the dashboard card)."""
    if not scope.has_role(*MANAGE_ROLES):
        return [], ParameterSnapshot([])
    parameters = parameter_snapshot(
        (rules.MIN_CODE, rules.DEADLINE_CODE),
        Q(scope_unit_id__in=scope.ancestor_ids(MANAGE_ROLES))
        | scope.units_q("scope_unit", MANAGE_ROLES),
    )
    asking = {
        row.scope_unit_id: row.scope_unit
        for row in parameters.rows
        if row.parameter.code == rules.MIN_CODE
        and row.scope_unit is not None
        and scope.can_manage(row.scope_unit)
    }
    return sorted(asking.values(), key=lambda unit: unit.path), parameters


def current_month(
    organisation: Unit, today: datetime.date | None = None
) -> tuple[int, int]:
    """This month, or the last month the organisation existed (a district before 7/2025)."""
    today = today or timezone.localdate()
    day = min(today, organisation.valid_to) if organisation.valid_to else today
    return day.year, day.month


def proposals_for(*, scope: Scope) -> QuerySet[MonthlyProposal]:
    return (
        MonthlyProposal.objects.visible_to(scope)
        .select_related("unit", "organisation")
        .annotate(entry_count=Count("entries"))
        .order_by("-year", "-month", "unit__path")
    )


def proposal_get_q(scope: Scope) -> Q:
    """A proposal is seen by its unit's staff and by the organisation's secretariat."""
    return scope.units_q("unit") | scope.units_q("organisation", MANAGE_ROLES)
