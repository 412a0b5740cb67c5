"""Admin of score cards and their records (read-only), votes and proposals."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from clusters import selectors
from clusters.models import (
    ClusterProposal,
    ConferenceVote,
    Evidence,
    Review,
    ScoreChange,
    ScoreEntry,
    ScoreSheet,
)
from orgs.admin import ScopedAdminMixin

from .common import ReadOnlyAdminMixin, ThroughSheetsMixin


class EntryInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ScoreEntry
    fields = [
        "criterion",
        "self_points",
        "exempt",
        "exempt_reason",
        "comment",
        "explanation",
    ]
    readonly_fields = fields
    extra = 0


@admin.register(ScoreSheet)
class ScoreSheetAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["unit", "cluster_year", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status", "cluster_year__year"]
    search_fields = ["unit__name", "cluster_year__cluster__name"]
    list_select_related = ["unit", "cluster_year__cluster"]
    readonly_fields = [f.name for f in ScoreSheet._meta.fields if f.name != "id"]
    inlines = [EntryInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ScoreSheet]:
        return ScoreSheet.objects.filter(
            pk__in=selectors.sheet_list(scope=request.scope).values("pk")
        ).select_related("unit", "cluster_year__cluster")


@admin.register(ScoreChange)
class ScoreChangeAdmin(
    ThroughSheetsMixin, ScopedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin
):
    list_display = [
        "at",
        "sheet",
        "criterion",
        "field",
        "old_value",
        "new_value",
        "actor",
        "reason",
    ]
    list_filter = ["field", "at"]
    search_fields = [
        "sheet__unit__name",
        "criterion__code",
        "reason",
        "actor__username",
    ]
    list_select_related = [
        "sheet__unit",
        "sheet__cluster_year__cluster",
        "criterion",
        "actor",
    ]
    date_hierarchy = "at"


@admin.register(Review)
class ReviewAdmin(
    ThroughSheetsMixin, ScopedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin
):
    list_display = ["sheet", "reviewer_unit", "status", "completed_at"]
    list_filter = ["status"]
    search_fields = ["sheet__unit__name", "reviewer_unit__name"]
    list_select_related = [
        "sheet__unit",
        "sheet__cluster_year__cluster",
        "reviewer_unit",
    ]


@admin.register(Evidence)
class EvidenceAdmin(
    ThroughSheetsMixin, ScopedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin
):
    sheet_lookup = "entry__sheet"
    list_display = [
        "original_name",
        "entry",
        "content_type",
        "size",
        "uploaded_by",
        "uploaded_at",
    ]
    search_fields = ["original_name", "entry__sheet__unit__name"]
    list_select_related = ["entry__sheet__unit", "entry__criterion", "uploaded_by"]
    exclude = ["file"]


@admin.register(ConferenceVote)
class ConferenceVoteAdmin(ScopedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "question",
        "method",
        "votes_for",
        "votes_against",
        "abstentions",
        "members_total",
        "percentage",
        "passed",
    ]
    list_filter = ["method", "passed"]
    search_fields = ["question"]
    list_select_related = ["item__conference"]


@admin.register(ClusterProposal)
class ClusterProposalAdmin(ScopedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "unit",
        "award_code",
        "cluster_year",
        "rank",
        "final_score",
        "status",
        "confirmed_at",
        "taken_up_ref",
    ]
    list_filter = ["status", "award_code", "cluster_year__year"]
    search_fields = ["unit__name", "cluster_year__cluster__name", "taken_up_ref"]
    list_select_related = ["unit", "cluster_year__cluster"]
