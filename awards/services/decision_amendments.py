"""New decisions that cite an issued one: a correction (đính chính) of what the
annex printed, and a revocation (hủy bỏ, thu hồi) of awards it conferred
(Luật Thi đua, khen thưởng 2022, Chương VII). The original is never touched."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardRecord, Decision, DecisionLine, RevocationCase
from orgs import vn
from orgs.services import audit_record
from orgs.vn import fold

from .common import require_reason
from .decision_drafts import lock_decision, new_decision, require_draft


def _require_issued_award(original: Decision) -> None:
    if not original.is_issued or original.kind != Decision.Kind.AWARD:
        raise ValidationError(
            _("Chỉ đính chính, hủy bỏ một quyết định khen thưởng đã ban hành."),
            code="not_issued",
        )


def _cited(original: Decision) -> str:
    return (
        f"Quyết định số {original.number} ngày {vn.short_date(original.decision_date)} "
        f"của {original.issuer_text}"
    )


def _draft_citing(
    original: Decision, *, kind: str, actor: Any, day: datetime.date, **fields: Any
) -> Decision:
    decision = new_decision(
        unit=original.unit,
        award_kind=original.award_kind,
        year=original.year,
        year_text=str(original.year),
        award_type=original.award_type,
        day=day,
        actor=actor,
        kind=kind,
        cited=original,
        authority=original.authority,
        issuer_text=original.issuer_text,
        executors=original.executors,
        signature_prefix=original.signature_prefix,
        signature_authority=original.signature_authority,
        signer_title=original.signer_title,
        signer_name=original.signer_name,
        grounds="\n".join(original.ground_lines),
        achievement="",
        **fields,
    )
    decision.full_clean()
    decision.save()
    return decision


# Corrections ---------------------------------------------------------------------------


@transaction.atomic
def correction_draft(
    *, original: Decision, actor: Any, decision_date: datetime.date | None = None
) -> Decision:
    """Open a correction of ``original``; its lines are added one by one."""
    original = lock_decision(original)
    _require_issued_award(original)
    decision = _draft_citing(
        original,
        kind=Decision.Kind.CORRECTION,
        actor=actor,
        day=decision_date or timezone.localdate(),
        summary=f"Về việc đính chính {_cited(original)}",
        conferral=f"Đính chính {_cited(original)}",
    )
    audit_record(
        actor=actor,
        action="awards.decision.correction_drafted",
        obj=decision,
        unit=decision.unit,
        data={"cites": original.number},
    )
    return decision


def _text(line: DecisionLine) -> str:
    return ", ".join(
        part for part in (line.display_name, line.position_and_unit) if part
    )


@transaction.atomic
def correction_line_set(
    *,
    decision: Decision,
    original_line: DecisionLine,
    actor: Any,
    display_name: str,
    position: str = "",
    unit_name: str = "",
) -> DecisionLine:
    """Say how one line of the cited decision should read ("Đã ghi … nay sửa lại …")."""
    locked = lock_decision(decision)
    require_draft(locked)
    if (
        locked.kind != Decision.Kind.CORRECTION
        or original_line.decision_id != locked.cited_id
    ):
        raise ValidationError(
            _("Dòng này không thuộc quyết định được đính chính."), code="stranger"
        )
    new = (" ".join(display_name.split()), position.strip(), unit_name.strip())
    old = (original_line.display_name, original_line.position, original_line.unit_name)
    if not new[0]:
        raise ValidationError({"display_name": _("Phải ghi họ tên.")}, code="required")
    if new == old:
        raise ValidationError(
            _("Nội dung sửa lại giống nội dung đã ghi."), code="unchanged"
        )
    line = locked.lines.filter(corrects=original_line).first() or DecisionLine(
        decision=locked,
        corrects=original_line,
        order=(locked.lines.count() + 1),
        person_id=original_line.person_id,
        collective_id=original_line.collective_id,
        household_id=original_line.household_id,
        unit_id=original_line.unit_id,
    )
    line.display_name, line.position, line.unit_name = new
    line.before = {"order": original_line.order, "text": _text(original_line)}
    line.full_clean()
    line.save()
    audit_record(
        actor=actor,
        action="awards.decision.correction_line_set",
        obj=locked,
        unit=locked.unit,
        data={"line": original_line.order, "before": old, "after": new},
    )
    return line


@transaction.atomic
def correction_line_remove(*, line: DecisionLine, actor: Any) -> None:
    locked = lock_decision(line.decision)
    require_draft(locked)
    audit_record(
        actor=actor,
        action="awards.decision.correction_line_removed",
        obj=locked,
        unit=locked.unit,
        data={"line": line.before},
    )
    line.delete()
    for order, rest in enumerate(locked.lines.order_by("order", "pk"), start=1):
        if rest.order != order:
            DecisionLine.objects.filter(pk=rest.pk).update(order=order)


# Revocations ---------------------------------------------------------------------------


@transaction.atomic
def revocation_draft(
    *,
    original: Decision,
    actor: Any,
    line_ids: Iterable[int],
    case: str,
    reason: str,
    decision_date: datetime.date | None = None,
) -> Decision:
    """Draft the revocation of the awards of ``line_ids`` of ``original``."""
    original = lock_decision(original)
    _require_issued_award(original)
    reason = require_reason(reason)
    if case not in RevocationCase.values:
        raise ValidationError(
            {"case": _("Hãy chọn trường hợp hủy bỏ theo Luật.")}, code="case"
        )
    chosen = list(
        original.lines.filter(
            pk__in=list(line_ids), award_record__status=AwardRecord.Status.VALID
        )
        .select_related("award_record")
        .order_by("order")
    )
    if not chosen:
        raise ValidationError(
            _("Hãy chọn ít nhất một người, tập thể có khen thưởng còn hiệu lực."),
            code="empty",
        )
    verb = original.conferral.strip()
    decision = _draft_citing(
        original,
        kind=Decision.Kind.REVOCATION,
        actor=actor,
        day=decision_date or timezone.localdate(),
        summary=f"Về việc hủy bỏ khen thưởng tại {_cited(original)}",
        conferral=f"Hủy bỏ việc {verb[:1].lower()}{verb[1:]}",
        revocation_case=case,
        reason=reason,
    )
    DecisionLine.objects.bulk_create(
        DecisionLine(
            decision=decision,
            order=order,
            person_id=line.person_id,
            collective_id=line.collective_id,
            household_id=line.household_id,
            unit_id=line.unit_id,
            record=line.award_record,
            display_name=line.display_name,
            position=line.position,
            unit_name=line.unit_name,
            multiplier=line.multiplier,
            amount=line.amount,
            search_name=fold(line.display_name),
        )
        for order, line in enumerate(chosen, start=1)
    )
    decision.total_amount = sum(line.amount for line in chosen)
    decision.save(update_fields=["total_amount", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.decision.revocation_drafted",
        obj=decision,
        unit=decision.unit,
        data={"cites": original.number, "lines": len(chosen), "case": case},
    )
    return decision


def guard_revocation(decision: Decision, lines: list[DecisionLine]) -> None:
    """Every record a revocation names must still stand when it is issued."""
    ids = [line.record_id for line in lines]
    gone = AwardRecord.objects.filter(pk__in=ids).exclude(
        status=AwardRecord.Status.VALID
    )
    if gone.exists():
        raise ValidationError(
            _(
                "Có khen thưởng trong danh sách đã bị hủy bỏ bởi quyết định khác; hãy "
                "lập lại dự thảo."
            ),
            code="already_revoked",
        )
