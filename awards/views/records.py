"""Award records, yearly results and households: lists, entry, revocation, export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards import selectors
from awards.forms.records import (
    HouseholdForm,
    RecordFilterForm,
    RecordForm,
    RecordRevokeForm,
    ResultFilterForm,
    ResultGridChoice,
    grid_results,
)
from awards.models import AwardRecord, EvaluationResult, Household, YearlyResult
from awards.services import records as services
from orgs.exports import xlsx_response
from orgs.models import Person
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import ScopedFormView, ScopedListView, StaffMixin, TransitionView

from .common import run_service


class RecordListView(ScopedListView):
    permission_required = "awards.view_awardrecord"
    template_name = "awards/record_list.html"
    partial_template_name = "awards/partials/_record_rows.html"

    def get_queryset(self) -> Any:
        self.form = RecordFilterForm(self.request.GET or None)
        return selectors.record_list(
            scope=self.request.scope, filters=self.form.filters()
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "can_add": self.request.user.has_perm("awards.add_awardrecord"),
        }


class RecordExportView(RecordListView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        headers = [
            _("Năm"),
            _("Danh hiệu, hình thức"),
            _("Cá nhân, tập thể"),
            _("Đơn vị"),
            _("Số quyết định"),
            _("Ngày quyết định"),
            _("Cơ quan quyết định"),
            _("Trạng thái"),
        ]
        rows = (
            [
                r.year_text,
                r.award_kind.name,
                r.subject_name,
                r.unit.name,
                r.decision_number,
                r.decision_date.strftime("%d/%m/%Y"),
                r.issuer,
                r.get_status_display(),
            ]
            for r in self.get_queryset()[:20000]
        )
        return xlsx_response(
            "khen-thuong.xlsx", headers, rows, title=_("Khen thưởng đã nhận")
        )


class RecordCreateView(ScopedFormView):
    permission_required = "awards.add_awardrecord"
    form_class = RecordForm
    template_name = "awards/record_form.html"
    success_message = gettext_lazy("Đã ghi nhận khen thưởng.")

    def perform(self, form: RecordForm) -> Any:
        data = dict(form.cleaned_data)
        data.pop("subject")
        services.award_record_create(actor=self.request.user, **data)
        return None

    def get_success_url_for(self, result: Any) -> str:
        return reverse("awards:record-list")


class RecordRevokeView(TransitionView):
    model = AwardRecord
    permission_required = "awards.revoke_awardrecord"
    form_class = RecordRevokeForm
    title = gettext_lazy("Hủy bỏ, thu hồi khen thưởng")
    question = gettext_lazy("Hủy bỏ khen thưởng này? Bản ghi được giữ lại cùng lý do.")
    danger = True

    def get_scoped_queryset(self) -> Any:
        return AwardRecord.objects.select_related("unit", "award_kind")

    def get_initial(self) -> dict[str, Any]:
        return {"revoked_on": timezone.localdate()}

    def get_cancel_url(self) -> str:
        return reverse("awards:record-list")

    def perform(self, obj: AwardRecord, form: RecordRevokeForm) -> Any:
        services.award_record_revoke(
            record=obj, actor=self.request.user, **form.cleaned_data
        )
        return None

    def get_success_url_for(self, result: Any) -> str:
        return reverse("awards:record-list")


class ResultListView(ScopedListView):
    permission_required = "awards.view_yearlyresult"
    template_name = "awards/result_list.html"

    def get_queryset(self) -> Any:
        self.form = ResultFilterForm(self.request.GET or None)
        return selectors.result_list(
            scope=self.request.scope, filters=self.form.filters()
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "can_add": self.request.user.has_perm("awards.add_yearlyresult"),
        }


class ResultEntryView(StaffMixin, View):
    """Enter the year's results of a unit's people in one grid."""

    permission_required = "awards.add_yearlyresult"

    def get(self, request: Any) -> HttpResponse:
        self.check_permission()
        choice = ResultGridChoice(request.GET or None, scope=request.scope)
        return self.render(choice)

    def post(self, request: Any) -> HttpResponse:
        self.check_permission()
        choice = ResultGridChoice(request.POST, scope=request.scope)
        if not choice.is_valid():
            return self.render(choice)
        unit, year = choice.cleaned_data["unit"], choice.cleaned_data["year"]
        self.check_permission(unit)
        people = self.people(unit)
        ok = run_service(
            request,
            lambda: messages.success(
                request,
                _("Đã lưu: %(created)s mới, %(updated)s sửa, %(cleared)s xóa.")
                % services.yearly_results_set_many(
                    actor=request.user,
                    unit=unit,
                    year=year,
                    results=grid_results(request.POST, people),
                ),
            ),
        )
        if ok:
            return redirect(
                f"{reverse('awards:result-entry')}?unit={unit.pk}&year={year}"
            )
        return self.render(choice)

    def people(self, unit: Any) -> list[Person]:
        return list(
            Person.objects.filter(unit__path__startswith=unit.path, is_active=True)
            .select_related("unit")
            .order_by("unit__path", "search_name")
        )

    def render(self, choice: ResultGridChoice) -> HttpResponse:
        rows, unit, year = [], None, None
        if choice.is_bound and choice.is_valid():
            unit, year = choice.cleaned_data["unit"], choice.cleaned_data["year"]
            self.check_permission(unit)
            people = self.people(unit)
            current = dict(
                YearlyResult.objects.filter(person__in=people, year=year).values_list(
                    "person_id", "result"
                )
            )
            rows = [(person, current.get(person.pk, "")) for person in people]
        context = {
            "choice": choice,
            "rows": rows,
            "unit": unit,
            "year": year,
            "results": EvaluationResult.choices,
        }
        return render(self.request, "awards/result_entry.html", context)


class HouseholdListView(ScopedListView):
    permission_required = "awards.view_household"
    template_name = "awards/household_list.html"

    def get_queryset(self) -> Any:
        return selectors.household_list(
            scope=self.request.scope, query=self.request.GET.get("q", "")[:100]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "can_add": self.request.user.has_perm("awards.add_household"),
        }


class HouseholdCreateView(ScopedFormView):
    permission_required = "awards.add_household"
    form_class = HouseholdForm
    template_name = "awards/household_form.html"
    success_message = gettext_lazy("Đã thêm hộ gia đình.")

    def perform(self, form: HouseholdForm) -> Household:
        return services.household_create(actor=self.request.user, **form.cleaned_data)

    def get_success_url_for(self, result: Any) -> str:
        return reverse("awards:household-list")


class HouseholdUpdateView(HouseholdCreateView):
    permission_required = "awards.change_household"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_target(self) -> Household:
        return get_visible_or_404(
            Household.objects.select_related("unit"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": Household.objects.get(pk=self.object.pk),
        }

    def perform(self, form: HouseholdForm) -> Household:
        return services.household_update(
            household=self.object, actor=self.request.user, **form.cleaned_data
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "household": self.object}
