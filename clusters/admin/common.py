"""Mixins of the clusters admin."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from clusters import selectors


class ReadOnlyAdminMixin:
    """A history or a computed record: looked at, never edited here."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ThroughSheetsMixin:
    """Records scoped through the score card they belong to."""

    sheet_lookup = "sheet"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        sheets = selectors.sheet_list(scope=request.scope)
        return queryset.filter(**{f"{self.sheet_lookup}__in": sheets})
