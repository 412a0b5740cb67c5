"""Demo data of the reports app (``manage.py seed_demo``, orders 400–499).

The other apps' demo keeps a few units and mostly grassroots titles; statistics
need shapes: seven years, most units of Hà Nội, every level and subject, ad hoc
and movement awards, households and an enterprise, a direct-worker share that
rises (with the city's own target), movements of every length, initiatives of
every scope, several published years of a cluster and dossiers whose steps took
days. Every row is marked "(minh họa báo cáo)" or keyed on a natural key, so a
second run adds nothing.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from awards.models import AwardKind, AwardRecord, Household
from orgs import services as org_services
from orgs.models import LegalParameter, ParameterValue, Person, Unit

Log = Callable[[str], None]
D = datetime.date
NOTE = "Dữ liệu minh họa (báo cáo)"
YEARS = range(2019, 2026)
# Units whose history the awards demo already wrote.
SKIP_UNITS = {
    "HN-SGDDT",
    "HN-SGDDT-THPTVD",
    "HN-SYT",
    "HN-SYT-BVTP",
    "HN-HBT-LDH",
    "HN-HBT-NV",
}
CITY = "Chủ tịch UBND thành phố Hà Nội"
TARGETS = [  # the city's target share of direct workers, by year
    (D(2021, 1, 1), D(2021, 12, 31), "20/100"),
    (D(2022, 1, 1), D(2022, 12, 31), "22/100"),
    (D(2023, 1, 1), D(2023, 12, 31), "25/100"),
    (D(2024, 1, 1), D(2024, 12, 31), "28/100"),
    (D(2025, 1, 1), None, "30/100"),
]


def _active(unit: Unit, year: int) -> bool:
    """The unit existed at the end of ``year`` (or was replaced after it)."""
    if unit.valid_from and unit.valid_from.year > year:
        return False
    return not (unit.valid_to and unit.valid_to.year <= year)


def seed_targets(log: Log) -> None:
    city = Unit.objects.filter(code="HN").first()
    parameter = LegalParameter.objects.filter(code="direct_worker_share_target").first()
    if city is None or parameter is None:
        return
    for start, end, value in TARGETS:
        ParameterValue.objects.get_or_create(
            parameter=parameter,
            key="",
            scope_unit=city,
            valid_from=start,
            defaults={
                "valid_to": end,
                "value": value,
                "note": "Kế hoạch thi đua của Thành phố: tăng tỷ lệ khen thưởng người "
                "lao động trực tiếp hằng năm (minh họa)",
            },
        )
    log("  chỉ tiêu tỷ lệ người lao động trực tiếp của Hà Nội 2021–2025")


def seed_enterprise(log: Log) -> Unit | None:
    city = Unit.objects.filter(code="HN").first()
    if city is None:
        return None
    unit = Unit.objects.filter(code="HN-DN-NUOCSACH").first()
    if unit is None:
        unit = org_services.unit_create(
            actor=None,
            code="HN-DN-NUOCSACH",
            name="Công ty TNHH MTV Nước sạch Hà Nội",
            short_name="NSHN",
            kind=Unit.Kind.ENTERPRISE,
            parent=city,
            place_name="Hà Nội",
            create_issuer=False,
        )
    names = ["Phạm Văn Đạt", "Lê Thị Nga", "Đỗ Minh Khôi", "Vũ Thị Hồng"]
    for index, name in enumerate(names):
        Person.objects.get_or_create(
            full_name=name,
            unit=unit,
            defaults={
                "birth_year": 1975 + index * 4,
                "position": "Giám đốc" if index == 0 else "Công nhân vận hành",
                "is_leader": index == 0,
                "is_direct_worker": index > 0,
            },
        )
    log(f"  {unit.name} và người lao động của công ty")
    return unit


def _households() -> list[Household]:
    wards = Unit.objects.filter(
        code__in=["HN-HBT-BK", "HN-P-BACH-MAI", "HN-P-VINH-TUY"]
    )
    made = []
    for ward in wards:
        for index in range(3):
            row, _ = Household.objects.get_or_create(
                unit=ward,
                head_name=f"Hộ minh họa {index + 1} – {ward.name.split('phường ')[-1]}",
                defaults={"address": f"Số {10 + index}, tổ dân phố {index + 1}"},
            )
            made.append(row)
    return made


class Plan:
    """Award records of one unit-year, built deterministically."""

    def __init__(self, kinds: dict[str, AwardKind]) -> None:
        self.kinds = kinds
        self.rows: list[AwardRecord] = []

    def add(
        self,
        subject: Any,
        code: str,
        year: int,
        unit: Unit,
        day: datetime.date,
        issuer: str,
        award_type: str = "regular",
    ) -> None:
        field = {"Person": "person", "Unit": "collective", "Household": "household"}[
            type(subject).__name__
        ]
        self.rows.append(
            AwardRecord(
                **{field: subject},
                award_kind=self.kinds[code],
                year=year,
                year_kind=unit.year_kind,
                award_type=award_type,
                decision_number=f"{day.month:02d}{year % 100}/QĐ-{unit.code[-6:]}",
                decision_date=day,
                issuer=issuer,
                unit=unit,
                source=AwardRecord.Source.IMPORTED,
                note=NOTE,
            )
        )


def _grassroots_issuer(unit: Unit) -> str:
    if unit.kind in (Unit.Kind.WARD, Unit.Kind.COMMUNE):
        return f"Chủ tịch {unit.name}"
    return f"Thủ trưởng {unit.name}"


def _unit_year(plan: Plan, unit: Unit, people: list[Person], year: int) -> None:
    """LĐTT for most staff — direct workers more often as years pass, the rise the
    city's plan asks for —, a CSTĐ cơ sở, an ad hoc Giấy khen, the unit's title."""
    rng = random.Random(f"reports-{unit.code}-{year}")
    local = _grassroots_issuer(unit)
    direct = [p for p in people if p.is_direct_worker]
    others = [p for p in people if not p.is_direct_worker]
    taken_direct = direct[: 0 if year < 2021 else 1 if year < 2023 else len(direct)]
    taken = [p for p in others if rng.random() < 0.8] + taken_direct
    for person in taken:
        plan.add(person, "LDTT", year, unit, D(year + 1, 1, 15), local)
    if taken:
        plan.add(rng.choice(taken), "CSTDCS", year, unit, D(year + 1, 1, 20), local)
    if year >= 2022 and direct:
        plan.add(
            rng.choice(direct), "GIAY_KHEN", year, unit, D(year, 9, 5), local, "ad_hoc"
        )
    if year >= 2024 and people:
        plan.add(
            rng.choice(people),
            "GIAY_KHEN",
            year,
            unit,
            D(year, 11, 20),
            local,
            "movement",
        )
    plan.add(unit, "TTLDTT", year, unit, D(year + 1, 1, 15), local)
    if unit.kind == Unit.Kind.DEPARTMENT:
        _department_year(plan, unit, people, year, rng)


def _department_year(
    plan: Plan, unit: Unit, people: list[Person], year: int, rng: random.Random
) -> None:
    """Province and State awards of a department: Bằng khen, CSTĐ, flags, orders."""
    leaders = [p for p in people if p.is_leader] or people
    plan.add(rng.choice(people), "BK_TINH", year, unit, D(year + 1, 3, 20), CITY)
    if year % 2:
        plan.add(unit, "TTLDXS", year, unit, D(year + 1, 3, 20), CITY)
    if year % 3 == 0:
        plan.add(rng.choice(leaders), "CSTDT", year, unit, D(year + 1, 3, 25), CITY)
    if (year + len(unit.code)) % 4 == 0:
        plan.add(unit, "CO_TINH", year, unit, D(year + 1, 3, 25), CITY)
    if (year + len(unit.code)) % 3 == 0:
        plan.add(
            rng.choice(leaders),
            "KNC",
            year,
            unit,
            D(year, 10, 10),
            CITY,
            "long_service",
        )
    if (year + len(unit.code)) % 5 == 0:
        who = rng.choice(people)
        plan.add(who, "BK_TTG", year, unit, D(year + 1, 6, 10), "Thủ tướng Chính phủ")
    if (year + len(unit.code)) % 7 == 0:
        plan.add(unit, "BK_TTG", year, unit, D(year + 1, 6, 10), "Thủ tướng Chính phủ")
    if (year + len(unit.code)) % 9 == 0:
        plan.add(
            rng.choice(leaders),
            "HC_LAO_DONG_3",
            year,
            unit,
            D(year + 1, 8, 20),
            "Chủ tịch nước",
            "long_service",
        )


def seed_award_history(log: Log) -> None:
    if AwardRecord.objects.filter(note=NOTE).exists():
        log("  đã có lịch sử khen thưởng minh họa cho báo cáo")
        return
    enterprise = seed_enterprise(log)
    kinds = {k.code: k for k in AwardKind.objects.all()}
    plan = Plan(kinds)
    units = list(
        Unit.objects.filter(code__startswith="HN-").exclude(code__in=SKIP_UNITS)
    )
    people: dict[int, list[Person]] = {}
    for person in Person.objects.filter(unit__in=units, user__isnull=True).order_by(
        "pk"
    ):
        people.setdefault(person.unit_id, []).append(person)
    for unit in units:
        for year in YEARS:
            if _active(unit, year):
                _unit_year(plan, unit, people.get(unit.pk, []), year)
    _special(plan, kinds, enterprise, people)
    for household in _households():
        for year in YEARS:
            if _active(household.unit, year):
                issuer = _grassroots_issuer(household.unit)
                plan.add(
                    household,
                    "GIA_DINH_VAN_HOA",
                    year,
                    household.unit,
                    D(year, 12, 20),
                    issuer,
                )
    AwardRecord.objects.bulk_create(plan.rows, ignore_conflicts=True)
    log(f"  {len(plan.rows)} khen thưởng minh họa 2019–2025 của {len(units)} đơn vị")


def _special(
    plan: Plan, kinds: dict[str, AwardKind], enterprise: Unit | None, people: dict
) -> None:
    """The rare awards every form has a row for: Cờ thi đua của Chính phủ, CSTĐ toàn
    quốc, foreign relations, and the enterprise's State and city awards."""
    wards = list(Unit.objects.filter(code__in=["HN-HBT-BK", "HN-P-BA-DINH"]))
    for ward, year in zip(wards, (2022, 2025), strict=False):
        plan.add(ward, "CO_CP", year, ward, D(year + 1, 5, 5), "Thủ tướng Chính phủ")
    department = Unit.objects.filter(code="HN-SKHCN").first()
    if department is not None and people.get(department.pk):
        staff = people[department.pk]
        plan.add(
            staff[0], "CSTDTQ", 2023, department, D(2024, 4, 28), "Thủ tướng Chính phủ"
        )
        plan.add(staff[1], "BK_TINH", 2024, department, D(2024, 8, 1), CITY, "foreign")
    if enterprise is None:
        return
    workers = list(Person.objects.filter(unit=enterprise).order_by("pk"))
    for year in (2022, 2023, 2024, 2025):
        plan.add(enterprise, "BK_TINH", year, enterprise, D(year + 1, 3, 20), CITY)
    plan.add(
        workers[0], "BK_TTG", 2024, enterprise, D(2025, 6, 10), "Thủ tướng Chính phủ"
    )
    plan.add(
        enterprise, "HC_LAO_DONG_3", 2025, enterprise, D(2026, 8, 20), "Chủ tịch nước"
    )


def seeders() -> list[tuple[str, int, Callable[[Log], None]]]:
    from reports import demo_activity

    return [
        ("Báo cáo: chỉ tiêu người lao động trực tiếp của Hà Nội", 400, seed_targets),
        (
            "Báo cáo: khen thưởng 2019–2025 của các đơn vị Hà Nội",
            410,
            seed_award_history,
        ),
        (
            "Báo cáo: phong trào, sáng kiến qua các năm",
            420,
            demo_activity.seed_activity,
        ),
        (
            "Báo cáo: các năm đã công bố của hai cụm, khối",
            430,
            demo_activity.seed_cluster_years,
        ),
        (
            "Báo cáo: hồ sơ có lịch sử xử lý nhiều ngày",
            440,
            demo_activity.seed_dossiers,
        ),
    ]
