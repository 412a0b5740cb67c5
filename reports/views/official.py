"""The statistical forms of TT 02/2023/TT-BNV: on screen, as PDF, as a spreadsheet."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from orgs.exports import XLSX_TYPE
from orgs.pdf import render_pdf
from reports import official
from reports.forms import FormChoiceForm
from reports.official.export import form_print, form_xlsx, header_rows
from reports.views.common import ReportPage, unit_or_default

PDF_TEMPLATE = "pdf/reports/statistical_form.html"


class FormPage(ReportPage):
    template_name = "reports/form_detail.html"

    @cached_property
    def filled(self) -> official.FilledForm:
        unit = unit_or_default(self.filters, self.request)
        year = self.filters.year or timezone.localdate().year
        filters = replace(self.filters, unit=unit, year=year, own=False)
        return official.fill(self.kwargs["code"], self.request.scope, filters)  # type: ignore[attr-defined]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        official.form(kwargs["code"])  # 404 for an unknown form before anything else
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        filled = self.filled
        groups, subs = header_rows(filled)
        choice = FormChoiceForm(
            initial={"unit": str(filled.unit.pk), "year": filled.year},
            scope=self.request.scope,  # type: ignore[attr-defined]
            current=filled.unit,
        )
        return {
            **super().get_context_data(**kwargs),
            "filled": filled,
            "spec": filled.spec,
            "groups": groups,
            "subs": subs,
            "choice": choice,
            "forms": [official.form(code) for code in official.FORM_CODES],
            "params": f"unit={filled.unit.pk}&year={filled.year}",
        }


class FormPdfView(FormPage):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        official.form(kwargs["code"])
        self.filters = official_filters(request)
        content = render_pdf(PDF_TEMPLATE, form_print(self.filled))
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="bieu-{kwargs["code"]}-{self.filled.year}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


class FormXlsxView(FormPage):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        official.form(kwargs["code"])
        self.filters = official_filters(request)
        response = HttpResponse(form_xlsx(self.filled), content_type=XLSX_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="bieu-{kwargs["code"]}-{self.filled.year}.xlsx"'
        )
        return response


def official_filters(request: HttpRequest) -> Any:
    from reports.filters import parse_filters

    return parse_filters(request.GET, request.scope)  # type: ignore[attr-defined]
