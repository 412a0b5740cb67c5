"""The unit's dossier list, the dossier page, creating and editing a dossier, and
the secretariat's queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards import selectors
from awards.forms.dossiers import (
    DossierFilterForm,
    DossierForm,
    PublicConsultationForm,
    UploadForm,
)
from awards.models import Dossier
from awards.services import dossiers as services
from awards.services.catalogue import requires_public_comment
from awards.services.eligibility import eligibility_evaluate
from awards.services.public import OPENABLE, public_consultation_open
from orgs.exports import xlsx_response
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import ScopedDetailView, ScopedFormView, ScopedListView

from .common import is_htmx, require_any
from .transitions import available_actions

S = Dossier.Status


class DossierListView(ScopedListView):
    permission_required = "awards.view_dossier"
    template_name = "awards/dossier_list.html"
    partial_template_name = "awards/partials/_dossier_rows.html"
    queue = False

    def get_queryset(self) -> Any:
        self.form = DossierFilterForm(
            self.request.GET or None, scope=self.request.scope
        )
        select = selectors.dossier_queue if self.queue else selectors.dossier_list
        return select(scope=self.request.scope, filters=self.form.filters())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "queue": self.queue,
            "can_add": self.request.user.has_perm("awards.add_dossier"),
        }


class DossierQueueView(DossierListView):
    permission_required = "awards.process_dossier"
    queue = True


class DossierCreateView(ScopedFormView):
    permission_required = "awards.add_dossier"
    form_class = DossierForm
    template_name = "awards/dossier_form.html"
    success_message = gettext_lazy(
        "Đã tạo hồ sơ. Hãy thêm người được đề nghị và tài liệu."
    )

    def perform(self, form: DossierForm) -> Dossier:
        return services.dossier_create(actor=self.request.user, **form.cleaned_data)


class DossierUpdateView(ScopedFormView):
    permission_required = "awards.change_dossier"
    form_class = DossierForm
    template_name = "awards/dossier_form.html"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_target(self) -> Dossier:
        return get_visible_or_404(
            Dossier.objects.select_related("unit"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "dossier": self.object}

    def get_initial(self) -> dict[str, Any]:
        fields = services.EDITABLE_FIELDS
        return {
            **{name: getattr(self.object, name) for name in fields},
            "version": self.object.version,
        }

    def perform(self, form: DossierForm) -> Dossier:
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.dossier_update(
            dossier=self.object, actor=self.request.user, version=version, **data
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "dossier": self.object}


class DossierDetailView(ScopedDetailView):
    model = Dossier
    permission_required = "awards.view_dossier"
    template_name = "awards/dossier_detail.html"

    def get_object(self, queryset: Any = None) -> Dossier:
        dossier = selectors.dossier_detail(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(dossier)
        return dossier

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        dossier, user = self.object, self.request.user
        query = self.request.GET.get("q", "")[:100]
        page = Paginator(selectors.nominee_page(dossier, query=query), 50).get_page(
            self.request.GET.get("page")
        )
        can_process = user.has_perm("awards.process_dossier", dossier)
        consultation = getattr(dossier, "consultation", None)
        return {
            **super().get_context_data(**kwargs),
            "dossier": dossier,
            "page_obj": page,
            "nominees": page.object_list,
            "query": query,
            "summary": selectors.verdict_summary(dossier),
            "dossier_verdicts": selectors.verdicts_of(dossier, None),
            "last_return": selectors.last_return(dossier),
            "missing": services.missing_components(dossier),
            "actions": available_actions(self.request, dossier),
            "can_edit": dossier.is_editable
            and user.has_perm("awards.change_dossier", dossier),
            "can_process": can_process,
            "can_evaluate": dossier.status in Dossier.PENDING
            and (can_process or user.has_perm("awards.change_dossier", dossier)),
            "upload_form": UploadForm(dossier=dossier),
            "consultation": consultation,
            "can_open_comment": can_process
            and consultation is None
            and dossier.status in OPENABLE,
            "show_reason": bool(dossier.last_reason)
            and dossier.status in {S.WITHDRAWN, S.NOT_APPROVED, S.REVOKED},
            "needs_public_comment": requires_public_comment(
                dossier.award_kind, dossier.decision_day
            ),
            "agenda_entry": dossier.agenda_entries.select_related(
                "agenda_item__meeting"
            )
            .order_by("-pk")
            .first(),
        }


class DossierExportView(ScopedDetailView):
    model = Dossier
    permission_required = "awards.view_dossier"

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        dossier = self.get_object()
        headers = [
            _("STT"),
            _("Họ tên, tên tập thể"),
            _("Năm sinh"),
            _("Chức vụ"),
            _("Đơn vị"),
            _("Lao động trực tiếp"),
            _("Kết quả"),
            _("Lý do"),
        ]
        rows = (
            [
                index,
                n.display_name,
                n.birth_year or "",
                n.position,
                n.unit_name,
                _("Có") if n.is_direct_worker else "",
                n.get_outcome_display(),
                n.outcome_reason,
            ]
            for index, n in enumerate(
                dossier.nominations.order_by("order", "pk"), start=1
            )
        )
        return xlsx_response(
            f"{dossier.reference}.xlsx", headers, rows, title=dossier.title
        )


class DossierEvaluateView(ScopedDetailView):
    """Re-run the eligibility checks now (POST); htmx swaps the verdict summary."""

    model = Dossier
    permission_required = "awards.view_dossier"
    http_method_names = ["post"]

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        dossier = self.get_object()
        require_any(
            request, ("awards.change_dossier", "awards.process_dossier"), dossier
        )
        try:
            summary = eligibility_evaluate(dossier=dossier, actor=request.user)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            return redirect(dossier)
        if is_htmx(request):
            context = {"dossier": dossier, "summary": summary, "fresh": True}
            return render(request, "awards/partials/_verdict_summary.html", context)
        messages.success(request, _("Đã kiểm tra lại các điều kiện xét tặng."))
        return redirect(dossier)


class PublicCommentOpenView(ScopedFormView):
    permission_required = "awards.process_dossier"
    form_class = PublicConsultationForm
    template_name = "awards/public_comment_open.html"
    success_message = gettext_lazy("Đã công khai để lấy ý kiến nhân dân.")

    def get_target(self) -> Dossier:
        return get_visible_or_404(
            Dossier.objects.select_related("unit", "award_kind"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope")
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"opens_on": timezone.localdate(), "summary": self.object.title}

    def perform(self, form: PublicConsultationForm) -> Any:
        public_consultation_open(
            dossier=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "dossier": self.object}
