"""Year-end evaluation: quotas, votes, confirmation, and the hand-over to the awards app."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from clusters.models import AwardCode, ClusterProposal, Conference
from clusters.selectors import confirmed_proposals
from clusters.services import conferences, evaluation, reviews, scoring
from clusters.signals import cluster_proposal_confirmed
from councils.voting import VoteMethod
from tests.clusters.conftest import fill
from tests.factories_clusters import make_cluster, more_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(world):
    units = more_units(world, 10, "E")
    built = make_cluster(world, members=units)
    scoring.scoring_start(cluster_year=built.year, actor=None)
    for index, unit in enumerate(units):
        fill(
            built,
            unit,
            None,
            {"1": 30 - index, "2": 20, "3": 30, "4": 0, "5": 0, "6": 0, "7": 0},
        )
        scoring.sheet_submit(sheet=built.sheet(unit), actor=None)
    for sheet in built.year.sheets.all():
        for review in sheet.reviews.all():
            reviews.review_accept_self(review=review, actor=None)
            reviews.review_complete(review=review, actor=None)
    year = reviews.ranking_publish(cluster_year=built.year, actor=None)
    conference = conferences.conference_create(
        cluster_year=year,
        kind=Conference.Kind.YEAR_END,
        held_on=datetime.date(2024, 12, 27),
        actor=None,
    )
    return year, units, conference


def test_quota_comes_from_the_dated_parameter_and_a_cluster_may_override_it(published):
    year, _units, _conference = published
    quota = evaluation.quota_of(year)
    assert (quota.flags, quota.merits, quota.source) == (1, 3, "parameter")
    year.cluster.flag_quota, year.cluster.merit_quota_ratio = 2, Decimal("0.2")
    year.cluster.save()
    quota = evaluation.quota_of(year)
    assert (quota.flags, quota.merits, quota.source) == (2, 2, "cluster")


def test_proposals_stay_within_the_quota(published):
    year, units, _conference = published
    evaluation.proposal_create(
        cluster_year=year, unit=units[0], award_code=AwardCode.CO_TINH, actor=None
    )
    with pytest.raises(ValidationError, match="Vượt số lượng"):
        evaluation.proposal_create(
            cluster_year=year, unit=units[1], award_code=AwardCode.CO_TINH, actor=None
        )
    with pytest.raises(ValidationError, match="cùng lúc Cờ thi đua và Bằng khen"):
        evaluation.proposal_create(
            cluster_year=year, unit=units[0], award_code=AwardCode.BK_TINH, actor=None
        )
    for unit in units[1:4]:
        evaluation.proposal_create(
            cluster_year=year, unit=unit, award_code=AwardCode.BK_TINH, actor=None
        )
    with pytest.raises(ValidationError, match="Vượt số lượng"):
        evaluation.proposal_create(
            cluster_year=year, unit=units[4], award_code=AwardCode.BK_TINH, actor=None
        )


def test_the_proposal_keeps_the_units_rank_and_score(published):
    year, units, _conference = published
    proposal = evaluation.proposal_create(
        cluster_year=year, unit=units[0], award_code=AwardCode.CO_TINH, actor=None
    )
    assert (proposal.rank, proposal.final_score) == (1, Decimal("80.00"))


def test_evaluation_waits_for_the_published_ranking(world):
    built = make_cluster(world)
    with pytest.raises(ValidationError, match="Công bố kết quả"):
        evaluation.proposal_create(
            cluster_year=built.year,
            unit=world.unit_a,
            award_code=AwardCode.CO_TINH,
            actor=None,
        )


def test_a_vote_decides_and_confirmation_tells_the_awards_app(published):
    year, units, conference = published
    proposal = evaluation.proposal_create(
        cluster_year=year, unit=units[0], award_code=AwardCode.CO_TINH, actor=None
    )
    failed = evaluation.proposal_create(
        cluster_year=year, unit=units[1], award_code=AwardCode.BK_TINH, actor=None
    )
    evaluation.proposal_vote_record(
        proposal=proposal,
        conference=conference,
        actor=None,
        method=VoteMethod.SECRET_BALLOT,
        votes_for=9,
        votes_against=1,
    )
    evaluation.proposal_vote_record(
        proposal=failed,
        conference=conference,
        actor=None,
        method=VoteMethod.SECRET_BALLOT,
        votes_for=5,
        votes_against=5,
    )
    proposal.refresh_from_db()
    failed.refresh_from_db()
    assert (proposal.status, failed.status) == ("passed", "not_passed")
    with pytest.raises(ValidationError):
        evaluation.proposal_confirm(proposal=failed, actor=None)
    received = []
    handler = lambda sender, proposal, actor, **kwargs: received.append(proposal.pk)  # noqa: E731
    cluster_proposal_confirmed.connect(handler)
    try:
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            evaluation.proposal_confirm(proposal=proposal, actor=None)
    finally:
        cluster_proposal_confirmed.disconnect(handler)
    assert received == [proposal.pk]
    offered = list(confirmed_proposals(year=year.year))
    assert [(p.unit, p.award_code, p.last_vote.votes_for) for p in offered] == [
        (units[0], "CO_TINH", 9)
    ]


def test_taking_up_a_proposal_happens_once(published):
    year, units, conference = published
    proposal = evaluation.proposal_create(
        cluster_year=year, unit=units[0], award_code=AwardCode.CO_TINH, actor=None
    )
    evaluation.proposal_vote_record(
        proposal=proposal,
        conference=conference,
        actor=None,
        method=VoteMethod.SHOW_OF_HANDS,
        votes_for=10,
    )
    evaluation.proposal_confirm(proposal=proposal, actor=None)
    taken = evaluation.proposal_take_up(
        proposal=proposal, actor=None, reference="Hồ sơ số 12"
    )
    assert taken.status == ClusterProposal.Status.TAKEN_UP
    with pytest.raises(ValidationError, match="không còn ở trạng thái chờ tiếp nhận"):
        evaluation.proposal_take_up(
            proposal=proposal, actor=None, reference="Hồ sơ số 13"
        )
    assert list(confirmed_proposals()) == []


def test_a_failed_rotation_vote_drops_the_proposal(published):
    from clusters.services import rotation

    year, units, conference = published
    proposal = rotation.rotation_propose(
        cluster_year=year, head=units[2], deputies=[units[3]], actor=None
    )
    evaluation.rotation_vote_record(
        rotation=proposal,
        conference=conference,
        actor=None,
        method=VoteMethod.SHOW_OF_HANDS,
        votes_for=4,
        votes_against=6,
    )
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
