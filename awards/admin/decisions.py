"""Admin of part II: decisions and their annex, certificates, the fund ledger, the
council review and monthly recognition. Everything is scoped to the user's units;
issued decisions, certificates and ledger rows are read-only history (they are
written only by the services, from the staff pages)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AgendaEntry,
    Certificate,
    CouncilResultSheet,
    Decision,
    DecisionLine,
    Fund,
    FundEntry,
    MonthlyEntry,
    MonthlyList,
    MonthlyProposal,
    NominationVote,
)
from awards.services import decision_drafts
from orgs.admin import ScopedAdminMixin, ServiceErrorMixin


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class LineInline(ReadOnlyInline):
    model = DecisionLine
    fields = ["order", "display_name", "position", "unit_name", "multiplier", "amount"]
    readonly_fields = fields
    show_change_link = False
    max_num = 0


@admin.register(Decision)
class DecisionAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = [
        "number",
        "decision_date",
        "kind",
        "status",
        "award_kind",
        "unit",
        "total_amount",
    ]
    list_filter = ["status", "kind", "award_kind", "award_type", "decision_date"]
    search_fields = ["number", "summary", "lines__search_name"]
    list_select_related = ["unit", "award_kind"]
    autocomplete_fields = ["unit", "award_kind", "cited", "fund"]
    date_hierarchy = "decision_date"
    inlines = [LineInline]
    actions = ["discard_drafts"]
    readonly_fields = [
        "kind",
        "status",
        "number",
        "document",
        "issued_at",
        "issued_by",
        "base_salary",
        "total_amount",
        "fund",
        "created_by",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Decision]:
        return super().get_queryset(request).distinct()

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False  # drafted from dossiers or monthly lists, on the staff pages

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_issued:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Decision, form: Any, change: bool
    ) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        fields = {k: v for k, v in changes.items() if k in decision_drafts.DRAFT_FIELDS}
        self._run(
            request,
            lambda: decision_drafts.decision_update(
                decision=Decision.objects.get(pk=obj.pk), actor=request.user, **fields
            ),
        )

    @admin.action(description=_("Hủy các dự thảo đã chọn"))
    def discard_drafts(
        self, request: HttpRequest, queryset: QuerySet[Decision]
    ) -> None:
        done = 0
        for decision in queryset.filter(status=Decision.Status.DRAFT):
            if self._run(
                request,
                lambda d=decision: (
                    decision_drafts.decision_discard(decision=d, actor=request.user)
                    or True
                ),
            ):
                done += 1
        self.message_user(
            request, _("Đã hủy %(n)s dự thảo.") % {"n": done}, messages.SUCCESS
        )


class ReadOnlyAdmin(ScopedAdminMixin, admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["printed_code", "decision", "line", "unit", "created_at"]
    search_fields = ["code", "line__search_name", "decision__number"]
    list_select_related = ["decision", "line", "unit"]
    list_filter = ["decision__award_kind"]


class EntryInline(ReadOnlyInline):
    model = FundEntry
    fields = ["entry_date", "kind", "decision", "amount", "note"]
    readonly_fields = fields
    max_num = 0


@admin.register(Fund)
class FundAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["unit", "year", "budget"]
    list_filter = ["year"]
    search_fields = ["unit__name", "unit__search_name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    inlines = [EntryInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(FundEntry)
class FundEntryAdmin(ReadOnlyAdmin):
    list_display = ["entry_date", "fund", "kind", "decision", "amount"]
    list_filter = ["kind", "fund__year"]
    search_fields = ["decision__number", "note", "fund__unit__name"]
    list_select_related = ["fund__unit", "decision"]


class VoteInline(ReadOnlyInline):
    model = NominationVote
    fields = ["nomination", "vote", "excluded_reason"]
    readonly_fields = fields
    max_num = 0


@admin.register(AgendaEntry)
class AgendaEntryAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "agenda_item", "mode", "is_active", "concluded_at"]
    list_filter = ["mode", "is_active"]
    search_fields = ["dossier__title", "agenda_item__title"]
    list_select_related = ["dossier", "agenda_item__meeting"]
    inlines = [VoteInline]


@admin.register(CouncilResultSheet)
class CouncilResultSheetAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "minutes", "created_at"]
    list_select_related = ["meeting__council", "minutes"]
    search_fields = ["meeting__council__name"]


class MonthlyEntryInline(admin.TabularInline):
    model = MonthlyEntry
    extra = 0
    fields = ["person", "category", "deed", "outcome", "outcome_reason"]
    autocomplete_fields = ["person"]


@admin.register(MonthlyProposal)
class MonthlyProposalAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["unit", "organisation", "year", "month", "status", "submitted_at"]
    list_filter = ["status", "year", "month"]
    search_fields = ["unit__name", "organisation__name", "entries__display_name"]
    list_select_related = ["unit", "organisation"]
    autocomplete_fields = ["unit", "organisation"]
    readonly_fields = ["status", "submitted_at", "submitted_by"]
    inlines = [MonthlyEntryInline]


@admin.register(MonthlyList)
class MonthlyListAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "year", "month", "award_kind", "status", "decision"]
    list_filter = ["status", "year"]
    search_fields = ["organisation__name"]
    list_select_related = ["organisation", "award_kind", "decision"]
    autocomplete_fields = ["organisation", "award_kind"]
    readonly_fields = ["status", "decision"]
