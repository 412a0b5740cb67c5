"""A small world whose figures are known by hand, for the reports tests.

On top of the conftest world (P ⊃ A ⊃ A1, P ⊃ B ⊃ B1) it adds an enterprise E under
B, people with the flags the statistics read, award records of 2023 and 2024,
movements and initiatives. The expected figures are written out in the tests.

People (unit; flags):  a1 (A; direct worker)  a2 (A; leader)  a3 (A)
                       t1 (A1; direct)  t2 (A1)  b1 (B; direct)  b2 (B)  s1 (B1)
                       p1 (P; leader)
Records, achievement year 2023 (decided 15/01/2024):
    LĐTT: a1, a2, t1, b1, b2; TTLĐTT: collective A1; LĐTT s1 — revoked.
Records, achievement year 2024 (decided in 2025):
    LĐTT: a1, a3, t1, t2, b1; CSTĐCS: a1; Giấy khen: household of A;
    Bằng khen tỉnh: b2 (01/3/2025), collective E (01/02/2025);
    Cờ thi đua tỉnh: collective B; Bằng khen TTg: p1 (10/5/2025, regular),
    collective A (01/6/2025, ad hoc); HC Lao động hạng Ba: a2 (01/8/2025, long service).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from awards.models import (
    AwardKind,
    AwardRecord,
    Dossier,
    DossierTransition,
    Initiative,
    InitiativeAuthor,
    Movement,
)
from orgs.models import Unit
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import HouseholdFactory

D = datetime.date


def award(
    subject: Any,
    code: str,
    year: int,
    *,
    decided: datetime.date | None = None,
    unit: Unit | None = None,
    award_type: str = "regular",
    status: str = "valid",
    number: str = "",
) -> AwardRecord:
    """One award record; the managing unit is the subject's unit (or the collective)."""
    field = {"Person": "person", "Unit": "collective", "Household": "household"}[
        type(subject).__name__
    ]
    managing = unit or (subject if field == "collective" else subject.unit)
    day = decided or D(year + 1, 1, 15)
    return AwardRecord.objects.create(
        **{field: subject},
        award_kind=AwardKind.objects.get(code=code),
        year=year,
        award_type=award_type,
        decision_number=number or f"{code}-{year}-{day.isoformat()}",
        decision_date=day,
        issuer="Chủ tịch UBND tỉnh Thử",
        unit=managing,
        status=status,
        revoked_on=D(year + 1, 6, 1) if status == "revoked" else None,
    )


@dataclass
class Small:
    world: Any
    enterprise: Unit
    people: dict[str, Any]
    household: Any


def small_world(world: Any) -> Small:
    enterprise = UnitFactory(
        code="E", name="Công ty cổ phần Thử", kind="enterprise", parent=world.unit_b
    )
    spec = {
        "a1": (world.unit_a, True, False),
        "a2": (world.unit_a, False, True),
        "a3": (world.unit_a, False, False),
        "t1": (world.unit_a1, True, False),
        "t2": (world.unit_a1, False, False),
        "b1": (world.unit_b, True, False),
        "b2": (world.unit_b, False, False),
        "s1": (world.unit_b1, False, False),
        "p1": (world.province, False, True),
    }
    people = {
        key: PersonFactory(
            full_name=f"Người thử {key}",
            unit=unit,
            is_direct_worker=direct,
            is_leader=leader,
        )
        for key, (unit, direct, leader) in spec.items()
    }
    household = HouseholdFactory(unit=world.unit_a, head_name="Hộ Nguyễn Văn Thử")
    p = people
    for key in ("a1", "a2", "t1", "b1", "b2"):
        award(p[key], "LDTT", 2023)
    award(world.unit_a1, "TTLDTT", 2023)
    award(p["s1"], "LDTT", 2023, status="revoked")
    for key in ("a1", "a3", "t1", "t2", "b1"):
        award(p[key], "LDTT", 2024)
    award(p["a1"], "CSTDCS", 2024)
    award(household, "GIAY_KHEN", 2024)
    award(p["b2"], "BK_TINH", 2024, decided=D(2025, 3, 1))
    award(enterprise, "BK_TINH", 2024, decided=D(2025, 2, 1))
    award(world.unit_b, "CO_TINH", 2024)
    award(p["p1"], "BK_TTG", 2024, decided=D(2025, 5, 10))
    award(world.unit_a, "BK_TTG", 2024, decided=D(2025, 6, 1), award_type="ad_hoc")
    award(
        p["a2"], "HC_LAO_DONG_3", 2024, decided=D(2025, 8, 1), award_type="long_service"
    )
    return Small(world=world, enterprise=enterprise, people=people, household=household)


def movements(world: Any) -> dict[str, Movement]:
    """Four movements; three run during 2024 (see test_official_forms)."""
    rows = {
        "m1": (world.province, "regular", D(2024, 1, 1), D(2024, 12, 31)),
        "m2": (world.unit_a, "thematic", D(2024, 3, 1), D(2024, 6, 30)),
        "m3": (world.unit_b, "campaign", D(2022, 1, 1), D(2025, 12, 31)),
        "m4": (world.province, "regular", D(2023, 1, 1), D(2023, 12, 31)),
    }
    return {
        key: Movement.objects.create(
            name=f"Phong trào {key}",
            launched_by=unit,
            kind=kind,
            starts_on=start,
            ends_on=end,
        )
        for key, (unit, kind, start, end) in rows.items()
    }


def initiatives(world: Any, person: Any) -> dict[str, Initiative]:
    rows = {
        "i1": (world.unit_a, 10, D(2024, 5, 1)),
        "i2": (world.unit_a1, 20, D(2024, 9, 1)),
        "i3": (world.unit_b, 10, D(2023, 3, 1)),
        "i4": (world.unit_b, None, None),
    }
    made = {}
    for key, (unit, scope, day) in rows.items():
        made[key] = Initiative.objects.create(
            title=f"Sáng kiến {key}",
            unit=unit,
            field="management",
            description="Mô tả",
            effect_evidence="Hiệu quả",
            status="recognised" if day else "proposed",
            recognised_scope=scope,
            recognition_number="01/QĐ-SK" if day else "",
            recognition_date=day,
        )
        InitiativeAuthor.objects.create(initiative=made[key], person=person)
    return made


def dossier_with_history(
    unit: Unit, receiving: Unit, steps: list[tuple[str, datetime.datetime, Any]]
) -> Dossier:
    """A dossier whose transitions happened at the given moments (status, at, deadline)."""
    last = steps[-1][0]
    dossier = Dossier.objects.create(
        unit=unit,
        receiving_unit=receiving,
        award_kind=AwardKind.objects.get(code="LDTT"),
        year=2024,
        title="Hồ sơ thử thời gian xử lý",
        status=last,
        status_changed_at=steps[-1][1],
        decision_number="1/QĐ" if last == "decided" else "",
        decision_date=D(2024, 5, 1) if last == "decided" else None,
        deadline=steps[-1][2],
    )
    previous = ""
    for status, at, deadline in steps:
        DossierTransition.objects.create(
            dossier=dossier,
            from_status=previous,
            to_status=status,
            at=at,
            deadline=deadline,
        )
        previous = status
    return dossier
