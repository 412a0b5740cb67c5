from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Cụm, khối thi đua")

    def ready(self) -> None:
        from clusters import bench as bench_seed
        from orgs.registry import BenchSeeder, register_bench

        register_bench(BenchSeeder("clusters.scoring", 200, bench_seed.seed_clusters))
        from clusters import demo, panels
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

        def can(permission: str):
            return lambda request: request.user.has_perm(permission)

        register_nav(
            NavItem(
                _("Cụm, khối thi đua"),
                "clusters:cluster-list",
                40,
                can("clusters.view_cluster"),
            )
        )
        register_nav(
            NavItem(
                _("Bộ tiêu chí"),
                "clusters:criteria-list",
                45,
                can("clusters.view_criteriaset"),
            )
        )
        register_panel(
            DashboardPanel(
                "clusters.mine",
                "clusters/panels/_my_clusters.html",
                200,
                panels.my_clusters,
            )
        )
        register_panel(
            DashboardPanel(
                "clusters.scoring_due",
                "clusters/panels/_scoring_due.html",
                210,
                panels.scoring_due,
            )
        )
        register_panel(
            DashboardPanel(
                "clusters.late",
                "clusters/panels/_late_units.html",
                220,
                panels.late_units,
            )
        )
        register_detail_panel(
            DetailPanel(
                "clusters.unit",
                "orgs.unit",
                "clusters/panels/_unit_clusters.html",
                200,
                panels.unit_clusters,
            )
        )
        register_demo(
            DemoSeeder(_("Cụm, khối thi đua: Cụm 8 (2019)"), 200, demo.seed_cluster_8)
        )
        register_demo(
            DemoSeeder(_("Cụm, khối thi đua: Cụm 7 (2023)"), 210, demo.seed_cluster_7)
        )
        register_demo(
            DemoSeeder(
                _("Cụm, khối thi đua: Khối Tổng hợp Hà Nam (2021–2022)"),
                220,
                demo.seed_ha_nam_block,
            )
        )
