"""A cluster's year-end report: drafted with the cluster's figures, edited, issued
with the cluster's next "BC" number, and re-printed from its snapshot."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clusters.models import ClusterYear
from reports import cluster_reports, services
from reports.models import ClusterReport
from tests.factories_clusters import make_cluster
from tests.factories_reports import award, small_world
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db
D = datetime.date


def year_end(world, actor=None):
    built = make_cluster(world, year=2024)  # A head, B first deputy
    ClusterYear.objects.filter(pk=built.year.pk).update(
        ranking_snapshot={
            "full_max": "100",
            "rows": [
                {
                    "unit": world.unit_a.name,
                    "unit_id": world.unit_a.pk,
                    "rank": 1,
                    "final": "96.50",
                    "self_total": "97.00",
                    "normalised": None,
                },
                {
                    "unit": world.unit_b.name,
                    "unit_id": world.unit_b.pk,
                    "rank": 2,
                    "final": "91.00",
                    "self_total": "92.00",
                    "normalised": None,
                },
            ],
        },
        ranking_published_at=datetime.datetime(2024, 12, 20, tzinfo=datetime.UTC),
    )
    built.year.refresh_from_db()
    report = services.cluster_report_create(
        cluster_year=built.year, kind="annual", actor=actor
    )
    return built, report


def test_the_draft_is_prefilled_with_members_and_summary(world):
    _built, report = year_end(world)
    assert report.summary == (
        "Tổng kết công tác thi đua, khen thưởng năm 2024 của Cụm thi đua số 1"
    )
    assert world.unit_a.name in report.section("situation")
    assert "Đơn vị trưởng: " + world.unit_a.name in report.section("situation")


def test_figures_hold_the_ranking_and_the_members_awards(world):
    small_world(world)  # 2024 achievements are decided in 2025
    _built, report = year_end(world)
    award(world.unit_a, "TTLDXS", 2023, decided=D(2024, 2, 1))
    award(world.person_b, "LDTT", 2023, decided=D(2024, 7, 1))
    figures = cluster_reports.figures(report)
    assert [m["role"] for m in figures["members"]] == ["Cụm trưởng", "Cụm phó thứ nhất"]
    assert figures["ranking"]["rows"][0]["unit"] == world.unit_a.name
    rows = {row["unit"]: row for row in figures["awards"]}
    # decided in 2024: A subtree a1, a2, t1, A1 (collective) + TTLĐXS of A; B: b1, b2, person_b
    assert rows[world.unit_a.name]["all"] == 5
    assert rows[world.unit_a.name]["collectives"] == 2
    assert rows[world.unit_a.name]["own"] == "Tập thể lao động xuất sắc"
    assert rows[world.unit_b.name]["all"] == 3


def test_a_mid_year_report_counts_the_first_half_only(world):
    built, _annual = year_end(world)
    award(world.person_a, "LDTT", 2023, decided=D(2024, 2, 1))
    award(world.person_b, "LDTT", 2023, decided=D(2024, 7, 1))
    report = services.cluster_report_create(
        cluster_year=built.year, kind="midyear", actor=None
    )
    figures = cluster_reports.figures(report)
    rows = {row["unit"]: row["all"] for row in figures["awards"]}
    assert rows == {world.unit_a.name: 1, world.unit_b.name: 0}
    assert figures["ranking"] is None


def test_stale_edits_are_refused(world):
    _built, report = year_end(world)
    sections = {"situation": "Mới"}
    services.cluster_report_update(
        report=report, actor=None, version=1, summary="Tóm tắt", sections=sections
    )
    with pytest.raises(ValidationError, match="vừa được người khác sửa"):
        services.cluster_report_update(
            report=report, actor=None, version=1, summary="Khác", sections=sections
        )


def test_only_those_who_lead_write_the_report(world):
    built = make_cluster(world, year=2024)
    with pytest.raises(ValidationError, match="Chỉ đơn vị trưởng"):
        services.cluster_report_create(
            cluster_year=built.year, kind="annual", actor=world.officer_b
        )
    report = services.cluster_report_create(
        cluster_year=built.year, kind="annual", actor=world.officer_a
    )
    with pytest.raises(ValidationError, match="đã có báo cáo"):
        services.cluster_report_create(
            cluster_year=built.year, kind="annual", actor=world.secretariat
        )
    assert report.created_by == world.officer_a


def test_issuing_numbers_the_report_and_freezes_its_print(world, client):
    built, report = year_end(world, actor=world.officer_a)
    report = services.cluster_report_issue(
        report=report, actor=world.officer_a, issued_on=D(2024, 12, 28)
    )
    assert report.status == ClusterReport.Status.ISSUED
    assert report.issued.full_number == "01/BC-CTĐ1"
    assert report.issued.issuer == built.cluster.issuer
    with pytest.raises(ValidationError, match="không sửa được"):
        services.cluster_report_update(
            report=report, actor=None, version=report.version, summary="x", sections={}
        )
    world.unit_a.name = "Ủy ban nhân dân phường An Bình Mới"
    world.unit_a.save(update_fields=["name", "search_name"])
    client.force_login(world.leader)
    response = client.get(reverse("reports:cluster-report-pdf", args=[report.pk]))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Số: 01/BC-CTĐ1" in text
    assert "BÁO CÁO" in text
    assert "Ủy ban nhân dân phường An Bình" in text
    assert "An Bình Mới" not in text  # printed as issued
    assert "CỤM TRƯỞNG" in text


def test_the_draft_prints_without_a_number(world, client):
    _built, report = year_end(world)
    client.force_login(world.officer_a)
    response = client.get(reverse("reports:cluster-report-pdf", args=[report.pk]))
    text = pdf_text(response.content)
    assert "DỰ THẢO" in text
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" in text
    assert "Kết quả chấm điểm, xếp hạng thi đua" in text


def test_the_page_saves_and_issues(world, client):
    _built, report = year_end(world)
    client.force_login(world.officer_a)
    url = reverse("reports:cluster-report-detail", args=[report.pk])
    data = {
        "summary": report.summary,
        "situation": "Tình hình",
        "results": "Kết quả",
        "assessment": "Đánh giá",
        "tasks": "Nhiệm vụ",
        "proposals": "Kiến nghị",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert report.section("assessment") == "Đánh giá" and report.version == 2
    stale = client.post(url, data)
    assert stale.status_code == 200
    assert "vừa được người khác sửa" in stale.content.decode()
    issue = reverse("reports:cluster-report-issue", args=[report.pk])
    response = client.post(issue, {"issued_on": "2024-12-30", "drafting_code": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.is_issued
    client.force_login(world.leader)
    page = client.get(url)
    assert page.context["form"] is None
    assert "01/BC-CTĐ1" in page.content.decode()
