"""Extension points that let higher apps add to foundation pages without the
foundation importing them: navigation entries and dashboard panels.

Each app registers in its ``AppConfig.ready()``; the foundation only iterates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    order: int
    visible: Callable[[HttpRequest], bool]


@dataclass(frozen=True)
class DashboardPanel:
    """A block on the dashboard. ``build`` returns a context dict, or None to hide it."""

    key: str
    template: str
    order: int
    build: Callable[[HttpRequest], dict[str, Any] | None]


_nav: dict[str, NavItem] = {}
_panels: dict[str, DashboardPanel] = {}


def register_nav(item: NavItem) -> None:
    _nav[item.url_name] = item


def register_panel(panel: DashboardPanel) -> None:
    _panels[panel.key] = panel


def nav_items(request: HttpRequest) -> list[NavItem]:
    return [
        item
        for item in sorted(_nav.values(), key=lambda i: i.order)
        if item.visible(request)
    ]


def dashboard_panels(
    request: HttpRequest,
) -> list[tuple[DashboardPanel, dict[str, Any]]]:
    built = []
    for panel in sorted(_panels.values(), key=lambda p: p.order):
        context = panel.build(request)
        if context is not None:
            built.append((panel, context))
    return built


def once_per_request(request: HttpRequest, key: str, read: Callable[[], Any]) -> Any:
    """``read()`` the first time a request asks for ``key``, then the same answer:
    several panels show parts of one read (one query for all of them)."""
    reads = request.__dict__.setdefault("_panel_reads", {})
    if key not in reads:
        reads[key] = read()
    return reads[key]


@dataclass(frozen=True)
class DemoSeeder:
    """A step of ``manage.py seed_demo``; ``run(log)`` must be idempotent."""

    name: str
    order: int
    run: Callable[[Callable[[str], None]], None]


_seeders: dict[str, DemoSeeder] = {}


def register_demo(seeder: DemoSeeder) -> None:
    _seeders[seeder.name] = seeder


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_seeders.values(), key=lambda s: s.order)


@dataclass(frozen=True)
class DetailPanel:
    """A section that a higher app adds to a foundation detail page (a person, a unit).

    ``build(request, obj)`` returns a context dict, or None to hide the section.
    """

    key: str
    model_label: str
    template: str
    order: int
    build: Callable[[HttpRequest, Any], dict[str, Any] | None]


_detail_panels: dict[str, DetailPanel] = {}


def register_detail_panel(panel: DetailPanel) -> None:
    _detail_panels[panel.key] = panel


def detail_panels(
    request: HttpRequest, obj: Any
) -> list[tuple[DetailPanel, dict[str, Any]]]:
    label = obj._meta.label_lower
    built = []
    for panel in sorted(_detail_panels.values(), key=lambda p: p.order):
        if panel.model_label == label:
            context = panel.build(request, obj)
            if context is not None:
                built.append((panel, context))
    return built


@dataclass(frozen=True)
class BenchSeeder:
    """A step of ``manage.py seed_bench``: ``run(context)`` adds province-scale rows.

    ``context`` is shared between steps (``context["scale"]``, ``context["rng"]``, and
    whatever earlier steps put there, e.g. the ids of the units they created).
    """

    name: str
    order: int
    run: Callable[[dict[str, Any]], None]


_bench_seeders: dict[str, BenchSeeder] = {}


def register_bench(seeder: BenchSeeder) -> None:
    _bench_seeders[seeder.name] = seeder


def bench_seeders() -> list[BenchSeeder]:
    return sorted(_bench_seeders.values(), key=lambda s: s.order)
