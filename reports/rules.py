"""Permissions of the reports app (django-rules).

Every staff member may open the statistics and the forms: the figures are always
scoped to the units the viewer sees, so a unit's leader reads its subtree's numbers
only. A cluster report is read by whoever sees the cluster year and written by
those who lead it (the head unit's officers, the authority's secretariat). An
achievement report is prepared by whoever sees the nominee's dossier.
"""

from __future__ import annotations

from typing import Any

import rules

from clusters import access
from clusters import selectors as cluster_selectors
from orgs.rules import is_staff_user, superuser
from orgs.scoping import VIEW_ROLES, scope_for


def _scope(user: Any) -> Any:
    return scope_for(user) if getattr(user, "is_authenticated", False) else None


def _year(obj: Any) -> Any:
    return getattr(obj, "cluster_year", obj)


@rules.predicate
def sees_cluster_year(user: Any, obj: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if obj is None:
        return scope.has_role(*VIEW_ROLES)
    year = _year(obj)
    return cluster_selectors.cluster_year_list(scope=scope).filter(pk=year.pk).exists()


@rules.predicate
def leads_cluster_year(user: Any, obj: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if obj is None:
        return scope.has_role(*access.ACT_ROLES)
    return access.leads(scope, _year(obj))


@rules.predicate
def sees_nomination(user: Any, nomination: Any = None) -> bool:
    scope = _scope(user)
    if scope is None:
        return False
    if nomination is None:
        return scope.has_role(*VIEW_ROLES)
    from awards.models import Nomination

    return Nomination.objects.visible_to(scope).filter(pk=nomination.pk).exists()


rules.add_perm("reports.view_statistics", is_staff_user | superuser)
rules.add_perm("reports.view_clusterreport", sees_cluster_year | superuser)
rules.add_perm("reports.add_clusterreport", leads_cluster_year | superuser)
rules.add_perm("reports.change_clusterreport", leads_cluster_year | superuser)
rules.add_perm("reports.issue_clusterreport", leads_cluster_year | superuser)
rules.add_perm("reports.delete_clusterreport", superuser)
rules.add_perm("reports.prepare_achievement_report", sees_nomination | superuser)
