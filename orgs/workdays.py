"""Working days (ngày làm việc): Monday to Friday, minus public holidays.

Deadlines in the law are counted in working days (10 ngày làm việc for public
comment, appraisal…); every deadline in the app goes through these functions.
"""

from __future__ import annotations

import datetime

from orgs.models import PublicHoliday


def _holidays(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    return set(
        PublicHoliday.objects.filter(date__range=(start, end)).values_list(
            "date", flat=True
        )
    )


def is_working_day(
    day: datetime.date, holidays: set[datetime.date] | None = None
) -> bool:
    if day.weekday() >= 5:
        return False
    if holidays is None:
        holidays = _holidays(day, day)
    return day not in holidays


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """Return the day that is ``days`` working days after ``start`` (start itself not counted)."""
    holidays = _holidays(start, start + datetime.timedelta(days=days * 2 + 30))
    current, remaining = start, days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Count working days after ``start`` up to and including ``end`` (negative if end < start)."""
    if end < start:
        return -working_days_between(end, start)
    holidays = _holidays(start, end)
    count, current = 0, start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_working_day(current, holidays):
            count += 1
    return count
