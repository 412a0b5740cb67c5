"""What an adapted criteria set changed from the set it adapts, and how much.

Each criterion of the adapted set remembers the criterion it was copied from
(``origin``). Comparing the two sides gives the added, removed and changed
criteria; the share changed is their number over the criteria of the set adapted —
ARTICLE-1's cluster "sửa đổi 30% nội dung dự thảo tiêu chí của thành phố" measures
against the city's draft.
A new code alone (renumbering) is not a change of content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

COMPARED = ("title", "max_points", "kind", "guidance", "evidence_required")


@dataclass
class DiffRow:
    status: str  # added | removed | changed | same
    code: str
    title: str
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)
    order: tuple[int, ...] = ()

    @property
    def max_changed(self) -> bool:
        return "max_points" in self.fields


@dataclass
class CriteriaDiff:
    rows: list[DiffRow]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def added(self) -> int:
        return self.count("added")

    @property
    def removed(self) -> int:
        return self.count("removed")

    @property
    def changed(self) -> int:
        return self.count("changed")

    @property
    def unchanged(self) -> int:
        return self.count("same")

    @property
    def share(self) -> Fraction:
        """Changes over the size of the set adapted: "30% of the city's draft"."""
        base = self.unchanged + self.changed + self.removed
        if base == 0:
            return Fraction(1 if self.added else 0)
        return Fraction(self.added + self.removed + self.changed, base)

    def summary(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "share": f"{self.share.numerator}/{self.share.denominator}",
        }


def _values(node: Any) -> dict[str, Any]:
    values = {name: getattr(node, name) for name in COMPARED}
    values["max_points"] = Decimal(values["max_points"]).normalize()
    return values


def criteria_diff(
    parent_nodes: Iterable[Any], child_nodes: Iterable[Any]
) -> CriteriaDiff:
    """Compare criteria (objects with ``id``, ``code``, ``origin_id`` and the compared fields)."""
    parents = {node.id: node for node in parent_nodes}
    rows: list[DiffRow] = []
    used: set[int] = set()
    for position, node in enumerate(child_nodes):
        origin = parents.get(node.origin_id) if node.origin_id else None
        new = _values(node)
        if origin is None:
            rows.append(
                DiffRow("added", node.code, node.title, new=new, order=(position,))
            )
            continue
        used.add(origin.id)
        old = _values(origin)
        changed = [name for name in COMPARED if old[name] != new[name]]
        rows.append(
            DiffRow(
                "changed" if changed else "same",
                node.code,
                node.title,
                old=old,
                new=new,
                fields=changed,
                order=(position,),
            )
        )
    for position, node in enumerate(parents.values()):
        if node.id not in used:
            rows.append(
                DiffRow(
                    "removed",
                    node.code,
                    node.title,
                    old=_values(node),
                    order=(len(rows) + position,),
                )
            )
    return CriteriaDiff(rows=rows)
