"""Read-only building blocks: history is listed and searched, changed only through services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from orgs.admin import ScopedAdminMixin


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """History: listed, filtered and searched, changed only through the services."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def changed_fields(form: Any) -> dict[str, Any]:
    return {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in form.cleaned_data
    }
