"""Factories of the councils. Each goes through the service, as the app does."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from councils import services
from councils.models import Composition, Council, CouncilMember, Meeting
from tests.factories import PersonFactory, UnitFactory

D = datetime.date


def at(day: datetime.date, hour: int = 14, minute: int = 0) -> datetime.datetime:
    """An aware date-time in Hà Nội time."""
    return timezone.make_aware(
        datetime.datetime(day.year, day.month, day.day, hour, minute)
    )


class CouncilFactory(DjangoModelFactory):
    class Meta:
        model = Council

    code = factory.Sequence(lambda n: f"HD{n:04d}")
    name = factory.Sequence(lambda n: f"Hội đồng Thi đua – Khen thưởng thử {n}")
    owner_unit = factory.SubFactory(UnitFactory)
    symbol = factory.Sequence(lambda n: f"HĐTĐKT{n}")
    meeting_interval_months = 3
    founded_on = D(2020, 1, 1)

    @classmethod
    def _create(cls, model_class: type[Council], *args: Any, **kwargs: Any) -> Council:
        return services.council_create(actor=None, **kwargs)


class CompositionFactory(DjangoModelFactory):
    class Meta:
        model = Composition

    council = factory.SubFactory(CouncilFactory)
    decision_number = factory.Sequence(lambda n: f"{4000 + n}/QĐ-UBND")
    decision_date = D(2020, 12, 17)
    decision_issuer = "UBND quận thử"
    kind = Composition.Kind.FOUNDING
    copy_members = False

    @classmethod
    def _create(
        cls, model_class: type[Composition], *args: Any, **kwargs: Any
    ) -> Composition:
        return services.composition_create(actor=None, **kwargs)


class CouncilMemberFactory(DjangoModelFactory):
    class Meta:
        model = CouncilMember

    composition = factory.SubFactory(CompositionFactory)
    person = factory.SubFactory(PersonFactory)
    role = CouncilMember.Role.MEMBER

    @classmethod
    def _create(
        cls, model_class: type[CouncilMember], *args: Any, **kwargs: Any
    ) -> CouncilMember:
        return services.member_add(actor=None, **kwargs)


def seated_council(
    owner_unit: Any,
    size: int = 9,
    *,
    decision_date: datetime.date | None = None,
    people: list[Any] | None = None,
) -> tuple[Council, Composition, list[CouncilMember]]:
    """A council with one composition of ``size`` voting members (chair first)."""
    council = CouncilFactory(owner_unit=owner_unit)
    composition = CompositionFactory(
        council=council, decision_date=decision_date or D(2020, 12, 17)
    )
    people = list(people or [])
    people += [PersonFactory(unit=owner_unit) for _ in range(size - len(people))]
    roles = [CouncilMember.Role.CHAIR] + [CouncilMember.Role.MEMBER] * (size - 2)
    roles.append(CouncilMember.Role.SECRETARY)
    members = [
        CouncilMemberFactory(composition=composition, person=person, role=role)
        for person, role in zip(people, roles, strict=False)
    ]
    return council, composition, members


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    starts_at = factory.LazyFunction(lambda: at(D(2022, 3, 9)))
    place = "Phòng họp số 1"
    kind = Meeting.Kind.REGULAR

    @classmethod
    def _create(cls, model_class: type[Meeting], *args: Any, **kwargs: Any) -> Meeting:
        return services.meeting_create(actor=None, **kwargs)


def mark(meeting: Meeting, present: int, **absent_fields: Any) -> None:
    """Mark the first ``present`` members present and the others absent."""
    rows = list(
        meeting.attendances.select_related("member").order_by(
            "member__order", "member__pk"
        )
    )
    for index, row in enumerate(rows):
        if index < present:
            services.attendance_mark(attendance=row, actor=None, status="present")
        else:
            services.attendance_mark(
                attendance=row,
                actor=None,
                status="absent",
                reason=absent_fields.get("reason", "Đi công tác"),
                written_opinion=absent_fields.get("written_opinion", False),
            )
