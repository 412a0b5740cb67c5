"""Summarise a load run: throughput, exact p50/p95/p99 and errors per page.

    .venv/bin/python bench/load/report.py RESULTS_DIR

Reads RESULTS_DIR/samples.csv (every request, written by the locustfile),
RESULTS_DIR/gunicorn.log (access log: 5xx count) and RESULTS_DIR/vmstat.txt (CPU).
Prints Markdown.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

LOGIN = {"login", "login form"}


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    if not values:
        return 0.0
    rank = max(1, -(-len(values) * p // 100))  # ceil
    return values[int(rank) - 1]


def row(name: str, samples: list[tuple[float, float, int]], seconds: float) -> str:
    ms = sorted(s[1] for s in samples)
    errors = sum(1 for s in samples if not 200 <= s[2] < 400)
    return (
        f"| {name} | {len(ms)} | {len(ms) / seconds:.1f} | {percentile(ms, 50):.0f} | "
        f"{percentile(ms, 95):.0f} | {percentile(ms, 99):.0f} | {ms[-1]:.0f} | {errors} |"
    )


def main(folder: Path) -> None:
    by_name: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    with open(folder / "samples.csv") as source:
        for line in csv.DictReader(source):
            sample = (float(line["start"]), float(line["ms"]), int(line["status"]))
            by_name[line["name"]].append(sample)
            if line["error"]:
                errors[f"{line['name']}: {line['error']}"] += 1
    everything = [s for samples in by_name.values() for s in samples]
    started = min(s[0] for s in everything)
    ended = max(s[0] + s[1] / 1000 for s in everything)
    seconds = ended - started
    pages = [s for name, v in by_name.items() if name not in LOGIN for s in v]

    print(f"Window {seconds:.1f} s, {len(everything)} requests.\n")
    print("| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(row("**all pages (no login)**", pages, seconds))
    print(row("**everything**", everything, seconds))
    for name in sorted(by_name, key=lambda n: -len(by_name[n])):
        print(row(name, by_name[name], seconds))

    log = (folder / "gunicorn.log").read_text(errors="replace")
    statuses = re.findall(r'" (\d{3}) ', log)
    server_errors = sum(1 for s in statuses if s.startswith("5"))
    print(
        f"\ngunicorn access log: {len(statuses)} responses, {server_errors} with 5xx."
    )
    if errors:
        print("\nErrors seen by the load generator:")
        for text, count in sorted(errors.items(), key=lambda e: -e[1])[:15]:
            print(f"- {count} × {text}")

    cpu_file = folder / "cpu.txt"
    if cpu_file.exists():
        cpu: dict[str, float] = {}
        for line in cpu_file.read_text().splitlines():
            parts = line.split()
            if parts and parts[0] == "locust" and len(parts) == 3:
                cpu["locust"] = float(parts[1]) + float(parts[2])
            elif len(parts) == 2:
                cpu[parts[0]] = float(parts[1])
        app = cpu["gunicorn_after"] - cpu["gunicorn_before"]
        machine = cpu["machine_after"] - cpu["machine_before"]
        generator = cpu.get("locust", 0.0)
        print(
            f"\nCPU seconds over the run ({os.cpu_count()} cores = {os.cpu_count() * seconds:.0f} s available): "
            f"gunicorn workers {app:.1f} s ({1000 * app / len(everything):.0f} ms per "
            f"request), locust {generator:.1f} s, everything else (PostgreSQL, other "
            f"processes on the machine) {machine - app - generator:.1f} s; "
            f"machine total {machine:.1f} s."
        )

    vmstat = folder / "vmstat.txt"
    if vmstat.exists():
        lines = [ln.split() for ln in vmstat.read_text().splitlines()[3:]]
        lines = [ln for ln in lines if len(ln) >= 15 and ln[0].isdigit()]
        if lines:
            us = sum(int(ln[12]) for ln in lines) / len(lines)
            sy = sum(int(ln[13]) for ln in lines) / len(lines)
            idle = sum(int(ln[14]) for ln in lines) / len(lines)
            print(
                f"\nCPU during the run (vmstat, 5 s samples, all processes): "
                f"user {us:.0f} %, system {sy:.0f} %, idle {idle:.0f} %."
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
