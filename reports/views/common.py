"""What every page of the reports app shares: permission, filters, exports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.generic import TemplateView

from orgs.exports import xlsx_response
from orgs.viewmixins import PermissionFirstMixin
from reports.filters import Filters, default_unit, parse_filters
from reports.forms import StatisticsFilterForm
from reports.tables import Table


class ReportPage(PermissionFirstMixin, TemplateView):
    """A statistics page: ``tables()`` builds its tables; ``?export=<key>`` downloads one."""

    permission_required = "reports.view_statistics"
    filter_fields: list[str] = [
        "unit",
        "year_from",
        "year_to",
        "basis",
        "level",
        "subject",
    ]
    # False when the page counts every year unless the user picks a range.
    default_years = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.filters = parse_filters(request.GET, request.scope)  # type: ignore[attr-defined]
        key = request.GET.get("export")
        if key:
            return self.export(key)
        return super().get(request, *args, **kwargs)

    def tables(self) -> dict[str, Table]:
        return {}

    def export(self, key: str) -> HttpResponse:
        from django.http import Http404

        table = self.tables().get(key)
        if table is None:
            raise Http404
        headers, rows = table.xlsx()
        return xlsx_response(
            f"{slugify(table.key)}.xlsx", headers, rows, title=self.export_title(table)
        )

    def export_title(self, table: Table) -> str:
        unit = self.filters.unit or default_unit(self.request.scope)  # type: ignore[attr-defined]
        years = self.filters.years
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return f"{table.title} — {unit.name if unit else ''} — {span}"

    def filter_form(self) -> StatisticsFilterForm:
        unit = self.filters.unit
        initial = {
            "unit": str(unit.pk) if unit else "",
            "year_from": self.filters.years[0]
            if self.default_years
            else self.filters.year_from,
            "year_to": self.filters.years[-1]
            if self.default_years
            else self.filters.year_to,
            "basis": self.filters.basis,
            "level": self.filters.level or "",
            "subject": self.filters.subject,
        }
        current = unit or default_unit(self.request.scope)  # type: ignore[attr-defined]
        if current is not None and not initial["unit"]:
            initial["unit"] = str(current.pk)
        return StatisticsFilterForm(
            initial=initial,
            scope=self.request.scope,  # type: ignore[attr-defined]
            current=current,
            fields=self.filter_fields,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "filters": self.filters,
            "form": self.filter_form(),
            "query": self.request.GET.urlencode(),
        }


def with_export(query: str, key: str) -> str:
    """The current page's query string plus ``export=key``."""
    base = "&".join(part for part in query.split("&") if not part.startswith("export="))
    return f"?{base}&export={key}" if base else f"?export={key}"


def unit_or_default(filters: Filters, request: HttpRequest) -> Any:
    return filters.unit or default_unit(request.scope)  # type: ignore[attr-defined]
