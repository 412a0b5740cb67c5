"""Cụm thi đua số 8 (2019) and số 7 (2023) of Hà Nội, and the 2026 cluster of wards."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from clusters.demo import data
from clusters.models import (
    Cluster,
    Conference,
    CriteriaSet,
)
from clusters.services import (
    conferences,
    criteria,
    organisation,
    scoring,
)
from orgs.demo import ward_code
from orgs.models import Unit

from .common import (
    D,
    Log,
    add_items,
    assign_followers,
    cluster_once,
    conclude,
    criteria_set_once,
    fictional_name,
    issue_document,
    new_conference,
    signed_pledge,
    year_with_members,
)


def seed_cluster_8(log: Log) -> None:
    hanoi = Unit.objects.get(code="HN")
    cluster = cluster_once(
        hanoi,
        kind=Cluster.Kind.CLUSTER,
        number=8,
        name="Cụm thi đua số 8 – các quận trung tâm",
        short_name="Cụm thi đua số 8",
        symbol="CTĐ8",
    )
    if not cluster.years.filter(year=2019).exists():
        _cluster_8_2019(cluster, hanoi)
    _wards_cluster(hanoi)
    log(f"  {cluster.name}: {cluster.years.count()} năm")


def _cluster_8_2019(cluster: Cluster, hanoi: Unit) -> None:
    districts = ["HN-HBT", "HN-BD", "HN-HK", "HN-DD", "HN-LB", "HN-HM"]
    year = year_with_members(cluster, 2019, districts, "HN-HBT", ["HN-BD", "HN-HK"])
    city = criteria_set_once(
        "Dự thảo tiêu chí chấm điểm thi đua các quận, huyện, thị xã năm 2019",
        2019,
        data.CITY_DISTRICT_CRITERIA_2019,
        owner_unit=hanoi,
    )
    adapted = criteria.criteria_set_create(
        name="Tiêu chí chấm điểm thi đua Cụm thi đua số 8 năm 2019",
        year=2019,
        owner_cluster=cluster,
        parent=city,
        actor=None,
    )
    _adapt(adapted, data.CLUSTER_8_CHANGES)
    criteria.criteria_set_freeze(criteria_set=adapted, actor=None)
    organisation.cluster_year_update(
        cluster_year=year, criteria_set=adapted, actor=None
    )
    plan = issue_document(
        year,
        "plan",
        "Kế hoạch công tác thi đua, khen thưởng năm 2019 của Cụm thi đua số 8",
        "",
        D(2019, 2, 21),
    )
    regulation = issue_document(
        year,
        "regulation",
        "Về việc ban hành Quy chế hoạt động của Cụm thi đua số 8 năm 2019",
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Cụm thi đua số 8 năm 2019.",
        D(2019, 2, 21),
    )
    kickoff = new_conference(
        year,
        Conference.Kind.KICKOFF,
        D(2019, 2, 21),
        place="Trụ sở HĐND và UBND quận Hai Bà Trưng",
        starts_at=datetime.time(8, 30),
        ends_at=datetime.time(11, 0),
        guests="Phó Trưởng Ban Thi đua – Khen thưởng thành phố Hà Nội\nTrưởng phòng Nội vụ, Chánh Văn phòng HĐND và UBND quận Hai Bà Trưng\nChuyên viên phụ trách công tác thi đua, khen thưởng của 06 quận",
        secretary_name=fictional_name("cum8-secretary"),
        secretary_title="Chuyên viên Phòng Nội vụ quận Hai Bà Trưng",
        discussion="Các thành viên Đoàn Chủ tịch lần lượt trình bày các dự thảo; đồng chí Cụm trưởng điều hành thảo luận. Các đại biểu thảo luận sôi nổi, nghiêm túc, dân chủ, trách nhiệm.",
    )
    add_items(
        kickoff,
        [
            (
                "plan",
                "Dự thảo Kế hoạch công tác thi đua, khen thưởng năm 2019",
                "adopted",
                {"document": plan},
            ),
            ("programme", "Chương trình công tác năm 2019", "adopted", None),
            (
                "regulation",
                "Dự thảo Quy chế hoạt động của Cụm thi đua số 8 năm 2019",
                "adopted",
                {"document": regulation},
            ),
            (
                "criteria",
                "Dự thảo Tiêu chí chấm điểm thi đua của thành phố Hà Nội",
                "amended",
                {
                    "criteria_set": adapted,
                    "note": "Sửa đổi 30% nội dung cho phù hợp với Cụm",
                },
            ),
            ("pledge", "Bản giao ước thi đua năm 2019", "signed", None),
        ],
    )
    conclude(kickoff, data.CLUSTER_8_CONCLUSIONS)
    signed_pledge(year, D(2019, 2, 21))
    conferences.conference_mark_held(conference=kickoff, actor=None)
    conferences.conference_minutes_issue(
        conference=kickoff, actor=None, issued_on=D(2019, 2, 21)
    )
    assign_followers(year)


def _adapt(adapted: CriteriaSet, changes: dict[str, Any]) -> None:
    nodes = {c.code: c for c in adapted.criteria.all()}
    for code, fields in changes["update"].items():
        values = {k: Decimal(v) if k == "max_points" else v for k, v in fields.items()}
        criteria.criterion_update(criterion=nodes[code], actor=None, **values)
    for code in changes["delete"]:
        criteria.criterion_delete(criterion=nodes[code], actor=None)
    for parent, code, title, maximum, kind in changes["add"]:
        criteria.criterion_add(
            criteria_set=adapted,
            actor=None,
            parent=nodes[parent],
            code=code,
            title=title,
            max_points=Decimal(maximum),
            kind=kind,
        )


def _wards_cluster(hanoi: Unit) -> None:
    """After 1/7/2025 the districts are gone: their successor wards form a cluster."""
    cluster = cluster_once(
        hanoi,
        kind=Cluster.Kind.CLUSTER,
        number=18,
        name="Cụm thi đua các phường trung tâm (minh họa sau sắp xếp năm 2025)",
        short_name="Cụm thi đua các phường trung tâm",
        symbol="CTĐPTT",
    )
    if cluster.years.filter(year=2026).exists():
        return
    wards = [
        ward_code(name)
        for name in (
            "Hai Bà Trưng",
            "Ba Đình",
            "Hoàn Kiếm",
            "Đống Đa",
            "Long Biên",
            "Hoàng Mai",
        )
    ]
    year_with_members(cluster, 2026, wards, wards[0], [wards[1]])


def seed_cluster_7(log: Log) -> None:
    hanoi = Unit.objects.get(code="HN")
    cluster = cluster_once(
        hanoi,
        kind=Cluster.Kind.CLUSTER,
        number=7,
        name="Cụm thi đua số 7 – khối sở, ngành",
        short_name="Cụm thi đua số 7",
        symbol="CTĐ7",
    )
    if not cluster.years.filter(year=2023).exists():
        _cluster_7_2023(cluster, hanoi)
    log(f"  {cluster.name}: {cluster.years.count()} năm")


def _cluster_7_2023(cluster: Cluster, hanoi: Unit) -> None:
    departments = [
        "HN-SGDDT",
        "HN-SYT",
        "HN-SVHTT",
        "HN-SLDTBXH",
        "HN-SKHCN",
        "HN-STTTT",
    ]
    year = year_with_members(
        cluster,
        2023,
        departments,
        "HN-SGDDT",
        ["HN-SYT"],
        theme="Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển",
    )
    draft = criteria_set_once(
        "Dự thảo tiêu chí chấm điểm khối sở, ngành năm 2023",
        2023,
        data.DEPARTMENT_CRITERIA_2023,
        owner_unit=hanoi,
    )
    year = organisation.cluster_year_update(
        cluster_year=year,
        criteria_set=draft,
        tie_break=["I", "III"],
        scoring_opens_on=D(2023, 11, 20),
        self_deadline=D(2023, 12, 8),
        review_deadline=D(2023, 12, 22),
        actor=None,
    )
    kickoff = new_conference(
        year,
        Conference.Kind.KICKOFF,
        D(2023, 3, 31),
        place="Sở Giáo dục và Đào tạo Hà Nội",
        secretary_name=fictional_name("cum7-secretary"),
        secretary_title="Chuyên viên Văn phòng Sở Giáo dục và Đào tạo",
    )
    plan = issue_document(
        year,
        "plan",
        "Về công tác thi đua, khen thưởng Cụm thi đua số 7 thành phố Hà Nội năm 2023",
        data.CLUSTER_7_PLAN_BODY,
        D(2023, 4, 4),
        number=972,
    )
    regulation = issue_document(
        year,
        "regulation",
        "Về việc ban hành Quy chế về tổ chức hoạt động và nguyên tắc bình xét thi đua Cụm thi đua số 7 thành phố Hà Nội năm 2023",
        data.CLUSTER_7_REGULATION_BODY,
        D(2023, 4, 4),
        number=580,
    )
    add_items(
        kickoff,
        [
            (
                "plan",
                "Dự thảo Kế hoạch công tác thi đua, khen thưởng năm 2023",
                "adopted",
                {"document": plan},
            ),
            (
                "regulation",
                "Dự thảo Quy chế về tổ chức hoạt động và nguyên tắc bình xét thi đua",
                "adopted",
                {"document": regulation},
            ),
            ("pledge", "Bản giao ước thi đua năm 2023", "signed", None),
        ],
    )
    signed_pledge(year, D(2023, 3, 31))
    conferences.conference_mark_held(conference=kickoff, actor=None)
    midyear = new_conference(
        year,
        Conference.Kind.MIDYEAR,
        D(2023, 9, 8),
        title="Hội nghị sơ kết công tác thi đua khen thưởng 6 tháng đầu năm và triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2023",
        place="Sở Giáo dục và Đào tạo Hà Nội",
        starts_at=datetime.time(14, 0),
        ends_at=datetime.time(16, 30),
        secretary_name=fictional_name("cum7-secretary"),
        secretary_title="Chuyên viên Văn phòng Sở Giáo dục và Đào tạo",
        discussion="Các đơn vị thảo luận, góp ý hoàn thiện dự thảo báo cáo công tác thi đua, khen thưởng và dự thảo tiêu chí chấm điểm khối sở, ngành năm 2023.",
    )
    add_items(
        midyear,
        [
            (
                "report",
                "Dự thảo báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2023",
                "discussed",
                None,
            ),
            (
                "criteria",
                "Dự thảo tiêu chí chấm điểm khối sở, ngành năm 2023",
                "discussed",
                {"criteria_set": draft},
            ),
        ],
    )
    conclude(midyear, data.CLUSTER_7_MIDYEAR_CONCLUSIONS)
    conferences.conference_mark_held(conference=midyear, actor=None)
    scoring.scoring_start(cluster_year=year, actor=None)
    assign_followers(year)
