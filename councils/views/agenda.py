"""The content of a session: attendance and votes saved as you go (htmx), agenda,
conclusions and the tasks they assign."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from councils import selectors, services
from councils.forms import (
    AgendaItemForm,
    AttendanceForm,
    ConclusionForm,
    TaskCompleteForm,
    TaskForm,
    VoteForm,
)
from councils.models import (
    AgendaItem,
    Attendance,
    Conclusion,
    Meeting,
    Task,
    Vote,
)
from councils.views.common import (
    ViewerFormView,
    ViewerPostView,
    ViewerTransitionView,
    is_htmx,
)
from councils.views.meetings import (
    ITEM_PREFIX,
    MEETING_PREFIX,
    meeting_lookup,
    meeting_page_context,
)
from orgs.viewmixins import TransitionView


class AttendanceUpdateView(ViewerFormView):
    """One attendance row, saved on change (htmx) and returned with the quorum."""

    permission_required = "councils.change_attendance"
    council_path = ITEM_PREFIX
    form_class = AttendanceForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Điểm danh")

    def lookup_queryset(self) -> QuerySet[Attendance]:
        return Attendance.objects.select_related(
            "meeting__council__owner_unit", "member__person"
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.lookup()}

    def perform(self, form: AttendanceForm) -> Attendance:
        data = form.cleaned_data
        return services.attendance_mark(
            attendance=self.object,
            actor=self.request.user,
            status=data["status"],
            reason=data.get("reason") or "",
            representative=data.get("representative") or "",
            written_opinion=bool(data.get("written_opinion")),
        )

    def form_valid(self, form: AttendanceForm) -> HttpResponse:
        try:
            self.perform(form)
        except ValidationError as error:
            return self._answer(error.messages)
        return self._answer([])

    def form_invalid(self, form: AttendanceForm) -> HttpResponse:
        return self._answer([str(e) for errors in form.errors.values() for e in errors])

    def _answer(self, errors: list[str]) -> HttpResponse:
        if not is_htmx(self.request):
            for text in errors:
                messages.error(self.request, text)
            return HttpResponseRedirect(self.object.meeting.get_absolute_url())
        meeting = selectors.meeting_detail(
            scope=self.request.scope, pk=self.object.meeting_id
        )
        row = next(r for r in meeting.attendances.all() if r.pk == self.object.pk)
        context = {
            **meeting_page_context(self.request, meeting),
            "row": row,
            "errors": errors,
            "oob": True,
            "form": AttendanceForm(instance=row),
        }
        return render(self.request, "councils/partials/_attendance_row.html", context)


class AttendanceAllPresentView(ViewerPostView):
    permission_required = "councils.change_attendance"
    council_path = MEETING_PREFIX

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def perform(self, meeting: Meeting) -> None:
        count = services.attendance_mark_all_present(
            meeting=meeting, actor=self.request.user
        )
        messages.success(
            self.request, _("Đã điểm danh có mặt %(n)s thành viên.") % {"n": count}
        )


class AgendaCreateView(ViewerFormView):
    permission_required = "councils.add_agendaitem"
    council_path = MEETING_PREFIX
    form_class = AgendaItemForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Thêm nội dung phiên họp")
    success_message = gettext_lazy("Đã thêm nội dung.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def perform(self, form: AgendaItemForm) -> AgendaItem:
        return services.agenda_item_create(
            meeting=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: AgendaItem) -> str:
        return self.object.get_absolute_url()


class AgendaUpdateView(ViewerFormView):
    permission_required = "councils.change_agendaitem"
    council_path = ITEM_PREFIX
    form_class = AgendaItemForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Sửa nội dung phiên họp")
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[AgendaItem]:
        return AgendaItem.objects.select_related("meeting__council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.lookup()}

    def perform(self, form: AgendaItemForm) -> AgendaItem:
        fields = form.service_fields()
        fields["order"] = fields.get("order") or self.object.order
        return services.agenda_item_update(
            item=self.object, actor=self.request.user, **fields
        )

    def get_success_url_for(self, result: AgendaItem) -> str:
        return self.object.meeting.get_absolute_url()


class AgendaDeleteView(ViewerTransitionView):
    permission_required = "councils.delete_agendaitem"
    council_path = ITEM_PREFIX
    title = gettext_lazy("Xóa nội dung phiên họp")
    question = gettext_lazy("Xóa nội dung này khỏi chương trình phiên họp?")
    confirm_label = gettext_lazy("Xóa")
    danger = True
    success_message = gettext_lazy("Đã xóa nội dung.")

    def lookup_queryset(self) -> QuerySet[AgendaItem]:
        return AgendaItem.objects.select_related("meeting__council__owner_unit")

    def get_cancel_url(self) -> str:
        return self.object.meeting.get_absolute_url()

    def perform(self, obj: AgendaItem, form: Any) -> Meeting:
        services.agenda_item_delete(item=obj, actor=self.request.user)
        return obj.meeting


class VoteCreateView(ViewerFormView):
    """Record a vote on an agenda item; htmx swaps the item's block in place."""

    permission_required = "councils.add_vote"
    council_path = ITEM_PREFIX
    form_class = VoteForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Ghi kết quả biểu quyết")

    def lookup_queryset(self) -> QuerySet[AgendaItem]:
        return AgendaItem.objects.select_related("meeting__council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return {**kwargs, "item": self.object}

    def perform(self, form: VoteForm) -> Vote:
        return services.vote_record(
            agenda_item=self.object, actor=self.request.user, **form.service_fields()
        )

    def form_valid(self, form: VoteForm) -> HttpResponse:
        try:
            self.perform(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if not is_htmx(self.request):
            messages.success(self.request, _("Đã ghi kết quả biểu quyết."))
        return self._answer(VoteForm(item=self.object), status=200)

    def form_invalid(self, form: VoteForm) -> HttpResponse:
        if not is_htmx(self.request):
            return super().form_invalid(form)
        return self._answer(form, status=200)

    def _answer(self, form: VoteForm, status: int) -> HttpResponse:
        if not is_htmx(self.request):
            return HttpResponseRedirect(self.object.meeting.get_absolute_url())
        meeting = selectors.meeting_detail(
            scope=self.request.scope, pk=self.object.meeting_id
        )
        context = meeting_page_context(self.request, meeting)
        item = next(i for i in meeting.agenda_items.all() if i.pk == self.object.pk)
        context.update(item=item, vote_form=form)
        return render(
            self.request, "councils/partials/_agenda_item.html", context, status=status
        )


class VoteDeleteView(ViewerTransitionView):
    permission_required = "councils.delete_vote"
    council_path = "agenda_item__meeting__council__"
    title = gettext_lazy("Xóa kết quả biểu quyết")
    question = gettext_lazy(
        "Xóa kết quả biểu quyết này (ví dụ nhập nhầm)? Nhật ký vẫn lưu lại."
    )
    confirm_label = gettext_lazy("Xóa")
    danger = True
    success_message = gettext_lazy("Đã xóa kết quả biểu quyết.")

    def lookup_queryset(self) -> QuerySet[Vote]:
        return Vote.objects.select_related("agenda_item__meeting__council__owner_unit")

    def get_cancel_url(self) -> str:
        return self.object.agenda_item.meeting.get_absolute_url()

    def perform(self, obj: Vote, form: Any) -> Meeting:
        meeting = obj.agenda_item.meeting
        services.vote_delete(vote=obj, actor=self.request.user)
        return meeting


class ConclusionCreateView(ViewerFormView):
    permission_required = "councils.add_conclusion"
    council_path = MEETING_PREFIX
    form_class = ConclusionForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Ghi kết luận")
    success_message = gettext_lazy("Đã ghi kết luận.")

    def lookup_queryset(self) -> QuerySet[Meeting]:
        return meeting_lookup()

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "meeting": self.object}

    def perform(self, form: ConclusionForm) -> Conclusion:
        return services.conclusion_create(
            meeting=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: Conclusion) -> str:
        return self.object.get_absolute_url()


class ConclusionUpdateView(ViewerFormView):
    permission_required = "councils.change_conclusion"
    council_path = ITEM_PREFIX
    form_class = ConclusionForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Sửa kết luận")
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[Conclusion]:
        return Conclusion.objects.select_related("meeting__council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": self.lookup(),
            "meeting": self.object.meeting,
        }

    def perform(self, form: ConclusionForm) -> Conclusion:
        return services.conclusion_update(
            conclusion=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: Conclusion) -> str:
        return self.object.meeting.get_absolute_url()


class TaskCreateView(ViewerFormView):
    permission_required = "councils.add_task"
    council_path = ITEM_PREFIX
    form_class = TaskForm
    template_name = "councils/object_form.html"
    page_title = gettext_lazy("Giao nhiệm vụ")
    success_message = gettext_lazy("Đã giao nhiệm vụ.")

    def lookup_queryset(self) -> QuerySet[Conclusion]:
        return Conclusion.objects.select_related("meeting__council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "meeting": self.object.meeting}

    def perform(self, form: TaskForm) -> Task:
        return services.task_create(
            conclusion=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: Task) -> str:
        return self.object.meeting.get_absolute_url()


class TaskCompleteView(TransitionView):
    """The assignee (member or unit officer) or the secretariat reports a task done."""

    permission_required = "councils.complete_task"
    form_class = TaskCompleteForm
    template_name = "councils/task_complete.html"
    title = gettext_lazy("Báo cáo hoàn thành nhiệm vụ")
    confirm_label = gettext_lazy("Đã hoàn thành")
    success_message = gettext_lazy("Đã ghi nhận hoàn thành nhiệm vụ.")

    def get_object(self, queryset: Any = None) -> Task:
        task = selectors.task_for_viewer_or_404(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(task)
        return task

    def get_cancel_url(self) -> str:
        return reverse("orgs:dashboard")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "task": self.object}

    def perform(self, obj: Task, form: TaskCompleteForm) -> Task:
        return services.task_complete(
            task=obj, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url_for(self, result: Task) -> str:
        return reverse("orgs:dashboard")
