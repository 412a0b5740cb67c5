from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = _("Tổ chức, con người và văn bản")

    def ready(self) -> None:
        from orgs import bench, demo
        from orgs.registry import (
            BenchSeeder,
            DemoSeeder,
            NavItem,
            register_bench,
            register_demo,
            register_nav,
        )

        def can(permission: str):
            return lambda request: request.user.has_perm(permission)

        register_nav(
            NavItem(_("Trang chính"), "orgs:dashboard", 0, lambda request: True)
        )
        register_nav(NavItem(_("Đơn vị"), "orgs:unit-list", 10, can("orgs.view_unit")))
        register_nav(
            NavItem(_("Cá nhân"), "orgs:person-list", 20, can("orgs.view_person"))
        )
        register_nav(
            NavItem(
                _("Văn bản"), "orgs:document-list", 80, can("orgs.view_issueddocument")
            )
        )
        register_nav(
            NavItem(
                _("Tham số pháp lý"),
                "orgs:parameter-list",
                90,
                can("orgs.view_parametervalue"),
            )
        )
        register_demo(DemoSeeder(_("Đơn vị"), 10, demo.seed_units))
        register_demo(DemoSeeder(_("Cá nhân"), 20, demo.seed_people))
        register_demo(DemoSeeder(_("Tài khoản và phân quyền"), 30, demo.seed_users))
        register_bench(BenchSeeder("orgs.units", 10, bench.seed_units))
        register_bench(BenchSeeder("orgs.people", 20, bench.seed_people))
