"""Card arithmetic: bounds, caps, exemptions on a reduced maximum, normalisation, ranks."""

from decimal import Decimal as D

from clusters.scoring_math import (
    CriteriaTree,
    Node,
    Ranked,
    assign_ranks,
    card_totals,
    normalise,
)


def tree() -> CriteriaTree:
    return CriteriaTree.build(
        [
            Node(1, None, "I", "scored", D(60), 1),
            Node(2, 1, "1", "scored", D(30), 2),
            Node(3, 1, "2", "scored", D(30), 3),
            Node(4, None, "II", "scored", D(40), 4),
            Node(5, 4, "3", "scored", D(40), 5),
            Node(6, None, "III", "bonus", D(10), 6),
            Node(7, 6, "4", "bonus", D(8), 7),
            Node(8, 6, "5", "bonus", D(8), 8),
            Node(9, None, "IV", "penalty", D(5), 9),
            Node(10, 9, "6", "penalty", D(3), 10),
            Node(11, 9, "7", "penalty", D(4), 11),
        ]
    )


def test_totals_add_up_leaves_by_kind():
    totals = card_totals(
        tree(), {2: D(25), 3: D(20), 5: D(30), 7: D(0), 8: D(0), 10: D(-1), 11: D(0)}
    )
    assert (totals.scored, totals.bonus, totals.penalty) == (D(75), D(0), D(-1))
    assert totals.total == D("74.00") and totals.final == D("74.00")
    assert totals.complete is True


def test_bonus_group_is_capped_and_penalty_group_has_a_floor():
    totals = card_totals(
        tree(), {2: D(30), 3: D(30), 5: D(40), 7: D(8), 8: D(8), 10: D(-3), 11: D(-4)}
    )
    assert totals.bonus == D(10)
    assert totals.penalty == D(-5)
    assert totals.final == D("105.00")


def test_a_leaf_outside_its_bounds_is_clamped():
    totals = card_totals(tree(), {2: D(99), 10: D(-99)})
    assert totals.subtotals[2] == D(30) and totals.subtotals[10] == D(-3)


def test_missing_leaves_count_as_zero_and_are_reported():
    totals = card_totals(tree(), {2: D(10)})
    assert totals.scored == D(10) and totals.missing == 6 and totals.complete is False


def test_exempt_criterion_reduces_the_maximum_and_the_total_is_compared_on_it():
    # Exempt from criterion 2 (30 points): 54 of 70 applicable = 77,14% of 100.
    totals = card_totals(tree(), {2: D(24), 5: D(30)}, exempt={3})
    assert totals.reduced_max == D(70)
    assert totals.scored == D(54)
    assert totals.final == D("77.14")


def test_exempting_a_whole_group_keeps_its_children_out():
    totals = card_totals(tree(), {2: D(30), 3: D(30), 5: D(5)}, exempt={4})
    assert totals.reduced_max == D(60) and totals.final == D("100.00")
    assert totals.subtotals[5] is None


def test_fully_exempt_group_is_neutral_in_tie_breaks():
    totals = card_totals(tree(), {2: D(30), 3: D(15), 5: D(5)}, exempt={4})
    assert totals.group_keys["II"] == D("30.00")  # 45/60 = 75% of 40


def test_ties_share_a_rank_unless_a_tie_break_group_separates_them():
    rows = [
        Ranked(1, D(90), {"I": D(50), "II": D(40)}, "An"),
        Ranked(2, D(90), {"I": D(55), "II": D(35)}, "Bình"),
        Ranked(3, D(80), {"I": D(40), "II": D(40)}, "Chi"),
    ]
    untied = assign_ranks(rows, ["I"])
    assert [(r.key, r.rank) for r in untied] == [(2, 1), (1, 2), (3, 3)]
    assert untied[1].decided_by == "I"
    shared = assign_ranks(
        [Ranked(r.key, r.score, r.group_keys, r.name) for r in rows], []
    )
    assert [(r.key, r.rank) for r in shared] == [(1, 1), (2, 1), (3, 3)]


def test_the_order_of_tie_break_groups_decides():
    rows = [
        Ranked(1, D(90), {"I": D(50), "II": D(40)}, "An"),
        Ranked(2, D(90), {"I": D(55), "II": D(35)}, "Bình"),
    ]
    assert [r.key for r in assign_ranks(rows, ["II", "I"])] == [1, 2]


def test_normalisation_removes_a_harsh_reviewers_bias():
    # Reviewer 10 scores everyone 0.2 lower than reviewer 20 does on the same spread.
    ratios = [
        (1, 10, D("0.6")),
        (2, 10, D("0.7")),
        (3, 20, D("0.8")),
        (4, 20, D("0.9")),
    ]
    balanced = normalise(ratios)
    assert balanced[1] == balanced[3] and balanced[2] == balanced[4]
    assert balanced[2] > balanced[1]


def test_a_reviewer_with_one_card_keeps_the_raw_ratio():
    balanced = normalise([(1, 10, D("0.5")), (2, 20, D("0.7")), (3, 20, D("0.9"))])
    assert balanced[1] == D("0.5")
