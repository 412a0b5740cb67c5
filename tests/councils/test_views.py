"""Staff pages: constant query counts, inline attendance and votes over htmx,
the dashboard panels."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils import services
from tests.factories import UserFactory
from tests.factories_councils import CouncilFactory, at, mark, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date
HTMX = {"HTTP_HX_REQUEST": "true"}


def count_queries(client: Client, url: str, **extra) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(queries), response


@pytest.fixture
def secretariat(world):
    client = Client()
    client.force_login(world.secretariat)
    return client


def test_council_list_costs_the_same_for_2_and_20_councils(world, secretariat):
    url = reverse("councils:council-list")
    for _ in range(2):
        seated_council(world.unit_a, size=3)
    few, _response = count_queries(secretariat, url)
    for _ in range(18):
        CouncilFactory(owner_unit=world.unit_a1)
    many, response = count_queries(secretariat, url)
    assert len(response.context["object_list"]) == 20
    assert few == many


def test_council_page_costs_the_same_for_2_and_20_members(world, secretariat):
    small = seated_council(world.unit_a, size=2)[0]
    large = seated_council(world.unit_a, size=20)[0]
    for council in (small, large):
        meeting = services.meeting_create(
            council=council, actor=None, starts_at=at(D(2022, 3, 9))
        )
        mark(meeting, present=2)
    few, _ = count_queries(
        secretariat, reverse("councils:council-detail", args=[small.pk])
    )
    many, _ = count_queries(
        secretariat, reverse("councils:council-detail", args=[large.pk])
    )
    assert few == many


@pytest.mark.parametrize("view", ["councils:meeting-detail", "councils:minutes-pdf"])
def test_session_pages_cost_the_same_for_2_and_20_members(world, secretariat, view):
    counts = []
    for size in (2, 20):
        council = seated_council(world.unit_a, size=size)[0]
        meeting = services.meeting_create(
            council=council, actor=None, starts_at=at(D(2022, 3, 9))
        )
        mark(meeting, present=size)
        item = services.agenda_item_create(
            meeting=meeting, actor=None, title="Kế hoạch"
        )
        services.vote_record(
            agenda_item=item,
            actor=None,
            question="Thông qua",
            method="show_of_hands",
            votes_for=size,
        )
        counts.append(count_queries(secretariat, reverse(view, args=[meeting.pk]))[0])
    assert counts[0] == counts[1]


def test_council_page_shows_the_next_regular_session_due(world, secretariat):
    council = seated_council(world.unit_a, size=3)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    services.attendance_mark_all_present(meeting=meeting, actor=None)
    services.meeting_close(meeting=meeting, actor=None, ends_at=at(D(2022, 3, 9), 16))
    response = secretariat.get(reverse("councils:council-detail", args=[council.pk]))
    assert response.context["next_due"] == D(2022, 6, 9)
    assert "đến hạn trước 09/6/2022" in response.content.decode()


def test_attendance_saves_over_htmx_and_updates_the_quorum(world, secretariat):
    council = seated_council(world.unit_a, size=3)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    row = meeting.attendances.first()
    response = secretariat.post(
        reverse("councils:attendance-update", args=[row.pk]),
        {"status": "present"},
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="att-{row.pk}"' in body
    assert 'id="quorum"' in body and 'hx-swap-oob="true"' in body
    assert "Có mặt 1/3" in body
    row.refresh_from_db()
    assert row.status == "present"


def test_attendance_error_is_shown_in_the_row(world, secretariat):
    council = seated_council(world.unit_a, size=3)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    row = meeting.attendances.first()
    response = secretariat.post(
        reverse("councils:attendance-update", args=[row.pk]),
        {"status": "represented"},
        **HTMX,
    )
    assert "Hãy ghi họ tên, chức vụ người dự thay." in response.content.decode()


def test_vote_entry_over_htmx_returns_the_item_with_its_result(world, secretariat):
    council = seated_council(world.unit_a, size=4)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=4)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Kế hoạch năm"
    )
    response = secretariat.post(
        reverse("councils:vote-create", args=[item.pk]),
        {
            "question": "Thông qua kế hoạch",
            "method": "show_of_hands",
            "votes_for": 3,
            "votes_against": 1,
            "abstentions": 0,
        },
        **HTMX,
    )
    body = response.content.decode()
    assert f'id="item-{item.pk}"' in body and "Thông qua kế hoạch" in body
    assert "75.00%" in body or "75,00%" in body
    assert item.votes.get().passed is True


def test_vote_below_quorum_is_refused_in_the_page(world, secretariat):
    council = seated_council(world.unit_a, size=4)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=2)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Kế hoạch năm"
    )
    response = secretariat.post(
        reverse("councils:vote-create", args=[item.pk]),
        {
            "question": "Thông qua",
            "method": "show_of_hands",
            "votes_for": 2,
            "votes_against": 0,
            "abstentions": 0,
        },
        **HTMX,
    )
    assert "không đủ số thành viên dự họp theo quy định" in response.content.decode()
    assert not item.votes.exists()


def test_meeting_create_form_builds_the_session(world, secretariat):
    council = seated_council(world.unit_a, size=3)[0]
    response = secretariat.post(
        reverse("councils:meeting-create", args=[council.pk]),
        {"kind": "regular", "starts_at": "2022-03-09T14:00", "place": "Phòng họp"},
    )
    assert response.status_code == 302
    meeting = council.meetings.get()
    assert meeting.title == "Phiên họp lần thứ Nhất năm 2022"
    assert meeting.attendances.count() == 3


def test_dashboard_lists_the_members_open_tasks_with_overdue_marked(world):
    user = UserFactory(username="thanhvien")
    council, _composition, members = seated_council(world.unit_a, size=3)
    members[1].person.user = user
    members[1].person.save(update_fields=["user"])
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=3)
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Giao việc"
    )
    services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Dự trù kinh phí khen thưởng",
        assignee_member=members[1],
        due_on=D(2022, 4, 15),
    )
    services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Việc của người khác",
        assignee_member=members[2],
    )
    client = Client()
    client.force_login(user)
    body = client.get(reverse("orgs:dashboard")).content.decode()
    assert "Nhiệm vụ Hội đồng giao" in body
    assert "Dự trù kinh phí khen thưởng" in body and "Việc của người khác" not in body
    assert "quá hạn" in body


def test_dashboard_asks_members_for_pending_answers(world):
    user = UserFactory(username="thanhvien")
    council, _composition, members = seated_council(world.unit_a, size=3)
    members[0].person.user = user
    members[0].person.save(update_fields=["user"])
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question="Xin ý kiến về quy chế",
        deadline=at(D(2099, 1, 1)),
    )
    services.consultation_send(consultation=consultation, actor=None)
    client = Client()
    client.force_login(user)
    assert (
        "Xin ý kiến về quy chế"
        in client.get(reverse("orgs:dashboard")).content.decode()
    )
    services.consultation_answer(
        consultation=consultation, member=members[0], actor=user, choice="agree"
    )
    assert (
        "Xin ý kiến về quy chế"
        not in client.get(reverse("orgs:dashboard")).content.decode()
    )


def test_person_and_unit_pages_show_council_seats(world, secretariat):
    council, _composition, _members = seated_council(
        world.unit_a, size=2, people=[world.person_a]
    )
    person_page = secretariat.get(
        reverse("orgs:person-detail", args=[world.person_a.pk])
    )
    assert "Thành viên hội đồng" in person_page.content.decode()
    assert council.name in person_page.content.decode()
    unit_page = secretariat.get(reverse("orgs:unit-detail", args=[world.unit_a.pk]))
    assert "Hội đồng do đơn vị thành lập" in unit_page.content.decode()
    officer_b = Client()
    officer_b.force_login(world.officer_b)
    other = officer_b.get(
        reverse("orgs:unit-detail", args=[world.unit_b.pk])
    ).content.decode()
    assert council.name not in other
