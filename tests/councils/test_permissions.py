"""Who sees and does what: the secretariat edits, members read their council and
answer its consultations, others see nothing (404)."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from councils import services
from orgs import services as org_services
from orgs.models import Role
from tests.factories import PersonFactory, UserFactory
from tests.factories_councils import at, mark, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def setting(world):
    """A council of unit A; ``member`` sits on it (a person of unit B with a login)."""
    member_user = UserFactory(username="thanhvien")
    person = PersonFactory(
        full_name="Hoàng Văn Long", unit=world.unit_b, user=member_user
    )
    council, _composition, members = seated_council(
        world.unit_a, size=4, people=[person]
    )
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    consultation = services.consultation_create(
        council=council, actor=None, question="Xin ý kiến", deadline=at(D(2099, 1, 1))
    )
    services.consultation_send(consultation=consultation, actor=None)
    return {
        "member": member_user,
        "seat": members[0],
        "council": council,
        "meeting": meeting,
        "consultation": consultation,
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_member_reads_the_council_and_its_sessions(setting):
    client = client_for(setting["member"])
    assert client.get(reverse("councils:council-list")).status_code == 200
    page = client.get(reverse("councils:council-detail", args=[setting["council"].pk]))
    assert page.status_code == 200 and "Hoàng Văn Long" in page.content.decode()
    assert (
        client.get(
            reverse("councils:meeting-detail", args=[setting["meeting"].pk])
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("councils:minutes-pdf", args=[setting["meeting"].pk])
        ).status_code
        == 200
    )


def test_member_cannot_edit(setting):
    client = client_for(setting["member"])
    assert (
        client.get(
            reverse("councils:council-update", args=[setting["council"].pk])
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("councils:meeting-create", args=[setting["council"].pk])
        ).status_code
        == 403
    )
    row = setting["meeting"].attendances.first()
    response = client.post(
        reverse("councils:attendance-update", args=[row.pk]), {"status": "present"}
    )
    assert response.status_code == 403


def test_member_answers_a_consultation_in_the_app(setting):
    client = client_for(setting["member"])
    url = reverse("councils:consultation-answer", args=[setting["consultation"].pk])
    response = client.post(url, {"choice": "agree", "comment": ""})
    assert response.status_code == 302
    answer = setting["consultation"].answers.get()
    assert answer.member == setting["seat"] and answer.answered_by == setting["member"]


def test_member_sees_the_tally_but_not_each_answer(setting, world):
    services.consultation_answer(
        consultation=setting["consultation"],
        member=setting["consultation"].meeting.attendances.last().member,
        actor=None,
        choice="disagree",
        comment="Lý do riêng của thành viên khác",
    )
    member_page = client_for(setting["member"]).get(
        reverse("councils:consultation-detail", args=[setting["consultation"].pk])
    )
    staff_page = client_for(world.secretariat).get(
        reverse("councils:consultation-detail", args=[setting["consultation"].pk])
    )
    assert "Lý do riêng của thành viên khác" not in member_page.content.decode()
    assert "Lý do riêng của thành viên khác" in staff_page.content.decode()


def test_secretariat_cannot_answer_for_itself_but_records_paper_answers(setting, world):
    client = client_for(world.secretariat)
    pk = setting["consultation"].pk
    assert (
        client.post(
            reverse("councils:consultation-answer", args=[pk]), {"choice": "agree"}
        ).status_code
        == 403
    )
    response = client.post(
        reverse("councils:consultation-record", args=[pk]),
        {"member": setting["seat"].pk, "choice": "agree", "comment": ""},
    )
    assert response.status_code == 302
    assert setting["consultation"].answers.get().answered_by == world.secretariat


@pytest.mark.parametrize("persona", ["outsider", "officer_b"])
def test_others_see_nothing(setting, world, persona):
    client = client_for(getattr(world, persona))
    for name, key in (
        ("councils:council-detail", "council"),
        ("councils:meeting-detail", "meeting"),
        ("councils:consultation-detail", "consultation"),
        ("councils:minutes-pdf", "meeting"),
    ):
        assert client.get(reverse(name, args=[setting[key].pk])).status_code == 404, (
            name
        )


def test_council_list_shows_only_visible_councils(setting, world):
    seated_council(world.unit_b, size=2)
    names = [
        c.owner_unit
        for c in client_for(setting["member"])
        .get(reverse("councils:council-list"))
        .context["object_list"]
    ]
    assert names == [world.unit_a]
    officer_b = (
        client_for(world.officer_b)
        .get(reverse("councils:council-list"))
        .context["object_list"]
    )
    assert [c.owner_unit for c in officer_b] == [world.unit_b]


def test_a_member_who_left_loses_access(setting):
    services.member_leave(member=setting["seat"], actor=None, left_on=D(2023, 1, 1))
    client = client_for(setting["member"])
    assert (
        client.get(
            reverse("councils:council-detail", args=[setting["council"].pk])
        ).status_code
        == 404
    )
    assert client.get(reverse("councils:council-list")).status_code == 403


def test_task_is_completed_by_the_officers_of_its_unit(setting, world):
    meeting = setting["meeting"]
    mark(meeting, present=4)
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Giao việc"
    )
    task = services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Tham mưu",
        assignee_unit=world.unit_b1,
    )
    officer = UserFactory(username="canbo_b1")
    org_services.role_grant(
        user=officer, unit=world.unit_b1, role=Role.UNIT_OFFICER, actor=None
    )
    url = reverse("councils:task-complete", args=[task.pk])
    assert client_for(world.officer_b).get(url).status_code == 404
    response = client_for(officer).post(
        url, {"done_on": "2022-03-20", "result_note": "Đã xong"}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "done" and str(task.done_on) == "2022-03-20"
