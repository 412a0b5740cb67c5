"""Printing: the decision per Mẫu 1.2 read back from the PDF, a 1,000-line annex through
a background job (first and last rows, repeated headers), documents that keep the
names of their date, certificates one landscape page each, the xlsx list."""

from __future__ import annotations

import io
import time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import Decision, DecisionLine
from awards.printing.render import certificates_pdf, decision_pdf
from awards.services import decision_drafts as drafts
from awards.services.decision_issue import decision_issue
from orgs import services as org_services
from orgs.models import BackgroundJob, DocumentIssuer, Person
from orgs.vn import fold
from tests.factories_awards import (
    SIGNER,
    D,
    approved,
    dossier,
    draft_decision,
    issued_decision,
    kind,
    results,
)
from tests.pdf_text import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


def test_the_decision_reads_as_a_decree_30_decision(world):
    results(world.person_a, y2023="HTTNV")
    target = approved(dossier(world.unit_a, "LDTT", people=[world.person_a], year=2023))
    decision = issued_decision([target], day=D(2024, 7, 15))
    text = " ".join(pdf_text(decision_pdf(decision)).split())
    for expected in (
        "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 01/QĐ-UBND",
        "Hà Nội, ngày 15 tháng 7 năm 2024",
        "QUYẾT ĐỊNH Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2023",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2023 cho 1 cá nhân",
        "bằng 702.000 đồng (Bảy trăm linh hai nghìn đồng)",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký",
        "Nơi nhận:",
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Lê Văn Ký",
        "(Kèm theo Quyết định số 01/QĐ-UBND ngày 15/7/2024",
        "Nguyễn Văn Ánh",
    ):
        assert expected in text, expected


def test_a_draft_prints_without_number_or_day(world):
    results(world.person_a, y2023="HTTNV")
    draft = draft_decision(
        [approved(dossier(world.unit_a, "LDTT", people=[world.person_a], year=2023))]
    )
    text = pdf_text(decision_pdf(draft))
    assert "DỰ THẢO" in text and "01/QĐ" not in text


def big_decision(world, count):
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Người Thứ {i:04d}",
            search_name=fold(f"Người Thứ {i:04d}"),
            unit=world.unit_a,
            position="Chuyên viên",
        )
        for i in range(1, count + 1)
    )
    decision = drafts.new_decision(
        unit=world.unit_a,
        award_kind=kind("LDTT"),
        year=2024,
        year_text="2024",
        award_type="regular",
        day=D(2025, 1, 20),
        actor=None,
        **SIGNER,
    )
    decision.save()
    DecisionLine.objects.bulk_create(
        DecisionLine(
            decision=decision,
            order=index,
            person=person,
            unit=world.unit_a,
            display_name=person.full_name,
            position=person.position,
            unit_name=world.unit_a.name,
            search_name=person.search_name,
        )
        for index, person in enumerate(people, start=1)
    )
    drafts.save_money(decision, drafts.lines_of(decision))
    decision.save(update_fields=["base_salary", "total_amount"])
    return decision_issue(decision=decision, actor=None)


def test_a_thousand_line_annex_prints_through_a_job(
    world, client, django_capture_on_commit_callbacks
):
    decision = big_decision(world, 1000)
    assert decision.total_amount == 1000 * 702_000
    client.force_login(world.secretariat)
    page = client.get(reverse("awards:decision-pdf", args=[decision.pk]))
    assert "chạy nền" in page.content.decode()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("awards:decision-pdf", args=[decision.pk]))
    elapsed = time.monotonic() - started
    job = BackgroundJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == BackgroundJob.Status.DONE, job.message
    content = job.result.read()
    text = pdf_text(content)
    assert "Người Thứ 0001" in text and "Người Thứ 1000" in text
    assert text.index("Người Thứ 0001") < text.index("Người Thứ 1000")
    annex_pages = pdf_pages(content) - 2
    assert annex_pages > 20
    # The column headers repeat at the top of every annex page (table.list thead).
    assert text.count("Họ và tên, tên tập thể") >= annex_pages
    print(f"\n1000-line annex: {pdf_pages(content)} pages in {elapsed:.1f} s")


def test_documents_keep_the_names_of_their_date(world):
    results(world.person_a, y2023="HTTNV")
    target = approved(dossier(world.unit_a, "LDTT", people=[world.person_a], year=2023))
    decision = issued_decision([target])
    org_services.unit_update(
        unit=world.unit_a,
        actor=None,
        renamed_on=D(2025, 7, 1),
        name="Ủy ban nhân dân phường An Bình Mới",
        header_name="ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH MỚI",
    )
    DocumentIssuer.objects.filter(unit=world.unit_a).update(
        name="Ủy ban nhân dân phường An Bình Mới",
        header_name="ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH MỚI",
    )
    issued = " ".join(
        pdf_text(decision_pdf(Decision.objects.get(pk=decision.pk))).split()
    )
    assert "PHƯỜNG AN BÌNH MỚI" not in issued and "PHƯỜNG AN BÌNH" in issued
    again = approved(dossier(world.unit_a, "LDTT", people=[world.person_a], year=2022))
    old_day = drafts.decision_draft_from_dossiers(
        dossiers=[again], actor=None, decision_date=D(2025, 6, 1)
    )
    assert "MỚI" not in " ".join(pdf_text(decision_pdf(old_day)).split())
    assert old_day.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"
    new_day = drafts.decision_update(
        decision=old_day, actor=None, decision_date=D(2025, 7, 2)
    )
    assert "PHƯỜNG AN BÌNH MỚI" in " ".join(pdf_text(decision_pdf(new_day)).split())


def test_certificates_one_landscape_page_each_with_code(world, client):
    from pypdf import PdfReader

    people = [world.person_a, *Person.objects.filter(pk=world.person_b.pk)]
    target = approved(dossier(world.unit_a, "GIAY_KHEN", people=[people[0]]))
    decision = issued_decision([target])
    certificate = decision.certificates.get()
    content = certificates_pdf([certificate], base_url="https://tdkt.example.vn/")
    page = PdfReader(io.BytesIO(content)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = " ".join(pdf_text(content).split())
    assert "GIẤY KHEN" in text and "Nguyễn Văn Ánh" in text
    assert "Quyết định số 01/QĐ-UBND ngày 20/01/2025" in text
    assert certificate.printed_code in text
    assert f"https://tdkt.example.vn/awards/verify/{certificate.code}/" in text
    client.force_login(world.officer_a)
    response = client.get(reverse("awards:decision-certificates", args=[decision.pk]))
    assert response["Content-Type"] == "application/pdf"
    client.force_login(world.officer_b)
    response = client.get(reverse("awards:decision-certificates", args=[decision.pk]))
    assert response.status_code == 404


def test_the_list_exports_to_xlsx(world, client):
    target = approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    decision = issued_decision([target])
    client.force_login(world.leader)
    response = client.get(reverse("awards:decision-export", args=[decision.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[2][:3] == ("STT", "Họ tên, tên tập thể", "Chức vụ")
    assert rows[3][1] == "Nguyễn Văn Ánh" and rows[3][5] == 702_000
    assert rows[3][6] == decision.certificates.get().printed_code
