"""Parameters the decisions, the council votes and monthly recognition read, with
their sources, and the reward multipliers the catalogue still lacked.

Tags in notes: [V] verified in a source, [P] precedent or practice, [U] to
verify against the official text (shared/domain.md). Idempotent (get_or_create
on natural keys): tests re-run ``forwards`` after flushing the database.
"""

import datetime

from django.db import migrations

D = datetime.date
REFORM = D(2025, 7, 1)

# code, name, value type, unit label, key label, description
PARAMETERS = [
    ("vote_per_list", "Được biểu quyết thông qua cả danh sách", "boolean", "", "Mã danh hiệu, hình thức",
     "Có: Hội đồng biểu quyết một lần cho cả danh sách của hồ sơ; Không: biểu quyết (bỏ phiếu) từng người."),
    ("monthly_recognition_min", "Số điển hình tối thiểu mỗi đơn vị đề xuất hằng tháng", "integer",
     "người/đơn vị/tháng", "",
     "Đặt cho cơ quan yêu cầu các đơn vị trực thuộc đề xuất điển hình tiên tiến, người tốt, việc tốt hằng "
     "tháng (áp dụng cho đơn vị đó và cấp dưới). Không đặt: không yêu cầu."),
    ("monthly_recognition_deadline_day", "Hạn đề xuất điển hình hằng tháng", "integer", "ngày trong tháng", "",
     "Đơn vị chưa gửi đủ số đề xuất tối thiểu đến hết ngày này của tháng được liệt kê là chậm."),
    ("fund_reserve_share", "Tỷ lệ quỹ thi đua, khen thưởng dành cho tổ chức phong trào", "ratio", "tỷ lệ", "",
     "Phần quỹ của mỗi cấp dành cho tổ chức phong trào, sơ kết, tổng kết, hoạt động của hội đồng."),
]
LIST_VOTE_NOTE = ("[P] thực tiễn: Hội đồng “bỏ phiếu, biểu quyết thông qua danh sách” (Bến Tre 2023, Nam Định 2022, "
                  "domain.md §6.2) — cần đối chiếu quy chế của tỉnh")
PER_PERSON_NOTE = ("[P] NĐ 91/2017 Điều 45.8; Quy chế HĐTĐKT Lạng Sơn 2018: bỏ phiếu kín từng người — cần đối chiếu "
                   "NĐ 152/2025 và quy chế của tỉnh")
PER_PERSON = ["CSTDT", "CSTDTQ", "AH_LAO_DONG", "AH_LLVT"]

# key, value, valid_from, valid_to, legal key, note
MULTIPLIERS = [
    ("BK_TTG:collective", "3.0", D(2017, 10, 1), None, None,
     "[U] tiền lệ NĐ 91/2017: tập thể gấp đôi cá nhân; cần đối chiếu NĐ 98/2023, NĐ 152/2025"),
    ("BK_TINH:collective", "2.0", D(2017, 10, 1), None, None,
     "[U] tiền lệ NĐ 91/2017: tập thể gấp đôi cá nhân; cần đối chiếu NĐ 98/2023, NĐ 152/2025"),
    ("GIAY_KHEN:collective", "0.6", D(2017, 10, 1), None, None,
     "[U] tiền lệ NĐ 91/2017: tập thể gấp đôi cá nhân; cần đối chiếu NĐ 98/2023, NĐ 152/2025"),
    ("BK_TINH:household", "1.5", D(2024, 1, 1), None, None,
     "[U] hộ gia đình bằng 1,5 lần mức của cá nhân (NĐ 152/2025 [V] S40 cho Giấy khen)"),
    ("GIAY_KHEN:household", "0.45", D(2024, 1, 1), D(2025, 6, 30), None,
     "[U] hộ gia đình bằng 1,5 lần mức của cá nhân trước 01/7/2025"),
    ("GIA_DINH_VAN_HOA", "0", D(2000, 1, 1), None, None,
     "[U] NĐ 86/2023: cấp giấy công nhận, không quy định tiền thưởng"),
    ("KNC", "0", D(2000, 1, 1), None, None, "[U] Kỷ niệm chương: không kèm tiền thưởng"),
]

VALUES = [
    # code, key, value, valid_from, valid_to, legal document number, note
    ("vote_per_list", "", "true", D(2000, 1, 1), None, None, LIST_VOTE_NOTE),
    *[("vote_per_list", code, "false", D(2000, 1, 1), None, None, PER_PERSON_NOTE) for code in PER_PERSON],
    ("monthly_recognition_deadline_day", "", "25", D(2000, 1, 1), None, None,
     "[U] mặc định của hệ thống: đơn vị đề xuất đến hết ngày 25 hằng tháng; cơ quan yêu cầu đặt lại cho mình"),
    ("fund_reserve_share", "", "1/5", D(2024, 1, 1), None, "98/2023/NĐ-CP",
     "[V] domain.md §8.6: 20% quỹ của mỗi cấp dành cho tổ chức phong trào, sơ kết, tổng kết"),
]


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")

    parameters = {p.code: p for p in LegalParameter.objects.all()}
    for code, name, value_type, unit_label, key_label, description in PARAMETERS:
        parameters[code], _ = LegalParameter.objects.update_or_create(
            code=code,
            defaults={"name": name, "value_type": value_type, "unit_label": unit_label,
                      "key_label": key_label, "description": description},
        )
    rows = list(VALUES)
    rows += [("reward_multiplier", *row) for row in MULTIPLIERS]
    for code, key, value, start, end, number, note in rows:
        document = LegalDocument.objects.filter(number=number).first() if number else None
        ParameterValue.objects.get_or_create(
            parameter=parameters[code], key=key, scope_unit=None, valid_from=start,
            defaults={"value": value, "valid_to": end, "legal_basis": document, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0005_award_search_trigram"),
        ("orgs", "0007_trigram_search"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
