"""Written consultation of the members: prepare, send, answer, tally and report."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from councils import signals
from councils.consultation_report import (
    consultation_report_context,
    consultation_report_data,
)
from councils.models import (
    AgendaItem,
    Attendance,
    Consultation,
    ConsultationAnswer,
    ConsultationDocument,
    Council,
    CouncilMember,
    Meeting,
    Vote,
)
from councils.selectors import (
    ConsultationTally,
    consultation_asked_day,
    consultation_queryset,
    consultation_tally,
    members_on,
)
from councils.services.common import audit, lock_council
from councils.services.meetings import meeting_create, sync_attendance
from councils.uploads import validate_document_upload
from councils.voting import (
    VoteCounts,
    VoteMethod,
    check_method,
    quorum_outcome,
    quorum_rule,
    vote_rule,
)
from orgs.models import DocumentType, IssuedDocument
from orgs.services import document_number_allocate
from orgs.vn import short_date


def _lock(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("meeting", "meeting__council", "meeting__council__owner_unit")
        .get(pk=consultation.pk)
    )


@transaction.atomic
def consultation_create(
    *,
    council: Council,
    actor: Any,
    question: str,
    deadline: datetime.datetime,
    details: str = "",
    files: list[Any] | None = None,
    at: datetime.datetime | None = None,
) -> Consultation:
    """Prepare a question (a draft): a session of kind "written" with one agenda item.

    ``at`` (default now) lets the secretariat record a consultation held on paper.
    """
    meeting = meeting_create(
        council=council,
        actor=actor,
        kind=Meeting.Kind.WRITTEN,
        starts_at=at or timezone.now(),
        subject=question,
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title=question)
    consultation = Consultation(
        meeting=meeting, question=question, details=details, deadline=deadline
    )
    consultation.full_clean()
    consultation.save()
    for upload in files or []:
        document_add(consultation=consultation, actor=actor, upload=upload)
    audit(
        actor=actor,
        action="councils.consultation.created",
        obj=consultation,
        council=council,
        data={"after": {"question": question, "deadline": deadline}},
    )
    return consultation


@transaction.atomic
def document_add(
    *, consultation: Consultation, actor: Any, upload: Any, title: str = ""
) -> ConsultationDocument:
    """Attach a file to a draft; its type is read from its content, its size capped."""
    consultation = _lock(consultation)
    if consultation.status != Consultation.Status.DRAFT:
        raise ValidationError(
            _("Chỉ thêm tài liệu khi chưa gửi xin ý kiến."), code="not_draft"
        )
    content_type = validate_document_upload(upload)
    document = ConsultationDocument(
        consultation=consultation,
        title=(title or upload.name)[:255],
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.full_clean()
    document.save()
    audit(
        actor=actor,
        action="councils.consultation.document_added",
        obj=document,
        council=consultation.meeting.council,
        data={"title": document.title, "size": document.size},
    )
    return document


@translation.override("vi")
def _notify(consultation: Consultation, members: list[CouncilMember]) -> None:
    subject = _("Xin ý kiến thành viên Hội đồng: %(q)s") % {
        "q": consultation.question[:120]
    }
    body = _(
        "%(council)s xin ý kiến của đồng chí về: %(q)s\nHạn trả lời: %(deadline)s.\n"
        "Trả lời tại: %(path)s"
    ) % {
        "council": consultation.meeting.council.name,
        "q": consultation.question,
        "deadline": timezone.localtime(consultation.deadline).strftime(
            "%H:%M %d/%m/%Y"
        ),
        "path": consultation.get_absolute_url(),
    }
    addresses = [
        member.person.email or getattr(member.person.user, "email", "")
        for member in members
    ]
    messages = [(subject, body, None, [address]) for address in addresses if address]
    if messages:
        send_mass_mail(messages, fail_silently=True)


@transaction.atomic
def consultation_send(
    *, consultation: Consultation, actor: Any, at: datetime.datetime | None = None
) -> Consultation:
    """Send the question to every member sitting that day; the deadline must be ahead."""
    consultation = _lock(consultation)
    consultation.require_transition(Consultation.Status.SENT)
    now = at or timezone.now()
    if consultation.deadline <= now:
        raise ValidationError(
            _("Hạn trả lời phải sau thời điểm gửi."), code="deadline_passed"
        )
    meeting = consultation.meeting
    lock_council(meeting.council)
    members = list(
        members_on(meeting.council_id, timezone.localtime(now).date()).select_related(
            "person__user"
        )
    )
    if not members:
        raise ValidationError(
            _("Hội đồng chưa có thành viên nào vào ngày gửi."), code="no_members"
        )
    meeting.starts_at = now
    meeting.save(update_fields=["starts_at", "updated_at"])
    sync_attendance(meeting)
    consultation.status, consultation.sent_at = Consultation.Status.SENT, now
    consultation.save(update_fields=["status", "sent_at", "updated_at"])
    audit(
        actor=actor,
        action="councils.consultation.sent",
        obj=consultation,
        council=meeting.council,
        data={"members": len(members)},
    )
    transaction.on_commit(lambda: _notify(consultation, members))
    return consultation


def _asked_seat(consultation: Consultation, member: CouncilMember) -> None:
    asked = members_on(
        consultation.meeting.council_id, consultation_asked_day(consultation)
    )
    if not asked.filter(pk=member.pk).exists():
        raise ValidationError(
            _("%(name)s không thuộc danh sách thành viên được xin ý kiến.")
            % {"name": member.person},
            code="not_asked",
        )


@transaction.atomic
def consultation_answer(
    *,
    consultation: Consultation,
    member: CouncilMember,
    actor: Any,
    choice: str,
    comment: str = "",
    at: datetime.datetime | None = None,
) -> ConsultationAnswer:
    """Record a member's answer (by the member, or by the secretariat from paper).

    An answer may change until the deadline; after it, a member who has not
    answered may still do so, and the answer is listed as late. ``at`` is when a
    paper answer was received (default now).
    """
    consultation = _lock(consultation)
    if consultation.status != Consultation.Status.SENT:
        raise ValidationError(
            _("Đợt lấy ý kiến chưa gửi hoặc đã tổng hợp: không ghi nhận ý kiến."),
            code="not_open",
        )
    _asked_seat(consultation, member)
    now = at or timezone.now()
    answer = ConsultationAnswer.objects.filter(
        consultation=consultation, member=member
    ).first()
    if answer is not None and now > consultation.deadline:
        raise ValidationError(
            _("Đã hết hạn trả lời: không sửa được ý kiến đã gửi."), code="too_late"
        )
    if choice == ConsultationAnswer.Choice.OTHER and not comment.strip():
        raise ValidationError(_("Hãy ghi rõ ý kiến khác."), code="comment_missing")
    answer = answer or ConsultationAnswer(consultation=consultation, member=member)
    answer.choice, answer.comment, answer.answered_at = choice, comment.strip(), now
    answer.answered_by = actor if getattr(actor, "is_authenticated", False) else None
    answer.full_clean()
    answer.save()
    audit(
        actor=actor,
        action="councils.consultation.answered",
        obj=answer,
        council=consultation.meeting.council,
        data={
            "member": member.person,
            "choice": choice,
            "late": now > consultation.deadline,
        },
    )
    return answer


def _mark_written_attendance(
    meeting: Meeting, tally: ConsultationTally, now: datetime.datetime
) -> None:
    on_time = {answer.member_id for answer in tally.on_time}
    late = {answer.member_id for answer in tally.late}
    rows = list(meeting.attendances.all())
    for row in rows:
        if row.member_id in on_time:
            row.status, row.reason = Attendance.Status.PRESENT, ""
        else:
            row.status = Attendance.Status.ABSENT
            row.reason = (
                _("Trả lời sau thời hạn")
                if row.member_id in late
                else _("Không trả lời")
            )
        row.marked_at = now
    Attendance.objects.bulk_update(rows, ["status", "reason", "marked_at"])


def _tally_vote(
    consultation: Consultation, tally: ConsultationTally, actor: Any
) -> tuple[Vote | None, Any]:
    """Store the tally as a written vote when enough members answered in time."""
    day = consultation_asked_day(consultation)
    unit = consultation.meeting.council.owner_unit
    voters = [a for a in tally.on_time if a.member.is_voting]
    fraction, _basis = quorum_rule(on=day, unit=unit)
    quorum = quorum_outcome(len(voters), tally.voting_total, fraction)
    if not quorum.reached:
        return None, quorum
    rule = vote_rule(on=day, unit=unit)
    check_method(VoteMethod.WRITTEN, rule)
    choices = [a.choice for a in voters]
    counts = VoteCounts(
        members_total=tally.voting_total,
        members_present=len(voters),
        votes_for=choices.count(ConsultationAnswer.Choice.AGREE),
        votes_against=choices.count(ConsultationAnswer.Choice.DISAGREE),
        abstentions=choices.count(ConsultationAnswer.Choice.OTHER),
    )
    vote = Vote(
        agenda_item=consultation.meeting.agenda_items.order_by("order").first(),
        question=consultation.question,
        method=VoteMethod.WRITTEN,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    vote.fill(counts, rule)
    vote.full_clean()
    vote.save()
    return vote, quorum


@transaction.atomic
def consultation_close(
    *,
    consultation: Consultation,
    actor: Any,
    issued_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Consultation:
    """Tally the answers, record the result as a written vote and issue the report.

    Before the deadline only when every member has answered. Late answers are
    listed but not counted; so are members who did not answer.
    """
    consultation = _lock(consultation)
    consultation.require_transition(Consultation.Status.CLOSED)
    full = consultation_queryset().get(pk=consultation.pk)
    tally = consultation_tally(full)
    now = at or timezone.now()
    if now < consultation.deadline and tally.missing:
        raise ValidationError(
            _("Chưa hết hạn trả lời (%(day)s) và còn %(n)s thành viên chưa trả lời.")
            % {
                "day": short_date(timezone.localtime(consultation.deadline).date()),
                "n": len(tally.missing),
            },
            code="still_open",
        )
    meeting = Meeting.objects.select_related(
        "council__owner_unit", "council__issuer"
    ).get(pk=consultation.meeting_id)
    _mark_written_attendance(meeting, tally, now)
    vote, quorum = _tally_vote(full, tally, actor)
    meeting.status, meeting.ends_at = Meeting.Status.HELD, now
    meeting.save(update_fields=["status", "ends_at", "updated_at"])
    consultation.status, consultation.closed_at = Consultation.Status.CLOSED, now
    day = issued_on or timezone.localtime(now).date()
    consultation.report = _issue_report(full, tally, vote, quorum, actor, day)
    consultation.save(update_fields=["status", "closed_at", "report", "updated_at"])
    audit(
        actor=actor,
        action="councils.consultation.closed",
        obj=consultation,
        council=meeting.council,
        data={
            "agree": tally.agree,
            "late": len(tally.late),
            "missing": len(tally.missing),
        },
    )
    signals.consultation_closed.send(
        sender=Consultation, consultation=consultation, vote=vote, actor=actor
    )
    return consultation


def _issue_report(
    consultation: Consultation,
    tally: ConsultationTally,
    vote: Vote | None,
    quorum: Any,
    actor: Any,
    issued_on: datetime.date,
) -> IssuedDocument:
    day = issued_on
    data = consultation_report_data(consultation, tally, vote, quorum)
    document = document_number_allocate(
        issuer=consultation.meeting.council.issuer,
        doc_type=DocumentType.objects.get(code="bao-cao"),
        issued_on=day,
        summary=f"Báo cáo kết quả lấy ý kiến thành viên Hội đồng về {consultation.question}"[
            :500
        ],
        actor=actor,
        source=consultation,
    )
    context = consultation_report_context(data, number=document.number, issued_on=day)
    document.snapshot = {**context, "data": data}
    document.save(update_fields=["snapshot", "updated_at"])
    return document


def consultation_report_draft(consultation: Consultation) -> dict[str, Any]:
    """The report as the answers stand now, without a number."""
    full = consultation_queryset().get(pk=consultation.pk)
    tally = consultation_tally(full)
    return consultation_report_context(consultation_report_data(full, tally, None))
