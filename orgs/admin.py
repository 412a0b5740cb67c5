"""Django admin for the secretariat: scoped to its subtree, writing through services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms.models import _get_foreign_key
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from orgs import services
from orgs.auditing import AuditTrail
from orgs.models import (
    AuditEntry,
    DocumentIssuer,
    DocumentType,
    IssuedDocument,
    LegalDocument,
    LegalParameter,
    ParameterValue,
    Person,
    PublicHoliday,
    RoleAssignment,
    Unit,
    UnitSuccession,
)
from orgs.resources import FORMATS, PersonResource, UnitResource
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES

admin.site.site_header = _("Quản trị thi đua, khen thưởng")
admin.site.site_title = _("Quản trị TĐKT")
admin.site.index_title = _("Bộ phận thường trực")


class AuditedAdminMixin:
    """Audit every admin write (who, what, when, before and after).

    A ``save_model`` or ``delete_model`` that calls a service is audited by the
    service; anything else the admin writes — a plain ``save()``, an inline row, a
    delete or a bulk "delete selected" — gets an entry from ``orgs.auditing``. The
    hooks sit on the views, so a subclass overriding ``save_model`` stays covered.
    """

    def _audited_objects(self, request: HttpRequest, obj: Any) -> list[Any]:
        """The object and the rows of its inlines."""
        found = [obj]
        if obj is None or obj.pk is None:
            return []
        for inline in self.get_inline_instances(request, obj):  # type: ignore[attr-defined]
            try:
                fk = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
            except ValueError:  # not a foreign-key inline
                continue
            found += list(inline.model._base_manager.filter(**{fk.name: obj}))
        return found

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST":
            trail = AuditTrail(actor=request.user, via="admin")
            if object_id:
                obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
                trail.watch(self._audited_objects(request, obj))
            request._audit_trail = trail  # type: ignore[attr-defined]
        return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def save_related(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        trail = getattr(request, "_audit_trail", None)
        if trail is not None:
            trail.finish(self._audited_objects(request, form.instance))

    def delete_view(
        self,
        request: HttpRequest,
        object_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method != "POST":
            return super().delete_view(request, object_id, extra_context)  # type: ignore[misc]
        trail = AuditTrail(actor=request.user, via="admin")
        obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
        trail.watch(self._audited_objects(request, obj))
        try:
            with transaction.atomic():
                response = super().delete_view(request, object_id, extra_context)  # type: ignore[misc]
                trail.finish()
        except ValidationError as error:  # a service refused: say why, change nothing
            self.message_user(request, "; ".join(error.messages), messages.ERROR)  # type: ignore[attr-defined]
            return HttpResponseRedirect(request.path)
        return response

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The "delete selected" action: through ``delete_model`` if overridden."""
        trail = AuditTrail(actor=request.user, via="admin")
        objects = list(queryset)
        trail.watch(objects)
        with transaction.atomic():
            if type(self).delete_model is not admin.ModelAdmin.delete_model:
                for obj in objects:
                    try:
                        with transaction.atomic():
                            self.delete_model(request, obj)  # type: ignore[attr-defined]
                    except ValidationError as error:
                        self.message_user(  # type: ignore[attr-defined]
                            request, "; ".join(error.messages), messages.ERROR
                        )
            else:
                super().delete_queryset(request, queryset)  # type: ignore[misc]
            trail.finish()


class ScopedAdminMixin(AuditedAdminMixin):
    """Limit every admin list, choice and permission to the user's scope."""

    scope_roles: Any = VIEW_ROLES

    def _app_perm(self, request: HttpRequest, action: str, obj: Any = None) -> bool:
        opts = self.model._meta  # type: ignore[attr-defined]
        return request.user.has_perm(
            f"{opts.app_label}.{action}_{opts.model_name}", obj
        )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return (
            request.user.is_active
            and request.user.is_staff
            and request.scope.has_role(*MANAGE_ROLES)
        )

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._app_perm(request, "view", obj) or self._app_perm(
            request, "change", obj
        )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._app_perm(request, "add")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._app_perm(request, "change", obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._app_perm(request, "delete", obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if hasattr(queryset, "visible_to"):
            return queryset.visible_to(request.scope, self.scope_roles)
        return queryset

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> Any:
        related = db_field.related_model
        if related is Unit:
            kwargs["queryset"] = Unit.objects.visible_to(request.scope, MANAGE_ROLES)
        elif hasattr(related._default_manager.all(), "visible_to"):
            kwargs["queryset"] = related._default_manager.all().visible_to(
                request.scope
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> Any:
        # Autocomplete widgets search here too: keep them inside the scope.
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.scope, self.scope_roles)
        return super().get_search_results(request, queryset, search_term)  # type: ignore[misc]


class ServiceErrorMixin:
    """Show a service's ValidationError as an admin message instead of a crash."""

    def _run(self, request: HttpRequest, call: Any) -> Any:
        try:
            return call()
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)  # type: ignore[attr-defined]
            return None


class ScopedImportExportMixin(ImportExportMixin):
    import_formats = FORMATS
    export_formats = FORMATS

    def get_import_resource_kwargs(
        self, request: HttpRequest, **kwargs: Any
    ) -> dict[str, Any]:
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "scope": request.scope,
            "actor": request.user,
        }

    def get_export_resource_kwargs(
        self, request: HttpRequest, **kwargs: Any
    ) -> dict[str, Any]:
        return {
            **super().get_export_resource_kwargs(request, **kwargs),
            "scope": request.scope,
        }

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request)

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor", "legal_basis"]
    verbose_name = _("Đơn vị kế thừa")
    verbose_name_plural = _("Đơn vị kế thừa (sáp nhập, chia tách)")


@admin.register(Unit)
class UnitAdmin(ScopedAdminMixin, ScopedImportExportMixin, admin.ModelAdmin):
    resource_classes = [UnitResource]
    list_display = [
        "name",
        "code",
        "short_name",
        "kind",
        "parent",
        "place_name",
        "valid_to",
    ]
    list_filter = [
        "kind",
        "has_legal_personality",
        ("valid_to", admin.EmptyFieldListFilter),
    ]
    search_fields = ["name", "search_name", "code", "short_name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path"]
    inlines = [SuccessionInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "kind", "parent"]}),
        (
            _("Trình bày văn bản"),
            {"fields": ["header_parent", "header_name", "place_name"]},
        ),
        (
            _("Tư cách và hiệu lực"),
            {
                "fields": [
                    "has_legal_personality",
                    "year_kind",
                    "valid_from",
                    "valid_to",
                    "note",
                    "path",
                ]
            },
        ),
    ]

    def save_model(
        self, request: HttpRequest, obj: Unit, form: Any, change: bool
    ) -> None:
        data = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in form.cleaned_data
        }
        if change:
            original = Unit.objects.get(pk=obj.pk)
            services.unit_update(unit=original, actor=request.user, **data)
        else:
            fields = {
                f: form.cleaned_data.get(f)
                for f in form.fields
                if f in form.cleaned_data
            }
            created = services.unit_create(actor=request.user, **fields)
            obj.pk, obj.path = created.pk, created.path


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_on", "legal_basis"]
    list_filter = ["kind", "effective_on"]
    search_fields = ["predecessor__name", "successor__name"]
    list_select_related = ["predecessor", "successor", "legal_basis"]
    autocomplete_fields = ["predecessor", "successor", "legal_basis"]


@admin.register(Person)
class PersonAdmin(
    ScopedAdminMixin, ScopedImportExportMixin, ServiceErrorMixin, admin.ModelAdmin
):
    resource_classes = [PersonResource]
    list_display = [
        "full_name",
        "birth_year",
        "gender",
        "position",
        "unit",
        "is_direct_worker",
        "is_leader",
    ]
    list_filter = ["is_direct_worker", "is_leader", "gender", "is_active", "unit__kind"]
    search_fields = ["full_name", "search_name", "position", "unit__name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "user"]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> Any:
        from orgs.vn import fold

        queryset, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        if search_term:
            queryset |= self.get_queryset(request).filter(
                search_name__contains=fold(search_term)
            )
        return queryset, may_have_duplicates


class RoleAssignmentForm(forms.ModelForm):
    user = forms.ModelChoiceField(
        label=_("Tên đăng nhập"),
        queryset=get_user_model().objects.filter(is_active=True),
        to_field_name="username",
        widget=forms.TextInput,
        error_messages={
            "invalid_choice": _(
                "Không có tài khoản đang hoạt động với tên đăng nhập này."
            )
        },
    )

    class Meta:
        model = RoleAssignment
        fields = ["user", "unit", "role", "valid_from", "valid_to"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    form = RoleAssignmentForm
    scope_roles = MANAGE_ROLES
    list_display = ["user", "role", "unit", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "unit__name",
    ]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["unit"]

    def save_model(
        self, request: HttpRequest, obj: RoleAssignment, form: Any, change: bool
    ) -> None:
        created = services.role_grant(
            user=obj.user,
            unit=obj.unit,
            role=obj.role,
            actor=request.user,
            valid_from=obj.valid_from,
            valid_to=obj.valid_to,
        )
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: RoleAssignment) -> None:
        services.role_revoke(assignment=obj, actor=request.user)


@admin.register(LegalDocument)
class LegalDocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    # Official gazettes are served over https; a link typed without a scheme gets it.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "number",
        "kind",
        "issued_on",
        "issuer",
        "title",
        "effective_from",
        "effective_to",
        "is_standard_ground",
    ]
    list_filter = ["kind", "is_standard_ground"]
    search_fields = ["number", "title", "issuer"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuing_unit"]


class ParameterValueInline(admin.TabularInline):
    model = ParameterValue
    extra = 0
    fields = [
        "key",
        "scope_unit",
        "value",
        "valid_from",
        "valid_to",
        "legal_basis",
        "note",
    ]
    autocomplete_fields = ["scope_unit", "legal_basis"]
    show_change_link = True


@admin.register(LegalParameter)
class LegalParameterAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "value_type", "unit_label"]
    search_fields = ["code", "name"]
    inlines = [ParameterValueInline]


@admin.register(ParameterValue)
class ParameterValueAdmin(ScopedAdminMixin, ServiceErrorMixin, admin.ModelAdmin):
    list_display = [
        "parameter",
        "key",
        "value",
        "scope_unit",
        "valid_from",
        "valid_to",
        "legal_basis",
    ]
    list_filter = ["parameter", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["parameter__code", "parameter__name", "key", "note"]
    list_select_related = ["parameter", "scope_unit", "legal_basis"]
    autocomplete_fields = ["parameter", "scope_unit", "legal_basis"]

    def save_model(
        self, request: HttpRequest, obj: ParameterValue, form: Any, change: bool
    ) -> None:
        if change:  # audited with before and after by AuditedAdminMixin
            super().save_model(request, obj, form, change)
            return
        created = services.parameter_value_set(
            parameter=obj.parameter,
            value=obj.value,
            valid_from=obj.valid_from,
            actor=request.user,
            key=obj.key,
            scope_unit=obj.scope_unit,
            legal_basis=obj.legal_basis,
            valid_to=obj.valid_to,
            note=obj.note,
        )
        obj.pk = created.pk


@admin.register(DocumentType)
class DocumentTypeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "abbreviation", "code", "template_ref"]
    search_fields = ["name", "abbreviation"]


@admin.register(DocumentIssuer)
class DocumentIssuerAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "symbol", "kind", "unit", "place_name"]
    list_filter = ["kind"]
    search_fields = ["name", "symbol", "unit__name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["full_number", "issued_on", "summary", "issuer", "created_by"]
    list_filter = ["doc_type", "year"]
    search_fields = ["symbol", "summary", "issuer__name"]
    list_select_related = ["issuer", "doc_type", "created_by"]
    date_hierarchy = "issued_on"
    readonly_fields = [f.name for f in IssuedDocument._meta.fields if f.name != "id"]
    exclude = ["snapshot"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope_roles = MANAGE_ROLES
    list_display = ["created_at", "actor", "action", "object_repr", "unit"]
    list_filter = ["action", "created_at"]
    search_fields = ["action", "object_repr", "actor__username"]
    list_select_related = ["actor", "unit"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at",
        "actor",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "unit",
        "data",
    ]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PublicHoliday)
class PublicHolidayAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["date", "name", "note"]
    date_hierarchy = "date"
    search_fields = ["name"]
