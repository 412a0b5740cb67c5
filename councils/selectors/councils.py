"""Who sits on a council on a date, who may see it, and the council lists."""

from __future__ import annotations

import calendar
import datetime
from typing import Any

from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import (
    Composition,
    Council,
    CouncilMember,
    Meeting,
    Task,
)
from orgs.scoping import VIEW_ROLES, Scope

# Composition history -------------------------------------------------------------


def seated_q(day: datetime.date, prefix: str = "") -> Q:
    """Match council seats held on ``day``: composition in force and seat not ended."""
    return (
        Q(**{f"{prefix}composition__valid_from__lte": day})
        & (
            Q(**{f"{prefix}composition__valid_to__isnull": True})
            | Q(**{f"{prefix}composition__valid_to__gte": day})
        )
        & (
            Q(**{f"{prefix}joined_on__isnull": True})
            | Q(**{f"{prefix}joined_on__lte": day})
        )
        & (Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": day}))
    )


def members_on(council: Council | int, day: datetime.date) -> QuerySet[CouncilMember]:
    """Return who sat on ``council`` on ``day``, in the order of the decision.

    The one answer to "who sat on the council on 9/3/2022": the composition in
    force that day, without the seats that had ended and those not yet begun.
    """
    council_id = council if isinstance(council, int) else council.pk
    return (
        CouncilMember.objects.filter(composition__council_id=council_id)
        .filter(seated_q(day))
        .select_related("person", "person__unit", "represented_unit", "composition")
        .order_by("order", "pk")
    )


def composition_on(council: Council, day: datetime.date) -> Composition | None:
    """Return the composition in force on ``day`` (None before the founding decision)."""
    return (
        Composition.objects.filter(council=council, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .first()
    )


def compositions_queryset() -> QuerySet[Composition]:
    """Compositions with their members (one query for all the seats)."""
    return Composition.objects.select_related("decision_document").prefetch_related(
        Prefetch(
            "members",
            queryset=CouncilMember.objects.select_related(
                "person", "person__unit", "represented_unit"
            ).order_by("order", "pk"),
        )
    )


def compositions_of(council: Council) -> QuerySet[Composition]:
    """Every composition of ``council``, newest first, with its members."""
    return compositions_queryset().filter(council=council).order_by("-valid_from")


# Visibility --------------------------------------------------------------------


def member_council_ids(user_id: int, day: datetime.date | None = None) -> QuerySet[Any]:
    """Ids of the councils ``user_id`` sits on today, as a subquery."""
    day = day or timezone.localdate()
    return (
        CouncilMember.objects.filter(person__user_id=user_id)
        .filter(seated_q(day))
        .values("composition__council_id")
    )


def council_viewer_q(scope: Scope, prefix: str = "") -> Q:
    """Match councils (through ``prefix``, e.g. "meeting__council__") the viewer may see."""
    query = scope.units_q(f"{prefix}owner_unit", VIEW_ROLES)
    if scope.user_id is not None and not scope.is_superuser:
        query |= Q(**{f"{prefix}pk__in": member_council_ids(scope.user_id)})
    return query


def get_for_viewer_or_404(
    queryset: QuerySet[Any], scope: Scope, prefix: str, pk: Any
) -> Any:
    """Return the object ``pk`` if its council is visible to ``scope``, else 404."""
    try:
        return queryset.filter(council_viewer_q(scope, prefix)).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def is_member_anywhere(user: Any) -> bool:
    """Whether ``user`` sits on any council today (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_councils_is_member", None)
    if cached is None:
        cached = member_council_ids(user.pk).exists()
        user._councils_is_member = cached
    return cached


def seat_of(user: Any, council_id: int, day: datetime.date) -> CouncilMember | None:
    """Return the seat ``user`` holds on ``council_id`` on ``day``, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        CouncilMember.objects.filter(
            person__user_id=user.pk, composition__council_id=council_id
        )
        .filter(seated_q(day))
        .select_related("person")
        .first()
    )


# Councils ---------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return ``day`` moved by ``months``, clamped to the end of the month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_regular_due(council: Council) -> datetime.date | None:
    """When the next regular session is due by the council's rhythm.

    Counted from the last regular session held (annotation ``last_regular``), or
    from the founding when none was held yet.
    """
    if not council.meeting_interval_months:
        return None
    last = getattr(council, "last_regular", None)
    start = timezone.localtime(last).date() if last else council.founded_on
    return add_months(start, council.meeting_interval_months) if start else None


def _with_council_figures(
    councils: QuerySet[Council], day: datetime.date
) -> QuerySet[Council]:
    seated = (
        CouncilMember.objects.filter(composition__council=OuterRef("pk"))
        .filter(seated_q(day))
        .values("composition__council")
        .annotate(n=Count("pk"))
        .values("n")
    )
    open_tasks = (
        Task.objects.filter(
            conclusion__meeting__council=OuterRef("pk"), status=Task.Status.OPEN
        )
        .values("conclusion__meeting__council")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return councils.annotate(
        member_count=Coalesce(Subquery(seated), 0),
        open_task_count=Coalesce(Subquery(open_tasks), 0),
        last_regular=Max(
            "meetings__starts_at",
            filter=Q(
                meetings__kind=Meeting.Kind.REGULAR,
                meetings__status=Meeting.Status.HELD,
            ),
        ),
        next_planned=Min(
            "meetings__starts_at",
            filter=Q(meetings__status=Meeting.Status.PLANNED)
            & ~Q(meetings__kind=Meeting.Kind.WRITTEN),
        ),
    )


def council_list(*, scope: Scope, query: str = "") -> QuerySet[Council]:
    councils = Council.objects.filter(council_viewer_q(scope)).select_related(
        "owner_unit", "standing_unit"
    )
    if query:
        councils = councils.filter(
            Q(name__icontains=query) | Q(code__iexact=query.strip())
        )
    return _with_council_figures(councils, timezone.localdate()).order_by(
        "owner_unit__path", "name"
    )


def council_detail(*, scope: Scope, pk: Any) -> Council:
    councils = _with_council_figures(
        Council.objects.select_related("owner_unit", "standing_unit", "issuer"),
        timezone.localdate(),
    )
    return get_for_viewer_or_404(councils, scope, "", pk)
