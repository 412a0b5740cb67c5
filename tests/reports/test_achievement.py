"""The báo cáo thành tích skeleton: pre-filled award history, PDF and Word."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from tests.factories_awards import dossier, results
from tests.factories_reports import award
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def nominee(world):
    person = world.person_a
    results(person, y2022="HTXS", y2023="HTTNV")
    award(person, "LDTT", 2022, number="12/QĐ-UBND")
    award(person, "CSTDCS", 2023, number="13/QĐ-UBND")
    award(person, "LDTT", 2021, status="revoked")
    return dossier(world.unit_a, "CSTDCS", year=2024, people=[person]).nominations.get()


def test_the_form_opens_prefilled(client, world):
    nomination = nominee(world)
    client.force_login(world.officer_a)
    response = client.get(reverse("reports:achievement", args=[nomination.pk]))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert "Họ và tên: Nguyễn Văn Ánh" in initial["profile"]
    assert "Năm sinh: 1980" in initial["profile"]
    assert [row["award"] for row in response.context["history"]] == [
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
    ]


def test_pdf_has_the_three_parts_and_the_award_table(client, world):
    nomination = nominee(world)
    client.force_login(world.officer_a)
    response = client.post(
        reverse("reports:achievement", args=[nomination.pk]),
        {
            "profile": "Họ và tên: Nguyễn Văn Ánh",
            "achievements": "Hoàn thành xuất sắc nhiệm vụ.",
            "signer_title": "",
            "signer_name": "",
            "output": "pdf",
        },
    )
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())  # cells wrap their lines
    assert "BÁO CÁO THÀNH TÍCH" in text
    assert "Đề nghị tặng Chiến sĩ thi đua cơ sở năm 2024" in text
    assert "I. SƠ LƯỢC LÝ LỊCH" in text
    assert "II. THÀNH TÍCH ĐẠT ĐƯỢC" in text
    assert "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT" in text
    assert "2022 Lao động tiên tiến Số 12/QĐ-UBND ngày 15/01/2023" in text
    assert "Hoàn thành xuất sắc nhiệm vụ" in text
    assert "2021" not in text.split("III.")[1]  # the revoked award is left out


def test_docx_is_a_word_file_with_the_same_content(client, world):
    nomination = nominee(world)
    client.force_login(world.secretariat)
    response = client.post(
        reverse("reports:achievement", args=[nomination.pk]),
        {
            "profile": "Dòng một",
            "achievements": "Thành tích & kết quả",
            "output": "docx",
        },
    )
    assert response.status_code == 200
    assert "wordprocessingml" in response["Content-Type"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "word/document.xml" in archive.namelist()
    xml = archive.read("word/document.xml").decode()
    assert "BÁO CÁO THÀNH TÍCH" in xml
    assert "Thành tích &amp; kết quả" in xml
    assert "13/QĐ-UBND" in xml


def test_another_units_officer_cannot_open_it(client, world):
    nomination = nominee(world)
    client.force_login(world.officer_b)
    assert (
        client.get(reverse("reports:achievement", args=[nomination.pk])).status_code
        == 404
    )


def test_person_page_links_to_the_report(client, world):
    nomination = nominee(world)
    client.force_login(world.officer_a)
    response = client.get(reverse("orgs:person-detail", args=[world.person_a.pk]))
    assert (
        reverse("reports:achievement", args=[nomination.pk])
        in response.content.decode()
    )
