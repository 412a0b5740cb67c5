"""The share of direct workers among individuals rewarded, against the target."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from django.urls import reverse

from orgs.models import LegalParameter, ParameterValue
from orgs.scoping import scope_for
from reports.filters import Filters
from reports.selectors import direct
from tests.factories_reports import small_world

pytestmark = pytest.mark.django_db
D = datetime.date


def organisation_targets(world) -> None:
    parameter = LegalParameter.objects.get(code=direct.TARGET_CODE)
    for start, end, value in (
        (D(2023, 1, 1), D(2023, 12, 31), "1/2"),
        (D(2024, 1, 1), None, "55/100"),
    ):
        ParameterValue.objects.create(
            parameter=parameter,
            scope_unit=world.province,
            valid_from=start,
            valid_to=end,
            value=value,
            note="Kế hoạch thi đua của tỉnh Thử",
        )


def test_share_per_year_against_the_organisations_target(world):
    small_world(world)
    organisation_targets(world)
    table, goal = direct.by_year(
        scope_for(world.secretariat), Filters(year_from=2023, year_to=2024)
    )
    y2023, y2024 = table.rows
    # 2023: a1, t1, b1 of 5 individuals; 2024: a1 twice, t1, b1 of 9 awards.
    assert [c.value for c in y2023.cells[:4]] == [5, 3, Fraction(3, 5), Fraction(1, 2)]
    assert [c.value for c in y2024.cells[:4]] == [
        9,
        4,
        Fraction(4, 9),
        Fraction(55, 100),
    ]
    assert y2024.cells[4].text == "giảm 15,6 điểm %"
    assert y2024.css == "below" and y2023.css == ""
    assert goal[2024].own is True


def test_the_shipped_default_is_used_and_flagged_without_an_organisation_target(world):
    goal = direct.targets(world.province, [2024])
    assert goal[2024].value == Fraction(3, 10)
    assert goal[2024].own is False
    assert direct.targets(world.province, [2020])[2020].value is None


def test_nomination_flag_wins_over_the_persons_current_flag(world):
    from awards.models import AwardRecord
    from tests.factories_awards import dossier

    small = small_world(world)
    person = small.people["a3"]  # not a direct worker today
    record = AwardRecord.objects.get(person=person, year=2024)
    nomination = dossier(world.unit_a, "LDTT", people=[person]).nominations.get()
    nomination.is_direct_worker = True
    nomination.save(update_fields=["is_direct_worker"])
    record.nomination = nomination
    record.save(update_fields=["nomination"])
    table, _goal = direct.by_year(scope_for(world.secretariat), Filters(year=2024))
    assert table.rows[0].cells[1].value == 5


def test_by_unit_gives_each_branch_its_share_and_trend(world):
    small_world(world)
    table, root = direct.by_unit(
        scope_for(world.secretariat), Filters(year_from=2023, year_to=2024)
    )
    assert root == world.province
    row_a = next(r for r in table.rows if r.label == world.unit_a.name)
    # A subtree: 2023 a1, a2, t1 → 2/3; 2024 a1×2, a3, t1, t2, a2 (HC) → 3/6.
    assert [c.value for c in row_a.cells[:2]] == [Fraction(2, 3), Fraction(1, 2)]
    assert row_a.cells[0].text == "66,7% (2/3)"
    assert row_a.cells[2].text == "không"
    row_b = next(r for r in table.rows if r.label == world.unit_b.name)
    # B subtree: 2023 b1, b2 → 1/2; 2024 b1, b2 → 1/2 (not lower: counts as rising).
    assert [c.value for c in row_b.cells[:2]] == [Fraction(1, 2), Fraction(1, 2)]
    assert row_b.cells[2].text == "có"


def test_page_shows_chart_and_default_target_warning(client, world):
    small_world(world)
    client.force_login(world.leader)
    response = client.get(reverse("reports:direct-workers"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "mức mặc định của hệ thống" in html
    assert "<svg" in html
