"""Awards by year, subject, level, kind and unit, against the hand-counted small world."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from orgs import services
from orgs.models import Role
from orgs.scoping import scope_for
from reports.filters import Filters, parse_filters
from reports.selectors import awards
from tests.factories import UserFactory
from tests.factories_reports import small_world

pytestmark = pytest.mark.django_db

YEARS = Filters(year_from=2023, year_to=2024)


def values(table, row_label):
    row = next(r for r in table.rows if r.label == row_label)
    return [cell.value for cell in row.cells]


def test_by_year_counts_subjects_and_leaves_out_revoked_awards(world):
    small_world(world)
    table = awards.by_year(scope_for(world.secretariat), YEARS)
    # individuals, collectives, households, total
    assert values(table, "2023") == [5, 1, 0, 6]
    assert values(table, "2024") == [9, 3, 1, 13]
    assert [c.value for c in table.total.cells] == [14, 4, 1, 19]


def test_by_year_on_the_decision_year_moves_the_records(world):
    small_world(world)
    filters = Filters(year_from=2024, year_to=2025, basis="decision")
    table = awards.by_year(scope_for(world.secretariat), filters)
    assert values(table, "2024") == [5, 1, 0, 6]
    assert values(table, "2025") == [9, 3, 1, 13]


def test_by_level(world):
    small_world(world)
    table = awards.by_level(scope_for(world.secretariat), YEARS)
    assert table.columns[:2] == ["2023", "2024"]
    assert values(table, "Nhà nước") == [0, 3, 3]
    assert values(table, "Bộ, ban, ngành, tỉnh") == [0, 3, 3]
    assert values(table, "Cơ sở") == [6, 7, 13]


def test_by_kind_lists_highest_level_first(world):
    small_world(world)
    table = awards.by_kind(scope_for(world.secretariat), YEARS)
    labels = [row.label for row in table.rows]
    assert labels.index("Bằng khen của Thủ tướng Chính phủ") < labels.index(
        "Lao động tiên tiến"
    )
    assert values(table, "Lao động tiên tiến") == [5, 5, 10]
    assert values(table, "Bằng khen của bộ, ban, ngành, tỉnh") == [0, 2, 2]


def test_by_unit_splits_the_root_into_its_branches(world):
    small_world(world)
    table, root = awards.by_unit(scope_for(world.secretariat), Filters(year=2024))
    assert root == world.province
    assert values(table, "Ủy ban nhân dân tỉnh Thử (trực tiếp)") == [1, 1]
    assert values(table, world.unit_a.name) == [8, 8]
    assert values(table, world.unit_b.name) == [4, 4]
    assert table.total.cells[0].value == 13


def test_a_units_leader_sees_only_its_subtree(world):
    small_world(world)
    leader_a = UserFactory(username="leader_a")
    services.role_grant(user=leader_a, unit=world.unit_a, role=Role.LEADER, actor=None)
    scope = scope_for(leader_a)
    assert values(awards.by_year(scope, YEARS), "2024") == [6, 1, 1, 8]
    table, root = awards.by_unit(scope, Filters(year=2024))
    assert root == world.unit_a
    assert values(table, world.unit_a1.name) == [2, 2]


def test_a_leader_asking_for_another_unit_gets_404(client, world):
    small_world(world)
    leader_a = UserFactory(username="leader_a")
    services.role_grant(user=leader_a, unit=world.unit_a, role=Role.LEADER, actor=None)
    client.force_login(leader_a)
    response = client.get(reverse("reports:awards"), {"unit": world.unit_b.pk})
    assert response.status_code == 404


def test_every_cell_links_to_exactly_the_records_it_counts(world):
    small_world(world)
    scope = scope_for(world.secretariat)
    from reports.selectors.drill import drill

    tables = [
        awards.by_year(scope, YEARS),
        awards.by_level(scope, YEARS),
        awards.by_kind(scope, YEARS),
        awards.by_unit(scope, YEARS)[0],
    ]
    checked = 0
    for table in tables:
        for row in [*table.rows, table.total]:
            for cell in row.cells:
                query = dict(p.split("=") for p in cell.url.split("?")[1].split("&"))
                found = drill("awards", scope, parse_filters(query, scope))
                assert found.total == cell.value, (table.key, row.label, cell.url)
                checked += 1
    assert checked > 60


def test_page_links_a_figure_to_its_list(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    page = client.get(reverse("reports:awards"), {"year_from": 2023, "year_to": 2024})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html  # the chart beside the table
    drill = client.get(
        reverse("reports:drill", args=["awards"]),
        {"year": 2024, "level": 30},
    )
    assert drill.status_code == 200
    text = drill.content.decode()
    assert "Người thử p1" in text and "Người thử a2" in text
    assert "Người thử a1" not in text


def test_export_of_one_table_reads_back(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    response = client.get(
        reverse("reports:awards"),
        {"year_from": 2023, "year_to": 2024, "export": "by_level"},
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[2] == ["Cấp", "2023", "2024", "Cộng"]
    assert ["Nhà nước", 0, 3, 3] in rows
    assert ["Cộng", 6, 13, 19] in rows


def test_unknown_table_export_is_404(client, world):
    client.force_login(world.secretariat)
    response = client.get(reverse("reports:awards"), {"export": "nope"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url_name", ["reports:awards", "reports:direct-workers", "reports:funds"]
)
def test_statistics_pages_run_the_same_queries_for_2_and_20_records(
    client, world, django_assert_num_queries, url_name
):
    from tests.factories import PersonFactory
    from tests.factories_reports import award

    client.force_login(world.secretariat)

    def add(count, start):
        for index in range(count):
            person = PersonFactory(unit=world.unit_a, is_direct_worker=index % 2 == 0)
            award(person, "LDTT", 2020 + (start + index) % 5)

    add(2, 0)
    client.get(reverse(url_name))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse(url_name))
    add(18, 2)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.status_code == 200


def test_drill_page_runs_the_same_queries_for_2_and_20_records(
    client, world, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PersonFactory
    from tests.factories_reports import award

    client.force_login(world.secretariat)
    url = reverse("reports:drill", args=["awards"])
    for _ in range(2):
        award(PersonFactory(unit=world.unit_a), "LDTT", 2024)
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"year": 2024})
    for _ in range(18):
        award(PersonFactory(unit=world.unit_b), "LDTT", 2024)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url, {"year": 2024})
    assert response.context["total"] == 20
