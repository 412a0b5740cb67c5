"""Object permissions of the clusters app (django-rules), from ``clusters.access``.

Read permissions ask the selectors (one query each), so a page, a rule and the
admin never disagree on who sees what. Action permissions ask who the user acts
for: the card's unit, a reviewing unit, the head unit, the authority.
"""

from __future__ import annotations

from typing import Any

import rules

from clusters import access
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, Scope, scope_for


def _scope(user: Any) -> Scope | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return scope_for(user)


def year_of(obj: Any) -> Any:
    """The ClusterYear an object hangs on (itself, its card's, its pledge's…)."""
    from clusters.models import ClusterYear

    if isinstance(obj, ClusterYear):
        return obj
    for path in (
        "cluster_year",
        "sheet",
        "pledge",
        "conference",
        "entry",
        "review",
        "item",
    ):
        target = getattr(obj, path, None)
        if target is not None:
            return year_of(target)
    return None


def _visible(model_name: str) -> Any:
    @rules.predicate(name=f"visible_{model_name}")
    def check(user: Any, obj: Any = None) -> bool:
        scope = _scope(user)
        if scope is None:
            return False
        if obj is None:
            return scope.has_role(*VIEW_ROLES)
        from clusters import selectors

        if model_name == "scoresheet":
            queryset = selectors.sheet_list(scope=scope)
        elif model_name == "cluster":
            queryset = selectors.cluster_list(scope=scope)
        elif model_name == "criteriaset":
            queryset = selectors.criteria_set_list(scope=scope)
        else:
            year = year_of(obj)
            return year is not None and (
                selectors.cluster_year_list(scope=scope).filter(pk=year.pk).exists()
            )
        return queryset.filter(pk=obj.pk).exists()

    return check


@rules.predicate
def leads_year(user: Any, obj: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if obj is None:
        return scope.has_role(*access.ACT_ROLES)
    year = year_of(obj)
    return year is not None and access.leads(scope, year)


@rules.predicate
def manages_cluster(user: Any, obj: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if obj is None:
        return scope.has_role(*MANAGE_ROLES)
    cluster = getattr(obj, "cluster", None) or getattr(year_of(obj), "cluster", None)
    if cluster is None and hasattr(obj, "authority"):
        cluster = obj
    return cluster is not None and access.manages(scope, cluster)


@rules.predicate
def acts_for_sheet_unit(user: Any, sheet: Any = None) -> bool:
    scope = _scope(user)
    if scope is None or sheet is None:
        return scope is not None and scope.has_role(*access.ACT_ROLES)
    return access.acts_for(scope, sheet.unit)


@rules.predicate
def reviews_sheet(user: Any, sheet: Any = None) -> bool:
    scope = _scope(user)
    if scope is None or sheet is None:
        return False
    return any(access.acts_for(scope, r.reviewer_unit) for r in sheet.reviews.all())


@rules.predicate
def sees_ranking(user: Any, obj: Any = None) -> bool:
    scope = _scope(user)
    if scope is None or obj is None:
        return False
    year = year_of(obj)
    if access.oversees(scope, year):
        return True
    return year.is_published and access.is_member(scope, year)


@rules.predicate
def signs_for_unit(user: Any, signatory: Any = None) -> bool:
    scope = _scope(user)
    if scope is None or signatory is None:
        return False
    return access.acts_for(scope, signatory.unit) or access.leads(
        scope, signatory.pledge.cluster_year
    )


@rules.predicate
def owns_criteria_set(user: Any, criteria_set: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if criteria_set is None:
        return scope.has_role(*access.ACT_ROLES)
    criteria_set = getattr(criteria_set, "criteria_set", criteria_set)
    if criteria_set.owner_cluster_id:
        cluster = criteria_set.owner_cluster
        if access.manages(scope, cluster):
            return True
        latest = cluster.years.order_by("-year").first()
        return latest is not None and access.leads(scope, latest)
    return scope.covers(criteria_set.scope_unit, MANAGE_ROLES)


superuser = rules.is_superuser

# Reading ------------------------------------------------------------------------------
for name in ("cluster", "clusteryear", "scoresheet", "criteriaset"):
    rules.add_perm(f"clusters.view_{name}", _visible(name))
for name in (
    "conference",
    "pledge",
    "clusterdocument",
    "clusterproposal",
    "clustermembership",
):
    rules.add_perm(f"clusters.view_{name}", _visible(name))
rules.add_perm("clusters.view_ranking", sees_ranking)

# Leading a year (the head unit's officers, the authority's secretariat) ------------------
for action in (
    "change_clusteryear",
    "add_conference",
    "change_conference",
    "add_clusterdocument",
    "issue_clusterdocument",
    "change_pledge",
    "start_scoring",
    "return_scoresheet",
    "exempt_scoresheet",
    "reopen_review",
    "publish_ranking",
    "add_clusterproposal",
    "change_clusterproposal",
    "propose_rotation",
    "change_clustermembership",
):
    rules.add_perm(f"clusters.{action}", leads_year)

# Managing clusters (the authority's secretariat) ----------------------------------------
for action in (
    "add_cluster",
    "change_cluster",
    "add_clusteryear",
    "add_clustermembership",
    "remove_clustermembership",
    "set_leadership",
    "confirm_rotation",
    "roll_clusteryear",
):
    rules.add_perm(f"clusters.{action}", manages_cluster)

# Cards ------------------------------------------------------------------------------------
rules.add_perm("clusters.selfscore_scoresheet", acts_for_sheet_unit)
rules.add_perm("clusters.review_scoresheet", reviews_sheet)
rules.add_perm("clusters.sign_pledgesignatory", signs_for_unit)

# Criteria sets -----------------------------------------------------------------------------
rules.add_perm("clusters.add_criteriaset", owns_criteria_set)
rules.add_perm("clusters.change_criteriaset", owns_criteria_set)

# Admin-only records: the secretariat of the authority reads them (lists are scoped
# in clusters.admin); nobody edits a history.
for name in (
    "rotationproposal",
    "scorechange",
    "evidence",
    "review",
    "conferenceattendance",
    "conferencevote",
    "clusterfollower",
):
    rules.add_perm(f"clusters.view_{name}", manages_cluster)
rules.add_perm("clusters.add_clusterfollower", manages_cluster)
rules.add_perm("clusters.change_clusterfollower", manages_cluster)
rules.add_perm("clusters.delete_clusterfollower", manages_cluster)
rules.add_perm("clusters.view_criterion", owns_criteria_set)
rules.add_perm("clusters.change_criterion", owns_criteria_set)
rules.add_perm("clusters.add_criterion", owns_criteria_set)
rules.add_perm("clusters.change_rotationproposal", manages_cluster)
rules.add_perm("clusters.add_rotationproposal", leads_year)
rules.add_perm("clusters.add_pledge", leads_year)
rules.add_perm("clusters.change_clusterdocument", leads_year)
for name in (
    "cluster",
    "clusteryear",
    "clustermembership",
    "rotationproposal",
    "conference",
    "clusterdocument",
    "pledge",
    "criteriaset",
    "criterion",
    "scoresheet",
    "clusterproposal",
    "scorechange",
    "evidence",
    "review",
    "conferenceattendance",
    "conferencevote",
):
    rules.add_perm(f"clusters.delete_{name}", superuser)
for name in (
    "scoresheet",
    "scorechange",
    "evidence",
    "review",
    "conferencevote",
    "conferenceattendance",
):
    rules.add_perm(f"clusters.add_{name}", superuser)
    rules.add_perm(f"clusters.change_{name}", superuser)
