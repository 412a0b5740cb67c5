"""Spreadsheet imports: a good file goes in after preview; a bad file reports every
bad row in Vietnamese and saves nothing."""

from __future__ import annotations

import io

import pytest
import tablib
from django.urls import reverse
from openpyxl import Workbook

from orgs.models import Person, Unit
from orgs.resources import PersonResource, UnitResource
from orgs.scoping import scope_for

pytestmark = pytest.mark.django_db

PERSON_HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Năm sinh",
    "Chức vụ",
    "Mã đơn vị",
    "Người lao động trực tiếp",
]


def person_rows(*rows):
    data = tablib.Dataset(headers=PERSON_HEADERS)
    for row in rows:
        data.append(row)
    return data


def test_good_people_file_imports(world):
    data = person_rows(
        ["Lê Văn Cường", "Nam", 1979, "Công nhân", "A", "Có"],
        ["Phạm Thị Dung", "Nữ", "1990", "Chuyên viên", "A1", "Không"],
    )
    result = PersonResource(scope=scope_for(world.officer_a)).import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert not result.has_errors() and not result.has_validation_errors()
    cuong = Person.objects.get(full_name="Lê Văn Cường")
    assert (
        cuong.is_direct_worker is True
        and cuong.unit == world.unit_a
        and cuong.gender == "male"
    )


def test_bad_people_file_saves_nothing_and_names_each_problem(world):
    data = person_rows(
        ["Lê Văn Cường", "Nam", 1979, "Công nhân", "A", "Có"],
        ["Phạm Thị Dung", "Nữ", "năm chín mươi", "Chuyên viên", "A", "Không"],
        ["Hồ Văn Em", "Nam", 1988, "Chuyên viên", "B", "Không"],
        ["Nguyễn Văn Ánh", "Nam", 1980, "Chuyên viên", "A", "Có"],
        ["", "Nam", 1980, "Chuyên viên", "A", "Có"],
        ["Lý Thị Giang", "Khác", 1980, "Chuyên viên", "A", "có lẽ"],
    )
    before = Person.objects.count()
    result = PersonResource(scope=scope_for(world.officer_a)).import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert Person.objects.count() == before
    messages = {row.number: str(row.error_dict) for row in result.invalid_rows}
    assert "không phải là số" in messages[2]
    assert "Không có đơn vị mã “B”" in messages[3]
    assert "Trùng với cá nhân đã có" in messages[4]
    assert 5 in messages
    assert "không hợp lệ" in messages[6] and "Có/Không" in messages[6]
    assert 1 not in messages


def test_duplicate_rows_inside_one_file_are_caught(world):
    data = person_rows(
        ["Lê Văn Cường", "Nam", 1979, "", "A", ""],
        ["le van cuong", "Nam", 1979, "", "A", ""],
    )
    result = PersonResource(scope=scope_for(world.officer_a)).import_data(
        data, dry_run=True
    )
    assert [row.number for row in result.invalid_rows] == [2]
    assert "Trùng với dòng 1" in str(result.invalid_rows[0].error_dict)


def test_units_import_builds_the_tree(world):
    data = tablib.Dataset(
        headers=[
            "Mã đơn vị",
            "Tên đơn vị",
            "Tên viết tắt",
            "Loại đơn vị",
            "Mã đơn vị cấp trên",
            "Địa danh",
            "Có tư cách pháp nhân",
            "Hiệu lực đến ngày",
        ]
    )
    data.append(
        ["A2", "Trường Mầm non An Bình", "MNAB", "Trường học", "A", "Hà Nội", "Có", ""]
    )
    data.append(
        [
            "A2X",
            "Tổ dân phố số 1",
            "TDP1",
            "residential_group",
            "A",
            "Hà Nội",
            "Không",
            "30/06/2025",
        ]
    )
    result = UnitResource(scope=scope_for(world.secretariat)).import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    school = Unit.objects.get(code="A2")
    assert school.path == f"{world.unit_a.path}{school.pk}/"
    assert school.issuers.count() == 1
    assert str(Unit.objects.get(code="A2X").valid_to) == "2025-06-30"


def test_unit_import_refuses_parent_outside_scope(world):
    from orgs import services
    from orgs.models import Role

    services.role_grant(
        user=world.outsider, unit=world.unit_b, role=Role.SECRETARIAT, actor=None
    )
    data = tablib.Dataset(
        headers=[
            "Mã đơn vị",
            "Tên đơn vị",
            "Tên viết tắt",
            "Loại đơn vị",
            "Mã đơn vị cấp trên",
            "Địa danh",
            "Có tư cách pháp nhân",
        ]
    )
    data.append(["X1", "Đơn vị lạ", "X", "Phường", "A", "Hà Nội", "Có"])
    result = UnitResource(scope=scope_for(world.outsider)).import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert result.has_validation_errors()
    assert not Unit.objects.filter(code="X1").exists()


def xlsx_bytes(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_admin_import_previews_then_confirms(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.secretariat)
    url = reverse("admin:orgs_person_import")
    content = xlsx_bytes(
        [PERSON_HEADERS, ["Võ Thị Hoa", "Nữ", 1991, "Kế toán", "B1", "Không"]]
    )
    response = client.post(
        url,
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("nguoi.xlsx", content),
        },
    )
    assert response.status_code == 200
    assert "Võ Thị Hoa" in response.content.decode()
    assert not Person.objects.filter(full_name="Võ Thị Hoa").exists()
    confirm = response.context["confirm_form"]
    response = client.post(reverse("admin:orgs_person_process_import"), confirm.initial)
    assert response.status_code == 302
    assert Person.objects.get(full_name="Võ Thị Hoa").unit == world.unit_b1


def test_admin_import_with_errors_offers_no_confirmation(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.secretariat)
    content = xlsx_bytes(
        [PERSON_HEADERS, ["Võ Thị Hoa", "Nữ", 1991, "Kế toán", "KHONGCO", "Không"]]
    )
    response = client.post(
        reverse("admin:orgs_person_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("nguoi.xlsx", content),
        },
    )
    body = response.content.decode()
    assert "Không có đơn vị mã “KHONGCO”" in body
    assert response.context.get("confirm_form") is None


def test_admin_export_contains_only_the_scope(client, world):
    from orgs import services
    from orgs.models import Role

    world.outsider.is_staff = True
    world.outsider.save()
    services.role_grant(
        user=world.outsider, unit=world.unit_b, role=Role.SECRETARIAT, actor=None
    )
    client.force_login(world.outsider)
    response = client.post(
        reverse("admin:orgs_person_export"),
        {
            "format": "1",
            "resource": 0,
            "personresource_full_name": "on",
            "personresource_unit": "on",
        },
    )
    body = response.content.decode("utf-8-sig")
    assert "Trần Thị Bích" in body
    assert "Nguyễn Văn Ánh" not in body


def test_people_import_queries_do_not_grow_with_rows(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count):
        data = person_rows(
            *(
                [f"Người Số {count} Thứ {i}", "Nam", 1980 + i % 20, "", "A1", "Có"]
                for i in range(count)
            )
        )
        with CaptureQueriesContext(connection) as captured:
            result = PersonResource(
                scope=scope_for(world.secretariat), actor=world.secretariat
            ).import_data(data, dry_run=False, rollback_on_validation_errors=True)
        assert not result.has_errors() and not result.has_validation_errors()
        return len(captured)

    queries(1)  # warm the content type cache
    assert queries(2) == queries(30)


def test_people_import_updates_by_id_and_audits_each_row(world):
    from orgs.models import AuditEntry

    data = tablib.Dataset(
        headers=["Mã số (để trống nếu thêm mới)", "Họ và tên", "Năm sinh", "Mã đơn vị"]
    )
    data.append([world.person_a.pk, "Nguyễn  Văn Ánh", 1981, world.unit_a.code])
    data.append(["", "Nguyễn Văn Ánh", 1981, world.unit_a.code])
    result = PersonResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(data, dry_run=False, rollback_on_validation_errors=True)
    # the second row is the person the first row has just changed
    assert [row.number for row in result.invalid_rows] == [2]
    assert "Trùng với dòng 1" in str(result.invalid_rows[0].error_dict)
    assert Person.objects.get(pk=world.person_a.pk).birth_year != 1981

    data = tablib.Dataset(
        headers=["Mã số (để trống nếu thêm mới)", "Họ và tên", "Năm sinh", "Mã đơn vị"]
    )
    data.append([world.person_a.pk, "Nguyễn  Văn Ánh", 1981, world.unit_a.code])
    data.append(["abc", "Lê Thị Mai", 1990, world.unit_a.code])
    result = PersonResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert result.has_errors() and [n for n, _errors in result.row_errors()] == [2]
    assert Person.objects.get(pk=world.person_a.pk).birth_year != 1981

    data = tablib.Dataset(
        headers=["Mã số (để trống nếu thêm mới)", "Họ và tên", "Năm sinh", "Mã đơn vị"]
    )
    data.append([world.person_a.pk, "Nguyễn  Văn Ánh", 1981, world.unit_a.code])
    data.append(["", "Lê Thị Mai", 1990, world.unit_a.code])
    result = PersonResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert not result.has_errors() and not result.has_validation_errors()
    person = Person.objects.get(pk=world.person_a.pk)
    assert (person.full_name, person.birth_year) == ("Nguyễn Văn Ánh", 1981)
    assert person.search_name == "nguyen van anh"
    mai = Person.objects.get(full_name="Lê Thị Mai")
    assert mai.search_name == "le thi mai" and mai.unit == world.unit_a
    changed = AuditEntry.objects.get(action="orgs.person.imported", object_id=person.pk)
    assert changed.actor == world.secretariat and changed.unit == world.unit_a
    assert changed.data["after"] == {"birth_year": 1981}
    assert changed.data["via"] == "import"
    created = AuditEntry.objects.get(action="orgs.person.imported", object_id=mai.pk)
    assert created.data["before"] == {}
    assert created.data["after"]["search_name"] == "le thi mai"


def test_people_import_names_a_birth_year_out_of_range_in_vietnamese(world):
    data = person_rows(["Lê Văn Cường", "Nam", 1800, "", "A", ""])
    result = PersonResource(scope=scope_for(world.officer_a)).import_data(
        data, dry_run=True
    )
    (row,) = result.invalid_rows
    assert "Năm sinh 1800 phải trong khoảng 1900–2100" in str(row.error_dict)
