from __future__ import annotations

import datetime
from typing import Any

from django import template

from orgs import vn

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context: dict[str, Any], **changes: Any) -> str:
    """Return the current query string with ``changes`` applied (keeps list filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def vn_date(value: datetime.date | None) -> str:
    return vn.short_date(value) if value else ""


@register.filter
def vn_long_date(value: datetime.date | None) -> str:
    return vn.long_date(value) if value else ""


@register.filter
def money(value: int | None) -> str:
    return vn.money(value) if value is not None else ""


@register.filter
def thousands(value: int | None) -> str:
    return vn.group_thousands(value) if value is not None else ""


@register.filter
def decimal_vi(value: Any) -> str:
    return vn.decimal_vi(value) if value is not None and value != "" else ""


@register.filter
def percent_vi(value: Any) -> str:
    return vn.percent_vi(value) if value is not None else ""
