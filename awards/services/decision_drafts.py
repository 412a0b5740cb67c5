"""Drafting an award decision from the approved nominees of whole dossiers, editing
the draft, discarding it. A draft has no number; nothing of it is legal yet.

A decision takes whole dossiers: every nominee the council approved in them is a
recipient (the council's verdict is not re-opened by leaving someone out), and
a dossier is on at most one decision (``Dossier.decision``). Money follows the
decision date and is recomputed whenever that date changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AgendaEntry,
    Decision,
    DecisionLine,
    Dossier,
    MonthlyList,
    Nomination,
)
from awards.printing import wording
from awards.printing.names import authority_line, deciding_person
from orgs.models import DocumentIssuer, Unit
from orgs.services import audit_record, model_changes
from orgs.vn import fold

from .catalogue import authorities_on, holds
from .common import changed_by_someone_else
from .money import rewards_on

DRAFT_FIELDS = {
    "summary",
    "authority",
    "issuer_text",
    "grounds",
    "proposal",
    "conferral",
    "achievement",
    "executors",
    "recipients",
    "signature_prefix",
    "signature_authority",
    "signer_title",
    "signer_name",
    "decision_date",
    "drafting_code",
    "revocation_case",
    "reason",
}


def decides_itself(dossier: Dossier) -> bool:
    """True when the head of the receiving unit confers the award (else it goes up)."""
    rows = authorities_on(dossier.award_kind, dossier.decision_day)
    return any(holds(row.authority, dossier.receiving_unit) for row in rows)


def issuer_of(unit: Unit) -> DocumentIssuer:
    issuer = (
        DocumentIssuer.objects.filter(unit=unit, kind=DocumentIssuer.Kind.UNIT)
        .select_related("unit")
        .order_by("pk")
        .first()
    )
    if issuer is None:
        raise ValidationError(
            _("%(unit)s chưa có sổ văn bản (cơ quan ban hành): hãy tạo trong Quản trị.")
            % {"unit": unit.name},
            code="no_issuer",
        )
    return issuer


def lock_decision(decision: Decision, version: int | None = None) -> Decision:
    locked = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("unit", "issuer", "award_kind", "cited", "fund__unit")
        .get(pk=decision.pk)
    )
    if version is not None and locked.version != version:
        raise changed_by_someone_else()
    return locked


def require_draft(decision: Decision) -> None:
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(
            _(
                "Quyết định đã ban hành không sửa được; hãy lập quyết định đính chính "
                "dẫn quyết định này."
            ),
            code="issued_read_only",
        )


def lines_of(decision: Decision) -> list[DecisionLine]:
    return list(
        decision.lines.select_related(
            "person", "collective", "household", "unit"
        ).order_by("order", "pk")
    )


def apply_money(decision: Decision, lines: Sequence[DecisionLine]) -> None:
    """Set each line's multiplier and amount, and the decision's total, for its date."""
    if decision.kind == Decision.Kind.CORRECTION:
        return
    if decision.kind == Decision.Kind.REVOCATION:
        decision.total_amount = sum(line.amount for line in lines)
        return
    subjects = {line.subject_kind for line in lines}
    rewards = rewards_on(
        decision.award_kind, subjects, decision.decision_date, decision.unit
    )
    for line in lines:
        reward = rewards[line.subject_kind]
        line.multiplier, line.amount = reward.multiplier, reward.amount
    decision.base_salary = next(iter(rewards.values())).base_salary if rewards else None
    decision.total_amount = sum(line.amount for line in lines)


def save_money(decision: Decision, lines: Sequence[DecisionLine]) -> None:
    apply_money(decision, lines)
    DecisionLine.objects.bulk_update(list(lines), ["multiplier", "amount"])


# Drafting from dossiers --------------------------------------------------------------


def _lock_dossiers(ids: Iterable[int]) -> list[Dossier]:
    return list(
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit", "receiving_unit", "award_kind")
        .filter(pk__in=sorted(set(ids)))
        .order_by("pk")
    )


def _guard_dossiers(dossiers: list[Dossier]) -> None:
    if not dossiers:
        raise ValidationError(_("Hãy chọn ít nhất một hồ sơ."), code="empty")
    first = dossiers[0]
    for dossier in dossiers:
        if dossier.status != Dossier.Status.APPROVED or dossier.decision_id:
            raise ValidationError(
                _(
                    "Hồ sơ %(ref)s không còn chờ quyết định (đang “%(status)s” hoặc đã "
                    "có trong một dự thảo quyết định)."
                )
                % {"ref": dossier.reference, "status": dossier.get_status_display()},
                code="not_decidable",
            )
        same = (
            dossier.receiving_unit_id == first.receiving_unit_id
            and dossier.award_kind_id == first.award_kind_id
            and dossier.year == first.year
            and dossier.award_type == first.award_type
        )
        if not same:
            raise ValidationError(
                _(
                    "Một quyết định chỉ gồm các hồ sơ cùng cấp quyết định, cùng danh hiệu, "
                    "hình thức, cùng năm và cùng loại hình khen thưởng."
                ),
                code="mixed",
            )
        if not decides_itself(dossier):
            raise ValidationError(
                _(
                    "%(unit)s không có thẩm quyền quyết định “%(kind)s”: hồ sơ %(ref)s "
                    "được trình lên cấp trên; hãy ghi nhận quyết định của cấp trên."
                )
                % {
                    "unit": dossier.receiving_unit.name,
                    "kind": dossier.award_kind.name,
                    "ref": dossier.reference,
                },
                code="not_authority",
            )


def council_sessions(dossiers: Sequence[Dossier]) -> list[dict[str, Any]]:
    """The sessions that voted on ``dossiers``: council, minutes number and date."""
    entries = (
        AgendaEntry.objects.filter(
            dossier__in=list(dossiers), concluded_at__isnull=False
        )
        .select_related(
            "agenda_item__meeting__council", "agenda_item__meeting__minutes"
        )
        .order_by("agenda_item__meeting__starts_at")
    )
    seen, sessions = set(), []
    for entry in entries:
        meeting = entry.agenda_item.meeting
        if meeting.pk in seen:
            continue
        seen.add(meeting.pk)
        minutes = meeting.minutes
        sessions.append(
            {
                "council": meeting.council.name,
                "number": minutes.full_number if minutes else "",
                "date": minutes.issued_on if minutes else meeting.session_date,
            }
        )
    return sessions


def _award_lines(decision: Decision, dossiers: Sequence[Dossier]) -> list[DecisionLine]:
    nominations = (
        Nomination.objects.filter(
            dossier__in=list(dossiers), outcome=Nomination.Outcome.APPROVED
        )
        .select_related("person", "household")
        .order_by("dossier_id", "order", "pk")
    )
    lines = []
    for order, nomination in enumerate(nominations, start=1):
        if nomination.person_id:
            unit_id = nomination.person.unit_id
        elif nomination.collective_id:
            unit_id = nomination.collective_id
        else:
            unit_id = nomination.household.unit_id
        lines.append(
            DecisionLine(
                decision=decision,
                order=order,
                person_id=nomination.person_id,
                collective_id=nomination.collective_id,
                household_id=nomination.household_id,
                unit_id=unit_id,
                nomination=nomination,
                display_name=nomination.display_name,
                position=nomination.position,
                unit_name=nomination.unit_name,
                search_name=fold(nomination.display_name),
            )
        )
    return lines


def new_decision(
    *,
    unit: Unit,
    award_kind: Any,
    year: int,
    year_text: str,
    award_type: str,
    day: datetime.date,
    actor: Any,
    **fields: Any,
) -> Decision:
    """An unsaved draft with the default wording for ``unit`` on ``day``."""
    issuer = issuer_of(unit)
    text = wording.conferral(award_kind, year_text, day)
    defaults = {
        "summary": wording.summary(text),
        "authority": authority_line(unit, day),
        "issuer_text": deciding_person(unit, day),
        "conferral": text,
        "achievement": wording.achievement(award_type, year_text),
        "executors": wording.executors(unit),
        "recipients": wording.recipients(),
        "signer_title": wording.signer_title(unit),
    }
    return Decision(
        unit=unit,
        issuer=issuer,
        award_kind=award_kind,
        year=year,
        award_type=award_type,
        decision_date=day,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{**defaults, **fields},
    )


@transaction.atomic
def decision_draft_from_dossiers(
    *,
    dossiers: Iterable[Dossier],
    actor: Any,
    decision_date: datetime.date | None = None,
) -> Decision:
    """Draft a decision for every nominee approved in ``dossiers`` (whole dossiers)."""
    locked = _lock_dossiers(d.pk for d in dossiers)
    _guard_dossiers(locked)
    first = locked[0]
    day = decision_date or timezone.localdate()
    council = None
    sessions = council_sessions(locked)
    entry = (
        AgendaEntry.objects.filter(dossier__in=locked)
        .select_related("agenda_item__meeting__council__standing_unit")
        .first()
    )
    if entry is not None:
        council = entry.agenda_item.meeting.council
    submissions = [
        (d.unit.name, d.submission_number, d.submission_date) for d in locked
    ]
    decision = new_decision(
        unit=first.receiving_unit,
        award_kind=first.award_kind,
        year=first.year,
        year_text=first.year_text,
        award_type=first.award_type,
        day=day,
        actor=actor,
        grounds="\n".join(wording.grounds(day, submissions, sessions)),
        proposal=wording.proposal(council.standing_unit if council else None),
    )
    decision.full_clean()
    decision.save()
    lines = _award_lines(decision, locked)
    if not lines:
        raise ValidationError(
            _("Các hồ sơ đã chọn không có ai được Hội đồng đề nghị."), code="empty"
        )
    apply_money(decision, lines)
    DecisionLine.objects.bulk_create(lines, batch_size=500)
    decision.save(update_fields=["base_salary", "total_amount", "updated_at"])
    Dossier.objects.filter(pk__in=[d.pk for d in locked]).update(decision=decision)
    audit_record(
        actor=actor,
        action="awards.decision.drafted",
        obj=decision,
        unit=decision.unit,
        data={"dossiers": [d.reference for d in locked], "lines": len(lines)},
    )
    return decision


@transaction.atomic
def decision_update(
    *, decision: Decision, actor: Any, version: int | None = None, **changes: Any
) -> Decision:
    """Change the wording, the signer or the date of a draft; money follows the date."""
    unknown = set(changes) - DRAFT_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    locked = lock_decision(decision, version)
    require_draft(locked)
    diff = model_changes(locked, changes)
    for name, value in changes.items():
        setattr(locked, name, value)
    if "decision_date" in diff["after"]:
        save_money(locked, lines_of(locked))
    locked.version += 1
    locked.full_clean()
    locked.save()
    if diff["after"]:
        audit_record(
            actor=actor,
            action="awards.decision.changed",
            obj=locked,
            unit=locked.unit,
            data=diff,
        )
    return locked


@transaction.atomic
def decision_discard(*, decision: Decision, actor: Any) -> None:
    """Throw a draft away (it has no number); its dossiers wait for a new draft."""
    locked = lock_decision(decision)
    require_draft(locked)
    Dossier.objects.filter(decision=locked).update(decision=None)
    MonthlyList.objects.filter(decision=locked).update(
        decision=None, status=MonthlyList.Status.OPEN
    )
    audit_record(
        actor=actor,
        action="awards.decision.discarded",
        obj=locked,
        unit=locked.unit,
        data={"summary": locked.summary, "lines": locked.lines.count()},
    )
    locked.delete()
