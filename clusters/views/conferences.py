"""Conferences of a year and the cluster's numbered documents."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from clusters import access, forms, selectors
from clusters.models import ClusterDocument, Conference
from clusters.services import conferences, documents
from orgs.pdf import render_pdf

from .common import (
    ClusterFormView,
    ClusterPostView,
    ClusterTransitionView,
    SelectorObjectMixin,
)


class ConferenceCreateView(ClusterFormView):
    permission_required = "clusters.add_conference"
    form_class = forms.ConferenceForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Thêm hội nghị")
    success_message = gettext_lazy("Đã thêm hội nghị.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "cluster_year": self.object}

    def perform(self, form: Any) -> Conference:
        data = form.service_fields()
        return conferences.conference_create(
            cluster_year=self.object,
            kind=data.pop("kind"),
            held_on=data.pop("held_on"),
            actor=self.request.user,
            **data,
        )


class ConferenceDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_conference"
    template_name = "clusters/conference_detail.html"
    fetch = staticmethod(selectors.conference_detail)
    context_object_name = "conference"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        conference = self.object
        year = conference.cluster_year
        leads = access.leads(self.request.scope, year) and conference.is_editable
        return {
            **super().get_context_data(**kwargs),
            "year": year,
            "leads": leads,
            "attendance_rows": [
                (row, forms.AttendanceForm(instance=row, prefix=f"a{row.pk}"))
                for row in conference.attendance.all()
            ],
            "item_form": forms.ConferenceItemForm(cluster_year=year) if leads else None,
            "conclusion_form": forms.ConclusionForm() if leads else None,
            "votes": [
                (item, list(item.votes.all())) for item in conference.items.all()
            ],
        }


class ConferenceUpdateView(ClusterFormView):
    permission_required = "clusters.change_conference"
    form_class = forms.ConferenceForm
    fetch = staticmethod(selectors.conference_detail)
    title = gettext_lazy("Sửa thông tin hội nghị")
    success_message = gettext_lazy("Đã lưu.")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return {
            **kwargs,
            "cluster_year": self.object.cluster_year,
            "instance": Conference.objects.get(pk=self.object.pk),
        }

    def perform(self, form: Any) -> Conference:
        data = form.service_fields()
        data.pop("kind", None)
        return conferences.conference_update(
            conference=self.object, actor=self.request.user, **data
        )


class AttendanceSetView(ClusterPostView):
    """Save one unit's attendance row; htmx swaps the row, without JS the page reloads."""

    permission_required = "clusters.change_conference"

    @staticmethod
    def fetch(*, scope: Any, pk: Any) -> Any:
        return selectors.attendance_detail(scope=scope, pk=pk)

    def check_permission(self, obj: Any = None) -> None:
        from orgs.viewmixins import require_perm

        require_perm(
            self.request, self.permission_required, obj.conference if obj else None
        )

    def get_back_url(self) -> str:
        return self.object.conference.get_absolute_url()

    def perform(self, obj: Any) -> Any:
        form = forms.AttendanceForm(
            self.request.POST, instance=obj, prefix=f"a{obj.pk}"
        )
        if not form.is_valid():
            from django.core.exceptions import ValidationError

            raise ValidationError(
                [str(e) for errors in form.errors.values() for e in errors]
            )
        data = form.cleaned_data
        return conferences.attendance_set(
            attendance=obj, actor=self.request.user, **data
        )

    def respond(self, result: Any) -> HttpResponse:
        if self.request.htmx:
            form = forms.AttendanceForm(instance=result, prefix=f"a{result.pk}")
            return render(
                self.request,
                "clusters/partials/_attendance_row.html",
                {"row": result, "form": form, "leads": True, "saved": True},
            )
        return super().respond(result)


class ConferenceItemAddView(ClusterFormView):
    permission_required = "clusters.change_conference"
    form_class = forms.ConferenceItemForm
    fetch = staticmethod(selectors.conference_detail)
    title = gettext_lazy("Thêm nội dung hội nghị")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return {**kwargs, "cluster_year": self.object.cluster_year}

    def perform(self, form: Any) -> Conference:
        data = dict(form.cleaned_data)
        conferences.conference_item_add(
            conference=self.object,
            actor=self.request.user,
            kind=data.pop("kind"),
            title=data.pop("title"),
            **data,
        )
        return self.object


class ConclusionAddView(ClusterFormView):
    permission_required = "clusters.change_conference"
    form_class = forms.ConclusionForm
    fetch = staticmethod(selectors.conference_detail)
    title = gettext_lazy("Thêm kết luận")

    def perform(self, form: Any) -> Conference:
        conferences.conclusion_add(
            conference=self.object,
            actor=self.request.user,
            text=form.cleaned_data["text"],
        )
        return self.object


class ConferenceHeldView(ClusterTransitionView):
    permission_required = "clusters.change_conference"
    fetch = staticmethod(selectors.conference_detail)
    title = gettext_lazy("Ghi nhận hội nghị đã họp")
    question = gettext_lazy(
        "Xác nhận hội nghị đã diễn ra; sau đó có thể phát hành biên bản."
    )
    success_message = gettext_lazy("Đã ghi nhận.")

    def perform(self, obj: Conference, form: Any) -> Conference:
        return conferences.conference_mark_held(conference=obj, actor=self.request.user)


class MinutesIssueView(ClusterTransitionView):
    permission_required = "clusters.change_conference"
    fetch = staticmethod(selectors.conference_detail)
    form_class = forms.IssueForm
    title = gettext_lazy("Phát hành biên bản hội nghị")
    question = gettext_lazy(
        "Biên bản được cấp số trong sổ văn bản của cụm, khối; sau đó hội nghị không sửa được nữa."
    )
    confirm_label = gettext_lazy("Cấp số và phát hành")
    success_message = gettext_lazy("Đã phát hành biên bản.")

    def get_initial(self) -> dict[str, Any]:
        return {"issued_on": self.object.held_on}

    def perform(self, obj: Conference, form: Any) -> Conference:
        conferences.conference_minutes_issue(
            conference=obj,
            actor=self.request.user,
            issued_on=form.cleaned_data["issued_on"],
        )
        return obj


class MinutesPdfView(SelectorObjectMixin, DetailView):
    """The issued minutes from their snapshot; before issue, a draft from live data."""

    permission_required = "clusters.view_conference"
    fetch = staticmethod(selectors.conference_detail)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        from orgs.views import pdf_response

        conference = self.get_object()
        if conference.minutes_id:
            context = conference.minutes.snapshot
        else:
            context = conferences.minutes_draft(conference)
        content = render_pdf(context["template"], {"doc": context["doc"]})
        return pdf_response(content, f"bien-ban-hoi-nghi-{conference.pk}.pdf")


class DocumentCreateView(ClusterFormView):
    permission_required = "clusters.add_clusterdocument"
    form_class = forms.ClusterDocumentForm
    fetch = staticmethod(selectors.cluster_year_detail)
    title = gettext_lazy("Soạn văn bản của cụm, khối")
    success_message = gettext_lazy("Đã lưu dự thảo.")

    def perform(self, form: Any) -> ClusterDocument:
        return documents.cluster_document_create(
            cluster_year=self.object, actor=self.request.user, **form.cleaned_data
        )


class DocumentIssueView(ClusterTransitionView):
    permission_required = "clusters.issue_clusterdocument"
    fetch = staticmethod(selectors.document_detail)
    form_class = forms.IssueForm
    title = gettext_lazy("Cấp số văn bản")
    question = gettext_lazy(
        "Văn bản được cấp số tiếp theo trong sổ văn bản của cụm, khối."
    )
    confirm_label = gettext_lazy("Cấp số")
    success_message = gettext_lazy("Đã cấp số văn bản.")

    def perform(self, obj: ClusterDocument, form: Any) -> Any:
        document = documents.cluster_document_issue(
            document=obj, actor=self.request.user, **form.cleaned_data
        )
        return document.issued
