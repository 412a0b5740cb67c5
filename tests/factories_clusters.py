"""Builders for cluster tests: a cluster of the world's units, a criteria set from a spec."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from clusters.models import Cluster, ClusterYear, CriteriaSet, Criterion, ScoreSheet
from clusters.services import criteria as criteria_services
from clusters.services import organisation
from orgs.models import Unit
from tests.factories import UnitFactory

# (code, title, max, kind, evidence, children)
SIMPLE_SPEC: list[tuple[Any, ...]] = [
    (
        "I",
        "Thực hiện nhiệm vụ chính trị",
        60,
        "scored",
        "",
        [
            ("1", "Hoàn thành chỉ tiêu được giao", 30, "scored", "Báo cáo kết quả", []),
            ("2", "Cải cách hành chính", 30, "scored", "", []),
        ],
    ),
    (
        "II",
        "Công tác thi đua, khen thưởng",
        40,
        "scored",
        "",
        [("3", "Báo cáo đúng hạn", 40, "scored", "", [])],
    ),
    (
        "III",
        "Điểm thưởng",
        10,
        "bonus",
        "",
        [
            ("4", "Được tặng Cờ thi đua", 8, "bonus", "Quyết định khen thưởng", []),
            ("5", "Thành tích đột xuất", 8, "bonus", "", []),
        ],
    ),
    (
        "IV",
        "Điểm trừ",
        5,
        "penalty",
        "",
        [
            ("6", "Chậm báo cáo", 3, "penalty", "", []),
            ("7", "Vi phạm", 4, "penalty", "", []),
        ],
    ),
]


def build_criteria(
    criteria_set: CriteriaSet, spec: list[tuple[Any, ...]], parent=None
) -> None:
    for code, title, maximum, kind, evidence, children in spec:
        node = criteria_services.criterion_add(
            criteria_set=criteria_set,
            actor=None,
            parent=parent,
            code=code,
            title=title,
            max_points=Decimal(maximum),
            kind=kind,
            evidence_required=evidence,
        )
        build_criteria(criteria_set, children, node)


def make_criteria_set(
    *,
    owner_unit: Unit | None = None,
    owner_cluster: Cluster | None = None,
    spec: list[tuple[Any, ...]] | None = None,
    name: str = "Bộ tiêu chí thử",
    year: int = 2024,
    parent: CriteriaSet | None = None,
) -> CriteriaSet:
    criteria_set = criteria_services.criteria_set_create(
        name=name,
        year=year,
        owner_unit=owner_unit,
        owner_cluster=owner_cluster,
        parent=parent,
        actor=None,
    )
    if parent is None:
        build_criteria(criteria_set, spec if spec is not None else SIMPLE_SPEC)
    return criteria_set


@dataclass
class ClusterWorld:
    cluster: Cluster
    year: ClusterYear
    criteria_set: CriteriaSet

    def criterion(self, code: str) -> Criterion:
        return self.criteria_set.criteria.get(code=code)

    def sheet(self, unit: Unit) -> ScoreSheet:
        return self.year.sheets.get(unit=unit)


def make_cluster(
    world: Any,
    *,
    members: list[Unit] | None = None,
    head: Unit | None = None,
    deputies: list[Unit] | None = None,
    year: int = 2024,
    review_mode: str = "head",
    name: str = "Cụm thi đua số 1 – các phường thử",
    symbol: str = "CTĐ1",
    number: int = 1,
) -> ClusterWorld:
    """A cluster of province P; by default A is the head and B the first deputy."""
    cluster = organisation.cluster_create(
        authority=world.province,
        kind=Cluster.Kind.CLUSTER,
        number=number,
        name=name,
        short_name=f"Cụm thi đua số {number}",
        symbol=symbol,
        actor=None,
    )
    members = members if members is not None else [world.unit_a, world.unit_b]
    cluster_year = organisation.cluster_year_create(
        cluster=cluster,
        year=year,
        members=members,
        head=head if head is not None else members[0],
        deputies=deputies if deputies is not None else members[1:2],
        review_mode=review_mode,
        actor=None,
    )
    criteria_set = make_criteria_set(
        owner_unit=world.province, year=year, name=f"Bộ tiêu chí của {name}"
    )
    cluster_year = organisation.cluster_year_update(
        cluster_year=cluster_year, criteria_set=criteria_set, actor=None
    )
    return ClusterWorld(cluster=cluster, year=cluster_year, criteria_set=criteria_set)


def more_units(world: Any, count: int, prefix: str = "X") -> list[Unit]:
    return [
        UnitFactory(
            code=f"{prefix}{i:02d}",
            name=f"Ủy ban nhân dân phường Thử {prefix}{i:02d}",
            parent=world.province,
        )
        for i in range(count)
    ]
