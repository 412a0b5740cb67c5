"""Processing times per step, from the dossiers' transition histories."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from orgs.scoping import scope_for
from orgs.workdays import working_days_between
from reports.filters import Filters
from reports.selectors import processing
from tests.factories_reports import dossier_with_history

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


STEPS_X = [
    ("draft", D(2024, 3, 1), None),
    ("submitted", D(2024, 3, 4), D(2024, 3, 6)),
    ("under_review", D(2024, 3, 8), D(2024, 3, 22)),
    ("returned", D(2024, 3, 18), D(2024, 3, 25)),
    ("resubmitted", D(2024, 3, 22), D(2024, 3, 26)),
    ("under_review", D(2024, 3, 25), D(2024, 4, 8)),
    ("checked", D(2024, 4, 1), None),
    ("at_council", D(2024, 4, 10), None),
    ("approved", D(2024, 4, 12), None),
    ("decided", D(2024, 4, 22), None),
]
STEPS_Y = [
    ("draft", D(2024, 3, 1), None),
    ("submitted", D(2024, 3, 5), D(2024, 3, 7)),
]


def build(world):
    x = dossier_with_history(
        world.unit_a, world.province, [(s, at(d), dl) for s, d, dl in STEPS_X]
    )
    y = dossier_with_history(
        world.unit_b, world.province, [(s, at(d), dl) for s, d, dl in STEPS_Y]
    )
    return x, y


def row(table, label):
    found = next(r for r in table.rows if r.label == label)
    return [cell.value for cell in found.cells]


@time_machine.travel(datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC))
def test_step_table_from_hand_counted_histories(world):
    build(world)
    table = processing.step_table(scope_for(world.secretariat), Filters())
    # done, mean, median, mean working days, longest, late, open, oldest open
    draft = row(table, "Đang soạn")
    assert draft[:3] == [2, Decimal("3.5"), Decimal("3.5")]
    assert draft[4:] == [4, 0, 0, None]
    submitted = row(table, "Đã gửi, chờ tiếp nhận")
    assert submitted[0] == 1 and submitted[1] == 4 and submitted[5] == 1  # late
    assert submitted[6:] == [1, 57]  # Y waits since 5/3
    review = row(table, "Đang thẩm định")
    assert review[:3] == [2, Decimal("8.5"), Decimal("8.5")] and review[4] == 10
    assert row(table, "Trả lại để bổ sung")[:2] == [1, 4]
    assert row(table, "Đã thẩm định, chờ trình Hội đồng")[:2] == [1, 9]
    assert row(table, "Hội đồng đề nghị khen thưởng")[:2] == [1, 10]


@time_machine.travel(datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC))
def test_working_days_agree_with_the_calendar_of_orgs(world):
    build(world)
    stays = processing.passages(scope_for(world.secretariat), Filters())
    assert len(stays) == 11
    for stay in stays:
        end = timezone.localtime(stay.left).date() if stay.left else D(2024, 5, 1)
        start = timezone.localtime(stay.entered).date()
        assert stay.working_days == working_days_between(start, end)


@time_machine.travel(datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC))
def test_drill_lists_the_late_and_the_open_stays(world, client):
    x, y = build(world)
    client.force_login(world.secretariat)
    table = processing.step_table(scope_for(world.secretariat), Filters())
    submitted = next(r for r in table.rows if r.label == "Đã gửi, chờ tiếp nhận")
    late = client.get(submitted.cells[5].url)
    assert late.status_code == 200
    assert late.context["total"] == 1
    assert x.reference in late.content.decode()
    waiting = client.get(submitted.cells[6].url)
    assert waiting.context["total"] == 1
    assert y.reference in waiting.content.decode()


@time_machine.travel(datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC))
def test_an_officer_sees_only_its_units_dossiers(world):
    build(world)
    table = processing.step_table(scope_for(world.officer_b), Filters())
    assert row(table, "Đang soạn")[0] == 1  # Y only
    assert row(table, "Đang thẩm định")[0] == 0


def test_page_renders_with_chart(world, client):
    build(world)
    client.force_login(world.leader)
    response = client.get(reverse("reports:processing"))
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
