"""Session pages: scheduling, the session page with inline attendance and votes
(htmx, saved as you go), agenda, conclusions, tasks, closing and the minutes."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from councils import selectors, services
from councils.forms import (
    AttendanceForm,
    MeetingCloseForm,
    MeetingForm,
    MinutesIssueForm,
    VoteForm,
)
from councils.models import (
    Council,
    Meeting,
)
from councils.views.common import (
    ViewerDetailView,
    ViewerFormView,
    ViewerTransitionView,
)
from orgs.pdf import render_pdf
from orgs.printing import document_render_context
from orgs.views import pdf_response

MEETING_PREFIX = "council__"
ITEM_PREFIX = "meeting__council__"


def meeting_lookup() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("council", "council__owner_unit")


class MeetingCreateView(ViewerFormView):
    permission_required = "councils.add_meeting"
    form_class = MeetingForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Lập phiên họp")
    success_message = gettext_lazy("Đã lập phiên họp và danh sách điểm danh.")

    def lookup_queryset(self) -> QuerySet[Council]:
        return Council.objects.select_related("owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "council": self.object}

    def perform(self, form: MeetingForm) -> Meeting:
        return services.meeting_create(
            council=self.object, actor=self.request.user, **form.service_fields()
        )


class MeetingUpdateView(ViewerFormView):
    permission_required = "councils.change_meeting"
    council_path = MEETING_PREFIX
    form_class = MeetingForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Sửa phiên họp")
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": self.lookup(),
            "council": self.object.council,
        }

    def perform(self, form: MeetingForm) -> Meeting:
        fields = form.service_fields()
        return services.meeting_update(
            meeting=self.object, actor=self.request.user, **fields
        )


def meeting_page_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """Everything the session page and its htmx fragments show."""
    user = request.user
    can_edit = (
        user.has_perm("councils.change_meeting", meeting) and not meeting.is_frozen
    )
    return {
        "meeting": meeting,
        "council": meeting.council,
        "quorum": selectors.meeting_quorum(meeting),
        "can_edit": can_edit,
        "can_issue": user.has_perm("councils.issue_minutes", meeting),
        "attendance_rows": [
            (row, AttendanceForm(instance=row)) for row in meeting.attendances.all()
        ],
        "agenda": [(item, VoteForm(item=item)) for item in meeting.agenda_items.all()],
        "has_votes": any(item.votes.all() for item in meeting.agenda_items.all()),
    }


class MeetingDetailView(ViewerDetailView):
    permission_required = "councils.view_meeting"
    template_name = "councils/meeting_detail.html"

    def get_object(self, queryset: Any = None) -> Meeting:
        meeting = selectors.meeting_detail(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(meeting)
        return meeting

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.get_object()
        if meeting.kind == Meeting.Kind.WRITTEN and hasattr(meeting, "consultation"):
            return HttpResponseRedirect(meeting.consultation.get_absolute_url())
        return render(
            request, self.template_name, meeting_page_context(request, meeting)
        )


class MeetingCloseView(ViewerTransitionView):
    permission_required = "councils.change_meeting"
    council_path = MEETING_PREFIX
    form_class = MeetingCloseForm
    title = gettext_lazy("Kết thúc phiên họp")
    question = gettext_lazy(
        "Ghi thời gian kết thúc phiên họp. Sau đó có thể ban hành biên bản."
    )
    confirm_label = gettext_lazy("Kết thúc phiên họp")
    success_message = gettext_lazy("Đã ghi nhận phiên họp kết thúc.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def perform(self, obj: Meeting, form: MeetingCloseForm) -> Meeting:
        return services.meeting_close(
            meeting=obj, actor=self.request.user, **form.cleaned_data
        )


class MeetingCancelView(ViewerTransitionView):
    permission_required = "councils.change_meeting"
    council_path = MEETING_PREFIX
    title = gettext_lazy("Hủy phiên họp")
    question = gettext_lazy("Hủy phiên họp dự kiến này? Không hoàn tác được.")
    confirm_label = gettext_lazy("Hủy phiên họp")
    danger = True
    success_message = gettext_lazy("Đã hủy phiên họp.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def perform(self, obj: Meeting, form: Any) -> Meeting:
        return services.meeting_cancel(meeting=obj, actor=self.request.user)


class MinutesIssueView(ViewerTransitionView):
    permission_required = "councils.issue_minutes"
    council_path = MEETING_PREFIX
    form_class = MinutesIssueForm
    title = gettext_lazy("Ban hành biên bản")
    question = gettext_lazy(
        "Cấp số biên bản trong sổ văn bản của Hội đồng và khóa nội dung phiên họp. "
        "Biên bản in lại sau này vẫn đúng thành phần dự họp hôm đó."
    )
    confirm_label = gettext_lazy("Cấp số và ban hành")
    success_message = gettext_lazy("Đã ban hành biên bản.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def perform(self, obj: Meeting, form: MinutesIssueForm) -> Meeting:
        services.minutes_issue(
            meeting=obj,
            actor=self.request.user,
            issued_on=form.cleaned_data.get("issued_on"),
        )
        return obj


class MinutesPdfView(ViewerDetailView):
    """The issued minutes from their snapshot, or a draft of the session as it stands."""

    permission_required = "councils.view_meeting"
    council_path = MEETING_PREFIX

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup().select_related("minutes")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.get_object()
        if meeting.minutes is not None:
            template, context = document_render_context(meeting.minutes)
            name = slugify(meeting.minutes.full_number.replace("/", "-"))
        else:
            draft = services.minutes_draft(meeting)
            template, context = draft["template"], {"doc": draft["doc"]}
            name = f"du-thao-bien-ban-{meeting.year}-{meeting.number}"
        return pdf_response(render_pdf(template, context), f"{name}.pdf")
