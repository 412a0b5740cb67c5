"""Criteria pages: creating an adapted set through the form, editing, the diff on the page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from clusters.models import CriteriaSet
from tests.factories_clusters import make_cluster, make_criteria_set

pytestmark = pytest.mark.django_db


def test_the_head_adapts_the_provinces_set_for_its_cluster(client, world):
    built = make_cluster(world)
    client.force_login(world.officer_a)
    response = client.post(
        reverse("clusters:criteria-create"),
        {
            "name": "Tiêu chí của cụm",
            "year": 2024,
            "owner": f"cluster:{built.cluster.pk}",
            "parent": built.criteria_set.pk,
        },
    )
    assert response.status_code == 302
    adapted = CriteriaSet.objects.get(name="Tiêu chí của cụm")
    assert adapted.owner_cluster == built.cluster and adapted.criteria.count() == 11
    node = adapted.criteria.get(code="1")
    response = client.post(
        reverse("clusters:criterion-edit", args=[node.pk]),
        {
            "code": "1",
            "title": "Hoàn thành vượt chỉ tiêu",
            "max_points": "30",
            "kind": "scored",
            "guidance": "",
            "evidence_required": "",
        },
    )
    assert response.status_code == 302
    body = client.get(
        reverse("clusters:criteria-detail", args=[adapted.pk])
    ).content.decode()
    assert (
        "Thay đổi so với bộ gốc" in body
        and "9,09%" in body
        and "Hoàn thành vượt chỉ tiêu" in body
    )


def test_only_the_owner_edits_and_a_unit_cannot_pick_another_owner(client, world):
    city = make_criteria_set(owner_unit=world.province, name="Tiêu chí của tỉnh")
    client.force_login(world.officer_a)
    assert (
        client.get(reverse("clusters:criterion-add", args=[city.pk])).status_code == 404
    )
    response = client.post(
        reverse("clusters:criteria-create"),
        {"name": "Lạ", "year": 2024, "owner": f"unit:{world.province.pk}"},
    )
    assert response.status_code == 403


def test_the_secretariat_adds_a_criterion_and_the_sum_check_guards_the_freeze(
    client, world
):
    city = make_criteria_set(owner_unit=world.province, name="Tiêu chí của tỉnh")
    client.force_login(world.secretariat)
    group = city.criteria.get(code="II")
    response = client.post(
        reverse("clusters:criterion-add", args=[city.pk]),
        {
            "parent": group.pk,
            "code": "3b",
            "title": "Chuyển đổi số",
            "max_points": "5",
            "kind": "scored",
        },
    )
    assert response.status_code == 302
    assert city.criteria.get(code="3b").max_points == Decimal(5)
    response = client.post(reverse("clusters:criteria-freeze", args=[city.pk]))
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.is_frozen is False
