"""Time the import of a 10,000-row people spreadsheet (.xlsx), on the seed_bench data.

Run (PostgreSQL, after `manage.py seed_bench`):
    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.people_import
Goes the way the admin's import does: the .xlsx read by import-export's XLSX
format, then ``orgs.resources.PersonResource`` scoped to the province's
secretariat — a dry run (the preview) and the confirmed import. Two files: a
clean one (preview + import, rolled back afterwards so the bench data stays as
seeded) and one with 1% bad rows (unknown unit, bad year, blank name, the same
person twice), which must report each of them and save nothing. Target of
issue 8: < 30 s with the row errors reported.
"""

from __future__ import annotations

import io
import os
import sys
import time

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
TARGET_S = 30.0
HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Năm sinh",
    "Chức vụ",
    "Mã đơn vị",
    "Người lao động trực tiếp",
]


def spreadsheet(codes: list[str], bad_every: int | None) -> bytes:
    import random

    from openpyxl import Workbook

    from orgs.demo import GIVEN, MIDDLE, SURNAMES

    rng = random.Random(8)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for index in range(ROWS):
        gender = "male" if index % 2 else "female"
        name = (
            f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} "
            f"{rng.choice(GIVEN[gender])} Nhập {index}"
        )
        row = [
            name,
            "Nam" if gender == "male" else "Nữ",
            1960 + index % 40,
            "Chuyên viên",
            codes[index % len(codes)],
            "Có" if index % 3 else "Không",
        ]
        if bad_every and index % bad_every == bad_every - 1:
            problem = (index // bad_every) % 4
            if problem == 0:
                row[4] = "KHONG-CO"
            elif problem == 1:
                row[2] = "năm chín mươi"
            elif problem == 2:
                row[0] = ""
            else:
                row = sheet[sheet.max_row][0:6]
                row = [cell.value for cell in row]
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(data: bytes, scope, dry_run: bool):
    from django.db import transaction
    from import_export.formats.base_formats import XLSX

    from orgs.resources import PersonResource

    started = time.perf_counter()
    dataset = XLSX().create_dataset(data)
    with transaction.atomic():
        result = PersonResource(scope=scope).import_data(
            dataset, dry_run=dry_run, rollback_on_validation_errors=True
        )
        transaction.set_rollback(True)  # leave the bench data as seeded
    return time.perf_counter() - started, result


def main() -> int:
    from bench.pages import setup

    context = setup()
    from orgs.models import Unit
    from orgs.scoping import scope_for

    scope = scope_for(context["user"])
    codes = list(
        Unit.objects.filter(code__startswith="BENCH-L")
        .order_by("code")
        .values_list("code", flat=True)[:200]
    )
    failures = 0
    for label, bad_every, dry_run in (
        ("clean file, preview (dry run)", None, True),
        ("clean file, import", None, False),
        ("1% bad rows, preview (dry run)", 100, True),
    ):
        data = spreadsheet(codes, bad_every)
        seconds, result = run(data, scope, dry_run)
        invalid = len(result.invalid_rows)
        errors = len(result.row_errors())
        totals = dict(result.totals)
        ok = seconds < TARGET_S and (bad_every is None) == (invalid + errors == 0)
        failures += not ok
        print(
            f"{label:<32} {ROWS:,} rows, {len(data) / 1024:.0f} KiB: {seconds:.1f} s,"
            f" new {totals.get('new', 0):,}, rows with errors {invalid + errors:,}"
            f" {'ok' if ok else '✗'}"
        )
        if invalid:
            first = result.invalid_rows[0]
            print(f"    e.g. row {first.number}: {first.error_dict}")
        for number, row_errors in result.row_errors()[:3]:
            print(f"    error on row {number}: {row_errors[0].error!r}")
        for error in result.base_errors[:3]:
            print(f"    error: {error.error!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
