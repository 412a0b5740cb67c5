"""Criteria sets to and from a spreadsheet.

One row per criterion, parents before their children. Every row is checked and
every problem reported in Vietnamese with its row number; a file with any bad
row saves nothing. The "Mã ở bộ gốc" column keeps an adapted set's link to the
criterion it came from, so export → edit → import keeps the change share right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from clusters.models import CriteriaSet, Criterion
from clusters.models.criteria import MAX_DEPTH
from clusters.points import parse_points, points_text
from clusters.selectors import criteria_in_tree_order
from orgs.vn import fold

HEADERS = [
    "Mã",
    "Mã nhóm cấp trên",
    "Nội dung tiêu chí",
    "Điểm tối đa",
    "Loại",
    "Hướng dẫn chấm",
    "Tài liệu kiểm chứng",
    "Mã ở bộ gốc",
]
KINDS = {fold(str(label)): code for code, label in Criterion.Kind.choices} | {
    code: code for code in Criterion.Kind.values
}


def export_rows(criteria_set: CriteriaSet) -> list[list[Any]]:
    """The set in tree order, one row per criterion, in the import layout."""
    ordered = criteria_in_tree_order(criteria_set)
    codes = {node.pk: node.code for node, _depth in ordered}
    origins = dict(
        Criterion.objects.filter(
            pk__in=[node.origin_id for node, _depth in ordered if node.origin_id]
        ).values_list("pk", "code")
    )
    return [
        [
            node.code,
            codes.get(node.parent_id, ""),
            node.title,
            points_text(node.max_points),
            str(node.get_kind_display()),
            node.guidance,
            node.evidence_required,
            origins.get(node.origin_id, ""),
        ]
        for node, _depth in ordered
    ]


@dataclass
class ImportResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _header_row(sheet: Any) -> tuple[int, list[str]] | None:
    for number, row in enumerate(
        sheet.iter_rows(max_row=10, values_only=True), start=1
    ):
        cells = [_text(c) for c in row]
        if cells and fold(cells[0]) == fold(HEADERS[0]):
            return number, cells
    return None


def read_rows(upload: IO[bytes], criteria_set: CriteriaSet) -> ImportResult:
    """Parse and check a spreadsheet; ``rows`` are ready for the import service."""
    result = ImportResult()
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a file that is not xlsx
        result.errors.append((0, _("Không đọc được tệp: hãy dùng tệp Excel .xlsx.")))
        return result
    sheet = book.worksheets[0]
    found = _header_row(sheet)
    if found is None:
        result.errors.append(
            (0, _("Không thấy dòng tiêu đề bắt đầu bằng cột “Mã” trong 10 dòng đầu."))
        )
        return result
    start, _cells = found
    parents = _parent_codes(criteria_set)
    seen: dict[str, dict[str, Any]] = {}
    for number, raw in enumerate(
        sheet.iter_rows(min_row=start + 1, values_only=True), start=start + 1
    ):
        cells = [_text(c) for c in (*raw, *[None] * len(HEADERS))][: len(HEADERS)]
        if not any(cells):
            continue
        row, problems = _check_row(cells, seen, parents)
        result.errors += [(number, problem) for problem in problems]
        if not problems:
            seen[row["code"]] = row
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append((0, _("Tệp không có dòng tiêu chí nào.")))
    return result


def _parent_codes(criteria_set: CriteriaSet) -> dict[str, int]:
    if criteria_set.parent_id is None:
        return {}
    return dict(criteria_set.parent.criteria.values_list("code", "pk"))


def _check_row(
    cells: list[str], seen: dict[str, dict[str, Any]], origins: dict[str, int]
) -> tuple[dict[str, Any], list[str]]:
    code, parent_code, title, maximum, kind, guidance, evidence, origin = cells
    problems: list[str] = []
    if not code:
        problems.append(_("Thiếu mã tiêu chí."))
    elif code in seen:
        problems.append(_("Mã “%(code)s” bị trùng trong tệp.") % {"code": code})
    elif len(code) > 20:
        problems.append(_("Mã “%(code)s” dài quá 20 ký tự.") % {"code": code})
    if not title:
        problems.append(_("Thiếu nội dung tiêu chí."))
    points = _points(maximum, problems)
    kind_code = KINDS.get(fold(kind)) if kind else Criterion.Kind.SCORED
    if kind_code is None:
        problems.append(
            _("Loại “%(kind)s” không hợp lệ; ghi Chấm điểm, Điểm thưởng hoặc Điểm trừ.")
            % {"kind": kind}
        )
    parent = seen.get(parent_code) if parent_code else None
    if parent_code and parent is None:
        problems.append(
            _("Mã nhóm cấp trên “%(code)s” chưa có ở các dòng phía trên.")
            % {"code": parent_code}
        )
    depth = parent["depth"] + 1 if parent else 0
    if parent and depth >= MAX_DEPTH:
        problems.append(_("Chỉ có ba cấp: nhóm, tiêu chí, tiêu chí thành phần."))
    if parent and kind_code and parent["kind"] != kind_code:
        problems.append(_("Tiêu chí phải cùng loại với nhóm chứa nó."))
    if origin and origin not in origins:
        problems.append(
            _("Mã ở bộ gốc “%(code)s” không có trong bộ tiêu chí gốc.")
            % {"code": origin}
        )
    row = {
        "code": code,
        "parent_code": parent_code,
        "title": title[:500],
        "max_points": points,
        "kind": kind_code,
        "guidance": guidance,
        "evidence_required": evidence[:500],
        "origin_id": origins.get(origin) if origin else None,
        "depth": depth,
    }
    return row, problems


def _points(raw: str, problems: list[str]) -> Decimal | None:
    try:
        value = parse_points(raw)
    except ValidationError as error:
        problems.extend(error.messages)
        return None
    if value is None:
        problems.append(_("Thiếu điểm tối đa."))
    elif value < 0:
        problems.append(_("Điểm tối đa không được âm."))
    return value
