"""Criteria sets: create, adapt, edit while a draft, freeze, copy to a new version."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.criteria_diff import criteria_diff
from clusters.models import Cluster, CriteriaSet, Criterion
from clusters.models.criteria import MAX_DEPTH
from clusters.points import points_text
from orgs.models import Unit
from orgs.scoping import MANAGE_ROLES, scope_for

from .common import audit, require

NODE_FIELDS = ("code", "title", "max_points", "kind", "guidance", "evidence_required")


def _require_owner(actor: Any, criteria_set: CriteriaSet) -> None:
    """The secretariat of the owning unit, or of the cluster's authority, or the cluster's head."""
    if actor is None:
        return
    if criteria_set.owner_cluster_id:
        from clusters import access

        cluster = criteria_set.owner_cluster
        scope = scope_for(actor)
        if access.manages(scope, cluster):
            return
        latest = cluster.years.order_by("-year").first()
        require(latest is not None and access.leads(scope, latest))
        return
    require(scope_for(actor).covers(criteria_set.scope_unit, MANAGE_ROLES))


def _require_draft(criteria_set: CriteriaSet) -> None:
    if criteria_set.is_frozen:
        raise ValidationError(
            _(
                "Bộ tiêu chí đã khóa (đã dùng để chấm điểm). Hãy tạo phiên bản mới để sửa."
            ),
            code="frozen",
        )


@transaction.atomic
def criteria_set_create(
    *,
    name: str,
    year: int,
    actor: Any,
    owner_unit: Unit | None = None,
    owner_cluster: Cluster | None = None,
    owner_council: Any = None,
    parent: CriteriaSet | None = None,
    note: str = "",
) -> CriteriaSet:
    """Create a set; with ``parent`` it starts as a copy that remembers each origin."""
    if owner_cluster is not None:
        scope_unit = owner_cluster.authority
    elif owner_council is not None:
        scope_unit = owner_council.owner_unit
    else:
        scope_unit = owner_unit
    criteria_set = CriteriaSet(
        name=name,
        year=year,
        owner_unit=owner_unit,
        owner_cluster=owner_cluster,
        owner_council=owner_council,
        scope_unit=scope_unit,
        parent=parent,
        note=note,
    )
    criteria_set.full_clean()
    _require_owner(actor, criteria_set)
    criteria_set.save()
    if parent is not None:
        _copy_nodes(parent, criteria_set, link_origin=True)
    audit(
        actor,
        "clusters.criteria_set.created",
        criteria_set,
        scope_unit,
        parent=parent.pk if parent else None,
    )
    return criteria_set


def _copy_nodes(source: CriteriaSet, target: CriteriaSet, *, link_origin: bool) -> None:
    """Copy the tree; ``link_origin`` points each copy at its source, else keeps the source's origin."""
    mapping: dict[int, Criterion] = {}
    for node in source.criteria.order_by("depth", "order", "pk"):
        copy = Criterion(
            criteria_set=target,
            parent=mapping.get(node.parent_id),
            order=node.order,
            depth=node.depth,
            origin_id=node.pk if link_origin else node.origin_id,
            **{name: getattr(node, name) for name in NODE_FIELDS},
        )
        copy.save()
        mapping[node.pk] = copy


def _check_node(node: Criterion) -> None:
    node.full_clean(exclude=["criteria_set", "parent", "origin"])
    parent = node.parent
    if parent is None:
        node.depth = 0
        return
    if parent.criteria_set_id != node.criteria_set_id:
        raise ValidationError(
            _("Tiêu chí cấp trên phải cùng bộ tiêu chí."), code="parent"
        )
    if parent.depth + 1 >= MAX_DEPTH:
        raise ValidationError(
            _("Chỉ có ba cấp: nhóm, tiêu chí, tiêu chí thành phần."), code="too_deep"
        )
    if parent.kind != node.kind:
        raise ValidationError(
            _("Tiêu chí “%(code)s” phải cùng loại (%(kind)s) với nhóm chứa nó.")
            % {"code": node.code, "kind": parent.get_kind_display()},
            code="kind",
        )
    node.depth = parent.depth + 1


@transaction.atomic
def criterion_add(
    *,
    criteria_set: CriteriaSet,
    actor: Any,
    parent: Criterion | None = None,
    **fields: Any,
) -> Criterion:
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    _require_owner(actor, criteria_set)
    _require_draft(criteria_set)
    if criteria_set.criteria.filter(code=fields.get("code", "")).exists():
        raise ValidationError(
            _("Mã “%(code)s” đã có trong bộ tiêu chí.") % {"code": fields.get("code")},
            code="duplicate_code",
        )
    fields.setdefault("order", criteria_set.criteria.count() + 1)
    node = Criterion(criteria_set=criteria_set, parent=parent, **fields)
    _check_node(node)
    node.save()
    audit(
        actor, "clusters.criterion.added", node, criteria_set.scope_unit, after=fields
    )
    return node


@transaction.atomic
def criterion_update(*, criterion: Criterion, actor: Any, **changes: Any) -> Criterion:
    node = (
        Criterion.objects.select_for_update()
        .select_related("criteria_set")
        .get(pk=criterion.pk)
    )
    _require_owner(actor, node.criteria_set)
    _require_draft(node.criteria_set)
    before = {name: getattr(node, name) for name in changes}
    for name, value in changes.items():
        if name not in NODE_FIELDS:
            raise ValueError(f"Not an editable field: {name}")
        setattr(node, name, value)
    if "code" in changes and (
        node.criteria_set.criteria.filter(code=node.code).exclude(pk=node.pk).exists()
    ):
        raise ValidationError(
            _("Mã “%(code)s” đã có trong bộ tiêu chí.") % {"code": node.code},
            code="duplicate_code",
        )
    _check_node(node)
    if "kind" in changes and node.children.exclude(kind=node.kind).exists():
        raise ValidationError(
            _("Các tiêu chí con phải cùng loại với nhóm: đổi loại của chúng trước."),
            code="kind",
        )
    node.save()
    audit(
        actor,
        "clusters.criterion.changed",
        node,
        node.criteria_set.scope_unit,
        before=before,
        after=changes,
    )
    return node


@transaction.atomic
def criterion_delete(*, criterion: Criterion, actor: Any) -> None:
    node = (
        Criterion.objects.select_for_update()
        .select_related("criteria_set")
        .get(pk=criterion.pk)
    )
    _require_owner(actor, node.criteria_set)
    _require_draft(node.criteria_set)
    audit(
        actor,
        "clusters.criterion.deleted",
        node,
        node.criteria_set.scope_unit,
        before={name: getattr(node, name) for name in NODE_FIELDS},
    )
    node.delete()


def tree_problems(nodes: Iterable[Criterion]) -> list[str]:
    """Return what keeps a tree from being scored: empty set, sums that do not add up."""
    nodes = list(nodes)
    if not any(n.parent_id is None and n.kind == Criterion.Kind.SCORED for n in nodes):
        return [_("Bộ tiêu chí chưa có nhóm tiêu chí chấm điểm nào.")]
    children: dict[int, list[Criterion]] = {}
    for node in nodes:
        if node.parent_id:
            children.setdefault(node.parent_id, []).append(node)
    problems = []
    for node in nodes:
        kids = children.get(node.pk, [])
        if node.kind != Criterion.Kind.SCORED or not kids:
            continue
        total = sum((k.max_points for k in kids), Decimal(0))
        if total != node.max_points:
            problems.append(
                _(
                    "Tổng điểm tối đa các tiêu chí thuộc “%(code)s” là %(sum)s, khác %(max)s."
                )
                % {
                    "code": node.code,
                    "sum": points_text(total),
                    "max": points_text(node.max_points),
                }
            )
    return problems


@transaction.atomic
def criteria_set_freeze(*, criteria_set: CriteriaSet, actor: Any) -> CriteriaSet:
    """Lock the set for scoring and keep what it changed from its parent as it stood."""
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if criteria_set.is_frozen:
        return criteria_set
    problems = tree_problems(criteria_set.criteria.all())
    if problems:
        raise ValidationError(problems, code="tree_invalid")
    if criteria_set.parent_id:
        diff = criteria_diff(
            criteria_set.parent.criteria.order_by("depth", "order", "pk"),
            criteria_set.criteria.order_by("depth", "order", "pk"),
        )
        criteria_set.change_summary = diff.summary()
    criteria_set.status = CriteriaSet.Status.FROZEN
    criteria_set.frozen_at = timezone.now()
    criteria_set.save(
        update_fields=["status", "frozen_at", "change_summary", "updated_at"]
    )
    audit(
        actor,
        "clusters.criteria_set.frozen",
        criteria_set,
        criteria_set.scope_unit,
        change_summary=criteria_set.change_summary,
    )
    return criteria_set


@transaction.atomic
def criteria_set_copy(*, criteria_set: CriteriaSet, actor: Any) -> CriteriaSet:
    """Start a new draft version of a (frozen) set, keeping its parent links."""
    _require_owner(actor, criteria_set)
    latest = (
        CriteriaSet.objects.filter(
            scope_unit=criteria_set.scope_unit,
            name=criteria_set.name,
            year=criteria_set.year,
        )
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    copy = CriteriaSet.objects.create(
        name=criteria_set.name,
        year=criteria_set.year,
        owner_unit=criteria_set.owner_unit,
        owner_cluster=criteria_set.owner_cluster,
        owner_council=criteria_set.owner_council,
        scope_unit=criteria_set.scope_unit,
        parent=criteria_set.parent,
        previous_version=criteria_set,
        version=(latest or criteria_set.version) + 1,
        note=criteria_set.note,
    )
    _copy_nodes(criteria_set, copy, link_origin=False)
    audit(
        actor,
        "clusters.criteria_set.copied",
        copy,
        copy.scope_unit,
        previous=criteria_set.pk,
    )
    return copy


@transaction.atomic
def criteria_set_replace_nodes(
    *, criteria_set: CriteriaSet, rows: list[dict[str, Any]], actor: Any
) -> int:
    """Replace the whole tree (spreadsheet import). ``rows`` are already validated:
    each has the node fields, ``parent_code`` and ``origin_id``."""
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    _require_owner(actor, criteria_set)
    _require_draft(criteria_set)
    criteria_set.criteria.all().delete()
    created: dict[str, Criterion] = {}
    for order, row in enumerate(rows, start=1):
        parent = created.get(row["parent_code"]) if row["parent_code"] else None
        node = Criterion(
            criteria_set=criteria_set,
            parent=parent,
            order=order,
            origin_id=row.get("origin_id"),
            **{name: row[name] for name in NODE_FIELDS},
        )
        _check_node(node)
        node.save()
        created[node.code] = node
    audit(
        actor,
        "clusters.criteria_set.imported",
        criteria_set,
        criteria_set.scope_unit,
        rows=len(rows),
    )
    return len(rows)
