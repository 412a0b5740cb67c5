"""Clusters, their years, members and leaders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import Cluster, ClusterMembership, ClusterYear
from orgs.models import DocumentIssuer, Unit
from orgs.vn import upper

from .common import audit, require_active, require_lead, require_manage


def _one_line(text: str) -> str:
    return " ".join(text.split())


@transaction.atomic
def cluster_create(
    *,
    authority: Unit,
    kind: str,
    name: str,
    short_name: str,
    symbol: str,
    actor: Any,
    number: int | None = None,
    **fields: Any,
) -> Cluster:
    """Create a cluster and its own document issuer ("CTĐ7") under the authority."""
    issuer = DocumentIssuer(
        unit=authority,
        kind=DocumentIssuer.Kind.CLUSTER,
        name=short_name,
        symbol=symbol,
        header_parent=_one_line(authority.printed_name),
        header_name=upper(short_name),
        place_name=authority.place_name,
    )
    issuer.full_clean()
    issuer.save()
    cluster = Cluster(
        authority=authority,
        kind=kind,
        name=name,
        short_name=short_name,
        number=number,
        issuer=issuer,
        **fields,
    )
    cluster.full_clean()
    cluster.save()
    audit(
        actor,
        "clusters.cluster.created",
        cluster,
        authority,
        after={"name": name, "symbol": symbol, "kind": kind},
    )
    return cluster


@transaction.atomic
def cluster_year_create(
    *,
    cluster: Cluster,
    year: int,
    actor: Any,
    members: Sequence[Unit] = (),
    head: Unit | None = None,
    deputies: Sequence[Unit] = (),
    **fields: Any,
) -> ClusterYear:
    """Open a year of the cluster with its members and, optionally, its leaders."""
    require_manage(actor, cluster)
    if ClusterYear.objects.filter(cluster=cluster, year=year).exists():
        raise ValidationError(
            _("%(cluster)s đã có năm %(year)s.") % {"cluster": cluster, "year": year},
            code="year_exists",
        )
    cluster_year = ClusterYear(cluster=cluster, year=year, **fields)
    cluster_year.full_clean(exclude=["criteria_set"])
    cluster_year.save()
    for order, unit in enumerate(members, start=1):
        _add_member(cluster_year, unit, order=order)
    audit(
        actor,
        "clusters.year.created",
        cluster_year,
        cluster.authority,
        members=[u.code for u in members],
    )
    if head is not None:
        leadership_set(
            cluster_year=cluster_year, head=head, deputies=deputies, actor=actor
        )
    return cluster_year


def _add_member(
    cluster_year: ClusterYear, unit: Unit, **fields: Any
) -> ClusterMembership:
    require_active(unit, cluster_year.year)
    membership = ClusterMembership(cluster_year=cluster_year, unit=unit, **fields)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_add(
    *, cluster_year: ClusterYear, unit: Unit, actor: Any, **fields: Any
) -> ClusterMembership:
    require_manage(actor, cluster_year.cluster)
    year = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    if year.is_published:
        raise ValidationError(
            _("Năm đã công bố kết quả: không thay đổi thành viên."), code="published"
        )
    if year.memberships.filter(unit=unit).exists():
        raise ValidationError(
            _("%(unit)s đã là thành viên.") % {"unit": unit.name}, code="duplicate"
        )
    fields.setdefault("order", year.memberships.count() + 1)
    membership = _add_member(year, unit, **fields)
    audit(actor, "clusters.membership.added", membership, unit, year=year.year)
    return membership


@transaction.atomic
def membership_update(
    *, membership: ClusterMembership, actor: Any, **changes: Any
) -> ClusterMembership:
    """Change the representative or the order; roles change through ``leadership_set``."""
    require_lead(actor, membership.cluster_year)
    membership = ClusterMembership.objects.select_for_update().get(pk=membership.pk)
    allowed = {"representative_title", "representative_name", "order"}
    before = {name: getattr(membership, name) for name in changes if name in allowed}
    for name, value in changes.items():
        if name in allowed:
            setattr(membership, name, value)
    membership.full_clean()
    membership.save(update_fields=[*before, "updated_at"])
    audit(
        actor,
        "clusters.membership.changed",
        membership,
        membership.unit,
        before=before,
        after={name: changes[name] for name in before},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: ClusterMembership, actor: Any) -> None:
    cluster_year = ClusterYear.objects.select_for_update().get(
        pk=membership.cluster_year_id
    )
    require_manage(actor, cluster_year.cluster)
    if membership.role != ClusterMembership.Role.MEMBER:
        raise ValidationError(
            _(
                "Hãy giao vai trò đơn vị trưởng, phó cho đơn vị khác trước khi rút đơn vị này."
            ),
            code="is_leader",
        )
    if cluster_year.sheets.filter(unit=membership.unit_id).exists():
        raise ValidationError(
            _("Đơn vị đã có phiếu chấm điểm trong năm: không rút khỏi cụm được."),
            code="has_sheet",
        )
    audit(
        actor,
        "clusters.membership.removed",
        membership,
        membership.unit,
        year=cluster_year.year,
    )
    membership.delete()


@transaction.atomic
def leadership_set(
    *,
    cluster_year: ClusterYear,
    head: Unit,
    deputies: Sequence[Unit],
    actor: Any,
) -> ClusterYear:
    """Make ``head`` the head and ``deputies`` the ordered deputies; others become members."""
    require_manage(actor, cluster_year.cluster)
    year = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    chosen = [head, *deputies]
    if len({u.pk for u in chosen}) != len(chosen):
        raise ValidationError(
            _("Một đơn vị không thể giữ hai vai trò trưởng, phó cùng lúc."),
            code="duplicate_leader",
        )
    members = {m.unit_id: m for m in year.memberships.select_for_update()}
    missing = [u.name for u in chosen if u.pk not in members]
    if missing:
        raise ValidationError(
            _("Không phải đơn vị thành viên của năm %(year)s: %(units)s.")
            % {"year": year.year, "units": ", ".join(missing)},
            code="not_member",
        )
    before = _leaders_repr(members.values())
    year.memberships.update(role=ClusterMembership.Role.MEMBER, deputy_rank=None)
    year.memberships.filter(unit=head).update(role=ClusterMembership.Role.HEAD)
    for rank, unit in enumerate(deputies, start=1):
        year.memberships.filter(unit=unit).update(
            role=ClusterMembership.Role.DEPUTY, deputy_rank=rank
        )
    year.__dict__.pop("leaders", None)
    audit(
        actor,
        "clusters.leadership.set",
        year,
        year.cluster.authority,
        before=before,
        after={"head": head.code, "deputies": [u.code for u in deputies]},
    )
    return year


def _leaders_repr(memberships: Any) -> dict[str, Any]:
    head = next((m.unit.code for m in memberships if m.role == "head"), None)
    deputies = sorted(
        (m.deputy_rank, m.unit.code) for m in memberships if m.role == "deputy"
    )
    return {"head": head, "deputies": [code for _rank, code in deputies]}


SETTINGS_FIELDS = (
    "theme",
    "criteria_set",
    "review_mode",
    "normalise",
    "tie_break",
    "scoring_opens_on",
    "self_deadline",
    "review_deadline",
)


@transaction.atomic
def cluster_year_update(
    *,
    cluster_year: ClusterYear,
    actor: Any,
    review_team: Sequence[Unit] | None = None,
    **changes: Any,
) -> ClusterYear:
    """Change the year's theme, criteria set, review rules and deadlines."""
    require_lead(actor, cluster_year)
    year = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"Not a setting: {sorted(unknown)}")
    if year.scoring_started_at and (
        {"criteria_set", "review_mode"} & set(changes) or review_team is not None
    ):
        locked = {
            "criteria_set": year.criteria_set_id
            != getattr(changes.get("criteria_set"), "pk", year.criteria_set_id),
            "review_mode": changes.get("review_mode", year.review_mode)
            != year.review_mode,
        }
        if any(locked.values()) or review_team is not None:
            raise ValidationError(
                _("Đã bắt đầu chấm điểm: không đổi bộ tiêu chí và cách thẩm định."),
                code="scoring_started",
            )
    before = {name: _plain(getattr(year, name)) for name in changes}
    for name, value in changes.items():
        setattr(year, name, value)
    year.full_clean()
    _check_tie_break(year)
    year.save(update_fields=[*changes, "updated_at"])
    if review_team is not None:
        year.review_team.set(review_team)
    audit(
        actor,
        "clusters.year.changed",
        year,
        year.cluster.authority,
        before=before,
        after={name: _plain(value) for name, value in changes.items()},
    )
    return year


def _check_tie_break(year: ClusterYear) -> None:
    if not year.tie_break:
        return
    if not isinstance(year.tie_break, list) or not year.criteria_set_id:
        raise ValidationError(
            _("Chọn bộ tiêu chí trước khi đặt thứ tự nhóm xét khi bằng điểm."),
            code="tie_break",
        )
    groups = set(
        year.criteria_set.criteria.filter(parent__isnull=True).values_list(
            "code", flat=True
        )
    )
    unknown = [str(code) for code in year.tie_break if code not in groups]
    if unknown or len(set(year.tie_break)) != len(year.tie_break):
        raise ValidationError(
            _(
                "Thứ tự xét khi bằng điểm phải là các mã nhóm khác nhau của bộ tiêu chí: %(codes)s."
            )
            % {"codes": ", ".join(unknown) or ", ".join(map(str, year.tie_break))},
            code="tie_break",
        )


def _plain(value: Any) -> Any:
    return getattr(value, "pk", value)
