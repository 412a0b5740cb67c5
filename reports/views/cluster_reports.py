"""A cluster's mid-year and year-end reports: drafted, edited, printed, issued."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from clusters import access
from clusters import selectors as cluster_selectors
from clusters.models import ClusterMembership, ClusterYear
from orgs.pdf import render_pdf
from orgs.printing import document_render_context
from orgs.scoping import MANAGE_ROLES, Scope
from orgs.viewmixins import PermissionFirstMixin, StaffMixin, require_perm
from reports import cluster_reports, services
from reports.forms import (
    ClusterReportCreateForm,
    ClusterReportForm,
    ClusterReportIssueForm,
)
from reports.models import ClusterReport


def visible_reports(scope: Scope) -> QuerySet[ClusterReport]:
    """Reports of the cluster years the viewer sees (members, followers, authority)."""
    return ClusterReport.objects.filter(
        cluster_year__in=cluster_selectors.cluster_year_list(scope=scope)
    ).select_related(
        "cluster_year__cluster__authority", "cluster_year__cluster__issuer", "issued"
    )


def led_years(scope: Scope) -> QuerySet[ClusterYear]:
    """Cluster years the viewer leads, in query form (``clusters.access.leads``)."""
    heads = ClusterMembership.objects.filter(
        cluster_year=OuterRef("pk"), role="head"
    ).filter(scope.units_q("unit", access.ACT_ROLES))
    if scope.is_superuser:
        return ClusterYear.objects.all()
    return ClusterYear.objects.filter(
        scope.units_q("cluster__authority", MANAGE_ROLES) | Q(Exists(heads))
    )


def report_or_404(request: HttpRequest, pk: Any) -> ClusterReport:
    try:
        return visible_reports(request.scope).get(pk=pk)  # type: ignore[attr-defined]
    except (ClusterReport.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


class ClusterReportListView(PermissionFirstMixin, TemplateView):
    template_name = "reports/cluster_report_list.html"
    permission_required = "reports.view_statistics"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        scope = self.request.scope  # type: ignore[attr-defined]
        years = (
            led_years(scope)
            .filter(
                pk__in=cluster_selectors.cluster_year_list(scope=scope).values("pk")
            )
            .select_related("cluster")
            .order_by("-year", "cluster__name")[:50]
        )
        return {
            **super().get_context_data(**kwargs),
            "reports": list(
                visible_reports(scope).order_by("-cluster_year__year", "pk")[:100]
            ),
            "years": list(years),
        }


class ClusterReportCreateView(StaffMixin, FormView):
    template_name = "reports/cluster_report_create.html"
    form_class = ClusterReportCreateForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        years = cluster_selectors.cluster_year_list(scope=request.scope)  # type: ignore[attr-defined]
        self.year = years.filter(pk=kwargs["pk"]).select_related("cluster").first()
        if self.year is None:
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem."))
        require_perm(request, "reports.add_clusterreport", self.year)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "year": self.year}

    def form_valid(self, form: ClusterReportCreateForm) -> HttpResponse:
        try:
            report = services.cluster_report_create(
                cluster_year=self.year,
                kind=form.cleaned_data["kind"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã tạo dự thảo báo cáo."))
        return HttpResponseRedirect(report.get_absolute_url())


class ClusterReportDetailView(StaffMixin, TemplateView):
    """The draft: editable sections beside the figures the app fills in."""

    template_name = "reports/cluster_report_detail.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.report = report_or_404(request, kwargs["pk"])
        require_perm(request, "reports.view_clusterreport", self.report)
        self.can_change = request.user.has_perm(
            "reports.change_clusterreport", self.report
        )
        return super().dispatch(request, *args, **kwargs)

    def initial(self) -> dict[str, Any]:
        return {
            "summary": self.report.summary,
            **{name: self.report.section(name) for name in ClusterReport.SECTIONS},
            "version": self.report.version,
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_perm(request, "reports.change_clusterreport", self.report)
        form = ClusterReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.cluster_report_update(
                    report=self.report,
                    actor=request.user,
                    version=data["version"],
                    summary=data["summary"],
                    sections={name: data[name] for name in ClusterReport.SECTIONS},
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return HttpResponseRedirect(self.report.get_absolute_url())
        return render(request, self.template_name, self.context(form))

    def context(self, form: ClusterReportForm | None = None) -> dict[str, Any]:
        editable = self.can_change and not self.report.is_issued
        return {
            "report": self.report,
            "form": form
            or (ClusterReportForm(initial=self.initial()) if editable else None),
            "figures": cluster_reports.figures(self.report),
            "can_issue": editable,
            "sections": [
                (ClusterReportForm.base_fields[name].label, self.report.section(name))
                for name in ClusterReport.SECTIONS
            ],
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **self.context()}


class ClusterReportPdfView(StaffMixin, TemplateView):
    """The draft as it would print (no number), or the issued report as it was issued."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        report = report_or_404(request, kwargs["pk"])
        require_perm(request, "reports.view_clusterreport", report)
        if report.issued_id:
            template, context = document_render_context(report.issued)
        else:
            context = cluster_reports.report_context(report)
            template = context["template"]
        response = HttpResponse(
            render_pdf(template, context), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'inline; filename="bao-cao-cum-{report.pk}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


class ClusterReportIssueView(StaffMixin, FormView):
    template_name = "includes/_confirm.html"
    form_class = ClusterReportIssueForm
    title = gettext_lazy("Ban hành báo cáo")
    question = gettext_lazy(
        "Cấp số văn bản trong sổ của cụm, khối và lưu nội dung in. Sau khi ban hành, "
        "báo cáo không sửa được nữa."
    )

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.report = report_or_404(request, kwargs["pk"])
        require_perm(request, "reports.issue_clusterreport", self.report)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "object": self.report,
            "title": self.title,
            "question": self.question,
            "confirm_label": _("Cấp số và ban hành"),
            "danger": False,
            "cancel_url": self.report.get_absolute_url(),
        }

    def form_valid(self, form: ClusterReportIssueForm) -> HttpResponse:
        try:
            report = services.cluster_report_issue(
                report=self.report,
                actor=self.request.user,
                issued_on=form.cleaned_data["issued_on"],
                drafting_code=form.cleaned_data["drafting_code"],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(self.request, text)
            return HttpResponseRedirect(self.report.get_absolute_url())
        messages.success(
            self.request,
            _("Đã ban hành báo cáo số %(number)s.")
            % {"number": report.issued.full_number},
        )
        return HttpResponseRedirect(report.get_absolute_url())
