"""Written consultations: who was asked, who answered in time, late or not at all."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from councils.models import (
    Consultation,
    ConsultationAnswer,
    Council,
    CouncilMember,
)
from orgs.scoping import Scope

from .councils import get_for_viewer_or_404, member_council_ids, members_on

# Written consultations -----------------------------------------------------------


@dataclass
class ConsultationTally:
    """Who was asked, who answered in time, late, or not at all, and the counts."""

    asked: list[CouncilMember]
    on_time: list[ConsultationAnswer] = field(default_factory=list)
    late: list[ConsultationAnswer] = field(default_factory=list)
    missing: list[CouncilMember] = field(default_factory=list)

    def count(self, choice: str) -> int:
        return sum(1 for answer in self.on_time if answer.choice == choice)

    @property
    def agree(self) -> int:
        return self.count(ConsultationAnswer.Choice.AGREE)

    @property
    def disagree(self) -> int:
        return self.count(ConsultationAnswer.Choice.DISAGREE)

    @property
    def other(self) -> int:
        return self.count(ConsultationAnswer.Choice.OTHER)

    @property
    def voting_total(self) -> int:
        return sum(1 for member in self.asked if member.is_voting)


def consultation_queryset() -> QuerySet[Consultation]:
    return Consultation.objects.select_related(
        "meeting",
        "meeting__council",
        "meeting__council__owner_unit",
        "meeting__council__issuer",
        "meeting__chair",
        "report",
    ).prefetch_related(
        "documents",
        Prefetch(
            "answers",
            queryset=ConsultationAnswer.objects.select_related(
                "member", "member__person", "answered_by"
            ),
        ),
    )


def consultation_detail(*, scope: Scope, pk: Any) -> Consultation:
    return get_for_viewer_or_404(
        consultation_queryset(), scope, "meeting__council__", pk
    )


def consultation_asked_day(consultation: Consultation) -> datetime.date:
    """The composition is the one in force when the question went out (or today)."""
    moment = consultation.sent_at or timezone.now()
    return timezone.localtime(moment).date()


def consultation_tally(consultation: Consultation) -> ConsultationTally:
    """Split the members asked into answered in time, late and silent."""
    asked = list(
        members_on(
            consultation.meeting.council_id, consultation_asked_day(consultation)
        )
    )
    answers = {answer.member_id: answer for answer in consultation.answers.all()}
    tally = ConsultationTally(asked=asked)
    for member in asked:
        answer = answers.get(member.pk)
        if answer is None:
            tally.missing.append(member)
        elif answer.answered_at > consultation.deadline:
            tally.late.append(answer)
        else:
            tally.on_time.append(answer)
    return tally


def consultations_of(council: Council) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(meeting__council=council)
        .select_related("meeting", "report")
        .annotate(answer_count=Count("answers"))
        .order_by("-deadline", "-pk")
    )


def pending_consultations_for(*, user: Any) -> QuerySet[Consultation]:
    """Questions sent to councils the user sits on that the user has not answered."""
    return (
        Consultation.objects.filter(
            status=Consultation.Status.SENT,
            meeting__council_id__in=member_council_ids(user.pk),
        )
        .exclude(answers__member__person__user_id=user.pk)
        .select_related("meeting__council")
        .order_by("deadline")
    )
