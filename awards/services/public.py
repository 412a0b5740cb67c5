"""Public comment before the council: opening the window, receiving comments
from anyone, logging how each was handled, and the guard on the council step."""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Dossier, Nomination, PublicComment, PublicConsultation
from orgs.selectors import parameter_value_or
from orgs.services import audit_record
from orgs.vn import short_date
from orgs.workdays import add_working_days, is_working_day

from .catalogue import requires_public_comment
from .common import require_reason

MAX_BODY = 2000
MAX_NAME = 120
OPENABLE = {Dossier.Status.UNDER_REVIEW, Dossier.Status.CHECKED}


def public_comment_window(opens_on: datetime.date) -> tuple[int, datetime.date]:
    """Working days of the window in force on ``opens_on`` and its last day.

    The opening day counts as the first day when it is a working day.
    """
    days = int(
        parameter_value_or(
            "deadline_working_days", 10, on=opens_on, key="public_comment"
        )
    )
    counted = days - 1 if is_working_day(opens_on) else days
    return days, add_working_days(opens_on, counted)


@transaction.atomic
def public_consultation_open(
    *,
    dossier: Dossier,
    actor: Any,
    summary: str,
    opens_on: datetime.date | None = None,
    contact: str = "",
) -> PublicConsultation:
    """Publish the proposal for comment (10 working days under NĐ 98 Đ46, NĐ 152 Đ60)."""
    locked = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=dossier.pk)
    )
    if locked.status not in OPENABLE:
        raise ValidationError(
            _("Chỉ lấy ý kiến nhân dân khi hồ sơ đang thẩm định hoặc đã thẩm định."),
            code="invalid_state",
        )
    if PublicConsultation.objects.filter(dossier=locked).exists():
        raise ValidationError(
            _("Hồ sơ đã có đợt lấy ý kiến nhân dân."), code="already_open"
        )
    start = opens_on or timezone.localdate()
    days, last_day = public_comment_window(start)
    consultation = PublicConsultation(
        dossier=locked,
        summary=require_reason(summary, "summary"),
        opens_on=start,
        closes_on=last_day,
        working_days=days,
        contact=contact.strip(),
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    consultation.full_clean()
    consultation.save()
    audit_record(
        actor=actor,
        action="awards.public_comment.opened",
        obj=locked,
        unit=locked.unit,
        data={"opens_on": start, "closes_on": last_day, "days": days},
    )
    return consultation


def _client_hash(client: str) -> str:
    # Keep no raw address: a digest is enough to spot a flood from one client.
    return hashlib.sha256(client.encode()).hexdigest() if client else ""


@transaction.atomic
def public_comment_submit(
    *,
    consultation: PublicConsultation,
    author_name: str,
    body: str,
    contact: str = "",
    nomination: Nomination | None = None,
    client: str = "",
    on: datetime.date | None = None,
) -> PublicComment:
    """Receive a comment from the public (no account) while the window is open."""
    day = on or timezone.localdate()
    if not consultation.is_open_on(day):
        raise ValidationError(
            _("Đợt lấy ý kiến không còn mở (từ %(start)s đến hết %(end)s).")
            % {
                "start": short_date(consultation.opens_on),
                "end": short_date(consultation.closes_on),
            },
            code="closed",
        )
    name, text = " ".join(author_name.split()), body.strip()
    if not name or not text:
        raise ValidationError(_("Phải ghi họ tên và nội dung góp ý."), code="empty")
    if len(name) > MAX_NAME or len(text) > MAX_BODY or len(contact) > 120:
        raise ValidationError(
            _("Họ tên tối đa %(name)s ký tự, nội dung tối đa %(body)s ký tự.")
            % {"name": MAX_NAME, "body": MAX_BODY},
            code="too_long",
        )
    if nomination is not None and nomination.dossier_id != consultation.dossier_id:
        raise ValidationError(
            _("Người được góp ý không thuộc hồ sơ này."), code="stranger"
        )
    comment = PublicComment(
        consultation=consultation,
        nomination=nomination,
        author_name=name,
        contact=contact.strip(),
        body=text,
        client_hash=_client_hash(client),
    )
    comment.full_clean()
    comment.save()
    audit_record(
        actor=None,
        action="awards.public_comment.received",
        obj=consultation.dossier,
        unit=consultation.dossier.unit,
        data={"comment": comment.pk},
    )
    return comment


@transaction.atomic
def public_comment_handle(
    *, comment: PublicComment, actor: Any, handling: str, note: str
) -> PublicComment:
    """Log how a comment was handled (verified, answered, forwarded, dismissed)."""
    comment = (
        PublicComment.objects.select_for_update(of=("self",))
        .select_related("consultation__dossier__unit")
        .get(pk=comment.pk)
    )
    if handling == PublicComment.Handling.NEW:
        raise ValidationError(_("Hãy chọn cách xử lý."), code="handling")
    comment.handling = handling
    comment.handling_note = require_reason(note, "note")
    comment.handled_by = actor
    comment.handled_at = timezone.now()
    comment.full_clean()
    comment.save(
        update_fields=["handling", "handling_note", "handled_by", "handled_at"]
    )
    audit_record(
        actor=actor,
        action="awards.public_comment.handled",
        obj=comment.consultation.dossier,
        unit=comment.consultation.dossier.unit,
        data={
            "comment": comment.pk,
            "handling": handling,
            "note": comment.handling_note,
        },
    )
    return comment


def public_comment_guard(*, dossier: Dossier, on: datetime.date) -> None:
    """Refuse the council step while the public-comment rule is not satisfied.

    When the rule in force on the dossier's decision date requires public
    comment, the window must exist, must have closed before ``on``, and every
    comment received must have been handled.
    """
    if not requires_public_comment(dossier.award_kind, dossier.decision_day):
        return
    consultation = PublicConsultation.objects.filter(dossier=dossier).first()
    if consultation is None:
        raise ValidationError(
            _("“%(kind)s” phải lấy ý kiến nhân dân trước khi trình Hội đồng.")
            % {"kind": dossier.award_kind.name},
            code="public_comment_missing",
        )
    if not consultation.is_closed_on(on):
        raise ValidationError(
            _(
                "Đang lấy ý kiến nhân dân đến hết ngày %(end)s: chỉ trình Hội đồng "
                "sau ngày này."
            )
            % {"end": short_date(consultation.closes_on)},
            code="public_comment_open",
        )
    pending = consultation.comments.filter(handling=PublicComment.Handling.NEW).count()
    if pending:
        raise ValidationError(
            _("Còn %(count)s ý kiến nhân dân chưa được xử lý.") % {"count": pending},
            code="public_comment_unhandled",
        )
