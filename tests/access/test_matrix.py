"""Walk every staff URL as every persona on objects of unit A and check the status.

Officer B asking for unit A's object must get 404, never the data; a persona
without the capability gets 403; anonymous users are sent to the login page.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.test import Client
from django.urls import reverse

import tests.access as access_package
from tests.access.matrix import PERSONAS, Case
from tests.conftest import build_world


def all_cases() -> list[tuple[Case, object]]:
    found = []
    for module_info in pkgutil.iter_modules(access_package.__path__):
        if module_info.name.startswith("cases_"):
            module = importlib.import_module(f"tests.access.{module_info.name}")
            found += [(case, module.build) for case in module.CASES]
    return found


CASES = all_cases()


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "builder"), CASES, ids=[case.id for case, _ in CASES])
def test_every_persona_gets_the_expected_status(case: Case, builder) -> None:
    world = build_world()
    objects = builder(world)
    url = reverse(
        case.url_name, kwargs=case.kwargs(world, objects) if case.kwargs else None
    )
    failures = []
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
        data = case.data(world, objects) if case.data else {}
        response = getattr(client, case.method)(url, data)
        expected = case.expect[persona]
        if expected == "login":
            ok = (
                response.status_code == 302
                and "/accounts/login/" in response["Location"]
            )
        else:
            ok = response.status_code == expected
        if not ok:
            failures.append(
                f"{persona}: expected {expected}, got {response.status_code}"
            )
    assert not failures, f"{case.method.upper()} {url}: " + "; ".join(failures)
