"""Clusters, the page of a year, leaders, members and rotation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from clusters import access, forms, selectors
from clusters.models import ClusterMembership, ClusterYear, RotationProposal
from clusters.services import organisation, rotation
from orgs.viewmixins import PermissionFirstMixin

from .common import (
    ClusterFormView,
    ClusterPostView,
    ClusterTransitionView,
    SelectorObjectMixin,
)


class ClusterListView(PermissionFirstMixin, SelectorObjectMixin, ListView):
    permission_required = "clusters.view_cluster"
    template_name = "clusters/cluster_list.html"
    paginate_by = 50

    def get_queryset(self) -> Any:
        return selectors.cluster_list(scope=self.request.scope)


class ClusterDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_cluster"
    template_name = "clusters/cluster_detail.html"
    fetch = staticmethod(selectors.cluster_detail)
    context_object_name = "cluster"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "years": selectors.years_of_cluster(self.object, self.request.scope),
        }


class YearDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_clusteryear"
    template_name = "clusters/year_detail.html"
    fetch = staticmethod(selectors.cluster_year_detail)
    context_object_name = "year"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year, scope = self.object, self.request.scope
        proposals = list(year.rotation_proposals.all())
        return {
            **super().get_context_data(**kwargs),
            "leaders": selectors.leaders_of(year),
            "calendar": selectors.calendar_of(year),
            "followers": selectors.followers_of(year),
            "open_rotation": next(
                (p for p in proposals if p.status != "rejected"), None
            ),
            "rotations": proposals,
            "pledge": getattr(year, "pledge", None),
            "leads": access.leads(scope, year),
            "manages": access.manages(scope, year.cluster),
            "sees_ranking": self.request.user.has_perm("clusters.view_ranking", year),
            "own_sheets": selectors.sheets_of_year(year, scope),
        }


class YearSettingsView(ClusterFormView):
    permission_required = "clusters.change_clusteryear"
    form_class = forms.YearSettingsForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Chủ đề, bộ tiêu chí và thời hạn chấm điểm")
    success_message = gettext_lazy("Đã lưu.")

    def get_form_kwargs(self) -> dict[str, Any]:
        year = self.object
        return {
            **super().get_form_kwargs(),
            "cluster_year": year,
            "criteria_sets": selectors.criteria_set_list(
                scope=self.request.scope
            ).filter(year=year.year),
            "initial": {
                "theme": year.theme,
                "criteria_set": year.criteria_set_id,
                "review_mode": year.review_mode,
                "review_team": list(year.review_team.values_list("pk", flat=True)),
                "normalise": year.normalise,
                "tie_break": ", ".join(year.tie_break or []),
                "scoring_opens_on": year.scoring_opens_on,
                "self_deadline": year.self_deadline,
                "review_deadline": year.review_deadline,
            },
        }

    def perform(self, form: Any) -> ClusterYear:
        team = form.cleaned_data["review_team"]
        changed_team = set(team.values_list("pk", flat=True)) != set(
            self.object.review_team.values_list("pk", flat=True)
        )
        return organisation.cluster_year_update(
            cluster_year=self.object,
            actor=self.request.user,
            review_team=team if changed_team else None,
            **{
                k: v
                for k, v in form.service_fields().items()
                if k != "criteria_set" or v != self.object.criteria_set
            },
        )


class LeadershipView(ClusterFormView):
    permission_required = "clusters.set_leadership"
    form_class = forms.LeadershipForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Đơn vị trưởng, đơn vị phó của năm")
    success_message = gettext_lazy("Đã giao vai trò trưởng, phó.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def perform(self, form: Any) -> ClusterYear:
        return organisation.leadership_set(
            cluster_year=self.object,
            head=form.cleaned_data["head"],
            deputies=form.deputies(),
            actor=self.request.user,
        )


class MembershipAddView(ClusterFormView):
    permission_required = "clusters.add_clustermembership"
    form_class = forms.MembershipAddForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Thêm đơn vị thành viên")
    success_message = gettext_lazy("Đã thêm đơn vị thành viên.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def perform(self, form: Any) -> Any:
        return organisation.membership_add(
            cluster_year=self.object, actor=self.request.user, **form.cleaned_data
        ).cluster_year


def _membership(*, scope: Any, pk: Any) -> ClusterMembership:
    return selectors.membership_detail(scope=scope, pk=pk)


class MembershipRemoveView(ClusterTransitionView):
    permission_required = "clusters.remove_clustermembership"
    fetch = staticmethod(_membership)
    title = gettext_lazy("Rút đơn vị khỏi cụm, khối")
    question = gettext_lazy("Rút đơn vị này khỏi danh sách thành viên của năm?")
    danger = True
    success_message = gettext_lazy("Đã rút đơn vị.")

    def get_cancel_url(self) -> str:
        return self.object.cluster_year.get_absolute_url()

    def perform(self, obj: ClusterMembership, form: Any) -> ClusterYear:
        year = obj.cluster_year
        organisation.membership_remove(membership=obj, actor=self.request.user)
        return year


class RotationProposeView(ClusterFormView):
    permission_required = "clusters.propose_rotation"
    form_class = forms.RotationForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Đề xuất đơn vị trưởng, phó năm sau")
    success_message = gettext_lazy("Đã ghi đề xuất; chờ cơ quan tổ chức xác nhận.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def perform(self, form: Any) -> RotationProposal:
        return rotation.rotation_propose(
            cluster_year=self.object,
            head=form.cleaned_data["head"],
            deputies=form.deputies(),
            basis=form.cleaned_data["basis"],
            actor=self.request.user,
        ).cluster_year


def _rotation(*, scope: Any, pk: Any) -> RotationProposal:
    return selectors.rotation_detail(scope=scope, pk=pk)


class RotationConfirmView(ClusterFormView):
    permission_required = "clusters.confirm_rotation"
    form_class = forms.RotationConfirmForm
    fetch = staticmethod(_rotation)
    title = gettext_lazy("Xác nhận đơn vị trưởng, phó năm sau")
    success_message = gettext_lazy("Đã xác nhận đề xuất luân phiên.")

    def get_cancel_url(self) -> str:
        return self.object.cluster_year.get_absolute_url()

    def perform(self, form: Any) -> Any:
        return rotation.rotation_confirm(
            proposal=self.object, actor=self.request.user, **form.cleaned_data
        ).cluster_year


class RotationRejectView(RotationConfirmView):
    form_class = forms.ReasonForm
    title = gettext_lazy("Không xác nhận đề xuất luân phiên")
    success_message = gettext_lazy("Đã ghi không xác nhận.")

    def perform(self, form: Any) -> Any:
        return rotation.rotation_reject(
            proposal=self.object,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        ).cluster_year


class YearRollView(ClusterFormView):
    permission_required = "clusters.roll_clusteryear"
    form_class = forms.RollForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Chuyển sang năm mới")

    def perform(self, form: Any) -> ClusterYear:
        result = rotation.cluster_year_roll(
            cluster_year=self.object, actor=self.request.user, **form.cleaned_data
        )
        if result.dropped:
            messages.warning(
                self.request,
                _("Không chuyển các đơn vị đã giải thể, sáp nhập: %(units)s.")
                % {"units": ", ".join(u.name for u in result.dropped)},
            )
        if not result.rotation_applied:
            messages.warning(
                self.request,
                _(
                    "Chưa có đề xuất luân phiên được xác nhận: năm mới chưa có đơn vị trưởng, phó."
                ),
            )
        messages.success(
            self.request, _("Đã mở năm %(year)s.") % {"year": result.year.year}
        )
        return result.year


class FollowerAddView(ClusterFormView):
    permission_required = "clusters.set_leadership"
    form_class = forms.FollowerForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Phân công thành viên hội đồng theo dõi cụm, khối")
    success_message = gettext_lazy("Đã phân công.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def perform(self, form: Any) -> ClusterYear:
        from clusters.services import followers

        followers.follower_assign(
            cluster_year=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object


class FollowerRemoveView(ClusterPostView):
    permission_required = "clusters.set_leadership"
    success_message = gettext_lazy("Đã thôi phân công.")

    @staticmethod
    def fetch(*, scope: Any, pk: Any) -> Any:
        return selectors.follower_detail(scope=scope, pk=pk)

    def get_back_url(self) -> str:
        return self.object.cluster_year.get_absolute_url()

    def perform(self, obj: Any) -> None:
        from clusters.services import followers

        followers.follower_remove(follower=obj, actor=self.request.user)
