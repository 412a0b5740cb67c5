"""The demo gives every chart and form a real shape, and a second run adds nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import AwardRecord, Dossier, Initiative, Movement
from clusters.models import ClusterYear
from orgs.scoping import scope_for
from reports import official
from reports.filters import Filters
from reports.official.movements_form import duration_band
from reports.selectors import direct, processing

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        AwardRecord.objects.count(),
        Movement.objects.count(),
        Initiative.objects.count(),
        Dossier.objects.count(),
        ClusterYear.objects.filter(ranking_published_at__isnull=False).count(),
    )


def test_demo_fills_every_report_and_is_idempotent(settings):
    """(Also the dashboards of the demo logins, seeded once for both.)"""
    settings.DEBUG = True
    with open("/dev/null", "w") as sink:
        call_command("seed_demo", stdout=sink)
        first = counts()
        call_command("seed_demo", stdout=sink)
    assert counts() == first
    city = scope_for(get_user_model().objects.get(username="lanhdao.hanoi"))
    records = AwardRecord.objects.visible_to(city)
    assert set(records.values_list("year", flat=True)) >= set(range(2019, 2026))
    assert set(records.values_list("award_kind__level", flat=True)) == {10, 20, 30}
    assert set(records.values_list("award_type", flat=True)) >= {
        "regular",
        "ad_hoc",
        "movement",
        "long_service",
        "foreign",
    }
    assert records.filter(household__isnull=False).exists()
    assert records.filter(collective__kind="enterprise").exists()
    # the direct-worker share rises from 2019 to 2025 against the city's own target
    table, goal = direct.by_year(city, Filters(year_from=2019, year_to=2025))
    shares = [row.cells[2].value for row in table.rows]
    assert shares[-1] > shares[0] and goal[2025].own
    # the State form has figures in rows of subjects and methods
    form = official.fill("0602", city, Filters(unit=_hanoi(), year=2025))
    totals = {row.line.code: row.cells[0].value for row in form.rows if row.cells}
    assert totals["01"] > 0 and totals["04"] > 0 and totals["07"] > 0
    movements = Movement.objects.visible_to(city)
    assert len({duration_band(m.starts_on, m.ends_on) for m in movements}) >= 4
    assert set(
        Initiative.objects.visible_to(city).values_list("recognised_scope", flat=True)
    ) >= {10, 20, 30}
    for name in ("Cụm thi đua số 7 – khối sở, ngành", "Khối Thi đua Tổng hợp"):
        published = ClusterYear.objects.filter(
            cluster__name=name, ranking_published_at__isnull=False
        )
        assert published.count() >= 3
    stays = processing.passages(city, Filters())
    assert max(stay.days for stay in stays) >= 10
    dashboards_within_budget()


# Every card of every app shows for the district secretariat of the demo: the
# monthly list, sessions, tasks and consultations (it sits on the council too),
# the queue, decisions, clusters it oversees.
BUSY = {
    "awards-decisions",
    "awards-monthly",
    "awards-queue",
    "reports-overdue",
    "reports-queue-age",
    "reports-sessions",
}


def dashboards_within_budget() -> None:
    """Issue 8: at most 20 queries on the dashboard of every demo login, including
    the ones that see every card at once (the test world's personas see fewer)."""
    logins = get_user_model().objects.filter(is_active=True).order_by("username")
    assert logins.count() >= 10
    seen: set[str] = set()
    for user in logins:
        client = Client()
        client.force_login(user)
        client.get(reverse("orgs:dashboard"))  # the cached year in numbers
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("orgs:dashboard"))
        assert response.status_code == 200, user.username
        keys = {panel.key for panel, _context in response.context["panels"]}
        if user.username == "noivu.hbt":
            assert keys >= BUSY, BUSY - keys
        assert len(captured.captured_queries) <= 20, (user.username, sorted(keys))
        seen |= keys
    assert {"reports-clusters", "councils-tasks", "councils-consultations"} <= seen, (
        seen
    )


def _hanoi():
    from orgs.models import Unit

    return Unit.objects.get(code="HN")
