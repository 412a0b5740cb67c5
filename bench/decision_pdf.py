"""Time the PDF of the decision with the longest annex (1,000 lines at scale 1.0).

Run (PostgreSQL, after `manage.py seed_bench`):
    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.decision_pdf
Uses the app's own rendering (``awards.printing.render.decision_pdf``: the print
context from the database, then WeasyPrint), warm process (one untimed render
first, so fonts and imports are loaded), median of REPEAT runs, against the
target of issue 8 (< 5 s). Also times the context alone, to split database and
template work from layout.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
TARGET_S = 5.0


def _pages(pdf: bytes) -> str:
    """Page count from poppler's pdfinfo (WeasyPrint compresses its page objects)."""
    if not shutil.which("pdfinfo"):
        return "?"
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout
    return next(
        (
            line.split()[-1]
            for line in out.decode().splitlines()
            if line.startswith("Pages:")
        ),
        "?",
    )


def main() -> int:
    import django

    django.setup()
    from django.db.models import Count

    from awards.models import Decision
    from awards.printing.render import decision_pdf, decision_print_context

    decision = Decision.objects.annotate(n=Count("lines")).order_by("-n", "pk").first()
    print(
        f"decision {decision.pk}: {decision.n:,} annex lines, status {decision.status}"
    )
    pdf = decision_pdf(decision)
    pages = _pages(pdf)
    contexts, renders = [], []
    for _ in range(REPEAT):
        started = time.perf_counter()
        decision_print_context(decision)
        contexts.append(time.perf_counter() - started)
        started = time.perf_counter()
        pdf = decision_pdf(decision)
        renders.append(time.perf_counter() - started)
    median = statistics.median(renders)
    print(f"PDF: {len(pdf) / 1024:.0f} KiB, {pages} pages")
    print(f"context only: median {statistics.median(contexts):.2f} s")
    print(
        f"whole PDF: median {median:.2f} s (runs {', '.join(f'{r:.2f}' for r in renders)}),"
        f" target < {TARGET_S:.0f} s: {'ok' if median < TARGET_S else '✗'}"
    )
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
