"""The catalogue of titles and forms of commendation, seeded from shared/domain.md
§3–5 and §8.1 with the source of every row, plus the reward multipliers and the
council voting rules that the catalogue's codes key.

Tags in notes: [V] verified in a source, [P] precedent or practice, [U] to
verify against the official text. Idempotent (update_or_create on natural keys):
tests re-run ``forwards`` after flushing the database.
"""

import datetime

from django.db import migrations

D = datetime.date
REFORM = D(2025, 7, 1)
LAST_DISTRICT_DAY = D(2025, 6, 30)

OBJECTS = [
    ("bang", "Bằng (bằng chứng nhận, bằng khen)", 10),
    ("giay", "Giấy (giấy khen, giấy chứng nhận)", 20),
    ("khung", "Khung", 30),
    ("co", "Cờ", 40),
    ("huy-hieu", "Huy hiệu", 50),
    ("huan-chuong", "Huân chương (kèm dải, cuống)", 60),
    ("hop", "Hộp đựng", 70),
]

COMPONENTS = [
    ("to-trinh", "Tờ trình đề nghị", "Luật 2022 Điều 84 khoản 1 điểm a, khoản 2 điểm a [V]", 10),
    ("bao-cao-thanh-tich", "Báo cáo thành tích của cá nhân, tập thể",
     "Luật 2022 Điều 84 khoản 1 điểm b, khoản 2 điểm b; theo mẫu của nghị định đang có hiệu lực [V]", 20),
    ("bien-ban-binh-xet", "Biên bản bình xét thi đua",
     "Luật 2022 Điều 84 khoản 1 điểm c (danh hiệu thi đua) [V]", 30),
    ("bien-ban-xet-khen-thuong", "Biên bản xét khen thưởng",
     "Luật 2022 Điều 84 khoản 2 điểm c (hình thức khen thưởng) [V]", 30),
    ("xac-nhan-sang-kien", "Chứng nhận, xác nhận sáng kiến, đề tài khoa học",
     "Luật 2022 Điều 84 khoản 1 điểm d: khi đề nghị CSTĐ cơ sở, CSTĐ bộ, tỉnh, CSTĐ toàn quốc [V]", 40),
    ("xac-nhan-thanh-tich", "Xác nhận thành tích đột xuất, đóng góp lớn",
     "Luật 2022 Điều 84 khoản 2 điểm d [V]", 40),
    ("tom-tat-thanh-tich", "Tóm tắt thành tích",
     "Thủ tục đơn giản, Luật 2022 Điều 85 [U: nội dung cần đối chiếu]", 25),
    ("y-kien-hiep-y", "Ý kiến hiệp y",
     "NĐ 98/2023 Điều 31 (khen thưởng cấp Nhà nước) [V]", 50),
]

# code, name, category, group, level (10 cơ sở / 20 bộ, tỉnh / 30 Nhà nước), subjects (i, c, h),
# article, legal basis key, objects, source note, order
KINDS = [
    ("CSTDTQ", "Chiến sĩ thi đua toàn quốc", "title", "Danh hiệu cá nhân", 30, "i", "Điều 21", "ltdkt",
     ["bang", "khung", "huy-hieu", "hop"], "[V] S5; hiện vật, tiền thưởng NĐ 98 Điều 54 [V] S32", 10),
    ("CSTDT", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "title", "Danh hiệu cá nhân", 20, "i", "Điều 22", "ltdkt",
     ["bang", "khung", "huy-hieu", "hop"], "[V] S4 (số điều suy ra)", 20),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", "Danh hiệu cá nhân", 10, "i", "Điều 23", "ltdkt",
     ["bang", "khung"], "[V] S6", 30),
    ("LDTT", "Lao động tiên tiến", "title", "Danh hiệu cá nhân", 10, "i", "Điều 24", "ltdkt",
     [], "[V] S7, S8", 40),
    ("CO_CP", "Cờ thi đua của Chính phủ", "title", "Danh hiệu tập thể", 30, "c", "Điều 25", "ltdkt",
     ["co"], "[V] S10", 50),
    ("CO_TINH", "Cờ thi đua của bộ, ban, ngành, tỉnh", "title", "Danh hiệu tập thể", 20, "c", "Điều 26",
     "ltdkt", ["co"], "[V] S11, S12", 60),
    ("TTLDXS", "Tập thể lao động xuất sắc", "title", "Danh hiệu tập thể", 20, "c", "Điều 27", "ltdkt",
     ["bang", "khung"], "[V] S13", 70),
    ("TTLDTT", "Tập thể lao động tiên tiến", "title", "Danh hiệu tập thể", 10, "c", "Điều 28", "ltdkt",
     [], "[V] điều và phân cấp S21; tiêu chuẩn [U]", 80),
    ("XA_TIEU_BIEU", "Xã, phường, đặc khu tiêu biểu", "title", "Danh hiệu tập thể", 20, "c", "Điều 29",
     "ltdkt", ["bang", "khung"],
     "[V] S14; tên mới theo NĐ 152/2025 [V] S9; thẩm quyền Chủ tịch UBND tỉnh [U]", 90),
    ("THON_VAN_HOA", "Thôn, tổ dân phố văn hóa", "title", "Danh hiệu tập thể", 10, "c", "Điều 30", "ltdkt",
     ["bang", "khung"], "[V] S14, khung tiêu chuẩn NĐ 86/2023 [V] S15", 100),
    ("GIA_DINH_VAN_HOA", "Gia đình văn hóa", "title", "Danh hiệu hộ gia đình", 10, "h", "Điều 31", "ltdkt",
     ["giay"], "[U] số điều; khung tiêu chuẩn NĐ 86/2023 [V] S15; Chủ tịch UBND cấp xã Điều 80.3 [V] S1",
     110),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "commendation", "Bằng khen", 30, "ic", "Điều 73",
     "ltdkt", ["bang", "khung"], "[V] S23; hộ gia đình [U]", 210),
    ("BK_TINH", "Bằng khen của bộ, ban, ngành, tỉnh", "commendation", "Bằng khen", 20, "ich", "Điều 74",
     "ltdkt", ["bang", "khung"], "[V] S24; hộ gia đình [U]", 220),
    ("GIAY_KHEN", "Giấy khen", "commendation", "Giấy khen", 10, "ich", "Điều 75", "ltdkt",
     ["giay", "khung"], "[V] S1 (thẩm quyền), S40 (hiện vật, hộ gia đình); tiêu chuẩn [U]", 230),
    ("KNC", "Kỷ niệm chương", "commendation", "Kỷ niệm chương", 20, "i", "Điều 9", "ltdkt",
     ["huy-hieu"], "[U] của bộ, ngành, đoàn thể trung ương", 240),
    ("AH_LAO_DONG", "Anh hùng Lao động", "commendation", "Danh hiệu vinh dự nhà nước", 30, "ic", "", "ltdkt",
     ["huy-hieu", "bang"], "[V] lấy ý kiến nhân dân S41; xét 5 năm một lần [P] S97", 300),
    ("AH_LLVT", "Anh hùng Lực lượng vũ trang nhân dân", "commendation", "Danh hiệu vinh dự nhà nước", 30,
     "ic", "", "ltdkt", ["huy-hieu", "bang"], "[V] danh mục S25; nội dung [U]", 310),
    ("HC_SAO_VANG", "Huân chương Sao vàng", "commendation", "Huân chương", 30, "ic", "", "ltdkt",
     ["huan-chuong", "bang", "hop"], "[U] danh mục chuẩn; tiền thưởng NĐ 152 [V] S40", 400),
    ("HC_HO_CHI_MINH", "Huân chương Hồ Chí Minh", "commendation", "Huân chương", 30, "ic", "", "ltdkt",
     ["huan-chuong", "bang", "hop"], "[U] danh mục chuẩn; tiền thưởng NĐ 152 [V] S40", 410),
]
for rank, word in ((1, "Nhất"), (2, "Nhì"), (3, "Ba")):
    for code, name, order in (
        ("HC_DOC_LAP", "Huân chương Độc lập", 420),
        ("HC_QUAN_CONG", "Huân chương Quân công", 430),
        ("HC_LAO_DONG", "Huân chương Lao động", 440),
        ("HC_BAO_VE_TO_QUOC", "Huân chương Bảo vệ Tổ quốc", 450),
        ("HC_CHIEN_CONG", "Huân chương Chiến công", 460),
    ):
        KINDS.append((f"{code}_{rank}", f"{name} hạng {word}", "commendation", "Huân chương", 30, "ic", "",
                      "ltdkt", ["huan-chuong", "bang", "hop"], "[U] danh mục chuẩn (domain.md §4)", order + rank))
KINDS += [
    ("HC_DUNG_CAM", "Huân chương Dũng cảm", "commendation", "Huân chương", 30, "i", "", "ltdkt",
     ["huan-chuong", "bang", "hop"], "[U] danh mục chuẩn (domain.md §4)", 470),
    ("HC_HUU_NGHI", "Huân chương Hữu nghị", "commendation", "Huân chương", 30, "ic", "", "ltdkt",
     ["huan-chuong", "bang", "hop"], "[U] danh mục chuẩn; khen thưởng đối ngoại", 480),
]

FORMER_NAMES = [("XA_TIEU_BIEU", "Xã, phường, thị trấn tiêu biểu", LAST_DISTRICT_DAY)]

# Authorities: code → list of (authority, valid_from, valid_to, public comment, legal key, note)
LOCAL_SPLIT = [
    ("district_chair", None, LAST_DISTRICT_DAY, False, "ltdkt",
     "Luật 2022 Điều 80 khoản 2 [V] S1; hết thẩm quyền khi bỏ cấp huyện"),
    ("commune_chair", REFORM, None, False, "nd129",
     "NĐ 129/2025/NĐ-CP: chuyển thẩm quyền cấp huyện cho Chủ tịch UBND cấp xã [V] S38"),
]
UNIT_HEADS = [
    ("unit_head", None, None, False, "ltdkt", "Luật 2022 Điều 80 khoản 1 [V] S1"),
    ("enterprise_head", None, None, False, "ltdkt", "Luật 2022 Điều 80 khoản 4 [V] S1"),
]
PROVINCIAL = [
    ("minister", None, None, False, "ltdkt", "Bộ trưởng, thủ trưởng cơ quan trung ương [U]"),
    ("province_chair", None, None, False, "ltdkt", "Chủ tịch UBND cấp tỉnh [U] (TTHC Sở Nội vụ, S13)"),
]
STATE_WITH_COMMENT = [
    ("president", None, D(2023, 12, 31), False, "ltdkt", "Chủ tịch nước, theo đề nghị của Thủ tướng [V] S25"),
    ("president", D(2024, 1, 1), LAST_DISTRICT_DAY, True, "nd98",
     "Lấy ý kiến nhân dân 10 ngày làm việc: NĐ 98/2023 Điều 46 khoản 1 [V] S41"),
    ("president", REFORM, None, True, "nd152",
     "Lấy ý kiến nhân dân 10 ngày làm việc: NĐ 152/2025 Điều 60 khoản 3 [V] S41"),
]
ORDERS_WITH_COMMENT = [
    ("president", None, D(2023, 12, 31), False, "ltdkt", "Chủ tịch nước, theo đề nghị của Thủ tướng [V] S25"),
    ("president", D(2024, 1, 1), None, True, "nd98",
     "Lấy ý kiến nhân dân 10 ngày làm việc trước khi trình Huân chương [P] S83 (Sở Nội vụ Ninh Thuận)"),
]
AUTHORITIES = {
    "CSTDTQ": [("prime_minister", None, None, False, "ltdkt", "Thủ tướng Chính phủ [U] (S28b)")],
    "CSTDT": PROVINCIAL,
    "CSTDCS": UNIT_HEADS + LOCAL_SPLIT,
    "LDTT": UNIT_HEADS + [
        ("district_chair", None, LAST_DISTRICT_DAY, False, "ltdkt", "Luật 2022 Điều 80 khoản 2 [V] S1"),
        ("commune_chair", None, None, False, "ltdkt", "Luật 2022 Điều 80 khoản 3 [V] S1"),
    ],
    "CO_CP": [("prime_minister", None, None, False, "ltdkt", "Thủ tướng Chính phủ [U]")],
    "CO_TINH": PROVINCIAL,
    "TTLDXS": PROVINCIAL,
    "TTLDTT": UNIT_HEADS + LOCAL_SPLIT,
    "XA_TIEU_BIEU": [("province_chair", None, None, False, "ltdkt", "Chủ tịch UBND cấp tỉnh [U]")],
    "THON_VAN_HOA": LOCAL_SPLIT,
    "GIA_DINH_VAN_HOA": [("commune_chair", None, None, False, "ltdkt", "Luật 2022 Điều 80 khoản 3 [V] S1")],
    "BK_TTG": [("prime_minister", None, None, False, "ltdkt", "Luật 2022 Điều 73 [V] S23")],
    "BK_TINH": PROVINCIAL,
    "GIAY_KHEN": UNIT_HEADS + [
        ("district_chair", None, LAST_DISTRICT_DAY, False, "ltdkt", "Luật 2022 Điều 80 khoản 2 [V] S1"),
        ("commune_chair", None, None, False, "ltdkt", "Luật 2022 Điều 80 khoản 3 [V] S1"),
    ],
    "KNC": [("minister", None, None, False, "ltdkt", "Bộ, ngành, đoàn thể trung ương [U]")],
    "AH_LAO_DONG": STATE_WITH_COMMENT,
    "AH_LLVT": STATE_WITH_COMMENT,
}

# Checklists (Luật 2022 Điều 84): component, procedure, required, note
TITLE_BASE = [("to-trinh", "normal", True), ("bao-cao-thanh-tich", "normal", True),
              ("bien-ban-binh-xet", "normal", True)]
COMMENDATION_BASE = [("to-trinh", "normal", True), ("bao-cao-thanh-tich", "normal", True),
                     ("bien-ban-xet-khen-thuong", "normal", True), ("xac-nhan-thanh-tich", "normal", False)]
SIMPLIFIED = [("to-trinh", "simplified", True), ("tom-tat-thanh-tich", "simplified", True),
              ("bien-ban-xet-khen-thuong", "simplified", False)]
STATE_EXTRA = [("y-kien-hiep-y", "normal", False)]


def authorities_of(code):
    if code in AUTHORITIES:
        return AUTHORITIES[code]
    return ORDERS_WITH_COMMENT if code.startswith("HC_") else STATE_WITH_COMMENT


def checklist(code, category, level):
    rows = list(TITLE_BASE if category == "title" else COMMENDATION_BASE)
    if code in {"CSTDT", "CSTDTQ"}:
        rows.append(("xac-nhan-sang-kien", "normal", True))
    if code == "CSTDCS":
        rows.append(("xac-nhan-sang-kien", "normal", False))
    if level == 30:
        rows += STATE_EXTRA
    if code in {"GIAY_KHEN", "BK_TINH", "BK_TTG"}:
        rows += SIMPLIFIED
    return rows


MULTIPLIERS = [
    # key, value, valid_from, valid_to, legal key, note
    ("GIAY_KHEN:household", "0.45", REFORM, None, "nd152",
     "[V] S40: hộ gia đình bằng 1,5 lần mức của cá nhân (Giấy khen 0,3)"),
    ("HC_SAO_VANG", "46", REFORM, None, "nd152", "[V] S40"),
    ("HC_HO_CHI_MINH", "35", REFORM, None, "nd152", "[V] S40"),
    ("HC_DOC_LAP_1", "15", REFORM, None, "nd152", "[V] S40"),
    ("HC_QUAN_CONG_1", "15", REFORM, None, "nd152", "[V] S40"),
    ("HC_DOC_LAP_2", "12", REFORM, None, "nd152", "[V] S40"),
    ("HC_QUAN_CONG_2", "12", REFORM, None, "nd152", "[V] S40"),
]

STRICT_VOTE = {"CSTDT", "CSTDTQ", "AH_LAO_DONG", "AH_LLVT"}
VOTE_FROM = D(2017, 10, 1)
VOTE_NOTE = ("[P] NĐ 91/2017 Điều 45.8; Quy chế HĐTĐKT Lạng Sơn 2018 (domain.md §6.2) — "
             "cần đối chiếu NĐ 152/2025 và quy chế của tỉnh")
DEADLINES = [
    ("dossier_reception", "2", "[U] mặc định của hệ thống: tiếp nhận hồ sơ trong 2 ngày làm việc; "
     "điều chỉnh theo quy chế của tỉnh"),
    ("dossier_correction", "5", "[U] mặc định của hệ thống: đơn vị bổ sung hồ sơ trong 5 ngày làm việc; "
     "điều chỉnh theo quy chế của tỉnh"),
]

LEGAL_NUMBERS = {
    "ltdkt": "06/2022/QH15",
    "nd98": "98/2023/NĐ-CP",
    "nd152": "152/2025/NĐ-CP",
    "nd129": "129/2025/NĐ-CP",
}


def forwards(apps, schema_editor):
    AwardObject = apps.get_model("awards", "AwardObject")
    DossierComponentKind = apps.get_model("awards", "DossierComponentKind")
    AwardKind = apps.get_model("awards", "AwardKind")
    AwardKindName = apps.get_model("awards", "AwardKindName")
    AwardAuthority = apps.get_model("awards", "AwardAuthority")
    AwardKindComponent = apps.get_model("awards", "AwardKindComponent")
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")

    legal = {key: LegalDocument.objects.filter(number=number).first() for key, number in LEGAL_NUMBERS.items()}
    objects = {}
    for code, name, order in OBJECTS:
        objects[code], _ = AwardObject.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    components = {}
    for code, name, description, order in COMPONENTS:
        components[code], _ = DossierComponentKind.objects.update_or_create(
            code=code,
            defaults={"name": name, "description": description, "order": order, "legal_basis": legal["ltdkt"]},
        )

    for code, name, category, group, level, subjects, article, basis, gifts, note, order in KINDS:
        kind, _ = AwardKind.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "category": category, "group": group, "level": level,
                "for_individuals": "i" in subjects, "for_collectives": "c" in subjects,
                "for_households": "h" in subjects, "article": article, "legal_basis": legal[basis],
                "source_note": note, "order": order,
            },
        )
        kind.objects_given.set([objects[g] for g in gifts])
        for authority, start, end, comment, basis_key, auth_note in authorities_of(code):
            AwardAuthority.objects.update_or_create(
                award_kind=kind, authority=authority, valid_from=start,
                defaults={"valid_to": end, "requires_public_comment": comment,
                          "legal_basis": legal[basis_key], "note": auth_note},
            )
        for position, (component, procedure, required) in enumerate(checklist(code, category, level), start=1):
            AwardKindComponent.objects.update_or_create(
                award_kind=kind, component=components[component], procedure=procedure,
                defaults={"required": required, "order": position * 10},
            )
    for code, former, valid_to in FORMER_NAMES:
        AwardKindName.objects.update_or_create(
            award_kind=AwardKind.objects.get(code=code), valid_to=valid_to, defaults={"name": former}
        )

    parameters = {p.code: p for p in LegalParameter.objects.all()}
    for key, value, start, end, basis, note in MULTIPLIERS:
        ParameterValue.objects.get_or_create(
            parameter=parameters["reward_multiplier"], key=key, scope_unit=None, valid_from=start,
            defaults={"value": value, "valid_to": end, "legal_basis": legal[basis], "note": note},
        )
    for code, *_rest in KINDS:
        strict = code in STRICT_VOTE
        rows = {
            "vote_threshold": "9/10" if strict else "7/10",
            "vote_base": "all_members",
            "vote_method": "secret_ballot" if strict else "any",
            "vote_threshold_strict": "false",
            "absent_written_opinions_count": "true",
        }
        for parameter, value in rows.items():
            ParameterValue.objects.get_or_create(
                parameter=parameters[parameter], key=code, scope_unit=None, valid_from=VOTE_FROM,
                defaults={"value": value, "note": VOTE_NOTE},
            )
    for key, value, note in DEADLINES:
        ParameterValue.objects.get_or_create(
            parameter=parameters["deadline_working_days"], key=key, scope_unit=None, valid_from=D(2000, 1, 1),
            defaults={"value": value, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("orgs", "0004_reference_data_holidays"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
