"""Initiatives by scope of influence, and cluster scores over the years."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.models import Initiative, InitiativeScope
from clusters import selectors as cluster_selectors
from clusters.models import Cluster, ClusterYear
from orgs.db import reporting_alias
from orgs.scoping import Scope
from reports.filters import Filters, unit_q
from reports.tables import Cell, Row, Table, drill_url

# Initiatives ---------------------------------------------------------------------


def initiatives(scope: Scope) -> QuerySet[Initiative]:
    return Initiative.objects.using(reporting_alias()).visible_to(scope)


def initiative_q(filters: Filters) -> Q:
    """Recognised initiatives of the chosen unit, by year of their recognition."""
    years = filters.years
    query = Q(
        status=Initiative.Status.RECOGNISED,
        recognition_date__year__gte=years[0],
        recognition_date__year__lte=years[-1],
    ) & unit_q(filters)
    level = filters.extra.get("scope_level")
    if level and level.isdigit():
        query &= Q(recognised_scope=int(level))
    return query


def initiatives_by_scope(scope: Scope, filters: Filters) -> Table:
    """Rows: scope of influence (grassroots, province, national); columns: years."""
    counts = {
        (row["recognised_scope"], row["recognition_date__year"]): row["n"]
        for row in initiatives(scope)
        .filter(initiative_q(filters))
        .values("recognised_scope", "recognition_date__year")
        .annotate(n=Count("pk"))
        .order_by()
    }
    years = filters.years
    table = Table(
        key="initiatives",
        title=_("Sáng kiến được công nhận theo phạm vi ảnh hưởng"),
        row_header=_("Phạm vi ảnh hưởng"),
        columns=[str(y) for y in years] + [_("Cộng")],
        unit_label=_("sáng kiến"),
    )
    sums = [0] * len(years)
    for level, label in InitiativeScope.choices:
        cells, total = [], 0
        for index, year in enumerate(years):
            value = counts.get((level, year), 0)
            total += value
            sums[index] += value
            params = filters.params(
                year=year, year_from=None, year_to=None, extra={"scope_level": level}
            )
            cells.append(Cell(value, drill_url("initiatives", params)))
        params = filters.params(extra={"scope_level": level})
        cells.append(Cell(total, drill_url("initiatives", params)))
        table.rows.append(Row(str(label), cells))
    table.total = Row(
        _("Cộng"),
        [
            Cell(
                value,
                drill_url(
                    "initiatives", filters.params(year=y, year_from=None, year_to=None)
                ),
            )
            for value, y in zip(sums, years, strict=False)
        ]
        + [Cell(sum(sums), drill_url("initiatives", filters.params()))],
    )
    return table


# Cluster scores -------------------------------------------------------------------


def visible_clusters(scope: Scope) -> QuerySet[Cluster]:
    return cluster_selectors.cluster_list(scope=scope)


def clusters_with_published_years(scope: Scope) -> set[int]:
    return set(
        cluster_selectors.cluster_year_list(scope=scope)
        .filter(ranking_published_at__isnull=False)
        .values_list("cluster_id", flat=True)
    )


def published_years(scope: Scope, cluster: Cluster) -> list[ClusterYear]:
    """Published years of ``cluster`` the viewer sees, oldest first.

    Only a published ranking is an official figure; a year still being scored is
    shown on the cluster's own pages, not here.
    """
    return list(
        cluster_selectors.cluster_year_list(scope=scope)
        .filter(cluster=cluster, ranking_published_at__isnull=False)
        .only("pk", "year", "ranking_snapshot", "cluster_id")
        .order_by("year")
    )


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def cluster_scores(scope: Scope, cluster: Cluster) -> tuple[Table, Table]:
    """Two tables over the published years: final scores and ranks, one row per unit.

    Read from the stored rankings (plain data), so the figures are the ones
    published, even after a criterion was later corrected.
    """
    years = published_years(scope, cluster)
    columns = [str(year.year) for year in years]
    scores = Table(
        key="cluster_scores",
        title=_("Điểm quy đổi của các đơn vị qua các năm"),
        row_header=_("Đơn vị"),
        columns=columns,
        unit_label=_("điểm"),
    )
    ranks = Table(
        key="cluster_ranks",
        title=_("Thứ hạng của các đơn vị qua các năm"),
        row_header=_("Đơn vị"),
        columns=columns,
    )
    units: dict[Any, str] = {}
    found: dict[tuple[Any, int], dict[str, Any]] = {}
    for year in years:
        for row in (year.ranking_snapshot or {}).get("rows", []):
            key = row.get("unit_id") or row.get("unit")
            units[key] = row.get("unit", "")
            found[(key, year.year)] = row
    for key, name in units.items():
        score_cells, rank_cells = [], []
        for year in years:
            row = found.get((key, year.year), {})
            url = reverse("clusters:ranking", args=[year.pk])
            score = _decimal(row.get("normalised") or row.get("final"))
            score_cells.append(Cell(score, url if row else ""))
            rank = row.get("rank")
            rank_cells.append(Cell(rank, url if row else ""))
        scores.rows.append(Row(name, score_cells))
        ranks.rows.append(Row(name, rank_cells))
    maxima = [_decimal((year.ranking_snapshot or {}).get("full_max")) for year in years]
    scores.total = Row(_("Điểm tối đa của năm"), [Cell(m) for m in maxima])
    return scores, ranks
