"""Composition history: each kiện toàn closes the previous composition, and "who sat
on the council on a date" is one selector call."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from councils import services
from councils.models import Composition, CouncilMember
from councils.selectors import composition_on, members_on
from orgs.models import AuditEntry, DocumentIssuer
from tests.factories import PersonFactory
from tests.factories_councils import CouncilFactory, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date


def test_council_gets_its_own_issuer(world):
    council = CouncilFactory(owner_unit=world.unit_a, symbol="HĐTĐKT")
    assert council.issuer.kind == DocumentIssuer.Kind.COUNCIL
    assert council.issuer.symbol == "HĐTĐKT"
    assert council.issuer.unit == world.unit_a
    assert AuditEntry.objects.filter(action="councils.council.created").exists()


def test_two_councils_of_one_unit_cannot_share_a_symbol(world):
    CouncilFactory(owner_unit=world.unit_a, symbol="HĐTĐKT")
    with pytest.raises(ValidationError):
        CouncilFactory(owner_unit=world.unit_a, symbol="HĐTĐKT")


def test_reconstitution_closes_the_previous_composition_and_copies_its_seats(world):
    council, first, _members = seated_council(world.unit_a, size=5)
    second = services.composition_create(
        council=council,
        actor=None,
        decision_number="1186/QĐ-UBND",
        decision_date=D(2022, 3, 21),
        decision_issuer="UBND quận",
    )
    first.refresh_from_db()
    assert first.valid_to == D(2022, 3, 20)
    assert second.valid_to is None
    assert second.members.count() == 5
    assert composition_on(council, D(2022, 3, 9)) == first
    assert composition_on(council, D(2022, 3, 21)) == second


def test_who_sat_on_a_date_follows_decisions_and_departures(world):
    council, _first, members = seated_council(world.unit_a, size=4)
    leaver = members[1]
    services.member_leave(
        member=leaver, actor=None, left_on=D(2021, 6, 1), note="Nghỉ hưu"
    )
    second = services.composition_create(
        council=council,
        actor=None,
        decision_number="1186/QĐ-UBND",
        decision_date=D(2022, 3, 21),
        decision_issuer="UBND quận",
    )
    newcomer = services.member_add(
        composition=second, person=PersonFactory(unit=world.unit_a), actor=None
    )
    assert leaver.person in {m.person for m in members_on(council, D(2021, 5, 31))}
    assert leaver.person not in {m.person for m in members_on(council, D(2021, 6, 1))}
    assert len(members_on(council, D(2022, 3, 9))) == 3
    on_new = list(members_on(council, D(2022, 4, 1)))
    assert newcomer in on_new and len(on_new) == 4
    assert list(members_on(council, D(2019, 1, 1))) == []


def test_members_on_is_one_query(world, django_assert_num_queries):
    council, _first, _members = seated_council(world.unit_a, size=6)
    with django_assert_num_queries(1):
        names = [m.person.full_name for m in members_on(council, D(2022, 3, 9))]
    assert len(names) == 6


def test_a_composition_has_one_chair(world):
    _council, composition, _members = seated_council(world.unit_a, size=3)
    with pytest.raises(ValidationError, match="đã có Chủ tịch"):
        services.member_add(
            composition=composition,
            person=PersonFactory(unit=world.unit_a),
            actor=None,
            role=CouncilMember.Role.CHAIR,
        )


def test_a_person_sits_once_per_composition(world):
    _council, composition, members = seated_council(world.unit_a, size=3)
    with pytest.raises(ValidationError, match="đã có trong thành phần"):
        services.member_add(
            composition=composition, person=members[0].person, actor=None
        )


def test_two_compositions_cannot_start_the_same_day(world):
    council, composition, _members = seated_council(world.unit_a, size=2)
    with pytest.raises(ValidationError, match="Đã có thành phần"):
        services.composition_create(
            council=council,
            actor=None,
            decision_number="9/QĐ-UBND",
            decision_date=composition.valid_from,
            decision_issuer="UBND",
        )


def test_moving_a_composition_start_rechains_the_history(world):
    council, first, _members = seated_council(world.unit_a, size=2)
    second = services.composition_create(
        council=council,
        actor=None,
        decision_number="1/QĐ-UBND",
        decision_date=D(2022, 3, 21),
        decision_issuer="UBND",
        copy_members=False,
    )
    services.composition_update(
        composition=second, actor=None, valid_from=D(2022, 5, 1)
    )
    assert Composition.objects.get(pk=first.pk).valid_to == D(2022, 4, 30)
