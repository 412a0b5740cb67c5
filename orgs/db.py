from __future__ import annotations

from django.conf import settings


def reporting_alias() -> str:
    """Return the database alias that reports read from: the replica when one is configured."""
    return "replica" if "replica" in settings.DATABASES else "default"
