"""Year-end evaluation: quotas, candidates from the ranking, votes, proposals."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from clusters import access, forms, selectors
from clusters.models import ClusterProposal
from clusters.services import evaluation

from .common import ClusterFormView, ClusterTransitionView, SelectorObjectMixin


class EvaluationView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_ranking"
    template_name = "clusters/evaluation.html"
    fetch = staticmethod(selectors.cluster_year_detail)
    context_object_name = "year"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year = self.object
        try:
            quota = evaluation.quota_of(year)
        except Exception:  # a missing parameter is shown, not fatal
            quota = None
        return {
            **super().get_context_data(**kwargs),
            "quota": quota,
            "proposals": selectors.proposals_of_year(year).prefetch_related("votes"),
            "rotations": list(year.rotation_proposals.all()),
            "ranking": (year.ranking_snapshot or {}).get("rows", []),
            "leads": access.leads(self.request.scope, year),
        }


class ProposalCreateView(ClusterFormView):
    permission_required = "clusters.add_clusterproposal"
    form_class = forms.ProposalForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Đề nghị khen thưởng đơn vị")
    success_message = gettext_lazy("Đã ghi đề nghị; hội nghị biểu quyết để thông qua.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def get_success_url_for(self, result: Any) -> str:
        from django.urls import reverse

        return reverse("clusters:evaluation", args=[self.object.pk])

    def perform(self, form: Any) -> ClusterProposal:
        return evaluation.proposal_create(
            cluster_year=self.object, actor=self.request.user, **form.cleaned_data
        )


class _ProposalForm(ClusterFormView):
    permission_required = "clusters.change_clusterproposal"
    fetch = staticmethod(selectors.proposal_detail)

    def get_cancel_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:evaluation", args=[self.object.cluster_year_id])

    def get_success_url_for(self, result: Any) -> str:
        return self.get_cancel_url()


class ProposalVoteView(_ProposalForm):
    form_class = forms.ConferenceVoteForm
    title = gettext_lazy("Ghi kết quả biểu quyết đề nghị khen thưởng")
    success_message = gettext_lazy("Đã ghi kết quả biểu quyết.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object.cluster_year}

    def perform(self, form: Any) -> Any:
        data = dict(form.cleaned_data)
        return evaluation.proposal_vote_record(
            proposal=self.object,
            conference=data.pop("conference"),
            actor=self.request.user,
            **data,
        )


class ProposalWithdrawView(_ProposalForm):
    form_class = forms.ReasonForm
    title = gettext_lazy("Rút đề nghị")
    success_message = gettext_lazy("Đã rút đề nghị.")

    def perform(self, form: Any) -> Any:
        return evaluation.proposal_withdraw(
            proposal=self.object,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )


class ProposalConfirmView(ClusterTransitionView):
    permission_required = "clusters.change_clusterproposal"
    fetch = staticmethod(selectors.proposal_detail)
    title = gettext_lazy("Xác nhận và gửi đề nghị lên cấp trên")
    question = gettext_lazy(
        "Đề nghị được gửi cơ quan tổ chức cụm, khối để lập hồ sơ khen thưởng tập thể."
    )
    confirm_label = gettext_lazy("Xác nhận, gửi đề nghị")
    success_message = gettext_lazy("Đã xác nhận đề nghị.")

    def get_cancel_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:evaluation", args=[self.object.cluster_year_id])

    def get_success_url_for(self, result: Any) -> str:
        return self.get_cancel_url()

    def perform(self, obj: ClusterProposal, form: Any) -> ClusterProposal:
        return evaluation.proposal_confirm(proposal=obj, actor=self.request.user)


class RotationVoteView(ClusterFormView):
    permission_required = "clusters.propose_rotation"
    form_class = forms.ConferenceVoteForm
    title = gettext_lazy("Ghi kết quả biểu quyết đơn vị trưởng, phó năm sau")
    success_message = gettext_lazy("Đã ghi kết quả biểu quyết.")

    @staticmethod
    def fetch(*, scope: Any, pk: Any) -> Any:
        return selectors.rotation_detail(scope=scope, pk=pk)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object.cluster_year}

    def get_cancel_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:evaluation", args=[self.object.cluster_year_id])

    def get_success_url_for(self, result: Any) -> str:
        return self.get_cancel_url()

    def perform(self, form: Any) -> Any:
        data = dict(form.cleaned_data)
        return evaluation.rotation_vote_record(
            rotation=self.object,
            conference=data.pop("conference"),
            actor=self.request.user,
            **data,
        )
