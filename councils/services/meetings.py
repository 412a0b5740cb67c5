"""Writes of sessions: scheduling, attendance, agenda, conclusions, tasks, closing."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from councils import signals
from councils.models import (
    AgendaItem,
    Attendance,
    Council,
    CouncilMember,
    Meeting,
)
from councils.selectors import (
    composition_on,
    members_on,
)
from councils.services.common import (
    audit,
    lock_council,
    lock_meeting,
    require_council_active,
    require_editable,
    require_no_votes,
)
from orgs.models import Person
from orgs.services import model_changes
from orgs.vn import short_date

ROOM_KINDS = (Meeting.Kind.REGULAR, Meeting.Kind.EXTRAORDINARY)


def next_number(council: Council, year: int, kind: str) -> int:
    """Sessions in a room share one count per year; written consultations another."""
    meetings = Meeting.objects.filter(council=council, year=year)
    if kind == Meeting.Kind.WRITTEN:
        meetings = meetings.filter(kind=Meeting.Kind.WRITTEN)
    else:
        meetings = meetings.exclude(kind=Meeting.Kind.WRITTEN)
    return (meetings.aggregate(top=Max("number"))["top"] or 0) + 1


def _seat_holder(council: Council, day: datetime.date, role: str) -> Person | None:
    seat = members_on(council, day).filter(role=role).first()
    return seat.person if seat else None


@transaction.atomic
def meeting_create(
    *,
    council: Council,
    actor: Any,
    starts_at: datetime.datetime,
    kind: str = Meeting.Kind.REGULAR,
    place: str = "",
    subject: str = "",
    chair: Person | None = None,
    secretary: Person | None = None,
    secretary_title: str = "",
    guests: str = "",
    summary: str = "",
) -> Meeting:
    """Schedule a session, number it within its year, and list the members to call.

    The attendance list is the composition in force on the session date; chair and
    secretary default to the council's Chủ tịch and Thư ký that day.
    """
    council = lock_council(council)
    day = timezone.localtime(starts_at).date()
    require_council_active(council, day)
    if composition_on(council, day) is None:
        raise ValidationError(
            _(
                "Chưa có thành phần hội đồng áp dụng ngày %(day)s: hãy nhập quyết định "
                "thành lập hoặc kiện toàn trước."
            )
            % {"day": short_date(day)},
            code="no_composition",
        )
    meeting = Meeting(
        council=council,
        kind=kind,
        year=day.year,
        number=next_number(council, day.year, kind),
        starts_at=starts_at,
        place=place,
        subject=subject,
        chair=chair or _seat_holder(council, day, CouncilMember.Role.CHAIR),
        secretary=secretary or _seat_holder(council, day, CouncilMember.Role.SECRETARY),
        secretary_title=secretary_title,
        guests=guests,
        summary=summary,
    )
    meeting.full_clean()
    meeting.save()
    sync_attendance(meeting)
    audit(
        actor=actor,
        action="councils.meeting.created",
        obj=meeting,
        council=council,
        data={"after": {"title": meeting.title, "starts_at": starts_at, "kind": kind}},
    )
    return meeting


def sync_attendance(meeting: Meeting) -> None:
    """Make the attendance list match the seats held on the session date.

    Marks of members who stay are kept; seats that did not exist that day go.
    """
    seated = set(
        members_on(meeting.council_id, meeting.session_date).values_list(
            "pk", flat=True
        )
    )
    listed = set(meeting.attendances.values_list("member_id", flat=True))
    meeting.attendances.filter(member_id__in=listed - seated).delete()
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, member_id=pk) for pk in sorted(seated - listed)]
    )


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: Any, **changes: Any) -> Meeting:
    """Change a session's details; a new date re-numbers it and re-lists the members."""
    meeting = lock_meeting(meeting)
    require_editable(meeting)
    old_day = meeting.session_date
    diff = model_changes(meeting, changes)
    for name, value in changes.items():
        setattr(meeting, name, value)
    new_day = meeting.session_date
    if new_day != old_day:
        require_no_votes(
            meeting,
            _("Đã có kết quả biểu quyết: không đổi được ngày họp."),
        )
        require_council_active(meeting.council, new_day)
        if new_day.year != meeting.year:
            meeting.year = new_day.year
            meeting.number = next_number(meeting.council, new_day.year, meeting.kind)
    meeting.full_clean()
    meeting.save()
    if new_day != old_day:
        sync_attendance(meeting)
    if diff["after"]:
        audit(
            actor=actor,
            action="councils.meeting.changed",
            obj=meeting,
            council=meeting.council,
            data=diff,
        )
    return meeting


@transaction.atomic
def meeting_close(
    *, meeting: Meeting, actor: Any, ends_at: datetime.datetime | None = None
) -> Meeting:
    """Record that the session took place and when it ended (needed by the minutes)."""
    meeting = lock_meeting(meeting)
    meeting.require_transition(Meeting.Status.HELD)
    unmarked = meeting.attendances.filter(status=Attendance.Status.UNMARKED).count()
    if unmarked:
        raise ValidationError(
            _("Còn %(n)s thành viên chưa điểm danh.") % {"n": unmarked},
            code="unmarked",
        )
    meeting.ends_at = ends_at or meeting.ends_at or timezone.now()
    meeting.status = Meeting.Status.HELD
    meeting.full_clean()
    meeting.save(update_fields=["ends_at", "status", "updated_at"])
    audit(
        actor=actor,
        action="councils.meeting.closed",
        obj=meeting,
        council=meeting.council,
        data={"ends_at": meeting.ends_at},
    )
    signals.meeting_closed.send(sender=Meeting, meeting=meeting, actor=actor)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: Any, reason: str = "") -> Meeting:
    meeting = lock_meeting(meeting)
    meeting.require_transition(Meeting.Status.CANCELLED)
    require_no_votes(meeting, _("Đã có kết quả biểu quyết: không hủy được phiên họp."))
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    audit(
        actor=actor,
        action="councils.meeting.cancelled",
        obj=meeting,
        council=meeting.council,
        data={"reason": reason},
    )
    return meeting


# Attendance ----------------------------------------------------------------------

_ATTENDANCE_LOCKED = gettext_lazy(
    "Đã có kết quả biểu quyết: muốn sửa điểm danh, hãy xóa các kết quả biểu quyết trước."
)


@transaction.atomic
def attendance_mark(
    *,
    attendance: Attendance,
    actor: Any,
    status: str,
    reason: str = "",
    representative: str = "",
    written_opinion: bool = False,
) -> Attendance:
    """Mark one member present, absent (with reason) or represented by someone."""
    meeting = lock_meeting(attendance.meeting)
    require_editable(meeting)
    require_no_votes(meeting, str(_ATTENDANCE_LOCKED))
    attendance = Attendance.objects.select_related("member__person").get(
        pk=attendance.pk
    )
    if status == Attendance.Status.REPRESENTED and not representative.strip():
        raise ValidationError(
            _("Hãy ghi họ tên, chức vụ người dự thay."), code="representative_missing"
        )
    present = status in (Attendance.Status.PRESENT, Attendance.Status.UNMARKED)
    attendance.status = status
    attendance.reason = "" if present else reason.strip()
    attendance.representative = (
        representative.strip() if status == Attendance.Status.REPRESENTED else ""
    )
    attendance.written_opinion = bool(written_opinion) and not present
    attendance.marked_at = timezone.now()
    attendance.full_clean()
    attendance.save()
    audit(
        actor=actor,
        action="councils.attendance.marked",
        obj=attendance,
        council=meeting.council,
        data={"member": attendance.member.person, "status": status, "reason": reason},
    )
    return attendance


@transaction.atomic
def attendance_mark_all_present(*, meeting: Meeting, actor: Any) -> int:
    """Mark every member not yet called as present (then correct the absentees)."""
    meeting = lock_meeting(meeting)
    require_editable(meeting)
    require_no_votes(meeting, str(_ATTENDANCE_LOCKED))
    count = meeting.attendances.filter(status=Attendance.Status.UNMARKED).update(
        status=Attendance.Status.PRESENT, marked_at=timezone.now()
    )
    audit(
        actor=actor,
        action="councils.attendance.all_present",
        obj=meeting,
        council=meeting.council,
        data={"count": count},
    )
    return count


# Agenda --------------------------------------------------------------------------


@transaction.atomic
def agenda_item_create(
    *, meeting: Meeting, actor: Any, title: str, **fields: Any
) -> AgendaItem:
    meeting = lock_meeting(meeting)
    require_editable(meeting)
    related = fields.pop("related_documents", None)
    order = fields.pop("order", None) or (
        (meeting.agenda_items.aggregate(top=Max("order"))["top"] or 0) + 1
    )
    item = AgendaItem(meeting=meeting, title=title, order=order, **fields)
    item.full_clean()
    item.save()
    if related is not None:
        item.related_documents.set(related)
    audit(
        actor=actor,
        action="councils.agenda.created",
        obj=item,
        council=meeting.council,
        data={"after": {"title": title, "order": order}},
    )
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, actor: Any, **changes: Any) -> AgendaItem:
    meeting = lock_meeting(item.meeting)
    require_editable(meeting)
    item = AgendaItem.objects.get(pk=item.pk)
    related = changes.pop("related_documents", None)
    diff = model_changes(item, changes)
    for name, value in changes.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    if related is not None:
        item.related_documents.set(related)
    audit(
        actor=actor,
        action="councils.agenda.changed",
        obj=item,
        council=meeting.council,
        data=diff,
    )
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor: Any) -> None:
    meeting = lock_meeting(item.meeting)
    require_editable(meeting)
    if item.votes.exists():
        raise ValidationError(
            _("Nội dung đã có kết quả biểu quyết: hãy xóa kết quả trước."),
            code="has_votes",
        )
    audit(
        actor=actor,
        action="councils.agenda.deleted",
        obj=item,
        council=meeting.council,
        data={"before": {"title": item.title}},
    )
    item.delete()
