"""Demo data of the reports app, continued: movements, initiatives, published cluster
years and dossiers with a history of several weeks."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.models import (
    AwardKind,
    Dossier,
    EligibilityResult,
    Initiative,
    InitiativeAuthor,
    Movement,
    Verdict,
)
from awards.services import dossiers as flow
from awards.services import files as file_services
from awards.services import nominations as nomination_services
from awards.services.eligibility import eligibility_evaluate, eligibility_override
from clusters.models import Cluster, ClusterYear, ScoreSheet
from clusters.services import organisation, reviews, scoring
from orgs.models import Person, Unit
from orgs.selectors import parameter_value_or
from orgs.workdays import add_working_days
from reports.demo import NOTE, D, Log

MOVEMENTS = [
    (
        "HN",
        "regular",
        D(2019, 1, 1),
        D(2019, 12, 31),
        "Phong trào thi đua yêu nước năm 2019",
    ),
    (
        "HN-SYT",
        "campaign",
        D(2020, 2, 1),
        D(2020, 9, 30),
        "Đợt thi đua phòng, chống dịch COVID-19",
    ),
    (
        "HN",
        "regular",
        D(2021, 1, 1),
        D(2021, 12, 31),
        "Phong trào thi đua yêu nước năm 2021",
    ),
    (
        "HN",
        "thematic",
        D(2021, 1, 1),
        D(2025, 12, 31),
        "Phong trào “Hà Nội chung sức xây dựng đô thị văn minh” 2021–2025",
    ),
    (
        "HN-SGDDT",
        "thematic",
        D(2022, 3, 1),
        D(2024, 12, 31),
        "Thi đua “Đổi mới, sáng tạo trong dạy và học”",
    ),
    (
        "HN-SNV",
        "regular",
        D(2023, 1, 1),
        D(2023, 12, 31),
        "Thi đua thực hiện nhiệm vụ công tác nội vụ năm 2023",
    ),
    (
        "HN-P-BACH-MAI",
        "campaign",
        D(2024, 4, 1),
        D(2024, 10, 31),
        "Đợt thi đua “Phường sáng, xanh, sạch, đẹp”",
    ),
    (
        "HN",
        "thematic",
        D(2025, 1, 1),
        D(2027, 12, 31),
        "Phong trào “Cả nước thi đua chuyển đổi số” giai đoạn 2025–2027",
    ),
    (
        "HN",
        "regular",
        D(2026, 1, 1),
        D(2026, 12, 31),
        "Phong trào thi đua yêu nước năm 2026",
    ),
]
INITIATIVE_UNITS = [
    "HN-SNV",
    "HN-SVHTT",
    "HN-SKHCN",
    "HN-BTDKT",
    "HN-P-BA-DINH",
    "HN-HBT-BK",
]


def seed_activity(log: Log) -> None:
    units = {u.code: u for u in Unit.objects.filter(code__startswith="HN")}
    made = 0
    for code, kind, start, end, name in MOVEMENTS:
        if code in units and not Movement.objects.filter(name=name).exists():
            Movement.objects.create(
                name=name,
                launched_by=units[code],
                kind=kind,
                starts_on=start,
                ends_on=end,
                objectives=NOTE,
                step=Movement.Step.CLOSED if end.year < 2026 else Movement.Step.LAUNCH,
            )
            made += 1
    count = 0
    for year in range(2019, 2026):
        for index, code in enumerate(INITIATIVE_UNITS):
            title = f"Sáng kiến minh họa {year}-{index + 1} ({code})"
            if code not in units or Initiative.objects.filter(title=title).exists():
                continue
            author = Person.objects.filter(unit=units[code]).order_by("pk").first()
            if author is None:
                continue
            scope = (
                30
                if (year + index) % 11 == 0
                else 20
                if (year + index) % 3 == 0
                else 10
            )
            day = D(year, 3 + (index * 2) % 9, 15)
            item = Initiative.objects.create(
                title=title,
                unit=units[code],
                field="management",
                description="Cải tiến quy trình công tác (minh họa)",
                effect_evidence="Rút ngắn thời gian xử lý (minh họa)",
                status=Initiative.Status.RECOGNISED,
                requested_scope=scope,
                recognised_scope=scope,
                recognition_number=f"{index + 1:02d}/QĐ-HĐSK",
                recognition_date=day,
                assessed_by="Hội đồng Sáng kiến (minh họa)",
            )
            InitiativeAuthor.objects.create(initiative=item, person=author)
            count += 1
    log(f"  {made} phong trào, {count} sáng kiến minh họa")


# Published years of two clusters -------------------------------------------------------

HISTORIES = [
    (  # cluster, year whose criteria are reused, members, (year, head, first deputy)
        "Khối Thi đua Tổng hợp",
        2021,
        [
            "HNAM-VPDBHD",
            "HNAM-KBNN",
            "HNAM-VPUB",
            "HNAM-SKHDT",
            "HNAM-STC",
            "HNAM-CT",
            "HNAM-CTK",
            "HNAM-NHNN",
            "HNAM-HQ",
        ],
        [
            (2019, "HNAM-STC", "HNAM-CT"),
            (2020, "HNAM-CT", "HNAM-VPDBHD"),
            (2022, None, None),
        ],
    ),
    (
        "Cụm thi đua số 7 – khối sở, ngành",
        2023,
        ["HN-SGDDT", "HN-SYT", "HN-SVHTT", "HN-SLDTBXH", "HN-SKHCN", "HN-STTTT"],
        [
            (2020, "HN-SVHTT", "HN-SKHCN"),
            (2021, "HN-SKHCN", "HN-SLDTBXH"),
            (2022, "HN-SLDTBXH", "HN-SGDDT"),
        ],
    ),
]


def seed_cluster_years(log: Log) -> None:
    """Score and publish earlier (or later) years of two clusters with the criteria of
    a year the clusters demo built, so that scores can be followed over the years."""
    published = 0
    for name, base_year, members, years in HISTORIES:
        cluster = Cluster.objects.filter(name=name).first()
        base = cluster.years.filter(year=base_year).first() if cluster else None
        if base is None or base.criteria_set_id is None:
            continue
        units = {u.code: u for u in Unit.objects.filter(code__in=members)}
        for year_number, head, deputy in years:
            year = cluster.years.filter(year=year_number).first()
            if year is None:
                year = organisation.cluster_year_create(
                    cluster=cluster,
                    year=year_number,
                    actor=None,
                    members=[units[c] for c in members if c in units],
                    head=units[head],
                    deputies=[units[deputy]],
                )
            if not year.is_published:
                _score_and_publish(year, base)
                published += 1
    log(f"  {published} năm được chấm điểm và công bố")


def _score_and_publish(year: ClusterYear, base: ClusterYear) -> None:
    if year.criteria_set_id is None:
        year = organisation.cluster_year_update(
            cluster_year=year,
            criteria_set=base.criteria_set,
            tie_break=["I", "IV"],
            self_deadline=D(year.year, 12, 10),
            review_deadline=D(year.year, 12, 20),
            actor=None,
        )
    if year.scoring_started_at is None:
        scoring.scoring_start(cluster_year=year, actor=None)
    leaves = list(year.criteria_set.criteria.filter(children__isnull=True))
    for sheet in ScoreSheet.objects.filter(
        cluster_year=year, status="draft"
    ).select_related("unit"):
        rng = random.Random(f"reports-{year.year}-{sheet.unit.code}")
        skill = rng.choice([0, 0.5, 1, 1.5, 2, 2.5])
        entries = {e.criterion_id: e for e in sheet.entries.all()}
        for node in leaves:
            if node.kind == "bonus":
                points = Decimal(rng.choice([0, 0, 2, 3, 5]))
            elif node.kind == "penalty":
                points = Decimal(rng.choice([0, 0, 0, -1]))
            else:
                points = max(
                    node.max_points
                    - Decimal(str(skill))
                    - Decimal(rng.choice([0, 0.5, 1])),
                    Decimal(0),
                )
            scoring.self_score_set(
                entry=entries[node.pk],
                actor=None,
                points=points,
                explanation="Hồ sơ giấy lưu tại đơn vị (minh họa)"
                if node.evidence_required and points
                else scoring.KEEP,
            )
        scoring.sheet_submit(sheet=sheet, actor=None)
    for sheet in ScoreSheet.objects.filter(cluster_year=year).select_related("unit"):
        for review in sheet.reviews.filter(status="open"):
            reviews.review_accept_self(review=review, actor=None)
            reviews.review_complete(review=review, actor=None)
    reviews.ranking_publish(
        cluster_year=year,
        actor=None,
        published_at=datetime.datetime(year.year, 12, 24, 9, tzinfo=datetime.UTC),
    )


# Dossiers with a history ---------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOSSIERS = [  # unit, officer, target, days per step (submitted, review, returned, checked, council)
    ("HN-P-BA-DINH", "returned", (3, 9, None, None, None)),
    ("HN-P-NGOC-HA", "resubmitted", (2, 6, 5, None, None)),
    ("HN-P-GIANG-VO", "checked", (4, 12, None, 0, None)),
    ("HN-P-HOAN-KIEM", "at_council", (1, 8, None, 14, 0)),
    ("HN-P-CUA-NAM", "approved", (6, 15, 8, 20, 3)),
    ("HN-P-DONG-DA", "approved", (2, 7, None, 9, 2)),
    ("HN-P-LONG-BIEN", "under_review", (3, 0, None, None, None)),
    ("HN-P-BO-DE", "submitted", (0, None, None, None, None)),
]


def seed_dossiers(log: Log) -> None:
    user = get_user_model().objects.filter(username="thuongtruc.hanoi").first()
    made = 0
    for index, (code, target, days) in enumerate(DOSSIERS):
        title = f"Đề nghị tặng Lao động tiên tiến năm 2025 – {code} (minh họa báo cáo)"
        unit = Unit.objects.filter(code=code).first()
        if user is None or unit is None or Dossier.objects.filter(title=title).exists():
            continue
        people = list(
            Person.objects.filter(unit=unit, user__isnull=True).order_by("pk")[:3]
        )
        dossier = flow.dossier_create(
            actor=user,
            unit=unit,
            award_kind=AwardKind.objects.get(code="LDTT"),
            year=2025,
            title=title,
            planned_decision_on=D(2026, 12, 30),
        )
        nomination_services.nominations_add(
            dossier=dossier,
            actor=user,
            person_ids=[p.pk for p in people],
        )
        _drive(dossier, target, user)
        _backdate(dossier, index, days)
        made += 1
    log(f"  {made} hồ sơ có lịch sử xử lý")


def _drive(dossier: Dossier, target: str, user: Any) -> None:
    for item in dossier.items.filter(required=True):
        upload = SimpleUploadedFile(
            f"{item.component.code}.pdf", PDF, content_type="application/pdf"
        )
        file_services.dossier_file_upload(
            dossier=dossier, actor=user, uploaded=upload, item=item
        )
    dossier = flow.dossier_submit(dossier=dossier, actor=user)
    if target == "submitted":
        return
    dossier = flow.dossier_start_review(dossier=dossier, actor=user)
    if target in {"returned", "resubmitted"}:
        dossier = flow.dossier_return(
            dossier=dossier, actor=user, reason="Bổ sung biên bản bình xét (minh họa)."
        )
        if target == "resubmitted":
            flow.dossier_resubmit(dossier=dossier, actor=user, reason="Đã bổ sung.")
        return
    if target == "under_review":
        return
    eligibility_evaluate(dossier=dossier, actor=user)
    for result in EligibilityResult.objects.filter(
        dossier=dossier, verdict=Verdict.FAILED
    ):
        eligibility_override(
            result=result, actor=user, reason="Đã đối chiếu hồ sơ giấy (minh họa)."
        )
    dossier = flow.dossier_accept(dossier=dossier, actor=user)
    if target == "checked":
        return
    dossier = flow.dossier_send_to_council(dossier=dossier, actor=user)
    if target == "approved":
        flow.dossier_approve(dossier=dossier, actor=user)


def _backdate(dossier: Dossier, index: int, days: tuple) -> None:
    """Spread the steps the services just recorded over the weeks they took, the
    current one begun ``2 + 4 × index`` days ago, and recompute each step's deadline
    from its new start."""
    submitted, review, returned, checked, council = days
    stay = {
        "draft": 5,
        "submitted": submitted or 0,
        "under_review": review or 0,
        "returned": returned or 0,
        "resubmitted": 2,
        "checked": checked or 0,
        "at_council": council or 0,
    }
    transitions = list(dossier.transitions.order_by("at", "pk"))
    moments = [timezone.now() - datetime.timedelta(days=2 + 4 * index)]
    for transition in reversed(transitions[:-1]):
        length = stay.get(transition.to_status, 3)
        moments.insert(0, moments[0] - datetime.timedelta(days=length, hours=2))
    for transition, moment in zip(transitions, moments, strict=True):
        transition.at = moment
        key = Dossier.DEADLINE_KEYS.get(transition.to_status)
        transition.deadline = _deadline(moment, key) if key else None
        transition.save(update_fields=["at", "deadline"])
    last = transitions[-1]
    Dossier.objects.filter(pk=dossier.pk).update(
        status_changed_at=last.at,
        deadline=last.deadline,
        submitted_at=transitions[1].at if len(transitions) > 1 else None,
    )


def _deadline(moment: datetime.datetime, key: str) -> datetime.date:
    days = parameter_value_or("deadline_working_days", 10, on=moment.date(), key=key)
    return add_working_days(timezone.localtime(moment).date(), int(days))
