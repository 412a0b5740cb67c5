import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from orgs import services
from orgs.models import LegalParameter, ParameterValue
from orgs.selectors import ParameterMissing, parameter_value, parameter_value_record

pytestmark = pytest.mark.django_db
D = datetime.date


def test_base_salary_is_seeded_with_its_history():
    assert parameter_value("base_salary", on=D(2024, 7, 1)) == 2_340_000
    assert parameter_value("base_salary", on=D(2024, 6, 30)) == 1_800_000
    assert parameter_value("base_salary", on=D(2020, 1, 1)) == 1_490_000
    record = parameter_value_record("base_salary", on=D(2025, 1, 1))
    assert record.legal_basis.number == "73/2024/NĐ-CP"


def test_multipliers_and_ratios_are_typed():
    assert parameter_value(
        "reward_multiplier", on=D(2024, 12, 31), key="CSTDT"
    ) == Decimal("3.0")
    assert parameter_value("council_quorum", on=D(2022, 3, 9)) == Fraction(2, 3)


def test_new_value_closes_the_previous_one():
    parameter = LegalParameter.objects.get(code="base_salary")
    services.parameter_value_set(
        parameter=parameter, value="2600000", valid_from=D(2026, 7, 1), actor=None
    )
    assert parameter_value("base_salary", on=D(2026, 6, 30)) == 2_340_000
    assert parameter_value("base_salary", on=D(2026, 7, 1)) == 2_600_000
    assert ParameterValue.objects.get(
        parameter=parameter, value="2340000"
    ).valid_to == D(2026, 6, 30)


def test_overlapping_value_is_refused():
    parameter = LegalParameter.objects.get(code="base_salary")
    with pytest.raises(ValidationError, match="trùng"):
        ParameterValue(
            parameter=parameter,
            value="1",
            valid_from=D(2024, 1, 1),
            valid_to=D(2024, 12, 31),
        ).full_clean()


def test_wrong_type_is_refused():
    parameter = LegalParameter.objects.get(code="council_quorum")
    with pytest.raises(ValidationError, match="không đúng kiểu"):
        services.parameter_value_set(
            parameter=parameter,
            value="hai phần ba",
            valid_from=D(2030, 1, 1),
            actor=None,
        )


def test_province_rule_overrides_national(world):
    parameter = LegalParameter.objects.get(code="ratio_cap")
    services.parameter_value_set(
        parameter=parameter,
        key="CSTDCS_OF_LDTT",
        value="15/100",
        valid_from=D(2024, 1, 1),
        actor=None,
        scope_unit=world.province,
    )
    assert parameter_value(
        "ratio_cap", on=D(2025, 1, 1), key="CSTDCS_OF_LDTT", unit=world.unit_a1
    ) == Fraction(3, 20)
    with pytest.raises(ParameterMissing):
        parameter_value("ratio_cap", on=D(2025, 1, 1), key="CSTDCS_OF_LDTT")


def test_missing_value_says_which_and_when():
    with pytest.raises(ParameterMissing, match="base_salary"):
        parameter_value("base_salary", on=D(2010, 1, 1))
