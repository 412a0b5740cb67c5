"""The báo cáo thành tích skeleton of a nominee: edit the text, download PDF or Word."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from awards.models import Nomination
from orgs.pdf import render_pdf
from orgs.viewmixins import PermissionFirstMixin, StaffMixin, require_perm
from orgs.vn import fold
from reports import achievement
from reports.achievement import nominations
from reports.docx import achievement_docx
from reports.forms import AchievementForm

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class AchievementListView(PermissionFirstMixin, ListView):
    template_name = "reports/achievement_list.html"
    permission_required = "reports.view_statistics"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[Nomination]:
        rows = nominations(self.request.scope)  # type: ignore[attr-defined]
        query = self.request.GET.get("q", "").strip()
        if query:
            rows = rows.filter(
                Q(person__search_name__contains=fold(query))
                | Q(display_name__icontains=query)
            )
        return rows

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "q": self.request.GET.get("q", ""),
        }


class AchievementView(StaffMixin, FormView):
    template_name = "reports/achievement.html"
    form_class = AchievementForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        found = (
            nominations(request.scope)  # type: ignore[attr-defined]
            .select_related(
                "person__unit", "collective__parent", "household", "dossier__unit"
            )
            .filter(pk=kwargs["pk"])
            .first()
        )
        if found is None:
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem."))
        require_perm(request, "reports.prepare_achievement_report", found)
        self.nomination = found
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return achievement.initial(self.nomination)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "nomination": self.nomination,
            "history": achievement.award_history(self.nomination),
            "results": achievement.result_history(self.nomination),
        }

    def form_valid(self, form: AchievementForm) -> HttpResponse:
        context = achievement.achievement_context(self.nomination, form.cleaned_data)
        name = (
            slugify(f"bao-cao-thanh-tich-{self.nomination.display_name}") or "bao-cao"
        )
        if form.cleaned_data["output"] == "docx":
            response = HttpResponse(
                achievement_docx(context["doc"]), content_type=DOCX_TYPE
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
            return response
        content = render_pdf(context["template"], context)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
