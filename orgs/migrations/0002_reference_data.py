"""Reference data the app cannot run without: document types (Nghị định 30/2020,
Phụ lục III), the legal documents our rules cite, and the dated parameters with
their sources (shared/domain.md §1, §3, §6, §8). Tags in notes: [V] verified in
a source, [P] precedent or practice, [U] to verify against the official text."""

import datetime

from django.db import migrations

D = datetime.date

DOCUMENT_TYPES = [
    ("nghi-quyet", "Nghị quyết", "NQ", "Mẫu 1.1"),
    ("quyet-dinh", "Quyết định", "QĐ", "Mẫu 1.2"),
    ("chi-thi", "Chỉ thị", "CT", "Mẫu 1.4"),
    ("quy-che", "Quy chế", "QC", "Mẫu 1.4"),
    ("quy-dinh", "Quy định", "QyĐ", "Mẫu 1.4"),
    ("thong-cao", "Thông cáo", "TC", "Mẫu 1.4"),
    ("thong-bao", "Thông báo", "TB", "Mẫu 1.4"),
    ("huong-dan", "Hướng dẫn", "HD", "Mẫu 1.4"),
    ("chuong-trinh", "Chương trình", "CTr", "Mẫu 1.4"),
    ("ke-hoach", "Kế hoạch", "KH", "Mẫu 1.4"),
    ("phuong-an", "Phương án", "PA", "Mẫu 1.4"),
    ("de-an", "Đề án", "ĐA", "Mẫu 1.4"),
    ("du-an", "Dự án", "DA", "Mẫu 1.4"),
    ("bao-cao", "Báo cáo", "BC", "Mẫu 1.4"),
    ("bien-ban", "Biên bản", "BB", "Mẫu 1.9"),
    ("to-trinh", "Tờ trình", "TTr", "Mẫu 1.4"),
    ("hop-dong", "Hợp đồng", "HĐ", "Mẫu 1.4"),
    ("cong-dien", "Công điện", "CĐ", "Mẫu 1.6"),
    ("ban-ghi-nho", "Bản ghi nhớ", "BGN", "Mẫu 1.4"),
    ("ban-thoa-thuan", "Bản thỏa thuận", "BTT", "Mẫu 1.4"),
    ("giay-uy-quyen", "Giấy ủy quyền", "GUQ", "Mẫu 1.4"),
    ("giay-moi", "Giấy mời", "GM", "Mẫu 1.7"),
    ("giay-gioi-thieu", "Giấy giới thiệu", "GGT", "Mẫu 1.8"),
    ("giay-nghi-phep", "Giấy nghỉ phép", "GNP", "Mẫu 1.10"),
    ("phieu-gui", "Phiếu gửi", "PG", "Mẫu 1.4"),
    ("phieu-chuyen", "Phiếu chuyển", "PC", "Mẫu 1.4"),
    ("phieu-bao", "Phiếu báo", "PB", "Mẫu 1.4"),
    ("cong-van", "Công văn", "", "Mẫu 1.5"),
    ("ban-sao-y", "Bản sao y", "SY", "Mẫu 3.1"),
    ("ban-trich-sao", "Bản trích sao", "TrS", "Mẫu 3.1"),
    ("ban-sao-luc", "Bản sao lục", "SL", "Mẫu 3.1"),
]

# key, kind, number, issued_on, issuer, title, effective_from, effective_to (exclusive),
# citation, standard ground order (None: not a standard ground)
LEGAL_DOCUMENTS = [
    ("ltccqdp-2015", "law", "77/2015/QH13", D(2015, 6, 19), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     D(2016, 1, 1), D(2025, 3, 1),
     "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
     "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019", 10),
    ("ltccqdp-2025a", "law", "65/2025/QH15", D(2025, 2, 19), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     D(2025, 3, 1), D(2025, 7, 1), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", 10),
    ("ltccqdp-2025b", "law", "72/2025/QH15", D(2025, 6, 16), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     D(2025, 7, 1), None, "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", 10),
    ("ltdkt-2003", "law", "15/2003/QH11", D(2003, 11, 26), "Quốc hội", "Luật Thi đua, Khen thưởng",
     D(2004, 7, 1), D(2024, 1, 1),
     "Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật "
     "Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013", 20),
    ("ltdkt-2022", "law", "06/2022/QH15", D(2022, 6, 15), "Quốc hội", "Luật Thi đua, khen thưởng",
     D(2024, 1, 1), None, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", 20),
    ("nd-91-2017", "decree", "91/2017/NĐ-CP", D(2017, 7, 31), "Chính phủ",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", D(2017, 10, 1), D(2024, 1, 1),
     "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số "
     "điều của Luật Thi đua, khen thưởng", 30),
    ("nd-98-2023", "decree", "98/2023/NĐ-CP", D(2023, 12, 31), "Chính phủ",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", D(2024, 1, 1), D(2025, 7, 1),
     "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
     "điều của Luật Thi đua, khen thưởng", 30),
    ("nd-152-2025", "decree", "152/2025/NĐ-CP", D(2025, 6, 14), "Chính phủ",
     "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn "
     "thi hành một số điều của Luật Thi đua, khen thưởng", D(2025, 7, 1), None,
     "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền "
     "trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật "
     "Thi đua, khen thưởng", 30),
    ("tt-01-2024", "circular", "01/2024/TT-BNV", D(2024, 2, 24), "Bộ Nội vụ",
     "Quy định biện pháp thi hành Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP", None, None,
     "Thông tư số 01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ trưởng Bộ Nội vụ", None),
    ("nd-129-2025", "decree", "129/2025/NĐ-CP", D(2025, 6, 11), "Chính phủ",
     "Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước "
     "của Bộ Nội vụ", D(2025, 7, 1), None, "", None),
    ("nd-30-2020", "decree", "30/2020/NĐ-CP", D(2020, 3, 5), "Chính phủ", "Về công tác văn thư",
     D(2020, 3, 5), None, "", None),
    ("nd-38-2019", "decree", "38/2019/NĐ-CP", D(2019, 5, 9), "Chính phủ",
     "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
     D(2019, 7, 1), D(2023, 7, 1), "", None),
    ("nd-24-2023", "decree", "24/2023/NĐ-CP", D(2023, 5, 14), "Chính phủ",
     "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
     D(2023, 7, 1), D(2024, 7, 1), "", None),
    ("nd-73-2024", "decree", "73/2024/NĐ-CP", D(2024, 6, 30), "Chính phủ",
     "Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
     D(2024, 7, 1), None, "", None),
]

# code, name, value type, unit label, key label, description
PARAMETERS = [
    ("base_salary", "Mức lương cơ sở", "integer", "đồng/tháng", "",
     "Dùng để tính tiền thưởng: hệ số × mức lương cơ sở tại ngày ký quyết định."),
    ("reward_multiplier", "Hệ số tiền thưởng", "decimal", "lần mức lương cơ sở", "Mã danh hiệu, hình thức",
     "Mức thưởng của từng danh hiệu, hình thức khen thưởng; khóa “MÃ:collective” cho tập thể, "
     "“MÃ:household” cho hộ gia đình."),
    ("council_quorum", "Số thành viên tối thiểu dự họp hội đồng", "ratio", "tỷ lệ trên tổng số thành viên", "",
     "Phiên họp dưới tỷ lệ này không được biểu quyết."),
    ("vote_threshold", "Tỷ lệ đồng ý tối thiểu khi biểu quyết", "ratio", "tỷ lệ", "Mã danh hiệu, hình thức",
     "Khóa trống: biểu quyết thông thường của hội đồng."),
    ("vote_threshold_strict", "Phải vượt (không chỉ bằng) tỷ lệ", "boolean", "", "Mã danh hiệu, hình thức",
     "Có: phải lớn hơn tỷ lệ (ví dụ “quá bán”); Không: từ tỷ lệ trở lên."),
    ("vote_base", "Căn cứ tính tỷ lệ biểu quyết", "text", "", "Mã danh hiệu, hình thức",
     "all_members: trên tổng số thành viên hội đồng; present: trên số thành viên có mặt."),
    ("vote_method", "Hình thức biểu quyết bắt buộc", "text", "", "Mã danh hiệu, hình thức",
     "show_of_hands: giơ tay; secret_ballot: bỏ phiếu kín; written: xin ý kiến bằng văn bản; any: tùy hội đồng."),
    ("absent_written_opinions_count", "Tính ý kiến bằng văn bản của thành viên vắng mặt", "boolean", "",
     "Mã danh hiệu, hình thức", ""),
    ("ratio_cap", "Tỷ lệ tối đa", "ratio", "tỷ lệ", "Quy tắc",
     "Ví dụ CSTDCS_OF_LDTT: số Chiến sĩ thi đua cơ sở không quá tỷ lệ này so với số Lao động tiên tiến."),
    ("min_ratio", "Tỷ lệ tối thiểu", "ratio", "tỷ lệ", "Quy tắc",
     "Ví dụ TTLDXS_LDTT: tỷ lệ cá nhân đạt Lao động tiên tiến trong tập thể lao động xuất sắc."),
    ("deadline_working_days", "Thời hạn xử lý", "integer", "ngày làm việc", "Bước xử lý", ""),
]

# code, key, value, valid_from, valid_to, legal document key, note
VALUES = [
    ("base_salary", "", "1490000", D(2019, 7, 1), D(2023, 6, 30), "nd-38-2019", "[V]"),
    ("base_salary", "", "1800000", D(2023, 7, 1), D(2024, 6, 30), "nd-24-2023", "[V]"),
    ("base_salary", "", "2340000", D(2024, 7, 1), None, "nd-73-2024", "[V] domain.md §1"),
    ("council_quorum", "", "2/3", D(2000, 1, 1), D(2023, 12, 31), None,
     "[P] quy chế hoạt động của hội đồng các cấp"),
    ("council_quorum", "", "2/3", D(2024, 1, 1), None, "nd-98-2023",
     "[V] Điều 47 cho Hội đồng Trung ương; quy chế địa phương thường áp dụng như vậy [U]"),
    ("vote_threshold", "", "1/2", D(2000, 1, 1), None, None,
     "[V] Hội đồng hoạt động theo nguyên tắc biểu quyết theo đa số (domain.md §6.2)"),
    ("vote_threshold_strict", "", "true", D(2000, 1, 1), None, None, "Đa số: phải quá một nửa"),
    ("vote_base", "", "all_members", D(2000, 1, 1), None, None, "[P] Lạng Sơn 2018, NĐ 91/2017 Điều 45.8"),
    ("vote_method", "", "any", D(2000, 1, 1), None, None, ""),
    ("absent_written_opinions_count", "", "true", D(2000, 1, 1), None, None,
     "[P] NĐ 91/2017 Điều 45.8: thành viên vắng mặt gửi ý kiến bằng văn bản"),
    ("deadline_working_days", "appraisal", "10", D(2012, 6, 1), None, None,
     "[P] NĐ 39/2012: thẩm định khen thưởng thuộc thẩm quyền trong 10 ngày làm việc"),
    ("deadline_working_days", "public_comment", "10", D(2024, 1, 1), D(2025, 6, 30), "nd-98-2023",
     "[V] Điều 46 khoản 1: lấy ý kiến nhân dân 10 ngày làm việc"),
    ("deadline_working_days", "public_comment", "10", D(2025, 7, 1), None, "nd-152-2025",
     "[V] Điều 60 khoản 3"),
    ("deadline_working_days", "consultation_reply", "10", D(2012, 6, 1), None, None,
     "[P] NĐ 39/2012: cơ quan được lấy ý kiến hiệp y trả lời trong 10 ngày làm việc"),
    ("ratio_cap", "CSTDCS_OF_LDTT", "15/100", D(2017, 10, 1), D(2023, 12, 31), "nd-91-2017",
     "[P] Điều 9 khoản 3: không quá 15% số cá nhân đạt Lao động tiên tiến"),
    ("min_ratio", "TTLDXS_LDTT", "70/100", D(2024, 1, 1), None, "ltdkt-2022", "[V] Luật 2022 Điều 27"),
    ("min_ratio", "TTLDTT_LDTT", "1/2", D(2004, 7, 1), D(2023, 12, 31), "ltdkt-2003",
     "[P] Luật 2003 Điều 28: trên 50% cá nhân đạt Lao động tiên tiến"),
]

# Reward multipliers (NĐ 91/2017 Điều 69–72, NĐ 98/2023 Điều 54, NĐ 152/2025): domain.md §3.4.
MULTIPLIERS = {
    "CSTDTQ": "4.5", "CSTDT": "3.0", "CSTDCS": "1.0", "LDTT": "0.3", "TTLDXS": "1.5", "TTLDTT": "0.8",
    "XA_TIEU_BIEU": "2.0", "THON_VAN_HOA": "1.5", "CO_CP": "12.0", "CO_TINH": "8.0",
}
# Commendations: NĐ 91 precedent values [U from memory]; NĐ 152 Giấy khen xã 0.3 [V].
COMMENDATION_MULTIPLIERS = {"BK_TTG": "1.5", "BK_TINH": "1.0", "GIAY_KHEN": "0.3"}
PERIODS = [
    (D(2017, 10, 1), D(2023, 12, 31), "nd-91-2017", "[P] NĐ 91/2017"),
    (D(2024, 1, 1), D(2025, 6, 30), "nd-98-2023", "[V] NĐ 98/2023 Điều 54"),
    (D(2025, 7, 1), None, "nd-152-2025", "[V] NĐ 152/2025 (cùng mức, domain.md §3.4)"),
]


def forwards(apps, schema_editor):
    DocumentType = apps.get_model("orgs", "DocumentType")
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")

    for code, name, abbreviation, template_ref in DOCUMENT_TYPES:
        DocumentType.objects.update_or_create(
            code=code, defaults={"name": name, "abbreviation": abbreviation, "template_ref": template_ref}
        )

    documents = {}
    for key, kind, number, issued_on, issuer, title, start, end, citation, order in LEGAL_DOCUMENTS:
        documents[key], _ = LegalDocument.objects.update_or_create(
            number=number,
            issued_on=issued_on,
            defaults={
                "kind": kind, "issuer": issuer, "title": title, "effective_from": start, "effective_to": end,
                "citation": citation, "is_standard_ground": order is not None, "ground_order": order or 100,
            },
        )

    parameters = {}
    for code, name, value_type, unit_label, key_label, description in PARAMETERS:
        parameters[code], _ = LegalParameter.objects.update_or_create(
            code=code,
            defaults={"name": name, "value_type": value_type, "unit_label": unit_label,
                      "key_label": key_label, "description": description},
        )

    rows = list(VALUES)
    for start, end, document, note in PERIODS:
        for key, value in MULTIPLIERS.items():
            rows.append(("reward_multiplier", key, value, start, end, document, note))
        for key, value in COMMENDATION_MULTIPLIERS.items():
            tag = note if key == "GIAY_KHEN" and document == "nd-152-2025" else "[U] cần đối chiếu văn bản gốc"
            rows.append(("reward_multiplier", key, value, start, end, document, tag))
    for code, key, value, start, end, document, note in rows:
        ParameterValue.objects.get_or_create(
            parameter=parameters[code], key=key, scope_unit=None, valid_from=start,
            defaults={"value": value, "valid_to": end, "legal_basis": documents.get(document), "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
