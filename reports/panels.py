"""Dashboard cards added by the reports app (``orgs.registry.register_panel``).

The other apps already show: dossiers returned to the unit and the secretariat's
queue by step (awards), score cards to fill and reviews due, late cards, the
user's clusters (clusters), consultations to answer and tasks (councils). These
add what each role still missed: the year in numbers (leaders, secretariat), the
queue by step *and age*, what is overdue, the next council sessions, the cluster
years behind schedule, and the clusters a council member follows.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from awards.panels import receiving_queue, upcoming_meetings
from councils.panels import dashboard_consultations, dashboard_tasks
from councils.selectors import is_member_anywhere
from orgs.registry import once_per_request
from orgs.scoping import LEADER, SECRETARIAT
from reports.achievement import nominations
from reports.selectors import dashboards


def _scope(request: HttpRequest) -> Any:
    scope = getattr(request, "scope", None)
    return scope if scope is not None and scope.is_authenticated else None


def year_in_numbers(request: HttpRequest) -> dict[str, Any] | None:
    scope = _scope(request)
    if scope is None or not scope.has_role(LEADER, SECRETARIAT):
        return None
    return dashboards.year_in_numbers_cached(scope, timezone.localdate())


def queue_by_age(request: HttpRequest) -> dict[str, Any] | None:
    scope = _scope(request)
    if scope is None or not scope.has_role(SECRETARIAT):
        return None
    return dashboards.queue_by_age(scope, receiving_queue(request))


def overdue(request: HttpRequest) -> dict[str, Any] | None:
    scope = _scope(request)
    if scope is None or not scope.has_role(SECRETARIAT):
        return None
    councils = (
        dashboard_tasks(request).overdue,
        dashboard_consultations(request).overdue,
    )
    return dashboards.overdue_items(scope, receiving_queue(request), councils=councils)


def sessions(request: HttpRequest) -> dict[str, Any] | None:
    scope = _scope(request)
    if scope is None:
        return None
    if not (scope.has_role(SECRETARIAT) or is_member_anywhere(request.user)):
        return None
    found = dashboards.upcoming_sessions(scope, upcoming_meetings(request)[1])
    return found if found["meetings"] or found["due"] else None


def _cluster_years(request: HttpRequest, scope: Any) -> tuple[list[Any], list[Any]]:
    """The cluster years both cluster cards show, read once per request."""
    return once_per_request(
        request,
        "reports.cluster_years",
        lambda: dashboards.cluster_years(
            scope, request.user.pk, timezone.localdate().year
        ),
    )


def cluster_progress(request: HttpRequest) -> dict[str, Any] | None:
    scope = _scope(request)
    if scope is None:
        return None
    years = _cluster_years(request, scope)[0]
    return {"years": years, "today": timezone.localdate()} if years else None


def followed_clusters(request: HttpRequest) -> dict[str, Any] | None:
    """Cluster years the user follows as a council member (no ``is_member_anywhere``
    gate: the shared read above finds none for a non-member at no extra cost)."""
    scope = _scope(request)
    if scope is None:
        return None
    rows = _cluster_years(request, scope)[1]
    return {"rows": rows} if rows else None


def achievement_links(request: HttpRequest, obj: Any) -> dict[str, Any] | None:
    """On a person's or a unit's page: their live nominations, each with a link to
    prepare its báo cáo thành tích."""
    scope = _scope(request)
    if scope is None:
        return None
    field = "person" if obj._meta.model_name == "person" else "collective"
    rows = list(nominations(scope).filter(**{field: obj})[:10])
    return {"rows": rows} if rows else None
