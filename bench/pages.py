"""Time the pages a user opens daily against the floor view, on the seed_bench data.

Run (PostgreSQL, after `manage.py seed_bench`):
    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.pages
Each page: 3 warm-up requests, then REPEAT timed requests through Django's test
client (in-process, no network) as the province's secretariat; the report gives
the median, the ratio to the floor's median and the query count, against the
targets of issue 8 (≤ 3× the floor, ≤ 20 queries).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
MAX_RATIO, MAX_QUERIES = 3.0, 20


@dataclass
class Page:
    name: str
    url: Callable[[dict[str, Any]], str]


def setup() -> dict[str, Any]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from orgs import services
    from orgs.models import Person, Role, Unit

    province = Unit.objects.get(code="BENCH")
    user, _ = get_user_model().objects.get_or_create(
        username="bench.secretariat", defaults={"is_staff": True}
    )
    services.role_grant(user=user, unit=province, role=Role.SECRETARIAT, actor=None)
    commune = Unit.objects.filter(code__startswith="BENCH-X").order_by("code").first()
    return {
        "user": user,
        "province": province,
        "commune": commune,
        "person": Person.objects.filter(unit__path__startswith=province.path)
        .order_by("pk")
        .first(),
    }


def pages() -> list[Page]:
    from django.urls import reverse

    found = [
        Page("dashboard", lambda c: reverse("orgs:dashboard")),
        Page("unit list", lambda c: reverse("orgs:unit-list")),
        Page(
            "unit detail", lambda c: reverse("orgs:unit-detail", args=[c["commune"].pk])
        ),
        Page("person list", lambda c: reverse("orgs:person-list")),
        Page(
            "person search", lambda c: reverse("orgs:person-list") + "?q=nguyen+van+an"
        ),
        Page(
            "person detail",
            lambda c: reverse("orgs:person-detail", args=[c["person"].pk]),
        ),
    ]
    try:
        from bench import app_pages
    except ImportError:
        return found
    return found + app_pages.pages()


def measure(client: Any, url: str) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(url)
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(timings) * 1000, len(queries), response.status_code


def main() -> int:
    context = setup()
    from django.test import Client

    client = Client()
    client.force_login(context["user"])
    floor, floor_queries, _s = measure(client, "/__floor__/")
    print(f"{'page':<28}{'median ms':>10}{'× floor':>9}{'queries':>9}  status")
    print(f"{'floor':<28}{floor:>10.2f}{1:>9.1f}{floor_queries:>9}")
    failures = 0
    for page in pages():
        median, queries, status = measure(client, page.url(context))
        ratio = median / floor
        ok = ratio <= MAX_RATIO and queries <= MAX_QUERIES and status == 200
        failures += not ok
        print(
            f"{page.name:<28}{median:>10.2f}{ratio:>9.1f}{queries:>9}  {status}{'' if ok else '  ✗'}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
