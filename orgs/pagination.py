"""Pagination that stays fast on province-scale tables: the total is counted only up
to a cap ("hơn 10.000"), because an exact COUNT(*) over hundreds of thousands of
rows costs more than the page itself."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        if hasattr(self.object_list, "query"):
            return self.object_list.order_by()[: self.cap + 1].count()
        return len(self.object_list)

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap
