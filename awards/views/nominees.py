"""Adding nominees (registry search, pasted list, imported file, registrations),
one nominee's verdicts and edits, exclusion at appraisal, overrides, and files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from awards import selectors
from awards.forms.common import ReasonForm
from awards.forms.dossiers import (
    ImportForm,
    NominationForm,
    NomineeSearchForm,
    PasteForm,
    UploadForm,
)
from awards.models import Dossier, DossierFile, EligibilityResult, Nomination
from awards.services import files as file_services
from awards.services import nominations as services
from awards.services.eligibility import eligibility_override
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import StaffMixin, TransitionView, require_perm

from .common import is_htmx, run_service


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


class DossierObjectMixin(StaffMixin):
    """Resolve the dossier of the URL through the scope, then check the permission."""

    permission_required = "awards.change_dossier"

    def dossier(self) -> Dossier:
        dossier = get_visible_or_404(
            Dossier.objects.select_related("unit", "award_kind", "receiving_unit"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )
        self.check_permission(dossier)
        return dossier


class DossierNomineesView(DossierObjectMixin, View):
    """Search the registry and add the ticked people (htmx swaps the workspace)."""

    def get(self, request: Any, pk: int) -> HttpResponse:
        return self.render(self.dossier())

    def post(self, request: Any, pk: int) -> HttpResponse:
        dossier = self.dossier()
        added: list[int] = []
        run_service(
            request,
            lambda: added.append(
                services.nominations_add(
                    dossier=dossier,
                    actor=request.user,
                    person_ids=_ids(request.POST.getlist("person")),
                    collective_ids=_ids(request.POST.getlist("collective")),
                    household_ids=_ids(request.POST.getlist("household")),
                )
            ),
        )
        if added:
            messages.success(
                request, _("Đã thêm %(count)s vào danh sách.") % {"count": added[0]}
            )
        if is_htmx(request):
            return self.render(dossier)
        return redirect(reverse("awards:dossier-nominees", args=[dossier.pk]))

    def render(self, dossier: Dossier) -> HttpResponse:
        form = NomineeSearchForm(self.request.GET or None)
        query = form.cleaned_data.get("q", "") if form.is_valid() else ""
        kind = dossier.award_kind
        context = {
            "dossier": dossier,
            "form": form,
            "query": query,
            "people": selectors.people_to_add(dossier, query)
            if kind.for_individuals
            else [],
            "collectives": selectors.collectives_to_add(dossier, query)
            if kind.for_collectives
            else [],
            "households": selectors.households_to_add(dossier, query)
            if kind.for_households
            else [],
            "nominees": selectors.nominee_page(dossier)[:500],
            "paste_form": PasteForm(),
            "import_form": ImportForm(),
        }
        template = (
            "awards/partials/_nominee_workspace.html"
            if is_htmx(self.request)
            else "awards/dossier_nominees.html"
        )
        return render(self.request, template, context)


class NomineesFromListView(DossierObjectMixin, View):
    """Add a pasted list or an imported file: every line must match one person."""

    form_class: type = PasteForm

    def post(self, request: Any, pk: int) -> HttpResponse:
        dossier = self.dossier()
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        else:
            rows = next(iter(form.cleaned_data.values()))
            added: list[int] = []
            ok = run_service(
                request,
                lambda: added.append(
                    services.nominations_add_from_list(
                        dossier=dossier, actor=request.user, rows=rows
                    )
                ),
            )
            if ok:
                messages.success(
                    request, _("Đã thêm %(count)s vào danh sách.") % {"count": added[0]}
                )
        return redirect(reverse("awards:dossier-nominees", args=[dossier.pk]))


class NomineesImportView(NomineesFromListView):
    form_class = ImportForm


class NomineesFromRegistrationsView(DossierObjectMixin, View):
    def post(self, request: Any, pk: int) -> HttpResponse:
        dossier = self.dossier()
        added: list[int] = []
        if run_service(
            request,
            lambda: added.append(
                services.nominations_from_registrations(
                    dossier=dossier, actor=request.user
                )
            ),
        ):
            messages.success(
                request,
                _("Đã thêm %(count)s người, tập thể từ đăng ký thi đua.")
                % {"count": added[0]},
            )
        return redirect(reverse("awards:dossier-nominees", args=[dossier.pk]))


class NominationMixin(StaffMixin):
    permission_required = "awards.view_dossier"

    def nomination(self) -> Nomination:
        nomination = get_visible_or_404(
            Nomination.objects.select_related(
                "dossier__unit",
                "dossier__receiving_unit",
                "dossier__award_kind",
                "person",
                "collective",
                "household",
            ),
            self.request.scope,
            pk=self.kwargs["pk"],
        )
        self.check_permission(nomination)
        return nomination


class NominationDetailView(NominationMixin, View):
    def get(self, request: Any, pk: int) -> HttpResponse:
        nomination = self.nomination()
        dossier = nomination.dossier
        user = request.user
        context = {
            "nomination": nomination,
            "dossier": dossier,
            "verdicts": selectors.verdicts_of(dossier, nomination),
            "can_edit": dossier.is_editable
            and user.has_perm("awards.change_dossier", dossier),
            "can_process": user.has_perm("awards.process_dossier", dossier)
            and dossier.status == Dossier.Status.UNDER_REVIEW,
            "form": NominationForm(
                nomination=nomination,
                initial={
                    "position": nomination.position,
                    "achievement": nomination.achievement,
                    "initiative": nomination.initiative_id,
                    "version": nomination.version,
                },
            ),
        }
        template = (
            "awards/partials/_nomination_detail.html"
            if is_htmx(request)
            else "awards/nomination_detail.html"
        )
        return render(request, template, context)


class NominationUpdateView(NominationMixin, View):
    permission_required = "awards.change_dossier"

    def post(self, request: Any, pk: int) -> HttpResponse:
        nomination = self.nomination()
        form = NominationForm(request.POST, nomination=nomination)
        if form.is_valid():
            run_service(
                request,
                lambda: services.nomination_update(
                    nomination=nomination, actor=request.user, **form.cleaned_data
                ),
                _("Đã lưu."),
            )
        else:
            messages.error(request, _("Thông tin chưa hợp lệ."))
        return redirect(reverse("awards:nomination-detail", args=[nomination.pk]))


class NominationRemoveView(NominationMixin, View):
    permission_required = "awards.change_dossier"

    def post(self, request: Any, pk: int) -> HttpResponse:
        nomination = self.nomination()
        run_service(
            request,
            lambda: services.nomination_remove(
                nomination=nomination, actor=request.user
            ),
            _("Đã bỏ khỏi danh sách."),
        )
        target = request.POST.get("next") == "nominees"
        name = "awards:dossier-nominees" if target else "awards:dossier-detail"
        return redirect(reverse(name, args=[nomination.dossier_id]))


class NominationExcludeView(TransitionView):
    model = Nomination
    permission_required = "awards.process_dossier"
    form_class = ReasonForm
    title = _("Loại khỏi danh sách đề nghị")
    question = _("Loại người này khỏi danh sách khi thẩm định? Đơn vị sẽ thấy lý do.")
    danger = True

    def get_scoped_queryset(self) -> Any:
        return Nomination.objects.select_related(
            "dossier__unit", "dossier__receiving_unit"
        )

    def get_cancel_url(self) -> str:
        return reverse("awards:nomination-detail", args=[self.object.pk])

    def perform(self, obj: Nomination, form: ReasonForm) -> Any:
        services.nomination_exclude(
            nomination=obj, actor=self.request.user, reason=form.cleaned_data["reason"]
        )
        return obj.dossier


class NominationRestoreView(NominationMixin, View):
    permission_required = "awards.process_dossier"

    def post(self, request: Any, pk: int) -> HttpResponse:
        nomination = self.nomination()
        run_service(
            request,
            lambda: services.nomination_restore(
                nomination=nomination, actor=request.user
            ),
            _("Đã khôi phục vào danh sách."),
        )
        return redirect(reverse("awards:nomination-detail", args=[nomination.pk]))


class EligibilityOverrideView(TransitionView):
    model = EligibilityResult
    permission_required = "awards.override_eligibility"
    form_class = ReasonForm
    title = _("Chấp nhận ngoại lệ")
    question = _(
        "Chấp nhận điều kiện không đạt này? Lý do được lưu cùng người và thời điểm quyết định."
    )

    def get_scoped_queryset(self) -> Any:
        return EligibilityResult.objects.select_related(
            "dossier__unit", "dossier__receiving_unit", "rule", "nomination"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["question"] = _("%(question)s Điều kiện: %(rule)s — %(reason)s") % {
            "question": self.question,
            "rule": self.object.rule.name,
            "reason": self.object.reason,
        }
        return context

    def get_cancel_url(self) -> str:
        if self.object.nomination_id:
            return reverse("awards:nomination-detail", args=[self.object.nomination_id])
        return self.object.dossier.get_absolute_url()

    def perform(self, obj: EligibilityResult, form: ReasonForm) -> Any:
        eligibility_override(
            result=obj, actor=self.request.user, reason=form.cleaned_data["reason"]
        )
        return obj.nomination if obj.nomination_id else obj.dossier

    def get_success_url_for(self, result: Any) -> str:
        if isinstance(result, Nomination):
            return reverse("awards:nomination-detail", args=[result.pk])
        return result.get_absolute_url()


# Files -------------------------------------------------------------------------------


class DossierFileUploadView(DossierObjectMixin, View):
    def post(self, request: Any, pk: int) -> HttpResponse:
        dossier = self.dossier()
        form = UploadForm(request.POST, request.FILES, dossier=dossier)
        if form.is_valid():
            run_service(
                request,
                lambda: file_services.dossier_file_upload(
                    dossier=dossier,
                    actor=request.user,
                    uploaded=form.cleaned_data["file"],
                    item=form.cleaned_data["item"],
                ),
                _("Đã tải tệp lên."),
            )
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(f"{dossier.get_absolute_url()}#files")


class FileMixin(StaffMixin):
    def file(self) -> DossierFile:
        item = get_visible_or_404(
            DossierFile.objects.select_related(
                "dossier__unit", "dossier__receiving_unit"
            ),
            self.request.scope,
            pk=self.kwargs["pk"],
        )
        require_perm(self.request, self.permission_required, item.dossier)
        return item


class DossierFileView(FileMixin, View):
    """Serve a file only to people who see its dossier; never from a public URL."""

    permission_required = "awards.view_dossier"

    def get(self, request: Any, pk: int) -> HttpResponse:
        item = self.file()
        try:
            handle = item.file.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404(_("Tệp không còn trên máy chủ.")) from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=item.original_name,
            content_type=item.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class DossierFileRemoveView(FileMixin, View):
    permission_required = "awards.change_dossier"

    def post(self, request: Any, pk: int) -> HttpResponse:
        item = self.file()
        dossier_url = item.dossier.get_absolute_url()
        run_service(
            request,
            lambda: file_services.dossier_file_remove(file=item, actor=request.user),
            _("Đã xóa tệp."),
        )
        return redirect(f"{dossier_url}#files")
