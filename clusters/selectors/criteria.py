"""Reads of criteria sets and their criteria."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from clusters import access
from clusters.models import (
    ClusterYear,
    CriteriaSet,
    Criterion,
)
from orgs.scoping import VIEW_ROLES, Scope

from .common import _get_or_404


def criteria_set_list(*, scope: Scope) -> QuerySet[CriteriaSet]:
    """Sets of the viewer's units, of clusters the viewer belongs to, and the sets these adapt."""
    visible_years = ClusterYear.objects.filter(access.cluster_year_q(scope))
    used = Q(pk__in=visible_years.values("criteria_set_id")) | Q(
        owner_cluster__in=visible_years.values("cluster_id")
    )
    adapted_by_used = Q(
        Exists(CriteriaSet.objects.filter(Q(parent=OuterRef("pk")) & used))
    )
    return (
        CriteriaSet.objects.filter(
            scope.units_q("scope_unit", VIEW_ROLES) | used | adapted_by_used
        )
        .select_related("owner_unit", "owner_cluster", "parent")
        .annotate(criterion_count=Count("criteria", distinct=True))
        .order_by("-year", "name", "-version")
    )


def criteria_set_detail(*, scope: Scope, pk: int) -> CriteriaSet:
    queryset = criteria_set_list(scope=scope).select_related("previous_version")
    return _get_or_404(queryset, pk=pk)


def criteria_nodes(criteria_set: CriteriaSet) -> list[Criterion]:
    return list(criteria_set.criteria.order_by("depth", "order", "pk"))


def criteria_in_tree_order(criteria_set: CriteriaSet) -> list[tuple[Criterion, int]]:
    nodes = list(criteria_set.criteria.all())
    children: dict[int | None, list[Criterion]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    for siblings in children.values():
        siblings.sort(key=lambda n: (n.order, n.pk))
    ordered: list[tuple[Criterion, int]] = []

    def visit(node: Criterion, depth: int) -> None:
        ordered.append((node, depth))
        for child in children.get(node.pk, []):
            visit(child, depth + 1)

    for root in children.get(None, []):
        visit(root, 0)
    return ordered


def criterion_detail(*, scope: Scope, pk: int) -> Criterion:
    return _get_or_404(
        Criterion.objects.filter(
            criteria_set__in=criteria_set_list(scope=scope)
        ).select_related("criteria_set"),
        pk=pk,
    )
