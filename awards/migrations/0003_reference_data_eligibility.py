"""Eligibility rules seeded from shared/domain.md §2, §3.1–3.3 and peers.md §6 (items
4–5), each with its legal basis, validity dates and confidence tag.

A rule is a rule kind (awards/eligibility/kinds.py) with JSON parameters; a new
decree is a new row with new dates. The CSTĐ cơ sở rules show the change of
1/1/2024: under the 2003 law an initiative was required, under the 2022 law
"hoàn thành xuất sắc nhiệm vụ" or an initiative. Idempotent.
"""

import datetime

from django.db import migrations

D = datetime.date
LAW_2022 = D(2024, 1, 1)
LAW_2003_END = D(2023, 12, 31)
OLD = D(2004, 7, 1)

LEGAL_NUMBERS = {"ltdkt": "06/2022/QH15", "ltdkt2003": "15/2003/QH11", "nd91": "91/2017/NĐ-CP"}

# code, name, kind, award code (None: all), subject, award types, params, fail_as_unknown,
# legal key, article, valid_from, valid_to, order, note
RULES = [
    ("ldtt-ket-qua", "Hoàn thành tốt nhiệm vụ trở lên", "min_result", "LDTT", "individual", [],
     {"min_result": "HTTNV"}, False, "ltdkt", "Điều 24 khoản 1 điểm a", LAW_2022, None, 10,
     "[V] S7, S8"),
    ("ldtt-ket-qua-2003", "Hoàn thành tốt nhiệm vụ trở lên", "min_result", "LDTT", "individual", [],
     {"min_result": "HTTNV"}, False, "ltdkt2003", "Điều 24", OLD, LAW_2003_END, 10,
     "[P] Luật 2003"),
    ("cstdcs-ldtt", "Đạt danh hiệu Lao động tiên tiến trong năm", "title_in_year", "CSTDCS", "individual",
     [], {"award_codes": ["LDTT"]}, False, "ltdkt", "Điều 23 khoản 1", OLD, None, 10, "[V] S6"),
    ("cstdcs-htxs-hoac-sang-kien", "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận",
     "result_or_initiative", "CSTDCS", "individual", [],
     {"min_result": "HTXS", "initiative_scope": "grassroots", "within_years": 1}, False, "ltdkt",
     "Điều 23 khoản 2", LAW_2022, None, 20,
     "[V] S6: theo Luật 2022, sáng kiến không bắt buộc nếu hoàn thành xuất sắc nhiệm vụ"),
    ("cstdcs-sang-kien-2003", "Có sáng kiến được công nhận (Luật 2003)", "initiative", "CSTDCS",
     "individual", [], {"scope": "grassroots", "within_years": 1}, False, "nd91", "Luật 2003 Điều 23",
     D(2017, 10, 1), LAW_2003_END, 20, "[P] Luật 2003, NĐ 91/2017: sáng kiến là điều kiện bắt buộc"),
    ("cstdcs-ty-le", "Tỷ lệ Chiến sĩ thi đua cơ sở so với Lao động tiên tiến", "ratio_cap", "CSTDCS", "", [],
     {"cap_key": "CSTDCS_OF_LDTT", "numerator": ["CSTDCS"], "denominator": ["LDTT"]}, False, "nd91",
     "Tham số ratio_cap (khóa CSTDCS_OF_LDTT) theo từng tỉnh", D(2017, 10, 1), None, 30,
     "[P] NĐ 91/2017 Điều 9.3 (15%); từ 2024 chỉ áp dụng nơi tỉnh còn quy định tỷ lệ [U]"),
    ("cstdt-3-cstdcs", "03 lần liên tục Chiến sĩ thi đua cơ sở", "consecutive_titles", "CSTDT", "individual",
     [], {"award_codes": ["CSTDCS"], "count": 3, "step": 1}, False, "ltdkt", "Điều 22", OLD, None, 10,
     "[V] S4; xét trong năm đạt lần thứ ba [P] S65"),
    ("cstdt-sang-kien-tinh", "Sáng kiến có phạm vi ảnh hưởng cấp bộ, ngành, tỉnh", "initiative", "CSTDT",
     "individual", [], {"scope": "province", "within_years": 3}, False, "ltdkt", "Điều 22", OLD, None, 20,
     "[V] S4"),
    ("cstdtq-2-cstdt", "02 lần liên tục Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "consecutive_titles",
     "CSTDTQ", "individual", [], {"award_codes": ["CSTDT"], "count": 2, "step": 3}, False, "ltdkt",
     "Điều 21", OLD, None, 10, "[V] S5; khoảng cách 3 năm giữa hai lần [U]"),
    ("cstdtq-sang-kien-toan-quoc", "Sáng kiến có phạm vi ảnh hưởng toàn quốc", "initiative", "CSTDTQ",
     "individual", [], {"scope": "national", "within_years": 6}, False, "ltdkt", "Điều 21", OLD, None, 20,
     "[V] S5; khoảng thời gian 6 năm [U]"),
    ("bkttg-bang-khen-truoc", "Đã được tặng Bằng khen cấp bộ, ngành, tỉnh", "prior_award", "BK_TTG",
     "individual", ["regular"], {"award_codes": ["BK_TINH"]}, False, "ltdkt", "Điều 73 khoản 1 điểm b",
     LAW_2022, None, 10, "[V] S23"),
    ("bkttg-5-nam", "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên", "consecutive_results", "BK_TTG",
     "individual", ["regular"], {"min_result": "HTTNV", "count": 5}, False, "ltdkt",
     "Điều 73 khoản 1 điểm b", LAW_2022, None, 20, "[V] S23"),
    ("bkttg-3-cstdcs", "Trong 05 năm có 03 lần Chiến sĩ thi đua cơ sở", "titles_in_window", "BK_TTG",
     "individual", ["regular"], {"award_codes": ["CSTDCS"], "count": 3, "window": 5}, False, "ltdkt",
     "Điều 73 khoản 1 điểm b", LAW_2022, None, 30, "[V] S23"),
    ("bktinh-tieu-chi-d", "02 lần liên tục CSTĐ cơ sở, hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ "
     "có 02 sáng kiến", "any_of", "BK_TINH", "individual", ["regular"],
     {"rules": [
         {"kind": "consecutive_titles", "params": {"award_codes": ["CSTDCS"], "count": 2, "step": 1}},
         {"kind": "all_of", "params": {"rules": [
             {"kind": "consecutive_results", "params": {"min_result": "HTXS", "count": 2}},
             {"kind": "initiative", "params": {"scope": "grassroots", "within_years": 2, "count": 2}},
         ]}},
     ]}, True, "ltdkt", "Điều 74 khoản 1 điểm d", LAW_2022, None, 10,
     "[V] S24; là một trong các tiêu chuẩn thay thế nhau nên không đạt thì ghi “chưa xác định”"),
    ("ttldxs-htxs", "Tập thể hoàn thành xuất sắc nhiệm vụ", "min_result", "TTLDXS", "collective", [],
     {"min_result": "HTXS"}, False, "ltdkt", "Điều 27 điểm a", LAW_2022, None, 10, "[V] S13"),
    ("ttldxs-100-hoan-thanh", "100% cá nhân hoàn thành nhiệm vụ", "members_result", "TTLDXS", "collective",
     [], {"min_result": "HTNV", "min_share": "1"}, False, "ltdkt", "Điều 27 điểm c", LAW_2022, None, 20,
     "[V] S13"),
    ("ttldxs-70-ldtt", "Tối thiểu 70% cá nhân đạt Lao động tiên tiến", "members_title_share", "TTLDXS",
     "collective", [], {"award_codes": ["LDTT"], "ratio_parameter": "min_ratio", "ratio_key": "TTLDXS_LDTT"},
     False, "ltdkt", "Điều 27 điểm c", LAW_2022, None, 30, "[V] S13; tỷ lệ ở tham số min_ratio"),
    ("ttldxs-co-cstdcs", "Có cá nhân đạt Chiến sĩ thi đua cơ sở", "members_title_count", "TTLDXS",
     "collective", [], {"award_codes": ["CSTDCS"], "min_count": 1}, False, "ltdkt", "Điều 27 điểm d",
     LAW_2022, None, 40, "[V] S13"),
    ("ttldtt-50-ldtt-2003", "Trên 50% cá nhân đạt Lao động tiên tiến (Luật 2003)", "members_title_share",
     "TTLDTT", "collective", [],
     {"award_codes": ["LDTT"], "ratio_parameter": "min_ratio", "ratio_key": "TTLDTT_LDTT", "strict": True},
     False, "ltdkt2003", "Điều 28", OLD, LAW_2003_END, 10, "[P] S103"),
    ("ttldtt-ket-qua", "Tập thể hoàn thành tốt nhiệm vụ trở lên", "min_result", "TTLDTT", "collective", [],
     {"min_result": "HTTNV"}, False, "ltdkt", "Điều 28", LAW_2022, None, 10,
     "[U] tiêu chuẩn Luật 2022 do bộ, ngành, tỉnh quy định chi tiết"),
    ("trung-de-nghi", "Không bị đề nghị trùng trong năm", "duplicate_in_year", None, "", [], {}, False,
     "ltdkt", "Điều 5", OLD, None, 90, "[V] S19: một thành tích không khen nhiều lần"),
    ("mot-thanh-tich", "Một thành tích chỉ khen một hình thức", "one_achievement", None, "", [],
     {"category": "commendation"}, False, "ltdkt", "Điều 5", OLD, None, 91,
     "[V] S19: không khen nhiều hình thức cho một thành tích"),
    ("de-nghi-cap-cao-hon", "Không có đề nghị cấp cao hơn đang chờ xét", "higher_pending", None, "", [],
     {"category": "commendation"}, False, "ltdkt", "Điều 5", OLD, None, 92,
     "[P] peers.md §6 mục 5: phát hiện trùng, xung đột giữa các cấp"),
]


def forwards(apps, schema_editor):
    EligibilityRule = apps.get_model("awards", "EligibilityRule")
    AwardKind = apps.get_model("awards", "AwardKind")
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    legal = {key: LegalDocument.objects.filter(number=number).first() for key, number in LEGAL_NUMBERS.items()}
    kinds = {kind.code: kind for kind in AwardKind.objects.all()}
    for (code, name, kind, award, subject, types, params, soft, basis, article, start, end, order,
         note) in RULES:
        EligibilityRule.objects.update_or_create(
            code=code,
            valid_from=start,
            defaults={
                "name": name, "kind": kind, "award_kind": kinds.get(award) if award else None,
                "subject": subject, "award_types": types, "params": params, "fail_as_unknown": soft,
                "legal_basis": legal[basis], "article": article, "valid_to": end, "order": order,
                "note": note,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_reference_data_catalogue")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
