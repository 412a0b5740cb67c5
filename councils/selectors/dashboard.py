"""What the councils put on the dashboard, read once for every card that shows it.

The user's own open tasks and the overdue tasks of the councils their secretariat
keeps are one query; so are the questions awaiting the user's answer and the
overdue written consultations. Each part keeps its own order and its own limit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from councils.models import Consultation, Meeting, Task
from orgs.scoping import MANAGE_ROLES, Scope

from .consultations import pending_consultations_for
from .councils import council_viewer_q
from .meetings import _task_queryset, open_tasks_for


@dataclass(frozen=True)
class Split:
    mine: list[Any]  # the user's own: tasks given to them, questions to answer
    overdue: list[Any]  # overdue under the viewer's secretariat


def overdue_tasks(scope: Scope, today: datetime.date) -> QuerySet[Task]:
    """Open tasks past due in the councils the viewer's secretariat keeps."""
    return _task_queryset().filter(
        scope.units_q("conclusion__meeting__council__owner_unit", MANAGE_ROLES),
        status=Task.Status.OPEN,
        due_on__lt=today,
    )


def overdue_consultations(
    scope: Scope, now: datetime.datetime
) -> QuerySet[Consultation]:
    """Written consultations still open after their deadline, same councils."""
    return (
        Consultation.objects.filter(
            scope.units_q("meeting__council__owner_unit", MANAGE_ROLES),
            status=Consultation.Status.SENT,
            deadline__lt=now,
        )
        .select_related("meeting__council")
        .order_by("deadline", "pk")
    )


def read_two(
    rows: QuerySet[Any],
    first: QuerySet[Any],
    second: QuerySet[Any],
    limits: tuple[int, int],
) -> tuple[list[Any], list[Any]]:
    """The first ``limits[0]`` rows of ``first`` and ``limits[1]`` of ``second``,
    read as ``rows`` (its order, its joins) in one query. A row in both is in both."""
    in_first = Q(pk__in=first.values("pk")[: limits[0]])
    in_second = Q(pk__in=second.values("pk")[: limits[1]])
    found = list(
        rows.filter(in_first | in_second).annotate(
            # ``in_*``, not ``is_*``: a task has an ``is_overdue`` method.
            in_first=ExpressionWrapper(in_first, output_field=BooleanField()),
            in_second=ExpressionWrapper(in_second, output_field=BooleanField()),
        )
    )
    return (
        [row for row in found if row.in_first],
        [row for row in found if row.in_second],
    )


def _split(
    rows: QuerySet[Any], mine: QuerySet[Any], overdue: QuerySet[Any], limit: int
) -> Split:
    return Split(*read_two(rows, mine, overdue, (limit, limit)))


def planned_meetings(scope: Scope, now: datetime.datetime) -> QuerySet[Meeting]:
    """Planned sessions (not written consultations) from yesterday on, of the
    councils the viewer manages or sits on, soonest first."""
    return (
        Meeting.objects.filter(
            council_viewer_q(scope, "council__"),
            council__dissolved_on__isnull=True,
            status=Meeting.Status.PLANNED,
            starts_at__gte=now - datetime.timedelta(days=1),
        )
        .exclude(kind=Meeting.Kind.WRITTEN)
        .select_related("council")
        .order_by("starts_at", "pk")
    )


def dashboard_tasks(
    *, user: Any, scope: Scope, today: datetime.date, limit: int
) -> Split:
    late = overdue_tasks(scope, today).order_by("due_on", "pk")
    split = _split(
        _task_queryset(), open_tasks_for(user=user, scope=scope), late, limit
    )
    # ``_task_queryset`` orders by due date (none last); the overdue card by due date.
    split.overdue.sort(key=lambda task: (task.due_on, task.pk))
    return split


def dashboard_consultations(
    *, user: Any, scope: Scope, now: datetime.datetime, limit: int
) -> Split:
    rows = Consultation.objects.select_related("meeting__council").order_by(
        "deadline", "pk"
    )
    return _split(
        rows,
        pending_consultations_for(user=user),
        overdue_consultations(scope, now),
        limit,
    )
