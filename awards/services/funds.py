"""The fund ledger of a deciding level: budget per year, spending per decision,
amounts to recover after a revocation, recoveries. Append-only."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from awards.models import Decision, Fund, FundEntry
from orgs.models import Unit
from orgs.services import audit_record
from orgs.vn import money


def fund_for(unit: Unit, year: int) -> Fund:
    """The fund of ``unit`` for ``year``; opened with a zero budget when missing.

    Issuing is not blocked by a missing budget: the reward is owed by law. The
    fund page shows the budget as not yet entered.
    """
    fund, created = Fund.objects.get_or_create(
        unit=unit,
        year=year,
        defaults={"note": _("Mở tự động khi ban hành quyết định; chưa nhập dự toán.")},
    )
    if created:
        audit_record(
            actor=None,
            action="awards.fund.opened",
            obj=fund,
            unit=unit,
            data={"year": year},
        )
    return fund


@transaction.atomic
def fund_set_budget(
    *, unit: Unit, year: int, budget: int, actor: Any, note: str = ""
) -> Fund:
    if budget < 0:
        raise ValidationError(_("Dự toán không được âm."), code="negative")
    fund = fund_for(unit, year)
    fund = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    before = fund.budget
    fund.budget, fund.note = budget, note.strip() or fund.note
    fund.full_clean()
    fund.save(update_fields=["budget", "note", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.fund.budget_set",
        obj=fund,
        unit=unit,
        data={"before": before, "after": budget},
    )
    return fund


def _entry(
    *,
    fund: Fund,
    decision: Decision,
    kind: str,
    amount: int,
    day: datetime.date,
    actor: Any,
    note: str,
) -> FundEntry:
    entry = FundEntry(
        fund=fund,
        decision=decision,
        kind=kind,
        amount=amount,
        entry_date=day,
        note=note[:500],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    entry.full_clean()
    entry.save()
    return entry


def fund_spend(*, decision: Decision, actor: Any) -> FundEntry | None:
    """Enter the reward money of an issued decision (inside the issuing transaction)."""
    if not decision.total_amount:
        return None
    return _entry(
        fund=decision.fund,
        decision=decision,
        kind=FundEntry.Kind.SPENT,
        amount=decision.total_amount,
        day=decision.decision_date,
        actor=actor,
        note=_("Tiền thưởng theo Quyết định số %(number)s")
        % {"number": decision.number},
    )


def fund_to_recover(*, decision: Decision, actor: Any) -> FundEntry | None:
    """Enter what a revoking decision orders to be paid back."""
    if not decision.total_amount:
        return None
    return _entry(
        fund=decision.fund,
        decision=decision,
        kind=FundEntry.Kind.TO_RECOVER,
        amount=decision.total_amount,
        day=decision.decision_date,
        actor=actor,
        note=_("Thu hồi tiền thưởng theo Quyết định số %(number)s")
        % {"number": decision.number},
    )


def outstanding(decision: Decision) -> int:
    """Amount still to recover under a revoking decision."""
    sums = dict(
        FundEntry.objects.filter(decision=decision)
        .values_list("kind")
        .annotate(total=Sum("amount"))
    )
    return sums.get(FundEntry.Kind.TO_RECOVER, 0) - sums.get(
        FundEntry.Kind.RECOVERED, 0
    )


@transaction.atomic
def fund_recovery_record(
    *, decision: Decision, amount: int, day: datetime.date, actor: Any, note: str = ""
) -> FundEntry:
    """Enter money paid back under a revoking decision (several payments allowed)."""
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("fund__unit")
        .get(pk=decision.pk)
    )
    if decision.kind != Decision.Kind.REVOCATION or not decision.is_issued:
        raise ValidationError(
            _("Chỉ ghi thu hồi theo quyết định hủy bỏ đã ban hành."),
            code="not_revocation",
        )
    remaining = outstanding(decision)
    if amount <= 0 or amount > remaining:
        raise ValidationError(
            _("Số tiền thu hồi phải từ 1 đồng đến số còn phải thu (%(left)s).")
            % {"left": money(remaining)},
            code="amount",
        )
    entry = _entry(
        fund=decision.fund,
        decision=decision,
        kind=FundEntry.Kind.RECOVERED,
        amount=amount,
        day=day,
        actor=actor,
        note=note
        or _("Nộp lại tiền thưởng theo Quyết định số %(number)s")
        % {"number": decision.number},
    )
    audit_record(
        actor=actor,
        action="awards.fund.recovered",
        obj=decision,
        unit=decision.fund.unit,
        data={"amount": amount, "day": day},
    )
    return entry
