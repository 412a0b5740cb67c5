"""The backup and restore scripts round-trip the database (PostgreSQL only)."""

import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import PersonFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pg_dump / pg_restore"
    ),
]
ROOT = Path(__file__).resolve().parents[2]


def url_for(name: str) -> str:
    settings = connection.settings_dict
    host = settings.get("HOST") or "127.0.0.1"
    return (
        f"postgresql://{settings['USER']}@{host}:{settings.get('PORT') or 5432}/{name}"
    )


def test_backup_then_restore_gives_the_same_rows(tmp_path, world):
    PersonFactory.create_batch(5, unit=world.unit_a)
    source = url_for(connection.settings_dict["NAME"])
    dump = subprocess.run(
        [str(ROOT / "scripts/backup.sh"), source, str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    target_name = f"tdkt_restore_{uuid.uuid4().hex[:8]}"
    admin = url_for("postgres")
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {target_name}"], check=True)
    try:
        result = subprocess.run(
            [str(ROOT / "scripts/restore.sh"), dump, url_for(target_name)],
            check=True,
            capture_output=True,
            text=True,
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM orgs_person")
            people = cursor.fetchone()[0]
        assert f"people={people}" in result.stdout
    finally:
        subprocess.run(
            ["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {target_name}"],
            check=False,
        )
