"""Sessions: numbering, the attendance list from the composition in force, quorum."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from councils import services
from councils.models import Attendance, Meeting
from councils.selectors import meeting_queryset, meeting_quorum
from orgs.models import AuditEntry
from tests.factories_councils import MeetingFactory, at, mark, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def council(world):
    council, _composition, _members = seated_council(world.unit_a, size=9)
    return council


def test_sessions_are_numbered_within_the_year(council):
    first = MeetingFactory(council=council, starts_at=at(D(2022, 3, 9)))
    second = MeetingFactory(
        council=council, starts_at=at(D(2022, 6, 9)), kind="extraordinary"
    )
    next_year = MeetingFactory(council=council, starts_at=at(D(2023, 1, 9)))
    assert (first.number, second.number, next_year.number) == (1, 2, 1)
    assert first.title == "Phiên họp lần thứ Nhất năm 2022"
    assert second.title == "Phiên họp lần thứ Hai năm 2022 (bất thường)"


def test_attendance_list_is_the_composition_in_force_that_day(world, council):
    services.composition_create(
        council=council,
        actor=None,
        decision_number="1186/QĐ-UBND",
        decision_date=D(2022, 3, 21),
        decision_issuer="UBND",
        copy_members=False,
    )
    before = MeetingFactory(council=council, starts_at=at(D(2022, 3, 9)))
    assert before.attendances.count() == 9
    with pytest.raises(ValidationError, match="Chưa có thành phần"):
        MeetingFactory(council=council, starts_at=at(D(2019, 3, 9)))


def test_chair_and_secretary_default_to_the_seats_of_that_day(council):
    meeting = MeetingFactory(council=council)
    assert meeting.chair is not None and meeting.secretary is not None
    assert meeting.chair != meeting.secretary


def test_quorum_is_two_thirds_from_the_dated_parameter(council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=6)
    quorum = meeting_quorum(meeting_queryset().get(pk=meeting.pk))
    assert (quorum.present, quorum.total, quorum.required, quorum.reached) == (
        6,
        9,
        6,
        True,
    )


def test_below_quorum_refuses_votes_and_conclusions_in_vietnamese(council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=5)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Kế hoạch năm"
    )
    with pytest.raises(ValidationError, match="không đủ số thành viên dự họp") as error:
        services.vote_record(
            agenda_item=item,
            actor=None,
            question="Thông qua",
            method="show_of_hands",
            votes_for=5,
        )
    assert "có mặt 5/9, cần ít nhất 6" in str(error.value)
    with pytest.raises(ValidationError, match="không được kết luận"):
        services.conclusion_create(meeting=meeting, actor=None, text="Thống nhất")
    assert not item.votes.exists()


def test_representative_does_not_count_towards_quorum(council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=6)
    row = meeting.attendances.filter(status="present").first()
    services.attendance_mark(
        attendance=row,
        actor=None,
        status="represented",
        representative="Lê Văn Phó, Phó Trưởng phòng",
    )
    quorum = meeting_quorum(meeting_queryset().get(pk=meeting.pk))
    assert quorum.present == 5 and quorum.reached is False


def test_represented_needs_a_name(council):
    meeting = MeetingFactory(council=council)
    row = meeting.attendances.first()
    with pytest.raises(ValidationError, match="người dự thay"):
        services.attendance_mark(attendance=row, actor=None, status="represented")


def test_attendance_is_locked_once_votes_are_recorded(council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=9)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Kế hoạch năm"
    )
    services.vote_record(
        agenda_item=item,
        actor=None,
        question="Thông qua",
        method="show_of_hands",
        votes_for=9,
    )
    row = meeting.attendances.first()
    with pytest.raises(ValidationError, match="xóa các kết quả biểu quyết"):
        services.attendance_mark(attendance=row, actor=None, status="absent")


def test_close_requires_everyone_called(council):
    meeting = MeetingFactory(council=council)
    with pytest.raises(ValidationError, match="chưa điểm danh"):
        services.meeting_close(
            meeting=meeting, actor=None, ends_at=at(D(2022, 3, 9), 16)
        )
    services.attendance_mark_all_present(meeting=meeting, actor=None)
    services.meeting_close(meeting=meeting, actor=None, ends_at=at(D(2022, 3, 9), 16))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    with pytest.raises(ValidationError, match="không thể chuyển"):
        services.meeting_close(meeting=meeting, actor=None)


def test_tasks_go_to_members_of_that_day_or_units(world, council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=9)
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Giao nhiệm vụ"
    )
    member = meeting.attendances.first().member
    task = services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Tham mưu văn bản",
        assignee_member=member,
        due_on=D(2022, 3, 31),
    )
    assert task.is_overdue(D(2022, 4, 1)) is True
    assert task.is_overdue(D(2022, 3, 31)) is False
    with pytest.raises(ValidationError, match="chọn thành viên hoặc cơ quan"):
        services.task_create(conclusion=conclusion, actor=None, description="Không ai")
    stranger = seated_council(world.unit_b, size=2)[2][0]
    with pytest.raises(ValidationError, match="không phải thành viên"):
        services.task_create(
            conclusion=conclusion, actor=None, description="x", assignee_member=stranger
        )
    done = services.task_complete(task=task, actor=None, done_on=D(2022, 3, 30))
    assert done.status == "done" and done.is_overdue(D(2022, 4, 1)) is False


def test_moving_the_date_relists_the_members(world, council):
    meeting = MeetingFactory(council=council, starts_at=at(D(2022, 3, 9)))
    member = meeting.attendances.first().member
    services.member_leave(member=member, actor=None, left_on=D(2022, 3, 15))
    assert meeting.attendances.count() == 9
    services.meeting_update(meeting=meeting, actor=None, starts_at=at(D(2022, 3, 20)))
    assert meeting.attendances.count() == 8
    assert not meeting.attendances.filter(member=member).exists()


def test_every_change_is_audited(council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=9)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"councils.meeting.created", "councils.attendance.marked"} <= actions
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 9
