"""Monthly recognition pages: the unit's proposals, one proposal, the secretariat's
month (who proposed, who is late, the review) and its decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards.forms.monthly import EntryForm, ProposalOpenForm, ReviewForm
from awards.models import MonthlyEntry, MonthlyProposal
from awards.selectors import monthly as selectors
from awards.services import monthly as services
from orgs.models import Unit
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import ScopedFormView, StaffMixin, TransitionView, require_perm

from .common import run_service


class MonthlyHomeView(StaffMixin, View):
    permission_required = "awards.view_monthlyproposal"

    def get(self, request: Any) -> HttpResponse:
        self.check_permission()
        organisations = [
            (unit, *selectors.current_month(unit))
            for unit in selectors.asking_organisations(request.scope)[0]
        ]
        context = {
            "proposals": selectors.proposals_for(scope=request.scope)[:100],
            "organisations": organisations,
            "can_propose": request.user.has_perm("awards.add_monthlyproposal"),
        }
        return render(request, "awards/monthly_home.html", context)


class ProposalOpenView(ScopedFormView):
    permission_required = "awards.add_monthlyproposal"
    form_class = ProposalOpenForm
    template_name = "awards/monthly_open.html"

    def perform(self, form: ProposalOpenForm) -> MonthlyProposal:
        require_perm(
            self.request, "awards.add_monthlyproposal", form.cleaned_data["unit"]
        )
        return services.monthly_proposal_open(
            actor=self.request.user, **form.cleaned_data
        )


class ProposalMixin(StaffMixin):
    permission_required = "awards.view_monthlyproposal"

    def get_proposal(self) -> MonthlyProposal:
        try:
            proposal = (
                MonthlyProposal.objects.filter(
                    selectors.proposal_get_q(self.request.scope)
                )
                .select_related("unit", "organisation", "submitted_by")
                .get(pk=self.kwargs["pk"])
            )
        except (MonthlyProposal.DoesNotExist, ValueError):
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None
        self.check_permission(proposal)
        return proposal


class ProposalDetailView(ProposalMixin, View):
    def page(
        self, proposal: MonthlyProposal, form: EntryForm | None = None
    ) -> HttpResponse:
        can_edit = (
            proposal.status == MonthlyProposal.Status.DRAFT
            and self.request.user.has_perm("awards.change_monthlyproposal", proposal)
        )
        context = {
            "proposal": proposal,
            "entries": proposal.entries.select_related("person").order_by(
                "order", "pk"
            ),
            "form": (form or EntryForm(unit=proposal.unit)) if can_edit else None,
            "can_edit": can_edit,
            "minimum": services.minimum_for(
                proposal.organisation, proposal.year, proposal.month
            ),
            "deadline": services.deadline_for(
                proposal.organisation, proposal.year, proposal.month
            ),
        }
        return render(self.request, "awards/monthly_proposal.html", context)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.page(self.get_proposal())

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        proposal = self.get_proposal()
        require_perm(request, "awards.change_monthlyproposal", proposal)
        form = EntryForm(request.POST, unit=proposal.unit)
        if not form.is_valid():
            return self.page(proposal, form)
        try:
            services.monthly_entry_add(
                proposal=proposal, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(proposal, form)
        messages.success(request, _("Đã thêm người được đề xuất."))
        return redirect(proposal)


class EntryRemoveView(StaffMixin, View):
    http_method_names = ["post"]

    def post(self, request: Any, pk: int) -> HttpResponse:
        entry = get_visible_or_404(
            MonthlyEntry.objects.select_related("proposal__unit"), request.scope, pk=pk
        )
        require_perm(request, "awards.change_monthlyproposal", entry.proposal)
        run_service(
            request,
            lambda: services.monthly_entry_remove(entry=entry, actor=request.user),
            _("Đã bỏ người này khỏi đề xuất."),
        )
        return redirect(entry.proposal)


class ProposalSubmitView(TransitionView):
    model = MonthlyProposal
    permission_required = "awards.change_monthlyproposal"
    title = gettext_lazy("Gửi đề xuất tháng")
    question = gettext_lazy(
        "Gửi đề xuất điển hình tháng này lên cấp trên? Sau khi gửi không sửa được."
    )
    confirm_label = gettext_lazy("Gửi đề xuất")
    success_message = gettext_lazy("Đã gửi đề xuất.")

    def perform(self, obj: MonthlyProposal, form: Any) -> MonthlyProposal:
        return services.monthly_proposal_submit(proposal=obj, actor=self.request.user)


class MonthView(StaffMixin, View):
    """The organisation's month: units asked, proposals, late units, the review."""

    def get_organisation(self) -> Unit:
        unit = get_visible_or_404(Unit, self.request.scope, pk=self.kwargs["org"])
        require_perm(self.request, "awards.view_monthlylist", unit)
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not 1 <= month <= 12 or services.minimum_for(unit, year, month) is None:
            raise Http404(_("Đơn vị này không yêu cầu đề xuất điển hình tháng này."))
        return unit

    def get(self, request: Any, org: int, year: int, month: int) -> HttpResponse:
        organisation = self.get_organisation()
        overview = selectors.monthly_overview(organisation, year, month)
        context = {
            **overview,
            "entries": selectors.month_entries(organisation, year, month),
            "state_labels": selectors.STATE_LABELS,
            "can_review": request.user.has_perm(
                "awards.review_monthly", overview["monthly"] or _Org(organisation)
            ),
            "review_form": ReviewForm(),
        }
        return render(request, "awards/monthly_month.html", context)


class _Org:
    """Lets the ``review_monthly`` rule judge an organisation before its list exists."""

    def __init__(self, organisation: Unit) -> None:
        self.organisation = organisation


class EntryReviewView(StaffMixin, View):
    http_method_names = ["post"]

    def post(self, request: Any, pk: int) -> HttpResponse:
        entry = get_object_or_404(
            MonthlyEntry.objects.select_related("proposal__organisation"), pk=pk
        )
        get_visible_or_404(Unit, request.scope, pk=entry.proposal.organisation_id)
        require_perm(request, "awards.review_monthly", entry.proposal)
        form = ReviewForm(request.POST)
        if form.is_valid():
            run_service(
                request,
                lambda: services.monthly_entry_review(
                    entry=entry, actor=request.user, **form.cleaned_data
                ),
                _("Đã ghi kết quả xét."),
            )
        proposal = entry.proposal
        return redirect(
            "awards:monthly-month",
            org=proposal.organisation_id,
            year=proposal.year,
            month=proposal.month,
        )


class MonthDecisionView(MonthView):
    """Open the month's list if needed and draft its decision."""

    http_method_names = ["post"]

    def post(self, request: Any, org: int, year: int, month: int) -> HttpResponse:
        organisation = self.get_organisation()
        require_perm(request, "awards.review_monthly", _Org(organisation))
        try:
            monthly = services.monthly_list_open(
                organisation=organisation, year=year, month=month, actor=request.user
            )
            decision = services.monthly_list_draft_decision(
                monthly=monthly, actor=request.user
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect("awards:monthly-month", org=org, year=year, month=month)
        messages.success(request, _("Đã lập dự thảo quyết định khen thưởng của tháng."))
        return redirect(decision)
