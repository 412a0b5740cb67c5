from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("Hội đồng thi đua, khen thưởng")

    def ready(self) -> None:
        from councils import bench as bench_seed
        from orgs.registry import BenchSeeder, register_bench

        register_bench(BenchSeeder("councils.council", 100, bench_seed.seed_council))
        from councils import demo, panels
        from orgs.registry import (
            DashboardPanel,
            DemoSeeder,
            DetailPanel,
            NavItem,
            register_demo,
            register_detail_panel,
            register_nav,
            register_panel,
        )

        register_nav(
            NavItem(
                _("Hội đồng"),
                "councils:council-list",
                30,
                lambda request: request.user.has_perm("councils.view_council"),
            )
        )
        for key, template, order, build in (
            (
                "councils-consultations",
                "_consultations_panel",
                40,
                panels.consultations_panel,
            ),
            ("councils-tasks", "_tasks_panel", 45, panels.tasks_panel),
        ):
            register_panel(
                DashboardPanel(key, f"councils/partials/{template}.html", order, build)
            )
        register_detail_panel(
            DetailPanel(
                "councils-person-seats",
                "orgs.person",
                "councils/partials/_person_seats.html",
                40,
                panels.person_seats_panel,
            )
        )
        register_detail_panel(
            DetailPanel(
                "councils-unit-councils",
                "orgs.unit",
                "councils/partials/_unit_councils.html",
                40,
                panels.unit_councils_panel,
            )
        )
        for name, order, run in (
            (
                _("Hội đồng Thi đua, khen thưởng quận Hai Bà Trưng"),
                100,
                demo.seed_council,
            ),
            (_("Phiên họp lần thứ Nhất năm 2022"), 110, demo.seed_session),
            (_("Lấy ý kiến thành viên bằng văn bản"), 120, demo.seed_consultations),
        ):
            register_demo(DemoSeeder(name, order, run))
