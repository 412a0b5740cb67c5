import datetime

import pytest
from django.core.exceptions import ValidationError

from orgs import services
from orgs.models import AuditEntry, DocumentIssuer, Unit, UnitSuccession
from orgs.selectors import unit_name_on
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_create_places_unit_in_tree_and_gives_it_an_issuer(world):
    assert (
        world.unit_a1.path
        == f"/{world.province.pk}/{world.unit_a.pk}/{world.unit_a1.pk}/"
    )
    issuer = DocumentIssuer.objects.get(unit=world.unit_a1)
    assert issuer.symbol == world.unit_a1.short_name


def test_moving_a_unit_moves_its_subtree(world):
    services.unit_update(unit=world.unit_a, actor=None, parent=world.unit_b)
    world.unit_a1.refresh_from_db()
    assert world.unit_a1.path.startswith(Unit.objects.get(pk=world.unit_b.pk).path)


def test_a_unit_cannot_be_placed_under_its_own_child(world):
    with pytest.raises(ValidationError, match="cấp dưới"):
        services.unit_update(unit=world.unit_a, actor=None, parent=world.unit_a1)


def test_rename_keeps_the_old_name_for_old_dates(world):
    services.unit_update(
        unit=world.unit_a,
        actor=None,
        name="Ủy ban nhân dân phường Mới",
        renamed_on=datetime.date(2025, 7, 1),
    )
    unit = Unit.objects.get(pk=world.unit_a.pk)
    assert (
        unit_name_on(unit, datetime.date(2024, 5, 1))
        == "Ủy ban nhân dân phường An Bình"
    )
    assert unit_name_on(unit, datetime.date(2025, 7, 2)) == "Ủy ban nhân dân phường Mới"
    assert AuditEntry.objects.filter(
        action="orgs.unit.changed", object_id=unit.pk
    ).exists()


def test_succession_closes_the_predecessor_the_day_before(world):
    ward = UnitFactory(
        code="NEW", name="Ủy ban nhân dân phường Hợp Nhất", parent=world.province
    )
    services.unit_succession_record(
        predecessor=world.unit_b,
        successor=ward,
        kind=UnitSuccession.Kind.MERGER,
        effective_on=datetime.date(2025, 7, 1),
        actor=None,
    )
    world.unit_b.refresh_from_db()
    assert world.unit_b.valid_to == datetime.date(2025, 6, 30)
    assert world.unit_b.is_active_on(datetime.date(2025, 6, 30)) is True
    assert world.unit_b.is_active_on(datetime.date(2025, 7, 1)) is False


def test_validity_range_is_checked(world):
    with pytest.raises(ValidationError):
        services.unit_update(
            unit=world.unit_a,
            actor=None,
            valid_from=datetime.date(2025, 1, 1),
            valid_to=datetime.date(2024, 1, 1),
        )
