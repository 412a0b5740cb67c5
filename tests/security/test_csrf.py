"""Every URL refuses a POST without a CSRF token: no view is exempt, and the check
runs before the view (nothing is stored). The URL list comes from the URL conf, with
the arguments of tests/access (so a new view is covered as soon as it has a case)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access as access_package
from orgs.models import AuditEntry
from tests.access.test_every_url_covered import OUR_NAMESPACES, url_names
from tests.conftest import build_world

REFUSED = b"csrf-refused"


def csrf_failed(request, reason=""):
    return HttpResponse(REFUSED, status=403)


def all_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_no_view_is_csrf_exempt():
    exempt = [
        route
        for route, callback in all_patterns(get_resolver().url_patterns)
        if getattr(callback, "csrf_exempt", False)
    ]
    assert exempt == []


def modules():
    found = []
    for info in pkgutil.iter_modules(access_package.__path__):
        if info.name.startswith("cases_"):
            found.append(importlib.import_module(f"tests.access.{info.name}"))
    return found


def test_every_url_of_our_apps_has_arguments_for_this_test():
    ours = {
        n
        for n in url_names(get_resolver().url_patterns)
        if n.split(":")[0] in OUR_NAMESPACES or n == "healthz"
    }
    known = {case.url_name for module in modules() for case in module.CASES}
    assert ours - known == set()


@pytest.mark.django_db
@pytest.mark.parametrize("module", modules(), ids=lambda m: m.__name__.split(".")[-1])
def test_post_without_token_is_refused(module, settings):
    settings.CSRF_FAILURE_VIEW = "tests.security.test_csrf.csrf_failed"
    world = build_world()
    objects = module.build(world)
    seen, failures = set(), []
    for case in module.CASES:
        kwargs = case.kwargs(world, objects) if case.kwargs else None
        url = reverse(case.url_name, kwargs=kwargs)
        if url in seen:
            continue
        seen.add(url)
        data = case.data(world, objects) if case.data else {}
        for persona in ("anonymous", "secretariat", "officer_a"):
            client = Client(enforce_csrf_checks=True)
            if persona != "anonymous":
                client.force_login(getattr(world, persona))
            mark = AuditEntry.objects.count()  # the refusal comes before the view
            response = client.post(url, data)
            if AuditEntry.objects.count() != mark:
                failures.append(
                    f"{persona} POST {url} wrote "
                    + ", ".join(a.action for a in AuditEntry.objects.all()[:3])
                )
            if response.status_code != 403 or response.content != REFUSED:
                failures.append(f"{persona} POST {url}: {response.status_code}")
    assert failures == []


@pytest.mark.django_db
def test_login_and_admin_refuse_a_post_without_token(settings, world):
    settings.CSRF_FAILURE_VIEW = "tests.security.test_csrf.csrf_failed"
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "secretariat", "password": "x"}
    )
    assert response.content == REFUSED
    client.force_login(world.secretariat)
    for url in (
        reverse("logout"),
        reverse("admin:orgs_person_add"),
        reverse("admin:orgs_person_import"),
        reverse("admin:orgs_person_delete", args=[world.person_a.pk]),
    ):
        assert client.post(url, {"post": "yes"}).content == REFUSED, url
    assert type(world.person_a).objects.filter(pk=world.person_a.pk).exists()
