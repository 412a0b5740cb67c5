"""What clusters adds to the foundation pages: navigation, dashboard cards, the unit page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from clusters import access
from clusters.models import ClusterMembership, ClusterYear, Review, ScoreSheet
from councils.selectors import read_two
from orgs.registry import once_per_request
from orgs.scoping import VIEW_ROLES


def my_clusters(request: Any) -> dict[str, Any] | None:
    """The current years of the clusters the user's units belong to or lead."""
    scope = request.scope
    if not scope.is_authenticated or not scope.has_role(*VIEW_ROLES):
        return None
    year = timezone.localdate().year
    memberships = list(
        ClusterMembership.objects.filter(scope.units_q("unit", VIEW_ROLES))
        .filter(cluster_year__year__gte=year - 1)
        .select_related("unit", "cluster_year__cluster")
        .order_by("-cluster_year__year", "cluster_year__cluster__name")[:10]
    )
    if not memberships:
        return None
    return {"memberships": memberships}


def _draft_sheets(request: Any) -> tuple[list[ScoreSheet], list[ScoreSheet]]:
    """Draft cards for the two dashboard cards, in one query kept for the request:
    (the first 10 cards the user's units still have to fill, by deadline; the first
    20 cards not sent after the deadline in the cluster years the user oversees)."""

    def read() -> tuple[list[ScoreSheet], list[ScoreSheet]]:
        scope, today = request.scope, timezone.localdate()
        due = ScoreSheet.objects.filter(pk__in=[])
        if scope.has_role(*access.ACT_ROLES):
            due = ScoreSheet.objects.filter(
                scope.units_q("unit", access.ACT_ROLES), status="draft"
            ).order_by("cluster_year__self_deadline")
        late = (
            ScoreSheet.objects.filter(
                status="draft",
                cluster_year__self_deadline__lt=today,
                cluster_year__ranking_published_at__isnull=True,
            )
            .filter(access.year_overseer_q(scope, "cluster_year__"))
            .order_by("cluster_year__self_deadline", "unit__name")
        )
        rows = ScoreSheet.objects.select_related("unit", "cluster_year__cluster")
        return read_two(
            rows.order_by("cluster_year__self_deadline", "unit__name"),
            due,
            late,
            (10, 20),
        )

    return once_per_request(request, "clusters.draft_sheets", read)


def scoring_due(request: Any) -> dict[str, Any] | None:
    """Cards the user's units still have to fill, and reviews waiting for them."""
    scope = request.scope
    if not scope.is_authenticated or not scope.has_role(*access.ACT_ROLES):
        return None
    drafts = _draft_sheets(request)[0]
    reviews = list(
        Review.objects.filter(
            scope.units_q("reviewer_unit", access.ACT_ROLES),
            status=Review.Status.OPEN,
            sheet__status=ScoreSheet.Status.SUBMITTED,
        )
        .select_related("sheet__unit", "reviewer_unit", "sheet__cluster_year__cluster")
        .order_by("sheet__cluster_year__review_deadline")[:10]
    )
    if not drafts and not reviews:
        return None
    return {"drafts": drafts, "reviews": reviews, "today": timezone.localdate()}


def late_units(request: Any) -> dict[str, Any] | None:
    """For heads and the secretariat: cards not sent after the deadline."""
    scope = request.scope
    if not scope.is_authenticated:
        return None
    late = _draft_sheets(request)[1]
    return {"late": late} if late else None


def unit_clusters(request: Any, unit: Any) -> dict[str, Any] | None:
    """The unit page: every year of every cluster the unit belonged to, with its role."""
    rows = list(
        ClusterMembership.objects.filter(unit=unit)
        .filter(
            cluster_year__in=ClusterYear.objects.filter(
                access.cluster_year_q(request.scope)
            )
        )
        .select_related("cluster_year__cluster")
        .order_by("-cluster_year__year")
    )
    return {"memberships": rows} if rows else None
