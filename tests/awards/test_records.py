"""Award records and yearly results: manual entry, spreadsheet import of past awards
(Vietnamese row errors, nothing saved while any row is wrong), revocation with
history, the yearly grid."""

from __future__ import annotations

import io

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from awards.models import AwardRecord, YearlyResult
from awards.resources import AwardRecordResource, YearlyResultResource
from awards.services import records as services
from orgs.scoping import scope_for
from tests.factories import PersonFactory
from tests.factories_awards import D, kind

pytestmark = pytest.mark.django_db

RECORD_HEADERS = [
    "Mã cá nhân",
    "Họ và tên",
    "Năm sinh",
    "Mã đơn vị",
    "Mã đơn vị tập thể",
    "Mã danh hiệu, hình thức",
    "Năm",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
]


def records(*rows):
    data = tablib.Dataset(headers=RECORD_HEADERS)
    for row in rows:
        data.append(row)
    return data


def test_past_awards_import_by_name_birth_year_and_unit(world):
    data = records(
        [
            "",
            "nguyen van anh",
            1980,
            "A",
            "",
            "CSTDCS",
            2019,
            "15/QĐ-UBND",
            "20/01/2020",
            "Chủ tịch UBND quận",
        ],
        [
            "",
            "",
            "",
            "",
            "A1",
            "TTLDTT",
            2019,
            "16/QĐ-UBND",
            "20/01/2020",
            "Chủ tịch UBND quận",
        ],
        [
            world.person_a.pk,
            "",
            "",
            "",
            "",
            "Lao động tiên tiến",
            2020,
            "3/QĐ",
            "15/01/2021",
            "UBND phường",
        ],
    )
    result = AwardRecordResource(
        scope=scope_for(world.officer_a), actor=world.officer_a
    ).import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert not result.has_errors() and not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    assert AwardRecord.objects.filter(source="imported").count() == 3
    collective = AwardRecord.objects.get(collective=world.unit_a1)
    assert collective.award_kind.code == "TTLDTT" and collective.unit == world.unit_a1
    assert (
        AwardRecord.objects.get(person=world.person_a, year=2020).award_kind.code
        == "LDTT"
    )
    assert (
        AwardRecord.objects.get(person=world.person_a, year=2019).events.get().action
        == "created"
    )


def test_a_bad_file_reports_every_row_and_saves_nothing(world):
    PersonFactory(full_name="Lê Văn Trùng", unit=world.unit_a, birth_year=1980)
    PersonFactory(full_name="Lê Văn Trùng", unit=world.unit_a1, birth_year=1981)
    data = records(
        [
            "",
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "",
            "CSTDCS",
            2019,
            "15/QĐ",
            "20/01/2020",
            "UBND",
        ],
        ["", "Không Có Ai", "", "", "", "CSTDCS", 2019, "15/QĐ", "20/01/2020", "UBND"],
        [
            "",
            "Trần Thị Bích",
            1985,
            "B",
            "",
            "CSTDCS",
            2019,
            "15/QĐ",
            "20/01/2020",
            "UBND",
        ],
        ["", "Lê Văn Trùng", "", "", "", "CSTDCS", 2019, "15/QĐ", "20/01/2020", "UBND"],
        [
            "",
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "",
            "XYZ",
            2019,
            "15/QĐ",
            "20/01/2020",
            "UBND",
        ],
        [
            "",
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "",
            "TTLDXS",
            2019,
            "15/QĐ",
            "20/01/2020",
            "UBND",
        ],
        [
            "",
            "Nguyễn Văn Ánh",
            1980,
            "A",
            "",
            "LDTT",
            2019,
            "15/QĐ",
            "31/02/2020",
            "UBND",
        ],
    )
    result = AwardRecordResource(scope=scope_for(world.officer_a)).import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert not AwardRecord.objects.exists()
    messages = {row.number: str(row.error_dict) for row in result.invalid_rows}
    assert 1 not in messages
    assert "Không tìm thấy “Không Có Ai”" in messages[2]
    assert "Không tìm thấy “Trần Thị Bích”" in messages[3]
    assert "Có nhiều người tên “Lê Văn Trùng”" in messages[4]
    assert "Không có danh hiệu, hình thức “XYZ”" in messages[5]
    assert "không tặng cho đối tượng này" in messages[6]
    assert "ngày/tháng/năm" in messages[7]


def test_the_same_past_award_is_not_imported_twice(world):
    row = [
        "",
        "Nguyễn Văn Ánh",
        1980,
        "A",
        "",
        "CSTDCS",
        2019,
        "15/QĐ",
        "20/01/2020",
        "UBND",
    ]
    resource = AwardRecordResource(scope=scope_for(world.officer_a))
    resource.import_data(
        records(row), dry_run=False, rollback_on_validation_errors=True
    )
    again = resource.import_data(
        records(row), dry_run=False, rollback_on_validation_errors=True
    )
    assert "đã có trên hệ thống" in str(again.invalid_rows[0].error_dict)
    assert AwardRecord.objects.count() == 1


def test_yearly_results_import_corrects_existing_rows(world):
    data = tablib.Dataset(headers=["Mã cá nhân", "Họ và tên", "Năm", "Kết quả"])
    data.append([world.person_a.pk, "", 2023, "Hoàn thành tốt nhiệm vụ"])
    data.append(["", "nguyen van anh", 2024, "HTXS"])
    resource = YearlyResultResource(scope=scope_for(world.officer_a))
    result = resource.import_data(
        data, dry_run=False, rollback_on_validation_errors=True
    )
    assert not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    fix = tablib.Dataset(headers=["Mã cá nhân", "Năm", "Kết quả"])
    fix.append([world.person_a.pk, 2023, "HTXS"])
    resource.import_data(fix, dry_run=False, rollback_on_validation_errors=True)
    assert dict(YearlyResult.objects.values_list("year", "result")) == {
        2023: "HTXS",
        2024: "HTXS",
    }


def test_admin_import_previews_then_confirms(client, world):
    client.force_login(world.secretariat)
    book = Workbook()
    book.active.append(RECORD_HEADERS)
    book.active.append(
        ["", "Trần Thị Bích", 1985, "B", "", "LDTT", 2018, "9/QĐ", "10/01/2019", "UBND"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        reverse("admin:awards_awardrecord_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("kt.xlsx", buffer.getvalue()),
        },
    )
    assert response.status_code == 200 and not AwardRecord.objects.exists()
    confirm = response.context["confirm_form"]
    client.post(reverse("admin:awards_awardrecord_process_import"), confirm.initial)
    assert AwardRecord.objects.get().person == world.person_b


def test_manual_record_refuses_a_second_title_for_the_same_year(world):
    def add(number):
        return services.award_record_create(
            actor=None,
            award_kind=kind("LDTT"),
            year=2022,
            decision_number=number,
            decision_date=D(2023, 1, 5),
            issuer="UBND",
            person=world.person_a,
        )

    add("1/QĐ")
    with pytest.raises(ValidationError, match="Đã có danh hiệu"):
        add("2/QĐ")
    with pytest.raises(ValidationError, match="không tặng cho tập thể"):
        services.award_record_create(
            actor=None,
            award_kind=kind("LDTT"),
            year=2022,
            decision_number="3/QĐ",
            decision_date=D(2023, 1, 5),
            issuer="UBND",
            collective=world.unit_a,
        )


def test_revocation_keeps_the_record_and_its_history(client, world):
    record = services.award_record_create(
        actor=None,
        award_kind=kind("CSTDCS"),
        year=2022,
        decision_number="1/QĐ",
        decision_date=D(2023, 1, 5),
        issuer="UBND",
        person=world.person_a,
    )
    client.force_login(world.officer_a)
    assert (
        client.post(
            reverse("awards:record-revoke", args=[record.pk]), {"reason": "x"}
        ).status_code
        == 403
    )
    client.force_login(world.secretariat)
    client.post(
        reverse("awards:record-revoke", args=[record.pk]),
        {
            "reason": "Khai không đúng thành tích",
            "revoked_on": "2024-05-01",
            "revocation_number": "5/QĐ",
        },
    )
    record.refresh_from_db()
    assert record.status == "revoked" and record.revocation_number == "5/QĐ"
    assert list(record.events.values_list("action", flat=True)) == [
        "created",
        "revoked",
    ]
    with pytest.raises(ValidationError, match="đã bị hủy bỏ"):
        services.award_record_revoke(
            record=record, actor=None, reason="lại", revoked_on=D(2024, 6, 1)
        )


def test_yearly_results_grid(client, world):
    other = PersonFactory(unit=world.unit_a1)
    client.force_login(world.officer_a)
    url = reverse("awards:result-entry")
    page = client.get(url, {"unit": world.unit_a.pk, "year": 2024})
    assert other.full_name in page.content.decode()
    client.post(
        url,
        {
            "unit": world.unit_a.pk,
            "year": 2024,
            f"result-{world.person_a.pk}": "HTXS",
            f"result-{other.pk}": "HTNV",
        },
    )
    assert dict(YearlyResult.objects.values_list("person_id", "result")) == {
        world.person_a.pk: "HTXS",
        other.pk: "HTNV",
    }
    client.post(
        url,
        {
            "unit": world.unit_a.pk,
            "year": 2024,
            f"result-{world.person_a.pk}": "",
            f"result-{other.pk}": "HTNV",
        },
    )
    assert YearlyResult.objects.count() == 1


def test_results_outside_the_unit_are_refused(world):
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        services.yearly_results_set_many(
            actor=None,
            unit=world.unit_a,
            year=2024,
            results={world.person_b.pk: "HTXS"},
        )
