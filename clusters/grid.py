"""The scoring grid of one card, as rows ready for the template.

Who sees which column (peers.md §6 item 12, "see others' scores only after
submitting your own"):

- the unit edits its self-scores while the card is a draft and sees the
  reviewers' scores once the card is reviewed;
- a reviewer edits its own column while the card is submitted, and sees the
  other reviewers' columns only after finishing its own;
- the head, the authority and the council members following the cluster see
  every column; after publication every member does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from clusters import access
from clusters.models import Review, ScoreEntry, ScoreSheet
from clusters.ranking import CardData, criteria_tree, load_cards
from clusters.scoring_math import CardTotals, card_totals, mean_points
from clusters.selectors import sheet_grid


@dataclass
class ReviewCell:
    review: Review
    points: Decimal | None
    reason: str
    editable: bool
    typed: dict[str, str] = field(default_factory=dict)


@dataclass
class GridRow:
    criterion: Any
    depth: int
    is_leaf: bool
    entry: ScoreEntry | None
    self_subtotal: Decimal | None
    verified: Decimal | None
    cells: list[ReviewCell] = field(default_factory=list)
    excluded: bool = False
    error: str = ""
    typed: dict[str, str] = field(default_factory=dict)

    @property
    def evidence(self) -> list[Any]:
        return list(self.entry.evidence.all()) if self.entry else []


@dataclass
class Grid:
    sheet: ScoreSheet
    rows: list[GridRow]
    own: CardTotals
    verified: CardTotals | None
    columns: list[Review]
    can_self: bool
    can_review: bool
    leads: bool
    all_reviews: list[Review] = field(default_factory=list)
    own_reviews: list[Review] = field(default_factory=list)

    def row(self, criterion_id: int) -> GridRow | None:
        return next((r for r in self.rows if r.criterion.pk == criterion_id), None)


def visible_reviews(
    sheet: ScoreSheet, reviews: list[Review], scope: Any
) -> list[Review]:
    year = sheet.cluster_year
    if year.is_published or access.oversees(scope, year):
        return reviews
    mine = [r for r in reviews if access.acts_for(scope, r.reviewer_unit)]
    if mine:
        done = all(r.status == Review.Status.DONE for r in mine)
        return reviews if done else mine
    if access.acts_for(scope, sheet.unit) or scope.covers(sheet.unit):
        return reviews if sheet.status in ("reviewed", "locked") else []
    return []


def build_grid(
    sheet: ScoreSheet, scope: Any, errors: dict[int, str] | None = None
) -> Grid:
    data = sheet_grid(sheet)
    tree = criteria_tree(sheet.criteria_set_id)
    card: CardData = load_cards(sheet.cluster_year, [sheet])[0]
    own = card_totals(tree, card.self_points, card.exempt)
    verified = (
        card_totals(tree, card.verified_points(), card.exempt) if card.reviews else None
    )
    shown = visible_reviews(sheet, data["reviews"], scope)
    excluded = tree.exempt_closure(card.exempt)
    editable_status = sheet.status == ScoreSheet.Status.SUBMITTED
    criteria = {c.pk: c for c in data["criteria"]}
    rows = []
    for node, depth in tree.walk():
        leaf = tree.is_leaf(node)
        cells = []
        for review in shown:
            score = next(
                (s for s in review.scores.all() if s.criterion_id == node.id), None
            )
            cells.append(
                ReviewCell(
                    review=review,
                    points=score.points if score else None,
                    reason=score.reason if score else "",
                    editable=leaf
                    and node.id not in excluded
                    and editable_status
                    and review.status == Review.Status.OPEN
                    and access.acts_for(scope, review.reviewer_unit),
                )
            )
        visible_points = [c.points for c in cells if c.points is not None]
        rows.append(
            GridRow(
                criterion=criteria[node.id],
                depth=depth,
                is_leaf=leaf,
                entry=data["entries"].get(node.id),
                self_subtotal=own.subtotals.get(node.id),
                verified=(
                    verified.subtotals.get(node.id)
                    if verified and not leaf and shown
                    else mean_points(visible_points)
                ),
                cells=cells,
                excluded=node.id in excluded,
                error=(errors or {}).get(node.id, ""),
            )
        )
    year = sheet.cluster_year
    return Grid(
        sheet=sheet,
        rows=rows,
        own=own,
        verified=verified if shown else None,
        columns=shown,
        can_self=sheet.status == ScoreSheet.Status.DRAFT
        and access.acts_for(scope, sheet.unit),
        can_review=any(c.editable for r in rows for c in r.cells),
        leads=access.leads(scope, year),
        all_reviews=data["reviews"],
        own_reviews=[
            r for r in data["reviews"] if access.acts_for(scope, r.reviewer_unit)
        ],
    )
