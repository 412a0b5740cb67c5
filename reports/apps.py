from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo, thống kê")

    def ready(self) -> None:
        from orgs.registry import (
            DashboardPanel,
            DetailPanel,
            NavItem,
            register_detail_panel,
            register_nav,
            register_panel,
        )
        from reports import panels

        register_nav(
            NavItem(
                _("Báo cáo, thống kê"),
                "reports:index",
                500,
                lambda request: request.user.has_perm("reports.view_statistics"),
            )
        )
        for key, template, order, build in (
            ("reports-year", "_year_numbers", 20, panels.year_in_numbers),
            ("reports-sessions", "_sessions", 35, panels.sessions),
            ("reports-followed", "_followed_clusters", 205, panels.followed_clusters),
            ("reports-clusters", "_cluster_progress", 225, panels.cluster_progress),
            ("reports-queue-age", "_queue_age", 302, panels.queue_by_age),
            ("reports-overdue", "_overdue", 303, panels.overdue),
        ):
            register_panel(
                DashboardPanel(key, f"reports/panels/{template}.html", order, build)
            )
        for label in ("orgs.person", "orgs.unit"):
            register_detail_panel(
                DetailPanel(
                    f"reports-achievement-{label}",
                    label,
                    "reports/panels/_achievement_links.html",
                    400,
                    panels.achievement_links,
                )
            )
        self._register_demo()

    def _register_demo(self) -> None:
        from orgs.registry import DemoSeeder, register_demo
        from reports import demo

        for name, order, run in demo.seeders():
            register_demo(DemoSeeder(name, order, run))
