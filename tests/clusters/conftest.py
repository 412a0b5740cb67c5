"""Fixtures of the cluster tests: a cluster of P with A (head) and B (deputy), cards open."""

from __future__ import annotations

from typing import Any

import pytest

from clusters.services import scoring
from tests.factories_clusters import ClusterWorld, make_cluster

FULL = {"1": 25, "2": 20, "3": 30, "4": 0, "5": 0, "6": 0, "7": 0}


@pytest.fixture
def built(world: Any) -> ClusterWorld:
    built = make_cluster(world)
    scoring.scoring_start(cluster_year=built.year, actor=world.officer_a)
    return built


def fill(
    built: ClusterWorld, unit: Any, actor: Any, values: dict[str, Any] | None = None
) -> None:
    """Self-score every leaf; the evidence-bearing ones get a written explanation."""
    sheet = built.sheet(unit)
    entries = {e.criterion.code: e for e in sheet.entries.select_related("criterion")}
    for code, points in (values or FULL).items():
        scoring.self_score_set(
            entry=entries[code],
            actor=actor,
            points=points,
            explanation="Đã gửi bản giấy" if code in ("1", "4") else scoring.KEEP,
        )
