"""Written consultations: send, answer in the app, tally with late and silent members."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from councils import services
from councils.models import Attendance, Consultation, Vote
from councils.selectors import consultation_queryset, consultation_tally
from tests.factories_councils import at, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date
PDF = b"%PDF-1.4\n%demo\n"


@pytest.fixture
def council(world):
    council, _composition, members = seated_council(world.unit_a, size=6)
    for index, member in enumerate(members):
        member.person.email = f"tv{index}@example.invalid"
        member.person.save(update_fields=["email"])
    return council


DEADLINE = at(D(2022, 4, 20), 17)
ANSWER_DAY = D(2022, 4, 19)


def _send(council, deadline=DEADLINE):
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question="Danh sách đề nghị tặng Bằng khen",
        deadline=deadline,
        files=[SimpleUploadedFile("danh-sach.pdf", PDF)],
        at=at(D(2022, 4, 18), 8),
    )
    return services.consultation_send(
        consultation=consultation, actor=None, at=at(D(2022, 4, 18), 9)
    )


def _answer(consultation, member, choice="agree", day=ANSWER_DAY, comment=""):
    return services.consultation_answer(
        consultation=consultation,
        member=member,
        actor=None,
        choice=choice,
        comment=comment,
        at=at(day, 10),
    )


def _members(consultation):
    return consultation_tally(consultation_queryset().get(pk=consultation.pk)).asked


def test_sending_mails_every_member_with_an_address(
    council, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = _send(council)
    assert consultation.status == Consultation.Status.SENT
    assert len(mail.outbox) == 6
    assert "Danh sách đề nghị tặng Bằng khen" in mail.outbox[0].subject


def test_tally_counts_answers_in_time_and_lists_late_and_silent(council):
    consultation = _send(council)
    members = _members(consultation)
    _answer(consultation, members[0])
    _answer(consultation, members[1])
    _answer(consultation, members[2], "disagree")
    _answer(consultation, members[3], "other", comment="Bổ sung minh chứng")
    _answer(consultation, members[4], day=D(2022, 4, 21))
    tally = consultation_tally(consultation_queryset().get(pk=consultation.pk))
    assert (tally.agree, tally.disagree, tally.other) == (2, 1, 1)
    assert [a.member for a in tally.late] == [members[4]]
    assert tally.missing == [members[5]]


def test_closing_records_a_written_vote_and_issues_the_report(council):
    consultation = _send(council)
    members = _members(consultation)
    for member in members[:4]:
        _answer(consultation, member)
    _answer(consultation, members[4], "disagree", day=D(2022, 4, 22))
    closed = services.consultation_close(
        consultation=consultation, actor=None, at=at(D(2022, 4, 22), 9)
    )
    vote = Vote.objects.get(agenda_item__meeting=closed.meeting)
    assert (vote.method, vote.members_total, vote.members_present, vote.votes_for) == (
        "written",
        6,
        4,
        4,
    )
    assert vote.passed is True and str(vote.percentage) == "66.67"
    assert closed.report.full_number == "01/BC-" + council.issuer.symbol
    statuses = dict(
        Attendance.objects.filter(meeting=closed.meeting).values_list(
            "member_id", "reason"
        )
    )
    assert statuses[members[4].pk] == "Trả lời sau thời hạn"
    assert statuses[members[5].pk] == "Không trả lời"


def test_too_few_answers_in_time_give_no_decision(council):
    consultation = _send(council)
    members = _members(consultation)
    for member in members[:3]:
        _answer(consultation, member)
    closed = services.consultation_close(
        consultation=consultation, actor=None, at=at(D(2022, 4, 22), 9)
    )
    assert not Vote.objects.filter(agenda_item__meeting=closed.meeting).exists()
    assert "chưa đạt tỷ lệ tối thiểu" in closed.report.snapshot["doc"]["result_line"]


def test_cannot_close_early_while_members_are_silent(council):
    consultation = _send(council)
    with pytest.raises(ValidationError, match="Chưa hết hạn trả lời"):
        services.consultation_close(
            consultation=consultation, actor=None, at=at(D(2022, 4, 19), 9)
        )


def test_an_answer_can_change_until_the_deadline_only(council):
    consultation = _send(council)
    member = _members(consultation)[0]
    _answer(consultation, member, "disagree")
    _answer(consultation, member, "agree", day=D(2022, 4, 20))
    assert consultation.answers.get(member=member).choice == "agree"
    with pytest.raises(ValidationError, match="hết hạn trả lời"):
        _answer(consultation, member, "disagree", day=D(2022, 4, 21))


def test_other_needs_a_comment_and_outsiders_cannot_answer(world, council):
    consultation = _send(council)
    with pytest.raises(ValidationError, match="ghi rõ ý kiến khác"):
        _answer(consultation, _members(consultation)[0], "other")
    stranger = seated_council(world.unit_b, size=2)[2][0]
    with pytest.raises(ValidationError, match="không thuộc danh sách"):
        _answer(consultation, stranger)


def test_deadline_must_be_after_sending(council):
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question="Hỏi",
        deadline=at(D(2022, 4, 18), 8),
        at=at(D(2022, 4, 17), 8),
    )
    with pytest.raises(ValidationError, match="Hạn trả lời phải sau"):
        services.consultation_send(
            consultation=consultation, actor=None, at=at(D(2022, 4, 18), 9)
        )


def test_written_consultations_have_their_own_count(council):
    first, second = _send(council), _send(council)
    assert (first.meeting.number, second.meeting.number) == (1, 2)
    assert first.meeting.title == "Lấy ý kiến bằng văn bản lần thứ Nhất năm 2022"


def test_without_a_time_the_services_use_now(council):
    with time_machine.travel(at(D(2023, 5, 2), 8), tick=False):
        consultation = services.consultation_create(
            council=council, actor=None, question="Hỏi", deadline=at(D(2023, 5, 5), 17)
        )
        services.consultation_send(consultation=consultation, actor=None)
    consultation.refresh_from_db()
    assert consultation.sent_at == at(D(2023, 5, 2), 8)
