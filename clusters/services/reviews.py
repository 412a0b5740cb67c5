"""Reviewing cards (chấm thẩm định), exemptions, and publishing the ranking."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters import access
from clusters.models import (
    ClusterYear,
    Criterion,
    Review,
    ReviewScore,
    ScoreChange,
    ScoreEntry,
    ScoreSheet,
)
from clusters.points import parse_points, points_text
from clusters.ranking import ranking_table
from clusters.signals import ranking_published
from orgs.scoping import scope_for

from .common import audit, require_act_for, require_lead
from .scoring import check_bounds, history


def _locked_review(review: Review) -> tuple[ScoreSheet, Review]:
    sheet = (
        ScoreSheet.objects.select_for_update()
        .select_related("unit", "cluster_year__cluster__authority")
        .get(pk=review.sheet_id)
    )
    review = (
        Review.objects.select_for_update()
        .select_related("reviewer_unit")
        .get(pk=review.pk)
    )
    return sheet, review


def _require_reviewer(actor: Any, sheet: ScoreSheet, review: Review) -> None:
    """The reviewing unit's officer — and never someone who acts for the card's own unit,
    unless it is the authority's secretariat, which oversees every unit."""
    require_act_for(actor, review.reviewer_unit)
    if actor is None:
        return
    scope = scope_for(actor)
    if access.acts_for(scope, sheet.unit) and not access.manages(
        scope, sheet.cluster_year.cluster
    ):
        raise ValidationError(
            _("Không được chấm thẩm định phiếu của chính đơn vị mình."),
            code="conflict_of_interest",
        )


def _require_open(sheet: ScoreSheet, review: Review) -> None:
    if sheet.status != ScoreSheet.Status.SUBMITTED:
        raise ValidationError(
            _("Phiếu không ở trạng thái chờ thẩm định."), code="not_submitted"
        )
    if review.status != Review.Status.OPEN:
        raise ValidationError(
            _("Lượt thẩm định đã hoàn thành; đơn vị trưởng mở lại nếu cần sửa."),
            code="review_done",
        )


def _applicable_leaves(sheet: ScoreSheet) -> dict[int, ScoreEntry]:
    entries = list(sheet.entries.select_related("criterion"))
    parents = {e.criterion.parent_id for e in entries if e.criterion.parent_id}
    children: dict[int, list[int]] = {}
    for e in entries:
        if e.criterion.parent_id:
            children.setdefault(e.criterion.parent_id, []).append(e.criterion_id)
    excluded: set[int] = set()
    stack = [e.criterion_id for e in entries if e.exempt]
    while stack:
        current = stack.pop()
        if current not in excluded:
            excluded.add(current)
            stack += children.get(current, [])
    return {
        e.criterion_id: e
        for e in entries
        if e.criterion_id not in parents and e.criterion_id not in excluded
    }


@transaction.atomic
def review_score_set(
    *,
    review: Review,
    criterion: Criterion,
    points: Any,
    actor: Any,
    reason: str = "",
) -> ReviewScore:
    """Set the verified score of one criterion; a reason is due when it differs."""
    sheet, review = _locked_review(review)
    _require_reviewer(actor, sheet, review)
    _require_open(sheet, review)
    entry = _applicable_leaves(sheet).get(criterion.pk)
    if entry is None:
        raise ValidationError(
            _(
                "Tiêu chí “%(code)s” không chấm trên phiếu này (là nhóm hoặc không áp dụng)."
            )
            % {"code": criterion.code},
            code="not_applicable",
        )
    value = parse_points(points)
    if value is None:
        raise ValidationError(_("Hãy ghi điểm thẩm định."), code="required")
    check_bounds(entry.criterion, value)
    reason = reason.strip()
    if value != entry.self_points and not reason:
        raise ValidationError(
            _("Điểm thẩm định của “%(code)s” khác điểm tự chấm: hãy ghi lý do.")
            % {"code": criterion.code},
            code="reason_required",
        )
    score = (
        ReviewScore.objects.select_for_update()
        .filter(review=review, criterion=criterion)
        .first()
    )
    old = score.points if score else None
    if score is None:
        score = ReviewScore(
            review=review, criterion=criterion, points=value, reason=reason
        )
    elif old == value and score.reason == reason:
        return score
    score.points, score.reason = value, reason
    score.full_clean(exclude=["review", "criterion"])
    score.save()
    if old != value:
        history(
            sheet,
            criterion.pk,
            ScoreChange.Field.REVIEW,
            old,
            value,
            actor,
            review=review,
            reason=reason,
        )
        audit(
            actor,
            "clusters.score.review_set",
            sheet,
            sheet.unit,
            reviewer=review.reviewer_unit.code,
            criterion=criterion.code,
            before=points_text(old),
            after=points_text(value),
            reason=reason,
        )
    return score


@transaction.atomic
def review_accept_self(*, review: Review, actor: Any) -> int:
    """Take the unit's own score wherever the reviewer has not scored yet."""
    sheet, review = _locked_review(review)
    _require_reviewer(actor, sheet, review)
    _require_open(sheet, review)
    done = set(review.scores.values_list("criterion_id", flat=True))
    accepted = 0
    for criterion_id, entry in _applicable_leaves(sheet).items():
        if criterion_id in done or entry.self_points is None:
            continue
        ReviewScore.objects.create(
            review=review, criterion_id=criterion_id, points=entry.self_points
        )
        history(
            sheet,
            criterion_id,
            ScoreChange.Field.REVIEW,
            None,
            entry.self_points,
            actor,
            review=review,
            reason=_("Chấp nhận điểm tự chấm."),
        )
        accepted += 1
    audit(
        actor,
        "clusters.review.accepted_self",
        sheet,
        sheet.unit,
        reviewer=review.reviewer_unit.code,
        count=accepted,
    )
    return accepted


@transaction.atomic
def review_complete(*, review: Review, actor: Any) -> Review:
    sheet, review = _locked_review(review)
    _require_reviewer(actor, sheet, review)
    _require_open(sheet, review)
    scored = set(review.scores.values_list("criterion_id", flat=True))
    missing = [
        e.criterion.code
        for cid, e in _applicable_leaves(sheet).items()
        if cid not in scored
    ]
    if missing:
        raise ValidationError(
            _("Chưa chấm thẩm định: %(codes)s.") % {"codes": ", ".join(missing)},
            code="incomplete",
        )
    review.status, review.completed_at = Review.Status.DONE, timezone.now()
    review.completed_by = actor if getattr(actor, "is_authenticated", False) else None
    review.save(update_fields=["status", "completed_at", "completed_by", "updated_at"])
    if not sheet.reviews.exclude(status=Review.Status.DONE).exists():
        sheet.status, sheet.reviewed_at = ScoreSheet.Status.REVIEWED, timezone.now()
        sheet.save(update_fields=["status", "reviewed_at", "updated_at"])
    audit(
        actor,
        "clusters.review.completed",
        sheet,
        sheet.unit,
        reviewer=review.reviewer_unit.code,
    )
    return review


@transaction.atomic
def review_reopen(*, review: Review, actor: Any) -> Review:
    sheet, review = _locked_review(review)
    require_lead(actor, sheet.cluster_year)
    if sheet.status == ScoreSheet.Status.LOCKED:
        raise ValidationError(_("Kết quả đã công bố."), code="published")
    if review.status != Review.Status.DONE:
        return review
    review.status, review.completed_at, review.completed_by = (
        Review.Status.OPEN,
        None,
        None,
    )
    review.save(update_fields=["status", "completed_at", "completed_by", "updated_at"])
    if sheet.status == ScoreSheet.Status.REVIEWED:
        sheet.status, sheet.reviewed_at = ScoreSheet.Status.SUBMITTED, None
        sheet.save(update_fields=["status", "reviewed_at", "updated_at"])
    audit(
        actor,
        "clusters.review.reopened",
        sheet,
        sheet.unit,
        reviewer=review.reviewer_unit.code,
    )
    return review


@transaction.atomic
def exemption_set(
    *, entry: ScoreEntry, actor: Any, exempt: bool, reason: str = ""
) -> ScoreEntry:
    """Mark a criterion as not applying to the unit (the head decides, with a reason)."""
    sheet = (
        ScoreSheet.objects.select_for_update()
        .select_related("cluster_year__cluster__authority", "unit")
        .get(pk=entry.sheet_id)
    )
    entry = (
        ScoreEntry.objects.select_for_update()
        .select_related("criterion")
        .get(pk=entry.pk)
    )
    require_lead(actor, sheet.cluster_year)
    if sheet.status == ScoreSheet.Status.LOCKED:
        raise ValidationError(_("Kết quả đã công bố."), code="published")
    if entry.criterion.kind != Criterion.Kind.SCORED:
        raise ValidationError(
            _("Chỉ tiêu chí chấm điểm mới được đánh dấu không áp dụng."),
            code="not_scored",
        )
    reason = reason.strip()
    if exempt and not reason:
        raise ValidationError(_("Hãy ghi lý do không áp dụng."), code="reason_required")
    if entry.exempt == exempt and entry.exempt_reason == (reason if exempt else ""):
        return entry
    history(
        sheet,
        entry.criterion_id,
        ScoreChange.Field.EXEMPT,
        entry.exempt,
        exempt,
        actor,
        reason=reason,
    )
    entry.exempt, entry.exempt_reason = exempt, reason if exempt else ""
    entry.full_clean(exclude=["sheet", "criterion"])
    entry.save(update_fields=["exempt", "exempt_reason", "updated_at"])
    audit(
        actor,
        "clusters.score.exemption_set",
        sheet,
        sheet.unit,
        criterion=entry.criterion.code,
        exempt=exempt,
        reason=reason,
    )
    return entry


@transaction.atomic
def ranking_publish(
    *,
    cluster_year: ClusterYear,
    actor: Any,
    published_at: datetime.datetime | None = None,
) -> ClusterYear:
    """Publish the ranking: cards lock, every member sees every card, the table is kept.

    ``published_at`` records a publication made earlier on paper (data entered later).
    """
    year = (
        ClusterYear.objects.select_for_update()
        .select_related("cluster__authority")
        .get(pk=cluster_year.pk)
    )
    require_lead(actor, year)
    if year.is_published:
        raise ValidationError(_("Kết quả đã được công bố."), code="published")
    statuses = list(year.sheets.values_list("status", flat=True))
    if not statuses:
        raise ValidationError(_("Chưa có phiếu chấm điểm nào."), code="no_sheets")
    if any(status != ScoreSheet.Status.REVIEWED for status in statuses):
        raise ValidationError(
            _("Còn phiếu chưa thẩm định xong: chưa công bố được."), code="not_reviewed"
        )
    year.ranking_snapshot = ranking_table(year)
    year.ranking_published_at = published_at or timezone.now()
    year.ranking_published_by = (
        actor if getattr(actor, "is_authenticated", False) else None
    )
    year.save(
        update_fields=[
            "ranking_snapshot",
            "ranking_published_at",
            "ranking_published_by",
            "updated_at",
        ]
    )
    year.sheets.update(status=ScoreSheet.Status.LOCKED)
    audit(
        actor,
        "clusters.ranking.published",
        year,
        year.cluster.authority,
        ranks={row["unit_code"]: row["rank"] for row in year.ranking_snapshot["rows"]},
    )
    transaction.on_commit(
        lambda: ranking_published.send(
            sender=ClusterYear, cluster_year=year, actor=actor
        )
    )
    return year
