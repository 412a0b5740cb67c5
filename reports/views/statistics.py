"""Statistics pages: each shows tables beside their charts, with an xlsx per table."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from reports.selectors import activity, awards, direct, funds, processing
from reports.tables import Table, bar_chart, bar_from, line_chart, lines_from
from reports.views.common import ReportPage


class IndexView(ReportPage):
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from reports.official import FORM_CODES, form

        return {
            **super().get_context_data(**kwargs),
            "forms": [form(code) for code in FORM_CODES],
        }


class AwardsView(ReportPage):
    """Awards by year and subject, by title or form, by level, by unit."""

    template_name = "reports/awards.html"

    @cached_property
    def _tables(self) -> dict[str, Table]:
        scope = self.request.scope  # type: ignore[attr-defined]
        by_unit, self.root = awards.by_unit(scope, self.filters)
        return {
            "by_year": awards.by_year(scope, self.filters),
            "by_level": awards.by_level(scope, self.filters),
            "by_kind": awards.by_kind(scope, self.filters),
            "by_unit": by_unit,
        }

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        tables = self.tables()
        years = list(range(len(self.filters.years)))
        sections = [
            (
                tables["by_year"],
                bar_from(
                    tables["by_year"], title=_("Tổng số lượt khen thưởng theo năm")
                ),
            ),
            (tables["by_level"], lines_from(tables["by_level"], columns=years)),
            (
                tables["by_kind"],
                bar_from(
                    tables["by_kind"], title=_("Tổng số theo danh hiệu, hình thức")
                ),
            ),
            (
                tables["by_unit"],
                bar_from(tables["by_unit"], title=_("Tổng số theo đơn vị")),
            ),
        ]
        return {
            **super().get_context_data(**kwargs),
            "sections": sections,
            "root": self.root,
        }


class DirectWorkersView(ReportPage):
    """The share of direct workers among individuals rewarded, against the target."""

    template_name = "reports/direct_workers.html"
    filter_fields = ["unit", "year_from", "year_to", "basis", "level"]

    @cached_property
    def _tables(self) -> dict[str, Table]:
        scope = self.request.scope  # type: ignore[attr-defined]
        by_year, self.goal = direct.by_year(scope, self.filters)
        by_unit, self.root = direct.by_unit(scope, self.filters)
        return {"direct_by_year": by_year, "direct_by_unit": by_unit}

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        tables = self.tables()
        by_year = tables["direct_by_year"]
        shares = [float(row.cells[2].value or 0) * 100 for row in by_year.rows]
        goals = [float(self.goal[year].value or 0) * 100 for year in self.filters.years]
        chart = line_chart(
            [row.label for row in by_year.rows],
            {_("Tỷ lệ đạt được"): shares, _("Chỉ tiêu"): goals},
            urls={_("Tỷ lệ đạt được"): [row.cells[1].url for row in by_year.rows]},
            title=_("Tỷ lệ người lao động trực tiếp qua các năm"),
            unit="%",
        )
        targets = list(self.goal.values())
        return {
            **super().get_context_data(**kwargs),
            "by_year": by_year,
            "by_unit": tables["direct_by_unit"],
            "chart": chart,
            "default_target": any(t.value is not None and not t.own for t in targets),
            "no_target": all(t.value is None for t in targets),
            "root": self.root,
        }


class InitiativesView(ReportPage):
    template_name = "reports/initiatives.html"
    filter_fields = ["unit", "year_from", "year_to"]

    @cached_property
    def _tables(self) -> dict[str, Table]:
        scope = self.request.scope  # type: ignore[attr-defined]
        return {"initiatives": activity.initiatives_by_scope(scope, self.filters)}

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        table = self.tables()["initiatives"]
        years = list(range(len(self.filters.years)))
        return {
            **super().get_context_data(**kwargs),
            "table": table,
            "chart": lines_from(table, columns=years),
        }


class ClusterScoresView(ReportPage):
    """Published scores and ranks of a cluster's units over the years."""

    template_name = "reports/cluster_scores.html"
    filter_fields: list[str] = []

    @cached_property
    def clusters(self) -> list[Any]:
        return list(activity.visible_clusters(self.request.scope))  # type: ignore[attr-defined]

    @cached_property
    def cluster(self) -> Any:
        wanted = self.request.GET.get("cluster", "")
        if not wanted:
            # Open on a cluster that has something to show.
            with_years = activity.clusters_with_published_years(self.request.scope)  # type: ignore[attr-defined]
            ranked = sorted(self.clusters, key=lambda c: c.pk not in with_years)
            return ranked[0] if ranked else None
        found = next((c for c in self.clusters if str(c.pk) == wanted), None)
        if found is None:
            raise Http404
        return found

    @cached_property
    def _tables(self) -> dict[str, Table]:
        if self.cluster is None:
            return {}
        scores, ranks = activity.cluster_scores(self.request.scope, self.cluster)  # type: ignore[attr-defined]
        return {"cluster_scores": scores, "cluster_ranks": ranks}

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        tables = self.tables()
        scores = tables.get("cluster_scores")
        return {
            **super().get_context_data(**kwargs),
            "clusters": self.clusters,
            "cluster": self.cluster,
            "scores": scores,
            "ranks": tables.get("cluster_ranks"),
            "chart": lines_from(scores) if scores and scores.columns else None,
        }


class ProcessingView(ReportPage):
    """Dossier processing times per step, from the transition history."""

    template_name = "reports/processing.html"
    filter_fields = ["unit", "year_from", "year_to", "level"]
    default_years = False

    @cached_property
    def _tables(self) -> dict[str, Table]:
        scope = self.request.scope  # type: ignore[attr-defined]
        return {"processing": processing.step_table(scope, self.filters)}

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        table = self.tables()["processing"]
        chart = bar_chart(
            [(row.label, float(row.cells[1].value or 0)) for row in table.rows],
            urls=[row.cells[0].url for row in table.rows],
            title=_("Số ngày trung bình ở mỗi bước"),
            unit=_("ngày"),
        )
        return {**super().get_context_data(**kwargs), "table": table, "chart": chart}


class FundsView(ReportPage):
    """Reward money by fund and year: budget, spent, to recover, recovered."""

    template_name = "reports/funds.html"
    filter_fields = ["unit", "year_from", "year_to"]

    @cached_property
    def _tables(self) -> dict[str, Table]:
        scope = self.request.scope  # type: ignore[attr-defined]
        return {
            "fund_by_year": funds.by_year(scope, self.filters),
            "fund_by_level": funds.by_level(scope, self.filters),
        }

    def tables(self) -> dict[str, Table]:
        return self._tables

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        tables = self.tables()
        by_year = tables["fund_by_year"]
        spent = bar_from(by_year, 1, title=_("Tiền thưởng đã chi theo năm"))
        return {
            **super().get_context_data(**kwargs),
            "sections": [(by_year, spent), (tables["fund_by_level"], None)],
        }
