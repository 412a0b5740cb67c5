"""Shared fixtures: test-only settings and a small world of units and personas.

The world: province P with two sibling units A and B, each with a child (A1, B1).
Personas, and what each may see:
- ``secretariat``: thường trực of P — sees and manages everything under P.
- ``officer_a``: cán bộ TĐKT of A — sees and changes A and A1 only.
- ``officer_b``: cán bộ TĐKT of B — sees and changes B and B1 only.
- ``leader``: lãnh đạo of P — sees everything under P, changes nothing.
- ``outsider``: logged in, no role anywhere — sees nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from orgs import services
from orgs.models import Role
from tests.factories import PersonFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Cached figures (the dashboard's year in numbers) must not outlive a test.
    cache.clear()


@dataclass
class World:
    province: Any
    unit_a: Any
    unit_a1: Any
    unit_b: Any
    unit_b1: Any
    secretariat: Any
    officer_a: Any
    officer_b: Any
    leader: Any
    outsider: Any
    person_a: Any
    person_b: Any


def build_world() -> World:
    province = UnitFactory(
        code="P", name="Ủy ban nhân dân tỉnh Thử", kind="province", short_name="UBND"
    )
    unit_a = UnitFactory(
        code="A", name="Ủy ban nhân dân phường An Bình", parent=province
    )
    unit_b = UnitFactory(
        code="B", name="Ủy ban nhân dân phường Bảo Long", parent=province
    )
    unit_a1 = UnitFactory(
        code="A1", name="Trường Tiểu học An Bình", kind="school", parent=unit_a
    )
    unit_b1 = UnitFactory(
        code="B1", name="Trường Tiểu học Bảo Long", kind="school", parent=unit_b
    )
    people = {}
    for name, unit, role in (
        ("secretariat", province, Role.SECRETARIAT),
        ("officer_a", unit_a, Role.UNIT_OFFICER),
        ("officer_b", unit_b, Role.UNIT_OFFICER),
        ("leader", province, Role.LEADER),
    ):
        user = UserFactory(username=name, is_staff=role == Role.SECRETARIAT)
        services.role_grant(user=user, unit=unit, role=role, actor=None)
        people[name] = user
    return World(
        province=province,
        unit_a=unit_a,
        unit_a1=unit_a1,
        unit_b=unit_b,
        unit_b1=unit_b1,
        outsider=UserFactory(username="outsider"),
        person_a=PersonFactory(
            full_name="Nguyễn Văn Ánh", unit=unit_a, birth_year=1980
        ),
        person_b=PersonFactory(full_name="Trần Thị Bích", unit=unit_b, birth_year=1985),
        **people,
    )


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def load_reference_data() -> None:
    """Re-run every data migration named ``*_reference_data*`` (all are idempotent).

    Transactional tests (browser, concurrency) flush the database afterwards, and a
    database reused with --reuse-db may have been flushed: both put the rows back.
    """
    import importlib
    import pkgutil

    from django.apps import apps

    for app in ("orgs", "councils", "clusters", "awards", "reports"):
        try:
            package = importlib.import_module(f"{app}.migrations")
        except ModuleNotFoundError:
            continue
        for info in sorted(
            pkgutil.iter_modules(package.__path__), key=lambda i: i.name
        ):
            if "reference_data" in info.name:
                importlib.import_module(f"{app}.migrations.{info.name}").forwards(
                    apps, None
                )


DB_BLOCKER = pytest.StashKey[Any]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any, request: Any) -> None:
    # A database reused from an earlier run (--reuse-db) may have been flushed.
    with django_db_blocker.unblock():
        load_reference_data()
    request.config.stash[DB_BLOCKER] = django_db_blocker


def flushes_database(item: Any) -> bool:
    marker = item.get_closest_marker("django_db")
    transaction = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    names = item.fixturenames
    return bool(transaction) or "transactional_db" in names or "live_server" in names


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: Any, nextitem: Any) -> Any:
    """Put the reference rows back, committed, once a transactional test has flushed.

    Otherwise every later test would reload them inside its own rolled-back
    transaction (about a second each on PostgreSQL).
    """
    try:
        return (yield)
    finally:
        blocker = item.config.stash.get(DB_BLOCKER, None)
        # The next test, if transactional, loads what it needs and flushes again.
        ordinary_next = nextitem is not None and not flushes_database(nextitem)
        if blocker is not None and ordinary_next and flushes_database(item):
            with blocker.unblock():
                load_reference_data()


@pytest.fixture
def reference_data(transactional_db: Any) -> None:
    load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_present(request: Any) -> None:
    """Put the reference rows back if the database was emptied some other way.

    After a transactional test the teardown hook above has already restored them;
    this is the safety net (rows loaded here are rolled back with the test).
    """
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if marker is None and "db" not in names and "transactional_db" not in names:
        return
    if marker is None:
        request.getfixturevalue(
            "transactional_db" if "transactional_db" in names else "db"
        )
    from orgs.models import LegalParameter

    if not LegalParameter.objects.exists():
        load_reference_data()
