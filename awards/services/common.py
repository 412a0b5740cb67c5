"""Helpers shared by the awards services."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from awards.models import Household, Subject
from orgs.models import Person, Unit
from orgs.selectors import parameter_value_or
from orgs.workdays import add_working_days


def changed_by_someone_else() -> ValidationError:
    return ValidationError(
        _(
            "Hồ sơ này vừa được người khác thay đổi. Hãy tải lại trang để xem "
            "nội dung mới rồi làm lại thao tác."
        ),
        code="stale",
    )


def compare_and_set(
    model: type[models.Model], *, pk: int, version: int | None, **changes: Any
) -> None:
    """Save ``changes`` only if the row still has ``version``; else tell the caller.

    Two officers editing the same record: the second save finds a newer version
    and is refused instead of silently overwriting the first.
    """
    rows = model._default_manager.filter(pk=pk)
    if version is not None:
        rows = rows.filter(version=version)
    updated = rows.update(version=models.F("version") + 1, **changes)
    if updated == 0:
        raise changed_by_someone_else()


def require_reason(reason: str, field: str = "reason") -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            {field: _("Phải ghi rõ lý do.")},
            code="reason_required",
        )
    return text


def deadline_after(
    start: datetime.date, key: str, *, on: datetime.date | None = None
) -> datetime.date | None:
    """The day ``deadline_working_days[key]`` working days after ``start`` (None if unset)."""
    days = parameter_value_or("deadline_working_days", None, on=on or start, key=key)
    if days is None:
        return None
    return add_working_days(start, int(days))


def owning_unit(
    person: Person | None, collective: Unit | None, household: Household | None
) -> Unit:
    """The unit a subject's rows are kept under (its scope)."""
    if person is not None:
        return person.unit
    if collective is not None:
        return collective
    if household is not None:
        return household.unit
    raise ValidationError(_("Phải chọn một cá nhân, tập thể hoặc hộ gia đình."))


def _subject_kind(person: Any, collective: Any, household: Any) -> str:
    if person is not None:
        return Subject.INDIVIDUAL
    return Subject.COLLECTIVE if collective is not None else Subject.HOUSEHOLD
