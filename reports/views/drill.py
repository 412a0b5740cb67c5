"""The drill-down page: the records behind any figure, with the figure's filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from orgs import vn
from orgs.exports import xlsx_response
from reports.filters import parse_filters
from reports.selectors.drill import DATASETS, describe, drill
from reports.views.common import ReportPage

PAGE = 50


def _award_row(record: Any) -> list[Any]:
    return [
        record.subject_name,
        record.year_text,
        record.award_kind.name,
        str(record.get_award_type_display()),
        record.unit.name,
        record.decision_number,
        vn.short_date(record.decision_date),
        record.issuer,
    ]


def _initiative_row(item: Any) -> list[Any]:
    return [
        item.title,
        item.unit.name,
        ", ".join(a.full_name for a in item.authors.all()),
        str(item.get_recognised_scope_display() or ""),
        item.recognition_number,
        vn.short_date(item.recognition_date) if item.recognition_date else "",
    ]


def _movement_row(item: Any) -> list[Any]:
    return [
        item.name,
        item.launched_by.name,
        str(item.get_kind_display()),
        vn.short_date(item.starts_on),
        vn.short_date(item.ends_on) if item.ends_on else "",
    ]


def _step_row(item: Any) -> list[Any]:
    return [
        item.reference,
        item.unit,
        vn.short_date(item.entered.date()),
        vn.short_date(item.left.date()) if item.left else "",
        item.days,
        item.working_days,
        vn.short_date(item.deadline) if item.deadline else "",
        _("Quá hạn") if item.late else "",
    ]


def _dossier_row(item: Any) -> list[Any]:
    return [
        item.reference,
        item.unit.name,
        item.award_kind.name,
        str(item.get_status_display()),
        vn.short_date(item.status_changed_at.date()) if item.status_changed_at else "",
        vn.short_date(item.deadline) if item.deadline else "",
    ]


def _fund_row(entry: Any) -> list[Any]:
    return [
        entry.decision.number or _("(chưa cấp số)"),
        vn.short_date(entry.decision.decision_date)
        if entry.decision.decision_date
        else "",
        entry.fund.unit.name,
        entry.fund.year,
        str(entry.get_kind_display()),
        vn.short_date(entry.entry_date),
        entry.amount,
        entry.note,
    ]


def _headers() -> dict[str, tuple[list[str], Callable[[Any], list[Any]]]]:
    return {
        "awards": (
            [
                _("Cá nhân, tập thể, hộ"),
                _("Năm"),
                _("Danh hiệu, hình thức"),
                _("Loại hình"),
                _("Đơn vị quản lý"),
                _("Số quyết định"),
                _("Ngày quyết định"),
                _("Cơ quan quyết định"),
            ],
            _award_row,
        ),
        "initiatives": (
            [
                _("Sáng kiến"),
                _("Đơn vị"),
                _("Tác giả"),
                _("Phạm vi ảnh hưởng"),
                _("Số quyết định công nhận"),
                _("Ngày công nhận"),
            ],
            _initiative_row,
        ),
        "movements": (
            [
                _("Phong trào"),
                _("Đơn vị phát động"),
                _("Hình thức"),
                _("Bắt đầu"),
                _("Kết thúc"),
            ],
            _movement_row,
        ),
        "steps": (
            [
                _("Hồ sơ"),
                _("Đơn vị"),
                _("Vào bước"),
                _("Rời bước"),
                _("Số ngày"),
                _("Ngày làm việc"),
                _("Hạn"),
                _("Ghi chú"),
            ],
            _step_row,
        ),
        "dossiers": (
            [
                _("Hồ sơ"),
                _("Đơn vị đề nghị"),
                _("Danh hiệu, hình thức"),
                _("Trạng thái"),
                _("Từ ngày"),
                _("Hạn"),
            ],
            _dossier_row,
        ),
        "fund": (
            [
                _("Quyết định"),
                _("Ngày quyết định"),
                _("Quỹ của"),
                _("Năm"),
                _("Loại bút toán"),
                _("Ngày ghi sổ"),
                _("Số tiền (đồng)"),
                _("Diễn giải"),
            ],
            _fund_row,
        ),
    }


class DrillView(ReportPage):
    template_name = "reports/drill.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs["dataset"] not in DATASETS:
            raise Http404
        self.filters = parse_filters(request.GET, request.scope)  # type: ignore[attr-defined]
        self.found = drill(kwargs["dataset"], request.scope, self.filters)  # type: ignore[attr-defined]
        if request.GET.get("export"):
            headers, row = _headers()[kwargs["dataset"]]
            return xlsx_response(
                f"danh-sach-{kwargs['dataset']}.xlsx",
                headers,
                (row(item) for item in self.found.rows),
                title="; ".join(
                    str(p) for p in describe(kwargs["dataset"], self.filters)
                ),
            )
        return super(ReportPage, self).get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        dataset = self.kwargs["dataset"]
        page = Paginator(self.found.rows, PAGE).get_page(self.request.GET.get("page"))
        headers, row = _headers()[dataset]
        return {
            "dataset": dataset,
            "filters": self.filters,
            "conditions": describe(dataset, self.filters),
            "total": self.found.total,
            "page_obj": page,
            "headers": headers,
            "rows": [(item, row(item)) for item in page.object_list],
            "query": self.request.GET.urlencode(),
            "view": self,
        }
