"""Admin of sessions and what they hold: attendance, agenda, votes, conclusions, tasks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils import services
from councils.models import (
    AgendaItem,
    Attendance,
    Conclusion,
    Meeting,
    Task,
    Vote,
)
from orgs.admin import ScopedAdminMixin, ServiceErrorMixin

from .common import ReadOnlyAdmin, ReadOnlyInline, changed_fields

# Sessions -------------------------------------------------------------------------


class AgendaInline(ReadOnlyInline):
    model = AgendaItem
    fields = ["order", "title", "presenter"]
    readonly_fields = fields


class AttendanceInline(ReadOnlyInline):
    model = Attendance
    fields = ["member", "status", "reason", "representative", "written_opinion"]
    readonly_fields = fields


class ConclusionInline(ReadOnlyInline):
    model = Conclusion
    fields = ["order", "text"]
    readonly_fields = fields


@admin.register(Meeting)
class MeetingAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = ["title", "council", "kind", "status", "starts_at", "minutes"]
    list_filter = ["kind", "status", "year", "council"]
    search_fields = ["subject", "place", "council__name"]
    list_select_related = ["council", "minutes", "minutes__issuer"]
    autocomplete_fields = ["council", "chair", "secretary"]
    date_hierarchy = "starts_at"
    readonly_fields = ["year", "number", "status", "minutes"]
    inlines = [AgendaInline, AttendanceInline, ConclusionInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not (
            obj and obj.is_frozen
        )

    def save_model(
        self, request: HttpRequest, obj: Meeting, form: Any, change: bool
    ) -> None:
        if change:
            original = Meeting.objects.get(pk=obj.pk)
            services.meeting_update(
                meeting=original, actor=request.user, **changed_fields(form)
            )
            return
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in (*self.readonly_fields, "ends_at")
        }
        obj.pk = services.meeting_create(actor=request.user, **data).pk


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = [
        "meeting",
        "member",
        "status",
        "reason",
        "representative",
        "written_opinion",
    ]
    list_filter = ["status", "written_opinion", "meeting__council"]
    search_fields = ["member__person__full_name", "reason"]
    list_select_related = ["meeting", "meeting__council", "member", "member__person"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "meeting", "order", "presenter"]
    list_filter = ["meeting__council"]
    search_fields = ["title", "documents", "discussion"]
    list_select_related = ["meeting", "meeting__council"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = [
        "question",
        "agenda_item",
        "method",
        "votes_for",
        "votes_against",
        "abstentions",
        "base_size",
        "percentage",
        "passed",
    ]
    list_filter = [
        "method",
        "passed",
        "base_kind",
        "rule_key",
        "agenda_item__meeting__council",
    ]
    search_fields = ["question", "legal_basis"]
    list_select_related = [
        "agenda_item",
        "agenda_item__meeting",
        "agenda_item__meeting__council",
    ]
    date_hierarchy = "recorded_at"


class TaskInline(ReadOnlyInline):
    model = Task
    fields = ["description", "assignee_member", "assignee_unit", "due_on", "status"]
    readonly_fields = fields


@admin.register(Conclusion)
class ConclusionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "meeting", "order"]
    list_filter = ["meeting__council"]
    search_fields = ["text"]
    list_select_related = ["meeting", "meeting__council"]
    inlines = [TaskInline]


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = [
        "description",
        "assignee_member",
        "assignee_unit",
        "due_on",
        "status",
        "overdue",
    ]
    list_filter = ["status", "due_on", "conclusion__meeting__council"]
    search_fields = [
        "description",
        "coordinating",
        "assignee_unit__name",
        "assignee_member__person__full_name",
    ]
    list_select_related = [
        "assignee_member",
        "assignee_member__person",
        "assignee_unit",
        "conclusion",
        "conclusion__meeting",
    ]
    autocomplete_fields = ["assignee_unit"]
    actions = ["mark_done"]

    @admin.display(description=_("Quá hạn"), boolean=True)
    def overdue(self, obj: Task) -> bool:
        return obj.is_overdue()

    @admin.action(description=_("Đánh dấu đã hoàn thành (hôm nay)"))
    def mark_done(self, request: HttpRequest, queryset: QuerySet[Task]) -> None:
        done = 0
        for task in queryset.filter(status=Task.Status.OPEN):
            if request.user.has_perm("councils.complete_task", task):
                self._run(
                    request,
                    lambda t=task: services.task_complete(
                        task=t, actor=request.user, done_on=timezone.localdate()
                    ),
                )
                done += 1
        self.message_user(
            request,
            _("Đã đánh dấu hoàn thành %(n)s nhiệm vụ.") % {"n": done},
            messages.SUCCESS,
        )
