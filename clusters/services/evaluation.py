"""Year-end evaluation (bình xét): proposals within the quota, conference votes,
confirmation, and the hand-over to the awards app."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import (
    FLAG_CODES,
    MERIT_CODES,
    ClusterProposal,
    ClusterYear,
    Conference,
    ConferenceVote,
    RotationProposal,
)
from clusters.signals import cluster_proposal_confirmed
from orgs.models import Unit
from orgs.selectors import parameter_value

from .common import audit, require_lead
from .conferences import conference_vote_record, evaluation_item

ACTIVE = (
    ClusterProposal.Status.CANDIDATE,
    ClusterProposal.Status.PASSED,
    ClusterProposal.Status.CONFIRMED,
    ClusterProposal.Status.TAKEN_UP,
)


@dataclass(frozen=True)
class Quota:
    flags: int
    merits: int
    merit_ratio: Fraction
    members: int
    source: str  # "cluster" (own setting) or "parameter"


def quota_of(cluster_year: ClusterYear) -> Quota:
    """How many units the cluster may propose: its own setting, else the dated parameter."""
    cluster = cluster_year.cluster
    on = datetime.date(cluster_year.year, 12, 31)
    flags = cluster.flag_quota
    ratio = (
        Fraction(cluster.merit_quota_ratio)
        if cluster.merit_quota_ratio is not None
        else None
    )
    source = "cluster" if flags is not None or ratio is not None else "parameter"
    if flags is None:
        flags = int(
            parameter_value("cluster_flag_quota", on=on, unit=cluster.authority)
        )
    if ratio is None:
        ratio = Fraction(
            parameter_value("cluster_merit_quota_ratio", on=on, unit=cluster.authority)
        )
    members = cluster_year.memberships.count()
    return Quota(
        flags=flags,
        merits=math.floor(ratio * members),
        merit_ratio=ratio,
        members=members,
        source=source,
    )


def _family(code: str) -> frozenset[str]:
    return FLAG_CODES if code in FLAG_CODES else MERIT_CODES


def _check_quota(year: ClusterYear, unit: Unit, award_code: str) -> None:
    active = list(
        year.proposals.filter(status__in=ACTIVE).values_list("unit_id", "award_code")
    )
    other = MERIT_CODES if award_code in FLAG_CODES else FLAG_CODES
    if any(u == unit.pk and code in other for u, code in active):
        raise ValidationError(
            _("Một đơn vị không được đề nghị cùng lúc Cờ thi đua và Bằng khen."),
            code="both_families",
        )
    family = _family(award_code)
    units = {u for u, code in active if code in family} | {unit.pk}
    quota = quota_of(year)
    limit = quota.flags if award_code in FLAG_CODES else quota.merits
    if len(units) > limit:
        raise ValidationError(
            _("Vượt số lượng được đề nghị (%(limit)s đơn vị) cho %(kind)s.")
            % {
                "limit": limit,
                "kind": _("Cờ thi đua") if award_code in FLAG_CODES else _("Bằng khen"),
            },
            code="over_quota",
        )


def _ranking_row(year: ClusterYear, unit: Unit) -> dict[str, Any] | None:
    rows = (year.ranking_snapshot or {}).get("rows", [])
    return next((row for row in rows if row["unit_id"] == unit.pk), None)


@transaction.atomic
def proposal_create(
    *,
    cluster_year: ClusterYear,
    unit: Unit,
    award_code: str,
    actor: Any,
    conference: Conference | None = None,
    note: str = "",
) -> ClusterProposal:
    """Put a member unit up for a Cờ thi đua or a Bằng khen, within the quota."""
    year = (
        ClusterYear.objects.select_for_update()
        .select_related("cluster__authority")
        .get(pk=cluster_year.pk)
    )
    require_lead(actor, year)
    if not year.is_published:
        raise ValidationError(
            _("Công bố kết quả chấm điểm trước khi bình xét."), code="not_published"
        )
    if not year.memberships.filter(unit=unit).exists():
        raise ValidationError(
            _("%(unit)s không phải đơn vị thành viên.") % {"unit": unit.name},
            code="not_member",
        )
    _check_quota(year, unit, award_code)
    row = _ranking_row(year, unit)
    proposal = ClusterProposal(
        cluster_year=year,
        unit=unit,
        award_code=award_code,
        conference=conference,
        rank=row["rank"] if row else None,
        final_score=Decimal(row["normalised"] or row["final"])
        if row and row["final"]
        else None,
        note=note,
    )
    proposal.full_clean()
    proposal.save()
    audit(
        actor,
        "clusters.proposal.created",
        proposal,
        unit,
        award_code=award_code,
        rank=proposal.rank,
    )
    return proposal


@transaction.atomic
def proposal_vote_record(
    *,
    proposal: ClusterProposal,
    conference: Conference,
    actor: Any,
    method: str,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    invalid: int = 0,
) -> ConferenceVote:
    """The conference votes on a candidate; the result decides passed / not passed."""
    proposal = (
        ClusterProposal.objects.select_for_update()
        .select_related("unit")
        .get(pk=proposal.pk)
    )
    if conference.cluster_year_id != proposal.cluster_year_id:
        raise ValidationError(
            _("Hội nghị không thuộc năm của đề nghị."), code="wrong_year"
        )
    proposal.require_transition(ClusterProposal.Status.PASSED)
    vote = conference_vote_record(
        item=evaluation_item(conference),
        actor=actor,
        question=f"Đề nghị tặng {proposal.get_award_code_display()} cho {proposal.unit.name}",
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        invalid=invalid,
        proposal=proposal,
    )
    proposal.status = (
        ClusterProposal.Status.PASSED
        if vote.passed
        else ClusterProposal.Status.NOT_PASSED
    )
    proposal.conference = conference
    proposal.save(update_fields=["status", "conference", "updated_at"])
    audit(
        actor,
        "clusters.proposal.voted",
        proposal,
        proposal.unit,
        passed=vote.passed,
        percentage=vote.percentage,
    )
    return vote


@transaction.atomic
def proposal_confirm(*, proposal: ClusterProposal, actor: Any) -> ClusterProposal:
    """The head confirms a passed proposal and sends it up; the awards app is told."""
    proposal = (
        ClusterProposal.objects.select_for_update()
        .select_related("cluster_year__cluster__authority", "unit")
        .get(pk=proposal.pk)
    )
    require_lead(actor, proposal.cluster_year)
    proposal.require_transition(ClusterProposal.Status.CONFIRMED)
    proposal.status, proposal.confirmed_at = (
        ClusterProposal.Status.CONFIRMED,
        timezone.now(),
    )
    proposal.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
    proposal.save(
        update_fields=["status", "confirmed_at", "confirmed_by", "updated_at"]
    )
    audit(
        actor,
        "clusters.proposal.confirmed",
        proposal,
        proposal.unit,
        award_code=proposal.award_code,
    )
    transaction.on_commit(
        lambda: cluster_proposal_confirmed.send(
            sender=ClusterProposal, proposal=proposal, actor=actor
        )
    )
    return proposal


@transaction.atomic
def proposal_withdraw(
    *, proposal: ClusterProposal, actor: Any, reason: str
) -> ClusterProposal:
    proposal = (
        ClusterProposal.objects.select_for_update()
        .select_related("cluster_year__cluster__authority", "unit")
        .get(pk=proposal.pk)
    )
    require_lead(actor, proposal.cluster_year)
    proposal.require_transition(ClusterProposal.Status.WITHDRAWN)
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do rút đề nghị."), code="reason_required")
    proposal.status, proposal.note = (
        ClusterProposal.Status.WITHDRAWN,
        reason.strip()[:500],
    )
    proposal.save(update_fields=["status", "note", "updated_at"])
    audit(actor, "clusters.proposal.withdrawn", proposal, proposal.unit, reason=reason)
    return proposal


@transaction.atomic
def proposal_take_up(
    *, proposal: ClusterProposal, actor: Any, reference: str
) -> ClusterProposal:
    """Called by the awards app when it has turned the proposal into a nomination.

    Compare-and-set on the status: two clerks taking up the same proposal at once
    get one success and one clear refusal.
    """
    updated = ClusterProposal.objects.filter(
        pk=proposal.pk, status=ClusterProposal.Status.CONFIRMED
    ).update(
        status=ClusterProposal.Status.TAKEN_UP,
        taken_up_at=timezone.now(),
        taken_up_ref=reference[:255],
        updated_at=timezone.now(),
    )
    if not updated:
        raise ValidationError(
            _(
                "Đề nghị không còn ở trạng thái chờ tiếp nhận (đã được tiếp nhận hoặc đã rút)."
            ),
            code="conflict",
        )
    proposal.refresh_from_db()
    audit(
        actor,
        "clusters.proposal.taken_up",
        proposal,
        proposal.unit,
        reference=reference,
    )
    return proposal


@transaction.atomic
def rotation_vote_record(
    *,
    rotation: RotationProposal,
    conference: Conference,
    actor: Any,
    method: str,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    invalid: int = 0,
) -> ConferenceVote:
    """The conference votes on next year's head and deputies; a failed vote drops the proposal."""
    rotation = (
        RotationProposal.objects.select_for_update()
        .select_related("head")
        .get(pk=rotation.pk)
    )
    if rotation.status != RotationProposal.Status.PROPOSED:
        raise ValidationError(
            _("Chỉ biểu quyết đề xuất đang chờ xác nhận."), code="invalid_transition"
        )
    deputies = ", ".join(d.unit.name for d in rotation.deputies.select_related("unit"))
    question = (
        f"Giới thiệu {rotation.head.name} làm đơn vị trưởng năm {rotation.target_year}"
    )
    if deputies:
        question += f"; đơn vị phó: {deputies}"
    vote = conference_vote_record(
        item=evaluation_item(conference),
        actor=actor,
        question=question[:500],
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        invalid=invalid,
        rotation=rotation,
    )
    if not vote.passed:
        rotation.status = RotationProposal.Status.REJECTED
        rotation.rejection_reason = _("Không đạt tỷ lệ biểu quyết tại hội nghị.")
        rotation.save(update_fields=["status", "rejection_reason", "updated_at"])
    return vote
