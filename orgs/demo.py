"""Demo data of the foundation: Hà Nội (the departments of Cụm thi đua số 7, the
central districts of Cụm thi đua số 8 as historic units with their successor
wards), Hà Nam with the units of Khối Thi đua Tổng hợp, people and one user per
role. Unit names are real (shared/articles); person names are invented."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model

from orgs import services
from orgs.models import (
    LegalDocument,
    LegalParameter,
    ParameterValue,
    Person,
    Role,
    Unit,
    UnitSuccession,
)

D = datetime.date
DEMO_PASSWORD = "Tdkt@2026demo"
REFORM_DAY = D(2025, 7, 1)
LAST_DISTRICT_DAY = D(2025, 6, 30)

# code, name, short name, kind, parent code, header name, header parent, place, valid_from, valid_to
UNITS: list[tuple[Any, ...]] = [
    (
        "HN",
        "Ủy ban nhân dân thành phố Hà Nội",
        "UBND",
        "province",
        None,
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        "",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SNV",
        "Sở Nội vụ thành phố Hà Nội",
        "SNV",
        "department",
        "HN",
        "SỞ NỘI VỤ",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-BTDKT",
        "Ban Thi đua – Khen thưởng thành phố Hà Nội",
        "BTĐKT",
        "division",
        "HN-SNV",
        "BAN THI ĐUA – KHEN THƯỞNG",
        "SỞ NỘI VỤ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SGDDT",
        "Sở Giáo dục và Đào tạo thành phố Hà Nội",
        "SGDĐT",
        "department",
        "HN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SYT",
        "Sở Y tế thành phố Hà Nội",
        "SYT",
        "department",
        "HN",
        "SỞ Y TẾ",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SVHTT",
        "Sở Văn hóa và Thể thao thành phố Hà Nội",
        "SVHTT",
        "department",
        "HN",
        "SỞ VĂN HÓA VÀ THỂ THAO",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SLDTBXH",
        "Sở Lao động – Thương binh và Xã hội thành phố Hà Nội",
        "SLĐTBXH",
        "department",
        "HN",
        "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        D(2025, 2, 28),
    ),
    (
        "HN-SKHCN",
        "Sở Khoa học và Công nghệ thành phố Hà Nội",
        "SKHCN",
        "department",
        "HN",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-STTTT",
        "Sở Thông tin và Truyền thông thành phố Hà Nội",
        "STTTT",
        "department",
        "HN",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "UBND THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        None,
        D(2025, 2, 28),
    ),
    (
        "HN-SGDDT-THPTVD",
        "Trường THPT Việt Đức",
        "THPTVĐ",
        "school",
        "HN-SGDDT",
        "TRƯỜNG THPT VIỆT ĐỨC",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
    (
        "HN-SYT-BVTP",
        "Bệnh viện Thanh Nhàn",
        "BVTN",
        "hospital",
        "HN-SYT",
        "BỆNH VIỆN THANH NHÀN",
        "SỞ Y TẾ HÀ NỘI",
        "Hà Nội",
        None,
        None,
    ),
]

DISTRICTS = [
    ("HN-HBT", "Hai Bà Trưng"),
    ("HN-BD", "Ba Đình"),
    ("HN-HK", "Hoàn Kiếm"),
    ("HN-DD", "Đống Đa"),
    ("HN-LB", "Long Biên"),
    ("HN-HM", "Hoàng Mai"),
]
# Successor wards of each district from 1/7/2025 (a selection, for the demo).
NEW_WARDS = {
    "HN-HBT": ["Hai Bà Trưng", "Bạch Mai", "Vĩnh Tuy"],
    "HN-BD": ["Ba Đình", "Ngọc Hà", "Giảng Võ"],
    "HN-HK": ["Hoàn Kiếm", "Cửa Nam"],
    "HN-DD": ["Đống Đa", "Văn Miếu - Quốc Tử Giám"],
    "HN-LB": ["Long Biên", "Bồ Đề"],
    "HN-HM": ["Hoàng Mai", "Định Công"],
}
HBT_INSIDE = [
    (
        "HN-HBT-NV",
        "Phòng Nội vụ quận Hai Bà Trưng",
        "NV",
        "division",
        "PHÒNG NỘI VỤ",
        "UBND QUẬN HAI BÀ TRƯNG",
    ),
    (
        "HN-HBT-TCKH",
        "Phòng Tài chính – Kế hoạch quận Hai Bà Trưng",
        "TCKH",
        "division",
        "PHÒNG TÀI CHÍNH – KẾ HOẠCH",
        "UBND QUẬN HAI BÀ TRƯNG",
    ),
    (
        "HN-HBT-VP",
        "Văn phòng HĐND và UBND quận Hai Bà Trưng",
        "VP",
        "division",
        "VĂN PHÒNG HĐND VÀ UBND",
        "UBND QUẬN HAI BÀ TRƯNG",
    ),
    (
        "HN-HBT-LDH",
        "Ủy ban nhân dân phường Lê Đại Hành",
        "UBND",
        "ward",
        "ỦY BAN NHÂN DÂN\nPHƯỜNG LÊ ĐẠI HÀNH",
        "QUẬN HAI BÀ TRƯNG",
    ),
    (
        "HN-HBT-BK",
        "Ủy ban nhân dân phường Bách Khoa",
        "UBND",
        "ward",
        "ỦY BAN NHÂN DÂN\nPHƯỜNG BÁCH KHOA",
        "QUẬN HAI BÀ TRƯNG",
    ),
    (
        "HN-HBT-MK",
        "Ủy ban nhân dân phường Minh Khai",
        "UBND",
        "ward",
        "ỦY BAN NHÂN DÂN\nPHƯỜNG MINH KHAI",
        "QUẬN HAI BÀ TRƯNG",
    ),
]
OLD_WARD_SUCCESSOR = {
    "HN-HBT-LDH": "Hai Bà Trưng",
    "HN-HBT-BK": "Bạch Mai",
    "HN-HBT-MK": "Vĩnh Tuy",
}

HA_NAM = [
    (
        "HNAM",
        "Ủy ban nhân dân tỉnh Hà Nam",
        "UBND",
        "province",
        None,
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM",
        "",
    ),
    (
        "HNAM-SNV",
        "Sở Nội vụ tỉnh Hà Nam",
        "SNV",
        "department",
        "HNAM",
        "SỞ NỘI VỤ",
        "UBND TỈNH HÀ NAM",
    ),
    (
        "HNAM-VPDBHD",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Hà Nam",
        "VP",
        "other",
        "HNAM",
        "VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI\nVÀ HỘI ĐỒNG NHÂN DÂN",
        "TỈNH HÀ NAM",
    ),
    (
        "HNAM-KBNN",
        "Kho bạc Nhà nước tỉnh Hà Nam",
        "KBHN",
        "central_agency",
        "HNAM",
        "KHO BẠC NHÀ NƯỚC HÀ NAM",
        "KHO BẠC NHÀ NƯỚC",
    ),
    (
        "HNAM-VPUB",
        "Văn phòng Ủy ban nhân dân tỉnh Hà Nam",
        "VP",
        "department",
        "HNAM",
        "VĂN PHÒNG",
        "UBND TỈNH HÀ NAM",
    ),
    (
        "HNAM-SKHDT",
        "Sở Kế hoạch và Đầu tư tỉnh Hà Nam",
        "SKHĐT",
        "department",
        "HNAM",
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "UBND TỈNH HÀ NAM",
    ),
    (
        "HNAM-STC",
        "Sở Tài chính tỉnh Hà Nam",
        "STC",
        "department",
        "HNAM",
        "SỞ TÀI CHÍNH",
        "UBND TỈNH HÀ NAM",
    ),
    (
        "HNAM-CT",
        "Cục Thuế tỉnh Hà Nam",
        "CT",
        "central_agency",
        "HNAM",
        "CỤC THUẾ TỈNH HÀ NAM",
        "TỔNG CỤC THUẾ",
    ),
    (
        "HNAM-CTK",
        "Cục Thống kê tỉnh Hà Nam",
        "CTK",
        "central_agency",
        "HNAM",
        "CỤC THỐNG KÊ TỈNH HÀ NAM",
        "TỔNG CỤC THỐNG KÊ",
    ),
    (
        "HNAM-NHNN",
        "Ngân hàng Nhà nước – Chi nhánh tỉnh Hà Nam",
        "HNA",
        "central_agency",
        "HNAM",
        "CHI NHÁNH TỈNH HÀ NAM",
        "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM",
    ),
    (
        "HNAM-HQ",
        "Chi cục Hải quan Hà Nam",
        "CCHQ",
        "central_agency",
        "HNAM",
        "CHI CỤC HẢI QUAN HÀ NAM",
        "CỤC HẢI QUAN HÀ NAM NINH",
    ),
]

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Đinh",
    "Trịnh",
    "Mai",
    "Tạ",
    "Lương",
    "Cao",
    "Kiều",
    "Âu",
    "Ưng",
    "Ông",
]
MIDDLE = {
    "male": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Công"],
    "female": ["Thị", "Thu", "Ngọc", "Thanh", "Phương", "Minh", "Hồng"],
}
GIVEN = {
    "male": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khánh",
        "Long",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Tuấn",
        "Việt",
        "Thắng",
        "Đạt",
        "Ổn",
        "Ỷ",
    ],
    "female": [
        "Anh",
        "Hà",
        "Hạnh",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Ngân",
        "Nhung",
        "Phượng",
        "Thảo",
        "Trang",
        "Yến",
        "Uyên",
    ],
}
POSITIONS = [
    ("Trưởng phòng", False, True),
    ("Phó Trưởng phòng", False, True),
    ("Chuyên viên", False, False),
    ("Chuyên viên chính", False, False),
    ("Cán sự", False, False),
    ("Nhân viên văn thư", False, False),
    ("Nhân viên bảo vệ", True, False),
    ("Lái xe", True, False),
    ("Công nhân vệ sinh môi trường", True, False),
]

USERS = [
    # username, full name, role, unit code, staff
    ("thuongtruc.hanoi", "Nguyễn Thị Minh Thư", Role.SECRETARIAT, "HN", True),
    ("lanhdao.hanoi", "Trần Quốc Bảo", Role.LEADER, "HN", False),
    ("noivu.hbt", "Lê Thị Thu Trang", Role.SECRETARIAT, "HN-HBT", True),
    ("canbo.ledaihanh", "Phạm Văn Khánh", Role.UNIT_OFFICER, "HN-HBT-LDH", False),
    ("canbo.haibatrung", "Đỗ Thị Hạnh", Role.UNIT_OFFICER, "HN-P-HAI-BA-TRUNG", False),
    ("canbo.sgddt", "Vũ Ngọc Lan", Role.UNIT_OFFICER, "HN-SGDDT", False),
    ("canbo.syt", "Bùi Minh Sơn", Role.UNIT_OFFICER, "HN-SYT", False),
    ("thanhvien.hbt", "Hoàng Văn Long", Role.COUNCIL_MEMBER, "HN-HBT-TCKH", False),
    ("cumtruong.cum7", "Ngô Thanh Hương", Role.CLUSTER_OFFICER, "HN-SGDDT", False),
    ("thuongtruc.hanam", "Đinh Thị Yến", Role.SECRETARIAT, "HNAM", True),
    ("canbo.kbnn", "Lương Đức Hải", Role.UNIT_OFFICER, "HNAM-KBNN", False),
]


def ward_code(name: str) -> str:
    from orgs.vn import fold

    return "HN-P-" + fold(name).replace(" - ", "-").replace(" ", "-").upper()


def _unit(log: Callable[[str], None], code: str, **fields: Any) -> Unit:
    existing = Unit.objects.filter(code=code).first()
    if existing:
        return existing
    unit = services.unit_create(actor=None, code=code, **fields)
    return unit


def _legal(number: str, issued_on: datetime.date, **fields: Any) -> LegalDocument:
    document, _ = LegalDocument.objects.get_or_create(
        number=number, issued_on=issued_on, defaults=fields
    )
    return document


def seed_units(log: Callable[[str], None]) -> None:
    units: dict[str, Unit] = {}
    for (
        code,
        name,
        short,
        kind,
        parent,
        header,
        header_parent,
        place,
        start,
        end,
    ) in UNITS:
        units[code] = _unit(
            log,
            code,
            name=name,
            short_name=short,
            kind=kind,
            parent=units.get(parent),
            header_name=header,
            header_parent=header_parent,
            place_name=place,
            valid_from=start,
            valid_to=end,
        )
    reform = _legal(
        "1656/NQ-UBTVQH15",
        D(2025, 6, 16),
        kind="resolution",
        issuer="Ủy ban Thường vụ Quốc hội",
        title="Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025",
        effective_from=REFORM_DAY,
    )
    department_merger = _legal(
        "DEMO-SN-2025",
        D(2025, 2, 28),
        kind="decision",
        issuer="Ủy ban nhân dân thành phố Hà Nội",
        title="Sắp xếp, hợp nhất các sở (dữ liệu minh họa)",
        effective_from=D(2025, 3, 1),
    )
    for old, new in (("HN-SLDTBXH", "HN-SNV"), ("HN-STTTT", "HN-SKHCN")):
        if not UnitSuccession.objects.filter(predecessor=units[old]).exists():
            services.unit_succession_record(
                predecessor=units[old],
                successor=units[new],
                kind=UnitSuccession.Kind.MERGER,
                effective_on=D(2025, 3, 1),
                actor=None,
                legal_basis=department_merger,
            )
    for code, district in DISTRICTS:
        units[code] = _unit(
            log,
            code,
            name=f"Ủy ban nhân dân quận {district}",
            short_name="UBND",
            kind="district",
            parent=units["HN"],
            header_name=f"ỦY BAN NHÂN DÂN\nQUẬN {district.upper()}",
            place_name="Hà Nội",
            valid_to=LAST_DISTRICT_DAY,
        )
        for ward in NEW_WARDS[code]:
            new_code = ward_code(ward)
            units[new_code] = _unit(
                log,
                new_code,
                name=f"Ủy ban nhân dân phường {ward}",
                short_name="UBND",
                kind="ward",
                parent=units["HN"],
                header_name=f"ỦY BAN NHÂN DÂN\nPHƯỜNG {ward.upper()}",
                place_name="Hà Nội",
                valid_from=REFORM_DAY,
            )
            if not UnitSuccession.objects.filter(
                predecessor=units[code], successor=units[new_code]
            ).exists():
                services.unit_succession_record(
                    predecessor=units[code],
                    successor=units[new_code],
                    kind=UnitSuccession.Kind.SPLIT,
                    effective_on=REFORM_DAY,
                    actor=None,
                    legal_basis=reform,
                )
    for code, name, short, kind, header, header_parent in HBT_INSIDE:
        units[code] = _unit(
            log,
            code,
            name=name,
            short_name=short,
            kind=kind,
            parent=units["HN-HBT"],
            header_name=header,
            header_parent=header_parent,
            place_name="Hà Nội",
            valid_to=LAST_DISTRICT_DAY,
        )
    for old, ward in OLD_WARD_SUCCESSOR.items():
        new = units[ward_code(ward)]
        if not UnitSuccession.objects.filter(
            predecessor=units[old], successor=new
        ).exists():
            services.unit_succession_record(
                predecessor=units[old],
                successor=new,
                kind=UnitSuccession.Kind.MERGER,
                effective_on=REFORM_DAY,
                actor=None,
                legal_basis=reform,
            )
    ha_nam_end = LAST_DISTRICT_DAY
    for code, name, short, kind, parent, header, header_parent in HA_NAM:
        units[code] = _unit(
            log,
            code,
            name=name,
            short_name=short,
            kind=kind,
            parent=units.get(parent),
            header_name=header,
            header_parent=header_parent,
            place_name="Hà Nam",
            valid_to=ha_nam_end,
        )
    units["NB"] = _unit(
        log,
        "NB",
        name="Ủy ban nhân dân tỉnh Ninh Bình",
        short_name="UBND",
        kind="province",
        header_name="ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH",
        place_name="Ninh Bình",
        valid_from=REFORM_DAY,
    )
    provinces = _legal(
        "202/2025/QH15",
        D(2025, 6, 12),
        kind="resolution",
        issuer="Quốc hội",
        title="Về việc sắp xếp đơn vị hành chính cấp tỉnh",
        effective_from=D(2025, 6, 12),
    )
    if not UnitSuccession.objects.filter(predecessor=units["HNAM"]).exists():
        services.unit_succession_record(
            predecessor=units["HNAM"],
            successor=units["NB"],
            kind=UnitSuccession.Kind.MERGER,
            effective_on=REFORM_DAY,
            actor=None,
            legal_basis=provinces,
        )
    hanoi_rule = LegalParameter.objects.get(code="ratio_cap")
    if not ParameterValue.objects.filter(
        parameter=hanoi_rule, scope_unit=units["HN"]
    ).exists():
        services.parameter_value_set(
            parameter=hanoi_rule,
            key="CSTDCS_OF_LDTT",
            value="15/100",
            valid_from=D(2024, 1, 1),
            actor=None,
            scope_unit=units["HN"],
            note="Quy định riêng của thành phố (dữ liệu minh họa)",
        )
    log(f"  {Unit.objects.count()} đơn vị")


def _name(rng: random.Random, gender: str) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


def seed_people(log: Callable[[str], None]) -> None:
    for unit in Unit.objects.exclude(kind__in=["province"]).order_by("code"):
        if unit.people.exists():
            continue
        rng = random.Random(unit.code)
        for index in range(8):
            gender = rng.choice(["male", "female"])
            position, direct, leader = POSITIONS[index % len(POSITIONS)]
            Person.objects.create(
                full_name=_name(rng, gender),
                gender=gender,
                birth_year=rng.randint(1965, 1998),
                position=position,
                unit=unit,
                is_direct_worker=direct,
                is_leader=leader,
            )
    log(f"  {Person.objects.count()} cá nhân")


def seed_users(log: Callable[[str], None]) -> None:
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "first_name": "Quản trị"},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    for username, full_name, role, unit_code, staff in USERS:
        family, _, given = full_name.rpartition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": given, "last_name": family, "is_staff": staff},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        unit = Unit.objects.get(code=unit_code)
        services.role_grant(user=user, unit=unit, role=role, actor=admin)
        if not Person.objects.filter(user=user).exists():
            Person.objects.create(
                full_name=full_name,
                unit=unit,
                position="Cán bộ làm công tác thi đua, khen thưởng",
                user=user,
                birth_year=1985,
            )
    log(f"  {User.objects.count()} tài khoản")


def demo_logins() -> list[tuple[str, str, str]]:
    rows = [("admin", "Quản trị hệ thống (superuser)", "—")]
    for username, _full, role, unit_code, _staff in USERS:
        rows.append(
            (username, str(Role(role).label), Unit.objects.get(code=unit_code).name)
        )
    return rows
