"""Helpers of the clusters selectors."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from clusters import access
from clusters.models import (
    ClusterYear,
)
from orgs.scoping import Scope


def _get_or_404(queryset: QuerySet[Any], **lookup: Any) -> Any:
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def _in_visible_year(model: Any, scope: Scope) -> QuerySet[Any]:
    return model.objects.filter(
        cluster_year__in=ClusterYear.objects.filter(access.cluster_year_q(scope))
    ).select_related("cluster_year__cluster__authority")
