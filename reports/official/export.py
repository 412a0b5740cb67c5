"""A filled statistical form as a spreadsheet and as print data."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from orgs import vn
from orgs.models import DocumentIssuer
from orgs.pdf import letterhead

from . import FilledForm

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")


def header_rows(
    filled: FilledForm,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two header rows: groups spanning their columns, then the columns.

    A column without a group spans both rows.
    """
    spec = filled.spec
    groups: list[dict[str, Any]] = []
    for column in spec.all_columns:
        if column.group and groups and groups[-1]["label"] == column.group:
            groups[-1]["span"] += 1
        else:
            groups.append(
                {
                    "label": column.group or column.label,
                    "span": 1,
                    "single": not column.group,
                }
            )
    subs = [{"label": c.label, "number": c.number} for c in spec.all_columns if c.group]
    return groups, subs


def column_numbers(filled: FilledForm) -> list[str]:
    return [column.number for column in filled.spec.all_columns]


def form_xlsx(filled: FilledForm) -> bytes:
    """The form with its identification lines, merged headers, coded rows and figures."""
    spec = filled.spec
    book = Workbook()
    sheet = book.active
    sheet.title = f"Biểu {spec.code}"
    lead = 3 if spec.has_unit_column else 2
    width = lead + len(spec.all_columns)
    lines = [
        _("Biểu số: %(number)s") % {"number": spec.number},
        _("Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"),
        _("Đơn vị báo cáo: %(unit)s") % {"unit": filled.unit.name},
        _("Đơn vị nhận báo cáo: %(unit)s") % {"unit": filled.receiver},
        spec.title,
        filled.period,
    ]
    if spec.unit_label:
        lines.append(_("Đơn vị tính: %(unit)s") % {"unit": spec.unit_label})
    for text in lines:
        sheet.append([text])
    sheet["A5"].font = Font(bold=True, size=13)
    first = sheet.max_row + 2
    groups, _subs = header_rows(filled)
    sheet.cell(first, 1, "")
    sheet.cell(first, 2, _("Mã số"))
    if spec.has_unit_column:
        sheet.cell(first, 3, _("Đơn vị tính"))
    column = lead + 1
    for group in groups:
        cell = sheet.cell(first, column, group["label"])
        if group["single"]:
            sheet.merge_cells(
                start_row=first,
                start_column=column,
                end_row=first + 1,
                end_column=column,
            )
        elif group["span"] > 1:
            sheet.merge_cells(
                start_row=first,
                start_column=column,
                end_row=first,
                end_column=column + group["span"] - 1,
            )
        cell.alignment = WRAP
        column += group["span"]
    for index, col in enumerate(spec.all_columns):
        if col.group:
            sheet.cell(first + 1, lead + 1 + index, col.label).alignment = WRAP
    for offset in range(lead):
        sheet.merge_cells(
            start_row=first,
            start_column=offset + 1,
            end_row=first + 1,
            end_column=offset + 1,
        )
    sheet.append(["A", "B", "C"][:lead] + column_numbers(filled))
    for row in filled.rows:
        line = row.line
        values = [str(line.label), line.code, str(line.unit)][:lead]
        values += [cell.value if cell.value is not None else "" for cell in row.cells]
        sheet.append(values)
        if line.is_heading or line.code == "01":
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    for row in sheet.iter_rows(min_row=first, max_row=sheet.max_row, max_col=width):
        for cell in row:
            cell.border = BOX
            if cell.row <= first + 2:
                cell.font = Font(bold=True)
                cell.alignment = WRAP
    sheet.column_dimensions["A"].width = 60
    for index in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def form_print(filled: FilledForm) -> dict[str, Any]:
    """Context of ``pdf/reports/statistical_form.html``: decree 30 letterhead of the
    reporting unit, the form's identification block, the table, the signatures."""
    unit = filled.unit
    issuer = DocumentIssuer.objects.filter(
        unit=unit, kind=DocumentIssuer.Kind.UNIT
    ).first()
    today = timezone.localdate()
    head = letterhead(
        parent=issuer.header_parent if issuer else unit.header_parent,
        name=issuer.printed_name if issuer else unit.printed_name,
        place=issuer.printed_place if issuer else unit.place_name,
        symbol="",
        issued_on=today,
    )
    groups, subs = header_rows(filled)
    return {
        "doc": {
            "letterhead": {**head, "number_line": ""},
            "kind_title": filled.spec.title,
            "summary": "",
        },
        "filled": filled,
        "groups": groups,
        "subs": subs,
        "numbers": column_numbers(filled),
        "landscape": filled.spec.landscape,
        "printed_on": vn.short_date(today),
    }
