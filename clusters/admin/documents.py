"""Admin of conferences, cluster documents and pledges."""

from __future__ import annotations

from django.contrib import admin

from clusters.models import (
    ClusterDocument,
    Conference,
    ConferenceAttendance,
    ConferenceConclusion,
    ConferenceItem,
    Pledge,
    PledgeCommitment,
    PledgeSignatory,
)
from orgs.admin import ScopedAdminMixin


class AttendanceInline(admin.TabularInline):
    model = ConferenceAttendance
    fields = [
        "unit",
        "status",
        "representative_name",
        "representative_title",
        "in_presidium",
        "absence_reason",
    ]
    autocomplete_fields = ["unit"]
    extra = 0


class ItemInline(admin.TabularInline):
    model = ConferenceItem
    fields = ["order", "kind", "title", "document", "criteria_set", "outcome", "note"]
    autocomplete_fields = ["document", "criteria_set"]
    extra = 0


class ConclusionInline(admin.TabularInline):
    model = ConferenceConclusion
    extra = 0


@admin.register(Conference)
class ConferenceAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "cluster_year", "held_on", "kind", "status", "minutes"]
    list_filter = ["kind", "status", "held_on"]
    search_fields = ["title", "place", "cluster_year__cluster__name"]
    list_select_related = ["cluster_year__cluster", "minutes"]
    autocomplete_fields = ["cluster_year", "host_unit"]
    readonly_fields = ["minutes", "status"]
    date_hierarchy = "held_on"
    inlines = [AttendanceInline, ItemInline, ConclusionInline]


@admin.register(ClusterDocument)
class ClusterDocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "cluster_year", "kind", "issued"]
    list_filter = ["kind", ("issued", admin.EmptyFieldListFilter)]
    search_fields = ["summary", "issued__symbol", "cluster_year__cluster__name"]
    list_select_related = ["cluster_year__cluster", "issued"]
    autocomplete_fields = ["cluster_year"]
    readonly_fields = ["issued", "created_by"]


class CommitmentInline(admin.TabularInline):
    model = PledgeCommitment
    extra = 0


class SignatoryInline(admin.TabularInline):
    model = PledgeSignatory
    fields = [
        "order",
        "unit",
        "prefix",
        "authority",
        "title",
        "name",
        "role_note",
        "signed_at",
    ]
    autocomplete_fields = ["unit"]
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "cluster_year", "signing_date", "status"]
    list_filter = ["status"]
    search_fields = ["title", "cluster_year__cluster__name"]
    list_select_related = ["cluster_year__cluster"]
    autocomplete_fields = ["cluster_year"]
    readonly_fields = ["status"]
    inlines = [CommitmentInline, SignatoryInline]
