"""One criterion of a card: evidence files, exemption, its history."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, View

from clusters import forms, selectors
from clusters.services import reviews, scoring
from orgs.viewmixins import StaffMixin, require_perm

from .common import (
    ClusterPostView,
    SelectorObjectMixin,
)

FIELD = re.compile(r"^(p|c|e)-(\d+)$")
REVIEW_FIELD = re.compile(r"^(r|rr)-(\d+)-(\d+)$")


class EntryDetailView(SelectorObjectMixin, DetailView):
    """One criterion of a card: evidence, explanation, exemption and its history."""

    permission_required = "clusters.view_scoresheet"
    template_name = "clusters/entry_detail.html"
    fetch = staticmethod(selectors.entry_detail)
    context_object_name = "entry"

    def check_permission(self, obj: Any = None) -> None:
        require_perm(self.request, self.permission_required, obj.sheet if obj else None)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        entry, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "sheet": entry.sheet,
            "history": selectors.criterion_history(entry),
            "can_upload": entry.sheet.status == "draft"
            and user.has_perm("clusters.selfscore_scoresheet", entry.sheet),
            "can_exempt": entry.sheet.status != "locked"
            and user.has_perm("clusters.exempt_scoresheet", entry.sheet),
            "evidence_form": forms.EvidenceForm(),
            "exemption_form": forms.ExemptionForm(
                initial={"exempt": entry.exempt, "reason": entry.exempt_reason}
            ),
        }


class _EntryAction(ClusterPostView):
    fetch = staticmethod(selectors.entry_detail)

    def check_permission(self, obj: Any = None) -> None:
        require_perm(self.request, self.permission_required, obj.sheet if obj else None)

    def get_back_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:entry-detail", args=[self.object.pk])


class EvidenceUploadView(_EntryAction):
    permission_required = "clusters.selfscore_scoresheet"
    success_message = gettext_lazy("Đã tải lên tài liệu kiểm chứng.")

    def perform(self, obj: Any) -> Any:
        form = forms.EvidenceForm(self.request.POST, self.request.FILES)
        if not form.is_valid():
            raise ValidationError(_("Hãy chọn tệp để tải lên."))
        upload = form.cleaned_data["file"]
        return scoring.evidence_add(
            entry=obj,
            upload=upload,
            name=upload.name,
            size=upload.size,
            actor=self.request.user,
        )


class ExemptionView(_EntryAction):
    permission_required = "clusters.exempt_scoresheet"
    success_message = gettext_lazy("Đã cập nhật.")

    def perform(self, obj: Any) -> Any:
        form = forms.ExemptionForm(self.request.POST)
        form.is_valid()
        return reviews.exemption_set(
            entry=obj,
            actor=self.request.user,
            exempt=form.cleaned_data.get("exempt", False),
            reason=form.cleaned_data.get("reason", ""),
        )


class EvidenceDownloadView(StaffMixin, View):
    """Evidence is served only to those who may read the card, never from a public URL."""

    def get(self, request: Any, pk: int) -> HttpResponse:
        from django.http import FileResponse

        evidence = selectors.evidence_detail(scope=request.scope, pk=pk)
        require_perm(request, "clusters.view_scoresheet", evidence.entry.sheet)
        response = FileResponse(
            evidence.file.open("rb"),
            content_type=evidence.content_type,
            as_attachment=True,
            filename=evidence.original_name,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class EvidenceDeleteView(ClusterPostView):
    permission_required = "clusters.selfscore_scoresheet"
    fetch = staticmethod(selectors.evidence_detail)
    success_message = gettext_lazy("Đã xóa tài liệu.")

    def check_permission(self, obj: Any = None) -> None:
        require_perm(
            self.request, self.permission_required, obj.entry.sheet if obj else None
        )

    def get_back_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:entry-detail", args=[self.object.entry_id])

    def perform(self, obj: Any) -> None:
        scoring.evidence_remove(evidence=obj, actor=self.request.user)
