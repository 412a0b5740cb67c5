"""Votes judged by the rule in force on the session date, with the rule copied."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from councils import services
from councils.models import Vote
from councils.voting import vote_rule
from orgs.models import LegalDocument, LegalParameter
from orgs.services import parameter_value_set
from tests.factories_councils import MeetingFactory, at, mark, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def council(world):
    return seated_council(world.unit_a, size=10)[0]


def _vote(council, day, votes_for, **extra):
    meeting = MeetingFactory(council=council, starts_at=at(day))
    mark(
        meeting,
        present=extra.pop("present", 10),
        written_opinion=extra.pop("written", False),
    )
    item = services.agenda_item_create(meeting=meeting, actor=None, title="Nội dung")
    return services.vote_record(
        agenda_item=item,
        actor=None,
        question="Thông qua",
        method=extra.pop("method", "show_of_hands"),
        votes_for=votes_for,
        **extra,
    )


def _raise_threshold_from(day):
    decision = LegalDocument.objects.create(
        kind="decision",
        number="99/2023/QĐ-UBND",
        issued_on=day,
        issuer="UBND tỉnh",
        title="Quy chế",
    )
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="vote_threshold"),
        value="2/3",
        valid_from=day,
        actor=None,
        legal_basis=decision,
    )
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="vote_threshold_strict"),
        value="false",
        valid_from=day,
        actor=None,
    )


def test_general_rule_is_a_strict_majority_of_all_members(council):
    assert _vote(council, D(2022, 3, 9), votes_for=6).passed is True
    vote = _vote(council, D(2022, 4, 9), votes_for=5, votes_against=5)
    assert vote.passed is False
    assert vote.percentage == Decimal("50.00")
    assert (vote.threshold, vote.threshold_strict, vote.base_kind) == (
        Fraction(1, 2),
        True,
        "all_members",
    )


def test_a_rule_change_on_a_date_changes_only_later_sessions(council):
    _raise_threshold_from(D(2023, 1, 1))
    before = _vote(council, D(2022, 12, 31), votes_for=6)
    after = _vote(council, D(2023, 1, 2), votes_for=6)
    assert before.passed is True and before.threshold == Fraction(1, 2)
    assert after.passed is False and after.threshold == Fraction(2, 3)
    assert after.legal_basis == "Quyết định số 99/2023/QĐ-UBND"
    assert _vote(council, D(2023, 2, 1), votes_for=7).passed is True


def test_recorded_result_does_not_move_when_the_rule_changes_later(council):
    vote = _vote(council, D(2023, 3, 9), votes_for=6)
    _raise_threshold_from(D(2023, 1, 1))
    vote.refresh_from_db()
    assert vote.passed is True and vote.threshold == Fraction(1, 2)


def test_award_rule_falls_back_to_the_general_one_per_parameter(council):
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="vote_threshold"),
        key="KHOA_THU",
        value="9/10",
        valid_from=D(2020, 1, 1),
        actor=None,
    )
    rule = vote_rule(on=D(2022, 3, 9), key="KHOA_THU")
    assert rule.threshold == Fraction(9, 10)
    assert rule.base == "all_members" and rule.strict is True
    assert vote_rule(on=D(2022, 3, 9)).threshold == Fraction(1, 2)


def test_award_rule_can_require_a_secret_ballot(council):
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="vote_method"),
        key="KHOA_THU",
        value="secret_ballot",
        valid_from=D(2020, 1, 1),
        actor=None,
    )
    with pytest.raises(ValidationError, match="Bỏ phiếu kín"):
        _vote(council, D(2022, 3, 9), votes_for=10, rule_key="KHOA_THU")
    vote = _vote(
        council,
        D(2022, 3, 10),
        votes_for=9,
        invalid=1,
        method="secret_ballot",
        rule_key="KHOA_THU",
    )
    assert vote.rule_key == "KHOA_THU" and vote.passed is True


def test_absent_members_written_opinions_count(council):
    vote = _vote(
        council, D(2022, 3, 9), votes_for=4, present=8, written=True, written_for=2
    )
    assert (vote.members_total, vote.members_present, vote.base_size) == (10, 8, 10)
    assert vote.passed is True and vote.percentage == Decimal("60.00")


def test_written_opinions_need_absent_senders(council):
    with pytest.raises(ValidationError, match="gửi ý kiến bằng văn bản"):
        _vote(council, D(2022, 3, 9), votes_for=4, present=8, written_for=1)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"votes_for": 8, "votes_against": 3}, "vượt số thành viên có mặt"),
        ({"votes_for": 5, "invalid": 1}, "giơ tay không có phiếu không hợp lệ"),
        ({"votes_for": 5, "method": "written"}, "không dùng được"),
    ],
)
def test_vote_validation(council, fields, message):
    with pytest.raises(ValidationError, match=message):
        _vote(council, D(2022, 3, 9), **fields)
    assert not Vote.objects.exists()


def test_database_refuses_ballots_beyond_those_present(council):
    vote = _vote(council, D(2022, 3, 9), votes_for=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.filter(pk=vote.pk).update(votes_against=5)


def test_vote_can_point_at_a_subject_of_another_app(world, council):
    meeting = MeetingFactory(council=council)
    mark(meeting, present=10)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Xét khen thưởng"
    )
    vote = services.vote_record(
        agenda_item=item,
        actor=None,
        question="Đề nghị tặng Bằng khen",
        method="secret_ballot",
        votes_for=10,
        subject=world.person_a,
    )
    assert Vote.objects.get(pk=vote.pk).subject == world.person_a
