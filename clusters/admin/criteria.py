"""Admin of criteria sets."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from clusters import criteria_io, selectors
from clusters.models import (
    CriteriaSet,
    Criterion,
)
from orgs.admin import ScopedAdminMixin
from orgs.exports import xlsx_response
from orgs.services import audit_record


class CriterionInline(admin.TabularInline):
    model = Criterion
    fk_name = "criteria_set"
    fields = [
        "order",
        "code",
        "parent",
        "title",
        "max_points",
        "kind",
        "evidence_required",
    ]
    raw_id_fields = ["parent"]
    extra = 0


@admin.register(CriteriaSet)
class CriteriaSetAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "year", "owner", "parent", "status"]
    list_filter = ["status", "year"]
    search_fields = ["name"]
    list_select_related = ["owner_unit", "owner_cluster", "owner_council", "parent"]
    autocomplete_fields = ["owner_unit", "owner_cluster", "owner_council", "parent"]
    readonly_fields = ["status", "frozen_at", "version", "change_summary"]
    inlines = [CriterionInline]
    actions = ["export_xlsx"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not (
            obj and obj.is_frozen
        )

    def save_model(
        self, request: HttpRequest, obj: CriteriaSet, form: Any, change: bool
    ) -> None:
        obj.scope_unit = obj.owner_unit or (
            obj.owner_cluster.authority
            if obj.owner_cluster
            else obj.owner_council.owner_unit
        )
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="clusters.criteria_set.saved",
            obj=obj,
            unit=obj.scope_unit,
            data={"changed": form.changed_data},
        )

    @admin.action(description=_("Xuất Excel bộ tiêu chí đã chọn (một bộ)"))
    def export_xlsx(
        self, request: HttpRequest, queryset: QuerySet[CriteriaSet]
    ) -> HttpResponse | None:
        criteria_set = queryset.first()
        if criteria_set is None:
            return None
        return xlsx_response(
            f"bo-tieu-chi-{criteria_set.pk}.xlsx",
            criteria_io.HEADERS,
            criteria_io.export_rows(criteria_set),
            title=str(criteria_set),
        )


@admin.register(Criterion)
class CriterionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "title", "criteria_set", "max_points", "kind"]
    list_filter = ["kind", "criteria_set__year"]
    search_fields = ["code", "title", "criteria_set__name"]
    list_select_related = ["criteria_set"]
    raw_id_fields = ["parent", "origin", "criteria_set"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Criterion]:
        return (
            super()
            .get_queryset(request)
            .filter(criteria_set__in=selectors.criteria_set_list(scope=request.scope))
        )
