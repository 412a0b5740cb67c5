"""The demo council of article 0 is seeded once, whatever the number of runs."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from councils.models import (
    Composition,
    Consultation,
    Council,
    CouncilMember,
    Meeting,
    Task,
    Vote,
)
from councils.selectors import members_on
from orgs.models import LegalParameter
from tests.conftest import load_reference_data

pytestmark = pytest.mark.django_db
D = datetime.date


def _counts():
    return tuple(
        model.objects.count()
        for model in (
            Council,
            Composition,
            CouncilMember,
            Meeting,
            Vote,
            Task,
            Consultation,
        )
    )


def _seed(tmp_path):
    with open(tmp_path / "out.txt", "a") as out:
        call_command("seed_demo", stdout=out)


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo once for the module, inside a transaction rolled back at its
    end (each test's own transaction nests in it as a savepoint): seeding takes
    15–40 s and the tests only read, except the second seeding, which its test's
    savepoint undoes."""
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=True),
        transaction.atomic(),
    ):
        # A transactional test before this module may have emptied the database;
        # the per-test fixture that puts the reference rows back runs after this one.
        if not LegalParameter.objects.exists():
            load_reference_data()
        _seed(tmp_path_factory.mktemp("demo"))
        yield Council.objects.get(code="HN-HBT-HĐTĐKT").pk
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_module, db, settings):
    settings.DEBUG = True
    return Council.objects.get(pk=_seeded_module)


def test_seeding_twice_adds_nothing(seeded, tmp_path):
    counts = _counts()
    _seed(tmp_path)
    assert _counts() == counts


def test_demo_council_of_article_0(seeded):
    council = seeded
    assert council.standing_unit.code == "HN-HBT-NV"
    assert council.issuer.symbol == "HĐTĐKT"
    on_session = list(members_on(council, D(2022, 3, 9)))
    assert len(on_session) == 22
    assert on_session[0].composition.decision_number == "4084/QĐ-UBND"
    now = {m.person.full_name for m in members_on(council, D(2022, 4, 1))}
    assert len(now) == 22 and "Bùi Quang Dũng" not in now
    assert "Hoàng Văn Long" in now


def test_demo_session_has_its_minutes_and_tasks(seeded):
    meeting = Meeting.objects.get(council=seeded, year=2022, number=1, kind="regular")
    assert meeting.minutes.full_number == "01/BB-HĐTĐKT"
    assert meeting.agenda_items.count() == 7
    assert meeting.attendances.filter(status="present").count() == 19
    assert Vote.objects.filter(agenda_item__meeting=meeting, passed=True).count() == 2
    assert Task.objects.filter(conclusion__meeting=meeting, status="open").exists()
    assert "Bùi Quang Dũng" in str(meeting.minutes.snapshot)


def test_demo_logins_see_their_part(seeded):
    user = get_user_model().objects.get(username="thanhvien.hbt")
    client = Client()
    client.force_login(user)
    body = client.get(reverse("orgs:dashboard")).content.decode()
    assert "Dự trù kinh phí khen thưởng hàng tháng" in body
    assert "Dự thảo Quy chế hoạt động (sửa đổi)" in body
    assert (
        client.get(reverse("councils:council-detail", args=[seeded.pk])).status_code
        == 200
    )
    secretariat = Client()
    secretariat.force_login(get_user_model().objects.get(username="noivu.hbt"))
    assert (
        secretariat.get(
            reverse("councils:council-update", args=[seeded.pk])
        ).status_code
        == 200
    )
    closed = Consultation.objects.get(meeting__council=seeded, status="closed")
    assert closed.report.full_number == "01/BC-HĐTĐKT"
