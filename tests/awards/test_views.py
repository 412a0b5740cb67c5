"""Staff pages: the unit sees its dossiers and why one came back, another unit gets
404, transitions through the confirmation page, constant query counts on lists."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Dossier
from awards.services import dossiers as services
from tests.factories import PersonFactory
from tests.factories_awards import D, dossier, results, submitted, under_review

pytestmark = pytest.mark.django_db


def test_officer_of_another_unit_gets_404(client, world):
    target = dossier(world.unit_a, "LDTT", people=[world.person_a])
    client.force_login(world.officer_b)
    for name in (
        "awards:dossier-detail",
        "awards:dossier-update",
        "awards:dossier-nominees",
    ):
        assert client.get(reverse(name, args=[target.pk])).status_code == 404
    response = client.post(
        reverse("awards:dossier-transition", args=[target.pk, "submit"])
    )
    assert response.status_code == 404
    assert Dossier.objects.get(pk=target.pk).status == "draft"


def test_officer_cannot_process_own_dossier(client, world):
    target = submitted(dossier(world.unit_a, "LDTT", people=[world.person_a]))
    client.force_login(world.officer_a)
    response = client.post(
        reverse("awards:dossier-transition", args=[target.pk, "start-review"])
    )
    assert response.status_code == 403


def test_leader_reads_but_cannot_remove_a_nominee(client, world):
    target = dossier(world.unit_a, "LDTT", people=[world.person_a])
    client.force_login(world.leader)
    assert client.get(target.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("awards:nomination-remove", args=[target.nominations.get().pk])
    )
    assert response.status_code == 403


def test_unit_sees_why_its_dossier_came_back(client, world):
    results(world.person_a, y2024="HTTNV")
    target = under_review(dossier(world.unit_a, "LDTT", people=[world.person_a]))
    services.dossier_return(
        dossier=target, actor=world.secretariat, reason="Bổ sung biên bản họp Hội đồng"
    )
    client.force_login(world.officer_a)
    body = client.get(target.get_absolute_url()).content.decode()
    assert (
        "Hồ sơ bị trả lại để bổ sung" in body
        and "Bổ sung biên bản họp Hội đồng" in body
    )
    assert reverse("awards:dossier-transition", args=[target.pk, "resubmit"]) in body


def test_transition_page_confirms_then_moves_and_reports_service_errors(client, world):
    target = dossier(world.unit_a, "LDTT", people=[world.person_a])
    client.force_login(world.officer_a)
    url = reverse("awards:dossier-transition", args=[target.pk, "submit"])
    page = client.get(url)
    assert page.status_code == 200 and "Gửi hồ sơ" in page.content.decode()
    response = client.post(url, {"version": target.version}, follow=True)
    assert "Còn thiếu thành phần hồ sơ bắt buộc" in response.content.decode()
    assert Dossier.objects.get(pk=target.pk).status == "draft"


def test_a_stale_confirmation_is_refused(client, world):
    target = under_review(dossier(world.unit_a, "LDTT", people=[world.person_a]))
    client.force_login(world.secretariat)
    stale = target.version
    services.dossier_return(
        dossier=target, actor=world.secretariat, reason="x", version=stale
    )
    services.dossier_resubmit(
        dossier=Dossier.objects.get(pk=target.pk), actor=world.officer_a
    )
    services.dossier_start_review(dossier=target, actor=world.secretariat)
    response = client.post(
        reverse("awards:dossier-transition", args=[target.pk, "return"]),
        {"version": stale, "reason": "y"},
        follow=True,
    )
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert Dossier.objects.get(pk=target.pk).status == "under_review"


def test_unknown_move_is_404(client, world):
    target = dossier(world.unit_a, "LDTT")
    client.force_login(world.officer_a)
    assert (
        client.get(
            reverse("awards:dossier-transition", args=[target.pk, "teleport"])
        ).status_code
        == 404
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_dossier_list_and_queue_have_constant_queries(client, world):
    def make(count):
        for _ in range(count):
            submitted(
                dossier(world.unit_a, "LDTT", people=[PersonFactory(unit=world.unit_a)])
            )

    client.force_login(world.secretariat)
    make(2)
    two = (
        queries_for(client, reverse("awards:dossier-list")),
        queries_for(client, reverse("awards:dossier-queue")),
    )
    make(18)
    twenty = (
        queries_for(client, reverse("awards:dossier-list")),
        queries_for(client, reverse("awards:dossier-queue")),
    )
    assert two == twenty


def test_dossier_list_counts_only_nominees_not_excluded(world):
    from awards.models import Nomination
    from awards.selectors import dossiers as selectors
    from orgs.scoping import scope_for

    people = [PersonFactory(unit=world.unit_a) for _ in range(3)]
    target = submitted(dossier(world.unit_a, "LDTT", people=people))
    target.nominations.filter(person=people[0]).update(
        outcome=Nomination.Outcome.EXCLUDED
    )
    empty = dossier(world.unit_a, "LDTT")
    scope = scope_for(world.secretariat)
    counts = {d.pk: d.nominee_count for d in selectors.dossier_list(scope=scope)}
    assert counts[target.pk] == 2 and counts[empty.pk] == 0
    queue = {d.pk: d.nominee_count for d in selectors.dossier_queue(scope=scope)}
    assert queue[target.pk] == 2


def test_dossier_page_has_constant_queries(client, world):
    target = dossier(world.unit_a, "LDTT")
    client.force_login(world.officer_a)
    from awards.services.nominations import nominations_add

    nominations_add(
        dossier=target,
        actor=None,
        person_ids=[PersonFactory(unit=world.unit_a).pk for _ in range(2)],
    )
    two = queries_for(client, target.get_absolute_url())
    nominations_add(
        dossier=target,
        actor=None,
        person_ids=[PersonFactory(unit=world.unit_a).pk for _ in range(18)],
    )
    assert queries_for(client, target.get_absolute_url()) == two


def test_record_list_has_constant_queries(client, world):
    from tests.factories_awards import record

    client.force_login(world.officer_a)
    for year in (2020, 2021):
        record(world.person_a, "LDTT", year)
    two = queries_for(client, reverse("awards:record-list"))
    for year in range(2000, 2018):
        record(world.person_a, "LDTT", year)
    assert queries_for(client, reverse("awards:record-list")) == two


def test_queue_shows_overdue_markers(client, world):
    target = submitted(dossier(world.unit_a, "LDTT", people=[world.person_a]))
    Dossier.objects.filter(pk=target.pk).update(deadline=D(2020, 1, 1))
    client.force_login(world.secretariat)
    body = client.get(reverse("awards:dossier-queue") + "?overdue=on").content.decode()
    assert target.reference in body and "Quá hạn" in body


def test_person_page_shows_results_awards_and_streaks(client, world):
    from tests.factories_awards import record

    results(world.person_a, y2023="HTTNV", y2024="HTXS")
    for year in (2022, 2023, 2024):
        record(world.person_a, "CSTDCS", year)
    client.force_login(world.officer_a)
    body = client.get(
        reverse("orgs:person-detail", args=[world.person_a.pk])
    ).content.decode()
    assert "Chiến sĩ thi đua cơ sở: 3 năm liên tục (đến 2024)" in body
    assert "Hoàn thành xuất sắc nhiệm vụ" in body


def test_dashboard_panels(client, world):
    target = under_review(dossier(world.unit_a, "LDTT", people=[world.person_a]))
    services.dossier_return(dossier=target, actor=world.secretariat, reason="Thiếu")
    client.force_login(world.officer_a)
    assert target.reference in client.get(reverse("orgs:dashboard")).content.decode()
    client.force_login(world.secretariat)
    assert "Hồ sơ chờ xử lý" in client.get(reverse("orgs:dashboard")).content.decode()


def test_secretariat_sees_only_dossiers_submitted_to_units_it_serves(client, world):
    from orgs.models import Role
    from orgs.services import role_grant
    from tests.factories import UserFactory

    ward_secretary = UserFactory(username="ward_secretary")
    role_grant(
        user=ward_secretary, unit=world.unit_b, role=Role.SECRETARIAT, actor=None
    )
    to_province = submitted(dossier(world.unit_a, "CSTDT", people=[world.person_a]))
    client.force_login(ward_secretary)
    assert (
        to_province.reference
        not in client.get(reverse("awards:dossier-queue")).content.decode()
    )
    client.force_login(world.secretariat)
    assert (
        to_province.reference
        in client.get(reverse("awards:dossier-queue")).content.decode()
    )
