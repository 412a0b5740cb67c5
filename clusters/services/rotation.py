"""Leadership rotation (luân phiên) and rolling a cluster into its next year.

The year-end conference proposes next year's head and deputies; the authority
confirms; rolling the cluster copies the members still in existence and applies
the confirmed proposal. Without a confirmed proposal the new year has no head:
the deputy never takes over by itself (ARTICLE-4: Hà Nam's 2021 deputy, the
State Treasury, was not 2022's head).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import (
    ClusterMembership,
    ClusterYear,
    RotationDeputy,
    RotationProposal,
)
from orgs.models import Unit

from .common import audit, require_lead, require_manage, unit_active_in_year
from .organisation import leadership_set


def _check_candidates(
    cluster_year: ClusterYear, head: Unit, deputies: Sequence[Unit]
) -> None:
    chosen = [head, *deputies]
    if len({u.pk for u in chosen}) != len(chosen):
        raise ValidationError(
            _("Một đơn vị không thể vừa là đơn vị trưởng vừa là đơn vị phó."),
            code="duplicate_leader",
        )
    member_ids = set(cluster_year.memberships.values_list("unit_id", flat=True))
    outsiders = [u.name for u in chosen if u.pk not in member_ids]
    if outsiders:
        raise ValidationError(
            _(
                "Chỉ đề xuất đơn vị thành viên: %(units)s không thuộc cụm, khối năm %(year)s."
            )
            % {"units": ", ".join(outsiders), "year": cluster_year.year},
            code="not_member",
        )
    target = cluster_year.year + 1
    gone = [u.name for u in chosen if not unit_active_in_year(u, target)]
    if gone:
        raise ValidationError(
            _("Không còn hoạt động trong năm %(year)s: %(units)s.")
            % {"year": target, "units": ", ".join(gone)},
            code="unit_inactive",
        )


@transaction.atomic
def rotation_propose(
    *,
    cluster_year: ClusterYear,
    head: Unit,
    deputies: Sequence[Unit],
    actor: Any,
    basis: str = "",
) -> RotationProposal:
    """Record (or replace) the year-end proposal of next year's head and deputies."""
    require_lead(actor, cluster_year)
    year = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    _check_candidates(year, head, deputies)
    current = year.rotation_proposals.filter(
        status__in=[RotationProposal.Status.PROPOSED, RotationProposal.Status.CONFIRMED]
    ).first()
    if current and current.status == RotationProposal.Status.CONFIRMED:
        raise ValidationError(
            _("Đề xuất năm %(year)s đã được xác nhận, không sửa được.")
            % {"year": current.target_year},
            code="already_confirmed",
        )
    if current:
        current.status = RotationProposal.Status.REJECTED
        current.rejection_reason = _("Thay bằng đề xuất mới.")
        current.save(update_fields=["status", "rejection_reason", "updated_at"])
    proposal = RotationProposal(
        cluster_year=year,
        target_year=year.year + 1,
        head=head,
        basis=basis,
        proposed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    proposal.full_clean()
    proposal.save()
    RotationDeputy.objects.bulk_create(
        RotationDeputy(proposal=proposal, unit=unit, rank=rank)
        for rank, unit in enumerate(deputies, start=1)
    )
    audit(
        actor,
        "clusters.rotation.proposed",
        proposal,
        year.cluster.authority,
        head=head.code,
        deputies=[u.code for u in deputies],
    )
    return proposal


@transaction.atomic
def rotation_confirm(
    *,
    proposal: RotationProposal,
    actor: Any,
    decided_on: datetime.date,
    decision_ref: str = "",
) -> RotationProposal:
    """The authority confirms the proposal; an already rolled next year takes it at once."""
    proposal = RotationProposal.objects.select_for_update().get(pk=proposal.pk)
    require_manage(actor, proposal.cluster_year.cluster)
    if proposal.status != RotationProposal.Status.PROPOSED:
        raise ValidationError(
            _("Chỉ xác nhận được đề xuất đang chờ xác nhận."), code="invalid_transition"
        )
    proposal.status = RotationProposal.Status.CONFIRMED
    proposal.decided_on, proposal.decision_ref = decided_on, decision_ref
    proposal.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    proposal.full_clean()
    proposal.save(
        update_fields=[
            "status",
            "decided_on",
            "decided_by",
            "decision_ref",
            "updated_at",
        ]
    )
    audit(
        actor,
        "clusters.rotation.confirmed",
        proposal,
        proposal.cluster_year.cluster.authority,
        decision_ref=decision_ref,
    )
    following = ClusterYear.objects.filter(
        cluster=proposal.cluster_year.cluster, year=proposal.target_year
    ).first()
    if following is not None:
        _apply(proposal, following, actor)
    return proposal


@transaction.atomic
def rotation_reject(
    *, proposal: RotationProposal, actor: Any, reason: str
) -> RotationProposal:
    proposal = RotationProposal.objects.select_for_update().get(pk=proposal.pk)
    require_manage(actor, proposal.cluster_year.cluster)
    if proposal.status != RotationProposal.Status.PROPOSED:
        raise ValidationError(
            _("Chỉ từ chối được đề xuất đang chờ xác nhận."), code="invalid_transition"
        )
    if not reason.strip():
        raise ValidationError(
            _("Hãy ghi lý do không xác nhận."), code="reason_required"
        )
    proposal.status, proposal.rejection_reason = (
        RotationProposal.Status.REJECTED,
        reason,
    )
    proposal.save(update_fields=["status", "rejection_reason", "updated_at"])
    audit(
        actor,
        "clusters.rotation.rejected",
        proposal,
        proposal.cluster_year.cluster.authority,
        reason=reason,
    )
    return proposal


def _apply(proposal: RotationProposal, year: ClusterYear, actor: Any) -> None:
    deputies = [d.unit for d in proposal.deputies.select_related("unit")]
    member_ids = set(year.memberships.values_list("unit_id", flat=True))
    for unit in [proposal.head, *deputies]:
        if unit.pk not in member_ids:
            ClusterMembership.objects.create(
                cluster_year=year, unit=unit, order=len(member_ids) + 1
            )
            member_ids.add(unit.pk)
    leadership_set(cluster_year=year, head=proposal.head, deputies=deputies, actor=None)
    audit(
        actor,
        "clusters.rotation.applied",
        year,
        year.cluster.authority,
        proposal=proposal.pk,
    )


@dataclass
class RollResult:
    year: ClusterYear
    dropped: list[Unit] = field(default_factory=list)
    rotation_applied: bool = False


@transaction.atomic
def cluster_year_roll(
    *, cluster_year: ClusterYear, actor: Any, theme: str = ""
) -> RollResult:
    """Open the next year: same members (those still existing), confirmed rotation."""
    previous = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    require_manage(actor, previous.cluster)
    target = previous.year + 1
    if ClusterYear.objects.filter(cluster=previous.cluster, year=target).exists():
        raise ValidationError(
            _("%(cluster)s đã có năm %(year)s.")
            % {"cluster": previous.cluster, "year": target},
            code="year_exists",
        )
    following = ClusterYear.objects.create(
        cluster=previous.cluster,
        year=target,
        theme=theme,
        review_mode=previous.review_mode,
        normalise=previous.normalise,
        tie_break=previous.tie_break,
    )
    result = RollResult(year=following)
    kept: list[int] = []
    for membership in previous.memberships.select_related("unit").order_by(
        "order", "pk"
    ):
        if not unit_active_in_year(membership.unit, target):
            result.dropped.append(membership.unit)
            continue
        ClusterMembership.objects.create(
            cluster_year=following,
            unit=membership.unit,
            order=membership.order,
            representative_title=membership.representative_title,
            representative_name=membership.representative_name,
        )
        kept.append(membership.unit_id)
    following.review_team.set(
        previous.review_team.filter(pk__in=kept).values_list("pk", flat=True)
    )
    confirmed = previous.rotation_proposals.filter(
        status=RotationProposal.Status.CONFIRMED
    ).first()
    if confirmed is not None:
        _apply(confirmed, following, actor)
        result.rotation_applied = True
    audit(
        actor,
        "clusters.year.rolled",
        following,
        previous.cluster.authority,
        from_year=previous.year,
        dropped=[u.code for u in result.dropped],
        rotation=confirmed.pk if confirmed else None,
    )
    return result
