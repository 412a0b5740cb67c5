"""The pure vote machinery: counts and a rule in, a result out."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from councils.voting import (
    VoteCounts,
    VoteRule,
    check_method,
    quorum_outcome,
    vote_outcome,
)

MAJORITY = VoteRule(threshold=Fraction(1, 2), strict=True, base="all_members")


def test_majority_of_all_members_needs_more_than_half():
    assert vote_outcome(VoteCounts(22, 19, votes_for=11), MAJORITY).passed is False
    assert vote_outcome(VoteCounts(22, 19, votes_for=12), MAJORITY).passed is True


def test_percentage_is_of_all_members_not_of_those_present():
    outcome = vote_outcome(VoteCounts(22, 19, votes_for=19), MAJORITY)
    assert outcome.base_size == 22
    assert outcome.percentage == Decimal("86.36")
    assert outcome.percentage_text == "86,36%"


def test_base_present_counts_only_those_in_the_room():
    rule = VoteRule(threshold=Fraction(9, 10), strict=False, base="present")
    assert vote_outcome(VoteCounts(22, 10, votes_for=9), rule).passed is True
    assert vote_outcome(VoteCounts(22, 10, votes_for=8), rule).passed is False


def test_threshold_is_compared_exactly_not_on_the_rounded_percentage():
    rule = VoteRule(threshold=Fraction(2, 3), strict=False)
    outcome = vote_outcome(VoteCounts(3, 3, votes_for=2), rule)
    assert outcome.passed is True
    assert outcome.percentage == Decimal("66.67")


def test_strict_threshold_refuses_an_exact_tie():
    strict = VoteRule(threshold=Fraction(1, 2), strict=True)
    loose = VoteRule(threshold=Fraction(1, 2), strict=False)
    counts = VoteCounts(10, 10, votes_for=5, votes_against=5)
    assert vote_outcome(counts, strict).passed is False
    assert vote_outcome(counts, loose).passed is True


def test_absent_written_opinions_count_only_where_the_rule_says_so():
    counting = VoteRule(
        threshold=Fraction(9, 10), strict=False, absent_written_count=True
    )
    ignoring = VoteRule(
        threshold=Fraction(9, 10), strict=False, absent_written_count=False
    )
    counts = VoteCounts(10, 8, votes_for=8, written_for=1)
    assert vote_outcome(counts, counting).yes == 9
    assert vote_outcome(counts, counting).passed is True
    assert vote_outcome(counts, ignoring).yes == 8
    assert vote_outcome(counts, ignoring).passed is False


def test_written_opinions_join_the_base_when_it_is_those_present():
    rule = VoteRule(threshold=Fraction(1, 2), strict=True, base="present")
    outcome = vote_outcome(VoteCounts(10, 6, votes_for=4, written_against=3), rule)
    assert outcome.base_size == 9
    assert outcome.passed is False


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        (VoteCounts(10, 11, votes_for=1), "lớn hơn tổng số thành viên"),
        (VoteCounts(10, 5, votes_for=4, votes_against=2), "vượt số thành viên có mặt"),
        (VoteCounts(10, 8, votes_for=8, written_for=3), "vượt số thành viên vắng mặt"),
        (VoteCounts(10, 8, votes_for=-1), "không được âm"),
    ],
)
def test_impossible_counts_are_refused_in_vietnamese(counts, message):
    with pytest.raises(ValidationError, match=message):
        vote_outcome(counts, MAJORITY)


def test_no_members_never_passes():
    assert vote_outcome(VoteCounts(0, 0, votes_for=0), MAJORITY).passed is False


def test_a_required_method_is_enforced():
    secret = VoteRule(threshold=Fraction(9, 10), method="secret_ballot")
    check_method("secret_ballot", secret)
    with pytest.raises(ValidationError, match="Bỏ phiếu kín"):
        check_method("show_of_hands", secret)
    check_method("show_of_hands", MAJORITY)


def test_quorum_of_two_thirds_rounds_up():
    assert quorum_outcome(15, 22, Fraction(2, 3)).required == 15
    assert quorum_outcome(15, 22, Fraction(2, 3)).reached is True
    assert quorum_outcome(14, 22, Fraction(2, 3)).reached is False
    assert quorum_outcome(0, 0, Fraction(2, 3)).reached is False


def test_rule_describes_itself_in_vietnamese():
    assert MAJORITY.describe() == "quá 1/2 tổng số thành viên"
    ninety = VoteRule(threshold=Fraction(9, 10), strict=False, base="present")
    assert ninety.describe() == "từ 90% số thành viên có mặt trở lên"
