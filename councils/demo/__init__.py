"""Demo data of the councils: the Hội đồng Thi đua, khen thưởng of quận Hai Bà Trưng
(shared/articles/0): its 22 members by Quyết định 4084/QĐ-UBND of 17/12/2020,
the kiện toàn of 2022, the first session of 2022 (9/3/2022) with the agenda the
article lists, attendance, votes, conclusions with tasks and issued minutes, and
two written consultations. Unit names are real; person names are invented; the
2022 decision number and the consultations are illustrative.

Every step looks its rows up by natural keys first, so running it twice changes
nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from councils import services
from councils.models import (
    Composition,
    Consultation,
    Council,
    CouncilMember,
    Meeting,
)
from councils.selectors import members_on
from orgs import services as org_services
from orgs.models import Person, Unit

from .data import (
    ABSENT,
    AGENDA,
    CONCLUSIONS,
    DISAGREE,
    LATE,
    MEMBERS_2020,
    OTHER,
    OVERVIEW,
    QUESTION_CLOSED,
    QUESTION_OPEN,
    REPLACEMENTS_2022,
    SILENT,
    UNITS,
)

D = datetime.date
LAST_DISTRICT_DAY = D(2025, 6, 30)
COUNCIL_CODE = "HN-HBT-HĐTĐKT"
SESSION_DAY = D(2022, 3, 9)
R = CouncilMember.Role


def _user_person(username: str) -> Person:
    user = get_user_model().objects.get(username=username)
    return Person.objects.get(user=user)


def _person(
    name: str, gender: str | None, year: int | None, title: str, unit: Unit
) -> Person:
    if gender is None:
        return _user_person(name)
    found = Person.objects.filter(full_name=name, unit=unit).first()
    if found:
        return found
    return org_services.person_create(
        actor=None,
        allow_duplicate=True,
        full_name=name,
        gender=gender,
        birth_year=year,
        position=title,
        unit=unit,
        is_leader=True,
    )


def _units(log: Callable[[str], None]) -> dict[str, Unit]:
    district = Unit.objects.get(code="HN-HBT")
    for code, name, short, kind in UNITS:
        if not Unit.objects.filter(code=code).exists():
            org_services.unit_create(
                actor=None,
                code=code,
                name=name,
                short_name=short,
                kind=kind,
                parent=district,
                header_name=name.upper(),
                header_parent="QUẬN HAI BÀ TRƯNG",
                place_name="Hà Nội",
                valid_to=LAST_DISTRICT_DAY,
            )
    return {unit.code: unit for unit in Unit.objects.filter(code__startswith="HN-HBT")}


def _council(units: dict[str, Unit]) -> Council:
    council = Council.objects.filter(code=COUNCIL_CODE).first()
    if council:
        return council
    return services.council_create(
        actor=None,
        code=COUNCIL_CODE,
        name="Hội đồng Thi đua, khen thưởng quận Hai Bà Trưng",
        owner_unit=units["HN-HBT"],
        symbol="HĐTĐKT",
        standing_unit=units["HN-HBT-NV"],
        meeting_interval_months=3,
        header_parent="UBND QUẬN HAI BÀ TRƯNG",
        header_name="HỘI ĐỒNG THI ĐUA,\nKHEN THƯỞNG",
        note="Cơ quan thường trực: Phòng Nội vụ. Họp mỗi quý một lần (kết luận phiên họp 9/3/2022).",
    )


def _seat(
    composition: Composition, row: tuple[Any, ...], units: dict[str, Unit], order: int
) -> None:
    name, gender, year, title, unit_code, role = row
    person = _person(name, gender, year, title, units[unit_code])
    if composition.members.filter(person=person).exists():
        return
    services.member_add(
        composition=composition,
        person=person,
        actor=None,
        role=role,
        position_title=title,
        represented_unit=units[unit_code],
        order=order,
    )


def seed_council(log: Callable[[str], None]) -> None:
    units = _units(log)
    council = _council(units)
    first = Composition.objects.filter(
        council=council, decision_number="4084/QĐ-UBND"
    ).first()
    if first is None:
        first = services.composition_create(
            council=council,
            actor=None,
            decision_number="4084/QĐ-UBND",
            decision_date=D(2020, 12, 17),
            decision_issuer="UBND quận Hai Bà Trưng",
            decision_summary="Về việc kiện toàn Hội đồng Thi đua, khen thưởng quận Hai Bà Trưng",
            copy_members=False,
        )
    for order, row in enumerate(MEMBERS_2020, start=1):
        _seat(first, row, units, order)
    _reconstitute_2022(council, units)
    log(
        f"  {council.name}: {Composition.objects.filter(council=council).count()} quyết định"
    )


def _reconstitute_2022(council: Council, units: dict[str, Unit]) -> None:
    if Composition.objects.filter(
        council=council, decision_number="1186/QĐ-UBND"
    ).exists():
        return
    second = services.composition_create(
        council=council,
        actor=None,
        decision_number="1186/QĐ-UBND",
        decision_date=D(2022, 3, 21),
        decision_issuer="UBND quận Hai Bà Trưng",
        decision_summary="Về việc kiện toàn Hội đồng Thi đua, khen thưởng quận Hai Bà Trưng năm 2022",
        note="Số quyết định minh họa: bài viết chỉ nêu việc kiện toàn 22 thành viên năm 2022.",
    )
    for leaver, row in REPLACEMENTS_2022:
        seat = second.members.get(person__full_name=leaver)
        services.member_remove(member=seat, actor=None)
        _seat(second, row, units, seat.order)


# The first session of 2022 ------------------------------------------------------------


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


def _mark_attendance(meeting: Meeting) -> None:
    absent = {row[0]: row for row in ABSENT}
    for row in meeting.attendances.select_related("member__person"):
        name = row.member.person.full_name
        if name in absent:
            _name, status, reason, representative, written = absent[name]
            services.attendance_mark(
                attendance=row,
                actor=None,
                status=status,
                reason=reason,
                representative=representative,
                written_opinion=written,
            )
        else:
            services.attendance_mark(attendance=row, actor=None, status="present")


def _task_member(meeting: Meeting, name: str | None) -> CouncilMember | None:
    if name is None:
        return None
    seats = members_on(meeting.council, meeting.session_date)
    if "." in name:
        return seats.get(person__user__username=name)
    return seats.get(person__full_name=name)


def _conclude(meeting: Meeting, items: dict[int, Any]) -> None:
    units = {u.code: u for u in Unit.objects.filter(code__startswith="HN-HBT")}
    for text, order, tasks in CONCLUSIONS:
        conclusion = services.conclusion_create(
            meeting=meeting, actor=None, text=text, agenda_item=items.get(order)
        )
        for description, member, unit, coordinating, due, done in tasks:
            task = services.task_create(
                conclusion=conclusion,
                actor=None,
                description=description,
                assignee_member=_task_member(meeting, member),
                assignee_unit=units.get(unit) if unit else None,
                coordinating=coordinating,
                due_on=due,
            )
            if done:
                services.task_complete(task=task, actor=None, done_on=done)


def seed_session(log: Callable[[str], None]) -> None:
    council = Council.objects.get(code=COUNCIL_CODE)
    if Meeting.objects.filter(
        council=council, year=2022, number=1, kind="regular"
    ).exists():
        return
    meeting = services.meeting_create(
        council=council,
        actor=None,
        starts_at=_at(SESSION_DAY, 14),
        place="Hội trường tầng 2, trụ sở UBND quận Hai Bà Trưng",
        subject="Phiên họp đầu năm 2022",
        guests="Chuyên viên Phòng Nội vụ quận (bộ phận thi đua, khen thưởng)",
        summary=OVERVIEW,
    )
    _mark_attendance(meeting)
    items = {}
    for order, (title, presenter, documents, discussion) in enumerate(AGENDA, start=1):
        items[order] = services.agenda_item_create(
            meeting=meeting,
            actor=None,
            title=title,
            presenter=presenter,
            documents=documents,
            discussion=discussion,
        )
    _votes(meeting, items)
    _conclude(meeting, items)
    services.meeting_close(
        meeting=meeting, actor=None, ends_at=_at(SESSION_DAY, 16, 30)
    )
    services.minutes_issue(meeting=meeting, actor=None, issued_on=SESSION_DAY)
    log(
        f"  {meeting.title}: biên bản {Meeting.objects.get(pk=meeting.pk).minutes.full_number}"
    )


def _votes(meeting: Meeting, items: dict[int, Any]) -> None:
    services.vote_record(
        agenda_item=items[1],
        actor=None,
        question="Thông qua danh sách kiện toàn 22 thành viên Hội đồng năm 2022",
        method="show_of_hands",
        votes_for=19,
        written_for=1,
    )
    services.vote_record(
        agenda_item=items[3],
        actor=None,
        question="Thông qua Kế hoạch công tác thi đua, khen thưởng năm 2022",
        method="show_of_hands",
        votes_for=18,
        abstentions=1,
    )


# Written consultations -------------------------------------------------------------


def _attachment(title: str) -> ContentFile:
    from orgs.pdf import render_pdf

    content = render_pdf(
        "councils/pdf/demo_attachment.html", {"doc": {"kind_title": title}}
    )
    return ContentFile(content, name="danh-sach-de-nghi.pdf")


def _answer_all(consultation: Consultation, sent: datetime.datetime) -> None:
    seats = list(members_on(consultation.meeting.council, sent.date()))
    for seat in seats:
        if seat.order in SILENT:
            continue
        choice, comment = "agree", ""
        if seat.order in DISAGREE:
            choice, comment = (
                "disagree",
                "Đề nghị bổ sung minh chứng thành tích của 02 cá nhân.",
            )
        elif seat.order in OTHER:
            choice, comment = (
                "other",
                "Đồng ý, đề nghị ưu tiên người lao động trực tiếp.",
            )
        late = seat.order in LATE
        when = sent + datetime.timedelta(days=3 if late else 1, hours=seat.order % 5)
        services.consultation_answer(
            consultation=consultation,
            member=seat,
            actor=None,
            choice=choice,
            comment=comment,
            at=when,
        )


def seed_consultations(log: Callable[[str], None]) -> None:
    council = Council.objects.get(code=COUNCIL_CODE)
    if Consultation.objects.filter(
        meeting__council=council, question=QUESTION_CLOSED
    ).exists():
        return
    sent = _at(D(2022, 4, 18), 8, 30)
    closed = services.consultation_create(
        council=council,
        actor=None,
        question=QUESTION_CLOSED,
        details="Đề nghị các đồng chí thành viên Hội đồng cho ý kiến bằng văn bản (phiếu trả lời trong phần mềm).",
        deadline=_at(D(2022, 4, 20), 17),
        at=sent,
    )
    services.document_add(
        consultation=closed, actor=None, upload=_attachment("DANH SÁCH ĐỀ NGHỊ")
    )
    services.consultation_send(consultation=closed, actor=None, at=sent)
    _answer_all(closed, sent)
    services.consultation_close(
        consultation=closed, actor=None, at=_at(D(2022, 4, 22), 9)
    )
    _seed_open_consultation(council)
    log(
        f"  {Consultation.objects.filter(meeting__council=council).count()} đợt lấy ý kiến"
    )


def _seed_open_consultation(council: Council) -> None:
    sent = _at(D(2022, 6, 20), 8)
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question=QUESTION_OPEN,
        details="Theo kết luận phiên họp ngày 09/3/2022: phân công rõ nhiệm vụ, trách nhiệm của từng thành viên.",
        deadline=_at(D(2022, 6, 24), 17),
        at=sent,
    )
    services.consultation_send(consultation=consultation, actor=None, at=sent)
    for seat in members_on(council, sent.date())[:6]:
        services.consultation_answer(
            consultation=consultation,
            member=seat,
            actor=None,
            choice="agree",
            at=sent + datetime.timedelta(hours=4),
        )
