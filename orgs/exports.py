"""Spreadsheet downloads (xlsx) shared by every list that offers "Xuất Excel"."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "",
    sheet: str = "Danh sách",
) -> bytes:
    """Return an xlsx file: an optional title row, a bold header row, then the rows."""
    book = Workbook()
    worksheet = book.active
    worksheet.title = sheet[:31]
    if title:
        worksheet.append([title])
        worksheet["A1"].font = Font(bold=True, size=13)
        worksheet.append([])
    worksheet.append(list(headers))
    header_row = worksheet.max_row
    for cell in worksheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [len(str(h)) for h in headers]
    for row in rows:
        values = list(row)
        worksheet.append(values)
        for index, value in enumerate(values[: len(widths)]):
            widths[index] = max(widths[index], min(len(str(value or "")), 60))
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width + 2
    worksheet.freeze_panes = worksheet.cell(row=header_row + 1, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "",
) -> HttpResponse:
    response = HttpResponse(
        xlsx_bytes(headers, rows, title=title), content_type=XLSX_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
