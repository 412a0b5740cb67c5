"""Accent-insensitive search of award records: fill the folded ``search_name`` of
rows created before it existed, and give it (and the households' one) trigram GIN
indexes on PostgreSQL, as ``orgs`` does for people and units. SQLite has no such
index and scans, which is fine at its scale."""

import unicodedata

from django.db import migrations

INDEXES = [
    ("awards_record_search_trgm", "awards_awardrecord", "search_name"),
    ("awards_household_search_trgm", "awards_household", "search_name"),
    ("awards_decisionline_search_trgm", "awards_decisionline", "search_name"),
]
BATCH = 2000


def fold(text):
    # A copy of orgs.vn.fold: migrations do not import app code.
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def backfill(apps, schema_editor):
    AwardRecord = apps.get_model("awards", "AwardRecord")
    rows = AwardRecord.objects.filter(search_name="").values_list(
        "pk",
        "person__full_name",
        "collective__name",
        "household__head_name",
        "decision_number",
    )
    pending = []
    for pk, person, collective, household, number in rows.iterator(chunk_size=BATCH):
        name = person or collective or (f"Hộ {household}" if household else "")
        pending.append(AwardRecord(pk=pk, search_name=fold(f"{name} {number}")[:255]))
        if len(pending) >= BATCH:
            AwardRecord.objects.bulk_update(pending, ["search_name"])
            pending = []
    if pending:
        AwardRecord.objects.bulk_update(pending, ["search_name"])


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_decisions_council_votes_funds_monthly")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
