import datetime

import pytest

from orgs.workdays import add_working_days, working_days_between

pytestmark = pytest.mark.django_db
D = datetime.date


def test_ten_working_days_skip_weekends():
    assert add_working_days(D(2024, 3, 1), 10) == D(2024, 3, 15)


def test_holidays_are_skipped():
    # Thursday 25/4/2024 + 4 working days: 26/4 (Fri), 29/4 (Mon), then 30/4 and 1/5 are holidays.
    assert add_working_days(D(2024, 4, 25), 4) == D(2024, 5, 3)


def test_between_counts_in_both_directions():
    assert working_days_between(D(2024, 3, 1), D(2024, 3, 15)) == 10
    assert working_days_between(D(2024, 3, 15), D(2024, 3, 1)) == -10
