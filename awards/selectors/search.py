"""Search across people, units and award records, without accents or case.

Every table searched keeps a folded copy of its name (``search_name``: "nguyen
van an" for "Nguyễn Văn An", đ folded to d), and on PostgreSQL a trigram GIN
index on it (orgs 0007, awards 0005), so "contains" is an index scan at
province scale; SQLite scans, which is fine at its scale. Each part is scoped to
what the viewer may see and capped, so the page costs the same whatever matches.

People whose name starts with the query come first (alphabetically), then the
other people whose name contains it: a short common query ("pham", "tran thi")
is then answered by walking the ``search_name`` btree from the query onwards and
stopping after the first page, instead of ordering tens of thousands of
trigram matches (see docs/benchmarks.md, "Search").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from awards.models import AwardRecord
from orgs.models import Person, Unit
from orgs.scoping import Scope
from orgs.vn import fold

MIN_LENGTH = 2
LIMIT = 25


@dataclass
class SearchResult:
    query: str
    folded: str
    people: list[Person] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    records: list[AwardRecord] = field(default_factory=list)
    limit: int = LIMIT

    @property
    def is_empty(self) -> bool:
        return not (self.people or self.units or self.records)


def people_matching(scope: Scope, folded: str) -> QuerySet[Person]:
    """Every visible person whose name contains ``folded``, alphabetically."""
    return (
        Person.objects.visible_to(scope)
        .filter(search_name__contains=folded)
        .select_related("unit")
        .order_by("search_name", "pk")
    )


def people_first(scope: Scope, folded: str, count: int) -> list[Person]:
    """The first ``count`` people matching ``folded``: names starting with it first.

    ``search_name >= folded`` adds nothing to the result (a name starting with
    the query sorts after it) but gives PostgreSQL an index condition, so it
    reads the ``(search_name, id)`` index from the query onwards and stops at
    ``count`` rows. The rest (query inside the name) is read only when there are
    fewer prefix matches than ``count``.
    """
    starts = Q(search_name__startswith=folded)
    people = Person.objects.visible_to(scope).select_related("unit")
    found = list(
        people.filter(starts, search_name__gte=folded).order_by("search_name", "pk")[
            :count
        ]
    )
    if len(found) < count:
        inside = people.filter(search_name__contains=folded).exclude(starts)
        found += inside.order_by("search_name", "pk")[: count - len(found)]
    return found


def units_matching(scope: Scope, folded: str) -> QuerySet[Unit]:
    return (
        Unit.objects.visible_to(scope)
        .filter(search_name__contains=folded)
        .select_related("parent")
        .order_by("path")
    )


def records_matching(scope: Scope, folded: str) -> QuerySet[AwardRecord]:
    return (
        AwardRecord.objects.visible_to(scope)
        .filter(search_name__contains=folded)
        .select_related(
            "award_kind", "person", "collective", "household", "unit", "decision"
        )
        .order_by("-year", "-decision_date", "pk")
    )


def search(*, scope: Scope, query: str, limit: int = LIMIT) -> SearchResult:
    folded = fold(query or "")[:100]
    result = SearchResult(query=query, folded=folded, limit=limit)
    if len(folded) < MIN_LENGTH:
        return result
    # One more than shown tells the page that there are more.
    result.people = people_first(scope, folded, limit + 1)
    result.units = list(units_matching(scope, folded)[: limit + 1])
    result.records = list(records_matching(scope, folded)[: limit + 1])
    return result


def more(rows: list[Any], limit: int) -> bool:
    return len(rows) > limit
