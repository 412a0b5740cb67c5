"""Compositions and members from a spreadsheet: a good file goes in, a bad file
names each bad row in Vietnamese and saves nothing."""

from __future__ import annotations

import datetime
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from councils.models import Composition, CouncilMember
from councils.resources import CompositionResource, CouncilMemberResource
from orgs.models import Person
from orgs.scoping import scope_for
from tests.factories_councils import CouncilFactory

pytestmark = pytest.mark.django_db
D = datetime.date

COMPOSITION_HEADERS = [
    "Mã hội đồng",
    "Hình thức",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan ban hành",
]
MEMBER_HEADERS = [
    "Mã hội đồng",
    "Số quyết định",
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Mã đơn vị công tác",
    "Chức vụ",
    "Vai trò trong hội đồng",
    "Mã đơn vị đại diện",
    "Có quyền biểu quyết",
]


@pytest.fixture
def council(world):
    return CouncilFactory(owner_unit=world.unit_a, code="HD-A")


def dataset(headers, *rows):
    data = tablib.Dataset(headers=headers)
    for row in rows:
        data.append(row)
    return data


def _compositions(world, *rows):
    return CompositionResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(
        dataset(COMPOSITION_HEADERS, *rows),
        dry_run=False,
        rollback_on_validation_errors=True,
    )


def _members(world, *rows):
    return CouncilMemberResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(
        dataset(MEMBER_HEADERS, *rows),
        dry_run=False,
        rollback_on_validation_errors=True,
    )


def test_good_files_build_two_chained_compositions_and_their_members(world, council):
    result = _compositions(
        world,
        ["HD-A", "Kiện toàn", "4084/QĐ-UBND", "17/12/2020", "UBND quận"],
        ["HD-A", "kien toan", "1186/QĐ-UBND", "21/03/2022", "UBND quận"],
    )
    assert not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    first = Composition.objects.get(decision_number="4084/QĐ-UBND")
    assert first.valid_to == D(2022, 3, 20)
    result = _members(
        world,
        [
            "HD-A",
            "4084/QĐ-UBND",
            1,
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "Chủ tịch UBND phường",
            "Chủ tịch",
            "A",
            "",
        ],
        [
            "HD-A",
            "4084/QĐ-UBND",
            2,
            "Lê Văn Mới",
            1985,
            "A1",
            "Hiệu trưởng",
            "Ủy viên",
            "A1",
            "Có",
        ],
        [
            "HD-A",
            "4084/QĐ-UBND",
            3,
            "Trần Thị Thư Ký",
            1990,
            "A",
            "Chuyên viên",
            "Thư ký",
            "",
            "Không",
        ],
    )
    assert not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    seats = list(first.members.order_by("order"))
    assert [s.person.full_name for s in seats] == [
        "Nguyễn Văn Ánh",
        "Lê Văn Mới",
        "Trần Thị Thư Ký",
    ]
    assert seats[0].person == world.person_a and seats[0].role == "chair"
    assert seats[2].is_voting is False and seats[1].is_voting is True


def test_bad_member_file_saves_nothing_and_names_each_problem(world, council):
    _compositions(
        world, ["HD-A", "Kiện toàn", "4084/QĐ-UBND", "17/12/2020", "UBND quận"]
    )
    people_before = Person.objects.count()
    result = _members(
        world,
        [
            "HD-A",
            "4084/QĐ-UBND",
            1,
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "",
            "Chủ tịch",
            "",
            "",
        ],
        ["HD-A", "9999/QĐ-UBND", 2, "Lê Văn Mới", 1985, "A", "", "Ủy viên", "", ""],
        ["HD-A", "4084/QĐ-UBND", 3, "Phạm Văn Hai", 1985, "A", "", "Chủ tịch", "", ""],
        [
            "HD-A",
            "4084/QĐ-UBND",
            4,
            "Đỗ Thị Ba",
            1985,
            "KHONGCO",
            "",
            "Ủy viên",
            "",
            "",
        ],
        ["HD-A", "4084/QĐ-UBND", 5, "Vũ Văn Bốn", 1985, "A", "", "Trưởng ban", "", ""],
        ["HD-B", "4084/QĐ-UBND", 6, "Vũ Văn Năm", 1985, "A", "", "Ủy viên", "", ""],
        [
            "HD-A",
            "4084/QĐ-UBND",
            7,
            "Vũ Văn Sáu",
            1985,
            "A",
            "",
            "Ủy viên",
            "",
            "có lẽ",
        ],
    )
    assert CouncilMember.objects.count() == 0
    assert Person.objects.count() == people_before
    messages = {row.number: str(row.error_dict) for row in result.invalid_rows}
    assert 1 not in messages
    assert "chưa có quyết định số “9999/QĐ-UBND”" in messages[2]
    assert "đã có Chủ tịch Hội đồng" in messages[3]
    assert "Không có đơn vị mã “KHONGCO”" in messages[4]
    assert "không hợp lệ" in messages[5]
    assert "Không có hội đồng mã “HD-B”" in messages[6]
    assert "Có/Không" in messages[7]


def test_a_council_of_another_unit_cannot_be_imported_into(world):
    CouncilFactory(owner_unit=world.unit_b, code="HD-B")
    result = CompositionResource(
        scope=scope_for(world.officer_a), actor=world.officer_a
    ).import_data(
        dataset(
            COMPOSITION_HEADERS,
            ["HD-B", "Kiện toàn", "1/QĐ-UBND", "17/12/2020", "UBND"],
        ),
        dry_run=False,
        rollback_on_validation_errors=True,
    )
    assert result.has_validation_errors()
    assert not Composition.objects.exists()


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_admin_import_previews_then_confirms(client, world, council):
    client.force_login(world.secretariat)
    content = xlsx(
        [
            COMPOSITION_HEADERS,
            ["HD-A", "Kiện toàn", "4084/QĐ-UBND", "17/12/2020", "UBND quận"],
        ]
    )
    response = client.post(
        reverse("admin:councils_composition_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("tp.xlsx", content),
        },
    )
    assert response.status_code == 200 and "4084/QĐ-UBND" in response.content.decode()
    assert not Composition.objects.exists()
    confirm = response.context["confirm_form"]
    response = client.post(
        reverse("admin:councils_composition_process_import"), confirm.initial
    )
    assert response.status_code == 302
    assert Composition.objects.get().council == council


def test_members_export_round_trips_the_columns(world, council):
    _compositions(
        world, ["HD-A", "Kiện toàn", "4084/QĐ-UBND", "17/12/2020", "UBND quận"]
    )
    _members(
        world,
        [
            "HD-A",
            "4084/QĐ-UBND",
            1,
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "Chủ tịch UBND",
            "Chủ tịch",
            "A",
            "",
        ],
    )
    exported = CouncilMemberResource(scope=scope_for(world.secretariat)).export()
    assert exported.headers == MEMBER_HEADERS
    assert list(exported[0])[:8] == [
        "HD-A",
        "4084/QĐ-UBND",
        "1",
        "Nguyễn Văn Ánh",
        "1980",
        "A",
        "Chủ tịch UBND",
        "Chủ tịch",
    ]
