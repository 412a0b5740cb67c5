"""Issuing a decision: the number from the register, the printed snapshot, and
everything the decision changes, in one transaction.

- an award decision: its dossiers move to "decided" and every recipient gets an
  award record (the yearly register and the eligibility engine see them at
  once), certificates with their public codes, and the money in the fund ledger;
- a correction: the corrected records keep their decision, with a history event
  naming the correction;
- a revocation: the records are marked revoked with their history, the
  nominees and (when all of them go) the dossiers follow, and the money to
  recover is entered in the fund ledger.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardRecord,
    AwardRecordEvent,
    Decision,
    DecisionLine,
    Dossier,
    Nomination,
)
from awards.printing.decision import decision_context
from orgs.models import DocumentType
from orgs.services import audit_record, document_number_allocate

from . import decisions as dossier_moves
from .award_records import award_records_create_for_lines, award_records_revoke_many
from .certificates import certificates_create
from .decision_amendments import guard_revocation
from .decision_drafts import apply_money, lines_of, lock_decision, require_draft
from .funds import fund_for, fund_spend, fund_to_recover


def _guard_issuable(decision: Decision, lines: list[DecisionLine]) -> None:
    if not lines:
        raise ValidationError(
            _("Quyết định chưa có ai trong danh sách kèm theo."), code="empty"
        )
    required = {
        "authority": decision.authority,
        "signer_title": decision.signer_title,
        "conferral": decision.conferral,
    }
    missing = [name for name, value in required.items() if not value.strip()]
    if missing or not decision.signer_name.strip():
        raise ValidationError(
            _("Hãy ghi đủ thẩm quyền ban hành, chức vụ và họ tên người ký."),
            code="signer",
        )
    if decision.kind == Decision.Kind.AWARD:
        stale = decision.dossiers.exclude(status=Dossier.Status.APPROVED)
        if stale.exists():
            raise ValidationError(
                _("Có hồ sơ trong quyết định không còn ở trạng thái chờ quyết định."),
                code="stale_dossier",
            )
    if decision.kind == Decision.Kind.REVOCATION:
        guard_revocation(decision, lines)
    if decision.cited_id and not decision.cited.is_issued:
        raise ValidationError(
            _("Quyết định được dẫn chưa ban hành."), code="cited_draft"
        )


def _number(decision: Decision, day: datetime.date, actor: Any) -> Any:
    return document_number_allocate(
        issuer=decision.issuer,
        doc_type=DocumentType.objects.get(code="quyet-dinh"),
        issued_on=day,
        summary=f"Quyết định {decision.summary[:1].lower()}{decision.summary[1:]}"[
            :500
        ],
        actor=actor,
        drafting_code=decision.drafting_code,
        source=decision,
    )


@transaction.atomic
def decision_issue(
    *,
    decision: Decision,
    actor: Any,
    issued_on: datetime.date | None = None,
    version: int | None = None,
) -> Decision:
    """Number, freeze and carry out a draft. Nothing is half-saved: any refusal
    rolls the number, the records and the ledger back together."""
    locked = lock_decision(decision, version)
    require_draft(locked)
    day = issued_on or locked.decision_date
    locked.decision_date = day
    lines = lines_of(locked)
    _guard_issuable(locked, lines)
    apply_money(locked, lines)
    if locked.kind != Decision.Kind.CORRECTION:
        DecisionLine.objects.bulk_update(lines, ["multiplier", "amount"])
        locked.fund = fund_for(locked.unit, day.year)
    document = _number(locked, day, actor)
    context = decision_context(
        locked,
        lines,
        number=document.number,
        number_text=document.full_number,
        issued_on=day,
    )
    document.snapshot = context
    document.save(update_fields=["snapshot", "updated_at"])
    locked.status = Decision.Status.ISSUED
    locked.document, locked.number = document, document.full_number
    locked.issued_at = timezone.now()
    locked.issued_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.version += 1
    locked.full_clean()
    locked.save()
    EFFECTS[locked.kind](locked, lines, actor)
    audit_record(
        actor=actor,
        action="awards.decision.issued",
        obj=locked,
        unit=locked.unit,
        data={
            "number": locked.number,
            "date": day,
            "kind": locked.kind,
            "lines": len(lines),
            "total": locked.total_amount,
        },
    )
    return locked


# What each kind of decision changes ---------------------------------------------------


def _award_effects(decision: Decision, lines: list[DecisionLine], actor: Any) -> None:
    dossier_of = dict(
        Nomination.objects.filter(
            pk__in=[line.nomination_id for line in lines if line.nomination_id]
        ).values_list("pk", "dossier_id")
    )
    by_dossier: dict[int, dict[int, int]] = defaultdict(dict)
    loose = []
    for line in lines:
        if line.nomination_id:
            by_dossier[dossier_of[line.nomination_id]][line.nomination_id] = line.pk
        else:
            loose.append(line)
    dossiers = Dossier.objects.filter(pk__in=list(by_dossier)).order_by("pk")
    for dossier in dossiers:
        dossier_moves.dossier_decide(
            dossier=dossier,
            actor=actor,
            decision_number=decision.number,
            decision_date=decision.decision_date,
            issuer=decision.issuer_text,
            decision=decision,
            line_ids=by_dossier[dossier.pk],
        )
    if loose:
        award_records_create_for_lines(decision=decision, lines=loose, actor=actor)
    certificates_create(decision=decision, lines=lines)
    fund_spend(decision=decision, actor=actor)


def _correction_effects(
    decision: Decision, lines: list[DecisionLine], actor: Any
) -> None:
    originals = [line.corrects_id for line in lines if line.corrects_id]
    records = AwardRecord.objects.filter(decision_line_id__in=originals)
    who = actor if getattr(actor, "is_authenticated", False) else None
    AwardRecordEvent.objects.bulk_create(
        AwardRecordEvent(
            record=record,
            action=AwardRecordEvent.Action.CHANGED,
            actor=who,
            reason=_("Đính chính theo Quyết định số %(number)s")
            % {"number": decision.number},
            data={"correction": decision.number, "decision_id": decision.pk},
        )
        for record in records
    )


def _revocation_effects(
    decision: Decision, lines: list[DecisionLine], actor: Any
) -> None:
    record_ids = [line.record_id for line in lines]
    reason = f"{decision.get_revocation_case_display()}: {decision.reason.strip()}"
    award_records_revoke_many(
        records=AwardRecord.objects.filter(pk__in=record_ids),
        actor=actor,
        reason=reason,
        revoked_on=decision.decision_date,
        revocation_number=decision.number,
        revoked_by=decision,
    )
    nomination_ids = list(
        AwardRecord.objects.filter(
            pk__in=record_ids, nomination__isnull=False
        ).values_list("nomination_id", flat=True)
    )
    Nomination.objects.filter(pk__in=nomination_ids).update(
        outcome=Nomination.Outcome.REVOKED,
        outcome_reason=reason,
        updated_at=timezone.now(),
    )
    emptied = (
        Dossier.objects.filter(
            nominations__pk__in=nomination_ids, status=Dossier.Status.DECIDED
        )
        .exclude(nominations__outcome=Nomination.Outcome.AWARDED)
        .distinct()
    )
    for dossier in emptied:
        dossier_moves.dossier_revoke(
            dossier=dossier,
            actor=actor,
            reason=reason,
            revoked_on=decision.decision_date,
            revocation_number=decision.number,
        )
    fund_to_recover(decision=decision, actor=actor)


EFFECTS = {
    Decision.Kind.AWARD: _award_effects,
    Decision.Kind.CORRECTION: _correction_effects,
    Decision.Kind.REVOCATION: _revocation_effects,
}
