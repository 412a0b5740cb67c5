"""Self-scoring: open the cards, enter scores and evidence, submit, return."""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.evidence import check_upload
from clusters.models import (
    ClusterYear,
    Criterion,
    Evidence,
    Review,
    ScoreChange,
    ScoreEntry,
    ScoreSheet,
)
from clusters.points import parse_points, points_text

from .common import audit, require_act_for, require_lead
from .criteria import criteria_set_freeze

KEEP: Any = object()  # "leave this field as it is"


def check_bounds(criterion: Criterion, value: Decimal | None) -> None:
    """A score stays within 0…max (penalty: −max…0), on leaf criteria only."""
    if value is None:
        return
    if value < criterion.floor or value > criterion.ceiling:
        raise ValidationError(
            _("Điểm của tiêu chí “%(code)s” phải từ %(low)s đến %(high)s.")
            % {
                "code": criterion.code,
                "low": points_text(criterion.floor),
                "high": points_text(criterion.ceiling),
            },
            code="out_of_bounds",
        )


def history(
    sheet: ScoreSheet,
    criterion_id: int,
    field: str,
    old: Any,
    new: Any,
    actor: Any,
    *,
    review: Review | None = None,
    reason: str = "",
) -> None:
    as_text = {True: "có", False: "không"}
    old_text = as_text.get(old, points_text(old)) if not isinstance(old, str) else old
    new_text = as_text.get(new, points_text(new)) if not isinstance(new, str) else new
    ScoreChange.objects.create(
        sheet=sheet,
        criterion_id=criterion_id,
        review=review,
        field=field,
        old_value=old_text,
        new_value=new_text,
        reason=reason,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )


# Opening the cards ----------------------------------------------------------------


def _reviewers_for(
    year: ClusterYear, unit_id: int, members: list[int], team: list[int]
) -> list[int]:
    """Who reviews ``unit_id``'s card: never the unit itself (the first deputy reviews
    the head's card in "head" mode; the other members in "cross" mode)."""
    head, deputy = year.head, year.first_deputy
    if year.review_mode == ClusterYear.ReviewMode.CROSS:
        return [m for m in members if m != unit_id]
    if year.review_mode == ClusterYear.ReviewMode.TEAM:
        reviewers = [u for u in team if u != unit_id]
        if reviewers:
            return reviewers
    if head is None:
        raise ValidationError(
            _("Chưa có đơn vị trưởng để thẩm định điểm."), code="no_head"
        )
    if unit_id != head.unit_id:
        return [head.unit_id]
    if deputy is None:
        raise ValidationError(
            _("Chưa có đơn vị phó thứ nhất để thẩm định phiếu của đơn vị trưởng."),
            code="no_deputy",
        )
    return [deputy.unit_id]


@transaction.atomic
def scoring_start(*, cluster_year: ClusterYear, actor: Any) -> list[ScoreSheet]:
    """Freeze the criteria set and open a card for every member that has none."""
    year = ClusterYear.objects.select_for_update().get(pk=cluster_year.pk)
    require_lead(actor, year)
    if year.is_published:
        raise ValidationError(_("Năm đã công bố kết quả."), code="published")
    if year.criteria_set_id is None:
        raise ValidationError(
            _("Hãy chọn bộ tiêu chí chấm điểm của năm trước."), code="no_criteria"
        )
    criteria_set_freeze(criteria_set=year.criteria_set, actor=actor)
    members = list(
        year.memberships.order_by("order", "pk").values_list("unit_id", flat=True)
    )
    existing = set(year.sheets.values_list("unit_id", flat=True))
    team = list(year.review_team.values_list("pk", flat=True))
    plan = {
        unit: _reviewers_for(year, unit, members, team)
        for unit in members
        if unit not in existing
    }
    criteria = list(year.criteria_set.criteria.values_list("pk", flat=True))
    sheets = ScoreSheet.objects.bulk_create(
        ScoreSheet(
            cluster_year=year, unit_id=unit, criteria_set_id=year.criteria_set_id
        )
        for unit in plan
    )
    sheets = list(year.sheets.filter(unit_id__in=plan).select_related("unit"))
    ScoreEntry.objects.bulk_create(
        ScoreEntry(sheet=sheet, criterion_id=criterion)
        for sheet in sheets
        for criterion in criteria
    )
    Review.objects.bulk_create(
        Review(sheet=sheet, reviewer_unit_id=reviewer)
        for sheet in sheets
        for reviewer in plan[sheet.unit_id]
    )
    if year.scoring_started_at is None:
        year.scoring_started_at = timezone.now()
        year.scoring_opens_on = year.scoring_opens_on or timezone.localdate()
        year.save(
            update_fields=["scoring_started_at", "scoring_opens_on", "updated_at"]
        )
    audit(
        actor,
        "clusters.scoring.started",
        year,
        year.cluster.authority,
        units=sorted(plan),
        reviewers={str(k): v for k, v in plan.items()},
    )
    return sheets


# Self-scoring -----------------------------------------------------------------------


def _locked_entry(entry: ScoreEntry) -> tuple[ScoreSheet, ScoreEntry]:
    sheet = ScoreSheet.objects.select_for_update().get(pk=entry.sheet_id)
    entry = (
        ScoreEntry.objects.select_for_update()
        .select_related("criterion")
        .get(pk=entry.pk)
    )
    return sheet, entry


def _require_self_editable(sheet: ScoreSheet) -> None:
    if sheet.status != ScoreSheet.Status.DRAFT:
        raise ValidationError(
            _("Phiếu đã gửi thẩm định: đơn vị không sửa điểm tự chấm được nữa."),
            code="not_draft",
        )


@transaction.atomic
def self_score_set(
    *,
    entry: ScoreEntry,
    actor: Any,
    points: Any = KEEP,
    comment: Any = KEEP,
    explanation: Any = KEEP,
) -> ScoreEntry:
    """The unit's own score of one criterion, with its comment and explanation."""
    sheet, entry = _locked_entry(entry)
    require_act_for(actor, sheet.unit)
    _require_self_editable(sheet)
    criterion = entry.criterion
    changed: list[str] = []
    if points is not KEEP:
        value = parse_points(points)
        if value is not None and criterion.children.exists():
            raise ValidationError(
                _(
                    "Chỉ chấm điểm ở tiêu chí không có tiêu chí con (“%(code)s” là nhóm)."
                )
                % {"code": criterion.code},
                code="not_leaf",
            )
        if value is not None and entry.exempt:
            raise ValidationError(
                _("Tiêu chí “%(code)s” không áp dụng với đơn vị.")
                % {"code": criterion.code},
                code="exempt",
            )
        check_bounds(criterion, value)
        if value != entry.self_points:
            history(
                sheet,
                criterion.pk,
                ScoreChange.Field.SELF,
                entry.self_points,
                value,
                actor,
            )
            audit(
                actor,
                "clusters.score.self_set",
                sheet,
                sheet.unit,
                criterion=criterion.code,
                before=points_text(entry.self_points),
                after=points_text(value),
            )
            entry.self_points = value
            changed.append("self_points")
    for name, value in (("comment", comment), ("explanation", explanation)):
        if value is not KEEP and value != getattr(entry, name):
            setattr(entry, name, value.strip())
            changed.append(name)
    if changed:
        entry.save(update_fields=[*changed, "updated_at"])
    return entry


@transaction.atomic
def evidence_add(
    *, entry: ScoreEntry, upload: IO[bytes], name: str, size: int, actor: Any
) -> Evidence:
    sheet, entry = _locked_entry(entry)
    require_act_for(actor, sheet.unit)
    _require_self_editable(sheet)
    checked = check_upload(upload, name, size)
    evidence = Evidence(
        entry=entry,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    evidence.file.save(checked.name, File(upload), save=False)
    evidence.save()
    audit(
        actor,
        "clusters.evidence.added",
        evidence,
        sheet.unit,
        criterion=entry.criterion.code,
        name=checked.name,
        size=checked.size,
    )
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: Any) -> None:
    sheet, entry = _locked_entry(evidence.entry)
    require_act_for(actor, sheet.unit)
    _require_self_editable(sheet)
    audit(
        actor,
        "clusters.evidence.removed",
        evidence,
        sheet.unit,
        criterion=entry.criterion.code,
        name=evidence.original_name,
    )
    stored = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(stored))


def submission_problems(sheet: ScoreSheet) -> list[str]:
    """What keeps a card from being sent: unscored criteria, claims without evidence."""
    entries = list(
        sheet.entries.select_related("criterion").prefetch_related("evidence")
    )
    parents = {e.criterion.parent_id for e in entries if e.criterion.parent_id}
    exempt_ids = _exempt_closure(entries)
    problems: list[str] = []
    unscored = [
        e.criterion.code
        for e in entries
        if e.criterion_id not in parents
        and e.criterion_id not in exempt_ids
        and e.self_points is None
    ]
    if unscored:
        problems.append(
            _("Chưa chấm các tiêu chí: %(codes)s (điểm 0 vẫn phải ghi).")
            % {"codes": ", ".join(unscored)}
        )
    unproven = [
        e.criterion.code
        for e in entries
        if e.criterion_id not in exempt_ids
        and e.criterion.evidence_required
        and e.self_points
        and e.criterion.kind != Criterion.Kind.PENALTY
        and not e.evidence.all()
        and not e.explanation.strip()
    ]
    if unproven:
        problems.append(
            _(
                "Các tiêu chí %(codes)s cần tài liệu kiểm chứng, hoặc giải trình vì sao "
                "không có tài liệu."
            )
            % {"codes": ", ".join(unproven)}
        )
    return problems


def _exempt_closure(entries: list[ScoreEntry]) -> set[int]:
    children: dict[int, list[int]] = {}
    for e in entries:
        if e.criterion.parent_id:
            children.setdefault(e.criterion.parent_id, []).append(e.criterion_id)
    stack = [e.criterion_id for e in entries if e.exempt]
    closed: set[int] = set()
    while stack:
        current = stack.pop()
        if current not in closed:
            closed.add(current)
            stack += children.get(current, [])
    return closed


@transaction.atomic
def sheet_submit(*, sheet: ScoreSheet, actor: Any) -> ScoreSheet:
    """Send the card to its reviewers; a zero score is a score, a blank is not."""
    sheet = (
        ScoreSheet.objects.select_for_update().select_related("unit").get(pk=sheet.pk)
    )
    require_act_for(actor, sheet.unit)
    sheet.require_transition(ScoreSheet.Status.SUBMITTED)
    problems = submission_problems(sheet)
    if problems:
        raise ValidationError(problems, code="incomplete")
    sheet.status = ScoreSheet.Status.SUBMITTED
    sheet.submitted_at = timezone.now()
    sheet.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    sheet.return_reason = ""
    sheet.save(
        update_fields=[
            "status",
            "submitted_at",
            "submitted_by",
            "return_reason",
            "updated_at",
        ]
    )
    audit(actor, "clusters.sheet.submitted", sheet, sheet.unit)
    return sheet


@transaction.atomic
def sheet_return(*, sheet: ScoreSheet, actor: Any, reason: str) -> ScoreSheet:
    """Send a submitted card back to its unit, with the reason; reviews reopen."""
    sheet = (
        ScoreSheet.objects.select_for_update()
        .select_related("cluster_year__cluster__authority", "unit")
        .get(pk=sheet.pk)
    )
    require_lead(actor, sheet.cluster_year)
    sheet.require_transition(ScoreSheet.Status.DRAFT)
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do trả lại phiếu."), code="reason_required")
    sheet.status, sheet.return_reason = ScoreSheet.Status.DRAFT, reason.strip()
    sheet.save(update_fields=["status", "return_reason", "updated_at"])
    sheet.reviews.update(
        status=Review.Status.OPEN, completed_at=None, completed_by=None
    )
    audit(actor, "clusters.sheet.returned", sheet, sheet.unit, reason=reason)
    return sheet
