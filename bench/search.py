"""Time the accent-insensitive search over award records, on the seed_bench data.

Run (PostgreSQL, after `manage.py seed_bench`):
    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.search
For each query: the records part of the search page as the province's
secretariat (``awards.selectors.search.records_matching``, first page of 26
rows, what the page runs) and the whole three-part ``search()``; median of
REPEAT runs after 3 warm-ups, against the target of issue 8 (< 50 ms median).
The plan of the records query is printed so an index scan can be checked.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
TARGET_MS = 50.0
QUERIES = ("nguyen van an", "Nguyễn Văn An", "tran thi", "le van hung", "pham")


def timed(run) -> float:
    for _ in range(3):
        run()
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> int:
    from bench.pages import setup

    context = setup()
    from awards.models import AwardRecord
    from awards.selectors.search import LIMIT, records_matching, search
    from orgs.scoping import scope_for
    from orgs.vn import fold

    scope = scope_for(context["user"])
    total = AwardRecord.objects.count()
    print(f"award records in the database: {total:,}")
    print(f"{'query':<18}{'records ms':>11}{'matches':>9}{'search() ms':>12}  target")
    failures = 0
    for query in QUERIES:
        folded = fold(query)
        rows = records_matching(scope, folded)
        records = timed(lambda rows=rows: list(rows[: LIMIT + 1]))
        whole = timed(lambda query=query: search(scope=scope, query=query))
        matches = rows.count()
        ok = records < TARGET_MS and whole < TARGET_MS
        failures += not ok
        print(
            f"{query:<18}{records:>11.2f}{matches:>9,}{whole:>12.2f}  {'ok' if ok else '✗'}"
        )
    print("\nplan of the records query for “nguyen van an”:")
    print(
        records_matching(scope, fold("nguyen van an"))[: LIMIT + 1].explain(
            analyze=True
        )
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
