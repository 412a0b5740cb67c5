"""Criteria sets: list, tree with the changes from the parent, edit, import, export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView

from clusters import access, criteria_io, forms, selectors
from clusters.criteria_diff import criteria_diff
from clusters.models import Cluster, CriteriaSet, Criterion
from clusters.services import criteria as services
from orgs.exports import xlsx_response
from orgs.models import Unit
from orgs.scoping import MANAGE_ROLES
from orgs.viewmixins import PermissionFirstMixin, StaffMixin, require_perm

from .common import (
    ClusterFormView,
    ClusterPostView,
    ClusterTransitionView,
    SelectorObjectMixin,
)


class CriteriaListView(PermissionFirstMixin, SelectorObjectMixin, ListView):
    permission_required = "clusters.view_criteriaset"
    template_name = "clusters/criteria_list.html"
    paginate_by = 50

    def get_queryset(self) -> Any:
        return selectors.criteria_set_list(scope=self.request.scope)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "can_add": bool(_owners(self.request)),
        }


def _owners(request: Any) -> list[tuple[str, str]]:
    """Units the user keeps (secretariat) and clusters the user leads."""
    scope = request.scope
    units = Unit.objects.visible_to(scope, MANAGE_ROLES).filter(valid_to__isnull=True)
    choices = [(f"unit:{u.pk}", u.name) for u in units.order_by("path")[:200]]
    clusters = selectors.cluster_list(scope=scope).prefetch_related(
        "years__memberships__unit"
    )
    for cluster in clusters:
        latest = max(cluster.years.all(), key=lambda y: y.year, default=None)
        if access.manages(scope, cluster) or (latest and access.leads(scope, latest)):
            choices.append((f"cluster:{cluster.pk}", cluster.name))
    return choices


class CriteriaCreateView(StaffMixin, FormView):
    template_name = "clusters/form.html"
    form_class = forms.CriteriaSetForm

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            require_perm(request, "clusters.add_criteriaset")
            self.owners = _owners(request)
            if not self.owners:
                raise PermissionDenied(_("Bạn không quản lý đơn vị hay cụm, khối nào."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "scope": self.request.scope,
            "owners": self.owners,
            "parents": selectors.criteria_set_list(scope=self.request.scope),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from django.urls import reverse

        return {
            **super().get_context_data(**kwargs),
            "title": _("Bộ tiêu chí mới"),
            "cancel_url": reverse("clusters:criteria-list"),
        }

    def form_valid(self, form: Any) -> HttpResponse:
        data = form.cleaned_data
        kind, _sep, pk = data["owner"].partition(":")
        owner = (
            {"owner_unit": Unit.objects.get(pk=pk)}
            if kind == "unit"
            else {"owner_cluster": Cluster.objects.get(pk=pk)}
        )
        try:
            created = services.criteria_set_create(
                name=data["name"],
                year=data["year"],
                parent=data["parent"],
                actor=self.request.user,
                **owner,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã tạo bộ tiêu chí."))
        return HttpResponseRedirect(created.get_absolute_url())


def _owner_from_choice(kind: str, pk: str) -> dict[str, Any]:
    from councils.models import Council

    if kind == "unit":
        return {"owner_unit": Unit.objects.get(pk=pk)}
    if kind == "council":
        return {"owner_council": Council.objects.get(pk=pk)}
    return {"owner_cluster": Cluster.objects.get(pk=pk)}


class CriteriaDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_criteriaset"
    template_name = "clusters/criteria_detail.html"
    fetch = staticmethod(selectors.criteria_set_detail)
    context_object_name = "criteria_set"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        criteria_set = self.object
        diff = None
        if criteria_set.parent_id:
            diff = criteria_diff(
                selectors.criteria_nodes(criteria_set.parent),
                selectors.criteria_nodes(criteria_set),
            )
        can_change = self.request.user.has_perm(
            "clusters.change_criteriaset", criteria_set
        )
        return {
            **super().get_context_data(**kwargs),
            "rows": selectors.criteria_in_tree_order(criteria_set),
            "diff": diff,
            "can_change": can_change,
            "can_edit": can_change and not criteria_set.is_frozen,
            "import_form": forms.ImportForm(),
        }


class CriteriaExportView(CriteriaDetailView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        criteria_set = self.get_object()
        return xlsx_response(
            f"bo-tieu-chi-{criteria_set.pk}.xlsx",
            criteria_io.HEADERS,
            criteria_io.export_rows(criteria_set),
            title=str(criteria_set),
        )


class CriteriaImportView(SelectorObjectMixin, FormView):
    """Replace a draft set's criteria from a spreadsheet; any bad row saves nothing."""

    permission_required = "clusters.change_criteriaset"
    template_name = "clusters/criteria_import.html"
    form_class = forms.ImportForm
    fetch = staticmethod(selectors.criteria_set_detail)

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "criteria_set": self.object,
            "headers": criteria_io.HEADERS,
        }

    def form_valid(self, form: Any) -> HttpResponse:
        result = criteria_io.read_rows(form.cleaned_data["file"], self.object)
        if not result.ok:
            return render(
                self.request,
                self.template_name,
                {**self.get_context_data(form=form), "errors": result.errors},
            )
        try:
            count = services.criteria_set_replace_nodes(
                criteria_set=self.object, rows=result.rows, actor=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã nhập %(n)s tiêu chí.") % {"n": count})
        return HttpResponseRedirect(self.object.get_absolute_url())


class CriterionAddView(ClusterFormView):
    permission_required = "clusters.change_criteriaset"
    form_class = forms.CriterionForm
    fetch = staticmethod(selectors.criteria_set_detail)
    title = gettext_lazy("Thêm tiêu chí")
    success_message = gettext_lazy("Đã thêm tiêu chí.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "criteria_set": self.object}

    def perform(self, form: Any) -> CriteriaSet:
        data = dict(form.cleaned_data)
        services.criterion_add(
            criteria_set=self.object, actor=self.request.user, **data
        )
        return self.object


def _criterion(*, scope: Any, pk: Any) -> Criterion:
    return selectors.criterion_detail(scope=scope, pk=pk)


class CriterionEditView(ClusterFormView):
    permission_required = "clusters.change_criteriaset"
    form_class = forms.CriterionForm
    fetch = staticmethod(_criterion)
    title = gettext_lazy("Sửa tiêu chí")
    success_message = gettext_lazy("Đã lưu tiêu chí.")

    def check_permission(self, obj: Any = None) -> None:
        require_perm(
            self.request, self.permission_required, obj.criteria_set if obj else None
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "criteria_set": self.object.criteria_set,
            "instance": Criterion.objects.get(pk=self.object.pk),
        }

    def get_cancel_url(self) -> str:
        return self.object.criteria_set.get_absolute_url()

    def perform(self, form: Any) -> CriteriaSet:
        data = {k: v for k, v in form.cleaned_data.items() if k != "parent"}
        services.criterion_update(
            criterion=self.object, actor=self.request.user, **data
        )
        return self.object.criteria_set


class CriterionDeleteView(ClusterTransitionView):
    permission_required = "clusters.change_criteriaset"
    fetch = staticmethod(_criterion)
    title = gettext_lazy("Xóa tiêu chí")
    question = gettext_lazy("Xóa tiêu chí này cùng các tiêu chí con của nó?")
    danger = True
    success_message = gettext_lazy("Đã xóa tiêu chí.")

    def check_permission(self, obj: Any = None) -> None:
        require_perm(
            self.request, self.permission_required, obj.criteria_set if obj else None
        )

    def get_cancel_url(self) -> str:
        return self.object.criteria_set.get_absolute_url()

    def perform(self, obj: Criterion, form: Any) -> CriteriaSet:
        criteria_set = obj.criteria_set
        services.criterion_delete(criterion=obj, actor=self.request.user)
        return criteria_set


class CriteriaFreezeView(ClusterTransitionView):
    permission_required = "clusters.change_criteriaset"
    fetch = staticmethod(selectors.criteria_set_detail)
    title = gettext_lazy("Khóa bộ tiêu chí")
    question = gettext_lazy(
        "Bộ tiêu chí đã khóa không sửa được; muốn thay đổi phải tạo phiên bản mới."
    )
    success_message = gettext_lazy("Đã khóa bộ tiêu chí.")

    def perform(self, obj: CriteriaSet, form: Any) -> CriteriaSet:
        return services.criteria_set_freeze(criteria_set=obj, actor=self.request.user)


class CriteriaCopyView(ClusterPostView):
    permission_required = "clusters.change_criteriaset"
    fetch = staticmethod(selectors.criteria_set_detail)
    success_message = gettext_lazy("Đã tạo phiên bản mới (dự thảo).")

    def perform(self, obj: CriteriaSet) -> CriteriaSet:
        return services.criteria_set_copy(criteria_set=obj, actor=self.request.user)

    def respond(self, result: Any) -> HttpResponse:
        return HttpResponseRedirect(result.get_absolute_url())
