"""Django admin of the awards app: the catalogue and the rules are edited here by the
secretariat; everything else is scoped to the user's units and written through
services (transitions are admin actions calling the same services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardAuthority,
    AwardKind,
    AwardKindComponent,
    AwardKindName,
    AwardObject,
    AwardRecord,
    AwardRecordEvent,
    Dossier,
    DossierComponentKind,
    DossierTransition,
    EligibilityOverride,
    EligibilityRule,
    Household,
    Initiative,
    InitiativeAuthor,
    Movement,
    MovementStepRecord,
    Nomination,
    PublicComment,
    PublicConsultation,
    Registration,
    RegistrationEntry,
    ReviewWindow,
    YearlyResult,
)
from awards.resources import AwardRecordResource, YearlyResultResource
from awards.services import dossiers as dossier_services
from awards.services import records as record_services
from orgs.admin import ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin
from orgs.services import audit_record

# Catalogue ---------------------------------------------------------------------------


class AuthorityInline(admin.TabularInline):
    model = AwardAuthority
    extra = 0
    autocomplete_fields = ["legal_basis"]


class ComponentInline(admin.TabularInline):
    model = AwardKindComponent
    extra = 0
    autocomplete_fields = ["component"]


class FormerNameInline(admin.TabularInline):
    model = AwardKindName
    extra = 0


@admin.register(AwardKind)
class AwardKindAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "category",
        "level",
        "for_individuals",
        "for_collectives",
        "for_households",
        "is_active",
    ]
    list_filter = ["category", "level", "group", "is_active"]
    search_fields = ["code", "name", "short_name"]
    list_select_related = ["legal_basis"]
    autocomplete_fields = ["legal_basis"]
    filter_horizontal = ["objects_given"]
    inlines = [AuthorityInline, ComponentInline, FormerNameInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    "name",
                    "short_name",
                    "category",
                    "group",
                    "level",
                    "order",
                    "is_active",
                ]
            },
        ),
        (
            _("Đối tượng"),
            {"fields": ["for_individuals", "for_collectives", "for_households"]},
        ),
        (
            _("Căn cứ, tiêu chuẩn"),
            {"fields": ["article", "legal_basis", "criteria", "source_note"]},
        ),
        (_("Hiện vật, biểu quyết"), {"fields": ["objects_given", "vote_rule_key"]}),
    ]


@admin.register(AwardObject)
class AwardObjectAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    search_fields = ["name", "code"]


@admin.register(DossierComponentKind)
class DossierComponentKindAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "order", "legal_basis"]
    search_fields = ["name", "code"]
    list_select_related = ["legal_basis"]
    autocomplete_fields = ["legal_basis"]


@admin.register(EligibilityRule)
class EligibilityRuleAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "kind",
        "award_kind",
        "valid_from",
        "valid_to",
        "scope_unit",
        "is_active",
    ]
    list_filter = [
        "kind",
        "award_kind",
        "is_active",
        ("valid_to", admin.EmptyFieldListFilter),
    ]
    search_fields = ["code", "name", "note"]
    list_select_related = ["award_kind", "scope_unit"]
    autocomplete_fields = ["award_kind", "legal_basis", "scope_unit"]


# Records of the past ---------------------------------------------------------------------


@admin.register(Household)
class HouseholdAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["head_name", "address", "unit", "members"]
    search_fields = ["head_name", "search_name", "address"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "head"]


@admin.register(YearlyResult)
class YearlyResultAdmin(ScopedAdminMixin, ScopedImportExportMixin, admin.ModelAdmin):
    resource_classes = [YearlyResultResource]
    list_display = [
        "year",
        "person",
        "collective",
        "household",
        "result",
        "unit",
        "source",
    ]
    list_filter = ["year", "result", "source"]
    search_fields = [
        "person__full_name",
        "person__search_name",
        "collective__name",
        "household__head_name",
    ]
    list_select_related = ["person", "collective", "household", "unit"]
    autocomplete_fields = ["person", "collective", "household", "unit"]


class RecordEventInline(admin.TabularInline):
    model = AwardRecordEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "actor", "at", "reason", "data"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AwardRecord)
class AwardRecordAdmin(
    ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin, admin.ModelAdmin
):
    resource_classes = [AwardRecordResource]
    list_display = [
        "year",
        "award_kind",
        "person",
        "collective",
        "household",
        "decision_number",
        "decision_date",
        "status",
        "source",
    ]
    list_filter = ["status", "source", "award_kind", "year"]
    search_fields = [
        "person__full_name",
        "person__search_name",
        "collective__name",
        "household__head_name",
        "decision_number",
    ]
    list_select_related = ["award_kind", "person", "collective", "household"]
    autocomplete_fields = ["award_kind", "person", "collective", "household", "unit"]
    readonly_fields = [
        "status",
        "revoked_on",
        "revocation_reason",
        "revocation_number",
        "nomination",
        "source",
    ]
    inlines = [RecordEventInline]
    date_hierarchy = "decision_date"

    def save_model(
        self, request: HttpRequest, obj: AwardRecord, form: Any, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action="awards.record.changed",
                obj=obj,
                unit=obj.unit,
                data={"after": form.changed_data},
            )
            return
        data = {
            name: form.cleaned_data.get(name)
            for name in (
                "award_kind",
                "year",
                "decision_number",
                "decision_date",
                "issuer",
                "person",
                "collective",
                "household",
                "award_type",
                "note",
            )
        }
        created = self._run(
            request,
            lambda: record_services.award_record_create(actor=request.user, **data),
        )
        if created is not None:
            obj.pk = created.pk


# Initiatives, movements, registrations --------------------------------------------------


class AuthorInline(admin.TabularInline):
    model = InitiativeAuthor
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Initiative)
class InitiativeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "unit",
        "field",
        "status",
        "recognised_scope",
        "recognition_date",
    ]
    list_filter = ["status", "field", "recognised_scope"]
    search_fields = ["title", "authors__full_name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "window", "council"]
    inlines = [AuthorInline]


@admin.register(ReviewWindow)
class ReviewWindowAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["unit", "year", "number", "opens_on", "closes_on", "council"]
    list_filter = ["year"]
    search_fields = ["unit__name", "assessing_body"]
    list_select_related = ["unit", "council"]
    autocomplete_fields = ["unit", "council"]


class StepInline(admin.TabularInline):
    model = MovementStepRecord
    extra = 0
    readonly_fields = ["actor", "created_at"]


@admin.register(Movement)
class MovementAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "launched_by", "kind", "starts_on", "ends_on", "step"]
    list_filter = ["kind", "step"]
    search_fields = ["name", "theme"]
    list_select_related = ["launched_by"]
    autocomplete_fields = ["launched_by", "target_units", "pilot_units"]
    inlines = [StepInline]


class EntryInline(admin.TabularInline):
    model = RegistrationEntry
    extra = 0
    autocomplete_fields = ["person", "collective", "household", "award_kind"]


@admin.register(Registration)
class RegistrationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["unit", "year", "registered_on", "status"]
    list_filter = ["year", "status"]
    search_fields = ["unit__name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    inlines = [EntryInline]


# Dossiers: read here, changed through their workflow ------------------------------------------


class NominationInline(admin.TabularInline):
    model = Nomination
    extra = 0
    can_delete = False
    fields = [
        "order",
        "display_name",
        "position",
        "unit_name",
        "outcome",
        "outcome_reason",
    ]
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TransitionInline(admin.TabularInline):
    model = DossierTransition
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "actor", "at", "reason", "deadline"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Dossier)
class DossierAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = [
        "reference",
        "title",
        "unit",
        "award_kind",
        "year",
        "status",
        "deadline",
        "receiving_unit",
    ]
    list_filter = ["status", "award_kind", "year", "award_type"]
    search_fields = ["title", "unit__name", "submission_number", "decision_number"]
    list_select_related = ["unit", "award_kind", "receiving_unit"]
    readonly_fields = [f.name for f in Dossier._meta.fields if f.name != "id"]
    inlines = [NominationInline, TransitionInline]
    actions = ["start_review"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Tiếp nhận, bắt đầu thẩm định hồ sơ đã chọn"))
    def start_review(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        done = 0
        for dossier in queryset:
            if not request.user.has_perm("awards.process_dossier", dossier):
                continue
            if self._run(
                request,
                lambda d=dossier: dossier_services.dossier_start_review(
                    dossier=d, actor=request.user
                ),
            ):
                done += 1
        self.message_user(
            request,
            _("Đã tiếp nhận %(count)s hồ sơ.") % {"count": done},
            messages.SUCCESS,
        )


@admin.register(EligibilityOverride)
class EligibilityOverrideAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["dossier", "nomination", "rule_code", "actor", "at"]
    search_fields = ["rule_code", "reason"]
    list_select_related = ["dossier", "nomination", "actor"]
    readonly_fields = [
        "dossier",
        "nomination",
        "rule_code",
        "reason",
        "failed_reason",
        "actor",
        "at",
    ]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False


class CommentInline(admin.TabularInline):
    model = PublicComment
    extra = 0
    can_delete = False
    readonly_fields = [
        "author_name",
        "contact",
        "body",
        "received_at",
        "handling",
        "handling_note",
        "handled_by",
        "handled_at",
    ]
    exclude = ["client_hash", "nomination"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PublicConsultation)
class PublicConsultationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["dossier", "opens_on", "closes_on", "working_days"]
    list_select_related = ["dossier"]
    readonly_fields = [
        "dossier",
        "public_id",
        "opens_on",
        "closes_on",
        "working_days",
        "opened_by",
    ]
    inlines = [CommentInline]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False
