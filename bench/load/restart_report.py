"""Timeline of a database-restart run (bench/load/db_restart.sh).

    .venv/bin/python bench/load/restart_report.py RESULTS_DIR

Splits the readers' requests (samples.csv) and the writer's (writer.csv) into
before the restart, during it (from the restart command to 5 s after it returned)
and after; counts failures by status; gives the slowest request and the time from
the restart's end to the first success. Exit status 1 if a request failed after
the grace period or any request took longer than 10 s (a hang).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

GRACE = 5.0
HANG = 10.0


def main(folder: Path) -> int:
    start, end = (float(x) for x in (folder / "restart.txt").read_text().split())
    requests: list[tuple[str, float, float, int]] = []  # who, start, seconds, status
    with open(folder / "samples.csv") as source:
        for r in csv.DictReader(source):
            requests.append(
                ("reader", float(r["start"]), float(r["ms"]) / 1000, int(r["status"]))
            )
    with open(folder / "writer.csv") as source:
        for r in csv.DictReader(source):
            requests.append(
                ("writer", float(r["start"]), float(r["seconds"]), int(r["status"]))
            )
    ok = {"reader": {200, 302}, "writer": {200, 302}}

    def phase(t: float) -> str:
        if t < start:
            return "before"
        return "during" if t < end + GRACE else "after"

    print(
        f"PostgreSQL restart took {end - start:.1f} s (grace period {GRACE:.0f} s after it).\n"
    )
    print("| who | phase | requests | failed | statuses of failures | slowest s |")
    print("| --- | --- | ---: | ---: | --- | ---: |")
    bad = 0
    for who in ("reader", "writer"):
        for name in ("before", "during", "after"):
            rows = [r for r in requests if r[0] == who and phase(r[1]) == name]
            failed = [r for r in rows if r[3] not in ok[who]]
            statuses = Counter("no answer" if r[3] == 0 else str(r[3]) for r in failed)
            slowest = max((r[2] for r in rows), default=0.0)
            text = ", ".join(f"{s}: {n}" for s, n in statuses.most_common()) or "—"
            print(
                f"| {who} | {name} | {len(rows)} | {len(failed)} | {text} | {slowest:.2f} |"
            )
            if name == "after":
                bad += len(failed)
    slowest = max(r[2] for r in requests)
    for who in ("reader", "writer"):
        later = sorted(
            r[1] + r[2]
            for r in requests
            if r[0] == who and r[1] >= start and r[3] in ok[who]
        )
        first = later[0] - end if later else float("nan")
        print(
            f"\n{who}: first success {first:+.2f} s after the restart command returned.",
            end="",
        )
    print(f"\nSlowest request of the run: {slowest:.2f} s.")
    if slowest > HANG:
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
