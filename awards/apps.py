from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self) -> None:
        from awards import bench as bench_seed
        from orgs.registry import BenchSeeder, register_bench

        for name, order, run in (
            ("awards.results", 300, bench_seed.seed_results),
            ("awards.records", 310, bench_seed.seed_records),
            ("awards.dossiers", 320, bench_seed.seed_dossiers),
            ("awards.decisions", 330, bench_seed.seed_decisions),
        ):
            register_bench(BenchSeeder(name, order, run))
        from awards import demo, panels
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
                _("Hồ sơ khen thưởng"),
                "awards:dossier-list",
                300,
                panels.can("awards.view_dossier"),
            )
        )
        register_nav(
            NavItem(
                _("Tiếp nhận hồ sơ"),
                "awards:dossier-queue",
                301,
                panels.can("awards.process_dossier"),
            )
        )
        register_nav(
            NavItem(
                _("Khen thưởng đã nhận"),
                "awards:record-list",
                302,
                panels.can("awards.view_awardrecord"),
            )
        )
        register_nav(
            NavItem(
                _("Phong trào, sáng kiến"),
                "awards:movement-list",
                303,
                panels.can("awards.view_movement"),
            )
        )
        register_panel(
            DashboardPanel(
                "awards-returned",
                "awards/panels/_unit_dashboard.html",
                300,
                panels.unit_dashboard,
            )
        )
        register_panel(
            DashboardPanel(
                "awards-queue",
                "awards/panels/_queue_dashboard.html",
                301,
                panels.queue_dashboard,
            )
        )
        register_detail_panel(
            DetailPanel(
                "awards-person",
                "orgs.person",
                "awards/panels/_history.html",
                300,
                panels.person_history,
            )
        )
        register_detail_panel(
            DetailPanel(
                "awards-unit",
                "orgs.unit",
                "awards/panels/_history.html",
                300,
                panels.unit_history,
            )
        )
        register_nav(
            NavItem(
                _("Quyết định khen thưởng"),
                "awards:decision-list",
                304,
                panels.can("awards.view_decision"),
            )
        )
        register_nav(
            NavItem(
                _("Điển hình hằng tháng"),
                "awards:monthly-home",
                305,
                panels.can("awards.view_monthlyproposal"),
            )
        )
        register_nav(
            NavItem(_("Tra cứu"), "awards:search", 306, panels.can("awards.search"))
        )
        for key, template, order, build in (
            (
                "awards-decisions",
                "_decisions_dashboard",
                302,
                panels.decisions_dashboard,
            ),
            ("awards-monthly", "_monthly_dashboard", 303, panels.monthly_dashboard),
            ("awards-clusters", "_cluster_dashboard", 304, panels.cluster_dashboard),
        ):
            register_panel(
                DashboardPanel(key, f"awards/panels/{template}.html", order, build)
            )
        for name, order, run in demo.SEEDERS:
            register_demo(DemoSeeder(name, order, run))
        self._connect()

    def _connect(self) -> None:
        from awards import receivers
        from awards.printing import render
        from councils.signals import minutes_issued
        from orgs.jobs import register_job_kind

        register_job_kind("awards.decision_pdf", render.decision_pdf_job)
        register_job_kind("awards.certificates", render.certificates_job)
        minutes_issued.connect(
            receivers.freeze_result_sheet, dispatch_uid="awards.freeze_result_sheet"
        )
