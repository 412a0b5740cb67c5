"""Monthly recognition: units propose their outstanding people, the secretariat of
the organisation that asks for it reviews the month's list, and the accepted
ones become a decision like any other (ARTICLE-2; Kế hoạch 163/KH-UBND of quận
Hai Bà Trưng asks every unit for at least one "điển hình tiên tiến, người tốt,
việc tốt" a month).

Whether an organisation asks, and how many, is the dated parameter
``monthly_recognition_min`` set for that organisation (``scope_unit``); the
deadline is ``monthly_recognition_deadline_day``.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardKind,
    AwardType,
    Decision,
    DecisionLine,
    MonthlyEntry,
    MonthlyList,
    MonthlyProposal,
)
from awards.printing import wording
from orgs.models import Person, Unit
from orgs.printing import standard_grounds
from orgs.selectors import ParameterSnapshot, parameter_snapshot
from orgs.services import audit_record, person_create
from orgs.vn import fold

from .catalogue import authorities_on, holds
from .common import require_reason
from .decision_drafts import apply_money, new_decision

DEFAULT_KIND = "GIAY_KHEN"


def first_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 1)


def last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


MIN_CODE = "monthly_recognition_min"
DEADLINE_CODE = "monthly_recognition_deadline_day"
DEFAULT_DEADLINE_DAY = 25


def monthly_parameters(organisations: Any) -> ParameterSnapshot:
    """Both monthly rules for ``organisations`` (theirs, their ancestors' and the
    national ones) in one query."""
    ancestors = {pk for unit in organisations for pk in unit.ancestor_ids}
    return parameter_snapshot(
        (MIN_CODE, DEADLINE_CODE), Q(scope_unit_id__in=sorted(ancestors))
    )


def minimum_for(
    organisation: Unit,
    year: int,
    month: int,
    parameters: ParameterSnapshot | None = None,
) -> int | None:
    """How many each unit under ``organisation`` must propose that month (None: not asked)."""
    if parameters is None:
        parameters = monthly_parameters([organisation])
    record = parameters.record(MIN_CODE, on=first_day(year, month), unit=organisation)
    if record is None or record.scope_unit_id != organisation.pk:
        return None
    return int(record.typed_value)


def deadline_for(
    organisation: Unit,
    year: int,
    month: int,
    parameters: ParameterSnapshot | None = None,
) -> datetime.date:
    if parameters is None:
        parameters = monthly_parameters([organisation])
    record = parameters.record(
        DEADLINE_CODE, on=first_day(year, month), unit=organisation
    )
    day = int(record.typed_value) if record else DEFAULT_DEADLINE_DAY
    return datetime.date(year, month, max(1, min(day, last_day(year, month).day)))


def organisation_of(unit: Unit, year: int, month: int) -> Unit | None:
    """The unit above ``unit`` that asks it for monthly proposals, if any."""
    if unit.parent_id is None:
        return None
    parent = Unit.objects.get(pk=unit.parent_id)
    return parent if minimum_for(parent, year, month) is not None else None


def asked_units(months: list[tuple[Unit, int, int]]) -> dict[int, list[Unit]]:
    """For each (organisation, year, month): the units directly under it that existed
    during the month, by organisation id — one query whatever the number of months."""
    children: dict[int, list[Unit]] = {
        organisation.pk: [] for organisation, *_ in months
    }
    period = {
        organisation.pk: (first_day(year, month), last_day(year, month))
        for organisation, year, month in months
    }
    for unit in Unit.objects.filter(parent_id__in=list(children)).order_by("path"):
        start, end = period[unit.parent_id]
        if (unit.valid_from and unit.valid_from > end) or (
            unit.valid_to and unit.valid_to < start
        ):
            continue
        children[unit.parent_id].append(unit)
    return children


# The unit's proposal ----------------------------------------------------------------


@transaction.atomic
def monthly_proposal_open(
    *, unit: Unit, year: int, month: int, actor: Any
) -> MonthlyProposal:
    organisation = organisation_of(unit, year, month)
    if organisation is None:
        raise ValidationError(
            _(
                "Cấp trên của %(unit)s không yêu cầu đề xuất điển hình tháng %(m)s/%(y)s."
            )
            % {"unit": unit.name, "m": month, "y": year},
            code="not_asked",
        )
    if not unit.is_active_on(first_day(year, month)) and not unit.is_active_on(
        last_day(year, month)
    ):
        raise ValidationError(
            _("Đơn vị không hoạt động trong tháng này."), code="inactive"
        )
    proposal, created = MonthlyProposal.objects.get_or_create(
        organisation=organisation, unit=unit, year=year, month=month
    )
    if created:
        audit_record(
            actor=actor,
            action="awards.monthly.opened",
            obj=proposal,
            unit=unit,
            data={"period": proposal.period},
        )
    return proposal


def _lock_draft(proposal: MonthlyProposal) -> MonthlyProposal:
    locked = (
        MonthlyProposal.objects.select_for_update(of=("self",))
        .select_related("unit", "organisation")
        .get(pk=proposal.pk)
    )
    if locked.status != MonthlyProposal.Status.DRAFT:
        raise ValidationError(_("Đề xuất đã gửi, không sửa được."), code="submitted")
    return locked


@transaction.atomic
def monthly_entry_add(
    *,
    proposal: MonthlyProposal,
    actor: Any,
    person: Person | None = None,
    full_name: str = "",
    position: str = "",
    category: str = MonthlyEntry.Category.GOOD_DEED,
    deed: str,
    is_direct_worker: bool = False,
) -> MonthlyEntry:
    """Add a person of the unit, or a citizen not yet in the registry (created here)."""
    locked = _lock_draft(proposal)
    deed = require_reason(deed, "deed")
    if person is None:
        if not full_name.strip():
            raise ValidationError(
                {"person": _("Hãy chọn một người hoặc ghi họ tên người được đề xuất.")}
            )
        person = person_create(
            actor=actor,
            allow_duplicate=True,
            full_name=full_name,
            position=position.strip() or _("Công dân"),
            unit=locked.unit,
            is_direct_worker=is_direct_worker,
            is_active=False,
            note=_("Thêm khi đề xuất người tốt, việc tốt tháng %(p)s.")
            % {"p": locked.period},
        )
    elif not person.unit.path.startswith(locked.unit.path):
        raise ValidationError(
            {"person": _("Người này không thuộc đơn vị đề xuất.")}, code="outside_unit"
        )
    entry = MonthlyEntry(
        proposal=locked,
        person=person,
        display_name=person.full_name,
        position=person.position,
        unit_name=person.unit.name,
        category=category,
        deed=deed,
        is_direct_worker=is_direct_worker or person.is_direct_worker,
        order=locked.entries.count() + 1,
    )
    entry.full_clean()
    entry.save()
    audit_record(
        actor=actor,
        action="awards.monthly.entry_added",
        obj=locked,
        unit=locked.unit,
        data={"person": person.full_name},
    )
    return entry


@transaction.atomic
def monthly_entry_remove(*, entry: MonthlyEntry, actor: Any) -> None:
    locked = _lock_draft(entry.proposal)
    audit_record(
        actor=actor,
        action="awards.monthly.entry_removed",
        obj=locked,
        unit=locked.unit,
        data={"person": entry.display_name},
    )
    entry.delete()


@transaction.atomic
def monthly_proposal_submit(
    *, proposal: MonthlyProposal, actor: Any
) -> MonthlyProposal:
    locked = _lock_draft(proposal)
    minimum = minimum_for(locked.organisation, locked.year, locked.month) or 1
    count = locked.entries.count()
    if count < minimum:
        raise ValidationError(
            _("Cần đề xuất ít nhất %(n)s người (hiện có %(count)s).")
            % {"n": minimum, "count": count},
            code="below_minimum",
        )
    locked.status = MonthlyProposal.Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.monthly.submitted",
        obj=locked,
        unit=locked.unit,
        data={"entries": count},
    )
    return locked


# The secretariat's list ----------------------------------------------------------------


@transaction.atomic
def monthly_list_open(
    *, organisation: Unit, year: int, month: int, actor: Any
) -> MonthlyList:
    if minimum_for(organisation, year, month) is None:
        raise ValidationError(
            _(
                "%(unit)s không yêu cầu đề xuất điển hình hằng tháng (tháng %(m)s/%(y)s)."
            )
            % {"unit": organisation.name, "m": month, "y": year},
            code="not_asked",
        )
    monthly, _created = MonthlyList.objects.get_or_create(
        organisation=organisation,
        year=year,
        month=month,
        defaults={"award_kind": AwardKind.objects.get(code=DEFAULT_KIND)},
    )
    return monthly


def _lock_open_list(proposal: MonthlyProposal) -> MonthlyList:
    monthly = (
        MonthlyList.objects.select_for_update(of=("self",))
        .filter(
            organisation_id=proposal.organisation_id,
            year=proposal.year,
            month=proposal.month,
        )
        .first()
    )
    if monthly is not None and monthly.status != MonthlyList.Status.OPEN:
        raise ValidationError(
            _("Danh sách tháng đã lập dự thảo quyết định: không xét lại được."),
            code="drafted",
        )
    return monthly


@transaction.atomic
def monthly_entry_review(
    *, entry: MonthlyEntry, actor: Any, accepted: bool, reason: str = ""
) -> MonthlyEntry:
    """The secretariat chooses (or not, saying why) a person proposed by a unit."""
    entry = (
        MonthlyEntry.objects.select_for_update(of=("self",))
        .select_related("proposal__organisation")
        .get(pk=entry.pk)
    )
    if entry.proposal.status != MonthlyProposal.Status.SUBMITTED:
        raise ValidationError(_("Đơn vị chưa gửi đề xuất này."), code="not_submitted")
    _lock_open_list(entry.proposal)
    if accepted:
        entry.outcome, entry.outcome_reason = MonthlyEntry.Outcome.ACCEPTED, ""
    else:
        entry.outcome = MonthlyEntry.Outcome.NOT_ACCEPTED
        entry.outcome_reason = require_reason(reason)
    entry.full_clean()
    entry.save(update_fields=["outcome", "outcome_reason"])
    audit_record(
        actor=actor,
        action="awards.monthly.reviewed",
        obj=entry.proposal,
        unit=entry.proposal.organisation,
        data={"person": entry.display_name, "outcome": entry.outcome},
    )
    return entry


def _guard_authority(monthly: MonthlyList, day: datetime.date) -> None:
    rows = authorities_on(monthly.award_kind, day)
    if not any(holds(row.authority, monthly.organisation) for row in rows):
        raise ValidationError(
            _("%(unit)s không có thẩm quyền tặng “%(kind)s” vào ngày %(day)s.")
            % {
                "unit": monthly.organisation.name,
                "kind": monthly.award_kind.name,
                "day": day.strftime("%d/%m/%Y"),
            },
            code="not_authority",
        )


@transaction.atomic
def monthly_list_draft_decision(
    *, monthly: MonthlyList, actor: Any, decision_date: datetime.date | None = None
) -> Decision:
    """Turn the accepted people of the month into a draft decision."""
    monthly = (
        MonthlyList.objects.select_for_update(of=("self",))
        .select_related("organisation", "award_kind")
        .get(pk=monthly.pk)
    )
    if monthly.status != MonthlyList.Status.OPEN:
        raise ValidationError(_("Danh sách đã có dự thảo quyết định."), code="drafted")
    entries = list(
        MonthlyEntry.objects.filter(
            proposal__organisation=monthly.organisation,
            proposal__year=monthly.year,
            proposal__month=monthly.month,
            proposal__status=MonthlyProposal.Status.SUBMITTED,
        )
        .select_related("person", "proposal__unit")
        .order_by("proposal__unit__path", "order", "pk")
    )
    pending = [e for e in entries if e.outcome == MonthlyEntry.Outcome.PROPOSED]
    if pending:
        raise ValidationError(
            _("Còn %(n)s người đề xuất chưa được xét (ví dụ: %(name)s).")
            % {"n": len(pending), "name": pending[0].display_name},
            code="pending",
        )
    chosen = [e for e in entries if e.outcome == MonthlyEntry.Outcome.ACCEPTED]
    if not chosen:
        raise ValidationError(_("Chưa chọn ai trong tháng."), code="empty")
    day = decision_date or min(
        timezone.localdate(),
        last_day(monthly.year, monthly.month) + datetime.timedelta(days=10),
    )
    _guard_authority(monthly, day)
    period = f"tháng {monthly.month:02d} năm {monthly.year}"
    units = {e.proposal.unit_id for e in chosen}
    decision = new_decision(
        unit=monthly.organisation,
        award_kind=monthly.award_kind,
        year=monthly.year,
        year_text=str(monthly.year),
        award_type=AwardType.AD_HOC,
        day=day,
        actor=actor,
        summary=f"Về việc khen thưởng điển hình tiên tiến, người tốt, việc tốt {period}",
        conferral=wording.conferral(monthly.award_kind, str(monthly.year), day),
        achievement=(
            f"Đã có thành tích tiêu biểu, là điển hình tiên tiến, người tốt, việc tốt "
            f"{period}."
        ),
        grounds="\n".join(
            [*standard_grounds(day), f"Xét đề nghị của {len(units)} cơ quan, đơn vị;"]
        ),
    )
    decision.full_clean()
    decision.save()
    lines = [
        DecisionLine(
            decision=decision,
            order=order,
            person=entry.person,
            unit_id=entry.person.unit_id,
            monthly_entry=entry,
            display_name=entry.display_name,
            position=entry.position,
            unit_name=entry.unit_name,
            search_name=fold(entry.display_name),
        )
        for order, entry in enumerate(chosen, start=1)
    ]
    apply_money(decision, lines)
    DecisionLine.objects.bulk_create(lines)
    decision.save(update_fields=["base_salary", "total_amount", "updated_at"])
    monthly.decision, monthly.status = decision, MonthlyList.Status.DRAFTED
    monthly.save(update_fields=["decision", "status", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.monthly.decision_drafted",
        obj=decision,
        unit=monthly.organisation,
        data={"period": period, "lines": len(lines)},
    )
    return decision
