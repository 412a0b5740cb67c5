"""Helpers shared by the councils' services: audit with the council's unit, guards."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from councils.models import Council, Meeting, Vote
from councils.selectors import meeting_queryset, meeting_quorum
from orgs.services import audit_record


def audit(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    council: Council,
    data: dict[str, Any] | None = None,
) -> None:
    """Write the audit entry under the council's owner unit (its secretariat reads it)."""
    audit_record(
        actor=actor, action=action, obj=obj, unit=council.owner_unit, data=data
    )


def lock_meeting(meeting: Meeting) -> Meeting:
    """Re-read the session under a row lock: attendance, votes and minutes serialise on it."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("council", "council__owner_unit", "council__issuer")
        .get(pk=meeting.pk)
    )


def lock_council(council: Council) -> Council:
    return (
        Council.objects.select_for_update(of=("self",))
        .select_related("owner_unit", "issuer")
        .get(pk=council.pk)
    )


def require_editable(meeting: Meeting) -> None:
    if meeting.minutes_id is not None:
        raise ValidationError(
            _(
                "Biên bản phiên họp đã được ban hành: không sửa được nội dung phiên họp."
            ),
            code="frozen",
        )
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(
            _("Phiên họp đã hủy: không ghi nhận thêm nội dung."), code="cancelled"
        )


def require_no_votes(meeting: Meeting, message: str) -> None:
    if Vote.objects.filter(agenda_item__meeting=meeting).exists():
        raise ValidationError(message, code="has_votes")


def require_council_active(council: Council, day: Any) -> None:
    if council.dissolved_on and day > council.dissolved_on:
        raise ValidationError(
            _("Hội đồng đã giải thể từ sau ngày %(day)s.")
            % {"day": council.dissolved_on.strftime("%d/%m/%Y")},
            code="dissolved",
        )


def require_quorum(meeting: Meeting) -> None:
    """Refuse decisions of a session below the quorum in force that day."""
    loaded = "attendances" in getattr(meeting, "_prefetched_objects_cache", {})
    quorum = meeting_quorum(
        meeting if loaded else meeting_queryset().get(pk=meeting.pk)
    )
    if not quorum.reached:
        raise ValidationError(
            _(
                "Phiên họp không đủ số thành viên dự họp theo quy định (có mặt "
                "%(present)s/%(total)s, cần ít nhất %(required)s): không được biểu "
                "quyết, không được kết luận."
            )
            % {
                "present": quorum.present,
                "total": quorum.total,
                "required": quorum.required,
            },
            code="no_quorum",
        )
