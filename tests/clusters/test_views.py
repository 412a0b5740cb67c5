"""Staff pages: who reads which card, the grid saving as you go, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clusters.models import ScoreEntry
from clusters.services import reviews, scoring
from orgs import services as org_services
from orgs.models import Role
from tests.clusters.conftest import fill
from tests.factories import UserFactory
from tests.factories_clusters import make_cluster, more_units

pytestmark = pytest.mark.django_db


def test_a_unit_reads_only_its_own_card_until_publication(client, world, built):
    client.force_login(world.officer_b)
    card_a = built.sheet(world.unit_a)
    assert (
        client.get(reverse("clusters:sheet-detail", args=[card_a.pk])).status_code
        == 404
    )
    overview = client.get(
        reverse("clusters:scoring", args=[built.year.pk])
    ).content.decode()
    card_b = built.sheet(world.unit_b)
    assert reverse("clusters:sheet-detail", args=[card_b.pk]) in overview
    assert reverse("clusters:sheet-detail", args=[card_a.pk]) not in overview
    assert (
        client.get(reverse("clusters:ranking", args=[built.year.pk])).status_code == 403
    )


def test_a_unit_cannot_score_another_units_card_through_the_grid(client, world, built):
    client.force_login(world.officer_b)
    entry = built.sheet(world.unit_a).entries.get(criterion__code="1")
    response = client.post(
        reverse("clusters:sheet-save", args=[entry.sheet_id]),
        {f"p-{entry.criterion_id}": "30"},
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.self_points is None


def test_after_publication_every_member_reads_every_card(client, world, built):
    fill(built, world.unit_a, world.officer_a)
    fill(built, world.unit_b, world.officer_b)
    for unit, officer in (
        (world.unit_a, world.officer_a),
        (world.unit_b, world.officer_b),
    ):
        scoring.sheet_submit(sheet=built.sheet(unit), actor=officer)
    for sheet, reviewer in (
        (built.sheet(world.unit_a), world.officer_b),
        (built.sheet(world.unit_b), world.officer_a),
    ):
        review = sheet.reviews.get()
        reviews.review_accept_self(review=review, actor=reviewer)
        reviews.review_complete(review=review, actor=reviewer)
    reviews.ranking_publish(cluster_year=built.year, actor=world.officer_a)
    client.force_login(world.officer_b)
    assert (
        client.get(
            reverse("clusters:sheet-detail", args=[built.sheet(world.unit_a).pk])
        ).status_code
        == 200
    )
    assert (
        client.get(reverse("clusters:ranking", args=[built.year.pk])).status_code == 200
    )


def test_the_reviewer_sees_a_card_once_it_is_submitted(client, world, built):
    fill(built, world.unit_a, world.officer_a)
    scoring.sheet_submit(sheet=built.sheet(world.unit_a), actor=world.officer_a)
    client.force_login(world.officer_b)
    assert (
        client.get(
            reverse("clusters:sheet-detail", args=[built.sheet(world.unit_a).pk])
        ).status_code
        == 200
    )


def test_a_council_member_following_the_cluster_sees_every_card(client, world, built):
    from clusters.models import ClusterFollower
    from tests.factories import PersonFactory
    from tests.factories_councils import (
        CompositionFactory,
        CouncilFactory,
        CouncilMemberFactory,
    )

    follower_user = UserFactory(username="theo_doi")
    org_services.role_grant(
        user=follower_user, unit=world.unit_a1, role=Role.COUNCIL_MEMBER, actor=None
    )
    person = PersonFactory(unit=world.province, user=follower_user)
    seat = CouncilMemberFactory(
        composition=CompositionFactory(
            council=CouncilFactory(owner_unit=world.province)
        ),
        person=person,
    )
    client.force_login(follower_user)
    url = reverse("clusters:sheet-detail", args=[built.sheet(world.unit_b).pk])
    assert client.get(url).status_code == 404
    ClusterFollower.objects.create(cluster_year=built.year, council_member=seat)
    assert client.get(url).status_code == 200


def test_htmx_saves_one_row_and_updates_the_totals(client, world, built):
    client.force_login(world.officer_a)
    entry = built.sheet(world.unit_a).entries.get(criterion__code="2")
    response = client.post(
        reverse("clusters:sheet-save", args=[entry.sheet_id]),
        {f"p-{entry.criterion_id}": "17,5"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f'id="row-{entry.criterion_id}"' in body
    assert 'id="grid-totals" class="grid-totals" hx-swap-oob="true"' in body
    assert "17,5" in body
    parent = built.criterion("I")
    assert f'<template><tr id="row-{parent.pk}"' in body
    entry.refresh_from_db()
    assert str(entry.self_points) == "17.50"


def test_a_refused_row_saves_nothing_of_the_request(client, world, built):
    client.force_login(world.officer_a)
    sheet = built.sheet(world.unit_a)
    first, second = built.criterion("1"), built.criterion("2")
    response = client.post(
        reverse("clusters:sheet-save", args=[sheet.pk]),
        {f"p-{first.pk}": "20", f"p-{second.pk}": "99"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "phải từ 0 đến 30" in body and 'value="99"' in body
    assert set(
        ScoreEntry.objects.filter(sheet=sheet).values_list("self_points", flat=True)
    ) == {None}


def test_the_whole_grid_saves_without_javascript(client, world, built):
    client.force_login(world.officer_a)
    sheet = built.sheet(world.unit_a)
    data = {
        f"p-{built.criterion(code).pk}": points
        for code, points in {"1": "25", "2": "20", "3": "30"}.items()
    }
    data[f"c-{built.criterion('1').pk}"] = "Vượt 3 chỉ tiêu"
    response = client.post(reverse("clusters:sheet-save", args=[sheet.pk]), data)
    assert response.status_code == 302
    assert sorted(
        str(p)
        for p in sheet.entries.exclude(self_points=None).values_list(
            "self_points", flat=True
        )
    ) == ["20.00", "25.00", "30.00"]


def test_the_grid_shows_the_review_column_to_the_reviewer_only(client, world, built):
    fill(built, world.unit_b, world.officer_b)
    scoring.sheet_submit(sheet=built.sheet(world.unit_b), actor=world.officer_b)
    review = built.sheet(world.unit_b).reviews.get()
    client.force_login(world.officer_a)
    body = client.get(
        reverse("clusters:sheet-detail", args=[review.sheet_id])
    ).content.decode()
    assert f'name="r-{review.pk}-{built.criterion("1").pk}"' in body
    client.force_login(world.officer_b)
    body = client.get(
        reverse("clusters:sheet-detail", args=[review.sheet_id])
    ).content.decode()
    assert f'name="r-{review.pk}-' not in body and "Thẩm định:" not in body


def test_deletions_are_refused_to_others(client, world, built):
    from clusters.services import pledges

    pledge = pledges.pledge_create(cluster_year=built.year, actor=None)
    commitment = pledge.commitments.first()
    client.force_login(world.officer_b)
    assert (
        client.post(
            reverse("clusters:commitment-delete", args=[commitment.pk])
        ).status_code
        == 403
    )
    import io

    entry = built.sheet(world.unit_a).entries.get(criterion__code="1")
    evidence = scoring.evidence_add(
        entry=entry, upload=io.BytesIO(b"%PDF-1.4"), name="a.pdf", size=8, actor=None
    )
    client.force_login(world.leader)
    assert (
        client.post(reverse("clusters:evidence-delete", args=[evidence.pk])).status_code
        == 403
    )


def test_evidence_is_downloaded_through_the_scoped_view(client, world, built):
    import io

    entry = built.sheet(world.unit_a).entries.get(criterion__code="1")
    evidence = scoring.evidence_add(
        entry=entry,
        upload=io.BytesIO(b"%PDF-1.4 bao cao"),
        name="Báo cáo.pdf",
        size=16,
        actor=None,
    )
    client.force_login(world.officer_a)
    response = client.get(reverse("clusters:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200 and b"".join(
        response.streaming_content
    ).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    client.force_login(world.officer_b)
    assert (
        client.get(
            reverse("clusters:evidence-download", args=[evidence.pk])
        ).status_code
        == 404
    )


def test_historic_units_show_their_successors(client, world):
    import datetime

    from orgs.models import UnitSuccession
    from tests.factories import UnitFactory

    old = UnitFactory(
        code="OLD",
        name="Ủy ban nhân dân quận Cũ",
        kind="district",
        parent=world.province,
        valid_to=datetime.date(2025, 6, 30),
    )
    new = UnitFactory(
        code="NEW",
        name="Ủy ban nhân dân phường Mới",
        parent=world.province,
        valid_from=datetime.date(2025, 7, 1),
    )
    org_services.unit_succession_record(
        predecessor=old,
        successor=new,
        kind=UnitSuccession.Kind.MERGER,
        effective_on=datetime.date(2025, 7, 1),
        actor=None,
    )
    built = make_cluster(world, members=[old, world.unit_a], year=2019)
    client.force_login(world.secretariat)
    body = client.get(
        reverse("clusters:year-detail", args=[built.year.pk])
    ).content.decode()
    assert (
        "Ủy ban nhân dân quận Cũ" in body
        and "Ủy ban nhân dân phường Mới" in body
        and "kế thừa" in body
    )


def _count_queries(client, user, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "page",
    [
        "clusters:sheet-detail",
        "clusters:ranking",
        "clusters:scoring",
        "clusters:year-detail",
    ],
)
def test_query_count_does_not_grow_with_the_units(client, world, page):
    counts = []
    for number, size, prefix in ((2, 2, "S"), (3, 20, "T")):
        built = make_cluster(
            world,
            members=more_units(world, size, prefix),
            name=f"Cụm thử {prefix}",
            symbol=f"CTĐ{prefix}",
            number=number,
        )
        scoring.scoring_start(cluster_year=built.year, actor=None)
        sheet = built.year.sheets.order_by("pk").first()
        target = sheet.pk if page == "clusters:sheet-detail" else built.year.pk
        counts.append(
            _count_queries(client, world.secretariat, reverse(page, args=[target]))
        )
    assert counts[0] == counts[1], counts
