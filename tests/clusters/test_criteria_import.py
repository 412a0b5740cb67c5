"""Criteria sets to and from a spreadsheet: a good file goes in, a bad one saves nothing."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from clusters import criteria_io
from clusters.services import criteria as services
from tests.factories_clusters import make_criteria_set

pytestmark = pytest.mark.django_db


def workbook(rows, title=True) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["Bộ tiêu chí chấm điểm năm 2025"])
        sheet.append([])
    sheet.append(criteria_io.HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "tieu-chi.xlsx"
    return buffer


GOOD = [
    ["I", "", "Nhiệm vụ chính trị", 70, "Chấm điểm", "", "", ""],
    [
        "I.1",
        "I",
        "Chỉ tiêu được giao",
        40,
        "chấm điểm",
        "Đối chiếu báo cáo",
        "Báo cáo năm",
        "",
    ],
    ["I.2", "I", "Nhiệm vụ đột xuất", "30", "Chấm điểm", "", "", ""],
    ["II", "", "Thi đua, khen thưởng", 30, "Chấm điểm", "", "", ""],
    ["II.1", "II", "Báo cáo đúng hạn", "30", "", "", "", ""],
    ["III", "", "Điểm thưởng", 5, "Điểm thưởng", "", "", ""],
    ["III.1", "III", "Cờ thi đua", 5, "diem thuong", "", "Quyết định", ""],
]


def test_a_good_file_replaces_the_draft_tree(client, world):
    target = make_criteria_set(owner_unit=world.province, spec=[], name="Bộ mới")
    client.force_login(world.secretariat)
    response = client.post(
        reverse("clusters:criteria-import", args=[target.pk]), {"file": workbook(GOOD)}
    )
    assert response.status_code == 302
    nodes = {c.code: c for c in target.criteria.all()}
    assert set(nodes) == {"I", "I.1", "I.2", "II", "II.1", "III", "III.1"}
    assert (
        nodes["I.1"].parent == nodes["I"]
        and nodes["III.1"].kind == "bonus"
        and nodes["I.1"].depth == 1
    )
    services.criteria_set_freeze(criteria_set=target, actor=None)


def test_a_bad_file_names_every_bad_row_and_saves_nothing(client, world):
    target = make_criteria_set(owner_unit=world.province, name="Bộ cũ")
    before = list(target.criteria.values_list("code", flat=True))
    bad = [
        *GOOD[:3],
        ["I.1", "I", "Trùng mã", 5, "Chấm điểm", "", "", ""],
        ["X.1", "X", "Nhóm chưa có", 5, "Chấm điểm", "", "", ""],
        ["II", "", "", "mười", "Chấm điểm", "", "", ""],
        ["III", "", "Điểm thưởng", 5, "Điểm cộng", "", "", ""],
        ["IV", "", "Điểm trừ", 5, "Điểm trừ", "", "", ""],
        ["IV.1", "IV", "Khác loại", 5, "Chấm điểm", "", "", ""],
        ["V", "", "Có mã gốc", 5, "Chấm điểm", "", "", "Z9"],
    ]
    client.force_login(world.secretariat)
    response = client.post(
        reverse("clusters:criteria-import", args=[target.pk]), {"file": workbook(bad)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 7: Mã “I.1” bị trùng trong tệp." in body
    assert "Dòng 8: Mã nhóm cấp trên “X” chưa có ở các dòng phía trên." in body
    assert (
        "Dòng 9: Thiếu nội dung tiêu chí." in body
        and "“mười” không phải là số điểm." in body
    )
    assert "Dòng 10: Loại “Điểm cộng” không hợp lệ" in body
    assert "Dòng 12: Tiêu chí phải cùng loại với nhóm chứa nó." in body
    assert "Dòng 13: Mã ở bộ gốc “Z9” không có trong bộ tiêu chí gốc." in body
    assert list(target.criteria.values_list("code", flat=True)) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused(world):
    target = make_criteria_set(owner_unit=world.province, name="Bộ khác")
    result = criteria_io.read_rows(io.BytesIO(b"not a workbook"), target)
    assert not result.ok and "Không đọc được tệp" in result.errors[0][1]


def test_export_then_import_keeps_the_tree_and_the_origins(client, world):
    city = make_criteria_set(owner_unit=world.province, name="Tiêu chí của tỉnh")
    child = make_criteria_set(
        owner_unit=world.province, name="Tiêu chí của cụm", parent=city
    )
    client.force_login(world.secretariat)
    exported = client.get(reverse("clusters:criteria-export", args=[child.pk]))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows[0][:5] == ["I", None, "Thực hiện nhiệm vụ chính trị", "60", "Chấm điểm"]
    assert rows[0][7] == "I"
    copy = make_criteria_set(
        owner_unit=world.province, name="Bản nhập lại", parent=city
    )
    result = criteria_io.read_rows(io.BytesIO(exported.content), copy)
    assert result.ok, result.errors
    services.criteria_set_replace_nodes(criteria_set=copy, rows=result.rows, actor=None)
    assert copy.criteria.count() == 11
    assert set(copy.criteria.values_list("origin__code", flat=True)) == set(
        city.criteria.values_list("code", flat=True)
    )


def test_a_frozen_set_cannot_be_imported_into(world):
    target = make_criteria_set(owner_unit=world.province, name="Bộ khóa")
    services.criteria_set_freeze(criteria_set=target, actor=None)
    result = criteria_io.read_rows(workbook(GOOD), target)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã khóa"):
        services.criteria_set_replace_nodes(
            criteria_set=target, rows=result.rows, actor=None
        )
