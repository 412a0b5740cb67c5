import pytest
from django.core.exceptions import ValidationError

from orgs import services
from orgs.models import Person

pytestmark = pytest.mark.django_db


def test_same_name_year_and_unit_is_refused_as_duplicate(world):
    with pytest.raises(ValidationError, match="Đã có người tên"):
        services.person_create(
            actor=None, full_name="nguyễn văn  ánh", birth_year=1980, unit=world.unit_a
        )
    assert Person.objects.filter(unit=world.unit_a).count() == 1


def test_confirmed_twin_is_allowed(world):
    services.person_create(
        actor=None,
        full_name="Nguyễn Văn Ánh",
        birth_year=1980,
        unit=world.unit_a,
        allow_duplicate=True,
    )
    assert Person.objects.filter(search_name="nguyen van anh").count() == 2


def test_same_name_in_another_unit_is_not_a_duplicate(world):
    services.person_create(
        actor=None, full_name="Nguyễn Văn Ánh", birth_year=1980, unit=world.unit_b
    )
    assert Person.objects.filter(search_name="nguyen van anh").count() == 2


def test_search_name_follows_the_name(world):
    services.person_update(person=world.person_a, actor=None, full_name="Đặng Đức Ỷ")
    assert Person.objects.get(pk=world.person_a.pk).search_name == "dang duc y"
