"""The fund ledger pages: funds by unit and year, the ledger of one, its budget."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards.forms.decisions import BudgetForm
from awards.models import Fund
from awards.selectors import decisions as selectors
from awards.services.funds import fund_set_budget
from orgs.exports import xlsx_response
from orgs.selectors import parameter_value_or
from orgs.viewmixins import ScopedFormView, ScopedListView, StaffMixin


class FundListView(ScopedListView):
    permission_required = "awards.view_fund"
    template_name = "awards/fund_list.html"

    def get_queryset(self) -> Any:
        return selectors.fund_list(scope=self.request.scope)


class FundMixin(StaffMixin):
    permission_required = "awards.view_fund"

    def get_fund(self) -> Fund:
        fund = selectors.fund_get(scope=self.request.scope, pk=self.kwargs["pk"])
        self.check_permission(fund)
        return fund


def balance(fund: Fund) -> dict[str, int]:
    import datetime

    share = parameter_value_or(
        "fund_reserve_share", 0, on=datetime.date(fund.year, 12, 31), unit=fund.unit
    )
    reserve = int(fund.budget * share)
    return {
        "reserve": reserve,
        "for_rewards": fund.budget - reserve,
        "remaining": fund.budget - reserve - fund.spent + fund.recovered,
        "outstanding": fund.to_recover - fund.recovered,
    }


class FundDetailView(FundMixin, View):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        fund = self.get_fund()
        context = {
            "fund": fund,
            "entries": selectors.fund_entries(fund),
            "balance": balance(fund),
            "can_manage": request.user.has_perm("awards.change_fund", fund),
        }
        return render(request, "awards/fund_detail.html", context)


class FundExportView(FundMixin, View):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        fund = self.get_fund()
        headers = [
            _("Ngày"),
            _("Loại"),
            _("Quyết định"),
            _("Số tiền (đồng)"),
            _("Diễn giải"),
        ]
        rows = (
            [e.entry_date, e.get_kind_display(), e.decision.number, e.amount, e.note]
            for e in selectors.fund_entries(fund)
        )
        return xlsx_response(
            f"so-quy-{fund.year}-{fund.unit_id}.xlsx", headers, rows, title=str(fund)
        )


class FundBudgetView(FundMixin, ScopedFormView):
    permission_required = "awards.change_fund"
    form_class = BudgetForm
    template_name = "awards/fund_budget.html"
    success_message = gettext_lazy("Đã lưu dự toán của quỹ.")

    def get_target(self) -> Fund:
        return self.get_fund()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope")
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"budget": self.object.budget, "note": self.object.note}

    def perform(self, form: BudgetForm) -> Fund:
        return fund_set_budget(
            unit=self.object.unit,
            year=self.object.year,
            actor=self.request.user,
            **form.cleaned_data,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "fund": self.object}
