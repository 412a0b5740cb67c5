"""What each role finds on its dashboard. Every function runs a fixed number of
queries whatever the number of rows (tests count them with 2 and 20 rows)."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from awards.models import AwardKind, AwardRecord, Dossier, Initiative, Movement
from awards.selectors import receiving_counts
from clusters import access as cluster_access
from clusters.models import ClusterFollower, ClusterMembership, ClusterYear, ScoreSheet
from councils.models import Consultation, Council, Meeting, Task
from councils.selectors import (
    council_viewer_q,
    next_regular_due,
    overdue_consultations,
    overdue_tasks,
    planned_meetings,
)
from orgs.db import reporting_alias
from orgs.scoping import Scope
from reports.filters import DIRECT_Q, SUBJECT_Q, Filters, default_unit
from reports.official.movements_form import in_year_q
from reports.selectors.direct import share, targets
from reports.selectors.drill import AGE_BUCKETS, PENDING
from reports.tables import drill_url, fmt

ROWS = 8

# The year in numbers ---------------------------------------------------------------


def _award_counts(scope: Scope, years: list[int]) -> dict[str, int]:
    wanted: dict[str, Any] = {}
    for year in years:
        when = Q(decision_date__year=year)
        wanted[f"all_{year}"] = Count("pk", filter=when)
        for level in AwardKind.Level.values:
            wanted[f"l{level}_{year}"] = Count(
                "pk", filter=when & Q(award_kind__level=level)
            )
        wanted[f"ind_{year}"] = Count("pk", filter=when & SUBJECT_Q["individual"])
        wanted[f"dir_{year}"] = Count("pk", filter=when & DIRECT_Q)
        wanted[f"col_{year}"] = Count("pk", filter=when & SUBJECT_Q["collective"])
    return (
        AwardRecord.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(
            # A date range, not decision_date__year__in: indexable (awards_record_status_date).
            status=AwardRecord.Status.VALID,
            decision_date__gte=datetime.date(min(years), 1, 1),
            decision_date__lt=datetime.date(max(years) + 1, 1, 1),
        )
        .aggregate(**wanted)
    )


def year_in_numbers(scope: Scope, year: int) -> dict[str, Any]:
    """This year and last year side by side: awards decided, by level; individuals
    and the share of direct workers against the target; dossiers, initiatives,
    movements and cluster rankings. Every figure links to its records."""
    years = [year, year - 1]
    awards = _award_counts(scope, years)
    root = default_unit(scope)
    goal = targets(root, years)
    dossiers = (
        Dossier.objects.using(reporting_alias())
        .visible_to(scope)
        .aggregate(
            pending=Count("pk", filter=Q(status__in=PENDING)),
            **{
                f"decided_{y}": Count(
                    "pk",
                    filter=Q(status=Dossier.Status.DECIDED, decision_date__year=y),
                )
                for y in years
            },
        )
    )
    initiatives = (
        Initiative.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(status=Initiative.Status.RECOGNISED)
        .aggregate(
            **{f"y{y}": Count("pk", filter=Q(recognition_date__year=y)) for y in years}
        )
    )
    movements = (
        Movement.objects.using(reporting_alias())
        .visible_to(scope)
        .aggregate(**{f"y{y}": Count("pk", filter=in_year_q(y)) for y in years})
    )
    active = {y: movements[f"y{y}"] for y in years}

    def award(y: int, **params: Any) -> tuple[str, str, str]:
        key = params.pop("key")
        url = drill_url("awards", Filters(year=y, basis="decision").params(**params))
        return (fmt(awards[f"{key}_{y}"]), url, "")

    def ratio(y: int) -> tuple[str, str, str]:
        value, goal_value = share(awards[f"dir_{y}"], awards[f"ind_{y}"]), goal[y].value
        text = fmt(value) if value is not None else "–"
        if goal_value is not None:
            text = f"{text} / {fmt(goal_value)}"
        below = value is not None and goal_value is not None and value < goal_value
        return (text, "", "overdue" if below else "")

    rows = [
        _line(_("Khen thưởng đã quyết định"), years, lambda y: award(y, key="all")),
        *[
            _line(label, years, lambda y, lv=level: award(y, key=f"l{lv}", level=lv), 1)
            for level, label in sorted(AwardKind.Level.choices, reverse=True)
        ],
        _line(
            _("Cá nhân được khen thưởng"),
            years,
            lambda y: award(y, key="ind", subject="individual"),
        ),
        _line(
            _("trong đó người lao động trực tiếp"),
            years,
            lambda y: award(y, key="dir", direct=True),
            1,
        ),
        _line(_("Tỷ lệ so với chỉ tiêu"), years, ratio, 1),
        _line(
            _("Tập thể được khen thưởng"),
            years,
            lambda y: award(y, key="col", subject="collective"),
        ),
        _line(
            _("Hồ sơ đã có quyết định"),
            years,
            lambda y: (
                fmt(dossiers[f"decided_{y}"]),
                drill_url("dossiers", {"decided": y}),
                "",
            ),
        ),
        _line(
            _("Sáng kiến được công nhận"),
            years,
            lambda y: (
                fmt(initiatives[f"y{y}"]),
                drill_url("initiatives", Filters(year=y).params()),
                "",
            ),
        ),
        _line(
            _("Phong trào thi đua diễn ra trong năm"),
            years,
            lambda y: (fmt(active[y]), "", ""),
        ),
    ]
    return {
        "years": years,
        "rows": rows,
        "pending": (dossiers["pending"], drill_url("dossiers", {"status": "pending"})),
    }


YEAR_CACHE_SECONDS = 600


def _year_cache_key(scope: Scope, day: datetime.date) -> str:
    """Everything the figures depend on besides the data: the subtrees the viewer
    sees (``visible_to`` and ``default_unit`` read only these), superuser or not, the
    day and the language of the labels. Two viewers share figures only when they
    see exactly the same units."""
    seen = "|".join(scope.paths())
    digest = hashlib.sha256(
        f"{scope.is_superuser}:{seen}:{translation.get_language()}".encode()
    ).hexdigest()
    return f"reports:year-in-numbers:{day.isoformat()}:{digest}"


def year_in_numbers_cached(scope: Scope, day: datetime.date) -> dict[str, Any]:
    """``year_in_numbers`` for the dashboard, kept ``YEAR_CACHE_SECONDS`` per scope
    and day: counting every visible award record took most of the dashboard's time
    at province scale. A decision recorded meanwhile shows within the timeout;
    the report pages the figures link to are always live."""
    key = _year_cache_key(scope, day)
    found = cache.get(key)
    if found is None:
        found = {
            **year_in_numbers(scope, day.year),
            "computed_at": timezone.localtime(),
        }
        cache.set(key, found, YEAR_CACHE_SECONDS)
    return found


def _line(
    label: Any,
    years: list[int],
    cell: Callable[[int], tuple[str, str, str]],
    depth: int = 0,
) -> dict[str, Any]:
    return {"label": label, "depth": depth, "cells": [cell(y) for y in years]}


# Secretariat -----------------------------------------------------------------------


Counts = dict[str, dict[str, int]]


def _receiving(scope: Scope, counts: Counts | None) -> Counts:
    """The secretariat's dossiers by status (``awards.selectors.receiving_counts``):
    the dashboard passes the copy it shares with the awards queue card."""
    if counts is None:
        counts = receiving_counts(scope, using=reporting_alias())
    return counts


def queue_by_age(scope: Scope, counts: Counts | None = None) -> dict[str, Any] | None:
    """The queue of the viewer's secretariat: one row per step, one column per age."""
    rows = {
        status: row
        for status, row in _receiving(scope, counts).items()
        if status in Dossier.IN_QUEUE
    }
    labels = dict(Dossier.Status.choices)
    steps = []
    for status in Dossier.Status.values:
        if status not in Dossier.IN_QUEUE:
            continue
        found = rows.get(status, {})
        base = {"receiving": "1", "status": status}
        steps.append(
            {
                "label": labels[status],
                "total": (found.get("total", 0), drill_url("dossiers", base)),
                "cells": [
                    (
                        found.get(f"age_{key}", 0),
                        drill_url("dossiers", {**base, "age": key}),
                    )
                    for key, *_rest in AGE_BUCKETS
                ],
            }
        )
    return {
        "buckets": [label for _key, label, *_rest in AGE_BUCKETS],
        "steps": steps,
        "total": sum(row["total"] for row in rows.values()),
    }


def overdue_items(
    scope: Scope,
    counts: Counts | None = None,
    *,
    councils: tuple[list[Task], list[Consultation]] | None = None,
) -> dict[str, Any]:
    """What is late under the viewer's secretariat: dossiers in its queue, dossiers
    returned to units and not corrected, council tasks, written consultations
    (``councils``: those two lists when the dashboard has read them already)."""
    today, now = timezone.localdate(), timezone.now()
    by_status = _receiving(scope, counts)
    dossiers = {
        "queue": sum(
            row["overdue"]
            for status, row in by_status.items()
            if status in Dossier.IN_QUEUE
        ),
        "returned": by_status.get(Dossier.Status.RETURNED, {}).get("overdue", 0),
    }
    if councils is None:
        alias = reporting_alias()
        councils = (
            list(
                overdue_tasks(scope, today).using(alias).order_by("due_on", "pk")[:ROWS]
            ),
            list(overdue_consultations(scope, now).using(alias)[:ROWS]),
        )
    tasks, consultations = councils[0][:ROWS], councils[1][:ROWS]
    overdue = {"receiving": "1", "overdue": "1"}
    return {
        "queue": (dossiers["queue"], drill_url("dossiers", overdue)),
        "returned": (
            dossiers["returned"],
            drill_url("dossiers", {**overdue, "status": Dossier.Status.RETURNED}),
        ),
        "tasks": tasks,
        "consultations": consultations,
        "today": today,
    }


def _per_year(rows: QuerySet[Any], outer: str = "pk") -> Coalesce:
    """Rows of one cluster year, counted in a correlated subquery: joining both
    memberships and sheets multiplied them (members × sheets per year) before the
    ``DISTINCT`` counts."""
    counted = (
        rows.filter(cluster_year=OuterRef(outer))
        .order_by()
        .values("cluster_year")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _submitted() -> QuerySet[ScoreSheet]:
    return ScoreSheet.objects.exclude(status=ScoreSheet.Status.DRAFT)


def cluster_years(
    scope: Scope, user_id: int | None, year: int
) -> tuple[list[ClusterYear], list[ClusterYear]]:
    """(cluster years of this year, and last year's still unpublished, the viewer
    oversees, late ones first; cluster years of this year and last the user follows
    as a council member), each with how far scoring went — one query for both."""
    overseen = Q(
        pk__in=ClusterYear.objects.filter(cluster_access.year_overseer_q(scope))
        .filter(Q(year=year) | Q(year=year - 1, ranking_published_at__isnull=True))
        .order_by("self_deadline", "cluster__name")
        .values("pk")[:ROWS]
    )
    followed = Q(pk__in=[])
    if user_id is not None:
        followed = Q(
            pk__in=ClusterFollower.objects.filter(
                council_member__person__user_id=user_id,
                cluster_year__year__gte=year - 1,
            )
            .order_by("-cluster_year__year", "cluster_year__cluster__name")
            .values("cluster_year")[:ROWS]
        )
    rows = list(
        ClusterYear.objects.using(reporting_alias())
        .filter(overseen | followed)
        .select_related("cluster")
        .annotate(
            member_count=_per_year(ClusterMembership.objects.all()),
            sheet_count=_per_year(ScoreSheet.objects.all()),
            submitted_count=_per_year(_submitted()),
            in_overseen=ExpressionWrapper(overseen, output_field=BooleanField()),
            in_followed=ExpressionWrapper(followed, output_field=BooleanField()),
        )
    )
    today = timezone.localdate()
    progress = [item for item in rows if item.in_overseen]
    for item in progress:
        item.late = bool(
            (
                item.self_deadline
                and item.self_deadline < today
                and item.submitted_count < item.member_count
            )
            or (
                item.review_deadline
                and item.review_deadline < today
                and item.ranking_published_at is None
            )
        )
    progress.sort(
        key=lambda y: (not y.late, y.self_deadline or datetime.date.max, y.cluster.name)
    )
    mine = sorted(
        (item for item in rows if item.in_followed),
        key=lambda y: (-y.year, y.cluster.name),
    )
    return progress, mine


# Council members and sessions ------------------------------------------------------


def upcoming_sessions(
    scope: Scope, meetings: list[Meeting] | None = None
) -> dict[str, Any]:
    """Planned sessions of the councils the viewer manages or sits on, and when the
    next regular session is due for councils with none planned (``meetings``: the
    planned sessions when the dashboard has read them already)."""
    councils = list(
        Council.objects.using(reporting_alias())
        .filter(council_viewer_q(scope), dissolved_on__isnull=True)
        .annotate(
            last_regular=Max(
                "meetings__starts_at",
                filter=Q(
                    meetings__kind=Meeting.Kind.REGULAR,
                    meetings__status=Meeting.Status.HELD,
                ),
            )
        )
        .order_by("name")[:ROWS]
    )
    if meetings is None:
        meetings = list(
            planned_meetings(scope, timezone.now()).using(reporting_alias())[:ROWS]
        )
    meetings = meetings[:ROWS]
    planned = {m.council_id for m in meetings}
    due = [
        (council, next_regular_due(council))
        for council in councils
        if council.pk not in planned and council.meeting_interval_months
    ]
    return {
        "meetings": meetings,
        "due": [d for d in due if d[1]],
        "today": timezone.localdate(),
    }
