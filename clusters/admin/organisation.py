"""Admin of clusters, years, members, rotation and followers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import (
    Cluster,
    ClusterFollower,
    ClusterMembership,
    ClusterYear,
    RotationDeputy,
    RotationProposal,
)
from clusters.resources import MembershipResource
from clusters.services import organisation, rotation
from orgs.admin import ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin
from orgs.services import audit_record


class ClusterCreateForm(forms.ModelForm):
    symbol = forms.CharField(
        label=_("Ký hiệu văn bản của cụm, khối"),
        max_length=30,
        help_text=_("Ví dụ: CTĐ7 (văn bản số 972/KH-CTĐ7)."),
    )

    class Meta:
        model = Cluster
        fields = [
            "authority",
            "council",
            "kind",
            "number",
            "name",
            "short_name",
            "valid_from",
            "valid_to",
            "flag_quota",
            "merit_quota_ratio",
            "note",
        ]


class ClusterYearInline(admin.TabularInline):
    model = ClusterYear
    fields = ["year", "theme", "review_mode", "ranking_published_at"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Cluster)
class ClusterAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "number", "symbol", "authority", "valid_to"]
    list_filter = ["kind", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "short_name", "issuer__symbol", "authority__name"]
    list_select_related = ["authority", "issuer"]
    autocomplete_fields = ["authority", "council"]
    inlines = [ClusterYearInline]

    @admin.display(description=_("Ký hiệu"))
    def symbol(self, obj: Cluster) -> str:
        return obj.issuer.symbol

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = ClusterCreateForm
        return super().get_form(request, obj, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Cluster, form: Any, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action="clusters.cluster.changed",
                obj=obj,
                unit=obj.authority,
                data={"after": form.cleaned_data},
            )
            return
        data = dict(form.cleaned_data)
        created = organisation.cluster_create(actor=request.user, **data)
        obj.pk, obj.issuer = created.pk, created.issuer


class MembershipInline(admin.TabularInline):
    model = ClusterMembership
    fields = [
        "order",
        "unit",
        "role",
        "deputy_rank",
        "representative_title",
        "representative_name",
    ]
    autocomplete_fields = ["unit"]
    extra = 0


class FollowerInline(admin.TabularInline):
    model = ClusterFollower
    fields = ["council_member", "assigned_on", "note"]
    autocomplete_fields = ["council_member"]
    extra = 0


@admin.register(ClusterYear)
class ClusterYearAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = [
        "cluster",
        "year",
        "theme",
        "review_mode",
        "normalise",
        "self_deadline",
        "ranking_published_at",
    ]
    list_filter = [
        "year",
        "review_mode",
        "cluster__kind",
        ("ranking_published_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["cluster__name", "theme"]
    list_select_related = ["cluster"]
    autocomplete_fields = ["cluster", "criteria_set", "review_team"]
    readonly_fields = [
        "scoring_started_at",
        "ranking_published_at",
        "ranking_published_by",
    ]
    inlines = [MembershipInline, FollowerInline]
    actions = ["roll_into_next_year"]

    def save_model(
        self, request: HttpRequest, obj: ClusterYear, form: Any, change: bool
    ) -> None:
        if change:
            fields = {
                name: form.cleaned_data[name]
                for name in form.changed_data
                if name in organisation.SETTINGS_FIELDS
            }
            if fields:
                organisation.cluster_year_update(
                    cluster_year=obj, actor=request.user, **fields
                )
            return
        created = organisation.cluster_year_create(
            cluster=obj.cluster, year=obj.year, theme=obj.theme, actor=request.user
        )
        obj.pk = created.pk

    def save_formset(
        self, request: HttpRequest, form: Any, formset: Any, change: bool
    ) -> None:
        """Members and followers edited inline: one audit entry per added, changed, removed row."""
        formset.save(commit=False)
        name = "membership" if formset.model is ClusterMembership else "follower"
        for obj in formset.deleted_objects:
            audit_record(
                actor=request.user,
                action=f"clusters.{name}.removed",
                obj=obj,
                unit=getattr(obj, "unit", None),
            )
            obj.delete()
        for obj in formset.new_objects:
            obj.save()
            audit_record(
                actor=request.user,
                action=f"clusters.{name}.added",
                obj=obj,
                unit=getattr(obj, "unit", None),
            )
        for obj, fields in formset.changed_objects:
            obj.save()
            audit_record(
                actor=request.user,
                action=f"clusters.{name}.changed",
                obj=obj,
                unit=getattr(obj, "unit", None),
                data={"changed": fields},
            )
        formset.save_m2m()

    @admin.action(description=_("Chuyển sang năm sau (áp dụng luân phiên đã xác nhận)"))
    def roll_into_next_year(
        self, request: HttpRequest, queryset: QuerySet[ClusterYear]
    ) -> None:
        for year in queryset:
            result = self._run(
                request,
                lambda y=year: rotation.cluster_year_roll(
                    cluster_year=y, actor=request.user
                ),
            )
            if result is not None:
                self.message_user(
                    request,
                    _("Đã mở %(year)s.") % {"year": result.year},
                    messages.SUCCESS,
                )


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(
    ScopedAdminMixin, ScopedImportExportMixin, admin.ModelAdmin
):
    resource_classes = [MembershipResource]
    list_display = [
        "unit",
        "cluster_year",
        "role",
        "deputy_rank",
        "representative_name",
    ]
    list_filter = ["role", "cluster_year__year", "cluster_year__cluster"]
    search_fields = [
        "unit__name",
        "unit__code",
        "cluster_year__cluster__name",
        "representative_name",
    ]
    list_select_related = ["unit", "cluster_year__cluster"]
    autocomplete_fields = ["unit", "cluster_year"]

    def save_model(
        self, request: HttpRequest, obj: ClusterMembership, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="clusters.membership.saved",
            obj=obj,
            unit=obj.unit,
            data={"changed": form.changed_data},
        )


class RotationDeputyInline(admin.TabularInline):
    model = RotationDeputy
    autocomplete_fields = ["unit"]
    extra = 0


@admin.register(RotationProposal)
class RotationProposalAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = [
        "cluster_year",
        "target_year",
        "head",
        "status",
        "decided_on",
        "decision_ref",
    ]
    list_filter = ["status", "target_year"]
    search_fields = ["cluster_year__cluster__name", "head__name", "decision_ref"]
    list_select_related = ["cluster_year__cluster", "head"]
    autocomplete_fields = ["cluster_year", "head"]
    readonly_fields = ["status", "proposed_by", "decided_by", "decided_on"]
    inlines = [RotationDeputyInline]
    actions = ["confirm_today"]

    @admin.action(description=_("Xác nhận các đề xuất đã chọn (ngày hôm nay)"))
    def confirm_today(
        self, request: HttpRequest, queryset: QuerySet[RotationProposal]
    ) -> None:
        for proposal in queryset:
            self._run(
                request,
                lambda p=proposal: rotation.rotation_confirm(
                    proposal=p, actor=request.user, decided_on=timezone.localdate()
                ),
            )


@admin.register(ClusterFollower)
class ClusterFollowerAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["council_member", "cluster_year", "assigned_on"]
    search_fields = ["council_member__person__full_name", "cluster_year__cluster__name"]
    list_select_related = ["council_member__person", "cluster_year__cluster"]
    autocomplete_fields = ["cluster_year", "council_member"]
