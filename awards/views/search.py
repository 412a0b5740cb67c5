"""Search without accents across people, units and award records; the award history
of a person or a unit; the cluster proposals waiting to be taken up."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views import View

from awards.selectors import history, search
from clusters.models import ClusterProposal
from clusters.selectors import confirmed_proposals
from orgs.models import Person, Unit
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import ScopedListView, StaffMixin, TransitionView, require_perm


class SearchView(StaffMixin, View):
    permission_required = "awards.search"

    def get(self, request: Any) -> HttpResponse:
        self.check_permission()
        query = request.GET.get("q", "")[:100]
        result = search.search(scope=request.scope, query=query)
        template = (
            "awards/partials/_search_results.html"
            if request.headers.get("HX-Request")
            else "awards/search.html"
        )
        return render(request, template, {"result": result, "query": query})


def _year(request: Any) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1945 <= int(value) <= 2100 else None


class PersonHistoryView(StaffMixin, View):
    def get(self, request: Any, pk: int) -> HttpResponse:
        person = get_visible_or_404(
            Person.objects.select_related("unit"), request.scope, pk=pk
        )
        require_perm(request, "awards.view_awardrecord", person)
        context = history.person_history(person, _year(request))
        return render(request, "awards/history.html", {**context, "is_person": True})


class UnitHistoryView(StaffMixin, View):
    def get(self, request: Any, pk: int) -> HttpResponse:
        unit = get_visible_or_404(
            Unit.objects.select_related("parent"), request.scope, pk=pk
        )
        require_perm(request, "awards.view_awardrecord", unit)
        context = history.unit_history(unit, _year(request))
        return render(request, "awards/history.html", {**context, "is_person": False})


class ClusterProposalListView(ScopedListView):
    permission_required = "awards.take_up_cluster_proposal"
    template_name = "awards/cluster_proposals.html"

    def get_queryset(self) -> Any:
        return confirmed_proposals(scope=self.request.scope).select_related(
            "cluster_year__cluster"
        )


class ClusterProposalTakeUpView(TransitionView):
    model = ClusterProposal
    permission_required = "awards.take_up_cluster_proposal"
    title = gettext_lazy("Tiếp nhận đề nghị của cụm, khối")
    question = gettext_lazy(
        "Lập hồ sơ đề nghị khen thưởng tập thể cho đơn vị này từ đề nghị của cụm, khối "
        "(kèm biên bản hội nghị bình xét)? Đơn vị bổ sung báo cáo thành tích rồi gửi hồ sơ."
    )
    confirm_label = gettext_lazy("Lập hồ sơ đề nghị")
    success_message = gettext_lazy("Đã lập hồ sơ đề nghị từ đề nghị của cụm, khối.")

    def get_scoped_queryset(self) -> Any:
        return ClusterProposal.objects.select_related(
            "unit", "cluster_year__cluster__authority", "conference__minutes"
        )

    def get_cancel_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:cluster-proposals")

    def perform(self, obj: ClusterProposal, form: Any) -> Any:
        from awards.services.cluster_intake import cluster_proposal_take_up

        return cluster_proposal_take_up(proposal=obj, actor=self.request.user)
