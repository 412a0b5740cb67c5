"""Template helpers of the reports pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html

from reports.views.common import with_export

register = template.Library()


@register.simple_tag
def export_url(query: str, key: str) -> str:
    """The current page's address with ``export=key`` (one table as xlsx)."""
    return with_export(query, key)


@register.simple_tag
def drill_link(dataset: str, item: Any, value: Any) -> str:
    """The first cell of a drill-down row, linked to the record's own page."""
    url = ""
    if dataset == "awards":
        url = item.person.get_absolute_url() if item.person_id else ""
        if item.collective_id:
            url = item.collective.get_absolute_url()
    elif dataset == "initiatives" or dataset == "movements":
        url = item.get_absolute_url()
    elif dataset == "steps":
        url = reverse("awards:dossier-detail", args=[item.dossier_id])
    elif dataset == "dossiers":
        url = item.get_absolute_url()
    elif dataset == "fund":
        url = item.decision.get_absolute_url()
    if not url:
        return conditional_escape(value)
    return format_html('<a href="{}">{}</a>', url, value)
