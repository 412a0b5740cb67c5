"""The arithmetic of a score card and of a ranking, without the database.

Rules (shared/domain.md §9.5, peers.md §1.5, §1.7, §3):

- a leaf criterion scores between its floor and its ceiling: 0…max for scored and
  bonus items, −max…0 for penalties;
- a node with children adds them up and is capped by its own maximum: a bonus group
  never gives more than its cap, a penalty group never takes more than its cap;
- an exempt criterion (không áp dụng) leaves the card: the unit's maximum shrinks by
  it, and the scored part is compared on that reduced maximum — the final total puts
  the scored part back on the full scale, then adds bonus and penalty;
- ranks follow the final (or normalised) total; ties are broken by the groups the
  cluster's regulation names, in its order; units still equal share the rank.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")
SCORED, BONUS, PENALTY = "scored", "bonus", "penalty"


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Node:
    id: int
    parent_id: int | None
    code: str
    kind: str
    max_points: Decimal
    order: int = 0
    title: str = ""

    @property
    def floor(self) -> Decimal:
        return -self.max_points if self.kind == PENALTY else ZERO

    @property
    def ceiling(self) -> Decimal:
        return ZERO if self.kind == PENALTY else self.max_points


@dataclass
class CriteriaTree:
    """The criteria of one set, indexed for repeated card computations."""

    nodes: dict[int, Node]
    children: dict[int | None, list[Node]]

    @classmethod
    def build(cls, nodes: Iterable[Node]) -> CriteriaTree:
        by_id = {node.id: node for node in nodes}
        children: dict[int | None, list[Node]] = defaultdict(list)
        for node in by_id.values():
            children[node.parent_id].append(node)
        for siblings in children.values():
            siblings.sort(key=lambda n: (n.order, n.id))
        return cls(nodes=by_id, children=dict(children))

    @property
    def roots(self) -> list[Node]:
        return self.children.get(None, [])

    def is_leaf(self, node: Node) -> bool:
        return not self.children.get(node.id)

    def walk(self) -> list[tuple[Node, int]]:
        """Return (node, depth) in display order."""
        out: list[tuple[Node, int]] = []

        def visit(node: Node, depth: int) -> None:
            out.append((node, depth))
            for child in self.children.get(node.id, []):
                visit(child, depth + 1)

        for root in self.roots:
            visit(root, 0)
        return out

    def leaves(self) -> list[Node]:
        return [node for node, _depth in self.walk() if self.is_leaf(node)]

    @property
    def full_max(self) -> Decimal:
        return sum((n.max_points for n in self.roots if n.kind == SCORED), ZERO)

    def exempt_closure(self, exempt: Iterable[int]) -> set[int]:
        """Return the exempt ids and every descendant of them."""
        closed: set[int] = set()
        stack = [i for i in exempt if i in self.nodes]
        while stack:
            current = stack.pop()
            if current in closed:
                continue
            closed.add(current)
            stack += [child.id for child in self.children.get(current, [])]
        return closed


def clamp(node: Node, value: Decimal) -> Decimal:
    return min(max(value, node.floor), node.ceiling)


@dataclass
class CardTotals:
    subtotals: dict[int, Decimal | None]
    effective_max: dict[int, Decimal]
    scored: Decimal
    bonus: Decimal
    penalty: Decimal
    full_max: Decimal
    reduced_max: Decimal
    missing: int
    group_keys: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        """Raw points: scored part + bonus + penalty, as entered."""
        return q2(self.scored + self.bonus + self.penalty)

    @property
    def ratio(self) -> Decimal:
        """The scored part as a share of the unit's reduced maximum."""
        if self.reduced_max <= 0:
            return ZERO
        return self.scored / self.reduced_max

    @property
    def final(self) -> Decimal:
        """The scored part on the full scale (exemptions neutral), plus bonus and penalty."""
        return q2(self.ratio * self.full_max + self.bonus + self.penalty)

    @property
    def complete(self) -> bool:
        return self.missing == 0


def card_totals(
    tree: CriteriaTree,
    points: Mapping[int, Decimal | None],
    exempt: Iterable[int] = (),
) -> CardTotals:
    """Compute every subtotal of one card from the leaf points."""
    excluded = tree.exempt_closure(exempt)
    subtotals: dict[int, Decimal | None] = {}
    effective: dict[int, Decimal] = {}
    missing = 0

    def visit(node: Node) -> tuple[Decimal, Decimal]:
        nonlocal missing
        if node.id in excluded:
            subtotals[node.id], effective[node.id] = None, ZERO
            for child in tree.children.get(node.id, []):
                visit(child)
            return ZERO, ZERO
        kids = tree.children.get(node.id, [])
        if not kids:
            value = points.get(node.id)
            if value is None:
                missing += 1
                value = ZERO
            value, cap = clamp(node, value), node.max_points
        else:
            results = [visit(child) for child in kids]
            value = clamp(node, sum((r[0] for r in results), ZERO))
            cap = min(node.max_points, sum((r[1] for r in results), ZERO))
        subtotals[node.id], effective[node.id] = value, cap
        return value, cap

    sums = {SCORED: ZERO, BONUS: ZERO, PENALTY: ZERO}
    reduced = ZERO
    for root in tree.roots:
        value, cap = visit(root)
        sums[root.kind] += value
        if root.kind == SCORED:
            reduced += cap
    totals = CardTotals(
        subtotals=subtotals,
        effective_max=effective,
        scored=sums[SCORED],
        bonus=sums[BONUS],
        penalty=sums[PENALTY],
        full_max=tree.full_max,
        reduced_max=reduced,
        missing=missing,
    )
    totals.group_keys = _group_keys(tree, totals)
    return totals


def _group_keys(tree: CriteriaTree, totals: CardTotals) -> dict[str, Decimal]:
    """Each top-level group's subtotal on its full scale, for tie-breaks.

    A fully exempt group counts at the unit's overall ratio, so an exemption
    neither helps nor hurts the unit in a tie.
    """
    keys: dict[str, Decimal] = {}
    for root in tree.roots:
        value = totals.subtotals.get(root.id)
        if root.kind != SCORED:
            keys[root.code] = value or ZERO
            continue
        cap = totals.effective_max.get(root.id, ZERO)
        ratio = (value or ZERO) / cap if cap > 0 else totals.ratio
        keys[root.code] = q2(ratio * root.max_points)
    return keys


def mean_points(values: Iterable[Decimal]) -> Decimal | None:
    items = list(values)
    if not items:
        return None
    return q2(sum(items, ZERO) / len(items))


# Normalisation ------------------------------------------------------------------


def _mean_sd(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    mean = sum(values, ZERO) / len(values)
    variance = sum(((v - mean) ** 2 for v in values), ZERO) / len(values)
    return mean, variance.sqrt()


def normalise(ratios: Iterable[tuple[int, int, Decimal]]) -> dict[int, Decimal]:
    """Balance reviewers who score harder or softer than the others.

    ``ratios`` holds (card id, reviewer id, scored ratio) for each finished review.
    Each reviewer's ratios are standardised (mean 0, sd 1) and mapped back onto the
    mean and spread of all ratios; a card's normalised ratio is the mean over its
    reviews. A reviewer with fewer than two cards, or who gave everyone the same
    ratio, cannot be calibrated: their raw ratio stands. (Evalato's method, peers.md §3.4.)
    """
    rows = list(ratios)
    if not rows:
        return {}
    overall_mean, overall_sd = _mean_sd([r for _c, _v, r in rows])
    by_reviewer: dict[int, list[Decimal]] = defaultdict(list)
    for _card, reviewer, ratio in rows:
        by_reviewer[reviewer].append(ratio)
    stats = {
        reviewer: _mean_sd(values)
        for reviewer, values in by_reviewer.items()
        if len(values) >= 2
    }
    per_card: dict[int, list[Decimal]] = defaultdict(list)
    for card, reviewer, ratio in rows:
        mean, sd = stats.get(reviewer, (ZERO, ZERO))
        if sd > 0:
            ratio = overall_mean + (ratio - mean) / sd * overall_sd
        per_card[card].append(min(max(ratio, ZERO), Decimal(1)))
    return {card: sum(values, ZERO) / len(values) for card, values in per_card.items()}


# Ranking ------------------------------------------------------------------------


@dataclass
class Ranked:
    key: int
    score: Decimal
    group_keys: Mapping[str, Decimal]
    name: str = ""
    rank: int = 0
    decided_by: str = ""


def assign_ranks(rows: list[Ranked], tie_break: list[str]) -> list[Ranked]:
    """Sort by score, then by the tie-break groups in order; equal rows share a rank.

    ``decided_by`` names the group that separated a row from the one above it when
    their scores were equal, so the table can say why.
    """

    def sort_key(row: Ranked) -> tuple:
        groups = tuple(-row.group_keys.get(code, ZERO) for code in tie_break)
        return (-row.score, *groups)

    ordered = sorted(rows, key=lambda r: (sort_key(r), r.name, r.key))
    previous: Ranked | None = None
    for position, row in enumerate(ordered, start=1):
        if previous is not None and sort_key(previous) == sort_key(row):
            row.rank = previous.rank
        else:
            row.rank = position
            if previous is not None and previous.score == row.score:
                row.decided_by = next(
                    code
                    for code in tie_break
                    if previous.group_keys.get(code, ZERO)
                    != row.group_keys.get(code, ZERO)
                )
        previous = row
    return ordered
