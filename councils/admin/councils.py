"""Admin of councils, compositions and members (with spreadsheet import and export)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from councils import services
from councils.models import (
    Composition,
    Council,
    CouncilMember,
)
from councils.resources import CompositionResource, CouncilMemberResource
from orgs.admin import ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin

from .common import ReadOnlyInline, changed_fields

# Councils -------------------------------------------------------------------------


class CouncilAdminForm(forms.ModelForm):
    symbol = forms.CharField(
        label=_("Chữ viết tắt trong ký hiệu văn bản"), max_length=30
    )
    header_parent = forms.CharField(
        label=_("Tên cơ quan chủ quản in trên văn bản"), max_length=255, required=False
    )
    header_name = forms.CharField(
        label=_("Tên hội đồng in trên văn bản"), max_length=255, required=False
    )

    class Meta:
        model = Council
        fields = [
            "code",
            "name",
            "kind",
            "owner_unit",
            "standing_unit",
            "meeting_interval_months",
            "founded_on",
            "dissolved_on",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            issuer = self.instance.issuer
            for name in ("symbol", "header_parent", "header_name"):
                self.initial.setdefault(name, getattr(issuer, name))


class CompositionInline(ReadOnlyInline):
    model = Composition
    fields = ["kind", "decision_number", "decision_date", "valid_from", "valid_to"]
    readonly_fields = fields


@admin.register(Council)
class CouncilAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    form = CouncilAdminForm
    list_display = [
        "name",
        "code",
        "kind",
        "owner_unit",
        "standing_unit",
        "meeting_interval_months",
        "dissolved_on",
    ]
    list_filter = ["kind", ("dissolved_on", admin.EmptyFieldListFilter)]
    search_fields = ["name", "code", "owner_unit__name"]
    list_select_related = ["owner_unit", "standing_unit"]
    autocomplete_fields = ["owner_unit", "standing_unit"]
    inlines = [CompositionInline]

    def save_model(
        self, request: HttpRequest, obj: Council, form: Any, change: bool
    ) -> None:
        if change:
            services.council_update(
                council=obj, actor=request.user, **changed_fields(form)
            )
            return
        data = {k: v for k, v in form.cleaned_data.items() if k != "dissolved_on"}
        created = services.council_create(actor=request.user, **data)
        obj.pk, obj.issuer_id = created.pk, created.issuer_id


# Compositions and members ---------------------------------------------------------


class MemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    fields = [
        "order",
        "person",
        "role",
        "position_title",
        "represented_unit",
        "is_voting",
        "joined_on",
        "left_on",
        "left_note",
    ]
    autocomplete_fields = ["person", "represented_unit"]


@admin.register(Composition)
class CompositionAdmin(
    ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin, admin.ModelAdmin
):
    resource_classes = [CompositionResource]
    list_display = [
        "council",
        "kind",
        "decision_number",
        "decision_date",
        "valid_from",
        "valid_to",
        "member_count",
    ]
    list_filter = ["kind", "council", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = [
        "decision_number",
        "decision_summary",
        "council__name",
        "council__code",
    ]
    list_select_related = ["council"]
    autocomplete_fields = ["council", "decision_document"]
    readonly_fields = ["valid_to"]
    date_hierarchy = "decision_date"
    inlines = [MemberInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Composition]:
        return super().get_queryset(request).annotate(seats=Count("members"))

    @admin.display(description=_("Số thành viên"), ordering="seats")
    def member_count(self, obj: Composition) -> int:
        return obj.seats

    def save_model(
        self, request: HttpRequest, obj: Composition, form: Any, change: bool
    ) -> None:
        if change:
            services.composition_update(
                composition=obj, actor=request.user, **changed_fields(form)
            )
            return
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("valid_to",)}
        council = data.pop("council")
        created = services.composition_create(
            council=council, actor=request.user, copy_members=False, **data
        )
        obj.pk = created.pk

    def save_formset(
        self, request: HttpRequest, form: Any, formset: Any, change: bool
    ) -> None:
        """Seats go through the services: audited, and checked for a second chair."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = (
            [],
            [],
            [],
        )
        for inline in formset.forms:
            if not inline.has_changed():
                continue
            if formset.can_delete and formset._should_delete_form(inline):
                if inline.instance.pk:
                    services.member_remove(member=inline.instance, actor=request.user)
                    formset.deleted_objects.append(inline.instance)
                continue
            data = {
                k: v
                for k, v in inline.cleaned_data.items()
                if k not in ("id", "DELETE", "composition")
            }
            if inline.instance.pk:
                original = CouncilMember.objects.get(pk=inline.instance.pk)
                seat = services.member_update(
                    member=original, actor=request.user, **data
                )
                formset.changed_objects.append((seat, inline.changed_data))
            elif data.get("person"):
                seat = services.member_add(
                    composition=form.instance, actor=request.user, **data
                )
                formset.new_objects.append(seat)


@admin.register(CouncilMember)
class CouncilMemberAdmin(
    ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin, admin.ModelAdmin
):
    resource_classes = [CouncilMemberResource]
    list_display = [
        "person",
        "role",
        "position_title",
        "composition",
        "represented_unit",
        "order",
        "is_voting",
        "left_on",
    ]
    list_filter = [
        "role",
        "is_voting",
        "composition__council",
        ("left_on", admin.EmptyFieldListFilter),
    ]
    search_fields = [
        "person__full_name",
        "person__search_name",
        "position_title",
        "composition__decision_number",
    ]
    list_select_related = [
        "person",
        "composition",
        "composition__council",
        "represented_unit",
    ]
    autocomplete_fields = ["person", "composition", "represented_unit"]

    def save_model(
        self, request: HttpRequest, obj: CouncilMember, form: Any, change: bool
    ) -> None:
        if change:
            original = CouncilMember.objects.get(pk=obj.pk)
            services.member_update(
                member=original, actor=request.user, **changed_fields(form)
            )
            return
        data = dict(form.cleaned_data)
        created = services.member_add(actor=request.user, **data)
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: CouncilMember) -> None:
        services.member_remove(member=obj, actor=request.user)
