"""Council review of checked dossiers: the agenda, the vote on each nominee (or on the
whole list where the rule allows), and the council's result sent back to the dossier.

The session, attendance, quorum and vote counts are the councils app's:
``councils.services.vote_record`` judges each vote by the rule in force on the
session date for the award kind (``AwardKind.rule_key``: e.g. secret ballot and
at least 90% of all members for CSTĐ tỉnh) and refuses below quorum. This module
decides what is voted on and what the votes mean for the nominees.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AgendaEntry,
    AwardKind,
    Dossier,
    Nomination,
    NominationVote,
)
from councils import services as council_services
from councils.models import AgendaItem, Council, Meeting, Vote
from councils.voting import VoteMethod, vote_rule
from orgs.selectors import parameter_value_or
from orgs.services import audit_record
from orgs.vn import percent_vi

from . import dossiers as flow
from .public import public_comment_guard

PROPOSED = Nomination.Outcome.PROPOSED


def list_vote_allowed(award_kind: AwardKind, meeting: Meeting) -> bool:
    """The dated parameter ``vote_per_list`` for the kind (falling back to the general one)."""
    unit = meeting.council.owner_unit
    value = parameter_value_or(
        "vote_per_list",
        None,
        on=meeting.session_date,
        key=award_kind.rule_key,
        unit=unit,
    )
    if value is None:
        value = parameter_value_or(
            "vote_per_list", False, on=meeting.session_date, unit=unit
        )
    return bool(value)


def _guard_meeting(meeting: Meeting) -> None:
    if meeting.is_frozen:
        raise ValidationError(
            _("Phiên họp đã ban hành biên bản hoặc đã hủy: không thêm nội dung."),
            code="frozen",
        )
    if meeting.kind == Meeting.Kind.WRITTEN:
        raise ValidationError(
            _(
                "Xét khen thưởng cần một phiên họp, không dùng đợt lấy ý kiến bằng văn bản."
            ),
            code="written",
        )
    if meeting.council.kind != Council.Kind.EMULATION:
        raise ValidationError(
            _("Chỉ Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng."),
            code="council_kind",
        )


def _agenda_title(dossier: Dossier, day: Any) -> str:
    return _("Xét đề nghị tặng “%(kind)s” năm %(year)s") % {
        "kind": dossier.award_kind.name_on(day),
        "year": dossier.year_text,
    }


def _item_for(meeting: Meeting, dossier: Dossier, actor: Any) -> AgendaItem:
    """The session's awards item for this kind and year, created on first use."""
    existing = (
        AgendaEntry.objects.filter(
            agenda_item__meeting=meeting,
            dossier__award_kind_id=dossier.award_kind_id,
            dossier__year=dossier.year,
        )
        .select_related("agenda_item")
        .first()
    )
    if existing is not None:
        return existing.agenda_item
    council = meeting.council
    return council_services.agenda_item_create(
        meeting=meeting,
        actor=actor,
        title=_agenda_title(dossier, meeting.session_date),
        presenter=council.standing_unit.name if council.standing_unit_id else "",
    )


@transaction.atomic
def agenda_add(
    *, meeting: Meeting, dossiers: Iterable[Dossier], actor: Any
) -> list[AgendaEntry]:
    """Put checked dossiers on the session's agenda (one item per award kind and year).

    Each dossier moves to "at council"; the public-comment rule is checked against
    the session date, so a vote cannot be scheduled before the window has closed.
    """
    meeting = Meeting.objects.select_related(
        "council__owner_unit", "council__standing_unit"
    ).get(pk=meeting.pk)
    _guard_meeting(meeting)
    added = []
    for dossier in sorted(dossiers, key=lambda d: d.pk):
        if dossier.receiving_unit_id != meeting.council.owner_unit_id:
            raise ValidationError(
                _("Hồ sơ %(ref)s không thuộc thẩm quyền xét của %(council)s.")
                % {"ref": dossier.reference, "council": meeting.council.name},
                code="wrong_council",
            )
        moved = flow.dossier_send_to_council(
            dossier=dossier,
            actor=actor,
            on=meeting.session_date,
            reason=_("Đưa vào chương trình %(meeting)s") % {"meeting": meeting.title},
        )
        entry = AgendaEntry(
            agenda_item=_item_for(meeting, moved, actor),
            dossier=moved,
            mode=AgendaEntry.Mode.PER_NOMINEE,
            added_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        entry.full_clean()
        entry.save()
        added.append(entry)
    audit_record(
        actor=actor,
        action="awards.agenda.added",
        obj=meeting,
        unit=meeting.council.owner_unit,
        data={"dossiers": [entry.dossier.reference for entry in added]},
    )
    return added


def lock_entry(entry: AgendaEntry) -> AgendaEntry:
    locked = (
        AgendaEntry.objects.select_for_update(of=("self",))
        .select_related(
            "agenda_item__meeting__council__owner_unit",
            "dossier__award_kind",
            "dossier__unit",
            "dossier__receiving_unit",
        )
        .get(pk=entry.pk)
    )
    if not locked.is_active or locked.concluded_at is not None:
        raise ValidationError(
            _("Hồ sơ không còn chờ biểu quyết trong phiên họp này."), code="closed"
        )
    return locked


@transaction.atomic
def agenda_remove(*, entry: AgendaEntry, actor: Any, reason: str = "") -> AgendaEntry:
    """Take a dossier off the agenda before any vote on it; it goes back to "checked"."""
    locked = lock_entry(entry)
    if locked.nomination_votes.exists():
        raise ValidationError(
            _("Đã có kết quả biểu quyết: hãy xóa kết quả trước khi rút hồ sơ."),
            code="has_votes",
        )
    locked.is_active = False
    locked.save(update_fields=["is_active", "updated_at"])
    flow.dossier_remove_from_council(dossier=locked.dossier, actor=actor, reason=reason)
    item = locked.agenda_item
    others = AgendaEntry.objects.filter(agenda_item=item, is_active=True).exists()
    if not others and not item.votes.exists():
        # An item left empty goes from the session's agenda (and its minutes); the
        # dossier's history and the audit keep the removal.
        AgendaEntry.objects.filter(agenda_item=item).delete()
        council_services.agenda_item_delete(item=item, actor=actor)
    audit_record(
        actor=actor,
        action="awards.agenda.removed",
        obj=locked.dossier,
        unit=locked.dossier.unit,
        data={"reason": reason},
    )
    return locked


@transaction.atomic
def entry_set_mode(*, entry: AgendaEntry, mode: str, actor: Any) -> AgendaEntry:
    locked = lock_entry(entry)
    if locked.nomination_votes.exists():
        raise ValidationError(
            _("Đã có kết quả biểu quyết: không đổi cách biểu quyết được."),
            code="has_votes",
        )
    meeting = locked.agenda_item.meeting
    if mode == AgendaEntry.Mode.PER_LIST and not list_vote_allowed(
        locked.dossier.award_kind, meeting
    ):
        raise ValidationError(
            _(
                "Quy định áp dụng ngày %(day)s yêu cầu biểu quyết từng người đối với "
                "“%(kind)s”."
            )
            % {
                "day": meeting.session_date.strftime("%d/%m/%Y"),
                "kind": locked.dossier.award_kind.name,
            },
            code="per_person_required",
        )
    locked.mode = mode
    locked.full_clean()
    locked.save(update_fields=["mode", "updated_at"])
    return locked


def _question(dossier: Dossier, who: str) -> str:
    return _("Đề nghị tặng “%(kind)s” năm %(year)s cho %(who)s") % {
        "kind": dossier.award_kind.name,
        "year": dossier.year_text,
        "who": who,
    }


def _guard_vote(entry: AgendaEntry) -> None:
    public_comment_guard(
        dossier=entry.dossier, on=entry.agenda_item.meeting.session_date
    )


def _record(
    entry: AgendaEntry, actor: Any, question: str, subject: Any, **counts: int
) -> Vote:
    return council_services.vote_record(
        agenda_item=entry.agenda_item,
        actor=actor,
        question=question[:500],
        rule_key=entry.dossier.award_kind.rule_key,
        subject=subject,
        **counts,
    )


@transaction.atomic
def nominee_vote_record(
    *, entry: AgendaEntry, nomination: Nomination, actor: Any, **counts: Any
) -> NominationVote:
    """Record the council's vote on one nominee (method and counts in ``counts``)."""
    locked = lock_entry(entry)
    if locked.mode != AgendaEntry.Mode.PER_NOMINEE:
        raise ValidationError(_("Hồ sơ này biểu quyết cả danh sách."), code="per_list")
    nomination = Nomination.objects.select_for_update(of=("self",)).get(
        pk=nomination.pk
    )
    if nomination.dossier_id != locked.dossier_id or nomination.outcome != PROPOSED:
        raise ValidationError(
            _("Người này không còn trong danh sách đề nghị của hồ sơ."), code="stranger"
        )
    if NominationVote.objects.filter(entry=locked, nomination=nomination).exists():
        raise ValidationError(
            _("Đã có kết quả biểu quyết đối với %(name)s: hãy xóa kết quả cũ trước.")
            % {"name": nomination.display_name},
            code="already_voted",
        )
    _guard_vote(locked)
    vote = _record(
        locked,
        actor,
        _question(locked.dossier, nomination.display_name),
        nomination,
        **counts,
    )
    link = NominationVote(entry=locked, nomination=nomination, vote=vote)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def list_vote_record(
    *,
    entry: AgendaEntry,
    actor: Any,
    excluded: dict[int, str] | None = None,
    **counts: Any,
) -> list[NominationVote]:
    """One vote on the whole list; ``excluded`` (id → reason) are taken off it first."""
    locked = lock_entry(entry)
    meeting = locked.agenda_item.meeting
    if locked.mode != AgendaEntry.Mode.PER_LIST or not list_vote_allowed(
        locked.dossier.award_kind, meeting
    ):
        raise ValidationError(
            _("Hồ sơ này phải biểu quyết từng người."), code="per_person_required"
        )
    if locked.nomination_votes.exists():
        raise ValidationError(_("Danh sách đã được biểu quyết."), code="already_voted")
    live = {n.pk: n for n in locked.dossier.nominations.filter(outcome=PROPOSED)}
    excluded = {int(k): (v or "").strip() for k, v in (excluded or {}).items()}
    if set(excluded) - set(live):
        raise ValidationError(
            _("Có người không thuộc danh sách đề nghị của hồ sơ."), code="stranger"
        )
    if any(not reason for reason in excluded.values()):
        raise ValidationError(
            _("Phải ghi lý do đưa người ra khỏi danh sách biểu quyết."),
            code="reason_required",
        )
    voted = [n for pk, n in live.items() if pk not in excluded]
    if not voted:
        raise ValidationError(_("Danh sách biểu quyết không còn ai."), code="empty")
    _guard_vote(locked)
    dossier = locked.dossier
    question = _("Thông qua danh sách %(count)s người, tập thể (%(ref)s): %(what)s") % {
        "count": len(voted),
        "ref": dossier.reference,
        "what": _question(dossier, _("các trường hợp trong danh sách")),
    }
    vote = _record(locked, actor, question, dossier, **counts)
    links = [NominationVote(entry=locked, nomination=n, vote=vote) for n in voted]
    links += [
        NominationVote(entry=locked, nomination=live[pk], excluded_reason=reason[:500])
        for pk, reason in excluded.items()
    ]
    return NominationVote.objects.bulk_create(links)


@transaction.atomic
def nominee_vote_delete(*, link: NominationVote, actor: Any) -> None:
    """Remove a mistaken result before the result is sent to the dossier.

    The councils app deletes the vote (refused once the minutes are issued); a
    list vote takes all its links, and the exclusions, with it.
    """
    locked = lock_entry(link.entry)
    if link.vote_id is None:
        locked.nomination_votes.filter(vote__isnull=True).delete()
        return
    vote = Vote.objects.get(pk=link.vote_id)
    council_services.vote_delete(vote=vote, actor=actor)
    if locked.mode == AgendaEntry.Mode.PER_LIST:
        locked.nomination_votes.all().delete()


def failure_reason(vote: Vote) -> str:
    yes = vote.votes_for + (vote.written_for if vote.absent_written_counted else 0)
    return _(
        "Hội đồng biểu quyết: %(yes)s/%(base)s (%(percent)s) tán thành, không đạt tỷ lệ "
        "%(rule)s (%(basis)s)."
    ) % {
        "yes": yes,
        "base": vote.base_size,
        "percent": percent_vi(vote.percentage / 100),
        "rule": vote.rule.describe(),
        "basis": vote.legal_basis or _("quy định hiện hành"),
    }


@transaction.atomic
def entry_conclude(*, entry: AgendaEntry, actor: Any) -> Dossier:
    """Send the council's result to the dossier: approved nominees, the others with why."""
    locked = lock_entry(entry)
    live = {n.pk: n for n in locked.dossier.nominations.filter(outcome=PROPOSED)}
    links = {
        link.nomination_id: link
        for link in locked.nomination_votes.select_related("vote")
    }
    missing = [n.display_name for pk, n in live.items() if pk not in links]
    if missing:
        raise ValidationError(
            _("Còn %(count)s người chưa có kết quả biểu quyết (ví dụ: %(name)s).")
            % {"count": len(missing), "name": missing[0]},
            code="incomplete",
        )
    approved, rejected = [], {}
    for pk in live:
        link = links[pk]
        if link.vote is None:
            rejected[pk] = _("Hội đồng không đưa ra biểu quyết: %(reason)s") % {
                "reason": link.excluded_reason
            }
        elif link.vote.passed:
            approved.append(pk)
        else:
            rejected[pk] = failure_reason(link.vote)
    locked.concluded_at = timezone.now()
    locked.save(update_fields=["concluded_at", "updated_at"])
    if approved:
        return flow.dossier_approve(
            dossier=locked.dossier,
            actor=actor,
            approved_ids=approved,
            rejected=rejected,
        )
    moved = flow.dossier_not_approve(
        dossier=locked.dossier,
        actor=actor,
        reason=_("Không ai đạt tỷ lệ biểu quyết của Hội đồng."),
    )
    # Each nominee keeps the counts of their own vote as the reason.
    rows = list(Nomination.objects.filter(pk__in=list(rejected)))
    for row in rows:
        row.outcome_reason = rejected[row.pk]
    Nomination.objects.bulk_update(rows, ["outcome_reason"])
    return moved


METHODS = [VoteMethod.SHOW_OF_HANDS, VoteMethod.SECRET_BALLOT]


def rule_for(entry: AgendaEntry) -> Any:
    """The rule in force on the session date for the dossier's award kind."""
    meeting = entry.agenda_item.meeting
    return vote_rule(
        on=meeting.session_date,
        key=entry.dossier.award_kind.rule_key,
        unit=meeting.council.owner_unit,
    )
