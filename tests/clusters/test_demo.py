"""The demo: the three clusters of the articles, ready to open, and idempotent."""

from __future__ import annotations

import datetime

import pytest

from clusters.models import (
    Cluster,
    ClusterProposal,
    ClusterYear,
    Conference,
    Pledge,
    ScoreSheet,
)
from orgs.models import IssuedDocument
from orgs.registry import demo_seeders

pytestmark = pytest.mark.django_db


def seed() -> None:
    for seeder in demo_seeders():
        if seeder.order < 300:
            seeder.run(lambda _message: None)


def test_demo_builds_the_articles_clusters_once():
    seed()
    counts = (
        Cluster.objects.count(),
        ClusterYear.objects.count(),
        ScoreSheet.objects.count(),
        IssuedDocument.objects.count(),
    )
    seed()
    assert (
        Cluster.objects.count(),
        ClusterYear.objects.count(),
        ScoreSheet.objects.count(),
        IssuedDocument.objects.count(),
    ) == counts

    cum8 = ClusterYear.objects.get(cluster__issuer__symbol="CTĐ8", year=2019)
    assert [m.unit.code for m in cum8.leaders] == ["HN-HBT", "HN-BD", "HN-HK"]
    assert cum8.criteria_set.change_summary["share"] == "3/10"
    assert Pledge.objects.get(cluster_year=cum8).status == "signed"
    kickoff = cum8.conferences.get(kind=Conference.Kind.KICKOFF)
    assert (
        kickoff.held_on.isoformat() == "2019-02-21"
        and kickoff.minutes.full_number == "01/BB-CTĐ8"
    )

    cum7 = ClusterYear.objects.get(cluster__issuer__symbol="CTĐ7", year=2023)
    numbers = set(cum7.documents.values_list("issued__symbol", "issued__number"))
    assert {("KH-CTĐ7", 972), ("QĐ-CTĐ7", 580)} <= numbers
    assert cum7.theme == "Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển"
    assert set(cum7.conferences.values_list("held_on", flat=True)) == {
        datetime.date(2023, 3, 31),
        datetime.date(2023, 9, 8),
    }

    block_2021 = ClusterYear.objects.get(cluster__issuer__symbol="KTĐTH", year=2021)
    block_2022 = ClusterYear.objects.get(cluster__issuer__symbol="KTĐTH", year=2022)
    assert block_2021.is_published and len(block_2021.ranking_snapshot["rows"]) == 9
    assert [m.unit.code for m in block_2021.leaders] == ["HNAM-VPDBHD", "HNAM-KBNN"]
    assert [m.unit.code for m in block_2022.leaders] == ["HNAM-VPUB", "HNAM-NHNN"]
    assert (
        ClusterProposal.objects.filter(
            cluster_year=block_2021, status="confirmed"
        ).count()
        == 3
    )
