"""Dashboard panels of the reports app: who sees which, what they count, and their
query counts with 2 and 20 rows."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clusters.models import ClusterFollower
from orgs.scoping import scope_for
from reports.selectors import dashboards
from tests.factories import PersonFactory, UserFactory
from tests.factories_clusters import make_cluster
from tests.factories_councils import (
    CouncilMemberFactory,
    MeetingFactory,
    seated_council,
)
from tests.factories_reports import award, dossier_with_history, small_world

pytestmark = pytest.mark.django_db


def panel_keys(response) -> set[str]:
    return {panel.key for panel, _context in response.context["panels"]}


def test_leader_gets_the_year_in_numbers_not_the_queue(client, world):
    client.force_login(world.leader)
    keys = panel_keys(client.get(reverse("orgs:dashboard")))
    assert "reports-year" in keys
    assert "reports-queue-age" not in keys and "reports-overdue" not in keys


def test_secretariat_gets_queue_by_age_and_overdue(client, world):
    client.force_login(world.secretariat)
    keys = panel_keys(client.get(reverse("orgs:dashboard")))
    assert {"reports-year", "reports-queue-age", "reports-overdue"} <= keys


def test_unit_officer_gets_none_of_the_leaders_cards(client, world):
    client.force_login(world.officer_a)
    keys = panel_keys(client.get(reverse("orgs:dashboard")))
    assert not keys & {"reports-year", "reports-queue-age", "reports-overdue"}


def test_year_in_numbers_counts_decisions_of_each_year(world):
    small_world(world)
    found = dashboards.year_in_numbers(scope_for(world.secretariat), 2025)
    rows = {str(row["label"]): [c[0] for c in row["cells"]] for row in found["rows"]}
    assert found["years"] == [2025, 2024]
    assert rows["Khen thưởng đã quyết định"] == ["13", "6"]
    assert rows["Nhà nước"] == ["3", "0"]
    assert rows["Bộ, ban, ngành, tỉnh"] == ["3", "0"]
    assert rows["Cơ sở"] == ["7", "6"]
    assert rows["Cá nhân được khen thưởng"] == ["9", "5"]
    assert rows["trong đó người lao động trực tiếp"] == ["4", "3"]
    assert rows["Tỷ lệ so với chỉ tiêu"] == ["44,4% / 30%", "60% / 30%"]
    assert rows["Tập thể được khen thưởng"] == ["3", "1"]


def figures(found) -> list[list[str]]:
    return [[cell[0] for cell in row["cells"]] for row in found["rows"]]


def test_year_in_numbers_is_cached_per_scope_and_day(world):
    small_world(world)
    day = datetime.date(2025, 12, 1)
    province, unit_a = scope_for(world.secretariat), scope_for(world.officer_a)
    live = figures(dashboards.year_in_numbers(province, 2025))
    assert figures(dashboards.year_in_numbers_cached(province, day)) == live
    with CaptureQueriesContext(connection) as captured:
        again = dashboards.year_in_numbers_cached(province, day)
    assert not captured.captured_queries and figures(again) == live
    # Another scope never gets the province's figures, nor does the next day.
    own = figures(dashboards.year_in_numbers(unit_a, 2025))
    assert own != live
    assert figures(dashboards.year_in_numbers_cached(unit_a, day)) == own
    with CaptureQueriesContext(connection) as captured:
        dashboards.year_in_numbers_cached(province, day + datetime.timedelta(days=1))
    assert captured.captured_queries


def test_year_in_numbers_links_each_figure_to_its_records(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    found = dashboards.year_in_numbers(scope_for(world.secretariat), 2025)
    for row in found["rows"]:
        for text, url, _css in row["cells"]:
            if url:
                response = client.get(url)
                assert response.status_code == 200
                assert str(response.context["total"]) == text, (row["label"], url)


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days, hours=1)


def queue(world, ages: list[int], status: str = "submitted") -> None:
    for age in ages:
        dossier_with_history(
            world.unit_a,
            world.province,
            [("draft", ago(age + 2), None), (status, ago(age), None)],
        )


def test_queue_by_step_and_age(world, client):
    queue(world, [1, 3, 9, 40])
    queue(world, [20], status="under_review")
    found = dashboards.queue_by_age(scope_for(world.secretariat))
    steps = {str(step["label"]): step for step in found["steps"]}
    submitted = steps["Đã gửi, chờ tiếp nhận"]
    assert [cell[0] for cell in submitted["cells"]] == [2, 1, 0, 1]
    assert submitted["total"][0] == 4
    assert [c[0] for c in steps["Đang thẩm định"]["cells"]] == [0, 0, 1, 0]
    client.force_login(world.secretariat)
    listed = client.get(submitted["cells"][0][1])
    assert listed.context["total"] == 2
    assert dashboards.queue_by_age(scope_for(world.officer_a))["total"] == 0


def test_overdue_counts_queue_and_unit_corrections_apart(world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    dossier_with_history(
        world.unit_a, world.province, [("submitted", ago(5), yesterday)]
    )
    dossier_with_history(
        world.unit_b, world.province, [("returned", ago(9), yesterday)]
    )
    dossier_with_history(
        world.unit_b, world.province, [("returned", ago(1), timezone.localdate())]
    )
    found = dashboards.overdue_items(scope_for(world.secretariat))
    assert found["queue"][0] == 1
    assert found["returned"][0] == 1


def test_council_member_sees_sessions_and_followed_clusters(client, world):
    member_user = UserFactory(username="member")
    person = PersonFactory(unit=world.unit_a, user=member_user)
    council, composition, _members = seated_council(world.province, size=3)
    seat = CouncilMemberFactory(composition=composition, person=person)
    MeetingFactory(
        council=council, starts_at=timezone.now() + datetime.timedelta(days=5)
    )
    built = make_cluster(world, year=timezone.localdate().year)
    ClusterFollower.objects.create(cluster_year=built.year, council_member=seat)
    client.force_login(member_user)
    response = client.get(reverse("orgs:dashboard"))
    keys = panel_keys(response)
    assert {"reports-sessions", "reports-followed"} <= keys
    html = response.content.decode()
    assert built.cluster.short_name in html


def measure(client, user) -> int:
    client.force_login(user)
    client.get(reverse("orgs:dashboard"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("orgs:dashboard")).status_code == 200
    return len(captured.captured_queries)


def council_member(world) -> object:
    user = UserFactory(username="member")
    person = PersonFactory(unit=world.unit_a, user=user)
    _council, composition, _members = seated_council(world.province, size=3)
    CouncilMemberFactory(composition=composition, person=person)
    return user


@pytest.mark.parametrize(
    "persona", ["secretariat", "leader", "officer_a", "council_member"]
)
def test_dashboard_queries_stay_constant_from_2_to_20_rows(client, world, persona):
    """Issue 8: at most 20 queries, whatever the number of rows (every panel of
    every app included; "year in numbers" is cached after the first view)."""
    user = (
        council_member(world)
        if persona == "council_member"
        else getattr(world, persona)
    )

    def grow(count: int) -> None:
        for index in range(count):
            person = PersonFactory(unit=world.unit_a, is_direct_worker=index % 2 == 0)
            award(person, "LDTT", timezone.localdate().year - 1)
            queue(world, [index % 35])
            queue(world, [index % 35], status="returned")

    grow(2)
    few = measure(client, user)
    grow(18)
    assert measure(client, user) == few
    assert few <= 20, few


def test_queue_cards_share_one_count_of_the_queue(client, world):
    """The awards queue card and the reports "queue by age" and "overdue" cards
    read the secretariat's dossiers by status once per request, with the same
    figures as when each counts on its own."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    queue(world, [1, 9, 40])
    dossier_with_history(
        world.unit_a, world.province, [("submitted", ago(5), yesterday)]
    )
    dossier_with_history(
        world.unit_b, world.province, [("returned", ago(9), yesterday)]
    )
    client.force_login(world.secretariat)
    response = client.get(reverse("orgs:dashboard"))
    panels = {panel.key: context for panel, context in response.context["panels"]}
    scope = scope_for(world.secretariat)
    alone = dashboards.queue_by_age(scope)
    assert panels["reports-queue-age"]["steps"] == alone["steps"]
    assert panels["reports-queue-age"]["total"] == alone["total"] == 4
    overdue = dashboards.overdue_items(scope)
    assert panels["reports-overdue"]["queue"] == overdue["queue"]
    assert overdue["queue"][0] == 1 and overdue["returned"][0] == 1
    counts = panels["awards-queue"]
    assert counts["total"] == 4 and counts["overdue"] == 2
    submitted = {step["status"]: step["count"] for step in counts["steps"]}
    assert submitted["submitted"] == 4
    dashboard = client.get(reverse("orgs:dashboard"))
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("orgs:dashboard"))
    by_status = [
        query
        for query in captured.captured_queries
        if 'FROM "awards_dossier"' in query["sql"] and 'AS "overdue"' in query["sql"]
    ]
    assert len(by_status) == 1 and dashboard.status_code == 200
