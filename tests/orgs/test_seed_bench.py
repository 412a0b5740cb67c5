import pytest
from django.core.management import call_command

from orgs.models import Person, Unit

pytestmark = pytest.mark.django_db


def test_seed_bench_at_small_scale_builds_a_consistent_tree():
    call_command("seed_bench", scale=0.01, stdout=open("/dev/null", "w"))  # noqa: SIM115
    province = Unit.objects.get(code="BENCH")
    units = Unit.objects.filter(path__startswith=province.path)
    assert units.count() == 25
    assert all(unit.path.endswith(f"/{unit.pk}/") for unit in units)
    assert Person.objects.filter(unit__path__startswith=province.path).count() == 1500
