"""Admin of written consultations and the answers received."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from councils.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationDocument,
    Council,
)

from .common import ReadOnlyAdmin, ReadOnlyInline

# Written consultations ------------------------------------------------------------


class DocumentInline(ReadOnlyInline):
    model = ConsultationDocument
    fields = ["title", "content_type", "size"]
    readonly_fields = fields


class AnswerInline(ReadOnlyInline):
    model = ConsultationAnswer
    fields = ["member", "choice", "comment", "answered_at", "answered_by"]
    readonly_fields = fields


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = [
        "question",
        "council",
        "status",
        "deadline",
        "answer_count",
        "report",
    ]
    list_filter = ["status", "meeting__council"]
    search_fields = ["question", "details"]
    list_select_related = ["meeting", "meeting__council", "report", "report__issuer"]
    date_hierarchy = "deadline"
    inlines = [DocumentInline, AnswerInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Consultation]:
        return super().get_queryset(request).annotate(answers_n=Count("answers"))

    @admin.display(description=_("Hội đồng"), ordering="meeting__council__name")
    def council(self, obj: Consultation) -> Council:
        return obj.meeting.council

    @admin.display(description=_("Số ý kiến"), ordering="answers_n")
    def answer_count(self, obj: Consultation) -> int:
        return obj.answers_n


@admin.register(ConsultationAnswer)
class ConsultationAnswerAdmin(ReadOnlyAdmin):
    list_display = ["member", "consultation", "choice", "answered_at", "answered_by"]
    list_filter = ["choice", "consultation__meeting__council"]
    search_fields = ["member__person__full_name", "comment"]
    list_select_related = ["member", "member__person", "consultation", "answered_by"]
