"""Load a cluster year's cards and turn them into totals and a ranking table.

A fixed number of queries whatever the number of units: the criteria, the cards,
the self-scores and the finished reviews' scores, each read once. The table is
plain data (strings and numbers) so that publication can store it and the page,
the PDF and the spreadsheet print the same thing before and after.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from clusters.models import (
    ClusterYear,
    Criterion,
    Review,
    ReviewScore,
    ScoreEntry,
    ScoreSheet,
)
from clusters.scoring_math import (
    CardTotals,
    CriteriaTree,
    Node,
    Ranked,
    assign_ranks,
    card_totals,
    mean_points,
    normalise,
    q2,
)


def criteria_tree(criteria_set_id: int) -> CriteriaTree:
    rows = Criterion.objects.filter(criteria_set_id=criteria_set_id).values_list(
        "id", "parent_id", "code", "kind", "max_points", "order", "title"
    )
    return CriteriaTree.build(Node(*row) for row in rows)


@dataclass
class CardData:
    """Everything about one card needed for its totals."""

    sheet: ScoreSheet
    self_points: dict[int, Decimal | None]
    exempt: set[int]
    reviews: dict[int, dict[int, Decimal]]  # reviewer unit id → criterion → points

    def verified_points(self) -> dict[int, Decimal | None]:
        by_criterion: dict[int, list[Decimal]] = defaultdict(list)
        for scores in self.reviews.values():
            for criterion_id, points in scores.items():
                by_criterion[criterion_id].append(points)
        return {cid: mean_points(values) for cid, values in by_criterion.items()}


def load_cards(
    cluster_year: ClusterYear, sheets: list[ScoreSheet] | None = None
) -> list[CardData]:
    if sheets is None:
        sheets = list(
            cluster_year.sheets.select_related("unit").order_by("unit__name", "pk")
        )
    ids = [sheet.pk for sheet in sheets]
    self_points: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
    exempt: dict[int, set[int]] = defaultdict(set)
    for sheet_id, criterion_id, points, is_exempt in ScoreEntry.objects.filter(
        sheet_id__in=ids
    ).values_list("sheet_id", "criterion_id", "self_points", "exempt"):
        self_points[sheet_id][criterion_id] = points
        if is_exempt:
            exempt[sheet_id].add(criterion_id)
    reviews: dict[int, dict[int, dict[int, Decimal]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for sheet_id, reviewer_id, criterion_id, points in ReviewScore.objects.filter(
        review__sheet_id__in=ids, review__status=Review.Status.DONE
    ).values_list(
        "review__sheet_id", "review__reviewer_unit_id", "criterion_id", "points"
    ):
        reviews[sheet_id][reviewer_id][criterion_id] = points
    return [
        CardData(
            sheet=sheet,
            self_points=self_points[sheet.pk],
            exempt=exempt[sheet.pk],
            reviews={k: dict(v) for k, v in reviews[sheet.pk].items()},
        )
        for sheet in sheets
    ]


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(q2(value))


def _row(
    card: CardData, tree: CriteriaTree
) -> tuple[dict[str, Any], CardTotals | None]:
    own = card_totals(tree, card.self_points, card.exempt)
    verified = (
        card_totals(tree, card.verified_points(), card.exempt) if card.reviews else None
    )
    shown = verified or own
    return (
        {
            "sheet": card.sheet.pk,
            "unit_id": card.sheet.unit_id,
            "unit": card.sheet.unit.name,
            "unit_code": card.sheet.unit.code,
            "status": card.sheet.status,
            "status_label": str(card.sheet.get_status_display()),
            "self_total": _number(own.total),
            "verified_total": _number(verified.total) if verified else None,
            "final": _number(verified.final) if verified else None,
            "normalised": None,
            "reduced_max": _number(shown.reduced_max),
            "exempt": bool(card.exempt),
            "groups_self": {
                n.code: _number(own.subtotals.get(n.id)) for n in tree.roots
            },
            "groups_verified": {
                n.code: _number(verified.subtotals.get(n.id)) if verified else None
                for n in tree.roots
            },
            "group_keys": {k: str(v) for k, v in shown.group_keys.items()},
            "reviewers": len(card.reviews),
        },
        verified,
    )


def _review_ratios(
    cards: list[CardData], tree: CriteriaTree
) -> list[tuple[int, int, Decimal]]:
    ratios = []
    for card in cards:
        for reviewer, scores in card.reviews.items():
            totals = card_totals(tree, scores, card.exempt)
            ratios.append((card.sheet.pk, reviewer, totals.ratio))
    return ratios


def ranking_table(
    cluster_year: ClusterYear, cards: list[CardData] | None = None
) -> dict[str, Any]:
    """Return the ranking of the year as plain data (see module docstring)."""
    if cluster_year.criteria_set_id is None:
        return {"groups": [], "rows": [], "normalised_used": False, "tie_break": []}
    tree = criteria_tree(cluster_year.criteria_set_id)
    cards = load_cards(cluster_year) if cards is None else cards
    rows, verified = [], {}
    for card in cards:
        row, totals = _row(card, tree)
        rows.append(row)
        if totals is not None:
            verified[card.sheet.pk] = totals
    reviewers = {r for card in cards for r in card.reviews}
    use_normalised = cluster_year.normalise and len(reviewers) >= 2
    if use_normalised:
        balanced = normalise(_review_ratios(cards, tree))
        for row in rows:
            totals = verified.get(row["sheet"])
            if totals is not None and row["sheet"] in balanced:
                value = (
                    balanced[row["sheet"]] * totals.full_max
                    + totals.bonus
                    + totals.penalty
                )
                row["normalised"] = _number(value)
    ranked = [
        Ranked(
            key=row["sheet"],
            score=Decimal(
                row["normalised"]
                if use_normalised and row["normalised"]
                else row["final"]
            ),
            group_keys={k: Decimal(v) for k, v in row["group_keys"].items()},
            name=row["unit"],
        )
        for row in rows
        if row["final"] is not None
    ]
    by_sheet = {row["sheet"]: row for row in rows}
    order = []
    for item in assign_ranks(ranked, list(cluster_year.tie_break or [])):
        by_sheet[item.key].update(rank=item.rank, decided_by=item.decided_by)
        order.append(by_sheet[item.key])
    unranked = [
        row | {"rank": None, "decided_by": ""} for row in rows if row["final"] is None
    ]
    return {
        "year": cluster_year.year,
        "cluster": cluster_year.cluster.name,
        "generated_at": timezone.now().isoformat(),
        "full_max": _number(tree.full_max),
        "groups": [
            {
                "code": n.code,
                "title": n.title,
                "kind": n.kind,
                "max": _number(n.max_points),
            }
            for n in tree.roots
        ],
        "rows": order + unranked,
        "normalised_used": use_normalised,
        "tie_break": list(cluster_year.tie_break or []),
    }
