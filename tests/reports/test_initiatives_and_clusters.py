"""Initiatives by scope of influence; cluster scores over the published years."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from clusters.models import ClusterYear
from clusters.services import organisation
from orgs.scoping import scope_for
from reports.filters import Filters, parse_filters
from reports.selectors import activity
from reports.selectors.drill import drill
from tests.factories_clusters import make_cluster
from tests.factories_reports import initiatives

pytestmark = pytest.mark.django_db


def values(table, label):
    return [c.value for c in next(r for r in table.rows if r.label == label).cells]


def test_initiatives_by_scope_and_year(world):
    initiatives(world, world.person_a)
    table = activity.initiatives_by_scope(
        scope_for(world.secretariat), Filters(year_from=2023, year_to=2024)
    )
    assert values(table, "Cơ sở") == [1, 1, 2]
    assert values(table, "Bộ, ban, ngành, tỉnh") == [0, 1, 1]
    assert values(table, "Toàn quốc") == [0, 0, 0]
    assert [c.value for c in table.total.cells] == [1, 2, 3]


def test_initiatives_of_an_officer_and_their_drill_down(world):
    initiatives(world, world.person_a)
    scope = scope_for(world.officer_a)
    table = activity.initiatives_by_scope(scope, Filters(year_from=2023, year_to=2024))
    assert [c.value for c in table.total.cells] == [0, 2, 2]
    for row in [*table.rows, table.total]:
        for cell in row.cells:
            query = dict(p.split("=") for p in cell.url.split("?")[1].split("&"))
            assert (
                drill("initiatives", scope, parse_filters(query, scope)).total
                == cell.value
            )


def publish(year: ClusterYear, rows: list[tuple], full_max: str = "100") -> None:
    snapshot = {
        "full_max": full_max,
        "rows": [
            {
                "unit_id": unit.pk,
                "unit": unit.name,
                "final": final,
                "rank": rank,
                "normalised": None,
                "self_total": final,
            }
            for unit, final, rank in rows
        ],
    }
    ClusterYear.objects.filter(pk=year.pk).update(
        ranking_snapshot=snapshot,
        ranking_published_at=timezone.make_aware(datetime.datetime(year.year, 12, 20)),
    )


def test_cluster_scores_over_the_published_years(world):
    built = make_cluster(world, year=2023)
    publish(built.year, [(world.unit_a, "95.50", 1), (world.unit_b, "90.00", 2)])
    later = organisation.cluster_year_create(
        cluster=built.cluster,
        year=2024,
        members=[world.unit_a, world.unit_b],
        head=world.unit_b,
        deputies=[world.unit_a],
        actor=None,
    )
    publish(later, [(world.unit_b, "97.25", 1), (world.unit_a, "96.00", 2)], "105")
    organisation.cluster_year_create(
        cluster=built.cluster,
        year=2025,
        members=[world.unit_a],
        head=world.unit_a,
        deputies=[],
        actor=None,
    )  # not published: not shown
    scores, ranks = activity.cluster_scores(scope_for(world.officer_a), built.cluster)
    assert scores.columns == ["2023", "2024"]
    assert values(scores, world.unit_a.name) == [Decimal("95.50"), Decimal("96.00")]
    assert values(ranks, world.unit_b.name) == [2, 1]
    assert [c.value for c in scores.total.cells] == [Decimal("100"), Decimal("105")]
    assert scores.rows[0].cells[0].url == reverse(
        "clusters:ranking", args=[built.year.pk]
    )


def test_cluster_scores_page_hides_clusters_of_others(world, client):
    built = make_cluster(world, members=[world.unit_a, world.unit_a1], year=2023)
    publish(built.year, [(world.unit_a, "95", 1), (world.unit_a1, "80", 2)])
    client.force_login(world.officer_b)
    response = client.get(reverse("reports:cluster-scores"))
    assert response.status_code == 200
    assert response.context["cluster"] is None
    assert (
        client.get(
            reverse("reports:cluster-scores"), {"cluster": built.cluster.pk}
        ).status_code
        == 404
    )
    client.force_login(world.officer_a)
    page = client.get(reverse("reports:cluster-scores"))
    assert page.context["cluster"] == built.cluster
    assert "<svg" in page.content.decode()
