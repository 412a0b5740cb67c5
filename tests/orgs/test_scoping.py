import pytest
from django.http import Http404

from orgs import services
from orgs.models import Person, Role, Unit
from orgs.scoping import get_visible_or_404, scope_for

pytestmark = pytest.mark.django_db


def test_officer_sees_own_subtree_only(world):
    scope = scope_for(world.officer_a)
    visible = set(Unit.objects.visible_to(scope).values_list("code", flat=True))
    assert visible == {"A", "A1"}


def test_secretariat_sees_whole_province(world):
    scope = scope_for(world.secretariat)
    assert set(Unit.objects.visible_to(scope).values_list("code", flat=True)) == {
        "P",
        "A",
        "A1",
        "B",
        "B1",
    }


def test_outsider_sees_nothing(world):
    assert not Person.objects.visible_to(scope_for(world.outsider)).exists()


def test_anonymous_scope_is_empty(world):
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.visible_to(scope_for(AnonymousUser())).exists()


def test_leader_views_but_cannot_change(world):
    scope = scope_for(world.leader)
    assert scope.can_view(world.unit_b1) is True
    assert scope.can_change(world.unit_b1) is False


def test_other_units_object_is_404_not_403(world):
    scope = scope_for(world.officer_a)
    assert get_visible_or_404(Person, scope, pk=world.person_a.pk) == world.person_a
    with pytest.raises(Http404):
        get_visible_or_404(Person, scope, pk=world.person_b.pk)
    with pytest.raises(Http404):
        get_visible_or_404(Person, scope, pk=999999)


def test_expired_role_gives_nothing(world):
    import datetime

    services.role_grant(
        user=world.outsider,
        unit=world.unit_b,
        role=Role.UNIT_OFFICER,
        actor=None,
        valid_from=datetime.date(2020, 1, 1),
        valid_to=datetime.date(2020, 12, 31),
    )
    assert scope_for(world.outsider).paths() == []


def test_superuser_sees_all(world):
    world.outsider.is_superuser = True
    world.outsider.save()
    assert (
        Unit.objects.visible_to(scope_for(world.outsider)).count()
        == Unit.objects.count()
    )


def test_nested_grants_are_collapsed(world):
    services.role_grant(
        user=world.secretariat, unit=world.unit_a, role=Role.SECRETARIAT, actor=None
    )
    scope = scope_for(world.secretariat)
    assert scope.paths([Role.SECRETARIAT]) == [world.province.path]
