"""The target share of direct workers (người lao động trực tiếp) among individuals
rewarded: Luật Thi đua, khen thưởng 2022 Điều 5 gives them priority, and the plans
of Hà Nội and Hai Bà Trưng (shared/domain.md §4, articles 1 and 2) ask the share to
rise every year without fixing a national figure.

The organisation sets its own target as a value of this parameter scoped to its
unit (Tham số pháp lý → "Áp dụng cho đơn vị"), one row per period. The national
row below is only a placeholder so that pages have something to compare with; the
statistics page says when it is the one in use. Idempotent.
"""

import datetime

from django.db import migrations

CODE = "direct_worker_share_target"


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("orgs", "LegalDocument")
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")
    parameter, _ = LegalParameter.objects.update_or_create(
        code=CODE,
        defaults={
            "name": "Chỉ tiêu tỷ lệ người lao động trực tiếp trong số cá nhân được khen thưởng",
            "value_type": "ratio",
            "unit_label": "tỷ lệ",
            "key_label": "",
            "description": (
                "Tỷ lệ tối thiểu người lao động trực tiếp (công nhân, nông dân, người trực "
                "tiếp sản xuất, công tác) trong số cá nhân được khen thưởng mỗi năm. Mỗi "
                "tổ chức đặt chỉ tiêu của mình (chọn “Áp dụng cho đơn vị”), tăng dần theo "
                "năm như kế hoạch thi đua yêu cầu."
            ),
        },
    )
    law = LegalDocument.objects.filter(number="06/2022/QH15").first()
    ParameterValue.objects.get_or_create(
        parameter=parameter,
        key="",
        scope_unit=None,
        valid_from=datetime.date(2024, 1, 1),
        defaults={
            "value": "3/10",
            "valid_to": None,
            "legal_basis": law,
            "note": (
                "[U] Mức mặc định của hệ thống, không phải quy định: Luật 2022 Điều 5 chỉ "
                "nêu nguyên tắc ưu tiên. Tổ chức đặt chỉ tiêu riêng theo kế hoạch của mình."
            ),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_cluster_reports"), ("orgs", "0002_reference_data")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
