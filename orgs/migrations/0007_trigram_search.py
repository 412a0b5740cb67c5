"""Accent-insensitive "contains" search (search_name LIKE '%…%') uses trigram GIN
indexes on PostgreSQL; SQLite has no such index and scans, which is fine at its
scale."""

from django.db import migrations

INDEXES = [
    ("orgs_person_search_trgm", "orgs_person", "search_name"),
    ("orgs_unit_search_trgm", "orgs_unit", "search_name"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("orgs", "0006_person_name_order_index")]

    operations = [migrations.RunPython(create, drop)]
