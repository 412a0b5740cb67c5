"""Demo households, initiatives with their review windows and council, movements
and registrations."""

from __future__ import annotations

from typing import Any

from awards.demo_common import (
    DEMO_NOTE,
    D,
    Log,
    kind,
    people_of,
    units_by_code,
)
from awards.models import (
    Household,
    Initiative,
    Movement,
    Registration,
    ReviewWindow,
)
from awards.services import initiatives as initiative_services
from awards.services import movements as movement_services
from awards.services import registrations as registration_services
from orgs.models import Unit

# Households, initiatives, movements, registrations ----------------------------------------


HOUSEHOLDS = [
    "Nguyễn Văn Tâm",
    "Trần Thị Hòa",
    "Lê Văn Phúc",
    "Phạm Thị Lụa",
    "Đỗ Văn Hiếu",
]


def seed_activities(log: Log) -> None:
    units = units_by_code()
    ward = units["HN-P-HAI-BA-TRUNG"]
    for index, head in enumerate(HOUSEHOLDS, start=1):
        Household.objects.get_or_create(
            head_name=head,
            unit=ward,
            defaults={
                "address": f"Số {index * 7}, phố Bạch Mai",
                "members": 3 + index % 3,
            },
        )
    council = _initiative_council(units["HN-SGDDT"])
    windows = []
    for number, (start, end) in enumerate(
        [
            (D(2025, 1, 2), D(2025, 3, 31)),
            (D(2025, 4, 1), D(2025, 6, 30)),
            (D(2025, 7, 1), D(2025, 9, 30)),
            (D(2025, 10, 1), D(2025, 12, 31)),
        ],
        start=1,
    ):
        window, _ = ReviewWindow.objects.get_or_create(
            unit=units["HN-SGDDT"],
            year=2025,
            number=number,
            defaults={"opens_on": start, "closes_on": end, "council": council},
        )
        windows.append(window)
    _initiatives(units, windows, council)
    _movements(units)
    _registrations(units)
    log(
        f"  {Household.objects.count()} hộ gia đình, {Initiative.objects.count()} sáng kiến, "
        f"{Movement.objects.count()} phong trào, {Registration.objects.count()} bản đăng ký"
    )


def _initiative_council(owner: Unit) -> Any:
    from councils.models import Council
    from councils.services.councils import council_create

    found = Council.objects.filter(code="HN-SGDDT-HDSK").first()
    if found:
        return found
    return council_create(
        actor=None,
        code="HN-SGDDT-HDSK",
        name="Hội đồng Sáng kiến Sở Giáo dục và Đào tạo",
        owner_unit=owner,
        symbol="HĐSK",
        kind="initiative",
        note=DEMO_NOTE,
    )


def _initiatives(
    units: dict[str, Unit], windows: list[ReviewWindow], council: Any
) -> None:
    department, school = (
        people_of(units["HN-SGDDT"]),
        people_of(units["HN-SGDDT-THPTVD"]),
    )
    plans = [
        (
            department[0],
            "Nền tảng số quản lý hồ sơ thi đua toàn ngành",
            30,
            D(2024, 11, 20),
            None,
        ),
        (
            department[1],
            "Quy trình kiểm định chất lượng trường học trực tuyến",
            20,
            D(2025, 9, 15),
            windows[2],
        ),
        (
            department[2],
            "Mẫu biên bản bình xét điện tử",
            10,
            D(2025, 6, 20),
            windows[1],
        ),
        (
            school[0],
            "Phòng học STEM dùng vật liệu tái chế",
            20,
            D(2025, 3, 25),
            windows[0],
        ),
        (department[3], "Ứng dụng nhắc lịch kiểm tra nội bộ", None, None, windows[3]),
        (department[4], "Sổ tay điện tử cho giáo viên mới", False, None, windows[2]),
    ]
    for author, title, scope, decided_on, window in plans:
        if Initiative.objects.filter(title=title).exists():
            continue
        item = initiative_services.initiative_create(
            actor=None,
            unit=author.unit,
            authors=[author.pk],
            title=title,
            field="education",
            description="Giải pháp mới, đã áp dụng tại đơn vị (dữ liệu minh họa).",
            effect_evidence="Rút ngắn thời gian xử lý, được các đơn vị khác học tập.",
            applied_on=D(2024, 9, 5),
            requested_scope=scope or 10,
            window=window,
        )
        if scope is None:
            continue
        initiative_services.initiative_assess(
            initiative=item,
            actor=None,
            recognised=bool(scope),
            council=council,
            assessed_by="",
            assessment="Có tính mới, đã áp dụng hiệu quả."
            if scope
            else "Chưa chứng minh được hiệu quả.",
            recognised_scope=scope or None,
            recognition_number=f"{item.pk:02d}/QĐ-SGDĐT" if scope else "",
            recognition_date=decided_on,
        )


def _movements(units: dict[str, Unit]) -> None:
    city = units["HN"]
    if not Movement.objects.filter(
        name__startswith="Phong trào thi đua “Chuyển đổi số"
    ).exists():
        movement = movement_services.movement_create(
            actor=None,
            launched_by=city,
            kind="thematic",
            name="Phong trào thi đua “Chuyển đổi số, cải cách hành chính” năm 2025",
            theme="Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển",
            starts_on=D(2025, 2, 10),
            ends_on=D(2025, 12, 31),
            objectives="Số hóa hồ sơ, giải quyết thủ tục hành chính trực tuyến toàn trình.",
            criteria="Tỷ lệ hồ sơ trực tuyến; mức độ hài lòng của người dân.",
            models_to_replicate="Mô hình “Một cửa số” của phường Hai Bà Trưng.",
            plan_reference="Kế hoạch số 45/KH-UBND ngày 05/02/2025 (minh họa)",
            target_units=[
                units[c].pk for c in ("HN-SGDDT", "HN-SYT", "HN-P-HAI-BA-TRUNG")
            ],
            pilot_units=[units["HN-SGDDT-THPTVD"].pk],
        )
        for step, day, note in (
            ("launch", D(2025, 2, 20), "Hội nghị phát động tại UBND thành phố."),
            ("check", D(2025, 6, 15), "Kiểm tra 6 tháng tại các đơn vị chỉ đạo điểm."),
            (
                "spread",
                D(2025, 9, 10),
                "Biểu dương 12 điển hình; tọa đàm nhân rộng mô hình.",
            ),
        ):
            movement_services.movement_advance(
                movement=movement, actor=None, step=step, done_on=day, note=note
            )
    if not Movement.objects.filter(
        name="Phong trào thi đua yêu nước năm 2025"
    ).exists():
        movement_services.movement_create(
            actor=None,
            launched_by=city,
            kind="regular",
            name="Phong trào thi đua yêu nước năm 2025",
            starts_on=D(2025, 1, 1),
            ends_on=D(2025, 12, 31),
            theme="Đoàn kết, sáng tạo, phát triển",
        )


def _registrations(units: dict[str, Unit]) -> None:
    for code, year in (
        ("HN-SGDDT", 2025),
        ("HN-SGDDT", 2026),
        ("HN-P-HAI-BA-TRUNG", 2026),
    ):
        unit = units[code]
        if Registration.objects.filter(unit=unit, year=year).exists():
            continue
        registration = registration_services.registration_create(
            actor=None,
            unit=unit,
            year=year,
            registered_on=D(year, 1, 12),
            note=DEMO_NOTE,
        )
        people = people_of(unit)
        registration_services.registration_entries_add(
            registration=registration,
            actor=None,
            award_kind=kind("LDTT"),
            person_ids=[p.pk for p in people],
        )
        registration_services.registration_entries_add(
            registration=registration,
            actor=None,
            award_kind=kind("CSTDCS"),
            person_ids=[p.pk for p in people[:3]],
        )
        if year == 2025:
            registration_services.registration_submit(
                registration=registration, actor=None
            )
