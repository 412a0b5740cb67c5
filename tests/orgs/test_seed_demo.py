import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from orgs.models import Person, Unit, UnitSuccession

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")


def test_seed_demo_builds_the_articles_units_and_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (
        Unit.objects.count(),
        Person.objects.count(),
        UnitSuccession.objects.count(),
    )
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        Unit.objects.count(),
        Person.objects.count(),
        UnitSuccession.objects.count(),
    ) == counts
    hbt = Unit.objects.get(code="HN-HBT")
    assert hbt.name == "Ủy ban nhân dân quận Hai Bà Trưng"
    assert str(hbt.valid_to) == "2025-06-30"
    assert {s.successor.name for s in hbt.successions_out.all()} >= {
        "Ủy ban nhân dân phường Hai Bà Trưng"
    }
    assert Unit.objects.filter(name__startswith="Sở Giáo dục và Đào tạo").exists()
    assert Unit.objects.filter(name="Kho bạc Nhà nước tỉnh Hà Nam").exists()
