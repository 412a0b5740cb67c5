"""The pledge of a year: editing the commitments, signature blocks, signing, PDF."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from clusters import access, forms, selectors
from clusters.models import Pledge
from clusters.printing import pledge_context
from clusters.services import pledges
from orgs.pdf import render_pdf
from orgs.viewmixins import require_perm

from .common import (
    ClusterFormView,
    ClusterPostView,
    ClusterTransitionView,
    SelectorObjectMixin,
)


class PledgeCreateView(ClusterPostView):
    permission_required = "clusters.add_pledge"
    fetch = staticmethod(selectors.cluster_year_detail)
    success_message = gettext_lazy("Đã tạo dự thảo giao ước.")

    def perform(self, obj: Any) -> Pledge:
        return pledges.pledge_create(cluster_year=obj, actor=self.request.user)

    def respond(self, result: Any) -> HttpResponse:
        return HttpResponseRedirect(result.get_absolute_url())


class PledgeDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_pledge"
    template_name = "clusters/pledge_detail.html"
    fetch = staticmethod(selectors.pledge_detail)
    context_object_name = "pledge"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        pledge, scope = self.object, self.request.scope
        leads = access.leads(scope, pledge.cluster_year)
        return {
            **super().get_context_data(**kwargs),
            "year": pledge.cluster_year,
            "leads": leads,
            "can_edit": leads and pledge.is_editable,
            "commitment_form": forms.CommitmentForm(),
            "signatories": [
                (s, leads or access.acts_for(scope, s.unit))
                for s in pledge.signatories.all()
            ],
        }


class PledgeUpdateView(ClusterFormView):
    permission_required = "clusters.change_pledge"
    form_class = forms.PledgeForm
    fetch = staticmethod(selectors.pledge_detail)
    title = gettext_lazy("Sửa bản giao ước")
    success_message = gettext_lazy("Đã lưu.")

    def get_initial(self) -> dict[str, Any]:
        p = self.object
        return {
            "title": p.title,
            "grounds": p.grounds,
            "preamble": p.preamble,
            "implementation": p.implementation,
            "signing_date": p.signing_date,
            "signing_place": p.signing_place,
        }

    def perform(self, form: Any) -> Pledge:
        return pledges.pledge_update(
            pledge=self.object, actor=self.request.user, **form.cleaned_data
        )


def _commitment(*, scope: Any, pk: Any) -> Any:
    return selectors.commitment_detail(scope=scope, pk=pk)


class _CommitmentAction(ClusterPostView):
    """Edit the numbered list in place: htmx swaps the list, without JS the page reloads."""

    permission_required = "clusters.change_pledge"
    fetch = staticmethod(_commitment)

    def check_permission(self, obj: Any = None) -> None:
        require_perm(
            self.request, self.permission_required, obj.pledge if obj else None
        )

    def get_back_url(self) -> str:
        return self.object.pledge.get_absolute_url()

    def pledge_id(self) -> int:
        return self.object.pledge_id

    def respond(self, result: Any) -> HttpResponse:
        if self.request.htmx:
            pledge = selectors.pledge_detail(
                scope=self.request.scope, pk=self.pledge_id()
            )
            return render(
                self.request,
                "clusters/partials/_commitments.html",
                {
                    "pledge": pledge,
                    "can_edit": True,
                    "commitment_form": forms.CommitmentForm(),
                },
            )
        return super().respond(result)


def _commitment_text(request: Any) -> str:
    """The posted text, cleaned by the form (length, NUL characters) before any write."""
    form = forms.CommitmentForm(request.POST)
    if not form.is_valid():
        if "text" in form.errors and request.POST.get("text", "").strip():
            raise ValidationError(form.errors["text"])
        raise ValidationError(gettext_lazy("Hãy ghi nội dung giao ước."))
    return form.cleaned_data["text"]


class CommitmentAddView(_CommitmentAction):
    fetch = staticmethod(selectors.pledge_detail)

    def check_permission(self, obj: Any = None) -> None:
        require_perm(self.request, self.permission_required, obj)

    def get_back_url(self) -> str:
        return self.object.get_absolute_url()

    def pledge_id(self) -> int:
        return self.object.pk

    def perform(self, obj: Pledge) -> Any:
        return pledges.commitment_add(
            pledge=obj, actor=self.request.user, text=_commitment_text(self.request)
        )


class CommitmentUpdateView(_CommitmentAction):
    def perform(self, obj: Any) -> Any:
        return pledges.commitment_update(
            commitment=obj,
            actor=self.request.user,
            text=_commitment_text(self.request),
        )


class CommitmentDeleteView(_CommitmentAction):
    def perform(self, obj: Any) -> None:
        pledges.commitment_delete(commitment=obj, actor=self.request.user)


class CommitmentMoveView(_CommitmentAction):
    def perform(self, obj: Any) -> None:
        pledges.commitment_move(
            commitment=obj,
            actor=self.request.user,
            up=self.request.POST.get("direction") == "up",
        )


def _signatory(*, scope: Any, pk: Any) -> Any:
    return selectors.signatory_detail(scope=scope, pk=pk)


class SignatoryUpdateView(ClusterFormView):
    permission_required = "clusters.sign_pledgesignatory"
    form_class = forms.SignatoryForm
    fetch = staticmethod(_signatory)
    title = gettext_lazy("Khối chữ ký của đơn vị")
    success_message = gettext_lazy("Đã lưu khối chữ ký.")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return {**kwargs, "instance": self.object}

    def get_cancel_url(self) -> str:
        return self.object.pledge.get_absolute_url()

    def perform(self, form: Any) -> Any:
        pledges.signatory_update(
            signatory=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object.pledge


class PledgeOpenView(ClusterTransitionView):
    permission_required = "clusters.change_pledge"
    fetch = staticmethod(selectors.pledge_detail)
    title = gettext_lazy("Mở ký kết giao ước")
    question = gettext_lazy("Sau khi mở ký kết, nội dung giao ước không sửa được nữa.")
    confirm_label = gettext_lazy("Mở ký kết")
    success_message = gettext_lazy("Các đơn vị có thể ghi nhận chữ ký.")

    def perform(self, obj: Pledge, form: Any) -> Pledge:
        return pledges.pledge_open_for_signing(pledge=obj, actor=self.request.user)


class _SignatoryAction(ClusterPostView):
    permission_required = "clusters.sign_pledgesignatory"
    fetch = staticmethod(_signatory)

    def get_back_url(self) -> str:
        return self.object.pledge.get_absolute_url()


class SignView(_SignatoryAction):
    success_message = gettext_lazy("Đã ghi nhận chữ ký.")

    def perform(self, obj: Any) -> Any:
        return pledges.pledge_sign(signatory=obj, actor=self.request.user)


class UnsignView(_SignatoryAction):
    permission_required = "clusters.change_pledge"
    success_message = gettext_lazy("Đã hủy ghi nhận chữ ký.")

    def check_permission(self, obj: Any = None) -> None:
        require_perm(
            self.request, self.permission_required, obj.pledge if obj else None
        )

    def perform(self, obj: Any) -> Any:
        return pledges.pledge_unsign(signatory=obj, actor=self.request.user)


class PledgePdfView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_pledge"
    fetch = staticmethod(selectors.pledge_detail)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        from orgs.views import pdf_response

        pledge = self.get_object()
        context = pledge.snapshot or pledge_context(pledge)
        content = render_pdf(context["template"], {"doc": context["doc"]})
        return pdf_response(content, f"giao-uoc-{pledge.cluster_year.year}.pdf")
