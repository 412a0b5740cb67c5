"""Decisions: the list, drafting from approved dossiers, the page of a decision,
editing a draft, issuing, discarding, and the decisions that cite one (correction,
revocation) with the recovery of money."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards.forms.decisions import (
    CorrectionLineForm,
    DecisionFilterForm,
    DecisionForm,
    DraftFromDossiersForm,
    IssueForm,
    RecoveryForm,
    RevocationForm,
)
from awards.models import AwardRecord, Decision, DecisionLine
from awards.printing.render import LARGE_ANNEX
from awards.selectors import decisions as selectors
from awards.services import decision_amendments as amendments
from awards.services import decision_drafts as drafts
from awards.services.decision_issue import decision_issue
from awards.services.funds import fund_recovery_record, outstanding
from orgs.viewmixins import (
    PermissionFirstMixin,
    ScopedFormView,
    ScopedListView,
    StaffMixin,
    TransitionView,
    require_perm,
)

MANAGE = "awards.manage_decision"


class DecisionMixin(StaffMixin):
    """Fetch the decision through the visibility rule (404), then the permission (403)."""

    permission_required = "awards.view_decision"

    def get_decision(self) -> Decision:
        decision = selectors.decision_get(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(decision)
        return decision


class DecisionListView(ScopedListView):
    permission_required = "awards.view_decision"
    template_name = "awards/decision_list.html"
    partial_template_name = "awards/partials/_decision_rows.html"

    def get_queryset(self) -> Any:
        self.form = DecisionFilterForm(self.request.GET or None)
        return selectors.decision_list(
            scope=self.request.scope, filters=self.form.filters()
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "can_draft": self.request.user.has_perm(MANAGE),
        }


class DecisionPendingView(PermissionFirstMixin, View):
    """Approved dossiers waiting for a decision of the viewer's level; draft from them."""

    permission_required = MANAGE

    def form(self) -> DraftFromDossiersForm:
        dossiers = selectors.decidable_dossiers(scope=self.request.scope)
        return DraftFromDossiersForm(self.request.POST or None, dossiers=dossiers)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.page(self.form())

    def page(self, form: DraftFromDossiersForm) -> HttpResponse:
        context = {"form": form, "dossiers": list(form.available.values())}
        return render(self.request, "awards/decision_pending.html", context)

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.form()
        if not form.is_valid():
            return self.page(form)
        try:
            decision = drafts.decision_draft_from_dossiers(
                dossiers=form.chosen(),
                actor=request.user,
                decision_date=form.cleaned_data["decision_date"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form)
        messages.success(request, _("Đã lập dự thảo quyết định."))
        return redirect(decision)


class DecisionDetailView(DecisionMixin, View):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        query = request.GET.get("q", "")[:100]
        page = Paginator(selectors.decision_lines(decision, query=query), 50).get_page(
            request.GET.get("page")
        )
        can_manage = request.user.has_perm(MANAGE, decision)
        context = {
            "decision": decision,
            "page_obj": page,
            "lines": page.object_list,
            "query": query,
            "dossiers": selectors.decision_dossiers(decision),
            "citing": selectors.citing_decisions(decision),
            "can_manage": can_manage,
            "large": decision.lines.count() > LARGE_ANNEX,
            "outstanding": outstanding(decision)
            if decision.kind == Decision.Kind.REVOCATION and decision.is_issued
            else 0,
            "certificate_count": decision.certificates.count(),
        }
        return render(request, "awards/decision_detail.html", context)


class DecisionUpdateView(DecisionMixin, ScopedFormView):
    permission_required = MANAGE
    form_class = DecisionForm
    template_name = "awards/decision_form.html"
    success_message = gettext_lazy("Đã lưu dự thảo.")

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            decision = self.get_decision()
            if decision.is_issued:
                messages.error(
                    request,
                    _(
                        "Quyết định đã ban hành không sửa được; hãy lập quyết định "
                        "đính chính."
                    ),
                )
                return redirect(decision)
        return super().dispatch(request, *args, **kwargs)

    def get_target(self) -> Decision:
        return self.get_decision()

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": self.object,
            "initial": {"version": self.object.version},
        }

    def perform(self, form: DecisionForm) -> Decision:
        return drafts.decision_update(
            decision=self.object,
            actor=self.request.user,
            version=form.cleaned_data.get("version"),
            **form.changes(),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "decision": self.object}


class DecisionIssueView(TransitionView):
    model = Decision
    permission_required = MANAGE
    form_class = IssueForm
    title = gettext_lazy("Ban hành quyết định")
    question = gettext_lazy(
        "Cấp số từ sổ văn bản, ghi khen thưởng cho từng người, lập giấy chứng nhận và "
        "ghi sổ quỹ. Sau khi ban hành, quyết định không sửa được nữa."
    )
    confirm_label = gettext_lazy("Ban hành")
    success_message = gettext_lazy("Đã ban hành quyết định.")

    def get_object(self, queryset: Any = None) -> Decision:
        decision = selectors.decision_get(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(decision)
        return decision

    def get_initial(self) -> dict[str, Any]:
        return {"issued_on": self.object.decision_date, "version": self.object.version}

    def perform(self, obj: Decision, form: IssueForm) -> Decision:
        return decision_issue(
            decision=obj,
            actor=self.request.user,
            issued_on=form.cleaned_data["issued_on"],
            version=form.cleaned_data.get("version"),
        )


class DecisionDiscardView(DecisionIssueView):
    form_class = None
    title = gettext_lazy("Hủy dự thảo")
    question = gettext_lazy(
        "Hủy dự thảo này? Dự thảo chưa có số; các hồ sơ quay lại danh sách chờ quyết định."
    )
    confirm_label = gettext_lazy("Hủy dự thảo")
    danger = True
    success_message = gettext_lazy("Đã hủy dự thảo.")

    def get_initial(self) -> dict[str, Any]:
        return {}

    def perform(self, obj: Decision, form: Any) -> Decision:
        drafts.decision_discard(decision=obj, actor=self.request.user)
        return obj

    def get_success_url_for(self, result: Any) -> str:
        from django.urls import reverse

        return reverse("awards:decision-list")


class CorrectionDraftView(DecisionIssueView):
    form_class = None
    title = gettext_lazy("Lập quyết định đính chính")
    question = gettext_lazy(
        "Quyết định đã ban hành không sửa được. Lập một dự thảo quyết định đính chính dẫn "
        "quyết định này, rồi ghi từng dòng cần sửa?"
    )
    confirm_label = gettext_lazy("Lập dự thảo đính chính")
    success_message = gettext_lazy("Đã lập dự thảo đính chính: hãy chọn dòng cần sửa.")

    def get_initial(self) -> dict[str, Any]:
        return {}

    def perform(self, obj: Decision, form: Any) -> Decision:
        return amendments.correction_draft(original=obj, actor=self.request.user)


class CorrectionLineView(DecisionMixin, ScopedFormView):
    """Set how one line of the cited decision should read, on a correction draft."""

    permission_required = MANAGE
    form_class = CorrectionLineForm
    template_name = "awards/decision_correction_line.html"
    success_message = gettext_lazy("Đã ghi nội dung đính chính.")

    def get_target(self) -> Decision:
        decision = self.get_decision()
        self.line = get_object_or_404(
            DecisionLine, pk=self.kwargs["line"], decision_id=decision.cited_id
        )
        return decision

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope")
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        line = self.object.lines.filter(corrects=self.line).first() or self.line
        return {
            "display_name": line.display_name,
            "position": line.position,
            "unit_name": line.unit_name,
        }

    def perform(self, form: CorrectionLineForm) -> Decision:
        amendments.correction_line_set(
            decision=self.object,
            original_line=self.line,
            actor=self.request.user,
            **form.cleaned_data,
        )
        return self.object

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "decision": self.object,
            "line": self.line,
        }


class RevocationDraftView(DecisionMixin, ScopedFormView):
    permission_required = MANAGE
    form_class = RevocationForm
    template_name = "awards/decision_revoke.html"
    success_message = gettext_lazy("Đã lập dự thảo quyết định hủy bỏ.")

    def get_target(self) -> Decision:
        return self.get_decision()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope")
        lines = self.object.lines.filter(
            award_record__status=AwardRecord.Status.VALID
        ).order_by("order")
        return {**kwargs, "lines": list(lines)}

    def perform(self, form: RevocationForm) -> Decision:
        data = form.cleaned_data
        return amendments.revocation_draft(
            original=self.object,
            actor=self.request.user,
            line_ids=data["lines"],
            case=data["case"],
            reason=data["reason"],
            decision_date=data["decision_date"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "decision": self.object}


class CorrectionLineRemoveView(StaffMixin, View):
    http_method_names = ["post"]

    def post(self, request: Any, pk: int) -> HttpResponse:
        line = get_object_or_404(
            DecisionLine.objects.select_related("decision__unit"), pk=pk
        )
        decision = selectors.decision_get(scope=request.scope, pk=line.decision_id)
        require_perm(request, MANAGE, decision)
        try:
            amendments.correction_line_remove(line=line, actor=request.user)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        return redirect(decision)


class RecoveryView(DecisionMixin, ScopedFormView):
    permission_required = MANAGE
    form_class = RecoveryForm
    template_name = "awards/decision_recovery.html"
    success_message = gettext_lazy("Đã ghi số tiền thu hồi vào sổ quỹ.")

    def get_target(self) -> Decision:
        return self.get_decision()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope")
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"day": timezone.localdate(), "amount": outstanding(self.object) or None}

    def perform(self, form: RecoveryForm) -> Decision:
        fund_recovery_record(
            decision=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "decision": self.object,
            "outstanding": outstanding(self.object),
        }
