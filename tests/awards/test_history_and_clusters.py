"""The award history of a person or a unit (by year, with decision links, streaks and
what they may be proposed for next), and a cluster's confirmed proposal taken up as
a collective nomination."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import Dossier
from awards.selectors.history import person_history
from awards.services.cluster_intake import cluster_proposal_take_up
from clusters.models import AwardCode, ClusterProposal
from tests.factories_awards import (
    D,
    approved,
    dossier,
    initiative,
    issued_decision,
    record,
    results,
)
from tests.factories_clusters import make_cluster

pytestmark = pytest.mark.django_db


def test_history_by_year_with_streaks_and_prospects(world, client):
    person = world.person_a
    results(person, y2021="HTXS", y2022="HTXS", y2023="HTXS", y2024="HTXS")
    for year in (2021, 2022, 2023):
        record(person, "LDTT", year)
    decision = issued_decision(
        [approved(dossier(world.unit_a, "GIAY_KHEN", people=[person]))]
    )
    history = person_history(person, year=2024)
    assert [row.year for row in history["years"]] == [2024, 2023, 2022, 2021]
    streak = next(s for s in history["streaks"] if s.label == "Lao động tiên tiến")
    assert (streak.years, streak.last_year) == (3, 2023)
    verdicts = {p.award_kind.code: p.verdict for p in history["prospects"]}
    assert verdicts["LDTT"] == "passed"
    assert verdicts["CSTDCS"] == "failed"  # no LĐTT of 2024 in the register yet
    client.force_login(world.officer_a)
    body = client.get(
        reverse("awards:history-person", args=[person.pk])
    ).content.decode()
    assert reverse("awards:decision-detail", args=[decision.pk]) in body
    assert "3 năm liên tục" in body
    client.force_login(world.officer_b)
    assert (
        client.get(reverse("awards:history-person", args=[person.pk])).status_code
        == 404
    )


def test_an_initiative_makes_cstdcs_possible(world):
    person = world.person_a
    results(person, y2024="HTTNV")
    record(person, "LDTT", 2024)
    initiative(person, scope=10, recognised_on=D(2024, 11, 1))
    verdicts = {
        p.award_kind.code: p for p in person_history(person, year=2024)["prospects"]
    }
    assert verdicts["CSTDCS"].verdict == "passed", verdicts["CSTDCS"].reasons


def test_the_unit_page_offers_the_full_history(world, client):
    client.force_login(world.officer_a)
    body = client.get(
        reverse("orgs:unit-detail", args=[world.unit_a.pk])
    ).content.decode()
    assert reverse("awards:history-unit", args=[world.unit_a.pk]) in body
    page = client.get(reverse("awards:history-unit", args=[world.unit_a.pk]))
    assert "Tập thể lao động tiên tiến" in page.content.decode()


def test_a_confirmed_cluster_proposal_becomes_a_collective_dossier(world, client):
    cluster = make_cluster(world)
    proposal = ClusterProposal.objects.create(
        cluster_year=cluster.year,
        unit=world.unit_a,
        award_code=AwardCode.CO_TINH,
        status=ClusterProposal.Status.CONFIRMED,
        rank=1,
    )
    client.force_login(world.secretariat)
    listing = client.get(reverse("awards:cluster-proposals")).content.decode()
    assert world.unit_a.name in listing
    response = client.post(
        reverse("awards:cluster-proposal-take-up", args=[proposal.pk])
    )
    created = Dossier.objects.get(award_kind__code="CO_TINH")
    assert response["Location"] == created.get_absolute_url()
    assert created.unit == world.unit_a and created.status == Dossier.Status.DRAFT
    assert created.nominations.get().collective == world.unit_a
    assert "xếp thứ 1" in created.achievements
    proposal.refresh_from_db()
    assert proposal.status == ClusterProposal.Status.TAKEN_UP
    assert proposal.taken_up_ref == created.reference
    with pytest.raises(ValidationError, match="không còn chờ tiếp nhận"):
        cluster_proposal_take_up(proposal=proposal, actor=None)
