"""Database routing for a PostgreSQL primary with a read replica.

Writes and ordinary reads stay on the primary (no read-after-write surprises);
only code that asks for ``orgs.db.reporting_alias()`` — the report and statistics
selectors — reads from the replica. Migrations run on the primary only.
"""

from __future__ import annotations

from typing import Any


class PrimaryReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: Any
    ) -> bool:
        return db == "default"
