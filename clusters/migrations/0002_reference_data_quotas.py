"""Reference data of clusters: how many member units a cụm/khối may propose for the
Cờ thi đua and for the Bằng khen (shared/domain.md §9.6). Provinces set these in
their own quy chế, so the secretariat adds a value scoped to its province, and a
cluster may override both in its own settings. Tags: [P] practice, [U] to verify."""

import datetime

from django.db import migrations

D = datetime.date

GUIDANCE = {
    "number": "1479/HD-BTĐKT",
    "issued_on": D(2016, 7, 25),
    "kind": "guidance",
    "issuer": "Ban Thi đua – Khen thưởng Trung ương",
    "title": "Hướng dẫn về cụm, khối thi đua của các tỉnh, thành phố và việc đề nghị tặng Cờ thi đua "
    "(trích yếu cần đối chiếu văn bản gốc)",
}

# code, name, value type, unit label, description
PARAMETERS = [
    ("cluster_flag_quota", "Số đơn vị của một cụm, khối được đề nghị tặng Cờ thi đua", "integer",
     "đơn vị", "Thường 01 đơn vị dẫn đầu mỗi cụm, khối (Luật 2022 Điều 26; quy chế của tỉnh)."),
    ("cluster_merit_quota_ratio", "Tỷ lệ đơn vị của một cụm, khối được đề nghị tặng Bằng khen", "ratio",
     "tỷ lệ trên số đơn vị thành viên", "Số đơn vị = phần nguyên của tỷ lệ × số đơn vị thành viên."),
]

# code, value, valid_from, note
VALUES = [
    ("cluster_flag_quota", "1", D(2000, 1, 1), "[P] 1479/HD-BTĐKT; domain.md §9.6"),
    ("cluster_merit_quota_ratio", "3/10", D(2000, 1, 1),
     "[U] quy chế các tỉnh thường cho khoảng 20–30% số đơn vị thành viên (domain.md §9.6)"),
]


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")

    guidance, _ = LegalDocument.objects.get_or_create(
        number=GUIDANCE["number"],
        issued_on=GUIDANCE["issued_on"],
        defaults={key: value for key, value in GUIDANCE.items() if key not in ("number", "issued_on")},
    )
    parameters = {}
    for code, name, value_type, unit_label, description in PARAMETERS:
        parameters[code], _ = LegalParameter.objects.update_or_create(
            code=code,
            defaults={"name": name, "value_type": value_type, "unit_label": unit_label,
                      "description": description},
        )
    for code, value, start, note in VALUES:
        ParameterValue.objects.get_or_create(
            parameter=parameters[code], key="", scope_unit=None, valid_from=start,
            defaults={"value": value, "legal_basis": guidance, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("clusters", "0001_initial"), ("orgs", "0004_reference_data_holidays")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
