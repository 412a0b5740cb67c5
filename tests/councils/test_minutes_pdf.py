"""The minutes (decree 30, Mẫu 1.9) and the consultation report, read back from the PDF."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from councils import services
from councils.minutes import meeting_minutes_data, minutes_context
from councils.selectors import meeting_queryset, meeting_quorum
from orgs.pdf import render_pdf
from orgs.printing import document_render_context
from tests.factories import PersonFactory
from tests.factories_councils import at, seated_council
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db
D = datetime.date


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def session(world):
    people = [
        PersonFactory(
            full_name="Trần Minh Quang", unit=world.unit_a, position="Chủ tịch UBND"
        ),
        PersonFactory(full_name="Đỗ Minh Tuấn", unit=world.unit_a),
        PersonFactory(full_name="Cao Xuân Việt", unit=world.unit_a),
        PersonFactory(full_name="Hồ Quang Phong", unit=world.unit_a),
        PersonFactory(full_name="Lê Thị Thu Trang", unit=world.unit_a),
    ]
    council, _composition, members = seated_council(world.unit_a, size=5, people=people)
    issuer = council.issuer
    issuer.header_parent, issuer.header_name = (
        "UBND QUẬN HAI BÀ TRƯNG",
        "HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG",
    )
    issuer.save()
    meeting = services.meeting_create(
        council=council,
        actor=None,
        starts_at=at(D(2022, 3, 9), 14),
        place="Hội trường tầng 2",
    )
    rows = list(meeting.attendances.order_by("member__order"))
    for row in rows[:4]:
        services.attendance_mark(attendance=row, actor=None, status="present")
    services.attendance_mark(
        attendance=rows[3],
        actor=None,
        status="absent",
        reason="Tiếp công dân",
        written_opinion=True,
    )
    services.attendance_mark(attendance=rows[4], actor=None, status="present")
    item = services.agenda_item_create(
        meeting=meeting,
        actor=None,
        title="Kế hoạch công tác thi đua, khen thưởng năm 2022",
        documents="Văn bản số 105/HĐTĐKT-NV ngày 18/02/2022",
    )
    services.vote_record(
        agenda_item=item,
        actor=None,
        question="Thông qua Kế hoạch",
        method="show_of_hands",
        votes_for=4,
        written_for=1,
    )
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Họp mỗi quý một lần."
    )
    services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Dự thảo quy chế",
        assignee_unit=world.unit_a,
        due_on=D(2022, 4, 30),
    )
    services.meeting_close(
        meeting=meeting, actor=None, ends_at=at(D(2022, 3, 9), 16, 30)
    )
    return {"council": council, "meeting": meeting, "members": members}


def test_issued_minutes_print_every_part_of_the_template(session):
    document = services.minutes_issue(meeting=session["meeting"], actor=None)
    assert document.full_number == f"01/BB-{session['council'].issuer.symbol}"
    template, context = document_render_context(document)
    text = _flat(pdf_text(render_pdf(template, context)))
    for expected in (
        "UBND QUẬN HAI BÀ TRƯNG",
        "HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"Số: 01/BB-{session['council'].issuer.symbol}",
        "BIÊN BẢN",
        "Phiên họp lần thứ Nhất năm 2022",
        "Thời gian bắt đầu: 14 giờ 00 phút, ngày 09 tháng 3 năm 2022",
        "Địa điểm: Hội trường tầng 2",
        "Chủ trì (chủ tọa): Đ/c Trần Minh Quang",
        "Thư ký: Đ/c Lê Thị Thu Trang",
        "Hội đồng có 5 thành viên; có mặt 4 thành viên; vắng 1 thành viên: Đ/c Hồ Quang Phong (lý do: Tiếp công dân; có ý kiến bằng văn bản)",
        "Văn bản số 105/HĐTĐKT-NV ngày 18/02/2022",
        "hình thức: biểu quyết giơ tay",
        "tán thành 4, không tán thành 0",
        "Kết quả: 100% tổng số thành viên tán thành",
        "THÔNG QUA",
        "Họp mỗi quý một lần.",
        "thời hạn: 30/4/2022",
        "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 09 tháng 3 năm 2022",
        "THƯ KÝ",
        "CHỦ TỌA",
    ):
        assert expected in text, expected
    assert "Đỗ Minh Tuấn" in text and "Cao Xuân Việt" in text


def test_reprint_after_a_member_left_still_shows_who_sat(session):
    document = services.minutes_issue(meeting=session["meeting"], actor=None)
    leaver = session["members"][1]
    services.member_leave(
        member=leaver, actor=None, left_on=D(2022, 6, 1), note="Nghỉ hưu"
    )
    leaver.person.full_name = "Tên Đã Đổi"
    leaver.person.save()
    template, context = document_render_context(document)
    text = _flat(pdf_text(render_pdf(template, context)))
    assert "Đỗ Minh Tuấn" in text and "Tên Đã Đổi" not in text


def test_issuing_freezes_the_session(session):
    services.minutes_issue(meeting=session["meeting"], actor=None)
    with pytest.raises(ValidationError, match="Biên bản phiên họp đã được ban hành"):
        services.agenda_item_create(
            meeting=session["meeting"], actor=None, title="Thêm"
        )
    with pytest.raises(ValidationError, match="đã được ban hành"):
        services.minutes_issue(meeting=session["meeting"], actor=None)


def test_minutes_are_issued_only_after_the_session_ended(world):
    council = seated_council(world.unit_a, size=2)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    with pytest.raises(ValidationError, match="sau khi kết thúc phiên họp"):
        services.minutes_issue(meeting=meeting, actor=None)


def test_draft_has_a_blank_number(session):
    draft = services.minutes_draft(session["meeting"])
    text = _flat(pdf_text(render_pdf(draft["template"], {"doc": draft["doc"]})))
    assert f"/BB-{session['council'].issuer.symbol}" in text and "Số: 01" not in text


def test_context_builder_needs_no_database(session, django_assert_num_queries):
    full = meeting_queryset().get(pk=session["meeting"].pk)
    data = meeting_minutes_data(full, meeting_quorum(full))
    with django_assert_num_queries(0):
        context = minutes_context(data, number=7, issued_on=D(2022, 3, 9))
    assert context["doc"]["letterhead"]["number_line"].startswith("Số: 07/BB-")


@pytest.mark.parametrize("size", [2, 20])
def test_minutes_data_costs_the_same_for_2_and_20_members(
    world, size, django_assert_num_queries
):
    council = seated_council(world.unit_a, size=size)[0]
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    services.attendance_mark_all_present(meeting=meeting, actor=None)
    for order in range(3):
        item = services.agenda_item_create(
            meeting=meeting, actor=None, title=f"Nội dung {order}"
        )
        services.vote_record(
            agenda_item=item,
            actor=None,
            question="Thông qua",
            method="show_of_hands",
            votes_for=size,
        )
    with django_assert_num_queries(7):
        full = meeting_queryset().get(pk=meeting.pk)
        meeting_minutes_data(full, meeting_quorum(full))


def test_consultation_report_prints_the_tally_and_the_late(world):
    council, _composition, members = seated_council(world.unit_a, size=3)
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question="Danh sách đề nghị",
        deadline=at(D(2022, 4, 20), 17),
        at=at(D(2022, 4, 18), 8),
    )
    services.consultation_send(
        consultation=consultation, actor=None, at=at(D(2022, 4, 18), 9)
    )
    for member, day in ((members[0], 19), (members[1], 19), (members[2], 21)):
        services.consultation_answer(
            consultation=consultation,
            member=member,
            actor=None,
            choice="agree",
            at=at(D(2022, 4, day), 10),
        )
    closed = services.consultation_close(
        consultation=consultation, actor=None, at=at(D(2022, 4, 22), 9)
    )
    template, context = document_render_context(closed.report)
    text = _flat(pdf_text(render_pdf(template, context)))
    assert f"Số: 01/BC-{council.issuer.symbol}" in text
    assert "BÁO CÁO" in text and "Danh sách đề nghị" in text
    assert (
        "Có 2 thành viên trả lời đúng hạn (2 đồng ý, 0 không đồng ý, 0 ý kiến khác)"
        in text
    )
    assert (
        f"Thành viên trả lời sau thời hạn (không tính): {members[2].person.full_name}"
        in text
    )
    assert "Tỷ lệ đồng ý: 66,67% tổng số thành viên" in text
