"""Province-scale data for benchmarks (``manage.py seed_bench``): clusters and scoring.

At scale 1.0: 60 clusters and blocks of the bench province sharing every unit of
the province between them (about 40 members each), the current year with a head
and two deputies, one frozen criteria set (groups, leaves, bonus and penalty),
and a score card for every member: self scores on every criterion, the head's
review (verified scores) on part of them, so the ranking and the scoring grid
work on real volumes.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterYear,
    CriteriaSet,
    Criterion,
    Review,
    ReviewScore,
    ScoreEntry,
    ScoreSheet,
)
from orgs.models import DocumentIssuer

BATCH = 5000
YEAR = 2025
GROUPS = (
    ("I", "Thực hiện nhiệm vụ chính trị được giao", 40),
    ("II", "Công tác thi đua, khen thưởng", 20),
    ("III", "Xây dựng tổ chức, bộ máy", 15),
    ("IV", "Cải cách hành chính, chuyển đổi số", 15),
    ("V", "Thực hiện cam kết giao ước thi đua", 10),
)
LEAVES = 6


def _criteria(criteria_set: CriteriaSet) -> list[Criterion]:
    """Five scored groups of six leaves each, then a bonus and a penalty group."""
    order = 0
    groups = []
    for code, title, points in GROUPS:
        order += 100
        groups.append(
            Criterion(
                criteria_set=criteria_set,
                code=code,
                title=title,
                max_points=Decimal(points),
                order=order,
            )
        )
    for code, title, kind in (
        ("VI", "Điểm thưởng", Criterion.Kind.BONUS),
        ("VII", "Điểm trừ", Criterion.Kind.PENALTY),
    ):
        order += 100
        groups.append(
            Criterion(
                criteria_set=criteria_set,
                code=code,
                title=title,
                max_points=Decimal(5),
                kind=kind,
                order=order,
            )
        )
    groups = Criterion.objects.bulk_create(groups)
    leaves = []
    for group in groups:
        count = LEAVES if group.kind == Criterion.Kind.SCORED else 2
        for index in range(1, count + 1):
            leaves.append(
                Criterion(
                    criteria_set=criteria_set,
                    parent=group,
                    code=f"{group.code}.{index}",
                    title=f"{group.title}: nội dung {index}",
                    max_points=group.max_points / count,
                    kind=group.kind,
                    order=group.order + index,
                    depth=1,
                )
            )
    return groups + Criterion.objects.bulk_create(leaves)


def seed_clusters(context: dict[str, Any]) -> None:
    scale, rng, province = context["scale"], context["rng"], context["province"]
    now = timezone.now()
    criteria_set = CriteriaSet.objects.create(
        name=f"Bộ tiêu chí thi đua cụm, khối năm {YEAR}",
        year=YEAR,
        owner_unit=province,
        scope_unit=province,
        status=CriteriaSet.Status.FROZEN,
        frozen_at=now,
    )
    criteria = _criteria(criteria_set)
    count = max(2, round(60 * scale))
    issuers = DocumentIssuer.objects.bulk_create(
        DocumentIssuer(
            unit=province,
            kind=DocumentIssuer.Kind.CLUSTER,
            name=f"Cụm thi đua số {n}",
            symbol=f"CTĐ{n}",
            place_name=province.place_name,
        )
        for n in range(1, count + 1)
    )
    clusters = Cluster.objects.bulk_create(
        Cluster(
            authority=province,
            council=context.get("council"),
            # Departments form blocks (khối), communes and their units clusters (cụm).
            kind=Cluster.Kind.BLOCK if n % 4 == 0 else Cluster.Kind.CLUSTER,
            number=n,
            name=f"{'Khối' if n % 4 == 0 else 'Cụm'} thi đua số {n}",
            short_name=f"{'KTĐ' if n % 4 == 0 else 'CTĐ'}{n}",
            issuer=issuers[n - 1],
            valid_from=datetime.date(2020, 1, 1),
        )
        for n in range(1, count + 1)
    )
    years = ClusterYear.objects.bulk_create(
        ClusterYear(
            cluster=cluster,
            year=YEAR,
            theme="Đoàn kết, kỷ cương, sáng tạo, hoàn thành thắng lợi nhiệm vụ",
            criteria_set=criteria_set,
            scoring_opens_on=datetime.date(YEAR, 11, 1),
            self_deadline=datetime.date(YEAR, 12, 5),
            review_deadline=datetime.date(YEAR, 12, 20),
            scoring_started_at=now,
        )
        for cluster in clusters
    )
    units = [u for u in context["units"] if u.pk != province.pk]
    rng.shuffle(units)
    memberships = []
    members_of: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        year = years[index % len(years)]
        rank = len(members_of.setdefault(year.pk, []))
        members_of[year.pk].append(unit.pk)
        memberships.append(
            ClusterMembership(
                cluster_year=year,
                unit=unit,
                role=ClusterMembership.Role.HEAD
                if rank == 0
                else ClusterMembership.Role.DEPUTY
                if rank < 3
                else ClusterMembership.Role.MEMBER,
                deputy_rank=rank if 0 < rank < 3 else None,
                order=rank + 1,
                representative_title="Thủ trưởng đơn vị",
            )
        )
    ClusterMembership.objects.bulk_create(memberships, batch_size=BATCH)
    _score(context, years, members_of, criteria_set, criteria)
    context.update(clusters=clusters, cluster_years=years, criteria_set=criteria_set)


def _score(
    context: dict[str, Any],
    years: list[ClusterYear],
    members_of: dict[int, list[int]],
    criteria_set: CriteriaSet,
    criteria: list[Criterion],
) -> None:
    """A card per member: self scores everywhere; submitted cards reviewed by the head
    (the first deputy reviews the head's card), as ``scoring_start`` plans it."""
    rng, now = context["rng"], timezone.now()
    statuses = [
        ScoreSheet.Status.DRAFT,
        ScoreSheet.Status.SUBMITTED,
        ScoreSheet.Status.REVIEWED,
        ScoreSheet.Status.REVIEWED,
    ]
    sheets = ScoreSheet.objects.bulk_create(
        (
            ScoreSheet(
                cluster_year=year,
                unit_id=unit_id,
                criteria_set=criteria_set,
                status=(status := rng.choice(statuses)),
                submitted_at=None if status == ScoreSheet.Status.DRAFT else now,
                reviewed_at=now if status == ScoreSheet.Status.REVIEWED else None,
            )
            for year in years
            for unit_id in members_of[year.pk]
        ),
        batch_size=BATCH,
    )
    leaves = [c for c in criteria if c.depth == 1]

    def points(criterion: Criterion) -> Decimal:
        share = Decimal(rng.randint(60, 100)) / 100
        value = (criterion.max_points * share).quantize(Decimal("0.01"))
        if criterion.kind == Criterion.Kind.PENALTY:
            return -value if rng.random() < 0.2 else Decimal(0)
        return value

    entries = []
    for sheet in sheets:
        # Groups get an (empty) entry too, as ``scoring_start`` creates them.
        for criterion in criteria:
            entries.append(
                ScoreEntry(
                    sheet=sheet,
                    criterion=criterion,
                    self_points=points(criterion) if criterion.depth else None,
                )
            )
        if len(entries) >= BATCH:
            ScoreEntry.objects.bulk_create(entries, batch_size=BATCH)
            entries = []
    ScoreEntry.objects.bulk_create(entries, batch_size=BATCH)
    reviews = []
    for sheet in sheets:
        if sheet.status == ScoreSheet.Status.DRAFT:
            continue
        members = members_of[sheet.cluster_year_id]
        reviewer = members[0] if sheet.unit_id != members[0] else members[1]
        done = sheet.status == ScoreSheet.Status.REVIEWED
        reviews.append(
            Review(
                sheet=sheet,
                reviewer_unit_id=reviewer,
                status=Review.Status.DONE if done else Review.Status.OPEN,
                completed_at=now if done else None,
            )
        )
    reviews = Review.objects.bulk_create(reviews, batch_size=BATCH)
    scores = []
    for review in reviews:
        if review.status != Review.Status.DONE:
            continue
        for criterion in leaves:
            if rng.random() < 0.3:
                scores.append(
                    ReviewScore(
                        review=review,
                        criterion=criterion,
                        points=points(criterion),
                        reason="Điều chỉnh theo tài liệu kiểm chứng",
                    )
                )
        if len(scores) >= BATCH:
            ReviewScore.objects.bulk_create(scores, batch_size=BATCH)
            scores = []
    ReviewScore.objects.bulk_create(scores, batch_size=BATCH)
