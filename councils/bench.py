"""Province-scale data for benchmarks (``manage.py seed_bench``): the provincial council.

One Hội đồng Thi đua – Khen thưởng of the bench province with its founding
composition, members drawn from the departments, and sessions (two a year since
2023) with attendance, agenda items and votes filled by the real vote rule, so
the session page shows what a real one does. The council is small whatever the
scale: a province has one.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from councils.models import (
    AgendaItem,
    Attendance,
    Composition,
    Council,
    CouncilMember,
    Meeting,
    Vote,
)
from councils.voting import VoteCounts, vote_rule
from orgs.models import DocumentIssuer, Person

MEMBERS = 25
YEARS = (2023, 2024, 2025)
AGENDA = (
    "Xét đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
    "Xét danh hiệu Chiến sĩ thi đua cấp tỉnh",
    "Xét danh hiệu Cờ thi đua của UBND tỉnh",
)
ROLES = [
    CouncilMember.Role.CHAIR,
    CouncilMember.Role.FIRST_VICE_CHAIR,
    CouncilMember.Role.STANDING_VICE_CHAIR,
    CouncilMember.Role.VICE_CHAIR,
    CouncilMember.Role.STANDING_MEMBER,
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def seed_council(context: dict[str, Any]) -> None:
    rng, province = context["rng"], context["province"]
    departments = context["departments"]
    founded = datetime.date(2022, 12, 20)
    issuer = DocumentIssuer.objects.create(
        unit=province,
        kind=DocumentIssuer.Kind.COUNCIL,
        name="Hội đồng Thi đua – Khen thưởng tỉnh Mẫu",
        symbol="HĐTĐKT",
        place_name=province.place_name,
    )
    council = Council.objects.create(
        code="BENCH-HDTDKT",
        name="Hội đồng Thi đua – Khen thưởng tỉnh Mẫu",
        owner_unit=province,
        issuer=issuer,
        standing_unit=departments[0],
        meeting_interval_months=6,
        founded_on=founded,
    )
    composition = Composition.objects.create(
        council=council,
        decision_number="2150/QĐ-UBND",
        decision_date=founded,
        decision_issuer="Ủy ban nhân dân tỉnh Mẫu",
        decision_summary="Về việc kiện toàn Hội đồng Thi đua – Khen thưởng tỉnh",
        valid_from=founded,
    )
    # One leader of each department (and the province, then the communes) sits on
    # the council; at small scales, further people of those units fill the seats.
    seat_units = [province, *departments, *context["communes"]]
    order = {u.pk: i for i, u in enumerate(seat_units)}
    candidates = sorted(
        Person.objects.filter(unit_id__in=order).order_by("pk")[: MEMBERS * 20],
        key=lambda p: (order[p.unit_id], p.pk),
    )
    firsts = {}
    for person in candidates:
        firsts.setdefault(person.unit_id, person)
    chosen = list(firsts.values())[:MEMBERS]
    chosen += [p for p in candidates if p not in chosen][: MEMBERS - len(chosen)]
    units = {u.pk: u for u in seat_units}
    people = [(units[p.unit_id], p) for p in chosen]
    members = CouncilMember.objects.bulk_create(
        CouncilMember(
            composition=composition,
            person=person,
            role=ROLES[i] if i < len(ROLES) else CouncilMember.Role.MEMBER,
            position_title=person.position or "Giám đốc",
            represented_unit=unit,
            order=i + 1,
        )
        for i, (unit, person) in enumerate(people)
    )
    meetings = []
    for year in YEARS:
        for number, month in ((1, 5), (2, 12)):
            day = datetime.date(year, month, 10 + number)
            meetings.append(
                Meeting(
                    council=council,
                    kind=Meeting.Kind.REGULAR,
                    status=Meeting.Status.HELD,
                    year=year,
                    number=number,
                    subject=f"Xét khen thưởng đợt {number} năm {year}",
                    starts_at=_at(day, 8),
                    ends_at=_at(day, 11),
                    place="Phòng họp số 1, trụ sở UBND tỉnh",
                    chair=members[0].person,
                    secretary=members[-1].person,
                    secretary_title="Chuyên viên Ban Thi đua – Khen thưởng",
                )
            )
    meetings = Meeting.objects.bulk_create(meetings)
    attendance, items = [], []
    present: dict[int, int] = {}
    for meeting in meetings:
        present[meeting.pk] = 0
        for member in members:
            here = rng.random() < 0.88
            present[meeting.pk] += here
            attendance.append(
                Attendance(
                    meeting=meeting,
                    member=member,
                    status=Attendance.Status.PRESENT
                    if here
                    else Attendance.Status.ABSENT,
                    reason="" if here else "Đi công tác",
                    marked_at=meeting.starts_at,
                )
            )
        for order, title in enumerate(AGENDA, start=1):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    order=order,
                    title=title,
                    presenter="Ban Thi đua – Khen thưởng",
                )
            )
    Attendance.objects.bulk_create(attendance)
    items = AgendaItem.objects.bulk_create(items)
    votes = []
    for item in items:
        meeting = next(m for m in meetings if m.pk == item.meeting_id)
        rule = vote_rule(on=meeting.starts_at.date(), unit=province)
        here = present[meeting.pk]
        against = rng.randint(0, 2)
        vote = Vote(agenda_item=item, question=f"Thông qua: {item.title.lower()}")
        vote.fill(
            VoteCounts(
                members_total=len(members),
                members_present=here,
                votes_for=here - against,
                votes_against=against,
            ),
            rule,
        )
        votes.append(vote)
    Vote.objects.bulk_create(votes)
    context.update(council=council, council_meetings=meetings)
