"""Data for the load test: the organisation part of ``seed_bench`` (province scale,
times LOAD_SCALE), the demo data of every app (``seed_demo``), and LOAD_USERS staff
accounts ``load.NN`` whose role grants copy the demo personas.

Run on an empty database, after ``migrate``:
    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=bench.settings \\
        .venv/bin/python -m bench.load.prepare
Only the ``orgs.*`` bench seeders run: the other apps' bench seeders are not part of
this test (see docs/load.md).
"""

from __future__ import annotations

import os
import random
import time

PASSWORD = "Load@2026test"
# Persona whose grants a load user copies, and how many users of each (sum 50).
MIX = [
    ("thuongtruc.hanoi", 12),  # city secretariat: sees everything of Hà Nội
    ("noivu.hbt", 8),  # district secretariat
    ("thuongtruc.hanam", 5),  # another province's secretariat
    ("bench", 5),  # secretariat of the province-scale tree of seed_bench
    ("canbo.ledaihanh", 4),  # ward and department officers
    ("canbo.haibatrung", 4),
    ("canbo.sgddt", 4),
    ("canbo.syt", 4),
    ("canbo.kbnn", 2),
    ("lanhdao.hanoi", 2),  # leader: reads reports and the dashboard
]


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction

    from orgs import services
    from orgs.bench import make_context
    from orgs.models import Role, RoleAssignment, Unit
    from orgs.registry import bench_seeders

    scale = float(os.environ.get("LOAD_SCALE", "0.1"))
    users = int(os.environ.get("LOAD_USERS", "50"))
    context = make_context(scale, 2026)
    for seeder in bench_seeders():
        if seeder.name.startswith("orgs."):
            started = time.perf_counter()
            with transaction.atomic():
                seeder.run(context)
            print(f"seed_bench {seeder.name}: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"seed_demo: {time.perf_counter() - started:.1f} s")

    User = get_user_model()
    hashed = make_password(PASSWORD)
    bench_province = Unit.objects.get(code="BENCH")
    plan = [persona for persona, count in MIX for _ in range(count)]
    random.Random(2026).shuffle(plan)
    with transaction.atomic():
        for number in range(1, users + 1):
            persona = plan[(number - 1) % len(plan)]
            user = User.objects.create(
                username=f"load.{number:02d}",
                password=hashed,
                is_staff=persona != "lanhdao.hanoi",
            )
            if persona == "bench":
                grants = [(bench_province, Role.SECRETARIAT)]
            else:
                grants = [
                    (a.unit, a.role)
                    for a in RoleAssignment.objects.filter(user__username=persona)
                ]
            for unit, role in grants:
                services.role_grant(user=user, unit=unit, role=role, actor=None)
    print(f"{users} load users (password {PASSWORD}), mix: {dict(MIX)}")


if __name__ == "__main__":
    main()
