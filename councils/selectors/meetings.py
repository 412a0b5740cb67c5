"""Sessions, their quorum, and the tasks their conclusions assign."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from councils.models import (
    AgendaItem,
    Attendance,
    Conclusion,
    Council,
    Meeting,
    Task,
    Vote,
)
from councils.voting import QuorumOutcome, quorum_outcome, quorum_rule
from orgs.scoping import CHANGE_ROLES, Scope

from .councils import council_viewer_q, get_for_viewer_or_404

# Meetings ---------------------------------------------------------------------


def meeting_list(
    *, council: Council, kinds: list[str] | None = None
) -> QuerySet[Meeting]:
    meetings = (
        Meeting.objects.filter(council=council)
        .select_related("chair", "minutes", "council")
        .annotate(
            present_count=Count(
                "attendances",
                filter=Q(attendances__status=Attendance.Status.PRESENT),
            )
        )
    )
    if kinds:
        meetings = meetings.filter(kind__in=kinds)
    return meetings.order_by("-starts_at", "-pk")


def meeting_queryset() -> QuerySet[Meeting]:
    """A session with everything its page and its minutes print."""
    return Meeting.objects.select_related(
        "council",
        "council__owner_unit",
        "council__issuer",
        "chair",
        "secretary",
        "minutes",
    ).prefetch_related(
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related(
                "member", "member__person", "member__represented_unit"
            ).order_by("member__order", "member__pk"),
        ),
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.prefetch_related(
                "related_documents",
                Prefetch("votes", queryset=Vote.objects.order_by("recorded_at", "pk")),
            ).order_by("order"),
        ),
        Prefetch(
            "conclusions",
            queryset=Conclusion.objects.select_related("agenda_item")
            .prefetch_related(
                Prefetch(
                    "tasks",
                    queryset=Task.objects.select_related(
                        "assignee_member__person", "assignee_unit"
                    ),
                )
            )
            .order_by("order"),
        ),
    )


def meeting_detail(*, scope: Scope, pk: Any) -> Meeting:
    return get_for_viewer_or_404(meeting_queryset(), scope, "council__", pk)


def meeting_quorum(meeting: Meeting) -> QuorumOutcome:
    """Count voting members present against the quorum rule in force that day.

    Uses the prefetched attendance list, so a page shows it without more queries
    than the rule lookup. A representative sent in a member's place is not counted.
    """
    rows = [row for row in meeting.attendances.all() if row.member.is_voting]
    present = sum(1 for row in rows if row.status == Attendance.Status.PRESENT)
    fraction, basis = quorum_rule(
        on=meeting.session_date, unit=meeting.council.owner_unit
    )
    outcome = quorum_outcome(present, len(rows), fraction)
    return QuorumOutcome(**{**outcome.__dict__, "legal_basis": basis})


def upcoming_meetings(council: Council) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(council=council, status=Meeting.Status.PLANNED)
        .exclude(kind=Meeting.Kind.WRITTEN)
        .select_related("chair")
        .order_by("starts_at")
    )


# Tasks ------------------------------------------------------------------------


def _task_queryset() -> QuerySet[Task]:
    return Task.objects.select_related(
        "conclusion__meeting__council",
        "assignee_member__person",
        "assignee_unit",
    ).order_by(Coalesce("due_on", datetime.date(9999, 12, 31)), "pk")


def council_tasks(council: Council, *, open_only: bool = True) -> QuerySet[Task]:
    tasks = _task_queryset().filter(conclusion__meeting__council=council)
    return tasks.filter(status=Task.Status.OPEN) if open_only else tasks


def open_tasks_for(*, user: Any, scope: Scope) -> QuerySet[Task]:
    """Open tasks assigned to the user as a member, or to a unit they work for.

    A unit's task belongs to the people granted that very unit (its officers and
    secretariat), not to every office above it.
    """
    units = scope.granted_unit_ids(CHANGE_ROLES)
    return _task_queryset().filter(
        Q(assignee_member__person__user_id=user.pk) | Q(assignee_unit_id__in=units),
        status=Task.Status.OPEN,
    )


def task_for_viewer_or_404(*, scope: Scope, pk: Any) -> Task:
    """A task is seen by those who see its council, and by the ones it was given to."""
    query = council_viewer_q(scope, "conclusion__meeting__council__")
    if scope.user_id is not None:
        query |= Q(assignee_member__person__user_id=scope.user_id)
        query |= Q(assignee_unit_id__in=scope.granted_unit_ids(CHANGE_ROLES))
    try:
        return _task_queryset().filter(query).get(pk=pk)
    except (Task.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None
