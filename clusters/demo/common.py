"""Helpers of the cluster demo: look up, or create once through the services."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clusters.models import (
    Cluster,
    ClusterDocument,
    ClusterFollower,
    ClusterYear,
    Conference,
    CriteriaSet,
)
from clusters.services import (
    conferences,
    criteria,
    documents,
    organisation,
    pledges,
)
from orgs.demo import GIVEN, MIDDLE, SURNAMES
from orgs.models import DocumentType, Unit

D = datetime.date


Log = Callable[[str], None]


def fictional_name(code: str) -> str:
    rng = random.Random(f"cluster-demo-{code}")
    gender = rng.choice(["male", "female"])
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


def units_by_code(codes: list[str]) -> list[Unit]:
    found = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    return [found[code] for code in codes]


def build_criteria(
    criteria_set: CriteriaSet, spec: list[tuple[Any, ...]], parent: Any = None
) -> None:
    for code, title, maximum, kind, evidence, children in spec:
        node = criteria.criterion_add(
            criteria_set=criteria_set,
            actor=None,
            parent=parent,
            code=code,
            title=title,
            max_points=Decimal(maximum),
            kind=kind,
            evidence_required=evidence,
        )
        build_criteria(criteria_set, children, node)


def criteria_set_once(
    name: str, year: int, spec: list[tuple[Any, ...]], **owner: Any
) -> CriteriaSet:
    scope_unit = owner.get("owner_unit") or owner["owner_cluster"].authority
    existing = CriteriaSet.objects.filter(
        scope_unit=scope_unit, name=name, year=year
    ).first()
    if existing:
        return existing
    created = criteria.criteria_set_create(name=name, year=year, actor=None, **owner)
    build_criteria(created, spec)
    return created


def cluster_once(authority: Unit, **fields: Any) -> Cluster:
    existing = Cluster.objects.filter(authority=authority, name=fields["name"]).first()
    return existing or organisation.cluster_create(
        authority=authority, actor=None, **fields
    )


def year_with_members(
    cluster: Cluster,
    year: int,
    codes: list[str],
    head: str,
    deputies: list[str],
    **fields: Any,
) -> ClusterYear:
    members = units_by_code(codes)
    cluster_year = organisation.cluster_year_create(
        cluster=cluster,
        year=year,
        members=members,
        head=units_by_code([head])[0],
        deputies=units_by_code(deputies),
        actor=None,
        **fields,
    )
    for membership in cluster_year.memberships.select_related("unit"):
        title = (
            "Chủ tịch UBND"
            if membership.unit.kind in ("district", "ward", "province")
            else "Giám đốc"
        )
        if membership.unit.kind == "central_agency":
            title = "Thủ trưởng"
        organisation.membership_update(
            membership=membership,
            actor=None,
            representative_title=title,
            representative_name=fictional_name(f"{membership.unit.code}-{year}"),
        )
    return cluster_year


def new_conference(
    cluster_year: ClusterYear, kind: str, day: datetime.date, **fields: Any
) -> Conference:
    conference = conferences.conference_create(
        cluster_year=cluster_year, kind=kind, held_on=day, actor=None, **fields
    )
    return conference


def add_items(conference: Conference, items: list[tuple[str, str, str, Any]]) -> None:
    for kind, title, outcome, extra in items:
        conferences.conference_item_add(
            conference=conference,
            actor=None,
            kind=kind,
            title=title,
            outcome=outcome,
            **(extra or {}),
        )


def conclude(conference: Conference, texts: list[str]) -> None:
    for text in texts:
        conferences.conclusion_add(conference=conference, actor=None, text=text)


def signed_pledge(
    cluster_year: ClusterYear, day: datetime.date, moment_hour: int = 10
) -> None:
    pledge = pledges.pledge_create(cluster_year=cluster_year, actor=None)
    pledges.pledge_update(pledge=pledge, actor=None, signing_date=day)
    pledges.pledge_open_for_signing(pledge=pledge, actor=None)
    moment = datetime.datetime.combine(
        day, datetime.time(moment_hour), tzinfo=datetime.UTC
    )
    for signatory in pledge.signatories.all():
        pledges.pledge_sign(signatory=signatory, actor=None, signed_at=moment)


def issue_document(
    cluster_year: ClusterYear,
    kind: str,
    summary: str,
    body: str,
    day: datetime.date,
    number: int | None = None,
) -> ClusterDocument:
    document = documents.cluster_document_create(
        cluster_year=cluster_year, kind=kind, summary=summary, body=body, actor=None
    )
    if number is not None:
        documents.register_continue_from(
            issuer=cluster_year.cluster.issuer,
            doc_type=DocumentType.objects.get(code=ClusterDocument.DOC_TYPES[kind]),
            year=day.year,
            last_number=number - 1,
            actor=None,
        )
    return documents.cluster_document_issue(
        document=document, actor=None, issued_on=day
    )


def assign_followers(cluster_year: ClusterYear, count: int = 1) -> None:
    """Seats of the city's council follow the cluster (the council is created if missing)."""
    from councils import services as council_services
    from councils.models import Council, CouncilMember
    from orgs.models import Person

    hanoi = Unit.objects.get(code="HN")
    council = Council.objects.filter(code="HN-HĐTĐKT").first()
    if council is None:
        council = council_services.council_create(
            actor=None,
            code="HN-HĐTĐKT",
            name="Hội đồng Thi đua – Khen thưởng thành phố Hà Nội",
            owner_unit=hanoi,
            symbol="HĐTĐKT",
            standing_unit=Unit.objects.filter(code="HN-BTDKT").first(),
            founded_on=D(2018, 1, 1),
            note="Dữ liệu minh họa (thành viên theo dõi cụm, khối).",
        )
        composition = council_services.composition_create(
            council=council,
            actor=None,
            decision_number="DEMO-HĐTĐKT/QĐ-UBND",
            decision_date=D(2018, 1, 1),
            decision_issuer="UBND thành phố Hà Nội",
            kind="founding",
            copy_members=False,
        )
        staff = Unit.objects.get(code="HN-BTDKT")
        for index, (role, title) in enumerate(
            [
                ("vice_chair", "Phó Trưởng Ban Thi đua – Khen thưởng thành phố"),
                ("member", "Trưởng phòng, Ban Thi đua – Khen thưởng thành phố"),
            ],
            start=1,
        ):
            person = Person.objects.create(
                full_name=fictional_name(f"hn-council-{index}"),
                unit=staff,
                position=title,
                birth_year=1975,
            )
            council_services.member_add(
                composition=composition,
                person=person,
                actor=None,
                role=role,
                position_title=title,
            )
    seats = CouncilMember.objects.filter(composition__council=council).order_by(
        "order"
    )[:count]
    for seat in seats:
        ClusterFollower.objects.get_or_create(
            cluster_year=cluster_year, council_member=seat
        )
