"""Fixed public holidays (Bộ luật Lao động 2019, Điều 112) for 2015–2035, and the
lunar ones of 2025–2026 as announced ([U]: check each year's announcement)."""

import datetime

from django.db import migrations

FIXED = [((1, 1), "Tết Dương lịch"), ((4, 30), "Ngày Chiến thắng"), ((5, 1), "Ngày Quốc tế lao động"),
         ((9, 2), "Quốc khánh")]
LUNAR = {
    "Tết Nguyên đán": [datetime.date(2025, 1, 27), datetime.date(2025, 1, 28), datetime.date(2025, 1, 29),
                       datetime.date(2025, 1, 30), datetime.date(2025, 1, 31),
                       datetime.date(2026, 2, 16), datetime.date(2026, 2, 17), datetime.date(2026, 2, 18),
                       datetime.date(2026, 2, 19), datetime.date(2026, 2, 20)],
    "Giỗ Tổ Hùng Vương": [datetime.date(2025, 4, 7)],
}


def forwards(apps, schema_editor):
    PublicHoliday = apps.get_model("orgs", "PublicHoliday")
    for year in range(2015, 2036):
        for (month, day), name in FIXED:
            PublicHoliday.objects.get_or_create(
                date=datetime.date(year, month, day), defaults={"name": name, "note": "Bộ luật Lao động 2019, Điều 112"}
            )
    for name, days in LUNAR.items():
        for day in days:
            PublicHoliday.objects.get_or_create(date=day, defaults={"name": name, "note": "[U] theo thông báo nghỉ lễ hằng năm"})


class Migration(migrations.Migration):
    dependencies = [("orgs", "0003_public_holidays")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
