"""The dossier workflow: one service per move, each locked, guarded and recorded.

Moves of the nominating unit: ``dossier_submit``, ``dossier_recall``,
``dossier_resubmit``, ``dossier_withdraw``. Moves of the secretariat of the
receiving unit: ``dossier_start_review``, ``dossier_return``,
``dossier_accept``, ``dossier_send_to_council``, ``dossier_remove_from_council``.
Moves that issue 6 calls from council votes and decisions: ``dossier_approve``,
``dossier_not_approve``, ``dossier_decide``, ``dossier_revoke``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardKind,
    Dossier,
    DossierItem,
    DossierTransition,
    Movement,
)
from awards.models.dossiers import components_for
from orgs.models import Unit
from orgs.services import audit_record, model_changes

from .catalogue import receiving_unit_for
from .common import require_reason
from .decisions import (  # noqa: F401  (one import path for every move)
    dossier_approve,
    dossier_decide,
    dossier_not_approve,
    dossier_revoke,
)
from .eligibility import blocking_failures, eligibility_evaluate
from .public import public_comment_guard
from .workflow import (  # noqa: F401
    MOVES,
    guard_complete,
    lock,
    missing_components,
    move,
    move_is_legal,
)

S = Dossier.Status

EDITABLE_FIELDS = {
    "title",
    "achievements",
    "submission_number",
    "submission_date",
    "planned_decision_on",
    "movement",
    "award_type",
    "procedure",
    "year",
}


# Creating and editing ---------------------------------------------------------------


def _guard_header(
    *,
    unit: Unit,
    award_kind: AwardKind,
    award_type: str,
    procedure: str,
    movement: Movement | None,
) -> None:
    if not award_kind.is_active:
        raise ValidationError(
            {"award_kind": _("Danh hiệu, hình thức này không còn sử dụng.")}
        )
    if award_type == "movement" and movement is None:
        raise ValidationError(
            {
                "movement": _(
                    "Khen thưởng theo đợt, chuyên đề phải gắn với một phong trào."
                )
            }
        )
    if movement is not None and not (
        unit.path.startswith(movement.launched_by.path)
        or movement.target_units.filter(pk__in=unit.ancestor_ids).exists()
    ):
        raise ValidationError(
            {"movement": _("Đơn vị không thuộc phạm vi của phong trào này.")}
        )
    if not components_for(award_kind.pk, procedure).exists():
        raise ValidationError(
            {
                "procedure": _("“%(kind)s” không áp dụng thủ tục này.")
                % {"kind": award_kind.name}
            }
        )


def _sync_items(dossier: Dossier) -> None:
    """Make the checklist follow the award kind's components for the chosen procedure."""
    wanted = {
        row.component_id: row
        for row in components_for(dossier.award_kind_id, dossier.procedure)
    }
    existing = {
        item.component_id: item for item in dossier.items.prefetch_related("files")
    }
    for component_id, item in existing.items():
        row = wanted.get(component_id)
        if row is None:
            if item.files.exists():
                item.required = False
                item.save(update_fields=["required"])
            else:
                item.delete()
        elif (item.required, item.order) != (row.required, row.order):
            item.required, item.order = row.required, row.order
            item.save(update_fields=["required", "order"])
    DossierItem.objects.bulk_create(
        DossierItem(
            dossier=dossier, component_id=cid, required=row.required, order=row.order
        )
        for cid, row in wanted.items()
        if cid not in existing
    )


@transaction.atomic
def dossier_create(
    *,
    actor: Any,
    unit: Unit,
    award_kind: AwardKind,
    year: int,
    title: str,
    award_type: str = "regular",
    procedure: str = Dossier.Procedure.NORMAL,
    movement: Movement | None = None,
    achievements: str = "",
    planned_decision_on: datetime.date | None = None,
    submission_number: str = "",
    submission_date: datetime.date | None = None,
) -> Dossier:
    """Open a draft dossier of ``unit`` for ``award_kind`` with its checklist."""
    _guard_header(
        unit=unit,
        award_kind=award_kind,
        award_type=award_type,
        procedure=procedure,
        movement=movement,
    )
    day = planned_decision_on or timezone.localdate()
    dossier = Dossier(
        unit=unit,
        receiving_unit=receiving_unit_for(unit=unit, award_kind=award_kind, on=day),
        award_kind=award_kind,
        year=year,
        year_kind=unit.year_kind,
        award_type=award_type,
        procedure=procedure,
        movement=movement,
        title=title.strip(),
        achievements=achievements,
        planned_decision_on=planned_decision_on,
        submission_number=submission_number,
        submission_date=submission_date,
        status=S.DRAFT,
        status_changed_at=timezone.now(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    dossier.full_clean()
    dossier.save()
    _sync_items(dossier)
    DossierTransition.objects.create(
        dossier=dossier, to_status=S.DRAFT, actor=dossier.created_by
    )
    audit_record(
        actor=actor,
        action="awards.dossier.created",
        obj=dossier,
        unit=unit,
        data={"award_kind": award_kind.code, "year": year},
    )
    return dossier


@transaction.atomic
def dossier_update(
    *, dossier: Dossier, actor: Any, version: int | None, **changes: Any
) -> Dossier:
    """Change the header of an editable dossier; a stale ``version`` is refused."""
    unknown_fields = set(changes) - EDITABLE_FIELDS
    if unknown_fields:
        raise ValueError(f"Not editable: {sorted(unknown_fields)}")
    locked = lock(dossier, version)
    if not locked.is_editable:
        raise ValidationError(
            _("Hồ sơ ở trạng thái “%(status)s” không sửa được.")
            % {"status": locked.get_status_display()},
            code="not_editable",
        )
    diff = model_changes(locked, changes)
    for name, value in changes.items():
        setattr(locked, name, value)
    _guard_header(
        unit=locked.unit,
        award_kind=locked.award_kind,
        award_type=locked.award_type,
        procedure=locked.procedure,
        movement=locked.movement,
    )
    locked.receiving_unit = receiving_unit_for(
        unit=locked.unit, award_kind=locked.award_kind, on=locked.decision_day
    )
    locked.version += 1
    locked.full_clean()
    locked.save()
    if "procedure" in diff["after"]:
        _sync_items(locked)
    if diff["after"]:
        audit_record(
            actor=actor,
            action="awards.dossier.changed",
            obj=locked,
            unit=locked.unit,
            data=diff,
        )
    return locked


# Moves of the nominating unit --------------------------------------------------------


def _submission_fields(dossier: Dossier) -> dict[str, Any]:
    return {
        "submitted_at": timezone.now(),
        "receiving_unit": receiving_unit_for(
            unit=dossier.unit, award_kind=dossier.award_kind, on=dossier.decision_day
        ),
    }


@transaction.atomic
def dossier_submit(
    *, dossier: Dossier, actor: Any, version: int | None = None
) -> Dossier:
    """Send a draft to the receiving unit; the eligibility checks run at once."""
    locked = lock(dossier, version)
    moved = move(
        locked,
        target=S.SUBMITTED,
        sources=MOVES["submit"],
        actor=actor,
        verb="submitted",
        guard=guard_complete,
        **_submission_fields(locked),
    )
    eligibility_evaluate(dossier=moved, actor=actor)
    return moved


@transaction.atomic
def dossier_recall(
    *, dossier: Dossier, actor: Any, reason: str = "", version: int | None = None
) -> Dossier:
    """Take a sent dossier back, allowed until the secretariat starts checking it."""
    locked = lock(dossier, version)
    target = S.DRAFT if locked.status == S.SUBMITTED else S.RETURNED
    if locked.status not in MOVES["recall"]:
        raise ValidationError(
            _("Chỉ thu hồi được hồ sơ khi cơ quan tiếp nhận chưa bắt đầu thẩm định."),
            code="too_late",
        )
    return move(
        locked,
        target=target,
        sources=MOVES["recall"],
        actor=actor,
        verb="recalled",
        reason=reason.strip(),
    )


@transaction.atomic
def dossier_resubmit(
    *, dossier: Dossier, actor: Any, reason: str = "", version: int | None = None
) -> Dossier:
    """Send a corrected dossier back to the secretariat."""
    locked = lock(dossier, version)
    moved = move(
        locked,
        target=S.RESUBMITTED,
        sources=MOVES["resubmit"],
        actor=actor,
        verb="resubmitted",
        reason=reason.strip(),
        guard=guard_complete,
        **_submission_fields(locked),
    )
    eligibility_evaluate(dossier=moved, actor=actor)
    return moved


@transaction.atomic
def dossier_withdraw(
    *, dossier: Dossier, actor: Any, reason: str, version: int | None = None
) -> Dossier:
    return move(
        dossier,
        target=S.WITHDRAWN,
        sources=MOVES["withdraw"],
        actor=actor,
        verb="withdrawn",
        reason=require_reason(reason),
        version=version,
    )


# Moves of the secretariat of the receiving unit ------------------------------------------


@transaction.atomic
def dossier_start_review(
    *, dossier: Dossier, actor: Any, version: int | None = None
) -> Dossier:
    moved = move(
        dossier,
        target=S.UNDER_REVIEW,
        sources=MOVES["start_review"],
        actor=actor,
        verb="review_started",
        version=version,
    )
    eligibility_evaluate(dossier=moved, actor=actor)
    return moved


@transaction.atomic
def dossier_return(
    *, dossier: Dossier, actor: Any, reason: str, version: int | None = None
) -> Dossier:
    """Send the dossier back to the unit for correction, saying why."""
    return move(
        dossier,
        target=S.RETURNED,
        sources=MOVES["return"],
        actor=actor,
        verb="returned",
        reason=require_reason(reason),
        version=version,
    )


def _guard_checks(dossier: Dossier) -> None:
    guard_complete(dossier)
    eligibility_evaluate(dossier=dossier)
    blocking = blocking_failures(dossier)
    if blocking:
        raise ValidationError(
            _(
                "Còn %(count)s điều kiện không đạt chưa được xử lý (ví dụ: %(name)s – "
                "%(reason)s). Hãy loại người đó khỏi danh sách, trả lại đơn vị hoặc "
                "chấp nhận ngoại lệ có ghi lý do."
            )
            % {
                "count": len(blocking),
                "name": blocking[0].nomination.display_name
                if blocking[0].nomination_id
                else _("cả hồ sơ"),
                "reason": blocking[0].reason,
            },
            code="ineligible",
        )


@transaction.atomic
def dossier_accept(
    *, dossier: Dossier, actor: Any, reason: str = "", version: int | None = None
) -> Dossier:
    """Finish the appraisal: complete, every failed check handled."""
    return move(
        dossier,
        target=S.CHECKED,
        sources=MOVES["accept"],
        actor=actor,
        verb="checked",
        reason=reason.strip(),
        version=version,
        guard=_guard_checks,
    )


@transaction.atomic
def dossier_send_to_council(
    *,
    dossier: Dossier,
    actor: Any,
    reason: str = "",
    on: datetime.date | None = None,
    version: int | None = None,
) -> Dossier:
    """Put the dossier to the council; refused while a public-comment window is open."""
    day = on or timezone.localdate()
    return move(
        dossier,
        target=S.AT_COUNCIL,
        sources=MOVES["send_to_council"],
        actor=actor,
        verb="sent_to_council",
        reason=reason.strip(),
        version=version,
        guard=lambda locked: public_comment_guard(dossier=locked, on=day),
    )


@transaction.atomic
def dossier_remove_from_council(
    *, dossier: Dossier, actor: Any, reason: str = "", version: int | None = None
) -> Dossier:
    return move(
        dossier,
        target=S.CHECKED,
        sources=MOVES["remove_from_council"],
        actor=actor,
        verb="removed_from_council",
        reason=reason.strip(),
        version=version,
    )
