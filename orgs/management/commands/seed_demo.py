from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from orgs.demo import DEMO_PASSWORD, demo_logins
from orgs.registry import demo_seeders


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (chạy lại nhiều lần không tạo trùng). Không chạy khi DEBUG tắt."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Cho phép chạy khi DEBUG tắt (chỉ dùng cho kiểm thử).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo chỉ chạy khi DEBUG=True: không nạp dữ liệu minh họa vào hệ thống thật."
            )
        for seeder in demo_seeders():
            self.stdout.write(f"→ {seeder.name}")
            with transaction.atomic():
                seeder.run(self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu minh họa. Tài khoản (mật khẩu chung: {DEMO_PASSWORD}):"
            )
        )
        for username, role, unit in demo_logins():
            self.stdout.write(f"  {username:<20} {role} — {unit}")
