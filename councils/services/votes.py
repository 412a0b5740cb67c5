"""Recording votes of a session, judged by the rule in force on the session date."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from councils import signals
from councils.models import AgendaItem, Attendance, Meeting, Vote
from councils.selectors import meeting_queryset
from councils.services.common import (
    audit,
    lock_meeting,
    require_editable,
    require_quorum,
)
from councils.voting import VoteCounts, VoteMethod, VoteRule, check_method, vote_rule

ROOM_METHODS = (VoteMethod.SHOW_OF_HANDS, VoteMethod.SECRET_BALLOT)


def session_counts(meeting: Meeting, **ballots: int) -> VoteCounts:
    """Members entitled to vote and present, from the attendance list, plus the ballots."""
    rows = [row for row in meeting.attendances.all() if row.member.is_voting]
    present = sum(1 for row in rows if row.status == Attendance.Status.PRESENT)
    return VoteCounts(members_total=len(rows), members_present=present, **ballots)


def _guard_method(meeting: Meeting, method: str, counts: VoteCounts) -> None:
    allowed = (
        (VoteMethod.WRITTEN,) if meeting.kind == Meeting.Kind.WRITTEN else ROOM_METHODS
    )
    if method not in allowed:
        raise ValidationError(
            _("Hình thức “%(method)s” không dùng được cho phiên họp này.")
            % {"method": VoteMethod(method).label},
            code="method_not_allowed",
        )
    if method == VoteMethod.SHOW_OF_HANDS and counts.invalid:
        raise ValidationError(
            _("Biểu quyết giơ tay không có phiếu không hợp lệ."),
            code="invalid_by_hands",
        )


def _guard_written(meeting: Meeting, counts: VoteCounts) -> None:
    senders = sum(
        1
        for row in meeting.attendances.all()
        if row.written_opinion and row.member.is_voting
    )
    if counts.written > senders:
        raise ValidationError(
            _(
                "Chỉ có %(n)s thành viên vắng mặt gửi ý kiến bằng văn bản (đánh dấu ở "
                "phần điểm danh)."
            )
            % {"n": senders},
            code="written_over_senders",
        )


def _rule_for(meeting: Meeting, method: str, counts: VoteCounts, key: str) -> VoteRule:
    """Check the method and the written opinions, then read the rule of that day."""
    _guard_method(meeting, method, counts)
    _guard_written(meeting, counts)
    rule = vote_rule(on=meeting.session_date, key=key, unit=meeting.council.owner_unit)
    check_method(method, rule)
    return rule


@transaction.atomic
def vote_record(
    *,
    agenda_item: AgendaItem,
    actor: Any,
    question: str,
    method: str,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    invalid: int = 0,
    written_for: int = 0,
    written_against: int = 0,
    rule_key: str = "",
    subject: models.Model | None = None,
) -> Vote:
    """Record a vote on an agenda item and judge it by the rule in force that day.

    Refused below quorum. The members entitled and present come from the attendance
    list; ``rule_key`` selects an award kind's rule ("" = council decisions);
    ``subject`` (a nominee…) is any object of a higher app.
    """
    meeting = lock_meeting(agenda_item.meeting)
    require_editable(meeting)
    meeting = meeting_queryset().get(pk=meeting.pk)
    require_quorum(meeting)
    counts = session_counts(
        meeting,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        invalid=invalid,
        written_for=written_for,
        written_against=written_against,
    )
    rule = _rule_for(meeting, method, counts, rule_key)
    vote = Vote(
        agenda_item=agenda_item,
        question=question,
        method=method,
        recorded_by=_user(actor),
    )
    vote.fill(counts, rule)
    if subject is not None:
        vote.subject_type = ContentType.objects.get_for_model(subject)
        vote.subject_id = subject.pk
    vote.full_clean()
    vote.save()
    audit(
        actor=actor,
        action="councils.vote.recorded",
        obj=vote,
        council=meeting.council,
        data={
            "counts": counts.__dict__,
            "percentage": vote.percentage,
            "passed": vote.passed,
        },
    )
    signals.vote_recorded.send(sender=Vote, vote=vote, actor=actor)
    return vote


@transaction.atomic
def vote_delete(*, vote: Vote, actor: Any) -> None:
    """Remove a mistaken vote before the minutes are issued (the audit keeps it)."""
    meeting = lock_meeting(vote.agenda_item.meeting)
    require_editable(meeting)
    audit(
        actor=actor,
        action="councils.vote.deleted",
        obj=vote,
        council=meeting.council,
        data={"before": {"question": vote.question, "counts": vote.counts.__dict__}},
    )
    vote.delete()


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
