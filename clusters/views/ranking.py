"""The ranking of a year: page, PDF, spreadsheet, publication."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from clusters import access, selectors
from clusters.models import ClusterYear
from clusters.printing import ranking_context
from clusters.ranking import ranking_table
from clusters.services import reviews
from orgs.exports import xlsx_response
from orgs.pdf import render_pdf

from .common import ClusterTransitionView, SelectorObjectMixin


def table_of(year: ClusterYear) -> dict[str, Any]:
    """The published table as it was published; before that, the live one."""
    return year.ranking_snapshot if year.is_published else ranking_table(year)


class RankingView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_ranking"
    template_name = "clusters/ranking.html"
    fetch = staticmethod(selectors.cluster_year_detail)
    context_object_name = "year"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "table": table_of(self.object),
            "leads": access.leads(self.request.scope, self.object),
        }


class RankingPdfView(RankingView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        from orgs.views import pdf_response

        year = self.get_object()
        context = ranking_context(year, table_of(year), draft=not year.is_published)
        content = render_pdf(context["template"], {"doc": context["doc"]})
        return pdf_response(
            content, f"xep-hang-{year.cluster.issuer.symbol}-{year.year}.pdf"
        )


def ranking_rows(table: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    groups = table.get("groups", [])
    headers = [
        _("Xếp hạng"),
        _("Đơn vị"),
        _("Điểm tự chấm"),
        *[_("Nhóm %(code)s (thẩm định)") % {"code": g["code"]} for g in groups],
        _("Điểm thẩm định"),
        _("Điểm tối đa áp dụng"),
        _("Điểm xếp hạng (quy đổi)"),
    ]
    if table.get("normalised_used"):
        headers.append(_("Điểm chuẩn hóa"))
    rows = []
    for row in table.get("rows", []):
        line = [
            row.get("rank") or "",
            row["unit"],
            row["self_total"],
            *[row["groups_verified"].get(g["code"]) or "" for g in groups],
            row["verified_total"] or "",
            row["reduced_max"],
            row["final"] or "",
        ]
        if table.get("normalised_used"):
            line.append(row.get("normalised") or "")
        rows.append(line)
    return headers, rows


class RankingXlsxView(RankingView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        year = self.get_object()
        headers, rows = ranking_rows(table_of(year))
        return xlsx_response(
            f"xep-hang-{year.year}.xlsx",
            headers,
            rows,
            title=_("Kết quả chấm điểm thi đua năm %(year)s – %(cluster)s")
            % {"year": year.year, "cluster": year.cluster.name},
        )


class RankingPublishView(ClusterTransitionView):
    permission_required = "clusters.publish_ranking"
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Công bố kết quả chấm điểm")
    question = gettext_lazy(
        "Sau khi công bố, phiếu chấm điểm bị khóa và mọi đơn vị thành viên xem được "
        "toàn bộ phiếu và bảng xếp hạng."
    )
    confirm_label = gettext_lazy("Công bố")
    success_message = gettext_lazy("Đã công bố kết quả.")

    def perform(self, obj: ClusterYear, form: Any) -> ClusterYear:
        return reviews.ranking_publish(cluster_year=obj, actor=self.request.user)

    def get_success_url_for(self, result: Any) -> str:
        from django.urls import reverse

        return reverse("clusters:ranking", args=[result.pk])
