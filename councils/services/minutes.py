"""Issuing the minutes: number from the council's register, snapshot, freeze."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from councils import signals
from councils.minutes import meeting_minutes_data, minutes_context
from councils.models import Meeting
from councils.selectors import meeting_queryset, meeting_quorum
from councils.services.common import audit, lock_meeting
from orgs.models import DocumentType, IssuedDocument
from orgs.services import document_number_allocate


def minutes_draft(meeting: Meeting) -> dict[str, Any]:
    """The print context of the minutes as the session stands now (no number yet)."""
    full = meeting_queryset().get(pk=meeting.pk)
    return minutes_context(meeting_minutes_data(full, meeting_quorum(full)))


def _guard_issuable(meeting: Meeting) -> None:
    if meeting.minutes_id is not None:
        raise ValidationError(
            _("Biên bản của phiên họp này đã được ban hành."), code="already_issued"
        )
    if meeting.kind == Meeting.Kind.WRITTEN:
        raise ValidationError(
            _("Đợt lấy ý kiến bằng văn bản có báo cáo kết quả, không lập biên bản."),
            code="written",
        )
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError(
            _(
                "Chỉ ban hành biên bản sau khi kết thúc phiên họp (ghi thời gian kết "
                "thúc)."
            ),
            code="not_held",
        )


@transaction.atomic
def minutes_issue(
    *, meeting: Meeting, actor: Any, issued_on: datetime.date | None = None
) -> IssuedDocument:
    """Number the minutes (bien-ban, the council's issuer) and freeze the session.

    The print context is stored as the document's snapshot: re-printing shows the
    members who sat that day, whatever happens to the composition later.
    """
    meeting = lock_meeting(meeting)
    _guard_issuable(meeting)
    full = meeting_queryset().get(pk=meeting.pk)
    data = meeting_minutes_data(full, meeting_quorum(full))
    day = issued_on or full.session_date
    document = document_number_allocate(
        issuer=meeting.council.issuer,
        doc_type=DocumentType.objects.get(code="bien-ban"),
        issued_on=day,
        summary=f"Biên bản {data['summary'][:1].lower()}{data['summary'][1:]}"[:500],
        actor=actor,
        source=meeting,
    )
    context = minutes_context(data, number=document.number, issued_on=day)
    document.snapshot = {**context, "data": data}
    document.save(update_fields=["snapshot", "updated_at"])
    meeting.minutes = document
    meeting.save(update_fields=["minutes", "updated_at"])
    audit(
        actor=actor,
        action="councils.minutes.issued",
        obj=meeting,
        council=meeting.council,
        data={"number": document.full_number, "issued_on": day},
    )
    signals.minutes_issued.send(
        sender=Meeting, meeting=meeting, document=document, actor=actor
    )
    return document
