from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from orgs import selectors, services
from orgs.forms import PersonForm, SearchForm
from orgs.models import (
    BackgroundJob,
    DocumentIssuer,
    DocumentType,
    IssuedDocument,
    Person,
    Unit,
)
from orgs.pdf import render_pdf
from orgs.printing import document_render_context, sample_decision_context
from orgs.registry import dashboard_panels, detail_panels
from orgs.scoping import CHANGE_ROLES, MANAGE_ROLES
from orgs.viewmixins import (
    PermissionFirstMixin,
    ScopedDetailView,
    ScopedFormView,
    ScopedListView,
    StaffMixin,
    require_perm,
)


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class DashboardView(StaffMixin, TemplateView):
    template_name = "orgs/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        scope = self.request.scope
        return {
            **super().get_context_data(**kwargs),
            "grants": scope.grants,
            "panels": dashboard_panels(self.request),
            "recent_documents": list(selectors.document_list(scope=scope)[:5]),
            "today": timezone.localdate(),
        }


class UnitListView(ScopedListView):
    permission_required = "orgs.view_unit"
    template_name = "orgs/unit_list.html"
    partial_template_name = "orgs/partials/_unit_rows.html"

    def get_queryset(self) -> Any:
        self.form = SearchForm(self.request.GET or None)
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return selectors.unit_list(
            scope=self.request.scope, query=data.get("q", ""), kind=data.get("kind", "")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "form": self.form}


class PickerOptionsView(PermissionFirstMixin, TemplateView):
    """The ``<option>`` list of a picker (``orgs.widgets.SearchSelect``) for what the
    user typed (htmx): units or people of the viewer's scope only."""

    template_name = "orgs/partials/_picker_options.html"
    source = "units"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        get = self.request.GET
        field = get.get("field", "")
        field = field if field.isidentifier() else "unit"
        chosen = get.get(field, "")
        choices = selectors.picker_choices(
            self.source,
            scope=self.request.scope,
            query=get.get(f"{field}_q", "")[:100],
            selected=chosen,
            roles=CHANGE_ROLES if get.get("roles") == "change" else None,
        )
        return {
            **super().get_context_data(**kwargs),
            "choices": choices,
            "chosen": chosen,
            "empty_label": "---------",
        }


class UnitDetailView(ScopedDetailView):
    model = Unit
    permission_required = "orgs.view_unit"
    template_name = "orgs/unit_detail.html"

    def get_scoped_queryset(self) -> Any:
        return Unit.objects.select_related("parent").prefetch_related(
            "successions_in__predecessor", "successions_out__successor", "name_records"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        unit = self.object
        scope = self.request.scope
        return {
            **super().get_context_data(**kwargs),
            "children": selectors.unit_list(scope=scope).filter(parent=unit),
            "people": selectors.person_list(scope=scope, unit=unit).filter(unit=unit)[
                :50
            ],
            "people_total": selectors.person_list(scope=scope, unit=unit).count(),
            "panels": detail_panels(self.request, unit),
        }


class PersonListView(ScopedListView):
    permission_required = "orgs.view_person"
    template_name = "orgs/person_list.html"
    partial_template_name = "orgs/partials/_person_rows.html"

    def get_queryset(self) -> Any:
        self.form = SearchForm(self.request.GET or None)
        query = self.form.cleaned_data.get("q", "") if self.form.is_valid() else ""
        return selectors.person_list(scope=self.request.scope, query=query)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "can_add": self.request.user.has_perm("orgs.add_person"),
        }


class PersonDetailView(ScopedDetailView):
    model = Person
    permission_required = "orgs.view_person"
    template_name = "orgs/person_detail.html"

    def get_scoped_queryset(self) -> Any:
        return Person.objects.select_related("unit", "user")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "can_change": self.request.user.has_perm("orgs.change_person", self.object),
            "panels": detail_panels(self.request, self.object),
        }


class PersonCreateView(ScopedFormView):
    permission_required = "orgs.add_person"
    form_class = PersonForm
    template_name = "orgs/person_form.html"
    success_message = gettext_lazy("Đã thêm cá nhân.")

    def perform(self, form: PersonForm) -> Person:
        return services.person_create(
            actor=self.request.user,
            allow_duplicate=form.cleaned_data.get("allow_duplicate", False),
            **form.service_fields(),
        )


class PersonUpdateView(ScopedFormView):
    permission_required = "orgs.change_person"
    form_class = PersonForm
    template_name = "orgs/person_form.html"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_target(self) -> Person:
        from orgs.scoping import get_visible_or_404

        return get_visible_or_404(
            Person.objects.select_related("unit"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": Person.objects.get(pk=self.object.pk),
        }

    def perform(self, form: PersonForm) -> Person:
        return services.person_update(
            person=self.object,
            actor=self.request.user,
            allow_duplicate=form.cleaned_data.get("allow_duplicate", False),
            **form.service_fields(),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "person": self.object}


class DocumentListView(ScopedListView):
    permission_required = "orgs.view_issueddocument"
    template_name = "orgs/document_list.html"

    def get_queryset(self) -> Any:
        self.form = SearchForm(self.request.GET or None)
        query = self.form.cleaned_data.get("q", "") if self.form.is_valid() else ""
        return selectors.document_list(scope=self.request.scope, query=query)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        issuers = selectors.issuer_list(scope=self.request.scope).filter(
            unit__in=Unit.objects.visible_to(self.request.scope, MANAGE_ROLES)
        )
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "sample_issuers": issuers[:20],
        }


class DocumentDetailView(ScopedDetailView):
    model = IssuedDocument
    permission_required = "orgs.view_issueddocument"
    template_name = "orgs/document_detail.html"

    def get_scoped_queryset(self) -> Any:
        return IssuedDocument.objects.select_related(
            "issuer", "doc_type", "created_by", "issuer__unit"
        )


class DocumentPdfView(ScopedDetailView):
    model = IssuedDocument
    permission_required = "orgs.view_issueddocument"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = self.get_object()
        template, context = document_render_context(document)
        filename = f"{slugify(document.full_number.replace('/', '-'))}.pdf"
        return pdf_response(render_pdf(template, context), filename)


class SamplePdfView(StaffMixin, TemplateView):
    """A draft decision (no number yet) of an issuer the user manages."""

    permission_required = "orgs.view_issueddocument"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from orgs.scoping import get_visible_or_404

        issuer = get_visible_or_404(
            DocumentIssuer.objects.select_related("unit"),
            request.scope,
            pk=kwargs["pk"],
        )
        require_perm(request, "orgs.view_documentissuer", issuer)
        doc_type = get_object_or_404(DocumentType, code="quyet-dinh")
        context = sample_decision_context(
            issuer=issuer, doc_type=doc_type, on=timezone.localdate()
        )
        return pdf_response(
            render_pdf(context["template"], {"doc": context["doc"]}), "van-ban-mau.pdf"
        )


class ParameterListView(StaffMixin, TemplateView):
    permission_required = "orgs.view_parametervalue"
    template_name = "orgs/parameter_list.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_perm(request, self.permission_required)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return {
            **super().get_context_data(**kwargs),
            "today": today,
            "values": selectors.current_parameters(on=today),
            "can_edit": self.request.user.is_staff
            and self.request.user.has_perm("orgs.add_parametervalue"),
            "admin_url": reverse("admin:orgs_parametervalue_changelist"),
        }


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok"})
    except Exception:  # the probe must answer, whatever broke
        return JsonResponse(
            {"status": "error", "detail": _("Không kết nối được cơ sở dữ liệu.")},
            status=503,
        )


class JobDetailView(StaffMixin, TemplateView):
    """Progress of a background job; the page polls its own status until the file is ready."""

    template_name = "orgs/job_detail.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.job = get_object_or_404(BackgroundJob, pk=kwargs["pk"])
        if not request.user.has_perm("orgs.view_backgroundjob", self.job):
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem."))
        if request.htmx:
            self.template_name = "orgs/partials/_job_status.html"
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "job": self.job}


class JobDownloadView(StaffMixin, TemplateView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        job = get_object_or_404(BackgroundJob, pk=kwargs["pk"])
        if not request.user.has_perm("orgs.view_backgroundjob", job) or not job.result:
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem."))
        return FileResponse(
            job.result.open("rb"), as_attachment=True, filename=job.result_name
        )
