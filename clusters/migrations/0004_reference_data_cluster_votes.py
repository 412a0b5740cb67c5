"""The rule cluster conferences vote by (key ``CLUSTER`` of the councils' vote
parameters): more than half of all member units, one vote per unit. Parameters
not given for the key fall back to the general council rule. [U] provinces set it
in the cluster regulation; the secretariat adds a province-scoped value."""

import datetime

from django.db import migrations

# parameter code, value, note
VALUES = [
    ("vote_threshold", "1/2", "[U] quy chế cụm, khối thường: quá nửa tổng số đơn vị thành viên"),
    ("vote_threshold_strict", "true", "[U] quá nửa: phải lớn hơn 1/2"),
    ("vote_base", "all_members", "[U] tính trên tổng số đơn vị thành viên của cụm, khối"),
]


def forwards(apps, schema_editor):
    LegalParameter = apps.get_model("orgs", "LegalParameter")
    ParameterValue = apps.get_model("orgs", "ParameterValue")
    for code, value, note in VALUES:
        parameter = LegalParameter.objects.filter(code=code).first()
        if parameter is None:  # the orgs reference data has not run yet (flushed database)
            continue
        ParameterValue.objects.get_or_create(
            parameter=parameter, key="CLUSTER", scope_unit=None, valid_from=datetime.date(2000, 1, 1),
            defaults={"value": value, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("clusters", "0003_council_links_followers_votes_constraint_messages")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
