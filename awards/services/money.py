"""Reward money: multiplier × base salary in force on the decision date (NĐ 98/2023
Điều 54 and its successors; domain.md §3.4). Computed, never typed; integers of đồng.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from awards.models import AwardKind, Subject
from orgs.selectors import ParameterMissing, parameter_value
from orgs.vn import short_date


@dataclass(frozen=True)
class Reward:
    subject: str
    multiplier: Decimal
    base_salary: int
    amount: int


def base_salary_on(day: datetime.date, unit: Any = None) -> int:
    try:
        return int(parameter_value("base_salary", on=day, unit=unit))
    except ParameterMissing:
        raise ValidationError(
            _("Chưa có mức lương cơ sở áp dụng ngày %(day)s (tham số base_salary).")
            % {"day": short_date(day)},
            code="base_salary_missing",
        ) from None


def multiplier_on(
    award_kind: AwardKind, subject: str, day: datetime.date, unit: Any = None
) -> Decimal:
    key = award_kind.multiplier_key(subject)
    try:
        value = parameter_value("reward_multiplier", on=day, key=key, unit=unit)
    except ParameterMissing:
        raise ValidationError(
            _(
                "Chưa có hệ số tiền thưởng của “%(kind)s” cho %(subject)s áp dụng ngày "
                "%(day)s. Hãy bổ sung tham số reward_multiplier, khóa “%(key)s” (Quản "
                "trị → Tham số pháp lý)."
            )
            % {
                "kind": award_kind.name,
                "subject": Subject(subject).label.lower(),
                "day": short_date(day),
                "key": key,
            },
            code="multiplier_missing",
        ) from None
    return Decimal(value)


def amount_of(multiplier: Decimal, base_salary: int) -> int:
    """Round half up to the đồng: 0,3 × 1.800.000 = 540.000 exactly."""
    return int((multiplier * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rewards_on(
    award_kind: AwardKind, subjects: set[str], day: datetime.date, unit: Any = None
) -> dict[str, Reward]:
    """The reward per subject kind (individual, collective, household) on ``day``."""
    if not subjects:
        return {}
    base = base_salary_on(day, unit)
    rewards = {}
    for subject in sorted(subjects):
        multiplier = multiplier_on(award_kind, subject, day, unit)
        rewards[subject] = Reward(
            subject, multiplier, base, amount_of(multiplier, base)
        )
    return rewards
