"""Two officers saving the same dossier at the same moment: one wins, the other is
told (PostgreSQL row locks; SQLite serialises writers anyway). Through the edit page:
the one who saves second is told, and the first edit is kept."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection
from django.urls import reverse

from awards.models import Dossier
from awards.services import dossiers as services
from tests.factories import UnitFactory
from tests.factories_awards import dossier

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]
WORKERS = 6


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are a PostgreSQL test"
)
def test_concurrent_edits_of_one_version_let_exactly_one_through():
    target = dossier(UnitFactory(code="CONC-A", name="Phường Đồng Thời"), "LDTT")
    seen = target.version
    barrier = threading.Barrier(WORKERS)
    outcomes: list[str] = []

    def officer(number: int) -> None:
        try:
            barrier.wait()
            services.dossier_update(
                dossier=target, actor=None, version=seen, title=f"Bản sửa {number}"
            )
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(error.code or "error")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=officer, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["saved"] + ["stale"] * (WORKERS - 1)
    assert Dossier.objects.get(pk=target.pk).version == seen + 1


def _form_data(response, **changes) -> dict:
    form = response.context["form"]
    data = {}
    for field in form:
        value = field.field.prepare_value(field.value())
        if value is not None:
            data[field.html_name] = value
    return {**data, **changes}


def test_the_second_officer_saving_the_edit_page_is_told_and_nothing_is_lost(
    client, world
):
    target = dossier(world.unit_a, "LDTT")
    url = reverse("awards:dossier-update", args=[target.pk])
    client.force_login(world.officer_a)
    officer_page = client.get(url)
    client.force_login(world.secretariat)
    secretariat_page = client.get(url)

    saved = client.post(url, _form_data(secretariat_page, title="Bản của thường trực"))
    assert saved.status_code == 302
    client.force_login(world.officer_a)
    refused = client.post(url, _form_data(officer_page, title="Bản của cán bộ"))

    assert refused.status_code == 200
    assert "vừa được người khác thay đổi" in refused.content.decode()
    current = Dossier.objects.get(pk=target.pk)
    assert current.title == "Bản của thường trực"
    assert current.version == target.version + 1
