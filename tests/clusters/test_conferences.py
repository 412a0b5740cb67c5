"""Conferences: unit attendance, votes judged by the dated rule, minutes from the councils' machinery."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clusters.models import Conference, ConferenceItem
from clusters.services import conferences
from councils.voting import VoteMethod
from orgs.models import LegalParameter
from orgs.services import parameter_value_set
from tests.factories import UnitFactory
from tests.factories_clusters import make_cluster
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(world):
    units = [
        world.unit_a,
        world.unit_b,
        UnitFactory(
            code="C", name="Ủy ban nhân dân phường Cẩm Phong", parent=world.province
        ),
    ]
    built = make_cluster(world, members=units)
    return conferences.conference_create(
        cluster_year=built.year,
        kind=Conference.Kind.YEAR_END,
        held_on=datetime.date(2024, 12, 27),
        place="Hội trường phường An Bình",
        starts_at=datetime.time(8),
        ends_at=datetime.time(10, 30),
        secretary_name="Lê Thư Ký",
        actor=world.officer_a,
    )


def test_every_member_unit_is_listed_and_the_leaders_preside(conference):
    rows = {r.unit.code: r for r in conference.attendance.all()}
    assert set(rows) == {"A", "B", "C"}
    assert (rows["A"].in_presidium, rows["B"].in_presidium, rows["C"].in_presidium) == (
        True,
        True,
        False,
    )


def _vote(conference, **counts):
    item = conferences.evaluation_item(conference)
    return conferences.conference_vote_record(
        item=item,
        actor=None,
        question="Đề nghị Cờ thi đua cho phường An Bình",
        method=VoteMethod.SECRET_BALLOT,
        **counts,
    )


def test_a_vote_counts_units_and_needs_more_than_half_of_all(conference):
    row = conference.attendance.get(unit__code="C")
    conferences.attendance_set(
        attendance=row, actor=None, status="absent", absence_reason="Đi công tác"
    )
    assert _vote(conference, votes_for=2).passed is True
    failed = _vote(conference, votes_for=1, votes_against=1)
    assert (failed.members_total, failed.members_present, failed.passed) == (
        3,
        2,
        False,
    )
    with pytest.raises(ValidationError):
        _vote(conference, votes_for=3)


def test_a_rule_change_on_a_date_changes_only_later_votes(world, conference):
    threshold = LegalParameter.objects.get(code="vote_threshold")
    parameter_value_set(
        parameter=threshold,
        key="CLUSTER",
        value="2/3",
        valid_from=datetime.date(2025, 1, 1),
        actor=None,
        scope_unit=world.province,
    )
    assert _vote(conference, votes_for=2, votes_against=1).passed is True
    later = conferences.conference_create(
        cluster_year=conference.cluster_year,
        kind=Conference.Kind.OTHER,
        held_on=datetime.date(2025, 2, 1),
        actor=None,
    )
    vote = conferences.conference_vote_record(
        item=conferences.evaluation_item(later),
        actor=None,
        question="x",
        method=VoteMethod.SHOW_OF_HANDS,
        votes_for=2,
        votes_against=1,
    )
    assert vote.passed is False and "2/3" in vote.rule.describe()


def test_minutes_are_numbered_by_the_cluster_and_freeze_the_conference(
    client, world, conference
):
    conferences.conclusion_add(
        conference=conference, actor=None, text="Thống nhất đề nghị Cờ thi đua."
    )
    _vote(conference, votes_for=3)
    with pytest.raises(ValidationError, match="sau khi hội nghị đã họp"):
        conferences.conference_minutes_issue(conference=conference, actor=None)
    conferences.conference_mark_held(conference=conference, actor=None)
    document = conferences.conference_minutes_issue(
        conference=conference, actor=world.officer_a
    )
    assert document.full_number == "01/BB-CTĐ1"
    with pytest.raises(ValidationError, match="đã phát hành"):
        conferences.conclusion_add(conference=conference, actor=None, text="muộn")
    client.force_login(world.officer_b)
    text = " ".join(
        pdf_text(
            client.get(reverse("clusters:minutes-pdf", args=[conference.pk])).content
        ).split()
    )
    assert "BIÊN BẢN" in text and "Số: 01/BB-CTĐ1" in text
    assert "Cụm thi đua số 1 có 03 đơn vị thành viên; có mặt 03 đơn vị" in text
    assert "Thống nhất đề nghị Cờ thi đua." in text and "THÔNG QUA" in text
    assert "08 giờ 00 phút, ngày 27 tháng 12 năm 2024" in text


def test_an_item_with_votes_cannot_be_removed(conference):
    _vote(conference, votes_for=3)
    item = conference.items.get(kind=ConferenceItem.Kind.EVALUATION)
    with pytest.raises(ValidationError, match="biểu quyết"):
        conferences.conference_item_remove(item=item, actor=None)
