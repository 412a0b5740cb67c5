"""``manage.py seed_bench`` at a small scale: the rows appear in every app, and the
pages the benchmarks time answer 200 on them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from awards.models import (
    AwardRecord,
    Decision,
    DecisionLine,
    Dossier,
    DossierTransition,
    Nomination,
    YearlyResult,
)
from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterYear,
    Criterion,
    Review,
    ScoreEntry,
    ScoreSheet,
)
from councils.models import Attendance, Council, CouncilMember, Meeting, Vote
from orgs.models import Person, Unit


@pytest.fixture
def seeded(db: Any) -> None:
    call_command("seed_bench", scale=0.01, seed=7, stdout=None)


def test_seed_bench_fills_every_app(seeded: None) -> None:
    assert Unit.objects.filter(code__startswith="BENCH").count() == 25
    assert Person.objects.count() >= 1500
    assert Council.objects.filter(code="BENCH-HDTDKT").exists()
    assert CouncilMember.objects.count() == 25
    assert Meeting.objects.count() == 6 and Vote.objects.count() == 18
    assert Attendance.objects.count() == 6 * CouncilMember.objects.count()
    assert Cluster.objects.count() == 2 and ClusterYear.objects.count() == 2
    assert ClusterMembership.objects.count() == 24  # every unit but the province
    assert ScoreSheet.objects.count() == 24
    assert ScoreEntry.objects.count() == 24 * Criterion.objects.count()
    assert Review.objects.exists()
    assert YearlyResult.objects.filter(year=2015).exists()
    assert YearlyResult.objects.filter(year=2024).exists()
    assert AwardRecord.objects.count() > 5000
    assert (
        AwardRecord.objects.exclude(search_name="").count()
        == AwardRecord.objects.count()
    )
    assert Dossier.objects.count() == 50
    # Every workflow status appears at least once.
    assert set(Dossier.objects.values_list("status", flat=True)) == set(
        Dossier.Status.values
    )
    assert Nomination.objects.count() >= 50 and DossierTransition.objects.exists()
    assert Decision.objects.count() == 2
    assert DecisionLine.objects.count() > 2
    # A second run on the same database is refused rather than doubling the data.
    with pytest.raises(CommandError):
        call_command("seed_bench", scale=0.01, stdout=None)


def test_benchmarked_pages_answer_on_seeded_data(seeded: None) -> None:
    from bench import app_pages, pages

    app_pages._ids.cache_clear()
    context = pages.setup()
    client = Client()
    client.force_login(context["user"])
    for page in pages.pages():
        response = client.get(page.url(context))
        assert response.status_code == 200, page.name
    app_pages._ids.cache_clear()
