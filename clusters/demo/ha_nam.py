"""Khối Thi đua Tổng hợp of Hà Nam: 2021 scored, ranked, voted; 2022 rotated."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from clusters.demo import data
from clusters.models import (
    AwardCode,
    Cluster,
    ClusterYear,
    Conference,
    ConferenceItem,
    ScoreSheet,
)
from clusters.services import (
    conferences,
    evaluation,
    organisation,
    reviews,
    rotation,
    scoring,
)
from orgs.models import Unit

from .common import (
    D,
    Log,
    add_items,
    cluster_once,
    conclude,
    criteria_set_once,
    fictional_name,
    new_conference,
    units_by_code,
    year_with_members,
)

HA_NAM_UNITS = [
    "HNAM-VPDBHD",
    "HNAM-KBNN",
    "HNAM-VPUB",
    "HNAM-SKHDT",
    "HNAM-STC",
    "HNAM-CT",
    "HNAM-CTK",
    "HNAM-NHNN",
    "HNAM-HQ",
]


def seed_ha_nam_block(log: Log) -> None:
    ha_nam = Unit.objects.get(code="HNAM")
    block = cluster_once(
        ha_nam,
        kind=Cluster.Kind.BLOCK,
        name="Khối Thi đua Tổng hợp",
        short_name="Khối Thi đua Tổng hợp",
        symbol="KTĐTH",
    )
    if not block.years.filter(year=2021).exists():
        _ha_nam_2021(block, ha_nam)
    log(f"  {block.name} (Hà Nam): {block.years.count()} năm")


def _ha_nam_2021(block: Cluster, ha_nam: Unit) -> None:
    year = year_with_members(
        block,
        2021,
        HA_NAM_UNITS,
        "HNAM-VPDBHD",
        ["HNAM-KBNN"],
        theme="Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc",
    )
    rules = criteria_set_once(
        "Tiêu chí chấm điểm thi đua các khối thi đua của tỉnh năm 2021",
        2021,
        data.HA_NAM_BLOCK_CRITERIA_2021,
        owner_unit=ha_nam,
    )
    year = organisation.cluster_year_update(
        cluster_year=year,
        criteria_set=rules,
        tie_break=["I", "IV"],
        scoring_opens_on=D(2021, 11, 22),
        self_deadline=D(2021, 12, 10),
        review_deadline=D(2021, 12, 20),
        actor=None,
    )
    scoring.scoring_start(cluster_year=year, actor=None)
    _score_ha_nam(year)
    year = reviews.ranking_publish(
        cluster_year=year,
        actor=None,
        published_at=datetime.datetime(2021, 12, 24, 9, tzinfo=datetime.UTC),
    )
    conference = new_conference(
        year,
        Conference.Kind.YEAR_END,
        D(2021, 12, 28),
        title="Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021, triển khai nhiệm vụ năm 2022",
        place="Trụ sở Văn phòng Đoàn ĐBQH và HĐND tỉnh Hà Nam",
        starts_at=datetime.time(8, 0),
        ends_at=datetime.time(11, 30),
        guests="Phó Chủ tịch Thường trực UBND tỉnh\nLãnh đạo Sở Nội vụ tỉnh Hà Nam",
        secretary_name=fictional_name("hanam-secretary"),
        secretary_title="Chuyên viên Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        discussion="Các đơn vị thành viên nhất trí cao với dự thảo báo cáo tổng kết; phân tích thêm hạn chế: hoạt động còn bề nổi, phối hợp giữa các đơn vị chưa chặt chẽ, sáng kiến chưa được ứng dụng rộng rãi.",
    )
    add_items(
        conference,
        [
            (
                "report",
                "Dự thảo báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của Khối",
                "adopted",
                None,
            )
        ],
    )
    _vote_ha_nam(year, conference)
    conclude(conference, data.HA_NAM_CONCLUSIONS)
    conferences.conference_mark_held(conference=conference, actor=None)
    conferences.conference_minutes_issue(
        conference=conference, actor=None, issued_on=D(2021, 12, 28)
    )
    rotation.cluster_year_roll(cluster_year=year, actor=None)


def _score_ha_nam(year: ClusterYear) -> None:
    """Deterministic self-scores; the head (or the deputy, for the head) verifies them."""
    sheets = list(year.sheets.select_related("unit"))
    leaves = {
        c.code: c for c in year.criteria_set.criteria.filter(children__isnull=True)
    }
    for sheet in sheets:
        rng = random.Random(f"hanam-2021-{sheet.unit.code}")
        entries = {
            e.criterion.code: e for e in sheet.entries.select_related("criterion")
        }
        if sheet.unit.code == "HNAM-VPDBHD":
            entries["II.1"] = reviews.exemption_set(
                entry=entries["II.1"],
                actor=None,
                exempt=True,
                reason="Đơn vị không giải quyết thủ tục hành chính",
            )
        for code, node in leaves.items():
            if entries[code].exempt:
                continue
            if node.kind == "bonus":
                points = Decimal(rng.choice([0, 0, 3, 5]))
            elif node.kind == "penalty":
                points = Decimal(rng.choice([0, 0, 0, -1]))
            else:
                points = node.max_points - Decimal(rng.choice([0, 0.5, 1, 1.5, 2]))
            scoring.self_score_set(
                entry=entries[code],
                actor=None,
                points=points,
                explanation="Đã gửi bản giấy kèm báo cáo tổng kết"
                if node.evidence_required and points
                else scoring.KEEP,
            )
        scoring.sheet_submit(sheet=sheet, actor=None)
    for sheet in ScoreSheet.objects.filter(cluster_year=year).select_related("unit"):
        for review in sheet.reviews.all():
            reviews.review_accept_self(review=review, actor=None)
            rng = random.Random(f"hanam-2021-review-{sheet.unit.code}")
            if rng.random() < 0.5:
                node = leaves["I.2"]
                current = review.scores.get(criterion=node).points
                reviews.review_score_set(
                    review=review,
                    criterion=node,
                    points=max(current - 1, Decimal(0)),
                    actor=None,
                    reason="Một số nhiệm vụ đột xuất chưa có văn bản xác nhận kết quả",
                )
            reviews.review_complete(review=review, actor=None)


def _vote_ha_nam(year: ClusterYear, conference: Conference) -> None:
    from councils.voting import VoteMethod

    quota = evaluation.quota_of(year)
    ranked = [row for row in year.ranking_snapshot["rows"] if row["rank"]]
    units = {
        u.pk: u for u in Unit.objects.filter(pk__in=[r["unit_id"] for r in ranked])
    }
    picks = [(ranked[0], AwardCode.CO_TINH)] + [
        (row, AwardCode.BK_TINH) for row in ranked[1 : 1 + quota.merits]
    ]
    for index, (row, code) in enumerate(picks):
        proposal = evaluation.proposal_create(
            cluster_year=year,
            unit=units[row["unit_id"]],
            award_code=code,
            conference=conference,
            actor=None,
        )
        evaluation.proposal_vote_record(
            proposal=proposal,
            conference=conference,
            actor=None,
            method=VoteMethod.SECRET_BALLOT,
            votes_for=9 - index,
            votes_against=index,
        )
        evaluation.proposal_confirm(proposal=proposal, actor=None)
    head, deputy = units_by_code(["HNAM-VPUB", "HNAM-NHNN"])
    proposal = rotation.rotation_propose(
        cluster_year=year,
        head=head,
        deputies=[deputy],
        actor=None,
        basis="Hội nghị tổng kết ngày 28/12/2021 giới thiệu, đề xuất",
    )
    evaluation.rotation_vote_record(
        rotation=proposal,
        conference=conference,
        actor=None,
        method=VoteMethod.SHOW_OF_HANDS,
        votes_for=9,
    )
    rotation.rotation_confirm(
        proposal=proposal,
        actor=None,
        decided_on=D(2022, 1, 10),
        decision_ref="Hội đồng Thi đua – Khen thưởng tỉnh xác nhận (dữ liệu minh họa)",
    )
    conference.items.filter(kind=ConferenceItem.Kind.EVALUATION).update(
        outcome=ConferenceItem.Outcome.ADOPTED
    )
