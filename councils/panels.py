"""Panels the councils add to foundation pages: on the dashboard the tasks given to
the user and the questions awaiting their answer; on a person's page their council
seats; on a unit's page its councils. Registered in ``CouncilsConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from councils import selectors
from councils.models import Council, CouncilMember
from councils.selectors import council_viewer_q
from councils.selectors.dashboard import Split
from orgs.registry import once_per_request

PANEL_ROWS = 20


def dashboard_tasks(request: HttpRequest) -> Split:
    return once_per_request(
        request,
        "councils.tasks",
        lambda: selectors.dashboard_tasks(
            user=request.user,
            scope=request.scope,  # type: ignore[attr-defined]
            today=timezone.localdate(),
            limit=PANEL_ROWS,
        ),
    )


def dashboard_consultations(request: HttpRequest) -> Split:
    return once_per_request(
        request,
        "councils.consultations",
        lambda: selectors.dashboard_consultations(
            user=request.user,
            scope=request.scope,  # type: ignore[attr-defined]
            now=timezone.now(),
            limit=PANEL_ROWS,
        ),
    )


def tasks_panel(request: HttpRequest) -> dict[str, Any] | None:
    """Open tasks of the user (as a member, or for a unit they work for), overdue first."""
    if not request.user.is_authenticated:
        return None
    today = timezone.localdate()
    tasks = dashboard_tasks(request).mine
    if not tasks:
        return None
    rows = [{"task": task, "overdue": task.is_overdue(today)} for task in tasks]
    return {"rows": rows, "overdue": sum(1 for row in rows if row["overdue"])}


def consultations_panel(request: HttpRequest) -> dict[str, Any] | None:
    """Questions sent to the user's councils that they have not answered."""
    if not request.user.is_authenticated:
        return None
    pending = dashboard_consultations(request).mine
    if not pending:
        return None
    return {"consultations": pending, "now": timezone.now()}


def person_seats_panel(request: HttpRequest, person: Any) -> dict[str, Any] | None:
    """On a person's page: the councils they sat on, by decision (those the viewer sees)."""
    seats = list(
        CouncilMember.objects.filter(person=person)
        .filter(council_viewer_q(request.scope, "composition__council__"))  # type: ignore[attr-defined]
        .select_related("composition", "composition__council")
        .order_by("-composition__valid_from")
    )
    return {"seats": seats} if seats else None


def unit_councils_panel(request: HttpRequest, unit: Any) -> dict[str, Any] | None:
    """On a unit's page: the councils it set up."""
    councils = list(
        Council.objects.filter(owner_unit=unit)
        .filter(council_viewer_q(request.scope))  # type: ignore[attr-defined]
        .select_related("standing_unit")
    )
    return {"councils": councils} if councils else None
