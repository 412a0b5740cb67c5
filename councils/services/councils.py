"""Writes of councils, their compositions (thành lập, kiện toàn) and members."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from councils.models import Composition, Council, CouncilMember, Meeting
from councils.selectors import members_on
from councils.services.common import audit, lock_council
from orgs.models import DocumentIssuer, Person, Unit
from orgs.services import model_changes
from orgs.vn import short_date

ISSUER_FIELDS = ("symbol", "header_parent", "header_name")


def _issuer_header_parent(unit: Unit) -> str:
    # "ỦY BAN NHÂN DÂN\nQUẬN HAI BÀ TRƯNG" prints on one line above the council's name.
    return " ".join(unit.printed_name.split())


@transaction.atomic
def council_create(
    *,
    actor: Any,
    code: str,
    name: str,
    owner_unit: Unit,
    symbol: str,
    kind: str = Council.Kind.EMULATION,
    standing_unit: Unit | None = None,
    meeting_interval_months: int | None = 3,
    founded_on: datetime.date | None = None,
    header_parent: str = "",
    header_name: str = "",
    note: str = "",
) -> Council:
    """Create a council and its own document issuer (kind COUNCIL, e.g. "HĐTĐKT")."""
    issuer = DocumentIssuer(
        unit=owner_unit,
        kind=DocumentIssuer.Kind.COUNCIL,
        name=name,
        symbol=symbol,
        header_parent=header_parent or _issuer_header_parent(owner_unit),
        header_name=header_name,
        place_name=owner_unit.place_name,
    )
    issuer.full_clean()
    issuer.save()
    council = Council(
        code=code,
        name=name,
        kind=kind,
        owner_unit=owner_unit,
        issuer=issuer,
        standing_unit=standing_unit,
        meeting_interval_months=meeting_interval_months,
        founded_on=founded_on,
        note=note,
    )
    council.full_clean()
    council.save()
    audit(
        actor=actor,
        action="councils.council.created",
        obj=council,
        council=council,
        data={"after": {"code": code, "name": name, "symbol": symbol}},
    )
    return council


@transaction.atomic
def council_update(*, council: Council, actor: Any, **changes: Any) -> Council:
    """Change a council; symbol and printed names go to its document issuer."""
    council = lock_council(council)
    issuer_changes = {k: changes.pop(k) for k in ISSUER_FIELDS if k in changes}
    diff = model_changes(council, changes)
    for name, value in changes.items():
        setattr(council, name, value)
    council.full_clean()
    council.save()
    issuer = council.issuer
    issuer_diff = model_changes(issuer, issuer_changes)
    if issuer_diff["after"] or "name" in diff["after"]:
        for name, value in issuer_changes.items():
            setattr(issuer, name, value)
        issuer.name = council.name
        issuer.full_clean()
        issuer.save()
    if "dissolved_on" in diff["after"]:
        rechain(council)
    if diff["after"] or issuer_diff["after"]:
        audit(
            actor=actor,
            action="councils.council.changed",
            obj=council,
            council=council,
            data={
                "before": {**diff["before"], **issuer_diff["before"]},
                "after": {**diff["after"], **issuer_diff["after"]},
            },
        )
    return council


def rechain(council: Council) -> None:
    """Close each composition the day before the next one; the last runs on.

    Kept by the services so that "who sat on this date" never finds two
    compositions (or none in the middle of the history).
    """
    compositions = list(
        Composition.objects.filter(council=council).order_by("valid_from")
    )
    for current, following in zip(compositions, [*compositions[1:], None], strict=True):
        end = (
            following.valid_from - datetime.timedelta(days=1)
            if following is not None
            else council.dissolved_on
        )
        if current.valid_to != end:
            current.valid_to = end
            current.save(update_fields=["valid_to", "updated_at"])


def _copy_members(source: Composition, target: Composition) -> int:
    """Carry over the seats still held the day before ``target`` takes effect."""
    day_before = target.valid_from - datetime.timedelta(days=1)
    seats = [
        CouncilMember(
            composition=target,
            person_id=seat.person_id,
            role=seat.role,
            position_title=seat.position_title,
            represented_unit_id=seat.represented_unit_id,
            order=seat.order,
            is_voting=seat.is_voting,
        )
        for seat in members_on(source.council_id, day_before).filter(composition=source)
    ]
    CouncilMember.objects.bulk_create(seats)
    return len(seats)


def _guard_start(council: Council, start: datetime.date) -> None:
    if council.dissolved_on and start > council.dissolved_on:
        raise ValidationError(
            _("Hội đồng đã giải thể: không kiện toàn được."), code="dissolved"
        )
    if Composition.objects.filter(council=council, valid_from=start).exists():
        raise ValidationError(
            _("Đã có thành phần hội đồng áp dụng từ ngày %(day)s.")
            % {"day": short_date(start)},
            code="duplicate_start",
        )


@transaction.atomic
def composition_create(
    *,
    council: Council,
    actor: Any,
    decision_number: str,
    decision_date: datetime.date,
    decision_issuer: str,
    kind: str = Composition.Kind.RECONSTITUTION,
    valid_from: datetime.date | None = None,
    decision_summary: str = "",
    decision_document: Any = None,
    note: str = "",
    copy_members: bool = True,
) -> Composition:
    """Record a founding or re-constitution decision and the composition it sets.

    With ``copy_members`` the seats of the composition it replaces are carried
    over, to be edited (most kiện toàn decisions change a few names only).
    """
    council = lock_council(council)
    start = valid_from or decision_date
    _guard_start(council, start)
    previous = (
        Composition.objects.filter(council=council, valid_from__lt=start)
        .order_by("-valid_from")
        .first()
    )
    composition = Composition(
        council=council,
        kind=kind,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        decision_issuer=decision_issuer,
        decision_summary=decision_summary,
        decision_document=decision_document,
        valid_from=start,
        note=note,
    )
    composition.full_clean()
    composition.save()
    copied = _copy_members(previous, composition) if copy_members and previous else 0
    rechain(council)
    audit(
        actor=actor,
        action="councils.composition.created",
        obj=composition,
        council=council,
        data={
            "after": {
                "decision": decision_number,
                "valid_from": start,
                "copied": copied,
            }
        },
    )
    return composition


@transaction.atomic
def composition_update(
    *, composition: Composition, actor: Any, **changes: Any
) -> Composition:
    council = lock_council(composition.council)
    composition = Composition.objects.get(pk=composition.pk)
    diff = model_changes(composition, changes)
    for name, value in changes.items():
        setattr(composition, name, value)
    composition.full_clean()
    composition.save()
    rechain(council)
    if diff["after"]:
        audit(
            actor=actor,
            action="councils.composition.changed",
            obj=composition,
            council=council,
            data=diff,
        )
    return composition


def _guard_seat(member: CouncilMember) -> None:
    twins = CouncilMember.objects.filter(
        composition_id=member.composition_id, person_id=member.person_id
    ).exclude(pk=member.pk)
    if twins.exists():
        raise ValidationError(
            _("%(name)s đã có trong thành phần này.") % {"name": member.person},
            code="duplicate_member",
        )
    if member.role == CouncilMember.Role.CHAIR:
        chairs = CouncilMember.objects.filter(
            composition_id=member.composition_id, role=CouncilMember.Role.CHAIR
        ).exclude(pk=member.pk)
        if chairs.exists():
            raise ValidationError(
                _("Thành phần này đã có Chủ tịch Hội đồng."), code="second_chair"
            )


@transaction.atomic
def member_add(
    *,
    composition: Composition,
    person: Person,
    actor: Any,
    role: str = CouncilMember.Role.MEMBER,
    position_title: str = "",
    represented_unit: Unit | None = None,
    order: int | None = None,
    is_voting: bool = True,
    joined_on: datetime.date | None = None,
) -> CouncilMember:
    lock_council(composition.council)
    if order is None:
        order = (composition.members.aggregate(top=Max("order"))["top"] or 0) + 1
    member = CouncilMember(
        composition=composition,
        person=person,
        role=role,
        position_title=position_title,
        represented_unit=represented_unit,
        order=order,
        is_voting=is_voting,
        joined_on=joined_on,
    )
    _guard_seat(member)
    member.full_clean()
    member.save()
    audit(
        actor=actor,
        action="councils.member.added",
        obj=member,
        council=composition.council,
        data={"after": {"person": person, "role": role}},
    )
    return member


@transaction.atomic
def member_update(
    *, member: CouncilMember, actor: Any, **changes: Any
) -> CouncilMember:
    council = lock_council(member.composition.council)
    member = CouncilMember.objects.select_related("composition").get(pk=member.pk)
    diff = model_changes(member, changes)
    for name, value in changes.items():
        setattr(member, name, value)
    _guard_seat(member)
    _guard_seat_dates(member)
    member.full_clean()
    member.save()
    if "left_on" in diff["after"] or "joined_on" in diff["after"]:
        _resync_open_meetings(council, member)
    if diff["after"]:
        audit(
            actor=actor,
            action="councils.member.changed",
            obj=member,
            council=council,
            data=diff,
        )
    return member


def _guard_seat_dates(member: CouncilMember) -> None:
    composition = member.composition
    if member.left_on and member.left_on <= composition.valid_from:
        raise ValidationError(
            _(
                "Ngày thôi làm thành viên phải sau ngày thành phần này có hiệu lực (%(day)s)."
            )
            % {"day": short_date(composition.valid_from)},
            code="left_before_start",
        )


@transaction.atomic
def member_remove(*, member: CouncilMember, actor: Any) -> None:
    """Take a seat out of a composition entered by mistake (or not in the decision).

    A seat that sat in a session, was given a task or answered a consultation is
    history: record the day the member left instead.
    """
    council = lock_council(member.composition.council)
    used = (
        member.attendances.exists()
        or member.tasks.exists()
        or member.consultation_answers.exists()
    )
    if used:
        raise ValidationError(
            _(
                "%(name)s đã dự họp, được giao việc hoặc đã cho ý kiến: hãy ghi ngày thôi "
                "làm thành viên thay vì xóa."
            )
            % {"name": member.person},
            code="seat_in_use",
        )
    audit(
        actor=actor,
        action="councils.member.removed",
        obj=member,
        council=council,
        data={"before": {"person": member.person, "role": member.role}},
    )
    member.delete()


def member_leave(
    *, member: CouncilMember, actor: Any, left_on: datetime.date, note: str = ""
) -> CouncilMember:
    """Record that a member stops sitting from ``left_on`` (nghỉ hưu, chuyển công tác…)."""
    return member_update(member=member, actor=actor, left_on=left_on, left_note=note)


def _resync_open_meetings(council: Council, member: CouncilMember) -> None:
    """Sessions not yet frozen take the new dates into their attendance lists."""
    from councils.services.meetings import sync_attendance

    meetings = Meeting.objects.filter(
        council=council, minutes__isnull=True, status=Meeting.Status.PLANNED
    ).exclude(kind=Meeting.Kind.WRITTEN)
    for meeting in meetings:
        sync_attendance(meeting)
