"""Conferences: planning, attendance by member unit, items, conclusions, votes, minutes."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import (
    ClusterYear,
    Conference,
    ConferenceAttendance,
    ConferenceConclusion,
    ConferenceItem,
    ConferenceVote,
)
from clusters.models.votes import RULE_KEY
from clusters.printing import conference_minutes_context, conference_minutes_data
from councils.voting import VoteCounts, VoteMethod, check_method, vote_rule
from orgs.models import DocumentType, IssuedDocument
from orgs.services import document_number_allocate

from .common import audit, require_lead

CONFERENCE_FIELDS = (
    "title",
    "held_on",
    "starts_at",
    "ends_at",
    "place",
    "host_unit",
    "guests",
    "secretary_name",
    "secretary_title",
    "discussion",
)


def default_title(kind: str, year: int) -> str:
    titles = {
        Conference.Kind.KICKOFF: f"Hội nghị triển khai công tác thi đua, khen thưởng và ký kết giao ước thi đua năm {year}",
        Conference.Kind.MIDYEAR: f"Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}",
        Conference.Kind.YEAR_END: f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}",
    }
    return titles.get(kind, str(Conference.Kind(kind).label))


def lock_conference(conference: Conference) -> Conference:
    return (
        Conference.objects.select_for_update()
        .select_related("cluster_year__cluster__authority")
        .get(pk=conference.pk)
    )


def require_editable(conference: Conference) -> None:
    if not conference.is_editable:
        raise ValidationError(
            _("Biên bản hội nghị đã phát hành: không sửa được nữa."),
            code="minutes_issued",
        )


@transaction.atomic
def conference_create(
    *,
    cluster_year: ClusterYear,
    kind: str,
    held_on: datetime.date,
    actor: Any,
    **fields: Any,
) -> Conference:
    """Plan a conference; every member unit is listed, the head and deputies in the presidium."""
    require_lead(actor, cluster_year)
    fields.setdefault("title", default_title(kind, cluster_year.year))
    head = cluster_year.head
    if head is not None:
        fields.setdefault("host_unit", head.unit)
    conference = Conference(
        cluster_year=cluster_year, kind=kind, held_on=held_on, **fields
    )
    conference.full_clean()
    conference.save()
    ConferenceAttendance.objects.bulk_create(
        ConferenceAttendance(
            conference=conference,
            unit_id=m.unit_id,
            representative_name=m.representative_name,
            representative_title=m.representative_title,
            in_presidium=m.role != "member",
        )
        for m in cluster_year.memberships.order_by("order", "pk")
    )
    audit(
        actor,
        "clusters.conference.created",
        conference,
        cluster_year.cluster.authority,
        kind=kind,
        held_on=held_on,
    )
    return conference


@transaction.atomic
def conference_update(
    *, conference: Conference, actor: Any, **changes: Any
) -> Conference:
    conference = lock_conference(conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    unknown = set(changes) - set(CONFERENCE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    before = {name: getattr(conference, name) for name in changes}
    for name, value in changes.items():
        setattr(conference, name, value)
    conference.full_clean()
    conference.save(update_fields=[*changes, "updated_at"])
    audit(
        actor,
        "clusters.conference.changed",
        conference,
        conference.cluster_year.cluster.authority,
        before=before,
        after=changes,
    )
    return conference


@transaction.atomic
def conference_mark_held(*, conference: Conference, actor: Any) -> Conference:
    conference = lock_conference(conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    conference.status = Conference.Status.HELD
    conference.save(update_fields=["status", "updated_at"])
    audit(
        actor,
        "clusters.conference.held",
        conference,
        conference.cluster_year.cluster.authority,
    )
    return conference


@transaction.atomic
def attendance_set(
    *,
    attendance: ConferenceAttendance,
    actor: Any,
    status: str,
    representative_name: str = "",
    representative_title: str = "",
    in_presidium: bool = False,
    absence_reason: str = "",
) -> ConferenceAttendance:
    conference = lock_conference(attendance.conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    row = ConferenceAttendance.objects.select_for_update().get(pk=attendance.pk)
    before = {"status": row.status, "representative_name": row.representative_name}
    row.status = status
    row.representative_name = representative_name.strip()
    row.representative_title = representative_title.strip()
    row.in_presidium = in_presidium and status == ConferenceAttendance.Status.PRESENT
    row.absence_reason = absence_reason.strip() if status != "present" else ""
    row.full_clean()
    row.save()
    audit(
        actor,
        "clusters.conference.attendance_set",
        conference,
        row.unit,
        unit_code=row.unit.code,
        before=before,
        after={"status": status, "representative_name": row.representative_name},
    )
    return row


@transaction.atomic
def conference_item_add(
    *, conference: Conference, actor: Any, kind: str, title: str, **fields: Any
) -> ConferenceItem:
    conference = lock_conference(conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    fields.setdefault("order", conference.items.count() + 1)
    item = ConferenceItem(
        conference=conference, kind=kind, title=title.strip(), **fields
    )
    item.full_clean()
    item.save()
    audit(
        actor,
        "clusters.conference.item_added",
        conference,
        conference.cluster_year.cluster.authority,
        title=title,
    )
    return item


@transaction.atomic
def conference_item_remove(*, item: ConferenceItem, actor: Any) -> None:
    conference = lock_conference(item.conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    if item.votes.exists():
        raise ValidationError(_("Nội dung đã có kết quả biểu quyết."), code="has_votes")
    audit(
        actor,
        "clusters.conference.item_removed",
        conference,
        conference.cluster_year.cluster.authority,
        title=item.title,
    )
    item.delete()


@transaction.atomic
def conclusion_add(
    *, conference: Conference, actor: Any, text: str
) -> ConferenceConclusion:
    conference = lock_conference(conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    if not text.strip():
        raise ValidationError(_("Hãy ghi nội dung kết luận."), code="required")
    conclusion = ConferenceConclusion.objects.create(
        conference=conference,
        text=text.strip(),
        order=conference.conclusions.count() + 1,
    )
    audit(
        actor,
        "clusters.conference.concluded",
        conference,
        conference.cluster_year.cluster.authority,
        text=text,
    )
    return conclusion


@transaction.atomic
def conclusion_remove(*, conclusion: ConferenceConclusion, actor: Any) -> None:
    conference = lock_conference(conclusion.conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    audit(
        actor,
        "clusters.conference.conclusion_removed",
        conference,
        conference.cluster_year.cluster.authority,
        text=conclusion.text,
    )
    conclusion.delete()


@transaction.atomic
def conference_vote_record(
    *,
    item: ConferenceItem,
    actor: Any,
    question: str,
    method: str,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    invalid: int = 0,
    **links: Any,
) -> ConferenceVote:
    """Record a vote of the member units (one vote each), judged by the rule in force."""
    conference = lock_conference(item.conference)
    require_lead(actor, conference.cluster_year)
    require_editable(conference)
    if method not in (VoteMethod.SHOW_OF_HANDS, VoteMethod.SECRET_BALLOT):
        raise ValidationError(
            _("Hội nghị biểu quyết bằng giơ tay hoặc bỏ phiếu kín."), code="method"
        )
    if method == VoteMethod.SHOW_OF_HANDS and invalid:
        raise ValidationError(
            _("Biểu quyết giơ tay không có phiếu không hợp lệ."),
            code="invalid_by_hands",
        )
    rows = list(conference.attendance.all())
    counts = VoteCounts(
        members_total=len(rows),
        members_present=sum(1 for r in rows if r.status == "present"),
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        invalid=invalid,
    )
    rule = vote_rule(
        on=conference.held_on,
        key=RULE_KEY,
        unit=conference.cluster_year.cluster.authority,
    )
    check_method(method, rule)
    vote = ConferenceVote(
        item=item,
        question=question.strip(),
        method=method,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        **links,
    )
    vote.fill(counts, rule)
    vote.full_clean()
    vote.save()
    audit(
        actor,
        "clusters.conference.vote_recorded",
        vote,
        conference.cluster_year.cluster.authority,
        question=question,
        counts=counts.__dict__,
        percentage=vote.percentage,
        passed=vote.passed,
    )
    return vote


def evaluation_item(conference: Conference) -> ConferenceItem:
    """The conference's "bình xét" item, created on first use."""
    item = conference.items.filter(kind=ConferenceItem.Kind.EVALUATION).first()
    if item is not None:
        return item
    year = conference.cluster_year.year
    return ConferenceItem.objects.create(
        conference=conference,
        kind=ConferenceItem.Kind.EVALUATION,
        title=(
            f"Bình xét thi đua năm {year}; giới thiệu, đề xuất đơn vị trưởng, "
            f"phó năm {year + 1}"
        ),
        order=conference.items.count() + 1,
        outcome=ConferenceItem.Outcome.ADOPTED,
    )


def minutes_draft(conference: Conference) -> dict[str, Any]:
    return conference_minutes_context(conference, conference_minutes_data(conference))


@transaction.atomic
def conference_minutes_issue(
    *, conference: Conference, actor: Any, issued_on: datetime.date | None = None
) -> IssuedDocument:
    """Number the minutes in the cluster's register and freeze the conference."""
    conference = lock_conference(conference)
    year = conference.cluster_year
    require_lead(actor, year)
    require_editable(conference)
    if conference.status != Conference.Status.HELD:
        raise ValidationError(
            _("Chỉ phát hành biên bản sau khi hội nghị đã họp."), code="not_held"
        )
    full = (
        Conference.objects.prefetch_related(
            "attendance__unit",
            "items__votes",
            "items__document__issued__doc_type",
            "conclusions",
            "cluster_year__memberships__unit",
        )
        .select_related("cluster_year__cluster__issuer")
        .get(pk=conference.pk)
    )
    data = conference_minutes_data(full)
    day = issued_on or conference.held_on
    document = document_number_allocate(
        issuer=year.cluster.issuer,
        doc_type=DocumentType.objects.get(code="bien-ban"),
        issued_on=day,
        summary=f"Biên bản {data['summary'][:1].lower()}{data['summary'][1:]}"[:500],
        actor=actor,
        source=conference,
    )
    document.snapshot = conference_minutes_context(
        full, data, number=document.number, issued_on=day
    )
    document.save(update_fields=["snapshot", "updated_at"])
    conference.minutes, conference.status = document, Conference.Status.MINUTES_ISSUED
    conference.save(update_fields=["minutes", "status", "updated_at"])
    audit(
        actor,
        "clusters.conference.minutes_issued",
        conference,
        year.cluster.authority,
        number=document.full_number,
    )
    return document
