from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from orgs.bench import make_context
from orgs.models import Unit
from orgs.registry import bench_seeders


class Command(BaseCommand):
    help = "Nạp dữ liệu quy mô tỉnh để đo hiệu năng (tất định, có thể thu nhỏ bằng --scale)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 = quy mô một tỉnh."
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        if Unit.objects.filter(code="BENCH").exists():
            raise CommandError(
                "Dữ liệu đo hiệu năng đã có (đơn vị mã BENCH). Hãy dùng một cơ sở dữ liệu trống."
            )
        context = make_context(options["scale"], options["seed"])
        for seeder in bench_seeders():
            started = time.perf_counter()
            with transaction.atomic():
                seeder.run(context)
            self.stdout.write(f"{seeder.name}: {time.perf_counter() - started:.1f} s")
        self.stdout.write(self.style.SUCCESS("Xong."))
