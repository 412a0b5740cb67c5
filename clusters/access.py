"""Who may do what in a cluster. One place for the answers, used by selectors,
rules, views and services alike.

- A member unit (its officers) sees the cluster year and only its own card until
  the head publishes the ranking; then it sees every card and the ranking.
- The head unit's officers lead the year: conferences, documents, pledge, scoring
  settings, reviews in "head" mode, publication, proposals. The first deputy
  reviews the head's card.
- A reviewing unit sees a card once it is submitted to it.
- The authority's secretariat sees and leads every cluster of its subtree and alone
  confirms rotation and changes membership; leaders of the authority see, read-only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q

from orgs.scoping import (
    CHANGE_ROLES,
    CLUSTER_OFFICER,
    MANAGE_ROLES,
    VIEW_ROLES,
    Scope,
)

# Roles that act for a unit inside a cluster: enter its scores, sign its pledge.
ACT_ROLES = frozenset(CHANGE_ROLES | {CLUSTER_OFFICER})


def acts_for(scope: Scope, unit: Any) -> bool:
    return scope.covers(unit, ACT_ROLES)


def manages(scope: Scope, cluster: Any) -> bool:
    """The authority's secretariat (thường trực) of the cluster."""
    return scope.covers(cluster.authority, MANAGE_ROLES)


def leads(scope: Scope, cluster_year: Any) -> bool:
    """The head unit's officers, or the authority's secretariat."""
    if manages(scope, cluster_year.cluster):
        return True
    head = cluster_year.head
    return head is not None and acts_for(scope, head.unit)


def oversees(scope: Scope, cluster_year: Any) -> bool:
    """Sees every card of the year: leaders of the year, the authority, followers."""
    return (
        leads(scope, cluster_year)
        or scope.covers(cluster_year.cluster.authority, VIEW_ROLES)
        or is_follower(scope, cluster_year)
    )


def is_follower(scope: Scope, cluster_year: Any) -> bool:
    """A council member assigned to follow this cluster year (theo dõi cụm)."""
    if scope.user_id is None:
        return False
    followers = getattr(cluster_year, "followers", None)
    if followers is None:
        return False
    return followers.filter(council_member__person__user_id=scope.user_id).exists()


def is_member(scope: Scope, cluster_year: Any) -> bool:
    return any(scope.covers(m.unit, VIEW_ROLES) for m in cluster_year.memberships.all())


# Query forms of the same rules ---------------------------------------------------


def _member_in_scope(scope: Scope, year_ref: str) -> Exists:
    from clusters.models import ClusterMembership

    return Exists(
        ClusterMembership.objects.filter(cluster_year=OuterRef(year_ref)).filter(
            scope.units_q("unit", VIEW_ROLES)
        )
    )


def _head_in_scope(scope: Scope, year_ref: str) -> Exists:
    from clusters.models import ClusterMembership

    return Exists(
        ClusterMembership.objects.filter(
            cluster_year=OuterRef(year_ref), role="head"
        ).filter(scope.units_q("unit", ACT_ROLES))
    )


def _follower_q(scope: Scope, year_ref: str) -> Q:
    from clusters.models import ClusterYear

    if scope.user_id is None or not hasattr(ClusterYear, "followers"):
        return Q(pk__in=[])
    from clusters.models import ClusterFollower  # type: ignore[attr-defined]

    return Q(
        Exists(
            ClusterFollower.objects.filter(
                cluster_year=OuterRef(year_ref),
                council_member__person__user_id=scope.user_id,
            )
        )
    )


def cluster_year_q(scope: Scope, prefix: str = "") -> Q:
    """Rows (reached through ``prefix`` to a ClusterYear) the user may see."""
    if scope.is_superuser:
        return Q()
    year_ref = f"{prefix}pk" if not prefix else prefix.removesuffix("__")
    authority = f"{prefix}cluster__authority"
    return (
        scope.units_q(authority, VIEW_ROLES)
        | Q(_member_in_scope(scope, year_ref))
        | _follower_q(scope, year_ref)
    )


def year_overseer_q(scope: Scope, prefix: str = "") -> Q:
    """Rows whose year the user oversees (sees every card of)."""
    if scope.is_superuser:
        return Q()
    year_ref = f"{prefix}pk" if not prefix else prefix.removesuffix("__")
    return (
        scope.units_q(f"{prefix}cluster__authority", VIEW_ROLES)
        | Q(_head_in_scope(scope, year_ref))
        | _follower_q(scope, year_ref)
    )


def sheet_q(scope: Scope) -> Q:
    """Score cards the user may read."""
    from clusters.models import Review

    if scope.is_superuser:
        return Q()
    reviewing = Exists(
        Review.objects.filter(sheet=OuterRef("pk")).filter(
            scope.units_q("reviewer_unit", ACT_ROLES)
        )
    )
    published = Q(cluster_year__ranking_published_at__isnull=False) & Q(
        _member_in_scope(scope, "cluster_year")
    )
    return (
        scope.units_q("unit", VIEW_ROLES)
        | year_overseer_q(scope, "cluster_year__")
        | (Q(reviewing) & ~Q(status="draft"))
        | published
    )
